// Exports: escaping rules, and DOT/GraphML/GEXF/JSON read back by the real consumers
// (Graphviz's dot, NetworkX, nlohmann::json).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "graph/escape.h"
#include "graph/graph.h"
#include "tests/test_util.h"

using namespace sillok;
using graph_escape::dot_string;
using graph_escape::valid_utf8;
using graph_escape::xml_text;

namespace {

// Names that break naive writers, and how a reader should see each one afterwards.
struct Hostile {
  std::string name;
  std::string xml_name;  // after the XML writers drop what XML 1.0 forbids
};

const std::vector<Hostile>& hostile_names() {
  static const std::vector<Hostile> names{
      {"\"quoted\"", "\"quoted\""},
      {"back\\slash", "back\\slash"},
      {"new\nline", "new\nline"},
      {"\\N", "\\N"},
      {"graph", "graph"},
      {"<b>bold</b>", "<b>bold</b>"},
      {"과학기술정보통신부", "과학기술정보통신부"},
      {"a;b{c}", "a;b{c}"},
      {"end\\", "end\\"},
      {"AT&T 'single' \\G\\E\\T\\H\\L", "AT&T 'single' \\G\\E\\T\\H\\L"},
      {"bell\x07here", "bellhere"},
      {"node", "node"},
  };
  return names;
}

// A graph over the hostile names: a path through all of them, weights 1, 2, 3, ...,
// dated articles, and one typed relation with a hostile role.
EntityGraph hostile_graph() {
  EntityGraph g;
  const auto& names = hostile_names();
  const EntityType types[] = {EntityType::person,       EntityType::government, EntityType::company,
                              EntityType::organization, EntityType::media,      EntityType::place,
                              EntityType::product};
  for (std::size_t i = 0; i < names.size(); ++i) {
    g.add_node(GraphNode{static_cast<std::int64_t>(i + 1), names[i].name, types[i % 7]});
  }
  int article = 0;
  for (std::size_t i = 1; i < names.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) {
      const std::string date = "2025-12-" + std::to_string(10 + (article % 3));
      g.add_article({"art" + std::to_string(++article),
                     date,
                     {{0, static_cast<std::int64_t>(i)}, {0, static_cast<std::int64_t>(i + 1)}}});
    }
  }
  g.add_relation({1, 2, "\"CEO\" <&>", "art1"});
  return g;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("sillok_graph_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

struct RunResult {
  int status = -1;
  std::string out;
};

// Runs a shell command, capturing stdout; status is the exit code (-1 if it did not exit).
RunResult run(const std::string& command) {
  RunResult r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool have(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

template <typename Writer>
std::string render(Writer write, const EntityGraph& g) {
  std::ostringstream out;
  write(out, g);
  return out.str();
}

// The text of every <text> element of a Graphviz SVG, entities decoded.
std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = svg.find("<text", pos)) != std::string::npos) {
    const std::size_t start = svg.find('>', pos) + 1;
    const std::size_t end = svg.find("</text>", start);
    std::string t = svg.substr(start, end - start);
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{"&quot;", "\""},
                                                          {"&lt;", "<"},
                                                          {"&gt;", ">"},
                                                          {"&#39;", "'"},
                                                          {"&apos;", "'"},
                                                          {"&amp;", "&"}}) {
      for (std::size_t p = 0; (p = t.find(from, p)) != std::string::npos; p += to.size()) {
        t.replace(p, from.size(), to);
      }
    }
    out.push_back(t);
    pos = end;
  }
  return out;
}

// NetworkX's view of an exported file, or null when networkx (3: import failed) or the
// interpreter itself (127: command not found) is unavailable.
nlohmann::json read_with_networkx(const std::string& kind, const std::string& path) {
  const RunResult r = run(std::string(SILLOK_GRAPH_PYTHON) + " " + SILLOK_GRAPH_READER + " " +
                          kind + " '" + path + "'");
  if (r.status == 3 || r.status == 127) return nullptr;
  INFO(r.out);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("graph export: DOT quoted strings", "[graph][export]") {
  struct Row {
    std::string in, out;
  };
  const std::vector<Row> rows{
      {"plain", "\"plain\""},           {"\"q\"", "\"\\\"q\\\"\""},
      {"a\\b", "\"a\\\\b\""},           {"\\N", "\"\\\\N\""},
      {"end\\", "\"end\\\\\""},         {"two\nlines", "\"two\\nlines\""},
      {"tab\there", "\"tab here\""},    {"<b>x</b>", "\"<b>x</b>\""},
      {"과기정통부", "\"과기정통부\""}, {"bad\xff", "\"bad\xEF\xBF\xBD\""},
  };
  for (const Row& row : rows) {
    INFO(row.in);
    CHECK(dot_string(row.in) == row.out);
  }
}

TEST_CASE("graph export: XML text", "[graph][export]") {
  CHECK(xml_text("a&b<c>\"d\"'e'") == "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;");
  CHECK(xml_text("x\x01y\x1Fz") == "xyz");
  CHECK(xml_text("l1\nl2\tt") == "l1&#10;l2&#9;t");
  CHECK(xml_text("\xEF\xBF\xBE") == "");  // U+FFFE is not an XML character
  CHECK(xml_text("배경훈") == "배경훈");
  CHECK(valid_utf8("ok\xC3") == "ok\xEF\xBF\xBD");
  CHECK(valid_utf8("\xED\xA0\x80z") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");  // surrogate
}

TEST_CASE("graph export: DOT is accepted by Graphviz and shows every name", "[graph][export]") {
  if (!have("dot")) {
    WARN("graphviz 'dot' not found; skipping");
    return;
  }
  const EntityGraph g = hostile_graph();
  const std::string dot = render(write_dot, g);
  CHECK(dot.rfind("graph entities {", 0) == 0);
  CHECK(dot.find("dir=forward") != std::string::npos);
  CHECK(dot.find("Noto Sans CJK KR") != std::string::npos);
  const std::string path = temp_path("hostile.dot");
  write_file(path, dot);

  const RunResult canon = run("dot -Tcanon '" + path + "' 2>&1");
  INFO(canon.out);
  REQUIRE(canon.status == 0);
  for (const Hostile& h : hostile_names()) {
    INFO(h.name);
    const std::string plain = valid_utf8(h.name);
    const bool found = canon.out.find(dot_string(h.name)) != std::string::npos ||
                       canon.out.find("label=" + plain + "]") != std::string::npos ||
                       canon.out.find("label=" + plain + ",") != std::string::npos;
    CHECK(found);
  }

  // Rendering shows each name literally: no \N expansion, no HTML, newline as a line break.
  const RunResult svg = run("dot -Tsvg '" + path + "' 2>/dev/null");
  REQUIRE(svg.status == 0);
  const std::vector<std::string> texts = svg_texts(svg.out);
  auto shown = [&](const std::string& s) {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
  };
  for (const Hostile& h : hostile_names()) {
    INFO(h.name);
    if (h.name == "new\nline") {
      CHECK(shown("new"));
      CHECK(shown("line"));
    } else if (h.name.find('\x07') != std::string::npos) {
      CHECK(shown("bell here"));
    } else {
      CHECK(shown(h.name));
    }
  }
  CHECK(shown("\"CEO\" <&>"));
  std::remove(path.c_str());
}

TEST_CASE("graph export: GraphML read back by NetworkX", "[graph][export]") {
  const EntityGraph g = hostile_graph();
  const std::string path = temp_path("hostile.graphml");
  write_file(path, render(write_graphml, g));
  const nlohmann::json nx = read_with_networkx("graphml", path);
  std::remove(path.c_str());
  if (nx.is_null()) {
    WARN("networkx not available; skipping");
    return;
  }
  CHECK_FALSE(nx["directed"].get<bool>());
  REQUIRE(nx["nodes"].size() == g.node_count());
  for (const GraphNode& n : g.nodes()) {
    const auto& attrs = nx["nodes"][std::to_string(n.id)];
    INFO(n.name);
    CHECK(attrs["label"] == hostile_names()[n.id - 1].xml_name);
    CHECK(attrs["name"] == hostile_names()[n.id - 1].xml_name);
    CHECK(attrs["type"] == std::string(to_string(n.type)));
  }
  const std::vector<GraphEdge> edges = g.edges();
  REQUIRE(nx["edges"].size() == edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& e = nx["edges"][i];
    INFO(e.dump());
    CHECK(e[0] == edges[i].source);
    CHECK(e[1] == edges[i].target);
    CHECK(e[2]["weight"].get<double>() == edges[i].info.articles);
    CHECK(e[2]["articles"] == edges[i].info.articles);
    CHECK(e[2]["sentences"] == edges[i].info.sentences);
    CHECK(e[2]["first_seen"] == edges[i].info.first_date);
    CHECK(e[2]["last_seen"] == edges[i].info.last_date);
  }
  CHECK(nx["edges"][0][2]["roles"] == "\"CEO\" <&>");
}

TEST_CASE("graph export: GEXF 1.3 read back by NetworkX, with spells", "[graph][export]") {
  const EntityGraph g = hostile_graph();
  const std::string gexf = render(write_gexf, g);
  CHECK(gexf.find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(gexf.find("mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\"") !=
        std::string::npos);
  const std::string path = temp_path("hostile.gexf");
  write_file(path, gexf);
  const nlohmann::json nx = read_with_networkx("gexf", path);
  std::remove(path.c_str());
  if (nx.is_null()) {
    WARN("networkx not available; skipping");
    return;
  }
  REQUIRE(nx["nodes"].size() == g.node_count());
  for (const GraphNode& n : g.nodes()) {
    const auto& attrs = nx["nodes"][std::to_string(n.id)];
    INFO(n.name);
    CHECK(attrs["label"] == hostile_names()[n.id - 1].xml_name);
    CHECK(attrs["type"] == std::string(to_string(n.type)));
    std::vector<std::string> node_days;
    for (const auto& spell : attrs["spells"]) node_days.push_back(spell[0].get<std::string>());
    CHECK(node_days == g.dates(n.id));
    CHECK_FALSE(node_days.empty());
  }
  const std::vector<GraphEdge> edges = g.edges();
  REQUIRE(nx["edges"].size() == edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& e = nx["edges"][i];
    INFO(e.dump());
    CHECK(e[0] == edges[i].source);
    CHECK(e[1] == edges[i].target);
    CHECK(e[2]["weight"].get<double>() == edges[i].info.articles);
    CHECK(e[2]["sentences"] == edges[i].info.sentences);
    std::vector<std::string> spell_days;
    for (const auto& spell : e[2]["spells"]) {
      CHECK(spell[0] == spell[1]);
      spell_days.push_back(spell[0].get<std::string>());
    }
    CHECK(spell_days == edges[i].info.dates);
  }
}

TEST_CASE("graph export: JSON round-trips through nlohmann", "[graph][export]") {
  const EntityGraph g = hostile_graph();
  const auto doc = nlohmann::json::parse(render(write_json, g));
  REQUIRE(doc["nodes"].size() == g.node_count());
  for (const auto& n : doc["nodes"]) {
    const auto id = n["id"].get<std::int64_t>();
    CHECK(n["name"] == g.node(id)->name);
    CHECK(n["type"] == std::string(to_string(g.node(id)->type)));
  }
  const std::vector<GraphEdge> edges = g.edges();
  REQUIRE(doc["links"].size() == edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& l = doc["links"][i];
    CHECK(l["source"] == edges[i].source);
    CHECK(l["target"] == edges[i].target);
    CHECK(l["articles"] == edges[i].info.articles);
    CHECK(l["sentences"] == edges[i].info.sentences);
    CHECK(l["first_seen"] == edges[i].info.first_date);
    CHECK(l["last_seen"] == edges[i].info.last_date);
    CHECK(l["roles"].get<std::vector<std::string>>() == edges[i].info.roles);
    CHECK(l["sources"].get<std::vector<std::string>>() == edges[i].info.article_ids);
  }
  REQUIRE(doc["relations"].size() == 1);
  CHECK(doc["relations"][0]["role"] == "\"CEO\" <&>");
  CHECK(doc["relations"][0]["subject"] == 1);

  SECTION("undated edges have null first/last_seen; broken UTF-8 is repaired") {
    EntityGraph h;
    h.add_node(GraphNode{1, "bad\xff", EntityType::person});
    h.add_node(GraphNode{2, "ok", EntityType::place});
    h.add_article({"u", "", {{0, 1}, {0, 2}}});
    const auto d = nlohmann::json::parse(render(write_json, h));
    CHECK(d["links"][0]["first_seen"].is_null());
    CHECK(d["nodes"][0]["name"] == "bad\xEF\xBF\xBD");
  }
}

TEST_CASE("graph export: output does not depend on article order", "[graph][export]") {
  auto build = [](bool reversed) {
    EntityGraph g;
    for (int i = 1; i <= 4; ++i)
      g.add_node(GraphNode{i, "e" + std::to_string(i), EntityType::company});
    std::vector<GraphArticle> arts{{"a", "2025-01-02", {{0, 1}, {0, 2}, {1, 3}}},
                                   {"b", "2025-01-01", {{0, 3}, {0, 4}, {-1, 1}}},
                                   {"c", "", {{2, 2}, {2, 4}}}};
    if (reversed) std::reverse(arts.begin(), arts.end());
    for (const auto& a : arts) g.add_article(a);
    return g;
  };
  const EntityGraph x = build(false);
  const EntityGraph y = build(true);
  CHECK(render(write_json, x) == render(write_json, y));
  CHECK(render(write_dot, x) == render(write_dot, y));
  CHECK(render(write_graphml, x) == render(write_graphml, y));
  CHECK(render(write_gexf, x) == render(write_gexf, y));
}

TEST_CASE("graph export: DOT styles follow type, weight and relation direction",
          "[graph][export]") {
  EntityGraph g;
  g.add_node(GraphNode{1, "정재헌", EntityType::person});
  g.add_node(GraphNode{2, "SKT", EntityType::company});
  g.add_node(GraphNode{3, "코엑스", EntityType::place});
  for (int i = 0; i < 10; ++i) g.add_article({"h" + std::to_string(i), "", {{0, 1}, {0, 2}}});
  g.add_article({"once", "", {{0, 2}, {1, 3}}});
  g.add_relation({1, 2, "CEO", "h0"});
  const std::string dot = render(write_dot, g);
  INFO(dot);
  CHECK(dot.find("\"1\" [label=\"정재헌\", shape=ellipse") != std::string::npos);
  CHECK(dot.find("\"2\" [label=\"SKT\", shape=box, style=\"rounded,filled\"") != std::string::npos);
  CHECK(dot.find("\"3\" [label=\"코엑스\", shape=house") != std::string::npos);
  // 10 shared articles: 1 + 1.5 ln 10 = 4.45; one article: 1.
  CHECK(
      dot.find("\"1\" -- \"2\" [weight=10, penwidth=4.45, tooltip=\"10 articles, 10 sentences\"") !=
      std::string::npos);
  CHECK(dot.find("\"2\" -- \"3\" [weight=1, penwidth=1.00, tooltip=\"1 article, 0 sentences\"") !=
        std::string::npos);
  CHECK(dot.find("\"1\" -- \"2\" [label=\"CEO\", style=bold, dir=forward") != std::string::npos);
}
