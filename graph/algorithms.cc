// EntityGraph queries that traverse the graph: paths, rankings, subgraphs (communities are in
// graph/communities.cc).
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <tuple>

#include "graph/graph.h"
#include "graph/graph_impl.h"

namespace sillok {

using graph_detail::EdgeData;
using graph_detail::Graph;
using graph_detail::Vertex;

namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

// Hop distance from `start` to every vertex (kUnreached when not reachable) over the edges
// with at least `min_articles` shared articles, stopping at `max_depth` hops (< 0: no limit).
// `parent` (if given) receives the BFS tree; neighbours are then visited in entity-id order,
// so the path found among equally short ones does not depend on insertion order.
std::vector<std::size_t> bfs(const graph_detail::GraphData& impl, Vertex start, int max_depth,
                             int min_articles, std::vector<Vertex>* parent) {
  const Graph& g = impl.graph();
  std::vector<std::size_t> dist(boost::num_vertices(g), kUnreached);
  if (parent) parent->assign(boost::num_vertices(g), start);
  std::deque<Vertex> queue{start};
  dist[start] = 0;
  std::vector<Vertex> next;
  while (!queue.empty()) {
    const Vertex u = queue.front();
    queue.pop_front();
    if (max_depth >= 0 && dist[u] >= static_cast<std::size_t>(max_depth)) continue;
    next.clear();
    for (const auto& e : boost::make_iterator_range(boost::out_edges(u, g))) {
      const Vertex w = boost::target(e, g);
      if (dist[w] == kUnreached && impl.data(g, e).articles >= min_articles) next.push_back(w);
    }
    if (parent) {
      std::sort(next.begin(), next.end(),
                [&](Vertex a, Vertex b) { return impl.nodes[a].id < impl.nodes[b].id; });
    }
    for (Vertex w : next) {
      dist[w] = dist[u] + 1;
      if (parent) (*parent)[w] = u;
      queue.push_back(w);
    }
  }
  return dist;
}

// Edge weight for weighted measures: shared articles, at least 1 so that an edge known only
// from a typed relation still counts.
double weight(const EdgeData& data) { return std::max(1, data.articles); }

std::vector<double> degree_scores(const Graph& g) {
  std::vector<double> score(boost::num_vertices(g));
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    score[v] = static_cast<double>(boost::out_degree(v, g));
  }
  return score;
}

// Weighted PageRank by power iteration. Isolated vertices have no out-links; their rank is
// spread evenly (the usual dangling-node rule), so scores always sum to 1.
std::vector<double> pagerank_scores(const graph_detail::GraphData& impl) {
  const std::size_t n = impl.nodes.size();
  if (n == 0) return {};
  constexpr double kDamping = 0.85;
  std::vector<double> strength(n, 0.0);
  for (const EdgeData& e : impl.edge_data) {
    strength[e.u] += weight(e);
    strength[e.v] += weight(e);
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int iter = 0; iter < 200; ++iter) {
    double dangling = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      if (strength[v] == 0.0) dangling += rank[v];
    }
    const double base = (1.0 - kDamping + kDamping * dangling) / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (const EdgeData& e : impl.edge_data) {
      next[e.v] += kDamping * rank[e.u] * weight(e) / strength[e.u];
      next[e.u] += kDamping * rank[e.v] * weight(e) / strength[e.v];
    }
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-12) break;
  }
  return rank;
}

// Brandes betweenness, each unordered pair of endpoints counted once (the textbook value: the
// middle of a 3-path scores 1), checked by a test. Graph stores each undirected edge as two
// arcs, so Boost sees a symmetric directed graph and counts every pair in both directions:
// exactly twice what it reports for the same graph declared undirected (where it halves).
std::vector<double> betweenness_scores(const Graph& g) {
  std::vector<double> score(boost::num_vertices(g), 0.0);
  boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                               score.begin(), boost::get(boost::vertex_index, g))));
  for (double& s : score) s /= 2;
  return score;
}

}  // namespace

std::vector<std::int64_t> EntityGraph::shortest_path(std::int64_t from, std::int64_t to) const {
  auto f = impl_->vertex_of.find(from);
  auto t = impl_->vertex_of.find(to);
  if (f == impl_->vertex_of.end() || t == impl_->vertex_of.end()) return {};
  const Graph& g = impl_->graph();
  const std::vector<GraphNode>& nodes = impl_->nodes;
  const auto dist = bfs(*impl_, f->second, -1, std::numeric_limits<int>::min(), nullptr);
  if (dist[t->second] == kUnreached) return {};
  // Strongest of the fewest-hop paths: over the BFS layers up to `to`, each vertex keeps the
  // best (sentences, articles) sum of a path from `from` and the predecessor giving it.
  std::vector<Vertex> layer_order;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (dist[v] != kUnreached && dist[v] <= dist[t->second]) layer_order.push_back(v);
  }
  std::stable_sort(layer_order.begin(), layer_order.end(),
                   [&](Vertex a, Vertex b) { return dist[a] < dist[b]; });
  using Score = std::pair<long long, long long>;
  std::vector<Score> best(boost::num_vertices(g), Score{-1, -1});
  std::vector<Vertex> parent(boost::num_vertices(g), f->second);
  best[f->second] = Score{0, 0};
  for (Vertex v : layer_order) {
    if (v == f->second) continue;
    for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Vertex u = boost::target(e, g);
      if (dist[u] == kUnreached || dist[u] + 1 != dist[v]) continue;
      const EdgeData& d = impl_->data(g, e);
      const Score s{best[u].first + d.sentences, best[u].second + d.articles};
      if (s > best[v] || (s == best[v] && nodes[u].id < nodes[parent[v]].id)) {
        best[v] = s;
        parent[v] = u;
      }
    }
  }
  std::vector<std::int64_t> path;
  for (Vertex v = t->second; v != f->second; v = parent[v]) path.push_back(nodes[v].id);
  path.push_back(from);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<std::pair<GraphNode, double>> EntityGraph::rank(const std::string& by,
                                                            std::size_t top) const {
  std::vector<double> score;
  if (by == "degree") {
    score = degree_scores(impl_->graph());
  } else if (by == "pagerank") {
    score = pagerank_scores(*impl_);
  } else if (by == "betweenness") {
    score = betweenness_scores(impl_->graph());
  } else {
    throw std::invalid_argument("graph: unknown ranking '" + by +
                                "' (expected degree, pagerank or betweenness)");
  }
  std::vector<std::pair<GraphNode, double>> out;
  out.reserve(score.size());
  for (std::size_t v = 0; v < score.size(); ++v) out.emplace_back(impl_->nodes[v], score[v]);
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return std::make_tuple(-x.second, std::cref(x.first.name), x.first.id) <
           std::make_tuple(-y.second, std::cref(y.first.name), y.first.id);
  });
  if (top != 0 && out.size() > top) out.resize(top);
  return out;
}

EntityGraph EntityGraph::filtered(std::optional<std::int64_t> center, int depth,
                                  int min_weight) const {
  const std::size_t n = impl_->nodes.size();
  std::vector<bool> keep(n, !center.has_value());
  if (center) {
    auto it = impl_->vertex_of.find(*center);
    if (it == impl_->vertex_of.end()) return EntityGraph();
    const auto dist = bfs(*impl_, it->second, depth, min_weight, nullptr);
    for (std::size_t v = 0; v < n; ++v) keep[v] = dist[v] != kUnreached;
  }
  return keep_only(keep, min_weight);
}

EntityGraph EntityGraph::without(const std::vector<std::int64_t>& ids) const {
  std::vector<bool> keep(impl_->nodes.size(), true);
  for (std::int64_t id : ids) {
    auto it = impl_->vertex_of.find(id);
    if (it != impl_->vertex_of.end()) keep[it->second] = false;
  }
  return keep_only(keep, std::numeric_limits<int>::min());
}

EntityGraph EntityGraph::keep_only(const std::vector<bool>& keep, int min_weight) const {
  const std::size_t n = impl_->nodes.size();
  EntityGraph out;
  // Same article table, so the copied edges' article references stay valid and articles
  // already counted here are still recognised as seen.
  out.impl_->article_ids = impl_->article_ids;
  out.impl_->article_index = impl_->article_index;
  std::vector<Vertex> new_vertex(n);
  for (std::size_t v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    out.add_node(impl_->nodes[v]);
    new_vertex[v] = out.impl_->vertex_of.at(impl_->nodes[v].id);
    out.impl_->node_days[new_vertex[v]] = impl_->node_days[v];
    out.impl_->node_articles[new_vertex[v]] = impl_->node_articles[v];
  }
  for (const EdgeData& e : impl_->edge_data) {
    if (!keep[e.u] || !keep[e.v] || e.articles < min_weight) continue;
    EdgeData& copy = out.impl_->edge_data[out.impl_->edge_index(new_vertex[e.u], new_vertex[e.v])];
    const std::uint32_t u = copy.u;
    const std::uint32_t v = copy.v;
    copy = e;
    copy.u = u;
    copy.v = v;
    copy.more = EdgeData::kNoMore;
    if (e.more != EdgeData::kNoMore) out.impl_->more(copy) = impl_->edge_more[e.more];
  }
  return out;
}

}  // namespace sillok
