// Thin RAII wrappers over the SQLite C API. Private to store/: nothing outside this folder
// includes this header, so sqlite3 types never reach the public API.
//
// Every failing call throws SqliteError("<db path>: <what>: <sqlite message>"), a StoreError
// with the SQLite result code. None of these
// classes is thread-safe; a Database and its statements belong to one thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sillok::sql {

// A failed SQLite call: a StoreError that also keeps the extended result code, so callers can
// tell a broken article (constraint) from a broken environment (disk full, read-only, I/O).
class SqliteError : public StoreError {
 public:
  SqliteError(const std::string& message, int code) : StoreError(message), code_(code) {}
  int code() const { return code_; }
  // Another connection holds the lock (SQLITE_BUSY / SQLITE_LOCKED and their extended codes).
  bool busy() const;
  // The environment failed (disk full, I/O error, out of memory, read-only or corrupt file,
  // lock wait timed out): going on with the next article of a batch cannot succeed and might
  // commit half of it, so the whole batch must be abandoned.
  bool environmental() const;

 private:
  int code_;
};

// One connection. The file is created only in `Mode::create`; `Mode::existing` fails when the
// file is missing instead of leaving an empty database behind. Paths starting with "file:" are
// SQLite URI filenames ("file:news.db?mode=ro" opens read-only).
class Database {
 public:
  enum class Mode { create, existing };

  Database(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs SQL text with no result rows (may hold several statements). Throws on error.
  void exec(const std::string& sql, const std::string& what);
  // Like exec, but never throws: for rollbacks in destructors. Returns false on error.
  bool exec_noexcept(const char* sql) noexcept;
  // Throws StoreError "<path>: <what>: <sqlite3_errmsg>" unless rc is SQLITE_OK/ROW/DONE.
  void check(int rc, const std::string& what) const;
  [[noreturn]] void fail(const std::string& what) const;
  std::int64_t last_insert_rowid() const;
  // False in autocommit mode: no BEGIN is open, or SQLite rolled an open one back on its own
  // (it does so after some I/O, disk-full and out-of-memory errors).
  bool in_transaction() const;
  // True when SQLite could only open the file for reading (file permissions, read-only media).
  bool read_only() const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// One prepared statement. Parameters are 1-based, columns 0-based, as in the C API.
// Text is always copied on bind (SQLITE_TRANSIENT), so temporaries are safe to pass.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_text(int index, std::string_view value);
  // Binds NULL for an empty string: optional values (dates) are NULL in the database.
  Statement& bind_text_or_null(int index, std::string_view value);
  Statement& bind_null(int index);

  // Advances; true when a row is available, false when the statement is done.
  bool step();
  // Steps a statement that returns no rows (INSERT, UPDATE, ...).
  void run();
  // Resets and clears the bindings so the statement can be reused.
  void reset() noexcept;

  std::int64_t column_int(int column) const;
  // "" for NULL.
  std::string column_text(int column) const;
  bool column_is_null(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;  // for error messages
};

// Prepared statements keyed by their SQL text, prepared once per connection. A lease marks its
// statement busy; asking for a busy statement (a nested query with the same SQL, e.g. from a
// callback) yields a private one-off statement instead, so iterations never clobber each other.
class StatementCache {
 public:
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Statement& operator*() const { return *stmt_; }
    Statement* operator->() const { return stmt_; }

   private:
    friend class StatementCache;
    Lease(Statement* stmt, bool* busy, std::unique_ptr<Statement> owned);
    Statement* stmt_;
    bool* busy_;  // the cache entry's flag; null for one-off statements
    std::unique_ptr<Statement> owned_;
  };

  explicit StatementCache(Database& db) : db_(db) {}
  Lease get(const std::string& sql);

 private:
  struct Entry {
    std::unique_ptr<Statement> stmt;
    bool busy = false;
  };
  Database& db_;
  std::unordered_map<std::string, Entry> entries_;
};

// BEGIN IMMEDIATE ... COMMIT. Destroying it without commit() rolls back. IMMEDIATE takes the
// write lock up front, so a concurrent writer waits (busy_timeout) instead of failing mid-batch.
// When another process holds the lock longer than the busy timeout, BEGIN is retried until
// `patience` has passed; then the constructor throws SqliteError (busy()).
class Transaction {
 public:
  explicit Transaction(Database& db, std::chrono::milliseconds patience = kDefaultPatience);
  static constexpr std::chrono::milliseconds kDefaultPatience{60000};
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Throws StoreError when COMMIT fails; the destructor then rolls everything back.
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// SAVEPOINT name ... RELEASE. Destroying it without release() rolls back to the savepoint
// (and releases it), undoing only the work done since it was taken.
class Savepoint {
 public:
  Savepoint(Database& db, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();
  // Undoes the work since the savepoint and ends it; never throws.
  void rollback() noexcept;

 private:
  Database& db_;
  std::string name_;
  std::string rollback_sql_;  // built up front so rollback() needs no allocation
  bool done_ = false;
};

}  // namespace sillok::sql
