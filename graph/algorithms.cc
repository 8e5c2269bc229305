// EntityGraph queries that traverse the graph: paths, rankings, communities, subgraphs.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <map>
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
  const Graph& g = impl.graph;
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
      if (dist[w] == kUnreached && impl.data(e).articles >= min_articles) next.push_back(w);
    }
    if (parent) {
      std::sort(next.begin(), next.end(), [&](Vertex a, Vertex b) { return g[a].id < g[b].id; });
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
  const Graph& g = impl.graph;
  const std::size_t n = boost::num_vertices(g);
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

// Brandes betweenness. On an undirected graph Boost already counts each unordered pair of
// endpoints once (the textbook value: the middle of a 3-path scores 1), checked by a test.
std::vector<double> betweenness_scores(const Graph& g) {
  std::vector<double> score(boost::num_vertices(g), 0.0);
  boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                               score.begin(), boost::get(boost::vertex_index, g))));
  return score;
}

// Sum of shared articles over a vertex's edges: how strongly it is tied in.
std::vector<double> weighted_degree(const graph_detail::GraphData& impl) {
  std::vector<double> out(boost::num_vertices(impl.graph), 0.0);
  for (const EdgeData& e : impl.edge_data) {
    out[e.u] += weight(e);
    out[e.v] += weight(e);
  }
  return out;
}

// Label-propagation weights: shared articles times (1 + common neighbours). The triangle
// factor makes edges inside dense groups outweigh bridges between them; without it, the
// deterministic tie-break (smallest label) lets one label flood across a bridge in the
// first sweep, when every neighbour still has a distinct label.
//
// Common neighbours are counted by listing triangles once each: orient every edge towards
// the endpoint of higher (degree, index) rank; a vertex then has O(sqrt(E)) higher-ranked
// neighbours, and the whole count costs O(E^1.5) instead of sum(degree^2).
std::vector<double> propagation_weights(const graph_detail::GraphData& impl) {
  const Graph& g = impl.graph;
  const std::size_t n = boost::num_vertices(g);
  struct Arc {
    Vertex to;
    std::size_t edge;
  };
  auto ranks_below = [&](Vertex a, Vertex b) {
    const auto da = boost::out_degree(a, g);
    const auto db = boost::out_degree(b, g);
    return da < db || (da == db && a < b);
  };
  std::vector<std::vector<Arc>> up(n);
  for (std::size_t i = 0; i < impl.edge_data.size(); ++i) {
    const EdgeData& e = impl.edge_data[i];
    if (ranks_below(e.u, e.v)) {
      up[e.u].push_back({e.v, i});
    } else {
      up[e.v].push_back({e.u, i});
    }
  }
  std::vector<std::size_t> common(impl.edge_data.size(), 0);
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> edge_to(n, kNone);  // edge_to[w]: edge u-w while visiting u
  for (Vertex u = 0; u < n; ++u) {
    for (const Arc& a : up[u]) edge_to[a.to] = a.edge;
    for (const Arc& a : up[u]) {
      for (const Arc& b : up[a.to]) {
        if (edge_to[b.to] == kNone) continue;
        ++common[a.edge];         // u-v
        ++common[b.edge];         // v-w
        ++common[edge_to[b.to]];  // u-w
      }
    }
    for (const Arc& a : up[u]) edge_to[a.to] = kNone;
  }
  std::vector<double> w(impl.edge_data.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    w[i] = weight(impl.edge_data[i]) * (1.0 + static_cast<double>(common[i]));
  }
  return w;
}

// The label `v` should take given the summed weight per neighbouring label: the heaviest; on
// a tie its own label if that is among the heaviest, else the smallest.
Vertex best_label(Vertex own, const std::vector<Vertex>& labels, const std::vector<double>& sum) {
  double best = 0.0;
  for (Vertex l : labels) best = std::max(best, sum[l]);
  if (sum[own] == best) return own;
  Vertex chosen = std::numeric_limits<Vertex>::max();
  for (Vertex l : labels) {
    if (sum[l] == best) chosen = std::min(chosen, l);
  }
  return chosen;
}

// Asynchronous label propagation, each vertex taking best_label. Vertices are visited in
// entity-id order and a label is the id-rank of the vertex it started at, so the result does
// not depend on the order nodes were added (weights are integers, so sums are exact and ties
// are real ties). Stops when a sweep changes nothing (or after a fixed number of sweeps, as
// label propagation need not converge). Each sweep is O(E): label sums go into a dense
// array, reset after each vertex.
std::vector<Vertex> propagate_labels(const graph_detail::GraphData& impl) {
  const Graph& g = impl.graph;
  const std::vector<double> w = propagation_weights(impl);
  std::vector<Vertex> order(boost::num_vertices(g));
  for (std::size_t v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return g[a].id < g[b].id; });
  std::vector<Vertex> label(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) label[order[i]] = i;
  std::vector<double> sum(label.size(), 0.0);
  std::vector<Vertex> seen_labels;
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool changed = false;
    for (Vertex v : order) {
      for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g))) {
        const Vertex l = label[boost::target(e, g)];
        if (sum[l] == 0.0) seen_labels.push_back(l);
        sum[l] += w[g[e].data];
      }
      if (!seen_labels.empty()) {
        const Vertex chosen = best_label(label[v], seen_labels, sum);
        changed = changed || chosen != label[v];
        label[v] = chosen;
      }
      for (Vertex l : seen_labels) sum[l] = 0.0;
      seen_labels.clear();
    }
    if (!changed) break;
  }
  return label;
}

}  // namespace

std::vector<std::int64_t> EntityGraph::shortest_path(std::int64_t from, std::int64_t to) const {
  auto f = impl_->vertex_of.find(from);
  auto t = impl_->vertex_of.find(to);
  if (f == impl_->vertex_of.end() || t == impl_->vertex_of.end()) return {};
  std::vector<Vertex> parent;
  const auto dist = bfs(*impl_, f->second, -1, std::numeric_limits<int>::min(), &parent);
  if (dist[t->second] == kUnreached) return {};
  std::vector<std::int64_t> path;
  for (Vertex v = t->second; v != f->second; v = parent[v]) path.push_back(impl_->graph[v].id);
  path.push_back(from);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<std::pair<GraphNode, double>> EntityGraph::rank(const std::string& by,
                                                            std::size_t top) const {
  std::vector<double> score;
  if (by == "degree") {
    score = degree_scores(impl_->graph);
  } else if (by == "pagerank") {
    score = pagerank_scores(*impl_);
  } else if (by == "betweenness") {
    score = betweenness_scores(impl_->graph);
  } else {
    throw std::invalid_argument("graph: unknown ranking '" + by +
                                "' (expected degree, pagerank or betweenness)");
  }
  std::vector<std::pair<GraphNode, double>> out;
  out.reserve(score.size());
  for (std::size_t v = 0; v < score.size(); ++v) out.emplace_back(impl_->graph[v], score[v]);
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return std::make_tuple(-x.second, std::cref(x.first.name), x.first.id) <
           std::make_tuple(-y.second, std::cref(y.first.name), y.first.id);
  });
  if (top != 0 && out.size() > top) out.resize(top);
  return out;
}

std::vector<std::vector<GraphNode>> EntityGraph::communities() const {
  const Graph& g = impl_->graph;
  const std::size_t n = boost::num_vertices(g);
  std::vector<int> component(n);
  if (n > 0) {
    boost::connected_components(g, boost::make_iterator_property_map(
                                       component.begin(), boost::get(boost::vertex_index, g)));
  }
  const std::vector<Vertex> label = propagate_labels(*impl_);
  const std::vector<double> strength = weighted_degree(*impl_);

  // Labels only travel along edges, so (component, label) never spans two components; the
  // component is part of the key to make that explicit.
  std::map<std::pair<int, Vertex>, std::vector<Vertex>> groups;
  for (std::size_t v = 0; v < n; ++v) groups[{component[v], label[v]}].push_back(v);

  std::vector<std::vector<GraphNode>> out;
  for (auto& [key, members] : groups) {
    std::sort(members.begin(), members.end(), [&](Vertex a, Vertex b) {
      return std::make_tuple(-strength[a], std::cref(g[a].name), g[a].id) <
             std::make_tuple(-strength[b], std::cref(g[b].name), g[b].id);
    });
    std::vector<GraphNode> nodes;
    for (Vertex v : members) nodes.push_back(g[v]);
    out.push_back(std::move(nodes));
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    if (x.size() != y.size()) return x.size() > y.size();
    return std::tie(x.front().name, x.front().id) < std::tie(y.front().name, y.front().id);
  });
  return out;
}

EntityGraph EntityGraph::filtered(std::optional<std::int64_t> center, int depth,
                                  int min_weight) const {
  const std::size_t n = boost::num_vertices(impl_->graph);
  std::vector<bool> keep(n, !center.has_value());
  if (center) {
    auto it = impl_->vertex_of.find(*center);
    if (it == impl_->vertex_of.end()) return EntityGraph();
    const auto dist = bfs(*impl_, it->second, depth, min_weight, nullptr);
    for (std::size_t v = 0; v < n; ++v) keep[v] = dist[v] != kUnreached;
  }

  EntityGraph out;
  // Same article table, so the copied edges' article references stay valid and articles
  // already counted here are still recognised as seen.
  out.impl_->article_ids = impl_->article_ids;
  out.impl_->article_index = impl_->article_index;
  std::vector<Vertex> new_vertex(n);
  for (std::size_t v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    out.add_node(impl_->graph[v]);
    new_vertex[v] = out.impl_->vertex_of.at(impl_->graph[v].id);
    out.impl_->node_days[new_vertex[v]] = impl_->node_days[v];
  }
  for (const EdgeData& e : impl_->edge_data) {
    if (!keep[e.u] || !keep[e.v] || e.articles < min_weight) continue;
    EdgeData& copy = out.impl_->edge_data[out.impl_->edge_index(new_vertex[e.u], new_vertex[e.v])];
    const std::size_t u = copy.u;
    const std::size_t v = copy.v;
    copy = e;
    copy.u = u;
    copy.v = v;
  }
  return out;
}

}  // namespace sillok
