// EntityGraph: building (nodes, articles, relations) and the simple lookups.
#include "graph/graph.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>
#include <tuple>

#include "graph/graph_impl.h"

namespace sillok {

using graph_detail::EdgeData;
using graph_detail::EdgeMore;
using graph_detail::EdgeProps;
using graph_detail::Graph;
using graph_detail::Vertex;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2025-12-29" from "2025-12-29" or "2025-12-29T09:00:00+09:00"; "" stays "". Anything else
// is a caller bug (the store keeps ISO dates), reported with the article id.
std::string article_date(const GraphArticle& article) {
  const std::string& d = article.date;
  if (d.empty()) return d;
  const bool ok = d.size() >= 10 && is_digit(d[0]) && is_digit(d[1]) && is_digit(d[2]) &&
                  is_digit(d[3]) && d[4] == '-' && is_digit(d[5]) && is_digit(d[6]) &&
                  d[7] == '-' && is_digit(d[8]) && is_digit(d[9]) &&
                  (d.size() == 10 || d[10] == 'T' || d[10] == ' ');
  if (!ok) {
    throw std::invalid_argument("graph: article " + article.article_id + " has date '" + d +
                                "', expected YYYY-MM-DD");
  }
  return d.substr(0, 10);
}

// The distinct entities of one article and the sentences each occurs in, in flat arrays (one
// allocation per array per article rather than one per entity).
struct ArticleEntities {
  std::vector<Vertex> vertex;      // sorted, distinct
  std::vector<std::size_t> begin;  // entity i's sentences: sentence[begin[i], begin[i + 1])
  std::vector<int> sentence;       // per entity: sorted, distinct, >= 0

  std::size_t size() const { return vertex.size(); }
  // Number of sentences entities i and j share.
  int common_sentences(std::size_t i, std::size_t j) const;
};

// Groups (vertex, sentence) mentions per vertex; sentence -1 (metadata) makes the vertex part
// of the article without adding a sentence. Sorts `seen`.
ArticleEntities group_mentions(std::vector<std::pair<Vertex, int>>& seen) {
  std::sort(seen.begin(), seen.end());
  ArticleEntities out;
  out.vertex.reserve(seen.size());
  out.begin.reserve(seen.size() + 1);
  out.sentence.reserve(seen.size());
  for (const auto& [v, sentence] : seen) {
    if (out.vertex.empty() || out.vertex.back() != v) {
      out.vertex.push_back(v);
      out.begin.push_back(out.sentence.size());
    }
    const bool first_of_vertex = out.sentence.size() == out.begin.back();
    if (sentence >= 0 && (first_of_vertex || out.sentence.back() != sentence)) {
      out.sentence.push_back(sentence);
    }
  }
  out.begin.push_back(out.sentence.size());
  return out;
}

int ArticleEntities::common_sentences(std::size_t a_index, std::size_t b_index) const {
  int n = 0;
  auto i = sentence.begin() + static_cast<std::ptrdiff_t>(begin[a_index]);
  const auto i_end = sentence.begin() + static_cast<std::ptrdiff_t>(begin[a_index + 1]);
  auto j = sentence.begin() + static_cast<std::ptrdiff_t>(begin[b_index]);
  const auto j_end = sentence.begin() + static_cast<std::ptrdiff_t>(begin[b_index + 1]);
  while (i != i_end && j != j_end) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// Adds `day` to a sorted, distinct list; articles mostly arrive in date order, so the
// common case is an append.
void insert_day(std::vector<std::int32_t>& days, std::int32_t day) {
  if (days.empty() || days.back() < day) {
    days.push_back(day);
    return;
  }
  auto pos = std::lower_bound(days.begin(), days.end(), day);
  if (*pos != day) days.insert(pos, day);
}

// The compressed rows of a graph: both arcs of every edge, grouped by source with a stable
// counting sort, so each vertex lists its edges in the order they were first seen (the order
// Boost's adjacency_list kept before; nothing depends on it, but results stay identical).
Graph lay_out(std::size_t vertices, const std::vector<EdgeData>& edges) {
  std::vector<std::size_t> next(vertices + 1, 0);
  for (const EdgeData& e : edges) {
    ++next[e.u + 1];
    ++next[e.v + 1];
  }
  for (std::size_t v = 1; v <= vertices; ++v) next[v] += next[v - 1];
  std::vector<std::pair<Vertex, Vertex>> arcs(2 * edges.size());
  std::vector<EdgeProps> props(arcs.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const EdgeData& e = edges[i];
    const EdgeProps p{static_cast<std::uint32_t>(i)};
    arcs[next[e.u]] = {e.u, e.v};
    props[next[e.u]++] = p;
    arcs[next[e.v]] = {e.v, e.u};
    props[next[e.v]++] = p;
  }
  return Graph(boost::edges_are_sorted, arcs.begin(), arcs.end(), props.begin(),
               static_cast<Vertex>(vertices), static_cast<std::uint32_t>(arcs.size()));
}

void remove_name(std::unordered_map<std::string, std::vector<std::int64_t>>& index,
                 const std::string& name, std::int64_t id) {
  auto it = index.find(name);
  if (it == index.end()) return;
  auto& ids = it->second;
  ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  if (ids.empty()) index.erase(it);
}

}  // namespace

namespace graph_detail {

std::int32_t day_number(const std::string& iso_date) {
  // REQUIRES: validated "YYYY-MM-DD" (article_date does that).
  return std::stoi(iso_date.substr(0, 4)) * 10000 + std::stoi(iso_date.substr(5, 2)) * 100 +
         std::stoi(iso_date.substr(8, 2));
}

std::string day_string(std::int32_t day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  return buf;
}

EdgeInfo GraphData::info(const EdgeData& data) const {
  EdgeInfo info;
  info.articles = data.articles;
  info.sentences = data.sentences;
  static const EdgeMore kNone;
  const EdgeMore& more = data.more == EdgeData::kNoMore ? kNone : edge_more[data.more];
  if (data.articles > 0) info.article_ids.push_back(article_ids[data.first_ref]);
  for (std::uint32_t ref : more.refs) info.article_ids.push_back(article_ids[ref]);
  std::sort(info.article_ids.begin(), info.article_ids.end());
  std::vector<std::int32_t> days = more.days;
  if (data.first_day != 0) {
    days.insert(std::lower_bound(days.begin(), days.end(), data.first_day), data.first_day);
  }
  for (std::int32_t day : days) info.dates.push_back(day_string(day));
  if (!info.dates.empty()) {
    info.first_date = info.dates.front();
    info.last_date = info.dates.back();
  }
  for (const RelationEdge& r : more.relations) info.roles.push_back(r.role);
  std::sort(info.roles.begin(), info.roles.end());
  info.roles.erase(std::unique(info.roles.begin(), info.roles.end()), info.roles.end());
  return info;
}

const Graph& Adjacency::get(std::size_t vertices, const std::vector<EdgeData>& edges) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!graph_) graph_ = std::make_shared<const Graph>(lay_out(vertices, edges));
  return *graph_;
}

void GraphData::add_shared_article(EdgeData& edge, std::uint32_t ref, std::int32_t day) {
  if (edge.articles++ == 0) {
    edge.first_ref = ref;
  } else {
    more(edge).refs.push_back(ref);
  }
  if (day == 0 || day == edge.first_day) return;
  if (edge.first_day == 0) {
    edge.first_day = day;
  } else {
    insert_day(more(edge).days, day);
  }
}

EdgeMore& GraphData::more(EdgeData& edge) {
  if (edge.more == EdgeData::kNoMore) {
    edge.more = static_cast<std::uint32_t>(edge_more.size());
    edge_more.emplace_back();
  }
  return edge_more[edge.more];
}

}  // namespace graph_detail

AmbiguousName::AmbiguousName(const std::string& name, std::vector<GraphNode> candidates)
    : std::runtime_error([&] {
        std::ostringstream msg;
        msg << "ambiguous name '" << name << "': " << candidates.size() << " entities (";
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          msg << (i ? ", " : "") << "id " << candidates[i].id << ' '
              << to_string(candidates[i].type);
        }
        msg << ')';
        return msg.str();
      }()),
      name_(name),
      candidates_(std::move(candidates)) {}

Vertex graph_detail::GraphData::vertex(std::int64_t id, std::string_view what,
                                       std::string_view where) const {
  auto it = vertex_of.find(id);
  if (it == vertex_of.end()) {
    throw std::invalid_argument("graph: " + std::string(what) + " " + std::string(where) +
                                " refers to unknown entity id " + std::to_string(id));
  }
  return it->second;
}

std::size_t graph_detail::GraphData::edge_index(Vertex a, Vertex b) {
  const std::uint64_t key = graph_detail::pair_key(a, b);
  if (edge_data.size() >= graph_detail::kMaxEdges &&
      edge_of.find(key) == graph_detail::PairIndex::kEmpty) {
    throw std::length_error("graph: more than 2^31 - 2 edges");
  }
  bool inserted = false;
  const std::size_t index = edge_of.find_or_insert(key, edge_data.size(), inserted);
  if (inserted) {
    EdgeData data;
    data.u = std::min(a, b);
    data.v = std::max(a, b);
    edge_data.push_back(data);
    adjacency.reset();  // the Boost graph is laid out again on the next traversal
  }
  return index;
}

EntityGraph::EntityGraph() : impl_(std::make_unique<graph_detail::GraphData>()) {}
EntityGraph::~EntityGraph() = default;
EntityGraph::EntityGraph(const EntityGraph& other)
    : impl_(std::make_unique<graph_detail::GraphData>(*other.impl_)) {}
EntityGraph& EntityGraph::operator=(const EntityGraph& other) {
  if (this != &other) impl_ = std::make_unique<graph_detail::GraphData>(*other.impl_);
  return *this;
}
// A moved-from graph gets a fresh empty GraphData so that it stays usable (an allocation
// failure here terminates, like any out-of-memory in a noexcept path).
EntityGraph::EntityGraph(EntityGraph&& other) noexcept : impl_(std::move(other.impl_)) {
  other.impl_ = std::make_unique<graph_detail::GraphData>();
}
EntityGraph& EntityGraph::operator=(EntityGraph&& other) noexcept {
  if (this != &other) {
    impl_ = std::move(other.impl_);
    other.impl_ = std::make_unique<graph_detail::GraphData>();
  }
  return *this;
}

void EntityGraph::add_node(const GraphNode& node) {
  auto it = impl_->vertex_of.find(node.id);
  if (it == impl_->vertex_of.end()) {
    // Edge keys pack two vertex indices into 64 bits (graph_detail::pair_key).
    if (impl_->nodes.size() >= graph_detail::kMaxVertices) {
      throw std::length_error("graph: more than 2^32 - 2 entities");
    }
    const auto v = static_cast<Vertex>(impl_->nodes.size());
    impl_->nodes.push_back(node);
    impl_->adjacency.reset();
    impl_->node_days.emplace_back();
    impl_->node_articles.push_back(0);
    impl_->vertex_of.emplace(node.id, v);
  } else {
    GraphNode& old = impl_->nodes[it->second];
    remove_name(impl_->ids_by_name, old.name, old.id);
    old = node;
  }
  auto& ids = impl_->ids_by_name[node.name];
  ids.insert(std::upper_bound(ids.begin(), ids.end(), node.id), node.id);
}

void EntityGraph::add_article(const GraphArticle& article) {
  // Validate everything before changing anything, so a bad article leaves no trace.
  const std::string date = article_date(article);
  std::vector<std::pair<Vertex, int>> seen;
  seen.reserve(article.mentions.size());
  for (const auto& [sentence, id] : article.mentions) {
    seen.emplace_back(impl_->vertex(id, "article", article.article_id), sentence);
  }
  const auto [entry, is_new] = impl_->article_index.try_emplace(
      article.article_id, static_cast<std::uint32_t>(impl_->article_ids.size()));
  if (!is_new) return;
  impl_->article_ids.push_back(article.article_id);
  const std::uint32_t ref = entry->second;
  const std::int32_t day = date.empty() ? 0 : graph_detail::day_number(date);

  const ArticleEntities entities = group_mentions(seen);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Vertex a = entities.vertex[i];
    ++impl_->node_articles[a];
    if (day != 0) insert_day(impl_->node_days[a], day);
    for (std::size_t j = i + 1; j < entities.size(); ++j) {
      EdgeData& e = impl_->edge_data[impl_->edge_index(a, entities.vertex[j])];
      impl_->add_shared_article(e, ref, day);
      e.sentences += entities.common_sentences(i, j);
    }
  }
}

void EntityGraph::add_relation(const GraphRelation& relation) {
  const std::string where = "'" + relation.role + "' in " + relation.article_id;
  const Vertex s = impl_->vertex(relation.subject, "relation", where);
  const Vertex o = impl_->vertex(relation.object, "relation", where);
  if (s == o) return;
  std::vector<RelationEdge>& relations =
      impl_->more(impl_->edge_data[impl_->edge_index(s, o)]).relations;
  auto same = std::find_if(relations.begin(), relations.end(), [&](const RelationEdge& r) {
    return r.subject == relation.subject && r.object == relation.object && r.role == relation.role;
  });
  if (same == relations.end()) {
    relations.push_back(RelationEdge{relation.subject, relation.object, relation.role, {}});
    same = std::prev(relations.end());
  }
  auto& ids = same->article_ids;
  auto pos = std::lower_bound(ids.begin(), ids.end(), relation.article_id);
  if (pos == ids.end() || *pos != relation.article_id) ids.insert(pos, relation.article_id);
}

void EntityGraph::reserve(std::size_t nodes, std::size_t edges) {
  impl_->nodes.reserve(nodes);
  impl_->vertex_of.reserve(nodes);
  impl_->ids_by_name.reserve(nodes);
  impl_->node_days.reserve(nodes);
  impl_->node_articles.reserve(nodes);
  impl_->edge_data.reserve(edges);
  impl_->edge_of.reserve(edges);
}

std::size_t EntityGraph::node_count() const { return impl_->nodes.size(); }
std::size_t EntityGraph::edge_count() const { return impl_->edge_data.size(); }

std::optional<GraphNode> EntityGraph::node(std::int64_t id) const {
  auto it = impl_->vertex_of.find(id);
  if (it == impl_->vertex_of.end()) return std::nullopt;
  return impl_->nodes[it->second];
}

std::size_t EntityGraph::article_count() const { return impl_->article_ids.size(); }

int EntityGraph::articles(std::int64_t id) const {
  auto it = impl_->vertex_of.find(id);
  return it == impl_->vertex_of.end() ? 0 : impl_->node_articles[it->second];
}

std::vector<GraphNode> EntityGraph::hubs(double share, int min_articles) const {
  std::vector<GraphNode> out;
  if (share >= 1.0) return out;
  const double limit = share * static_cast<double>(article_count());
  for (std::size_t v = 0; v < impl_->nodes.size(); ++v) {
    const int n = impl_->node_articles[v];
    if (n >= min_articles && static_cast<double>(n) > limit) out.push_back(impl_->nodes[v]);
  }
  std::sort(out.begin(), out.end(), [&](const GraphNode& x, const GraphNode& y) {
    return std::make_tuple(-articles(x.id), std::cref(x.name), x.id) <
           std::make_tuple(-articles(y.id), std::cref(y.name), y.id);
  });
  return out;
}

std::vector<GraphNode> EntityGraph::nodes() const {
  std::vector<GraphNode> out = impl_->nodes;
  std::sort(out.begin(), out.end(),
            [](const GraphNode& a, const GraphNode& b) { return a.id < b.id; });
  return out;
}

std::vector<GraphEdge> EntityGraph::edges() const {
  std::vector<GraphEdge> out;
  out.reserve(edge_count());
  for (const EdgeData& data : impl_->edge_data) {
    std::int64_t a = impl_->nodes[data.u].id;
    std::int64_t b = impl_->nodes[data.v].id;
    if (a > b) std::swap(a, b);
    out.push_back(GraphEdge{a, b, impl_->info(data)});
  }
  std::sort(out.begin(), out.end(), [](const GraphEdge& x, const GraphEdge& y) {
    return std::tie(x.source, x.target) < std::tie(y.source, y.target);
  });
  return out;
}

std::optional<EdgeInfo> EntityGraph::edge(std::int64_t a, std::int64_t b) const {
  auto va = impl_->vertex_of.find(a);
  auto vb = impl_->vertex_of.find(b);
  if (va == impl_->vertex_of.end() || vb == impl_->vertex_of.end()) return std::nullopt;
  const std::size_t index = impl_->edge_of.find(graph_detail::pair_key(va->second, vb->second));
  if (index == graph_detail::PairIndex::kEmpty) return std::nullopt;
  return impl_->info(impl_->edge_data[index]);
}

std::vector<RelationEdge> EntityGraph::relations() const {
  std::vector<RelationEdge> out;
  for (const EdgeMore& more : impl_->edge_more) {
    out.insert(out.end(), more.relations.begin(), more.relations.end());
  }
  std::sort(out.begin(), out.end(), [](const RelationEdge& x, const RelationEdge& y) {
    return std::tie(x.subject, x.object, x.role) < std::tie(y.subject, y.object, y.role);
  });
  return out;
}

std::vector<std::string> EntityGraph::dates(std::int64_t id) const {
  auto it = impl_->vertex_of.find(id);
  if (it == impl_->vertex_of.end()) return {};
  std::vector<std::string> out;
  for (std::int32_t day : impl_->node_days[it->second])
    out.push_back(graph_detail::day_string(day));
  return out;
}

std::vector<std::int64_t> EntityGraph::find(const std::string& name) const {
  auto it = impl_->ids_by_name.find(name);
  if (it == impl_->ids_by_name.end()) return {};
  return it->second;
}

std::optional<std::int64_t> EntityGraph::find_one(const std::string& name) const {
  const std::vector<std::int64_t> ids = find(name);
  if (ids.empty()) return std::nullopt;
  if (ids.size() > 1) {
    std::vector<GraphNode> candidates;
    for (std::int64_t id : ids) candidates.push_back(*node(id));
    throw AmbiguousName(name, std::move(candidates));
  }
  return ids.front();
}

std::vector<Neighbor> EntityGraph::neighbors(std::int64_t id) const {
  auto it = impl_->vertex_of.find(id);
  if (it == impl_->vertex_of.end()) return {};
  const Graph& g = impl_->graph();
  std::vector<Neighbor> out;
  out.reserve(boost::out_degree(it->second, g));
  for (const auto& e : boost::make_iterator_range(boost::out_edges(it->second, g))) {
    out.push_back(Neighbor{impl_->nodes[boost::target(e, g)], impl_->info(impl_->data(g, e))});
  }
  std::sort(out.begin(), out.end(), [](const Neighbor& x, const Neighbor& y) {
    return std::make_tuple(-x.edge.articles, -x.edge.sentences, std::cref(x.node.name), x.node.id) <
           std::make_tuple(-y.edge.articles, -y.edge.sentences, std::cref(y.node.name), y.node.id);
  });
  return out;
}

}  // namespace sillok
