// Schema version 2 (the compact store of issue 6): texts stored as NULL when they equal the
// article text at their offsets, interned mention labels, and the migration of a version 1 file.
#include <sqlite3.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/utf8.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using namespace sillok;

namespace {

using sillok::test::TempDir;

// The first column of the first row of `query` ("<null>" for NULL, "<no row>"), read through
// a separate raw connection.
std::string scalar(const std::string& path, const std::string& query) {
  sql::Database db(path, sql::Database::Mode::existing);
  sql::Statement st(db, query);
  if (!st.step()) return "<no row>";
  return st.column_is_null(0) ? "<null>" : st.column_text(0);
}

const std::string kTitle = "삼성전자 발표회";
const std::string kText = "삼성전자는 서울에서 발표회를 열었다. 배경훈 부총리가 30일 참석했다.";

// Code point offset of `part` in `text` (which must contain it).
std::size_t cp_of(const std::string& text, const std::string& part) {
  const std::size_t at = text.find(part);
  REQUIRE(at != std::string::npos);
  return utf8::length(std::string_view(text).substr(0, at));
}

// Code points [start, end) of `text`.
std::string cp_slice(const std::string& text, std::size_t start, std::size_t end) {
  return utf8::from_u32(utf8::to_u32(text).substr(start, end - start));
}

Mention body_mention(const std::string& surface, int sentence, const char* rule) {
  Mention m;
  m.start = cp_of(kText, surface);
  m.end = m.start + utf8::length(surface);
  m.text = surface;
  m.rule = rule;
  m.sentence = sentence;
  return m;
}

// An article whose offsets are real: every surface, time text and event sentence equals the
// text at its offsets, except the mention "삼성" whose offsets cover "삼성전자" (a surface the
// store must keep).
Extraction real_article(const std::string& id) {
  Extraction x;
  x.article.id = id;
  x.article.title = kTitle;
  x.article.text = kText;
  x.article.publisher = "아시아경제";
  x.article.source = "tests/" + id;
  const std::size_t second = cp_of(kText, "배경훈");
  x.sentences = {Sentence{0, second - 1}, Sentence{second, utf8::length(kText)}};
  Mention samsung_short = body_mention("삼성전자", 0, "gazetteer:companies#1");
  samsung_short.text = "삼성";
  Mention publisher;
  publisher.start = 0;
  publisher.end = 5;
  publisher.text = "아시아경제";
  publisher.rule = "metadata.publisher";
  publisher.field = "publisher";
  publisher.sentence = -1;
  x.entities = {
      Entity{"삼성전자", EntityType::company,
             {body_mention("삼성전자", 0, "gazetteer:companies#1"), samsung_short}},
      Entity{"배경훈", EntityType::person, {body_mention("배경훈", 1, "person.name_title")}},
      Entity{"아시아경제", EntityType::media, {publisher}},
  };
  TimeExpression t;
  t.start = cp_of(kText, "30일");
  t.end = t.start + 3;
  t.text = "30일";
  t.value = "2025-12-30";
  t.sentence = 1;
  x.times = {t};
  EventMention e;
  e.label = "발표회";
  e.trigger = "열었다";
  e.sentence = 0;
  e.sentence_text = cp_slice(kText, 0, second - 1);
  e.participants = {"삼성전자"};
  EventMention other = e;
  other.sentence = 1;
  other.sentence_text = "배경훈 부총리가 참석했다.";  // not the stored sentence: kept as is
  other.participants = {"배경훈"};
  x.events = {e, other};
  return x;
}

}  // namespace

TEST_CASE("store v2: texts equal to the article text are stored as NULL and read back",
          "[store][schema]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  Store store = Store::open(path);
  const Extraction x = real_article("real_1");
  REQUIRE(store.ingest({x}).front().outcome == IngestOutcome::added);

  CHECK(scalar(path, "SELECT count(*) FROM mentions") == "4");
  CHECK(scalar(path, "SELECT count(*) FROM mentions WHERE surface IS NULL") == "3");
  CHECK(scalar(path, "SELECT surface FROM mentions WHERE surface IS NOT NULL") == "삼성");
  CHECK(scalar(path, "SELECT count(*) FROM times WHERE text IS NULL") == "1");
  CHECK(scalar(path, "SELECT count(*) FROM events WHERE sentence_text IS NULL") == "1");
  CHECK(scalar(path, "SELECT count(*) FROM labels") == "5");  // 3 rules, fields '' and publisher

  const auto events = store.events_for_articles({"real_1"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].event.sentence_text == x.events[0].sentence_text);
  CHECK(events[0].event.sentence_text == "삼성전자는 서울에서 발표회를 열었다.");
  CHECK(events[1].event.sentence_text == "배경훈 부총리가 참석했다.");
  CHECK(events[1].event.participants == std::vector<std::string>{"배경훈"});
  // The "삼성" alias came from the surface that was stored.
  CHECK(store.find_entities("삼성").size() == 1);
}

TEST_CASE("store v2: a rolled-back article does not leave stale interned labels",
          "[store][schema]") {
  TempDir dir;
  const std::string path = dir.file("news.db");
  Store store = Store::open(path);
  Extraction bad = real_article("bad_1");
  bad.entities[1].mentions[0].rule = "rule.only_in_failed_articles";
  bad.relations = {Relation{"배경훈", "부총리", "없는기관", "r", 1}};  // rejected after mentions
  Extraction good = real_article("good_1");
  good.article.text += " ";  // another content hash
  good.entities[1].mentions[0].rule = "rule.only_in_failed_articles";
  const auto r = store.ingest({bad, good});
  REQUIRE(r.size() == 2);
  CHECK(r[0].outcome == IngestOutcome::failed);
  CHECK(r[1].outcome == IngestOutcome::added);
  CHECK(scalar(path, "PRAGMA foreign_key_check") == "<no row>");
  CHECK(scalar(path,
               "SELECT count(*) FROM mentions m JOIN labels l ON l.id = m.rule"
               " WHERE l.text = 'rule.only_in_failed_articles'") == "1");
}

TEST_CASE("store v2: topic search checks the word after the positionless trigram index",
          "[store][schema]") {
  TempDir dir;
  Store store = Store::open(dir.file("news.db"));
  Extraction x = real_article("a");
  Extraction y = real_article("b");
  // Every trigram of "발표회를" is in y's text, but not the word itself.
  y.article.title = "기타";
  y.article.text = "발표회 표회를 회를 열었다.";
  y.entities.clear();
  y.times.clear();
  y.events.clear();
  y.sentences.clear();
  store.ingest({x, y});
  CHECK(store.search_articles("발표회를") == std::vector<std::string>{"a"});
  CHECK(store.search_articles("표회를") == std::vector<std::string>{"a", "b"});
  CHECK(store.search_articles("열었다 서울") == std::vector<std::string>{"a"});
}

TEST_CASE("migration: a version 1 database keeps its data in version 2", "[store][schema]") {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  {
    // A version 1 file as sillok 1 wrote it: only the first migration, rows inserted by hand.
    sql::Database db(path, sql::Database::Mode::create);
    db.exec("PRAGMA foreign_keys = ON", "fk");
    REQUIRE(schema::migrations().size() >= 2);
    schema::migrate(db, {schema::migrations().front()});
    REQUIRE(schema::version_of(db) == 1);
    const std::size_t second = cp_of(kText, "배경훈");
    const std::string s0 = cp_slice(kText, 0, second - 1);
    sql::Statement a(db,
                     "INSERT INTO articles(id, title, publisher, author, url, category,"
                     " published_at, pub_date, text, content_hash, source) VALUES"
                     " ('old_1', ?, '아시아경제', '', '', '', NULL, '2025-12-29', ?, 'h1', 's')");
    a.bind_text(1, kTitle).bind_text(2, kText);
    a.run();
    const auto cp = [&](const char* part) { return std::to_string(cp_of(kText, part)); };
    db.exec(
        "INSERT INTO entities(id, name, type) VALUES (1, '삼성전자', 'company'),"
        " (2, '배경훈', 'person'), (3, '아시아경제', 'media');"
        "INSERT INTO article_entities VALUES (1, 1), (1, 2), (1, 3);"
        "INSERT INTO aliases VALUES (1, '삼성');"
        "INSERT INTO sentences VALUES (1, 0, 0, " +
            std::to_string(second - 1) + "), (1, 1, " + std::to_string(second) + ", " +
            std::to_string(utf8::length(kText)) +
            ");"
            "INSERT INTO mentions(article, entity_id, start_cp, end_cp, surface, rule, field,"
            " sentence) VALUES"
            " (1, 1, 0, 4, '삼성전자', 'gazetteer:companies#1', '', 0),"
            " (1, 1, 0, 4, '삼성', 'gazetteer:companies#1', '', 0),"
            " (1, 2, " +
            cp("배경훈") + ", " + std::to_string(cp_of(kText, "배경훈") + 3) +
            ", '배경훈', 'person.name_title', '', 1),"
            " (1, 3, 0, 5, '아시아경제', 'metadata.publisher', 'publisher', -1);"
            "INSERT INTO times(article, start_cp, end_cp, text, value, type, precision, mod,"
            " value_end, sentence) VALUES (1, " +
            cp("30일") + ", " + std::to_string(cp_of(kText, "30일") + 3) +
            ", '30일', '2025-12-30', 'date', 'day', '', '', 1),"
            " (1, 0, 2, '삼성?', 'x', 'date', 'day', '', '', 0);"
            "INSERT INTO events(id, article, label, trigger_word, trigger_class, date_value,"
            " precision, mod, time_of_day, status, place, sentence, sentence_text, rule) VALUES"
            " (1, 1, '발표회', '열었다', 'c', '', '', '', '', 'occurred', '서울', 0, '" +
            s0 +
            "', 'r'),"
            " (2, 1, '참석', '참석했다', 'c', '', '', '', '', 'occurred', '', 1, '다른 문장', 'r');"
            "INSERT INTO event_participants VALUES (1, 0, 1), (1, 1, 2), (2, 0, 2);"
            "INSERT INTO relations(article, subject, role, object, rule, sentence)"
            " VALUES (1, 2, '부총리', 1, 'r', 1);",
        "fill version 1");
  }

  Store store = Store::open(path);  // migrates
  CHECK(store.schema_version() == Store::current_schema_version());
  CHECK(scalar(path, "PRAGMA integrity_check") == "ok");
  CHECK(scalar(path, "PRAGMA foreign_key_check") == "<no row>");
  CHECK_NOTHROW(scalar(path, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
  const StoreStats s = store.stats();
  CHECK(s.articles == 1);
  CHECK(s.entities == 3);
  CHECK(s.mentions == 4);
  CHECK(s.relations == 1);
  CHECK(s.times == 2);
  CHECK(s.events == 2);

  // Derivable texts became NULL; the others were kept.
  CHECK(scalar(path, "SELECT group_concat(surface) FROM mentions") == "삼성");
  CHECK(scalar(path, "SELECT group_concat(text) FROM times") == "삼성?");
  CHECK(scalar(path, "SELECT group_concat(sentence_text) FROM events") == "다른 문장");
  CHECK(scalar(path, "SELECT count(*) FROM labels") == "5");  // 3 rules, '' and 'publisher'
  CHECK(scalar(path,
               "SELECT l.text FROM mentions m JOIN labels l ON l.id = m.field"
               " WHERE m.sentence = -1") == "publisher");

  // Every query still answers as before.
  const auto events = store.events_for_articles({"old_1"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].event.sentence_text == "삼성전자는 서울에서 발표회를 열었다.");
  CHECK(events[0].event.participants == std::vector<std::string>{"삼성전자", "배경훈"});
  CHECK(events[1].event.sentence_text == "다른 문장");
  CHECK(store.search_articles("발표회") == std::vector<std::string>{"old_1"});
  CHECK(store.search_articles("부총리가 30일") == std::vector<std::string>{"old_1"});
  CHECK(store.articles_with_entity(2) == std::vector<std::string>{"old_1"});
  const MentionTable table = store.mention_table();
  REQUIRE(table.article_ids == std::vector<std::string>{"old_1"});
  CHECK(table.sentences == std::vector<int>{-1, 0, 1});
  CHECK(table.entity_ids == std::vector<std::int64_t>{3, 1, 2});
  CHECK(store.co_appearances(1).size() == 2);
  CHECK(store.shared_sentences(1, 2, DateRange{}, 0).empty());
  CHECK(store.relations().size() == 1);

  // And it takes new articles.
  Extraction x = real_article("new_1");
  x.article.text += " 끝.";
  REQUIRE(store.ingest({x}).front().outcome == IngestOutcome::added);
  CHECK(scalar(path, "SELECT count(*) FROM labels") == "5");  // reused, not added again
  CHECK(store.search_articles("발표회").size() == 2);
}
