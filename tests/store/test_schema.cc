// store/schema: the migration runner, on made-up migration lists. Private API of store/, tested
// here because "append a migration" is how the schema grows (docs/architecture-store.md).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "store/error.h"
#include "store/schema.h"
#include "store/sqlite.h"

using namespace sillok;

namespace {

bool has_table(sql::Database& db, const std::string& name) {
  sql::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  st.bind_text(1, name);
  return st.step();
}

}  // namespace

TEST_CASE("schema: migrations run in order and stop at the first failure", "[store][schema]") {
  sql::Database db(":memory:", sql::Database::Mode::create);
  const std::vector<schema::Migration> broken{
      {1, "first table", "CREATE TABLE one (x INTEGER)"},
      {2, "broken step", "CREATE TABLE two (y INTEGER); INSERT INTO nowhere VALUES (1)"},
  };
  CHECK(schema::version_of(db) == 0);
  try {
    schema::migrate(db, broken);
    FAIL("no StoreError");
  } catch (const StoreError& e) {
    const std::string message = e.what();
    CHECK(message.rfind(":memory:: migration 2 (broken step)", 0) == 0);
  }
  // Version 1 committed; the failed step left nothing behind, not even its first statement.
  CHECK(schema::version_of(db) == 1);
  CHECK(has_table(db, "one"));
  CHECK_FALSE(has_table(db, "two"));

  const std::vector<schema::Migration> fixed{
      {1, "first table", "CREATE TABLE one (x INTEGER)"},
      {2, "second table", "CREATE TABLE two (y INTEGER)"},
  };
  schema::migrate(db, fixed);  // runs only step 2
  CHECK(schema::version_of(db) == 2);
  CHECK(has_table(db, "two"));
  schema::migrate(db, fixed);  // nothing left to do
  CHECK(schema::version_of(db) == 2);

  CHECK_THROWS_AS(schema::migrate(db, {fixed.front()}), StoreError);  // file is newer
}

TEST_CASE("schema: the shipped migrations are numbered 1, 2, ... without gaps", "[store][schema]") {
  const auto& steps = schema::migrations();
  REQUIRE_FALSE(steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    INFO(steps[i].description);
    CHECK(steps[i].version == static_cast<int>(i + 1));
  }
  CHECK(schema::current_version() == steps.back().version);
}

TEST_CASE("sqlite: savepoints undo only their own work", "[store][sqlite]") {
  sql::Database db(":memory:", sql::Database::Mode::create);
  db.exec("CREATE TABLE t (x INTEGER)", "create");
  {
    sql::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)", "insert");
    {
      sql::Savepoint sp(db, "inner");
      db.exec("INSERT INTO t VALUES (2)", "insert");
    }  // destroyed without release: rolled back
    {
      sql::Savepoint sp(db, "inner");
      db.exec("INSERT INTO t VALUES (3)", "insert");
      sp.release();
    }
    tx.commit();
  }
  {
    sql::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (4)", "insert");
  }  // destroyed without commit: rolled back
  sql::Statement st(db, "SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == "1,3");
  CHECK_FALSE(db.in_transaction());
}

TEST_CASE("sqlite: a busy cached statement is not handed out twice", "[store][sqlite]") {
  sql::Database db(":memory:", sql::Database::Mode::create);
  db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)", "setup");
  sql::StatementCache cache(db);
  const std::string query = "SELECT x FROM t ORDER BY x";
  std::vector<std::string> pairs;
  auto outer = cache.get(query);
  while (outer->step()) {
    auto inner = cache.get(query);  // a one-off statement, the outer keeps its position
    REQUIRE(&*inner != &*outer);
    while (inner->step()) pairs.push_back(outer->column_text(0) + inner->column_text(0));
  }
  CHECK(pairs == std::vector<std::string>{"11", "12", "21", "22"});
}
