// The exporters: DOT, GraphML, GEXF 1.3 and JSON. Output order is deterministic (nodes by
// id, edges by (source, target), relations by (subject, object, role)), so exports can be
// compared as golden files.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

#include "graph/escape.h"
#include "graph/graph.h"

namespace sillok {

using graph_escape::dot_string;
using graph_escape::valid_utf8;
using graph_escape::xml_text;

namespace {

// Fixed-point decimal, independent of the global locale (a CLI that sets a German locale
// must not write "1,50" into a DOT file).
std::string fixed(double value, int precision) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, precision);
  return std::string(buf, res.ptr);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// ---- DOT ----

constexpr const char* kFonts = "Noto Sans CJK KR,NanumGothic,Malgun Gothic,sans-serif";

struct DotStyle {
  const char* shape;
  const char* style;
  const char* fill;
};

// Shapes and ColorBrewer Set3-like pastel fills, so black labels stay readable.
DotStyle dot_style(EntityType type) {
  switch (type) {
    case EntityType::person:
      return {"ellipse", "filled", "#fbb4ae"};
    case EntityType::government:
      return {"box", "filled", "#b3cde3"};
    case EntityType::company:
      return {"box", "rounded,filled", "#ccebc5"};
    case EntityType::organization:
      return {"hexagon", "filled", "#decbe4"};
    case EntityType::media:
      return {"note", "filled", "#fed9a6"};
    case EntityType::place:
      return {"house", "filled", "#ffffcc"};
    case EntityType::product:
      return {"component", "filled", "#e5d8bd"};
  }
  return {"ellipse", "filled", "#ffffff"};
}

// Pen width grows with the log of shared articles: 1 article -> 1, 10 -> ~4.5, 100 -> ~7.9.
double pen_width(int articles) {
  return articles <= 1 ? 1.0 : 1.0 + 1.5 * std::log(static_cast<double>(articles));
}

std::string count_of(int n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// "3 articles, 1 sentence, 2025-12-29 .. 2025-12-30": what a mouse-over in SVG shows.
std::string edge_tooltip(const EdgeInfo& e) {
  std::string t = count_of(e.articles, "article") + ", " + count_of(e.sentences, "sentence");
  if (!e.first_date.empty()) {
    t += ", " + e.first_date;
    if (e.last_date != e.first_date) t += " .. " + e.last_date;
  }
  return t;
}

std::string quoted_id(std::int64_t id) { return dot_string(std::to_string(id)); }

void write_dot_node(std::ostream& out, const GraphNode& n) {
  const DotStyle s = dot_style(n.type);
  out << "  " << quoted_id(n.id) << " [label=" << dot_string(n.name) << ", shape=" << s.shape
      << ", style=" << dot_string(s.style) << ", fillcolor=" << dot_string(s.fill)
      << ", tooltip=" << dot_string(std::string(to_string(n.type))) << "];\n";
}

void write_dot_edge(std::ostream& out, const GraphEdge& e) {
  if (e.info.articles == 0) return;  // known only from a typed relation, drawn below
  out << "  " << quoted_id(e.source) << " -- " << quoted_id(e.target)
      << " [weight=" << e.info.articles << ", penwidth=" << fixed(pen_width(e.info.articles), 2)
      << ", tooltip=" << dot_string(edge_tooltip(e.info)) << "];\n";
}

void write_dot_relation(std::ostream& out, const RelationEdge& r) {
  out << "  " << quoted_id(r.subject) << " -- " << quoted_id(r.object)
      << " [label=" << dot_string(r.role) << ", style=bold, dir=forward, color=\"#444444\""
      << ", fontsize=10, tooltip=" << dot_string(join(r.article_ids, " ")) << "];\n";
}

// ---- GraphML ----

struct XmlKey {
  const char* id;
  const char* domain;
  const char* type;
};

constexpr XmlKey kGraphmlKeys[] = {
    {"label", "node", "string"},      {"name", "node", "string"},      {"type", "node", "string"},
    {"weight", "edge", "double"},     {"articles", "edge", "int"},     {"sentences", "edge", "int"},
    {"first_seen", "edge", "string"}, {"last_seen", "edge", "string"}, {"roles", "edge", "string"},
    {"sources", "edge", "string"},
};

void graphml_data(std::ostream& out, const char* key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << xml_text(value) << "</data>\n";
}

void write_graphml_edge(std::ostream& out, std::size_t index, const GraphEdge& e) {
  out << "    <edge id=\"e" << index << "\" source=\"" << e.source << "\" target=\"" << e.target
      << "\">\n";
  graphml_data(out, "weight", std::to_string(e.info.articles));
  graphml_data(out, "articles", std::to_string(e.info.articles));
  graphml_data(out, "sentences", std::to_string(e.info.sentences));
  // Absent rather than empty: GraphML readers treat a missing <data> as "no value".
  if (!e.info.first_date.empty()) {
    graphml_data(out, "first_seen", e.info.first_date);
    graphml_data(out, "last_seen", e.info.last_date);
  }
  if (!e.info.roles.empty()) graphml_data(out, "roles", join(e.info.roles, "; "));
  graphml_data(out, "sources", join(e.info.article_ids, " "));
  out << "    </edge>\n";
}

// ---- GEXF ----

void gexf_attvalue(std::ostream& out, const char* key, const std::string& value) {
  out << "          <attvalue for=\"" << key << "\" value=\"" << xml_text(value) << "\"/>\n";
}

// One zero-length spell per day: Gephi's timeline then shows the node or edge exactly on
// the days it was reported.
void gexf_spells(std::ostream& out, const std::vector<std::string>& dates, const char* indent) {
  if (dates.empty()) return;
  out << indent << "<spells>\n";
  for (const std::string& d : dates) {
    out << indent << "  <spell start=\"" << xml_text(d) << "\" end=\"" << xml_text(d) << "\"/>\n";
  }
  out << indent << "</spells>\n";
}

void write_gexf_edge(std::ostream& out, std::size_t index, const GraphEdge& e) {
  out << "      <edge id=\"" << index << "\" source=\"" << e.source << "\" target=\"" << e.target
      << "\" weight=\"" << e.info.articles << "\">\n";
  out << "        <attvalues>\n";
  gexf_attvalue(out, "articles", std::to_string(e.info.articles));
  gexf_attvalue(out, "sentences", std::to_string(e.info.sentences));
  if (!e.info.first_date.empty()) {
    gexf_attvalue(out, "first_seen", e.info.first_date);
    gexf_attvalue(out, "last_seen", e.info.last_date);
  }
  if (!e.info.roles.empty()) gexf_attvalue(out, "roles", join(e.info.roles, "; "));
  out << "        </attvalues>\n";
  gexf_spells(out, e.info.dates, "        ");
  out << "      </edge>\n";
}

}  // namespace

void write_dot(std::ostream& out, const EntityGraph& graph) {
  out << "graph entities {\n";
  out << "  graph [fontname=" << dot_string(kFonts) << ", overlap=false, splines=true];\n";
  out << "  node [fontname=" << dot_string(kFonts) << "];\n";
  out << "  edge [fontname=" << dot_string(kFonts) << ", color=\"#999999\"];\n";
  for (const GraphNode& n : graph.nodes()) write_dot_node(out, n);
  for (const GraphEdge& e : graph.edges()) write_dot_edge(out, e);
  for (const RelationEdge& r : graph.relations()) write_dot_relation(out, r);
  out << "}\n";
}

void write_graphml(std::ostream& out, const EntityGraph& graph) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
         " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const XmlKey& k : kGraphmlKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.id
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"entities\" edgedefault=\"undirected\">\n";
  for (const GraphNode& n : graph.nodes()) {
    out << "    <node id=\"" << n.id << "\">\n";
    graphml_data(out, "label", n.name);
    graphml_data(out, "name", n.name);
    graphml_data(out, "type", std::string(to_string(n.type)));
    out << "    </node>\n";
  }
  const std::vector<GraphEdge> edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) write_graphml_edge(out, i, edges[i]);
  out << "  </graph>\n</graphml>\n";
}

void write_gexf(std::ostream& out, const EntityGraph& graph) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\""
         " version=\"1.3\">\n"
         "  <meta>\n    <creator>sillok</creator>\n"
         "    <description>entity co-appearance graph</description>\n  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n"
         "    <attributes class=\"node\" mode=\"static\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\" mode=\"static\">\n"
         "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
         "      <attribute id=\"sentences\" title=\"sentences\" type=\"integer\"/>\n"
         "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
         "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
         "      <attribute id=\"roles\" title=\"roles\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const GraphNode& n : graph.nodes()) {
    out << "      <node id=\"" << n.id << "\" label=\"" << xml_text(n.name) << "\">\n"
        << "        <attvalues>\n";
    gexf_attvalue(out, "type", std::string(to_string(n.type)));
    out << "        </attvalues>\n";
    gexf_spells(out, graph.dates(n.id), "        ");
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  const std::vector<GraphEdge> edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) write_gexf_edge(out, i, edges[i]);
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_json(std::ostream& out, const EntityGraph& graph) {
  using Json = nlohmann::ordered_json;
  auto date_or_null = [](const std::string& d) { return d.empty() ? Json(nullptr) : Json(d); };
  auto valid_all = [](const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const std::string& s : v) a.push_back(valid_utf8(s));
    return a;
  };
  Json doc;
  doc["nodes"] = Json::array();
  for (const GraphNode& n : graph.nodes()) {
    doc["nodes"].push_back(
        {{"id", n.id}, {"name", valid_utf8(n.name)}, {"type", std::string(to_string(n.type))}});
  }
  doc["links"] = Json::array();
  for (const GraphEdge& e : graph.edges()) {
    doc["links"].push_back({{"source", e.source},
                            {"target", e.target},
                            {"articles", e.info.articles},
                            {"sentences", e.info.sentences},
                            {"first_seen", date_or_null(e.info.first_date)},
                            {"last_seen", date_or_null(e.info.last_date)},
                            {"roles", valid_all(e.info.roles)},
                            {"sources", valid_all(e.info.article_ids)}});
  }
  doc["relations"] = Json::array();
  for (const RelationEdge& r : graph.relations()) {
    doc["relations"].push_back({{"subject", r.subject},
                                {"object", r.object},
                                {"role", valid_utf8(r.role)},
                                {"sources", valid_all(r.article_ids)}});
  }
  out << doc.dump(2) << '\n';
}

}  // namespace sillok
