// End to end on the two seed articles, judged by the answer key (tests/fixtures/seeds.gold.json,
// a copy of shared/gold/seeds.json): extract, ingest, timeline, with, graph — through the
// `sillok` binary, as a user runs it.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out;
};

// Runs `sillok <args>` (a shell fragment), capturing stdout; stderr goes to the test log.
Run run_sillok(const std::string& args) {
  const std::string command = std::string("'") + SILLOK_BINARY + "' " + args;
  Run r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

const json& gold() {
  static const json g = json::parse(sillok::test::read_file(sillok::test::fixture("fixtures/seeds.gold.json")));
  return g;
}

std::string seeds_dir() { return sillok::test::source_path("examples/seeds"); }

// The extraction of every seed, by article id.
const std::map<std::string, json>& extracted() {
  static const std::map<std::string, json> by_id = [] {
    const Run r = run_sillok("extract '" + seeds_dir() + "'/*.txt");
    REQUIRE(r.status == 0);
    std::map<std::string, json> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      const json j = json::parse(line);
      REQUIRE(j.is_object());
      const std::string id = j.at("id").get<std::string>();
      out.emplace(id, j);
    }
    return out;
  }();
  return by_id;
}

// A database with the seeds ingested, shared by the query tests.
const std::string& seeded_db() {
  static const std::string path = [] {
    const fs::path dir = fs::temp_directory_path() / ("sillok-seeds-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = (dir / "seeds.db").string();
    const Run r = run_sillok("ingest -q --db '" + db + "' '" + seeds_dir() + "'/*.txt 2>/dev/null");
    REQUIRE(r.status == 0);
    return db;
  }();
  return path;
}

}  // namespace

TEST_CASE("seeds: every gold entity is found with its type and canonical name") {
  for (const auto& [id, article] : gold().at("articles").items()) {
    INFO("article " << id);
    REQUIRE(extracted().count(id) == 1);
    const json& x = extracted().at(id);
    CHECK(x.at("publisher") == article.at("publisher"));
    CHECK(x.at("published_at") == article.at("published_at"));
    for (const json& e : article.at("entities")) {
      const std::string name = e.at("name");
      INFO("entity " << name);
      const auto it = std::find_if(x.at("entities").begin(), x.at("entities").end(),
                                   [&](const json& f) { return f.at("name") == name; });
      REQUIRE(it != x.at("entities").end());
      CHECK((*it).at("type") == e.at("type"));
      std::set<std::string> surfaces;
      for (const json& m : (*it).at("mentions")) surfaces.insert(m.at("text").get<std::string>());
      for (const json& alias : e.value("aliases", json::array())) {
        INFO("alias " << alias);
        CHECK(surfaces.count(alias.get<std::string>()) == 1);
      }
    }
  }
}

TEST_CASE("seeds: no must_not string is reported, and no name keeps a particle") {
  std::set<std::string> forbidden;
  for (const json& s : gold().at("must_not")) forbidden.insert(s.get<std::string>());
  for (const auto& [id, x] : extracted()) {
    for (const json& e : x.at("entities")) {
      INFO(id << ": " << e.at("name"));
      CHECK(forbidden.count(e.at("name").get<std::string>()) == 0);
      for (const json& m : e.at("mentions")) CHECK(forbidden.count(m.at("text").get<std::string>()) == 0);
    }
  }
}

TEST_CASE("seeds: gold relations and times are extracted") {
  for (const auto& [id, article] : gold().at("articles").items()) {
    const json& x = extracted().at(id);
    for (const json& r : article.at("relations")) {
      INFO(id << ": " << r.dump());
      const bool found = std::any_of(x.at("relations").begin(), x.at("relations").end(), [&](const json& f) {
        return f.at("subject") == r.at("subject") && f.at("role") == r.at("role") && f.at("object") == r.at("object");
      });
      CHECK(found);
    }
    for (const json& t : article.at("times")) {
      INFO(id << ": " << t.dump());
      const bool found = std::any_of(x.at("times").begin(), x.at("times").end(), [&](const json& f) {
        // The extent may also cover a bound word that sets the modifier ("… 15일 이내").
        const std::string text = f.at("text"), want = t.at("text");
        return text.compare(0, want.size(), want) == 0 && f.at("value") == t.at("value");
      });
      CHECK(found);
    }
  }
}

TEST_CASE("seeds: the 국가대표 AI timeline is exactly the gold one") {
  const Run r = run_sillok("timeline --db '" + seeded_db() + "' --topic '국가대표 AI' --format json");
  REQUIRE(r.status == 0);
  const json entries = json::parse(r.out).at("entries");
  const json& expected = gold().at("timeline").at("entries");
  REQUIRE(entries.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("entry " << i << ": " << entries[i].dump());
    CHECK(entries[i].at("date") == expected[i].at("date"));
    CHECK(entries[i].at("kind") == expected[i].at("kind"));
    auto sources = entries[i].at("sources").get<std::vector<std::string>>();
    auto want = expected[i].at("sources").get<std::vector<std::string>>();
    std::sort(sources.begin(), sources.end());
    std::sort(want.begin(), want.end());
    CHECK(sources == want);
    if (expected[i].contains("status")) CHECK(entries[i].at("status") == expected[i].at("status"));
    if (expected[i].contains("time")) CHECK(entries[i].value("time", "") == expected[i].at("time"));
    if (expected[i].contains("precision")) CHECK(entries[i].value("mod", "") == "on_or_before");
    for (const json& p : expected[i].value("participants_include", json::array())) {
      INFO("participant " << p);
      const auto& got = entries[i].at("participants");
      CHECK(std::find(got.begin(), got.end(), p) != got.end());
    }
  }
}

TEST_CASE("seeds: who appeared with whom includes the gold co-appearances") {
  for (const auto& [name, others] : gold().at("with").items()) {
    if (name == "about") continue;
    const Run r = run_sillok("with --db '" + seeded_db() + "' '" + name + "' --format json");
    REQUIRE(r.status == 0);
    const json out = json::parse(r.out);
    std::set<std::string> with;
    for (const json& w : out.at("with")) {
      with.insert(w.at("name").get<std::string>());
      CHECK_FALSE(w.at("sources").empty());
    }
    for (const json& o : others) {
      INFO(name << " with " << o);
      CHECK(with.count(o.get<std::string>()) == 1);
    }
  }
}

TEST_CASE("seeds: the entity graph is valid DOT for Graphviz") {
  const Run r = run_sillok("graph --db '" + seeded_db() + "' --format dot");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("과학기술정보통신부") != std::string::npos);
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("graphviz 'dot' not installed; DOT validity not checked");
    return;
  }
  const fs::path file = fs::path(seeded_db()).parent_path() / "seeds.dot";
  {
    std::ofstream out(file);
    out << r.out;
  }
  CHECK(std::system(("dot -Tsvg '" + file.string() + "' -o /dev/null").c_str()) == 0);
}

TEST_CASE("seeds: path, rank and communities answer from the graph") {
  // 배경훈 (뉴스1 article) and 네이버 (아시아경제 article) share no article: the chain goes
  // through an entity of both.
  Run r = run_sillok("path --db '" + seeded_db() + "' 배경훈 네이버 --format json");
  REQUIRE(r.status == 0);
  const json hops = json::parse(r.out).at("path");
  REQUIRE(hops.size() == 2);
  CHECK(hops.front().at("from") == "배경훈");
  CHECK(hops.back().at("to") == "네이버");
  CHECK(hops.front().at("to") == hops.back().at("from"));
  for (const json& h : hops) CHECK_FALSE(h.at("sources").empty());

  r = run_sillok("rank --db '" + seeded_db() + "' --by degree --top 5 --format json");
  REQUIRE(r.status == 0);
  const json ranking = json::parse(r.out).at("ranking");
  REQUIRE(ranking.size() == 5);
  for (std::size_t i = 1; i < ranking.size(); ++i) {
    CHECK(ranking[i - 1].at("score").get<double>() >= ranking[i].at("score").get<double>());
  }
  r = run_sillok("rank --db '" + seeded_db() + "' --by pagerank --format json");
  REQUIRE(r.status == 0);

  r = run_sillok("communities --db '" + seeded_db() + "' --format json");
  REQUIRE(r.status == 0);
  const json groups = json::parse(r.out);
  REQUIRE_FALSE(groups.empty());
  std::size_t members = 0;
  for (const json& g : groups) members += g.at("members").size();
  CHECK(members >= 20);
}
