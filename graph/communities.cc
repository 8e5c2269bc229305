// EntityGraph::communities: hubs left out, then Louvain (default) or label propagation.
//
// Both methods see edges weighted by shared articles (at least 1) and visit vertices in
// entity-id order with ties broken towards smaller labels, so the result is reproducible and
// does not depend on the order the graph was built in. See docs/architecture-graph.md.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

#include "graph/graph.h"
#include "graph/graph_impl.h"

namespace sillok {

using graph_detail::EdgeData;
using graph_detail::Graph;
using graph_detail::GraphData;
using graph_detail::Vertex;

namespace {

std::int64_t weight(const EdgeData& data) { return std::max(1, data.articles); }

// Vertices by entity id: the visiting order of both methods.
std::vector<Vertex> id_order(const std::vector<GraphNode>& nodes) {
  std::vector<Vertex> order(nodes.size());
  for (std::size_t v = 0; v < order.size(); ++v) order[v] = static_cast<Vertex>(v);
  std::sort(order.begin(), order.end(),
            [&](Vertex a, Vertex b) { return nodes[a].id < nodes[b].id; });
  return order;
}

// ---------------------------------------------------------------------------------------------
// Louvain

// A weighted undirected graph in compressed rows: one level of Louvain. Node i's arcs are
// [begin[i], begin[i + 1]) (each edge appears once from each end); self[i] is the weight of
// the edges folded inside node i by earlier levels, each counted once.
struct Level {
  std::vector<std::size_t> begin{0};
  std::vector<std::size_t> to;
  std::vector<std::int64_t> w;
  std::vector<std::int64_t> self;

  std::size_t size() const { return self.size(); }
  // Weighted degree: arcs plus the folded edges counted from both ends.
  std::int64_t degree(std::size_t i) const {
    std::int64_t k = 2 * self[i];
    for (std::size_t a = begin[i]; a < begin[i + 1]; ++a) k += w[a];
    return k;
  }
};

// Level 0: node i is the i-th vertex in entity-id order.
Level first_level(const GraphData& impl, const std::vector<Vertex>& order,
                  const std::vector<std::size_t>& node_of) {
  const Graph& g = impl.graph();
  Level level;
  level.self.assign(order.size(), 0);
  for (Vertex v : order) {
    for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g))) {
      level.to.push_back(node_of[boost::target(e, g)]);
      level.w.push_back(weight(impl.data(g, e)));
    }
    level.begin.push_back(level.to.size());
  }
  return level;
}

// One local-moving phase: each node in turn joins the neighbouring community with the largest
// modularity gain. Gains are compared as 2m·k_in(C) − tot(C)·k_i (the gain times 2m²), exact in
// 64-bit integers, so ties are real ties: a node stays where it is if that is among the best,
// else takes the smallest community label. Returns each node's community (a node index).
std::vector<std::size_t> move_nodes(const Level& level) {
  const std::size_t n = level.size();
  std::vector<std::int64_t> k(n);
  std::int64_t two_m = 0;
  for (std::size_t i = 0; i < n; ++i) two_m += k[i] = level.degree(i);
  std::vector<std::size_t> comm(n);
  std::vector<std::int64_t> tot(k);
  for (std::size_t i = 0; i < n; ++i) comm[i] = i;
  std::vector<std::int64_t> to_comm(n, 0);  // weight from the current node to each community
  std::vector<std::size_t> touched;
  for (int pass = 0; pass < 100; ++pass) {
    bool moved = false;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t a = level.begin[i]; a < level.begin[i + 1]; ++a) {
        if (level.to[a] == i) continue;
        const std::size_t c = comm[level.to[a]];
        if (to_comm[c] == 0) touched.push_back(c);
        to_comm[c] += level.w[a];
      }
      const std::size_t own = comm[i];
      tot[own] -= k[i];
      std::size_t best = own;
      std::int64_t best_gain = two_m * to_comm[own] - tot[own] * k[i];
      for (std::size_t c : touched) {
        const std::int64_t gain = two_m * to_comm[c] - tot[c] * k[i];
        if (gain > best_gain || (gain == best_gain && best != own && c < best)) {
          best = c;
          best_gain = gain;
        }
      }
      tot[best] += k[i];
      comm[i] = best;
      moved = moved || best != own;
      for (std::size_t c : touched) to_comm[c] = 0;
      touched.clear();
    }
    if (!moved) break;
  }
  return comm;
}

// Renumbers labels 0..C-1 in order of first appearance; returns C.
std::size_t renumber(std::vector<std::size_t>& labels) {
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> number(labels.size(), kNone);
  std::size_t next = 0;
  for (std::size_t& l : labels) {
    if (number[l] == kNone) number[l] = next++;
    l = number[l];
  }
  return next;
}

// The next level: one node per community, edges between communities summed, edges inside
// folded into `self`.
Level aggregate(const Level& level, const std::vector<std::size_t>& comm, std::size_t count) {
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t i = 0; i < level.size(); ++i) members[comm[i]].push_back(i);
  Level next;
  next.self.assign(count, 0);
  std::vector<std::int64_t> to_comm(count, 0);
  std::vector<std::size_t> touched;
  for (std::size_t c = 0; c < count; ++c) {
    std::int64_t inside_twice = 0;  // arcs inside c: each edge seen from both ends
    for (std::size_t i : members[c]) {
      next.self[c] += level.self[i];
      for (std::size_t a = level.begin[i]; a < level.begin[i + 1]; ++a) {
        const std::size_t d = comm[level.to[a]];
        if (d == c) {
          inside_twice += level.w[a];
          continue;
        }
        if (to_comm[d] == 0) touched.push_back(d);
        to_comm[d] += level.w[a];
      }
    }
    next.self[c] += inside_twice / 2;
    std::sort(touched.begin(), touched.end());
    for (std::size_t d : touched) {
      next.to.push_back(d);
      next.w.push_back(to_comm[d]);
      to_comm[d] = 0;
    }
    touched.clear();
    next.begin.push_back(next.to.size());
  }
  return next;
}

// Louvain: community of each vertex, as a label (a node index of the last level).
std::vector<std::size_t> louvain_labels(const GraphData& impl) {
  const std::vector<Vertex> order = id_order(impl.nodes);
  std::vector<std::size_t> node_of(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) node_of[order[i]] = i;
  Level level = first_level(impl, order, node_of);
  std::vector<std::size_t> label = node_of;  // vertex -> node of the current level
  for (int depth = 0; depth < 64 && level.size() > 0; ++depth) {
    std::vector<std::size_t> comm = move_nodes(level);
    const std::size_t count = renumber(comm);
    if (count == level.size()) break;  // nothing merged: modularity cannot improve further
    for (std::size_t& l : label) l = comm[l];
    level = aggregate(level, comm, count);
  }
  return label;
}

// ---------------------------------------------------------------------------------------------
// Label propagation

// Label-propagation weights: shared articles times (1 + common neighbours). The triangle
// factor makes edges inside dense groups outweigh bridges between them; without it, the
// deterministic tie-break (smallest label) lets one label flood across a bridge in the
// first sweep, when every neighbour still has a distinct label.
//
// Common neighbours are counted by listing triangles once each: orient every edge towards
// the endpoint of higher (degree, index) rank; a vertex then has O(sqrt(E)) higher-ranked
// neighbours, and the whole count costs O(E^1.5) instead of sum(degree^2).
std::vector<double> propagation_weights(const GraphData& impl) {
  const Graph& g = impl.graph();
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
    w[i] = static_cast<double>(weight(impl.edge_data[i])) * (1.0 + static_cast<double>(common[i]));
  }
  return w;
}

// The label `v` should take given the summed weight per neighbouring label: the heaviest; on
// a tie its own label if that is among the heaviest, else the smallest.
std::size_t best_label(std::size_t own, const std::vector<std::size_t>& labels,
                       const std::vector<double>& sum) {
  double best = 0.0;
  for (std::size_t l : labels) best = std::max(best, sum[l]);
  if (sum[own] == best) return own;
  std::size_t chosen = std::numeric_limits<std::size_t>::max();
  for (std::size_t l : labels) {
    if (sum[l] == best) chosen = std::min(chosen, l);
  }
  return chosen;
}

// Asynchronous label propagation, each vertex taking best_label. A label is the id-rank of
// the vertex it started at. Weights are integers, so sums are exact and ties are real ties.
// Stops when a sweep changes nothing, or after 100 sweeps (it need not converge). Each sweep
// is O(E): label sums go into a dense array, reset after each vertex.
std::vector<std::size_t> propagation_labels(const GraphData& impl) {
  const Graph& g = impl.graph();
  const std::vector<double> w = propagation_weights(impl);
  const std::vector<Vertex> order = id_order(impl.nodes);
  std::vector<std::size_t> label(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) label[order[i]] = i;
  std::vector<double> sum(label.size(), 0.0);
  std::vector<std::size_t> seen_labels;
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool changed = false;
    for (Vertex v : order) {
      for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g))) {
        const std::size_t l = label[boost::target(e, g)];
        if (sum[l] == 0.0) seen_labels.push_back(l);
        sum[l] += w[g[e].data];
      }
      if (!seen_labels.empty()) {
        const std::size_t chosen = best_label(label[v], seen_labels, sum);
        changed = changed || chosen != label[v];
        label[v] = chosen;
      }
      for (std::size_t l : seen_labels) sum[l] = 0.0;
      seen_labels.clear();
    }
    if (!changed) break;
  }
  return label;
}

// ---------------------------------------------------------------------------------------------
// Shared

// Newman modularity of a labelling: sum over communities of in_c/m − (tot_c / 2m)².
double modularity(const GraphData& impl, const std::vector<std::size_t>& label) {
  double m = 0.0;
  std::map<std::size_t, std::pair<double, double>> by_label;  // label -> (inside, total degree)
  for (const EdgeData& e : impl.edge_data) {
    const double w = static_cast<double>(weight(e));
    m += w;
    by_label[label[e.u]].second += w;
    by_label[label[e.v]].second += w;
    if (label[e.u] == label[e.v]) by_label[label[e.u]].first += w;
  }
  if (m == 0.0) return 0.0;
  double q = 0.0;
  for (const auto& [l, c] : by_label)
    q += c.first / m - (c.second / (2 * m)) * (c.second / (2 * m));
  return q;
}

// Groups of vertices by label, in the documented order.
std::vector<std::vector<GraphNode>> groups_of(const GraphData& impl,
                                              const std::vector<std::size_t>& label) {
  const std::vector<GraphNode>& g = impl.nodes;
  std::vector<double> strength(g.size(), 0.0);
  for (const EdgeData& e : impl.edge_data) {
    strength[e.u] += static_cast<double>(weight(e));
    strength[e.v] += static_cast<double>(weight(e));
  }
  std::map<std::size_t, std::vector<Vertex>> groups;
  for (std::size_t v = 0; v < label.size(); ++v) groups[label[v]].push_back(v);
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

CommunityResult group(const GraphData& impl, CommunityMethod method) {
  const std::vector<std::size_t> label =
      method == CommunityMethod::louvain ? louvain_labels(impl) : propagation_labels(impl);
  return CommunityResult{groups_of(impl, label), {}, modularity(impl, label)};
}

}  // namespace

std::vector<std::vector<GraphNode>> EntityGraph::communities() const {
  return communities(CommunityOptions{}).groups;
}

CommunityResult EntityGraph::communities(const CommunityOptions& options) const {
  std::vector<GraphNode> hub_nodes = hubs(options.hub_share, options.hub_min_articles);
  if (hub_nodes.empty()) return group(*impl_, options.method);
  std::vector<std::int64_t> ids;
  for (const GraphNode& n : hub_nodes) ids.push_back(n.id);
  const EntityGraph rest = without(ids);
  CommunityResult result = group(*rest.impl_, options.method);
  result.hubs = std::move(hub_nodes);
  return result;
}

}  // namespace sillok
