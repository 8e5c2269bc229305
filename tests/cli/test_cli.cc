// End-to-end tests of the `sillok` binary: every case runs the real executable (SILLOK_BINARY)
// through the shell in a fresh temporary directory and checks its exit status, standard output
// and standard error. Inputs are the seed articles, the files in tests/cli/fixtures/, and bad
// files written by the tests themselves (their bytes are the point of the test).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_util.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using nlohmann::json;
using sillok::test::fixture;
using sillok::test::read_file;
using sillok::test::source_path;
using sillok::test::contains;
using sillok::test::lines_of;
using sillok::test::quote;
using sillok::test::Result;
using sillok::test::run_in;
using sillok::test::RunOptions;
using sillok::test::TempDir;
using sillok::test::kSeedA;
using sillok::test::kSeedAId;
using sillok::test::kSeedB;
using sillok::test::kSeedBId;
using sillok::test::write_bytes;

namespace {


// A usage or failure message: exactly one line, starting with "sillok".
void check_one_line_message(const std::string& err) {
  INFO("stderr: " << err);
  REQUIRE(lines_of(err).size() == 1);
  CHECK(err.rfind("sillok", 0) == 0);
  CHECK(err.back() == '\n');
}

// Ingests both seed articles into `dir`/seeds.db and returns the database path.
std::string ingest_seeds(const TempDir& dir) {
  const std::string db = dir.file("seeds.db");
  const Result r = run_in(dir, "ingest --db " + quote(db) + " " + quote(source_path(kSeedA)) + " " +
                                   quote(source_path(kSeedB)));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return db;
}

// One database with the seeds, shared by the read-only query tests (ingest loads the
// gazetteers, which takes seconds; the queries never write).
const std::string& shared_seed_db() {
  static const TempDir dir;
  static const std::string db = ingest_seeds(dir);
  return db;
}

// The `articles --format json` listing of a database.
json list_articles(const TempDir& dir, const std::string& db) {
  const Result r = run_in(dir, "articles --format json --db " + quote(db));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

std::vector<std::string> article_ids(const json& listing) {
  std::vector<std::string> ids;
  for (const json& a : listing) ids.push_back(a.at("id").get<std::string>());
  std::sort(ids.begin(), ids.end());
  return ids;
}

// UTF-8 to code points; the test inputs are valid UTF-8 (the binary checked that).
std::u32string to_u32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Help and usage errors

TEST_CASE("cli: --help lists every subcommand", "[cli][usage]") {
  TempDir dir;
  const Result r = run_in(dir, "--help");
  REQUIRE(r.status == 0);
  for (const char* sub : {"ingest", "extract", "timeline", "with", "entities", "articles", "graph"}) {
    INFO(sub);
    CHECK(contains(r.out, sub));
  }
}

TEST_CASE("cli: --version prints the program name and exits 0", "[cli][usage]") {
  TempDir dir;
  const Result r = run_in(dir, "--version");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("sillok ", 0) == 0);
}

TEST_CASE("cli: each subcommand's --help names its options", "[cli][usage]") {
  struct Row {
    std::string command;
    std::vector<std::string> options;
  };
  const std::vector<Row> table = {
      {"ingest", {"--db", "--date", "--from-json", "--batch", "--quiet", "--gazetteer", "paths"}},
      {"extract", {"--date", "--format", "--gazetteer", "--data-dir", "paths"}},
      {"timeline", {"--db", "--topic", "--entity", "--type", "--from", "--to", "--limit", "--format"}},
      {"with", {"--db", "--type", "--min", "--top", "--format", "name"}},
      {"entities", {"--db", "--type", "--format"}},
      {"articles", {"--db", "--format"}},
      {"graph", {"--db", "--format", "--topic", "--entity", "--depth", "--min-weight", "--svg"}},
  };
  TempDir dir;
  for (const Row& row : table) {
    const Result r = run_in(dir, row.command + " --help");
    INFO(row.command << " --help:\n" << r.out);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "sillok " + row.command));
    for (const std::string& option : row.options) {
      INFO(option);
      CHECK(contains(r.out, option));
    }
  }
}

TEST_CASE("cli: usage errors exit 2 with one line on stderr", "[cli][usage]") {
  TempDir dir;
  for (const char* args : {"frobnicate", "ingest --no-such-option x.md", "ingest", "with",
                           "timeline --format pdf", "graph --depth 99", ""}) {
    INFO("sillok " << args);
    const Result r = run_in(dir, args);
    CHECK(r.status == 2);
    check_one_line_message(r.err);
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli: an unknown subcommand is named in the message", "[cli][usage]") {
  // CLI11 reports "A subcommand is required" for `sillok frobnicate`, which hides the typo.
  TempDir dir;
  const Result r = run_in(dir, "frobnicate");
  CHECK(r.status == 2);
  CHECK(contains(r.err, "frobnicate"));
}

// ---------------------------------------------------------------------------------------------
// ingest

TEST_CASE("cli: ingest stores the seeds once; re-ingest skips duplicates", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir.file("news.db");
  const std::string seeds = quote(source_path(kSeedA)) + " " + quote(source_path(kSeedB));

  const Result first = run_in(dir, "ingest --db " + quote(db) + " " + seeds);
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(contains(first.err, "2 added"));
  CHECK(contains(first.err, "0 failed"));
  CHECK(fs::exists(db));

  const Result again = run_in(dir, "ingest --db " + quote(db) + " " + seeds);
  INFO(again.err);
  CHECK(again.status == 0);
  CHECK(contains(again.err, "0 added"));
  CHECK(contains(again.err, "2 skipped as duplicates"));

  const json listing = list_articles(dir, db);
  REQUIRE(listing.is_array());
  CHECK(listing.size() == 2);
  CHECK(article_ids(listing) == std::vector<std::string>{kSeedAId, kSeedBId});
  for (const json& a : listing) {
    CHECK(a.at("published_at").get<std::string>().rfind("2025-12-", 0) == 0);
    CHECK_FALSE(a.at("title").get<std::string>().empty());
  }
}

TEST_CASE("cli: $SILLOK_DB names the database when --db is absent", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir.file("from-env.db");
  RunOptions env;
  env.env = "SILLOK_DB=" + quote(db);
  const Result r = run_in(dir, "ingest " + quote(source_path(kSeedA)), env);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(fs::exists(db));
  CHECK_FALSE(fs::exists(dir.file("sillok.db")));

  const Result listed = run_in(dir, "articles --format json", env);
  REQUIRE(listed.status == 0);
  CHECK(article_ids(json::parse(listed.out)) == std::vector<std::string>{kSeedAId});
}

TEST_CASE("cli: without --db or $SILLOK_DB the database is ./sillok.db", "[cli][ingest]") {
  TempDir dir;
  const Result r = run_in(dir, "ingest " + quote(source_path(kSeedB)));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(fs::exists(dir.file("sillok.db")));
}

TEST_CASE("cli: ingest recurses into directories and skips hidden files", "[cli][ingest]") {
  TempDir dir;
  write_bytes(dir.file("in/top.md"), read_file(source_path(kSeedA)));
  write_bytes(dir.file("in/sub/deeper/nested.txt"), read_file(source_path(kSeedB)));
  write_bytes(dir.file("in/.hidden.md"), "");  // would fail as an empty file if it were read
  write_bytes(dir.file("in/notes.csv"), "not,an,article\n");  // not an article extension
  const std::string db = dir.file("d.db");
  const Result r = run_in(dir, "ingest --db " + quote(db) + " " + quote(dir.file("in")));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.err, "2 added"));
  CHECK(article_ids(list_articles(dir, db)) == std::vector<std::string>{kSeedAId, kSeedBId});
}

TEST_CASE("cli: ingest - reads an article from standard input", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir.file("stdin.db");
  RunOptions in;
  in.stdin_file = source_path(kSeedB);
  const Result r = run_in(dir, "ingest --db " + quote(db) + " -", in);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.err, "1 added"));
  CHECK(article_ids(list_articles(dir, db)) == std::vector<std::string>{kSeedBId});
}

TEST_CASE("cli: ingest reads JSON Lines, one article per line", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir.file("feed.db");
  const Result r = run_in(dir, "ingest --db " + quote(db) + " " + quote(fixture("cli/fixtures/feed.jsonl")));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.err, "2 added"));
  const json listing = list_articles(dir, db);
  CHECK(article_ids(listing) == std::vector<std::string>{"feed-001", "feed-002"});
  for (const json& a : listing) {
    CHECK(a.at("publisher") == "테스트일보");
    CHECK(a.at("published_at").get<std::string>().rfind("2025-12-", 0) == 0);
  }
}

TEST_CASE("cli: a plain .txt article takes its id from the file stem", "[cli][ingest]") {
  TempDir dir;
  const std::string db = dir.file("plain.db");
  const Result r =
      run_in(dir, "ingest --db " + quote(db) + " " + quote(fixture("cli/fixtures/plain_note.txt")));
  INFO(r.err);
  CHECK(r.status == 0);
  const json listing = list_articles(dir, db);
  REQUIRE(listing.size() == 1);
  CHECK(listing[0].at("id") == "plain_note");
  CHECK(listing[0].at("published_at") == "");
}

TEST_CASE("cli: a bad batch stores the good articles and names every bad file", "[cli][ingest]") {
  TempDir dir;
  const std::string in = dir.file("batch");
  static const char kBinary[] = "---\nid: bin\n---\n\0\x01\x02\x03 data";
  write_bytes(in + "/empty.md", "");
  write_bytes(in + "/bad_utf8.md",
              "---\nid: bad_utf8\ntitle: t\npublished_at: 2025-12-29 00:00\n---\n\n본문 \xFF 깨짐\n");
  write_bytes(in + "/unclosed.md", "---\nid: unclosed\ntitle: 닫히지 않음\n\n본문만 있다.\n");
  write_bytes(in + "/binary.md", std::string(kBinary, sizeof kBinary - 1));
  write_bytes(in + "/no_date.md", read_file(fixture("cli/fixtures/no_date.md")));
  write_bytes(in + "/good.md", read_file(source_path(kSeedA)));
  const std::string db = dir.file("batch.db");

  const Result r = run_in(dir, "ingest --db " + quote(db) + " " + quote(in));
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(contains(r.err, "2 added"));
  CHECK(contains(r.err, "4 failed"));
  struct Bad {
    std::string file, problem;
  };
  for (const Bad& bad : {Bad{"empty.md", "empty"}, Bad{"bad_utf8.md", "UTF-8"},
                         Bad{"unclosed.md", "front matter"}, Bad{"binary.md", "binary"}}) {
    INFO(bad.file);
    bool named = false;
    for (const std::string& line : lines_of(r.err)) {
      if (contains(line, bad.file) && contains(line, bad.problem)) named = true;
    }
    CHECK(named);
  }
  bool warned = false;
  for (const std::string& line : lines_of(r.err)) {
    if (contains(line, "no_date.md") && contains(line, "warning") && contains(line, "published_at")) {
      warned = true;
    }
  }
  CHECK(warned);

  const json listing = list_articles(dir, db);
  CHECK(article_ids(listing) == std::vector<std::string>{kSeedAId, "nodate_001"});
  for (const json& a : listing) {
    if (a.at("id") == "nodate_001") CHECK(a.at("published_at") == "");
    if (a.at("id") == kSeedAId) CHECK(a.at("published_at") != "");
  }
}

TEST_CASE("cli: a path that does not exist fails with exit 1 naming it", "[cli][ingest]") {
  TempDir dir;
  const Result r = run_in(dir, "ingest --db " + quote(dir.file("x.db")) + " " + quote(dir.file("missing.md")));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "missing.md"));
  CHECK(contains(r.err, "0 added"));
}

TEST_CASE("cli: extract output ingested with --from-json equals a direct ingest", "[cli][ingest]") {
  TempDir dir;
  const std::string seeds = quote(source_path(kSeedA)) + " " + quote(source_path(kSeedB));
  const Result extracted = run_in(dir, "extract " + seeds);
  REQUIRE(extracted.status == 0);
  write_bytes(dir.file("both.jsonl"), extracted.out);
  const std::string db = dir.file("from-json.db");
  const Result r = run_in(dir, "ingest --from-json --db " + quote(db) + " " + quote(dir.file("both.jsonl")));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(contains(r.err, "2 added"));

  const Result direct = run_in(dir, "entities --format json --db " + quote(shared_seed_db()));
  const Result via_json = run_in(dir, "entities --format json --db " + quote(db));
  REQUIRE(direct.status == 0);
  REQUIRE(via_json.status == 0);
  CHECK_FALSE(json::parse(direct.out).empty());
  CHECK(json::parse(via_json.out) == json::parse(direct.out));
}

TEST_CASE("cli: ingest --from-json reports a malformed line with its line number", "[cli][ingest]") {
  TempDir dir;
  write_bytes(dir.file("broken.jsonl"), "{\"id\": \"x\"\n");
  const Result r = run_in(dir, "ingest --from-json --db " + quote(dir.file("b.db")) + " " +
                                   quote(dir.file("broken.jsonl")));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "broken.jsonl:1"));
  CHECK(contains(r.err, "1 failed"));
}

// ---------------------------------------------------------------------------------------------
// extract

TEST_CASE("cli: extract prints one JSON object per article, in input order", "[cli][extract]") {
  TempDir dir;
  const Result r = run_in(dir, "extract " + quote(source_path(kSeedB)) + " " + quote(source_path(kSeedA)));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  const json b = json::parse(lines[0]);
  const json a = json::parse(lines[1]);
  CHECK(b.at("id") == kSeedBId);
  CHECK(a.at("id") == kSeedAId);
  for (const json* doc : {&a, &b}) {
    for (const char* key : {"id", "title", "publisher", "published_at", "text", "entities",
                            "relations", "times", "events"}) {
      INFO(key);
      CHECK(doc->contains(key));
    }
    CHECK(doc->at("entities").is_array());
    CHECK_FALSE(doc->at("entities").empty());
    CHECK(doc->at("times").is_array());
    CHECK(doc->at("events").is_array());
    CHECK(doc->at("relations").is_array());
  }
  CHECK(a.at("publisher") == "아시아경제");
  CHECK(b.at("publisher") == "뉴스1");
}

TEST_CASE("cli: extract offsets are code points into the text", "[cli][extract]") {
  TempDir dir;
  for (const std::string& seed : {kSeedA, kSeedB}) {
    INFO(seed);
    const Result r = run_in(dir, "extract " + quote(source_path(seed)));
    REQUIRE(r.status == 0);
    const json doc = json::parse(r.out);
    const std::u32string text = to_u32(doc.at("text").get<std::string>());
    std::size_t checked = 0;
    for (const json& entity : doc.at("entities")) {
      for (const json& m : entity.at("mentions")) {
        // Metadata mentions ("field": "publisher"/"author") point into that field instead.
        const std::string field = m.value("field", std::string());
        const std::u32string where = field.empty() ? text : to_u32(doc.at(field).get<std::string>());
        const auto start = m.at("start").get<std::size_t>();
        const auto end = m.at("end").get<std::size_t>();
        INFO(entity.at("name") << " mention " << m.dump());
        REQUIRE(start < end);
        REQUIRE(end <= where.size());
        CHECK(where.substr(start, end - start) == to_u32(m.at("text").get<std::string>()));
        ++checked;
      }
    }
    for (const json& t : doc.at("times")) {
      const auto start = t.at("start").get<std::size_t>();
      const auto end = t.at("end").get<std::size_t>();
      INFO("time " << t.dump());
      REQUIRE(end <= text.size());
      CHECK(text.substr(start, end - start) == to_u32(t.at("text").get<std::string>()));
      ++checked;
    }
    CHECK(checked >= 10);
  }
}

TEST_CASE("cli: extract --date anchors relative dates of an undated article", "[cli][extract]") {
  TempDir dir;
  const std::string note = quote(fixture("cli/fixtures/plain_note.txt"));
  const Result r = run_in(dir, "extract --date 2025-12-29 " + note);
  INFO(r.err);
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.out);
  CHECK(doc.at("id") == "plain_note");
  bool found = false;
  for (const json& t : doc.at("times")) {
    if (t.at("value") == "2025-12-30" && contains(t.at("text").get<std::string>(), "30일")) found = true;
  }
  INFO(doc.at("times").dump());
  CHECK(found);

  // A different anchor moves the date: the value comes from --date, not from a constant.
  const Result later = run_in(dir, "extract --date 2026-03-05 " + note);
  REQUIRE(later.status == 0);
  bool moved = false;
  const json later_doc = json::parse(later.out);
  for (const json& t : later_doc.at("times")) {
    if (t.at("value") == "2026-03-30") moved = true;
  }
  CHECK(moved);
}

TEST_CASE("cli: extract --date never overrides an article's own published_at", "[cli][extract]") {
  TempDir dir;
  const Result r = run_in(dir, "extract --date 2026-03-05 " + quote(source_path(kSeedA)));
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.out);
  CHECK(doc.at("published_at").get<std::string>().rfind("2025-12-29", 0) == 0);
  bool anchored_to_article = false;
  for (const json& t : doc.at("times")) {
    CHECK(t.at("value").get<std::string>().rfind("2026-03", 0) != 0);
    if (t.at("value") == "2025-12-30") anchored_to_article = true;  // "오는 30일" of 2025-12-29
  }
  CHECK(anchored_to_article);
}

TEST_CASE("cli: extract rejects a malformed --date with exit 2", "[cli][extract][usage]") {
  TempDir dir;
  for (const char* bad : {"yesterday", "2025-13-45", "29/12/2025"}) {
    INFO(bad);
    const Result r = run_in(dir, "extract --date " + quote(bad) + " " + quote(fixture("cli/fixtures/plain_note.txt")));
    CHECK(r.status == 2);
    check_one_line_message(r.err);
    CHECK(contains(r.err, "--date"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli: extract --time-profile picks the time conventions", "[cli][extract]") {
  TempDir dir;
  // Stamped with a real clock: news keeps "사흘 전" a day, a calendar assistant keeps the hour.
  const std::string input = dir.file("clock.jsonl");
  write_bytes(input,
              R"({"id":"clock1","published_at":"2025-06-12T09:40:00+09:00","text":"시청은 사흘 전 점검을 마쳤다."})"
              "\n");
  auto day_of = [&](const std::string& profile_args) {
    const Result r = run_in(dir, "extract " + profile_args + " " + quote(input));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json doc = json::parse(r.out);
    REQUIRE(doc.at("times").size() == 1);
    return doc.at("times").at(0).at("value").get<std::string>();
  };
  CHECK(day_of("") == "2025-06-09");
  CHECK(day_of("--time-profile news") == "2025-06-09");
  CHECK(day_of("--time-profile assistant") == "2025-06-09T09:00");  // precision hour

  const Result bad = run_in(dir, "extract --time-profile bogus " + quote(input));
  CHECK(bad.status != 0);
  CHECK(contains(bad.err, "time.json"));
  CHECK(contains(bad.err, "bogus"));
  CHECK(bad.out.empty());
}

// ---------------------------------------------------------------------------------------------
// timeline

TEST_CASE("cli: timeline --format json lists entries oldest first", "[cli][timeline]") {
  TempDir dir;
  const std::string& db = shared_seed_db();
  const Result r = run_in(dir, "timeline --db " + quote(db) + " --topic '국가대표 AI' --format json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.out);
  const json& entries = doc.at("entries");
  REQUIRE(entries.size() >= 2);
  std::vector<std::string> dates;
  std::vector<std::string> sources;
  for (const json& e : entries) {
    dates.push_back(e.at("date").get<std::string>());
    for (const json& s : e.at("sources")) sources.push_back(s.get<std::string>());
  }
  INFO(entries.dump(1));
  CHECK(std::is_sorted(dates.begin(), dates.end()));
  CHECK(dates.front().rfind("2025-12-29", 0) == 0);
  CHECK(std::find(sources.begin(), sources.end(), kSeedAId) != sources.end());
  CHECK(std::find(sources.begin(), sources.end(), kSeedBId) != sources.end());
}

TEST_CASE("cli: timeline renders text, markdown, TimelineJS and HTML", "[cli][timeline]") {
  TempDir dir;
  const std::string base = "timeline --db " + quote(shared_seed_db()) + " --topic '국가대표 AI' --format ";

  const Result text = run_in(dir, base + "text");
  REQUIRE(text.status == 0);
  CHECK(lines_of(text.out).size() >= 2);
  CHECK(text.out.rfind("2025-12-29", 0) == 0);

  const Result md = run_in(dir, base + "md");
  REQUIRE(md.status == 0);
  CHECK(contains(md.out, "국가대표 AI"));
  CHECK(contains(md.out, "| 2025-12-29"));

  const Result tjs = run_in(dir, base + "timelinejs");
  REQUIRE(tjs.status == 0);
  const json events = json::parse(tjs.out).at("events");
  REQUIRE(events.size() >= 2);
  CHECK(events[0].at("start_date").at("year") == "2025");

  const Result html = run_in(dir, base + "html");
  REQUIRE(html.status == 0);
  CHECK(contains(html.out, "<html"));
  CHECK(contains(html.out, "</html>"));
  CHECK(contains(html.out, "국가대표 AI"));
}

TEST_CASE("cli: timeline --entity keeps only the entity's articles", "[cli][timeline]") {
  TempDir dir;
  const Result r =
      run_in(dir, "timeline --format json --entity 배경훈 --db " + quote(shared_seed_db()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.out);
  REQUIRE_FALSE(doc.at("entries").empty());
  for (const json& e : doc.at("entries")) {
    INFO(e.dump());
    CHECK(e.at("sources") == json::array({kSeedBId}));  // 배경훈 appears only in the 뉴스1 report
  }
}

TEST_CASE("cli: timeline for a topic nothing matches is empty, not an error", "[cli][timeline]") {
  TempDir dir;
  const Result r =
      run_in(dir, "timeline --format json --topic 존재하지않는주제 --db " + quote(shared_seed_db()));
  CHECK(r.status == 0);
  CHECK(json::parse(r.out).at("entries").empty());
}

TEST_CASE("cli: query commands on a missing database exit 1 naming the file", "[cli][timeline]") {
  TempDir dir;
  const std::string missing = dir.file("nowhere.db");
  for (const char* command : {"timeline", "articles", "entities", "graph", "with 배경훈"}) {
    INFO(command);
    const Result r = run_in(dir, std::string(command) + " --db " + quote(missing));
    CHECK(r.status == 1);
    check_one_line_message(r.err);
    CHECK(contains(r.err, "nowhere.db"));
    CHECK_FALSE(fs::exists(missing));  // a query never creates a database
  }
}

// ---------------------------------------------------------------------------------------------
// with, entities

TEST_CASE("cli: with NAME lists who appeared with the entity", "[cli][with]") {
  TempDir dir;
  const Result r = run_in(dir, "with 배경훈 --format json --db " + quote(shared_seed_db()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.out);
  CHECK(doc.at("entity") == "배경훈");
  CHECK(doc.at("type") == "person");
  bool ministry = false;
  for (const json& w : doc.at("with")) {
    if (w.at("name") == "과학기술정보통신부") {
      ministry = true;
      CHECK(w.at("articles").get<int>() >= 1);
      CHECK_FALSE(w.at("sources").empty());
    }
  }
  CHECK(ministry);
}

TEST_CASE("cli: with an unknown name exits 1", "[cli][with]") {
  TempDir dir;
  const Result r = run_in(dir, "with 홍길동 --db " + quote(shared_seed_db()));
  CHECK(r.status == 1);
  check_one_line_message(r.err);
  CHECK(contains(r.err, "홍길동"));
  CHECK(r.out.empty());
}

TEST_CASE("cli: entities --type person lists the people", "[cli][entities]") {
  TempDir dir;
  const std::string db = quote(shared_seed_db());
  const Result r = run_in(dir, "entities --type person --db " + db);
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "배경훈"));
  for (const std::string& line : lines_of(r.out)) {
    INFO(line);
    CHECK(contains(line, "\tperson\t"));
  }
  CHECK_FALSE(contains(r.out, "과학기술정보통신부"));

  const Result as_json = run_in(dir, "entities --type person --format json --db " + db);
  REQUIRE(as_json.status == 0);
  bool found = false;
  for (const json& e : json::parse(as_json.out)) {
    CHECK(e.at("type") == "person");
    if (e.at("name") == "배경훈") found = true;
  }
  CHECK(found);
}

TEST_CASE("cli: entities --type bogus exits 2", "[cli][entities][usage]") {
  TempDir dir;
  const Result r = run_in(dir, "entities --type bogus --db " + quote(shared_seed_db()));
  CHECK(r.status == 2);
  check_one_line_message(r.err);
  CHECK(contains(r.err, "bogus"));
}

// ---------------------------------------------------------------------------------------------
// graph

TEST_CASE("cli: graph --format dot is accepted by Graphviz", "[cli][graph]") {
  TempDir dir;
  const Result r = run_in(dir, "graph --format dot --db " + quote(shared_seed_db()));
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "배경훈"));
  if (!have_program("dot")) {
    WARN("graphviz 'dot' not installed; DOT syntax not checked");
    return;
  }
  write_bytes(dir.file("g.dot"), r.out);
  const std::string command = "dot -Tsvg " + quote(dir.file("g.dot")) + " -o " + quote(dir.file("g.svg")) +
                              " 2>" + quote(dir.file("dot.err"));
  const int raw = std::system(command.c_str());
  INFO(read_file(dir.file("dot.err")));
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  CHECK(contains(read_file(dir.file("g.svg")), "<svg"));
}

TEST_CASE("cli: graph --format graphml, gexf and json", "[cli][graph]") {
  TempDir dir;
  const std::string base = "graph --db " + quote(shared_seed_db()) + " --format ";

  const Result graphml = run_in(dir, base + "graphml");
  REQUIRE(graphml.status == 0);
  CHECK(contains(graphml.out, "<graphml"));
  CHECK(contains(graphml.out, "배경훈"));

  const Result gexf = run_in(dir, base + "gexf");
  REQUIRE(gexf.status == 0);
  CHECK(contains(gexf.out, "<gexf"));
  CHECK(contains(gexf.out, "배경훈"));

  const Result as_json = run_in(dir, base + "json");
  REQUIRE(as_json.status == 0);
  const json doc = json::parse(as_json.out);
  REQUIRE(doc.at("nodes").is_array());
  bool person = false;
  for (const json& n : doc.at("nodes")) {
    if (n.at("name") == "배경훈") person = n.at("type") == "person";
  }
  CHECK(person);
}

TEST_CASE("cli: graph --entity keeps the neighbourhood only", "[cli][graph]") {
  TempDir dir;
  const std::string base = "graph --format json --db " + quote(shared_seed_db());
  const Result full = run_in(dir, base);
  const Result near = run_in(dir, base + " --entity 배경훈 --depth 1");
  INFO(near.err);
  REQUIRE(full.status == 0);
  REQUIRE(near.status == 0);
  const json all_nodes = json::parse(full.out).at("nodes");
  const json near_nodes = json::parse(near.out).at("nodes");
  CHECK(near_nodes.size() < all_nodes.size());
  std::vector<std::string> names;
  for (const json& n : near_nodes) names.push_back(n.at("name").get<std::string>());
  CHECK(std::find(names.begin(), names.end(), "배경훈") != names.end());
  CHECK(std::find(names.begin(), names.end(), "과학기술정보통신부") != names.end());
  CHECK(std::find(names.begin(), names.end(), "박유진") == names.end());  // 아시아경제 reporter only
}

TEST_CASE("cli: graph --svg renders an SVG file beside the output", "[cli][graph]") {
  if (!have_program("dot")) {
    WARN("graphviz 'dot' not installed; --svg not checked");
    return;
  }
  TempDir dir;
  const std::string svg = dir.file("graph.svg");
  const Result r = run_in(dir, "graph --db " + quote(shared_seed_db()) + " --svg " + quote(svg));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "graph entities"));
  REQUIRE(fs::exists(svg));
  CHECK(contains(read_file(svg), "<svg"));
}
