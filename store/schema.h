// The store's schema as an ordered list of migrations, versioned by `PRAGMA user_version`.
// Private to store/. To change the schema, append a migration; never edit a shipped one
// (docs/architecture-store.md, "Extending the schema").
#pragma once

#include <vector>

#include "store/sqlite.h"

namespace sillok::schema {

struct Migration {
  int version;              // user_version after this step: 1, 2, 3, ... without gaps
  const char* description;  // one line, for error messages
  const char* sql;          // DDL (and data fix-ups) run inside one transaction
};

// Every migration, oldest first.
const std::vector<Migration>& migrations();

// The version a fully migrated database has.
int current_version();

// The database's user_version (0 for a new, empty file).
int version_of(sql::Database& db);

// Brings the database up to the last version of `steps` (default: migrations()), one
// transaction per migration, so a failure leaves it at the last completed version. Throws
// StoreError when the file's version is above the last one (written by a newer sillok) or a
// migration fails. `steps` must be ordered by version.
void migrate(sql::Database& db, const std::vector<Migration>& steps);
void migrate(sql::Database& db);

}  // namespace sillok::schema
