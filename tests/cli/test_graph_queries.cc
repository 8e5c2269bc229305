// End-to-end tests of the graph queries of the `sillok` binary: `with` (date range, --min,
// --top, --evidence), `path` (types for both ends, evidence per hop, hubs avoided), `rank
// --exclude-hubs`, `communities` (hubs left out, methods) and ambiguous names in `with`,
// `path` and `graph --entity`.
//
// The corpus is written by the tests as `sillok extract`-style JSON Lines and stored with
// `ingest --from-json`, so every co-appearance, sentence and date is known exactly:
//
//   g1 2025-01-10  김철수, 한빛전자 share sentence 0; 한빛 (organization) is alone in sentence 1
//   g2 2025-02-10  이영희 and 한빛 (company) share sentence 0
//   g3 2025-03-10  김철수 and 이영희 share sentence 0
//   g4 2025-03-11  김철수 and 이영희 share sentences 0 and 1
//   g5 (undated)   김철수 and 박민수 share sentence 0
//   g6 2025-04-01  최지훈 alone
// Every article's publisher is 테스트일보 (a metadata mention): it is in 6 of 6 articles, a hub.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_util.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using nlohmann::json;
using sillok::test::read_file;
using sillok::test::source_path;
using sillok::test::contains;
using sillok::test::quote;
using sillok::test::Result;

namespace {

// Runs `sillok <args>` (shell text, absolute paths) with SILLOK_DB unset, capturing status,
// stdout and stderr.
Result run(const std::string& args) {
  static const sillok::test::TempDir scratch;
  return sillok::test::run_in(scratch, args);
}

// Code points in valid UTF-8: bytes that do not continue a sequence.
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

struct Ent {
  std::string name, type;
  std::vector<int> sentences;  // where the name occurs (first occurrence in each)
};

// One article in `sillok extract` JSON: sentences joined by spaces, each entity mentioned
// where its name first occurs in each listed sentence, the publisher as a metadata mention.
json article(const std::string& id, const std::string& date,
             const std::vector<std::string>& sentences, const std::vector<Ent>& entities) {
  const std::string publisher = "테스트일보";
  std::string text;
  std::vector<std::size_t> starts;
  json spans = json::array();
  for (const std::string& s : sentences) {
    if (!text.empty()) text += " ";
    starts.push_back(code_points(text));
    text += s;
    spans.push_back({starts.back(), code_points(text)});
  }
  json ents = json::array();
  for (const Ent& e : entities) {
    json mentions = json::array();
    for (const int s : e.sentences) {
      const std::string& sentence = sentences.at(static_cast<std::size_t>(s));
      const std::size_t byte = sentence.find(e.name);
      if (byte == std::string::npos) throw std::logic_error(e.name + " not in " + sentence);
      const std::size_t start = starts[static_cast<std::size_t>(s)] + code_points(sentence.substr(0, byte));
      mentions.push_back({{"text", e.name}, {"start", start}, {"end", start + code_points(e.name)},
                          {"rule", "test"}, {"sentence", s}});
    }
    ents.push_back({{"name", e.name}, {"type", e.type}, {"mentions", mentions}});
  }
  ents.push_back({{"name", publisher},
                  {"type", "media"},
                  {"mentions", {{{"text", publisher}, {"start", 0}, {"end", 5}, {"rule", "metadata"},
                                 {"field", "publisher"}, {"sentence", -1}}}}});
  json j = {{"id", id},       {"title", "제목 " + id}, {"publisher", publisher}, {"text", text},
            {"sentences", spans}, {"entities", ents}, {"relations", json::array()},
            {"times", json::array()}, {"events", json::array()}};
  if (!date.empty()) j["published_at"] = date + "T09:00:00+09:00";
  return j;
}

const std::string kG1S0 = "김철수 대표는 한빛전자에서 신제품을 발표했다.";
const std::string kG4S1 = "이영희 장관은 김철수 대표의 제안을 검토하겠다고 말했다.";

// Removes a directory when the test program exits.
struct RemoveAtExit {
  fs::path dir;
  ~RemoveAtExit() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

// The database of the corpus described at the top, built once per test run.
const std::string& db() {
  static const std::string path = [] {
    const fs::path dir =
        fs::temp_directory_path() / ("sillok-graph-queries-" + std::to_string(getpid()));
    fs::create_directories(dir);
    static const RemoveAtExit cleanup{dir};
    const std::vector<json> corpus{
        article("g1", "2025-01-10", {kG1S0, "한빛 재단도 행사에 참석했다."},
                {{"김철수", "person", {0}}, {"한빛전자", "company", {0}},
                 {"한빛", "organization", {1}}}),
        article("g2", "2025-02-10", {"이영희 장관과 한빛 관계자가 만났다."},
                {{"이영희", "person", {0}}, {"한빛", "company", {0}}}),
        article("g3", "2025-03-10", {"김철수 대표와 이영희 장관이 회동했다."},
                {{"김철수", "person", {0}}, {"이영희", "person", {0}}}),
        article("g4", "2025-03-11", {"김철수 대표와 이영희 장관이 다시 만났다.", kG4S1},
                {{"김철수", "person", {0, 1}}, {"이영희", "person", {0, 1}}}),
        article("g5", "", {"김철수 대표는 박민수 교수를 만났다."},
                {{"김철수", "person", {0}}, {"박민수", "person", {0}}}),
        article("g6", "2025-04-01", {"최지훈 선수가 우승했다."}, {{"최지훈", "person", {0}}}),
    };
    const std::string jsonl = (dir / "corpus.jsonl").string();
    {
      std::ofstream out(jsonl);
      for (const json& a : corpus) out << a.dump() << "\n";
    }
    const std::string file = (dir / "graph.db").string();
    fs::remove(file);
    const Result r = run("ingest -q --from-json --db " + quote(file) + " " + quote(jsonl));
    if (r.status != 0) throw std::runtime_error("ingest failed: " + r.err);
    return file;
  }();
  return path;
}

std::string with_db(const std::string& args) { return args + " --db " + quote(db()); }

json json_of(const Result& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

std::vector<std::string> names(const json& items) {
  std::vector<std::string> out;
  for (const json& i : items) out.push_back(i.at("name").get<std::string>());
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// with

TEST_CASE("graph queries: with ranks by shared articles, then sentences", "[cli][graph]") {
  const json out = json_of(run(with_db("with 김철수 --format json")));
  const json& with = out.at("with");
  CHECK(names(with) ==
        std::vector<std::string>{"테스트일보", "이영희", "박민수", "한빛전자", "한빛"});
  CHECK(with[1].at("articles") == 2);
  CHECK(with[1].at("sentences") == 3);  // g3 sentence 0, g4 sentences 0 and 1
  CHECK(with[4].at("sentences") == 0);  // 한빛 is in another sentence of g1
  CHECK(out.at("from").is_null());
  CHECK_FALSE(with[0].contains("evidence"));
}

TEST_CASE("graph queries: with --from/--to keep articles of those dates only", "[cli][graph]") {
  json out = json_of(run(with_db("with 김철수 --from 2025-02-01 --format json")));
  CHECK(out.at("from") == "2025-02-01");
  CHECK(names(out.at("with")) == std::vector<std::string>{"이영희", "테스트일보"});
  CHECK(out.at("with")[0].at("sources") == json({"g3", "g4"}));  // undated g5 is out

  out = json_of(run(with_db("with 김철수 --to 2025-01-10 --format json")));
  CHECK(names(out.at("with")) == std::vector<std::string>{"한빛전자", "테스트일보", "한빛"});

  out = json_of(run(with_db("with 김철수 --from 2025-03-11 --to 2025-03-11 --format json")));
  REQUIRE(out.at("with").size() == 2);
  CHECK(out.at("with")[0].at("name") == "이영희");
  CHECK(out.at("with")[0].at("articles") == 1);  // inclusive bounds: g4 only
  CHECK(out.at("with")[0].at("sentences") == 2);

  const Result text = run(with_db("with 김철수 --from 2025-02-01 --to 2025-03-10"));
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "(2025-02-01 .. 2025-03-10)"));
  CHECK(contains(text.out, "이영희 (person)  1 article, 1 sentence  [g3]"));
}

TEST_CASE("graph queries: with rejects bad or reversed dates", "[cli][graph]") {
  Result r = run(with_db("with 김철수 --from 2025-13-45"));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "--from"));
  r = run(with_db("with 김철수 --from 2025-03-01 --to 2025-02-01"));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "after --to"));
}

TEST_CASE("graph queries: with --min and --top", "[cli][graph]") {
  json out = json_of(run(with_db("with 김철수 --min 2 --format json")));
  CHECK(names(out.at("with")) == std::vector<std::string>{"테스트일보", "이영희"});
  out = json_of(run(with_db("with 김철수 --top 3 --format json")));
  CHECK(names(out.at("with")) == std::vector<std::string>{"테스트일보", "이영희", "박민수"});
}

TEST_CASE("graph queries: with --evidence gives the shared sentences", "[cli][graph]") {
  const json out = json_of(run(with_db("with 김철수 --evidence --format json")));
  const json& with = out.at("with");
  REQUIRE(with.size() == 5);
  // 이영희: three shared sentences, in date then sentence order.
  const json& ev = with[1].at("evidence");
  REQUIRE(ev.size() == 3);
  CHECK(ev[0].at("article") == "g3");
  CHECK(ev[0].at("date") == "2025-03-10");
  CHECK(ev[2].at("article") == "g4");
  CHECK(ev[2].at("sentence") == 1);
  CHECK(ev[2].at("text") == kG4S1);
  // 한빛전자: sentence 0 of g1, cut out of the article text exactly.
  CHECK(with[3].at("evidence") ==
        json::array({{{"article", "g1"}, {"date", "2025-01-10"}, {"sentence", 0}, {"text", kG1S0}}}));
  CHECK(with[2].at("evidence")[0].at("date") == "");  // g5 is undated
  CHECK(with[0].at("evidence").empty());               // the publisher is in no sentence
  CHECK(with[4].at("evidence").empty());

  const json capped = json_of(run(with_db("with 김철수 --evidence --evidence-limit 1 --format json")));
  CHECK(capped.at("with")[1].at("evidence").size() == 1);

  const Result text = run(with_db("with 김철수 --evidence --top 4"));
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "      g1 2025-01-10 #0: " + kG1S0 + "\n"));
  CHECK(contains(text.out, "      g5 undated #0: "));
}

TEST_CASE("graph queries: with --evidence respects the date range", "[cli][graph]") {
  const json out = json_of(run(with_db("with 김철수 --evidence --from 2025-03-11 --format json")));
  const json& ev = out.at("with")[0].at("evidence");
  REQUIRE(ev.size() == 2);
  for (const json& e : ev) CHECK(e.at("article") == "g4");
}

// ---------------------------------------------------------------------------------------------
// Ambiguous names

TEST_CASE("graph queries: ambiguous names are reported, not guessed", "[cli][graph]") {
  const std::string message =
      "'한빛' is ambiguous: 한빛 (company), 한빛 (organization); pick one with --type";
  Result r = run(with_db("with 한빛"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, message));
  r = run(with_db("graph --entity 한빛"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, message));
  r = run(with_db("path 한빛 김철수"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, message + "-a"));
  r = run(with_db("path 김철수 한빛"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, message + "-b"));

  json out = json_of(run(with_db("with 한빛 --type company --format json")));
  CHECK(out.at("type") == "company");
  CHECK(names(out.at("with")) == std::vector<std::string>{"이영희", "테스트일보"});
  out = json_of(run(with_db("with 한빛 --type organization --format json")));
  CHECK(out.at("type") == "organization");
  CHECK(names(out.at("with")) == std::vector<std::string>{"김철수", "테스트일보", "한빛전자"});
  CHECK(run(with_db("graph --entity 한빛 --type company --format json")).status == 0);
}

// ---------------------------------------------------------------------------------------------
// path

TEST_CASE("graph queries: path picks types for both ends and gives evidence", "[cli][graph]") {
  const json out =
      json_of(run(with_db("path 한빛 한빛전자 --type-a company --type-b company --format json")));
  CHECK(out.at("hops") == 3);  // 한빛 - 이영희 - 김철수 - 한빛전자, never via the publisher
  const json& path = out.at("path");
  REQUIRE(path.size() == 3);
  CHECK(path[0].at("from") == "한빛");
  CHECK(path[0].at("from_type") == "company");
  CHECK(path[1].at("from") == "이영희");
  CHECK(path[2].at("to") == "한빛전자");
  CHECK(path[0].at("evidence").at("article") == "g2");
  CHECK(path[1].at("evidence").at("article") == "g3");  // the first shared sentence
  CHECK(path[2].at("evidence").at("text") == kG1S0);
  CHECK(out.at("avoided_hubs")[0].at("name") == "테스트일보");

  const Result text = run(with_db("path 한빛 김철수 --type-a organization"));
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "1 hop"));
  CHECK(contains(text.out, "한빛 — 김철수  (1 article)\n"));
  // They share g1 but no sentence: the evidence is the article's title.
  CHECK(contains(text.out, "    g1 2025-01-10 title: 제목 g1\n"));
}

TEST_CASE("graph queries: path avoids hubs unless told otherwise", "[cli][graph]") {
  // 최지훈 shares an article only with the publisher, a hub.
  Result r = run(with_db("path 최지훈 김철수"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "not connected without the hubs 테스트일보 (6)"));
  const json out = json_of(run(with_db("path 최지훈 김철수 --hub-share 1 --format json")));
  CHECK(out.at("hops") == 2);
  CHECK(out.at("path")[0].at("to") == "테스트일보");
  CHECK(out.at("avoided_hubs").empty());
  // A hub may still be an end of the path.
  CHECK(json_of(run(with_db("path 테스트일보 최지훈 --format json"))).at("hops") == 1);
}

// ---------------------------------------------------------------------------------------------
// rank and communities

TEST_CASE("graph queries: rank --exclude-hubs leaves the publisher out", "[cli][graph]") {
  json out = json_of(run(with_db("rank --by degree --format json")));
  CHECK(out.at("ranking")[0].at("name") == "테스트일보");
  CHECK(out.at("excluded_hubs").empty());
  out = json_of(run(with_db("rank --by degree --exclude-hubs --format json")));
  CHECK(out.at("excluded_hubs").size() == 1);
  CHECK(out.at("excluded_hubs")[0].at("articles") == 6);
  CHECK(out.at("ranking")[0].at("name") == "김철수");
  for (const json& r : out.at("ranking")) CHECK(r.at("name") != "테스트일보");
  const Result text = run(with_db("rank --exclude-hubs"));
  CHECK(contains(text.out, "hubs left out (in more than 10% of 6 articles and at least 5): 테스트일보 (6)\n"));
}

TEST_CASE("graph queries: communities leave hubs out and list them apart", "[cli][graph]") {
  for (const char* method : {"louvain", "label-propagation"}) {
    INFO(method);
    const json out =
        json_of(run(with_db(std::string("communities --format json --method ") + method)));
    REQUIRE(out.size() >= 2);
    // The six entities other than the hub and the isolated 최지훈 (a hidden singleton).
    std::size_t grouped = 0;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
      CHECK(out[i].at("kind") == "community");
      CHECK(out[i].at("community") == i + 1);
      grouped += out[i].at("members").size();
    }
    CHECK(grouped == 6);
    // 김철수 and 이영희, the strongest tie, are grouped together.
    CHECK(names(out[0].at("members"))[0] == "김철수");
    CHECK(names(out[0].at("members"))[1] == "이영희");
    CHECK(out.back().at("kind") == "hubs");
    CHECK(out.back().at("community").is_null());
    CHECK(names(out.back().at("members")) == std::vector<std::string>{"테스트일보"});
  }
  // Louvain splits the g1 triangle's other two members from the 김철수-이영희 group (the
  // two splits of this tiny graph tie at modularity 6/49); label propagation keeps one group.
  CHECK(json_of(run(with_db("communities --format json"))).size() == 3);
  CHECK(json_of(run(with_db("communities --method label-propagation --format json"))).size() == 2);

  // Without hub removal the publisher joins a group, and 최지훈 with it.
  const json all = json_of(run(with_db("communities --hub-share 1 --format json")));
  std::size_t members = 0;
  for (const json& g : all) {
    CHECK(g.at("kind") == "community");
    members += g.at("members").size();
  }
  CHECK(members == 8);

  const Result text = run(with_db("communities"));
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "hubs left out (in more than 10% of 6 articles and at least 5): 테스트일보 (6)\n"));
  CHECK(contains(text.out, "method louvain, modularity 0.12"));
}

TEST_CASE("graph queries: hub options are validated", "[cli][graph]") {
  CHECK(run(with_db("communities --hub-share 1.5")).status == 2);
  CHECK(run(with_db("communities --method girvan-newman")).status == 2);
}
