// Private to graph/: the representation behind EntityGraph, shared by its source files.
// Not installed, not included outside graph/.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace sillok::graph_detail {

// Everything accumulated about one vertex pair while building: 28 bytes and no heap memory for
// a pair that shares one article, which is most pairs of a news corpus (at 10^6 edges, one
// vector per edge for article refs and one for dates were a fifth of the build profile, in
// malloc/free and in page faults on the memory they took).
struct EdgeData {
  static constexpr std::uint32_t kNoMore = ~std::uint32_t{0};
  std::uint32_t u = 0;  // vertex indices, u < v
  std::uint32_t v = 0;
  int articles = 0;
  int sentences = 0;
  // Interned rather than strings: a busy corpus has millions of pair updates, and copying an
  // id and inserting a date string into a set for each dominated building time.
  std::uint32_t first_ref = 0;   // index into GraphData::article_ids; valid when articles > 0
  std::int32_t first_day = 0;    // one date of a shared article as yyyymmdd; 0: none yet
  std::uint32_t more = kNoMore;  // index into GraphData::edge_more, kNoMore when not needed
};

// The rest of an edge, allocated only for a pair that shares a second article or has a typed
// relation. The edge's article refs are first_ref + refs; its distinct dates are first_day +
// days (days never holds first_day).
struct EdgeMore {
  std::vector<std::uint32_t> refs;  // distinct, in the order added
  std::vector<std::int32_t> days;   // distinct yyyymmdd, sorted
  std::vector<RelationEdge> relations;
};

// The Boost edge bundle only points into GraphData::edge_data: the data is found through the
// pair index while building, and through the Boost edge when traversing, without copies.
struct EdgeProps {
  std::uint32_t data = 0;
};

// The Boost graph: compressed sparse rows, each undirected edge stored as two arcs (one from
// each end) carrying the same edge_data index. Vertex bundles are not stored in it (they are
// GraphData::nodes, which building appends to). 32-bit vertex and arc indices keep the arc
// arrays at 8 bytes per arc.
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeProps,
                                                 boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = Graph::vertex_descriptor;

// Limits of the 32-bit indices: vertices (pair_key packs two of them), and edges (two arcs
// each, counted in 32 bits).
constexpr std::size_t kMaxVertices = 0xFFFFFFFEu;
constexpr std::size_t kMaxEdges = 0x7FFFFFFEu;

// The Graph over a graph's current vertices and edges, laid out on first use after a change.
// Building only appends to edge_data; the compressed rows are then written once, in two passes
// over the edges, when a query first needs to traverse (instead of a std::list node per edge
// and a growing out-edge vector per vertex, kept up to date on every new pair).
class Adjacency {
 public:
  Adjacency() = default;
  // A copy shares the built graph, which is immutable; either side drops its own on a change.
  Adjacency(const Adjacency& other) : graph_(other.shared()) {}
  Adjacency& operator=(const Adjacency& other) {
    if (this != &other) {
      std::shared_ptr<const Graph> g = other.shared();
      const std::lock_guard<std::mutex> lock(mutex_);
      graph_ = std::move(g);
    }
    return *this;
  }

  // The graph of `vertices` vertices and these edges, built if missing. Safe to call from
  // several threads at once (const queries may run concurrently); the reference stays valid
  // until the next reset().
  const Graph& get(std::size_t vertices, const std::vector<EdgeData>& edges) const;
  // Forgets the graph after the vertex or edge set changed. REQUIRES exclusive access (every
  // add_* call has it), so no query still holds a reference.
  void reset() { graph_.reset(); }

 private:
  std::shared_ptr<const Graph> shared() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return graph_;
  }

  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Graph> graph_;
};

// Key of the unordered vertex pair {a, b}.
inline std::uint64_t pair_key(Vertex a, Vertex b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

// pair_key -> edge index, open addressing with linear probing. Building a graph does one
// lookup per pair per article (millions); std::unordered_map allocated a node per edge and
// rehashed through linked lists, which profiling showed as the largest part of building.
// Keys are never kEmpty: pair_key(a, b) with a < b < 2^32 - 1 cannot be all ones.
class PairIndex {
 public:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

  // The index stored for `key`, or `fresh` after storing it; `inserted` tells which.
  std::size_t find_or_insert(std::uint64_t key, std::size_t fresh, bool& inserted) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = slot(key);
    while (slots_[i].key != kEmpty) {
      if (slots_[i].key == key) {
        inserted = false;
        return slots_[i].value;
      }
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = Slot{key, fresh};
    ++count_;
    inserted = true;
    return fresh;
  }

  // The index stored for `key`, or kEmpty.
  std::size_t find(std::uint64_t key) const {
    if (slots_.empty()) return kEmpty;
    for (std::size_t i = slot(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return slots_[i].value;
      if (slots_[i].key == kEmpty) return kEmpty;
    }
  }

  // Room for `n` keys without growing.
  void reserve(std::size_t n) {
    while (slots_.size() < 2 * n) grow();
  }

 private:
  struct Slot {
    std::uint64_t key = kEmpty;
    std::size_t value = 0;
  };

  // splitmix64's finaliser: vertex pairs are dense small integers, so they need mixing.
  std::size_t slot(std::uint64_t key) const {
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebULL;
    key ^= key >> 31;
    return static_cast<std::size_t>(key) & (slots_.size() - 1);
  }

  void grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.key == kEmpty) continue;
      std::size_t i = slot(s.key);
      while (slots_[i].key != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // size 0 or a power of two, at most half full
  std::size_t count_ = 0;
};

// "2025-12-29" <-> 20251229, an integer whose order is the date order.
std::int32_t day_number(const std::string& iso_date);
std::string day_string(std::int32_t day);

// Behind EntityGraph: nodes and edge data, the hash maps used while building, and the Boost
// graph laid out from them for traversals.
struct GraphData {
  std::vector<GraphNode> nodes;  // by vertex index
  std::unordered_map<std::int64_t, Vertex> vertex_of;
  std::unordered_map<std::string, std::vector<std::int64_t>> ids_by_name;
  PairIndex edge_of;  // pair_key -> edge_data index
  std::vector<EdgeData> edge_data;
  std::vector<EdgeMore> edge_more;                   // see EdgeData::more
  std::vector<std::vector<std::int32_t>> node_days;  // per vertex: distinct yyyymmdd, sorted
  std::vector<int> node_articles;                    // per vertex: articles it appears in
  std::vector<std::string> article_ids;              // every article added
  std::unordered_map<std::string, std::uint32_t> article_index;  // id -> index; "seen" set
  Adjacency adjacency;

  // The Boost graph of the current nodes and edges (built on the first call after a change).
  const Graph& graph() const { return adjacency.get(nodes.size(), edge_data); }

  // The EdgeInfo view of accumulated data (sorted ids and dates, distinct roles).
  EdgeInfo info(const EdgeData& data) const;

  // The vertex of `id`; throws std::invalid_argument naming `what` and `where` (e.g.
  // "article", "277_0005699798") when unknown. The message is only built on failure.
  Vertex vertex(std::int64_t id, std::string_view what, std::string_view where) const;
  // The edge_data index for the pair {a, b}, creating the edge if new. Throws
  // std::length_error beyond kMaxEdges.
  std::size_t edge_index(Vertex a, Vertex b);
  // Counts one more shared article (its ref and its day, 0 when undated) on an edge.
  void add_shared_article(EdgeData& edge, std::uint32_t ref, std::int32_t day);
  // The edge's overflow record, created when it has none.
  EdgeMore& more(EdgeData& edge);
  // The edge data behind a Boost edge of `g` (which must be graph()).
  const EdgeData& data(const Graph& g, const Graph::edge_descriptor& e) const {
    return edge_data[g[e].data];
  }
};

}  // namespace sillok::graph_detail
