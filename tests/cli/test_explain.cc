// End-to-end tests of `sillok explain`: the real binary (SILLOK_BINARY) runs on the seed articles
// and on examples/, in a fresh temporary directory per test. The process helpers are copied
// from test_cli.cc (that file belongs to another suite).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/cli/cli_util.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using nlohmann::json;
using sillok::test::read_file;
using sillok::test::source_path;
using sillok::test::contains;
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


bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

// One JSON object per line of `out`.
std::vector<json> parse_lines(const std::string& out) {
  std::vector<json> docs;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) docs.push_back(json::parse(line));
  return docs;
}

// `explain --format json <args>`, which must succeed; one object per article.
std::vector<json> explain_json(const TempDir& dir, const std::string& args) {
  const Result r = run_in(dir, "explain --format json " + args);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  return parse_lines(r.out);
}

// `explain --format json` on seed A then seed B, run once and shared by the read-only tests
// (every run loads the gazetteers, which takes seconds in a debug build).
const std::vector<json>& seed_docs() {
  static const TempDir dir;
  static const std::vector<json> docs =
      explain_json(dir, quote(source_path(kSeedA)) + " " + quote(source_path(kSeedB)));
  return docs;
}

const std::string& seeds_args() {
  static const std::string args = quote(source_path(kSeedA)) + " " + quote(source_path(kSeedB));
  return args;
}

// The code points [start, end) of `text` (valid UTF-8) as UTF-8; throws when out of range.
std::string cp_substr(const std::string& text, std::size_t start, std::size_t end) {
  std::size_t byte = 0;
  std::size_t cp = 0;
  std::size_t from = std::string::npos;
  while (byte <= text.size()) {
    if (cp == start) from = byte;
    if (cp == end)
      return from == std::string::npos ? std::string() : text.substr(from, byte - from);
    if (byte == text.size()) break;
    const auto b = static_cast<unsigned char>(text[byte]);
    byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    ++cp;
  }
  throw std::runtime_error("offsets out of range");
}

// Every mention of an explanation: the metadata ones and those of each sentence.
std::vector<json> all_mentions(const json& x) {
  std::vector<json> out(x["metadata"]["mentions"].begin(), x["metadata"]["mentions"].end());
  for (const json& s : x["sentences"])
    out.insert(out.end(), s["mentions"].begin(), s["mentions"].end());
  return out;
}

// The first sentence mention with this surface, with its sentence; fails the test if none.
std::pair<json, json> find_mention(const json& x, const std::string& surface) {
  for (const json& s : x["sentences"]) {
    for (const json& m : s["mentions"]) {
      if (m["surface"] == surface) return {m, s};
    }
  }
  FAIL("no mention with surface " << surface);
  return {};
}

// A data directory that is the shipped one except for rules/explain.json, which is `table`.
std::string data_dir_with_table(const TempDir& dir, const std::string& table) {
  const fs::path shipped = fs::path(SILLOK_SOURCE_DIR) / "data";
  const fs::path data = dir.path() / "data";
  fs::create_directories(data / "rules");
  for (const char* sub : {"gazetteers", "calendar", "lexicon"})
    fs::create_directory_symlink(shipped / sub, data / sub);
  for (const auto& entry : fs::directory_iterator(shipped / "rules")) {
    if (entry.path().filename() != "explain.json") {
      fs::create_symlink(entry.path(), data / "rules" / entry.path().filename());
    }
  }
  write_bytes((data / "rules" / "explain.json").string(), table);
  return data.string();
}

}  // namespace

TEST_CASE("explain: a gazetteer alias shows its entry and canonical name", "[cli][explain]") {
  REQUIRE(seed_docs().size() == 2);
  const auto [m, sentence] = find_mention(seed_docs()[1], "과기정통부");
  CHECK(m["entity"] == "과학기술정보통신부");
  CHECK(m["type"] == "government");
  CHECK(starts_with(m["rule"].get<std::string>(), "gazetteer:government#"));
  CHECK(m["description"].is_string());
  const json& g = m.at("gazetteer");
  CHECK(g["name"] == "과학기술정보통신부");
  CHECK(g["gazetteer"] == "government");
  CHECK(g["file"] == "gazetteers/government.json");
  CHECK(g["id"] == m["rule"].get<std::string>().substr(std::string("gazetteer:").size()));
  CHECK(g["matched"] == "alias");
  CHECK(contains(sentence["text"].get<std::string>(), "과기정통부"));

  TempDir dir;
  const Result text = run_in(dir, "explain " + quote(source_path(kSeedB)));
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "과기정통부 → 과학기술정보통신부 (government)"));
  CHECK(contains(text.out, "in gazetteers/government.json; matched alias \"과기정통부\""));
}

TEST_CASE("explain: a former name shows the successor entry it resolved to", "[cli][explain]") {
  TempDir dir;
  write_bytes(dir.file("old.jsonl"),
              R"({"id": "t1", "title": "정책 발표", "published_at": "2018-03-05", )"
              R"("body": "미래창조과학부는 5일 새 정책을 발표했다."})"
              "\n");
  const std::vector<json> docs = explain_json(dir, "old.jsonl");
  REQUIRE(docs.size() == 1);
  const auto [m, sentence] = find_mention(docs[0], "미래창조과학부");
  CHECK(m["entity"] == "과학기술정보통신부");
  CHECK(m.at("gazetteer")["name"] == "과학기술정보통신부");
  CHECK(m.at("gazetteer")["matched"] == "other");
  const auto [same, s2] = find_mention(seed_docs().at(1), "과학기술정보통신부");
  CHECK(same.at("gazetteer")["matched"] == "name");

  const Result r = run_in(dir, "explain old.jsonl");
  REQUIRE(r.status == 0);
  CHECK(contains(
      r.out,
      "\"미래창조과학부\" is another entry's name, resolved to this one by the article date"));
}

TEST_CASE("explain: a person found by name and title shows the rule and the sentence",
          "[cli][explain]") {
  REQUIRE(seed_docs().size() == 2);
  const auto [m, sentence] = find_mention(seed_docs()[1], "배경훈");
  CHECK(m["type"] == "person");
  CHECK(m["rule"] == "person.name_title");
  CHECK_FALSE(m.contains("gazetteer"));
  REQUIRE(m["description"].is_string());
  CHECK(contains(m["description"].get<std::string>(), "title"));
  const std::string text = sentence["text"].get<std::string>();
  CHECK(contains(text, "배경훈"));
  CHECK(contains(text, "부총리"));

  // Text: the sentence line comes first, then the mention and its rule, indented under it.
  TempDir dir;
  const Result r = run_in(dir, "explain " + quote(source_path(kSeedB)));
  REQUIRE(r.status == 0);
  const std::size_t line =
      r.out.find("\nsentence " + std::to_string(sentence["index"].get<int>()) + " ");
  const std::size_t mention = r.out.find("배경훈 → 배경훈 (person)");
  const std::size_t rule = r.out.find("rule  person.name_title — ", mention);
  REQUIRE(line != std::string::npos);
  REQUIRE(mention != std::string::npos);
  CHECK(line < mention);
  CHECK(rule != std::string::npos);
  CHECK(contains(r.out.substr(line, mention - line), text.substr(0, 30)));
}

TEST_CASE("explain: json output matches the article text at every offset", "[cli][explain]") {
  const std::vector<json>& docs = seed_docs();
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["article"]["id"] == kSeedAId);
  CHECK(docs[1]["article"]["id"] == kSeedBId);
  for (const json& x : docs) {
    const std::string text = x["article"]["text"];
    std::size_t mentions = 0;
    int last_index = -1;
    for (const json& s : x["sentences"]) {
      INFO("sentence " << s["index"]);
      CHECK(s["index"].get<int>() > last_index);  // in order
      last_index = s["index"];
      CHECK(cp_substr(text, s["start"], s["end"]) == s["text"]);
      for (const json& m : s["mentions"]) {
        INFO(m.dump());
        CHECK(cp_substr(text, m["start"], m["end"]) == m["surface"]);
        CHECK(m["start"].get<std::size_t>() >= s["start"].get<std::size_t>());
        CHECK(m["end"].get<std::size_t>() <= s["end"].get<std::size_t>());
        ++mentions;
      }
      for (const json& t : s["times"]) CHECK(cp_substr(text, t["start"], t["end"]) == t["surface"]);
    }
    CHECK(mentions > 5);
    for (const json& m : x["metadata"]["mentions"]) {
      INFO(m.dump());
      const std::string field = m["field"];
      REQUIRE(x["article"].contains(field));
      CHECK(cp_substr(x["article"][field], m["start"], m["end"]) == m["surface"]);
    }
  }
  // Seed B has dated events and times; each one is in a sentence.
  std::size_t times = 0;
  std::size_t events = 0;
  for (const json& s : docs[1]["sentences"]) {
    times += s["times"].size();
    events += s["events"].size();
  }
  CHECK(times > 0);
  CHECK(events > 0);
}

TEST_CASE("explain: --type and --rule keep only matching mentions", "[cli][explain]") {
  TempDir dir;
  const std::string& seeds = seeds_args();
  std::size_t total = 0;
  for (const json& x : seed_docs()) total += all_mentions(x).size();

  SECTION("--type person") {
    std::size_t kept = 0;
    for (const json& x : explain_json(dir, "--type person " + seeds)) {
      for (const json& m : all_mentions(x)) {
        CHECK(m["type"] == "person");
        ++kept;
      }
      for (const json& s : x["sentences"]) {
        CHECK(s["times"].empty());
        CHECK(s["events"].empty());
        CHECK_FALSE(s["mentions"].empty());  // sentences with nothing left are omitted
      }
    }
    CHECK(kept > 5);
    CHECK(kept < total);
  }
  SECTION("--rule gazetteer:government") {
    std::size_t kept = 0;
    for (const json& x : explain_json(dir, "--rule gazetteer:government " + seeds)) {
      for (const json& m : all_mentions(x)) {
        CHECK(starts_with(m["rule"], "gazetteer:government#"));
        ++kept;
      }
    }
    CHECK(kept >= 3);
    CHECK(kept < total);
  }
  SECTION("--rule event. keeps events only") {
    std::size_t events = 0;
    for (const json& x : explain_json(dir, "--rule event. " + seeds)) {
      CHECK(all_mentions(x).empty());
      for (const json& s : x["sentences"]) {
        for (const json& e : s["events"]) {
          CHECK(starts_with(e["rule"], "event."));
          ++events;
        }
      }
    }
    CHECK(events > 0);
  }
  SECTION("text output honours the filter") {
    const Result r = run_in(dir, "explain --type person " + seeds);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "(person)"));
    CHECK_FALSE(contains(r.out, "(government)"));
    CHECK_FALSE(contains(r.out, "  time "));
  }
  SECTION("an unknown type is a usage error") {
    const Result r = run_in(dir, "explain --type planet " + seeds);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "planet"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("explain: bad inputs are named on stderr, the others still print", "[cli][explain]") {
  TempDir dir;
  write_bytes(dir.file("bad.txt"), "\xEC\x84\x9C\xFF\xFE 서울\n");
  const Result r = run_in(dir, "explain missing.md bad.txt " + quote(source_path(kSeedA)));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "missing.md"));
  CHECK(contains(r.err, "bad.txt"));
  CHECK(contains(r.err, "UTF-8"));
  CHECK(contains(r.out, "== " + kSeedAId));
  CHECK_FALSE(contains(r.out, "bad.txt"));
}

TEST_CASE("explain: standard input is read with -", "[cli][explain]") {
  TempDir dir;
  const Result r = run_in(dir, "explain --format json -", RunOptions{source_path(kSeedB), ""});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::vector<json> docs = parse_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["article"]["id"] == kSeedBId);
}

TEST_CASE("explain: every rule id produced on examples/ has a description",
          "[cli][explain][data]") {
  TempDir dir;
  const std::vector<json> docs = explain_json(dir, quote(source_path("examples")));
  REQUIRE(docs.size() >= 10);
  std::set<std::string> seen;
  std::set<std::string> missing;
  const auto check = [&](const json& item) {
    seen.insert(item["rule"].get<std::string>());
    if (!item["description"].is_string() || item["description"].get<std::string>().empty()) {
      missing.insert(item["rule"].get<std::string>());
    }
  };
  for (const json& x : docs) {
    for (const json& m : all_mentions(x)) check(m);
    for (const json& r : x["metadata"]["relations"]) check(r);
    for (const json& s : x["sentences"]) {
      for (const json& e : s["events"]) check(e);
      for (const json& r : s["relations"]) check(r);
    }
  }
  std::string list;
  for (const std::string& rule : missing) list += rule + " ";
  INFO("rule ids without a description in data/rules/explain.json: " << list);
  CHECK(missing.empty());
  CHECK(seen.count("person.name_title") == 1);
  CHECK(seen.count("metadata.publisher") == 1);
}

TEST_CASE("explain: a rule missing from the table is printed as is", "[cli][explain][data]") {
  TempDir dir;
  const std::string data =
      data_dir_with_table(dir, R"({"format": "sillok-rules/explain", "version": 1,
               "rules": [{"id": "gazetteer:", "prefix": true, "description": "ANY GAZETTEER HIT"}]})");
  const Result r =
      run_in(dir, "explain --data-dir " + quote(data) + " " + quote(source_path(kSeedB)));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "rule  person.name_title\n"));
  CHECK(contains(r.out, "rule  gazetteer:government#과학기술정보통신부 — ANY GAZETTEER HIT\n"));

  const std::vector<json> docs =
      explain_json(dir, "--data-dir " + quote(data) + " " + quote(source_path(kSeedB)));
  REQUIRE(docs.size() == 1);
  const auto [m, sentence] = find_mention(docs[0], "배경훈");
  CHECK(m["rule"] == "person.name_title");
  CHECK(m["description"].is_null());
}

TEST_CASE("explain: a broken rule table is an error naming the file", "[cli][explain][data]") {
  const std::vector<std::string> tables = {
      R"({"format": "sillok-rules/explain", "version": 1, "rules": [{"id": "a", "description": "x"},
                                                                    {"id": "a", "description": "y"}]})",
      R"({"format": "sillok-rules/explain", "version": 1, "rules": [{"id": "a"}]})",
      R"({"format": "sillok-rules/other", "version": 1, "rules": []})",
      "{not json",
  };
  for (const std::string& table : tables) {
    INFO(table);
    TempDir dir;
    const std::string data = data_dir_with_table(dir, table);
    const Result r =
        run_in(dir, "explain --data-dir " + quote(data) + " " + quote(source_path(kSeedA)));
    CHECK(r.status == 1);
    CHECK(contains(r.err, "explain.json"));
    CHECK(r.out.empty());
  }
}
