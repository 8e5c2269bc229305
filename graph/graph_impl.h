// Private to graph/: the representation behind EntityGraph, shared by its source files.
// Not installed, not included outside graph/.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace sillok::graph_detail {

// Everything accumulated about one vertex pair while building.
struct EdgeData {
  std::size_t u = 0;  // vertex indices, u < v
  std::size_t v = 0;
  int articles = 0;
  int sentences = 0;
  // Interned rather than strings: a busy corpus has millions of pair updates, and copying an
  // id and inserting a date string into a set for each dominated building time.
  std::vector<std::uint32_t> article_refs;  // indices into GraphData::article_ids, distinct
  std::vector<std::int32_t> days;           // distinct dates as yyyymmdd, sorted
  std::vector<RelationEdge> relations;
};

// The Boost edge bundle only points into GraphData::edge_data: the data is found through the
// pair hash map while building, and through the Boost edge when traversing, without copies.
struct EdgeProps {
  std::size_t data = 0;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, GraphNode, EdgeProps>;
using Vertex = Graph::vertex_descriptor;

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

// Behind EntityGraph: the Boost graph plus the hash maps used while building.
struct GraphData {
  graph_detail::Graph graph;
  std::unordered_map<std::int64_t, graph_detail::Vertex> vertex_of;
  std::unordered_map<std::string, std::vector<std::int64_t>> ids_by_name;
  PairIndex edge_of;  // pair_key -> edge_data index
  std::vector<graph_detail::EdgeData> edge_data;
  std::vector<std::vector<std::int32_t>> node_days;  // per vertex: distinct yyyymmdd, sorted
  std::vector<int> node_articles;                    // per vertex: articles it appears in
  std::vector<std::string> article_ids;              // every article added
  std::unordered_map<std::string, std::uint32_t> article_index;  // id -> index; "seen" set

  // The EdgeInfo view of accumulated data (sorted ids and dates, distinct roles).
  EdgeInfo info(const EdgeData& data) const;

  // The vertex of `id`; throws std::invalid_argument naming `what` and `where` (e.g.
  // "article", "277_0005699798") when unknown. The message is only built on failure.
  graph_detail::Vertex vertex(std::int64_t id, std::string_view what, std::string_view where) const;
  // The edge_data index for the pair {a, b}, creating the edge (and its Boost edge) if new.
  std::size_t edge_index(graph_detail::Vertex a, graph_detail::Vertex b);
  // Shared articles of the edge behind a Boost edge descriptor.
  const graph_detail::EdgeData& data(const graph_detail::Graph::edge_descriptor& e) const {
    return edge_data[graph[e].data];
  }
};

}  // namespace sillok::graph_detail
