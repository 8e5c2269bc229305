#include "store/sqlite.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <thread>
#include <utility>

#include "store/error.h"

namespace sillok::sql {
namespace {

// SQLITE_TRANSIENT is a macro with a C-style cast; this is the same value without the warning.
// It makes SQLite copy bound text, so callers may bind temporaries.
sqlite3_destructor_type transient() {
  // NOLINTNEXTLINE(performance-no-int-to-ptr): SQLite defines this sentinel as a pointer.
  return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

bool is_ok(int rc) { return rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// SqliteError

bool SqliteError::busy() const {
  const int primary = code_ & 0xff;  // extended codes keep the primary code in the low byte
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool SqliteError::environmental() const {
  switch (code_ & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_INTERRUPT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Database

Database::Database(const std::string& path, Mode mode) : path_(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
  if (mode == Mode::create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // sqlite3_open_v2 hands back a handle even on failure; it carries the message.
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(path_ + ": cannot open database: " + message, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  // close_v2 defers the close until every statement is finalized, so order never matters.
  if (db_) sqlite3_close_v2(db_);
}

void Database::exec(const std::string& sql, const std::string& what) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw SqliteError(path_ + ": " + what + ": " + message, sqlite3_extended_errcode(db_));
  }
}

bool Database::exec_noexcept(const char* sql) noexcept {
  return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

void Database::check(int rc, const std::string& what) const {
  if (!is_ok(rc)) fail(what);
}

void Database::fail(const std::string& what) const {
  throw SqliteError(path_ + ": " + what + ": " + sqlite3_errmsg(db_),
                    sqlite3_extended_errcode(db_));
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

bool Database::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

// ---------------------------------------------------------------------------------------------
// Statement

Statement::Statement(Database& db, std::string_view sql) : db_(db), sql_(sql) {
  const int rc = sqlite3_prepare_v3(db_.handle(), sql_.data(), static_cast<int>(sql_.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  db_.check(rc, "prepare \"" + sql_ + "\"");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind_int(int index, std::int64_t value) {
  db_.check(sqlite3_bind_int64(stmt_, index, value), "bind in \"" + sql_ + "\"");
  return *this;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), transient(), SQLITE_UTF8);
  db_.check(rc, "bind in \"" + sql_ + "\"");
  return *this;
}

Statement& Statement::bind_text_or_null(int index, std::string_view value) {
  return value.empty() ? bind_null(index) : bind_text(index, value);
}

Statement& Statement::bind_null(int index) {
  db_.check(sqlite3_bind_null(stmt_, index), "bind in \"" + sql_ + "\"");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("run \"" + sql_ + "\"");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  const int size = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------------
// StatementCache

StatementCache::Lease::Lease(Statement* stmt, bool* busy, std::unique_ptr<Statement> owned)
    : stmt_(stmt), busy_(busy), owned_(std::move(owned)) {
  if (busy_) *busy_ = true;
}

StatementCache::Lease::Lease(Lease&& other) noexcept
    : stmt_(other.stmt_), busy_(other.busy_), owned_(std::move(other.owned_)) {
  other.stmt_ = nullptr;
  other.busy_ = nullptr;
}

StatementCache::Lease::~Lease() {
  if (!stmt_) return;
  stmt_->reset();
  if (busy_) *busy_ = false;
}

StatementCache::Lease StatementCache::get(const std::string& sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end()) {
    Entry entry;
    entry.stmt = std::make_unique<Statement>(db_, sql);
    it = entries_.emplace(sql, std::move(entry)).first;
  }
  Entry& entry = it->second;
  if (entry.busy) {
    auto one_off = std::make_unique<Statement>(db_, sql);
    Statement* raw = one_off.get();
    return Lease(raw, nullptr, std::move(one_off));
  }
  return Lease(entry.stmt.get(), &entry.busy, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Transaction and Savepoint

Transaction::Transaction(Database& db, std::chrono::milliseconds patience) : db_(db) {
  // Each attempt already waits busy_timeout; the loop covers a writer that keeps the lock for
  // longer (a big batch on a slow disk), so concurrent ingests queue up instead of failing.
  const auto give_up = std::chrono::steady_clock::now() + patience;
  for (;;) {
    try {
      db_.exec("BEGIN IMMEDIATE", "begin transaction");
      return;
    } catch (const SqliteError& e) {
      if (!e.busy() || std::chrono::steady_clock::now() >= give_up) throw;
    }
    // Without a busy_timeout the attempts would spin; a short pause keeps it polite.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Transaction::~Transaction() {
  if (!done_) db_.exec_noexcept("ROLLBACK");
}

void Transaction::commit() {
  db_.exec("COMMIT", "commit");
  done_ = true;
}

Savepoint::Savepoint(Database& db, std::string name)
    : db_(db),
      name_(std::move(name)),
      rollback_sql_("ROLLBACK TO " + name_ + "; RELEASE " + name_) {
  db_.exec("SAVEPOINT " + name_, "savepoint " + name_);
}

Savepoint::~Savepoint() { rollback(); }

void Savepoint::release() {
  db_.exec("RELEASE " + name_, "release savepoint " + name_);
  done_ = true;
}

void Savepoint::rollback() noexcept {
  if (done_) return;
  done_ = true;
  // ROLLBACK TO keeps the savepoint open; RELEASE then removes it from the stack.
  db_.exec_noexcept(rollback_sql_.c_str());
}

}  // namespace sillok::sql
