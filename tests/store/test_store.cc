// store/: schema, ingest (dedup, per-article rollback), and every query, on files in a fresh
// temporary directory. A second, raw SQLite connection checks the file behind the Store's back.
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using namespace sillok;

namespace {

using sillok::test::TempDir;

// The first column of the first row of `query`, read through a separate connection.
std::string scalar(const std::string& db_path, const std::string& query) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  sqlite3_stmt* st = nullptr;
  std::string out = "<no row>";
  if (sqlite3_prepare_v2(db, query.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("bad test query: " + message);
  }
  if (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    out = text ? reinterpret_cast<const char*>(text) : "<null>";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

long count(const std::string& db_path, const std::string& from_where) {
  return std::stol(scalar(db_path, "SELECT count(*) FROM " + from_where));
}

Mention mention(const std::string& text, int sentence, std::size_t start, const char* rule,
                const std::string& field = "") {
  Mention m;
  m.start = start;
  m.end = start + 3;
  m.text = text;
  m.rule = rule;
  m.field = field;
  m.sentence = sentence;
  return m;
}

Entity entity(const std::string& name, EntityType type, std::vector<Mention> mentions) {
  return Entity{name, type, std::move(mentions)};
}

Timestamp korea_midnight(int year, int month, int day) {
  Timestamp t;
  t.date = CivilDate{year, month, day};
  t.has_time = true;
  return t;
}

Extraction base(const std::string& id, const std::string& title, const std::string& text) {
  Extraction x;
  x.article.id = id;
  x.article.title = title;
  x.article.text = title + "\n\n" + text;
  x.article.source = "tests/" + id + ".md";
  x.sentences = {Sentence{0, 20}, Sentence{21, 40}, Sentence{41, 60}};
  return x;
}

// Article A (2025-12-29): 배경훈 and 과학기술정보통신부 in sentences 0 and 1, the publisher as
// metadata, 코엑스 in sentence 1; a relation, a time and a planned event.
Extraction article_a() {
  Extraction x = base("277_0000000001", "베일 벗는 '국가대표 AI'",
                      "과기정통부는 오는 30일 발표회를 연다고 밝혔다. 배경훈 부총리는 "
                      "코엑스에서 과학기술정보통신부 발표회를 주재한다.");
  x.article.publisher = "아시아경제";
  x.article.published_at = korea_midnight(2025, 12, 29);
  x.entities = {
      entity("과학기술정보통신부", EntityType::government,
             {mention("과기정통부", 0, 0, "gazetteer:gov"),
              mention("과학기술정보통신부", 1, 30, "gazetteer:gov")}),
      entity("배경훈", EntityType::person,
             {mention("배경훈", 0, 25, "person.name_title"),
              mention("배경훈", 1, 22, "person.name_title")}),
      entity("아시아경제", EntityType::media,
             {mention("아시아경제", -1, 0, "gazetteer:media", "publisher")}),
      entity("코엑스", EntityType::place, {mention("코엑스", 1, 26, "gazetteer:place")}),
  };
  x.relations = {Relation{"배경훈", "부총리", "과학기술정보통신부", "person.name_org_title", 1}};
  TimeExpression t;
  t.start = 7;
  t.end = 12;
  t.text = "오는 30일";
  t.value = "2025-12-30";
  t.type = TimeType::date;
  t.precision = "day";
  t.mod = "approx";
  t.value_end = "2025-12-31";
  t.sentence = 0;
  x.times = {t};
  EventMention e;
  e.label = "독자 AI 파운데이션 모델 프로젝트 1차 발표회";
  e.trigger = "발표회";
  e.trigger_class = "gathering";
  e.date = "2025-12-30";
  e.precision = "day";
  e.mod = "on_or_before";
  e.time = "14:30";
  e.status = EventStatus::planned;
  e.participants = {"배경훈", "과학기술정보통신부"};  // not the order of the entities list
  e.place = "코엑스";
  e.sentence = 1;
  e.sentence_text = "배경훈 부총리는 코엑스에서 과학기술정보통신부 발표회를 주재한다.";
  e.rule = "event.gathering.hold";
  x.events = {e};
  return x;
}

// Article B (2025-12-31): 배경훈 in sentence 0, 과학기술정보통신부 in sentences 0 and 1, LG in 1.
Extraction article_b() {
  Extraction x = base("421_0000000002", "국가대표 AI 1차 발표회 열려",
                      "배경훈 부총리와 과학기술정보통신부가 발표회를 열었다. 과학기술정보통신부와 "
                      "LG가 참석했다.");
  x.article.published_at = korea_midnight(2025, 12, 31);
  x.entities = {
      entity("배경훈", EntityType::person, {mention("배경훈", 0, 0, "person.name_title")}),
      entity("과학기술정보통신부", EntityType::government,
             {mention("과학기술정보통신부", 0, 8, "gazetteer:gov"),
              mention("과학기술정보통신부", 1, 30, "gazetteer:gov")}),
      entity("LG", EntityType::company, {mention("LG", 1, 40, "gazetteer:company")}),
  };
  EventMention e;
  e.label = "1차 발표회";
  e.trigger = "발표회";
  e.trigger_class = "gathering";
  e.date = "2025-12-30";
  e.precision = "day";
  e.status = EventStatus::occurred;
  e.participants = {"과학기술정보통신부", "배경훈", "LG"};
  e.sentence = 0;
  e.sentence_text = "배경훈 부총리와 과학기술정보통신부가 발표회를 열었다.";
  e.rule = "event.gathering.held";
  x.events = {e};
  return x;
}

// Article C (no date): "삼성" both as a company and a place, and an entity whose alias is "LG".
Extraction article_c() {
  Extraction x = base("plain_c", "삼성 소식", "삼성은 삼성동에서 행사를 열었다. 엘지전자도 왔다.");
  x.entities = {
      entity("삼성", EntityType::company, {mention("삼성", 0, 0, "gazetteer:company")}),
      entity("삼성", EntityType::place, {mention("삼성동", 0, 4, "gazetteer:place")}),
      entity("LG전자", EntityType::company, {mention("LG", 1, 20, "gazetteer:company")}),
  };
  return x;
}

std::vector<std::string> outcomes(const std::vector<IngestResult>& results) {
  std::vector<std::string> out;
  for (const IngestResult& r : results) out.emplace_back(to_string(r.outcome));
  return out;
}

bool same_stats(const StoreStats& x, const StoreStats& y) {
  return x.articles == y.articles && x.entities == y.entities && x.mentions == y.mentions &&
         x.relations == y.relations && x.times == y.times && x.events == y.events;
}

EntityRow only(const std::vector<EntityRow>& rows) {
  REQUIRE(rows.size() == 1);
  return rows.front();
}

std::int64_t id_of(const Store& store, const std::string& name) {
  return only(store.find_entities(name)).id;
}

}  // namespace

TEST_CASE("store: creates the schema and reopens it", "[store]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  {
    Store store = Store::open(path);
    CHECK(store.path() == path);
    CHECK(store.schema_version() == Store::current_schema_version());
    CHECK(Store::current_schema_version() >= 1);
    const StoreStats s = store.stats();
    CHECK(s.articles == 0);
    CHECK(s.entities == 0);
    CHECK(scalar(path, "PRAGMA journal_mode") == "wal");
    REQUIRE(store.ingest({article_a()}).front().outcome == IngestOutcome::added);
  }
  CHECK(scalar(path, "PRAGMA user_version") == std::to_string(Store::current_schema_version()));
  Store again = Store::open_existing(path);
  CHECK(again.schema_version() == Store::current_schema_version());
  CHECK(again.stats().articles == 1);
  // A moved store keeps working.
  Store moved = std::move(again);
  CHECK(moved.articles().size() == 1);
}

TEST_CASE("store: ingest adds, and the same article again changes nothing", "[store]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  Store store = Store::open(path);
  const auto first = store.ingest({article_a(), article_b()});
  CHECK(outcomes(first) == std::vector<std::string>{"added", "added"});
  CHECK(first[0].article_id == "277_0000000001");
  CHECK(first[0].source == "tests/277_0000000001.md");
  const StoreStats s = store.stats();
  CHECK(s.articles == 2);
  CHECK(s.entities == 5);  // 과기정통부, 배경훈, 아시아경제, 코엑스, LG
  CHECK(s.mentions == 10);
  CHECK(s.relations == 1);
  CHECK(s.times == 1);
  CHECK(s.events == 2);
  CHECK(count(path, "sentences") == 6);

  SECTION("same batch again: every article is a duplicate") {
    const auto again = store.ingest({article_a(), article_b()});
    CHECK(outcomes(again) == std::vector<std::string>{"duplicate", "duplicate"});
    CHECK(again[0].message.find("277_0000000001") != std::string::npos);
    CHECK(same_stats(store.stats(), s));
    CHECK(count(path, "aliases") == 1);
  }
  SECTION("same content under another id is a duplicate of the stored one") {
    Extraction copy = article_a();
    copy.article.id = "999_copy";
    const auto r = store.ingest({copy});
    CHECK(r[0].outcome == IngestOutcome::duplicate);
    CHECK(r[0].message.find("277_0000000001") != std::string::npos);
    CHECK(same_stats(store.stats(), s));
  }
  SECTION("same id with other content is a duplicate") {
    Extraction changed = article_a();
    changed.article.text += " 수정.";
    CHECK(store.ingest({changed})[0].outcome == IngestOutcome::duplicate);
    CHECK(same_stats(store.stats(), s));
  }
  SECTION("an article repeated inside one batch is stored once") {
    const auto r = store.ingest({article_c(), article_c()});
    CHECK(outcomes(r) == std::vector<std::string>{"added", "duplicate"});
    CHECK(store.stats().articles == 3);
  }
  SECTION("the content hash from the reader is used as given") {
    Extraction x = article_c();
    x.article.content_hash = "00000000deadbeef";
    REQUIRE(store.ingest({x})[0].outcome == IngestOutcome::added);
    CHECK(scalar(path, "SELECT content_hash FROM articles WHERE id = 'plain_c'") ==
          "00000000deadbeef");
  }
}

TEST_CASE("store: a failing article rolls back alone", "[store]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  Store store = Store::open(path);

  // Rejected late, after its article row, sentences, entities and mentions went in: the event
  // names a participant that is none of the article's entities.
  Extraction bad = base("bad_1", "유령 기사", "유령회사가 허깨비사람과 협약식을 열었다.");
  bad.article.published_at = korea_midnight(2025, 12, 30);
  bad.entities = {entity("유령회사", EntityType::company,
                         {mention("유령회사", 0, 0, "x"), mention("유령", 0, 0, "x")})};
  TimeExpression t;
  t.value = "2025-12-30";
  bad.times = {t};
  EventMention e;
  e.label = "협약식";
  e.participants = {"유령회사", "허깨비사람"};
  bad.events = {e};

  const auto r = store.ingest({article_a(), bad, article_b()});
  REQUIRE(outcomes(r) == std::vector<std::string>{"added", "failed", "added"});
  CHECK(r[1].article_id == "bad_1");
  CHECK(r[1].message.find("허깨비사람") != std::string::npos);

  CHECK(scalar(path, "PRAGMA integrity_check") == "ok");
  CHECK(scalar(path, "PRAGMA foreign_key_check") == "<no row>");
  CHECK(count(path, "articles WHERE id = 'bad_1'") == 0);
  CHECK(count(path, "entities WHERE name = '유령회사'") == 0);
  CHECK(count(path, "aliases WHERE alias = '유령'") == 0);
  CHECK(count(path, "mentions WHERE surface LIKE '유령%'") == 0);
  CHECK(count(path, "sentences") == 6);
  CHECK(count(path, "events WHERE label = '협약식'") == 0);
  CHECK(store.stats().articles == 2);
  CHECK(store.stats().times == 1);
  CHECK(store.search_articles("유령회사").empty());
  // The index keeps no positions (schema version 2): ask for both trigrams of "유령회사".
  CHECK(count(path, "articles_fts WHERE articles_fts MATCH '\"유령회\" AND \"령회사\"'") == 0);

  SECTION("a relation to an unknown entity fails the same way") {
    Extraction x = article_c();
    x.relations = {Relation{"삼성", "소유", "없는회사", "r", 0}};
    const auto rr = store.ingest({x});
    CHECK(rr[0].outcome == IngestOutcome::failed);
    CHECK(rr[0].message.find("없는회사") != std::string::npos);
    CHECK(count(path, "articles WHERE id = 'plain_c'") == 0);
  }
  SECTION("an article without id fails") {
    Extraction x = article_c();
    x.article.id.clear();
    CHECK(store.ingest({x})[0].outcome == IngestOutcome::failed);
    CHECK(store.stats().articles == 2);
  }
  SECTION("the fixed article goes in later") {
    bad.events[0].participants = {"유령회사"};
    CHECK(store.ingest({bad})[0].outcome == IngestOutcome::added);
    CHECK(count(path, "entities WHERE name = '유령회사'") == 1);
  }
}

TEST_CASE("store: articles are listed by date with undated ones last", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_c(), article_b(), article_a()});
  const auto rows = store.articles();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == "277_0000000001");
  CHECK(rows[0].pub_date == "2025-12-29");
  CHECK(rows[0].published_at == "2025-12-29T00:00:00+09:00");
  CHECK(rows[0].publisher == "아시아경제");
  CHECK(rows[0].title == "베일 벗는 '국가대표 AI'");
  CHECK(rows[1].id == "421_0000000002");
  CHECK(rows[2].id == "plain_c");
  CHECK(rows[2].pub_date.empty());
  CHECK(rows[2].published_at.empty());

  const auto some = store.articles_by_id({"plain_c", "nope", "277_0000000001", "plain_c"});
  REQUIRE(some.size() == 2);
  CHECK(some[0].id == "277_0000000001");
  CHECK(some[1].id == "plain_c");
  CHECK(some[0].rowid == rows[0].rowid);
}

TEST_CASE("store: entities, aliases and name lookup", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_a(), article_b(), article_c()});

  const auto all = store.entities();
  REQUIRE(all.size() == 8);
  // Two articles each; then one article each, by name (code point order: Latin before Hangul).
  CHECK(all[0].name == "과학기술정보통신부");
  CHECK(all[0].articles == 2);
  CHECK(all[0].mentions == 4);
  CHECK(all[0].aliases == std::vector<std::string>{"과기정통부"});
  CHECK(all[1].name == "배경훈");
  CHECK(all[1].aliases.empty());
  CHECK(all[2].name == "LG");

  const auto people = store.entities(EntityType::person);
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "배경훈");
  CHECK(people[0].type == EntityType::person);

  SECTION("canonical name and alias find the same entity") {
    const EntityRow by_name = only(store.find_entities("과학기술정보통신부"));
    const EntityRow by_alias = only(store.find_entities("과기정통부"));
    CHECK(by_name.id == by_alias.id);
    CHECK(by_alias.type == EntityType::government);
  }
  SECTION("one name with two types is ambiguous") {
    const auto found = store.find_entities("삼성");
    REQUIRE(found.size() == 2);
    CHECK(found[0].type != found[1].type);
    const auto dong = only(store.find_entities("삼성동"));
    CHECK(dong.type == EntityType::place);
  }
  SECTION("canonical matches come before alias matches") {
    const auto found = store.find_entities("LG");
    REQUIRE(found.size() == 2);
    CHECK(found[0].name == "LG");
    CHECK(found[1].name == "LG전자");
  }
  SECTION("a decomposed (NFD) name finds the stored NFC name") {
    CHECK(only(store.find_entities("\u1107\u1162\u1100\u1167\u11BC\u1112\u116E\u11AB")).name ==
          "배경훈");
  }
  SECTION("unknown names find nothing") { CHECK(store.find_entities("홍길동").empty()); }
  SECTION("entity by id") {
    const std::int64_t id = id_of(store, "배경훈");
    REQUIRE(store.entity(id).has_value());
    CHECK(store.entity(id)->name == "배경훈");
    CHECK_FALSE(store.entity(987654).has_value());
    CHECK(store.articles_with_entity(id) ==
          std::vector<std::string>{"277_0000000001", "421_0000000002"});
  }
}

TEST_CASE("store: topic search through trigrams and the short-word fallback", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_a(), article_b(), article_c()});
  const std::vector<std::string> both{"277_0000000001", "421_0000000002"};

  struct Row {
    const char* topic;
    std::vector<std::string> ids;
  };
  const std::vector<Row> table{
      {"발표회", both},                                      // 3 code points: FTS5 trigram
      {"과학기술정보통신부", both},                          // long word in the text
      {"국가대표", both},                                    // in both titles
      {"국가대표 AI", both},                                 // a long and a short word
      {"발표", both},                                        // 2 code points: substring fallback
      {"엘지", {"plain_c"}},                                 // fallback, text only
      {"삼성 소식", {"plain_c"}},                            // two words, both required
      {"열었다", {"421_0000000002", "plain_c"}},             // trigram inside a word
      {"ai", both},                                          // Latin letters ignore case
      {"lg가", {"421_0000000002"}},                          // trigram, case-insensitive
      {"배경훈 삼성", {}},                                   // words in different articles
      {"없는말", {}},                                        // no match
      {"뷁", {}},                                            // short, no match
      {"  ", {}},                                            // empty topic
      {"\"발표회", {}},                                      // quotes are text, not FTS syntax
      {"%", {}},                                             // LIKE wildcards are text
      {"\u1107\u1161\u11AF\u1111\u116D\u1112\u116C", both},  // NFD 발표회 is normalized
  };
  for (const Row& row : table) {
    INFO("topic: " << row.topic);
    CHECK(store.search_articles(row.topic) == row.ids);
  }
}

TEST_CASE("store: co-appearances count articles and shared sentences", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_a(), article_b()});
  const auto co = store.co_appearances(id_of(store, "배경훈"));
  REQUIRE(co.size() == 4);

  CHECK(co[0].entity.name == "과학기술정보통신부");
  CHECK(co[0].entity.type == EntityType::government);
  CHECK(co[0].articles == 2);
  CHECK(co[0].sentences == 3);  // A: sentences 0 and 1; B: sentence 0
  CHECK(co[0].article_ids == std::vector<std::string>{"277_0000000001", "421_0000000002"});
  CHECK(co[0].first_date == "2025-12-29");
  CHECK(co[0].last_date == "2025-12-31");

  CHECK(co[1].entity.name == "코엑스");  // one article, one shared sentence
  CHECK(co[1].articles == 1);
  CHECK(co[1].sentences == 1);
  CHECK(co[1].first_date == "2025-12-29");
  CHECK(co[1].last_date == "2025-12-29");

  // One article, no shared sentence: by name. The publisher is metadata (sentence -1).
  CHECK(co[2].entity.name == "LG");
  CHECK(co[2].sentences == 0);
  CHECK(co[3].entity.name == "아시아경제");
  CHECK(co[3].articles == 1);
  CHECK(co[3].sentences == 0);

  CHECK(store.co_appearances(987654).empty());
}

TEST_CASE("store: events round-trip with their participants", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_a(), article_b()});

  const auto events = store.events_for_articles({"421_0000000002", "nope", "277_0000000001"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].article_id == "277_0000000001");
  CHECK(events[0].article_date == "2025-12-29");
  CHECK(events[1].article_id == "421_0000000002");

  const Extraction a = article_a();
  const EventMention& expected = a.events[0];
  const EventMention& got = events[0].event;
  CHECK(got.label == expected.label);
  CHECK(got.trigger == expected.trigger);
  CHECK(got.trigger_class == expected.trigger_class);
  CHECK(got.date == expected.date);
  CHECK(got.precision == expected.precision);
  CHECK(got.mod == expected.mod);
  CHECK(got.time == expected.time);
  CHECK(got.status == EventStatus::planned);
  CHECK(got.participants == expected.participants);
  CHECK(got.place == expected.place);
  CHECK(got.sentence == expected.sentence);
  CHECK(got.sentence_text == expected.sentence_text);
  CHECK(got.rule == expected.rule);

  CHECK(events[1].event.status == EventStatus::occurred);
  CHECK(events[1].event.participants ==
        std::vector<std::string>{"과학기술정보통신부", "배경훈", "LG"});
  CHECK(store.events_for_articles({}).empty());
}

TEST_CASE("store: mentions stream one article at a time; relations list", "[store]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  store.ingest({article_b(), article_a()});
  const std::int64_t gov = id_of(store, "과학기술정보통신부");
  const std::int64_t bae = id_of(store, "배경훈");
  const std::int64_t media = id_of(store, "아시아경제");
  const std::int64_t coex = id_of(store, "코엑스");

  std::vector<ArticleMentions> seen;
  store.for_each_article_mentions([&](const ArticleMentions& item) {
    // Queries from inside the callback must not disturb the iteration.
    CHECK(store.articles().size() == 2);
    seen.push_back(item);
  });
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].article_id == "277_0000000001");
  CHECK(seen[0].date == "2025-12-29");
  using P = std::pair<int, std::int64_t>;
  CHECK(seen[0].mentions ==
        std::vector<P>{{-1, media}, {0, gov}, {0, bae}, {1, bae}, {1, coex}, {1, gov}});
  CHECK(seen[1].article_id == "421_0000000002");
  CHECK(seen[1].mentions.size() == 4);

  const auto rels = store.relations();
  REQUIRE(rels.size() == 1);
  CHECK(rels[0].subject == bae);
  CHECK(rels[0].object == gov);
  CHECK(rels[0].role == "부총리");
  CHECK(rels[0].article_id == "277_0000000001");
}

TEST_CASE("store: a second connection sees committed batches", "[store]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  Store writer = Store::open(path);
  Store reader = Store::open_existing(path);
  CHECK(reader.stats().articles == 0);
  writer.ingest({article_a()});
  CHECK(reader.stats().articles == 1);
  // The reader may also write; the duplicate rule holds across connections.
  CHECK(reader.ingest({article_a(), article_b()})[0].outcome == IngestOutcome::duplicate);
  CHECK(writer.articles().size() == 2);
}

TEST_CASE("store: in-memory stores work and an empty path is refused", "[store]") {
  Store store = Store::open(":memory:");
  CHECK(store.ingest({article_a()})[0].outcome == IngestOutcome::added);
  CHECK(store.search_articles("발표회") == std::vector<std::string>{"277_0000000001"});
  CHECK_THROWS_AS(Store::open(""), StoreError);
}

TEST_CASE("store: unusable files give errors naming the path", "[store]") {
  TempDir dir;
  auto fails_naming = [](const std::string& path, auto&& action, const std::string& why) {
    INFO(path);
    try {
      action();
      FAIL("no StoreError");
    } catch (const StoreError& e) {
      const std::string message = e.what();
      INFO(message);
      CHECK(message.rfind(path, 0) == 0);
      CHECK(message.find(why) != std::string::npos);
    }
  };

  const std::string missing = dir.file("missing.db");
  fails_naming(
      missing, [&] { Store::open_existing(missing); }, "no such database");
  CHECK_FALSE(fs::exists(missing));

  const std::string corrupt = dir.file("corrupt.db");
  std::ofstream(corrupt) << std::string(4096, 'x');
  fails_naming(
      corrupt, [&] { Store::open(corrupt); }, "not a database");
  fails_naming(
      corrupt, [&] { Store::open_existing(corrupt); }, "not a database");

  const std::string no_dir = dir.file("no/such/dir/news.db");
  fails_naming(
      no_dir, [&] { Store::open(no_dir); }, "unable to open");

  const std::string newer = dir.file("newer.db");
  Store::open(newer);
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(newer.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 9999", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  fails_naming(
      newer, [&] { Store::open_existing(newer); }, "newer");

  if (geteuid() != 0) {  // root writes through file permissions, so only others can test this
    const std::string readonly = dir.file("readonly.db");
    Store::open(readonly);
    fs::permissions(readonly,
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fails_naming(
        readonly, [&] { Store::open(readonly).ingest({article_a()}); }, "read-only");
  }
}

// ---------------------------------------------------------------------------------------------
// Faults: a full disk, read-only opening, concurrent creation, writers queueing.

namespace {

// `n` distinct articles of about `kb` KB of text each (ids "big<i>").
std::vector<Extraction> big_articles(int n, int kb, int first = 0) {
  std::vector<Extraction> batch;
  for (int i = first; i < first + n; ++i) {
    std::string text;
    for (int j = 0; j < kb * 1024 / 40; ++j) {
      text += "기사" + std::to_string(i) + " 문장 " + std::to_string(j) + "번째입니다. ";
    }
    batch.push_back(base("big" + std::to_string(i), "제목 " + std::to_string(i), text));
  }
  return batch;
}

}  // namespace

TEST_CASE("store: a full database fails the whole batch, keeps earlier ones, names the file",
          "[store][faults]") {
  TempDir dir;
  const std::string path = dir.file("full.db");
  Store store = Store::open(path);
  const long empty_pages = std::stol(scalar(path, "PRAGMA page_count"));
  // Room for the first batch (4 x 8 KB, ~2 pages each plus index) but not for the second.
  store.set_max_pages(empty_pages + 40);
  REQUIRE(store.ingest(big_articles(4, 8)).size() == 4);
  try {
    store.ingest(big_articles(40, 8, 4));
    FAIL("no StoreError for a full database");
  } catch (const StoreError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.rfind(path, 0) == 0);
    CHECK(message.find("full") != std::string::npos);
    CHECK(message.find("rolled back") != std::string::npos);
  }
  CHECK(count(path, "articles") == 4);
  CHECK(count(path, "sentences") == 4 * 3);
  CHECK(scalar(path, "PRAGMA integrity_check") == "ok");
  // The connection is still usable, and with room again the batch goes in.
  store.set_max_pages(1000000);
  CHECK(store.ingest(big_articles(40, 8, 4)).size() == 40);
  CHECK(count(path, "articles") == 44);
}

TEST_CASE("store: a database opened read-only (mode=ro) refuses ingest but answers queries",
          "[store][faults]") {
  TempDir dir;
  const std::string path = dir.file("ro.db");
  Store::open(path).ingest({article_a()});
  Store ro = Store::open("file:" + path + "?mode=ro");
  CHECK(ro.stats().articles == 1);
  try {
    ro.ingest({article_b()});
    FAIL("no StoreError for a read-only database");
  } catch (const StoreError& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find("read-only") != std::string::npos);
  }
  CHECK(count(path, "articles") == 1);
}

TEST_CASE("store: connections creating one new database at once all succeed",
          "[store][faults]") {
  // Each round, several threads open (create and migrate) the same missing file; before
  // migrate() re-read the version under the write lock, all but one failed with "table
  // articles already exists".
  for (int round = 0; round < 5; ++round) {
    TempDir dir;
    const std::string path = dir.file("new.db");
    std::vector<std::thread> threads;
    std::vector<std::string> errors(4);
    for (std::size_t t = 0; t < errors.size(); ++t) {
      threads.emplace_back([&, t] {
        try {
          Store store = Store::open(path);
          store.ingest(big_articles(1, 1, static_cast<int>(t)));
        } catch (const std::exception& e) {
          errors[t] = e.what();
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (const std::string& e : errors) CHECK(e.empty());
    CHECK(count(path, "articles") == 4);
  }
}

TEST_CASE("store: a writer waits past the busy timeout for another one to finish",
          "[store][faults]") {
  TempDir dir;
  const std::string path = dir.file("busy.db");
  Store::open(path);
  sql::Database holder(path, sql::Database::Mode::existing);
  holder.exec("BEGIN IMMEDIATE", "hold the write lock");
  sql::Database waiter(path, sql::Database::Mode::existing);
  waiter.exec("PRAGMA busy_timeout = 50", "short busy timeout");
  // Without patience the lock is simply busy.
  try {
    sql::Transaction tx(waiter, std::chrono::milliseconds(0));
    FAIL("BEGIN IMMEDIATE succeeded while another connection held the lock");
  } catch (const sql::SqliteError& e) {
    CHECK(e.busy());
  }
  // With patience it retries until the holder commits (after several busy timeouts).
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    holder.exec("COMMIT", "release the write lock");
  });
  const auto started = std::chrono::steady_clock::now();
  {
    sql::Transaction tx(waiter, std::chrono::milliseconds(10000));
    tx.commit();
  }
  release.join();
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(300));
}
