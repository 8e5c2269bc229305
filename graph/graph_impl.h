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

// "2025-12-29" <-> 20251229, an integer whose order is the date order.
std::int32_t day_number(const std::string& iso_date);
std::string day_string(std::int32_t day);

// Behind EntityGraph: the Boost graph plus the hash maps used while building.
struct GraphData {
  graph_detail::Graph graph;
  std::unordered_map<std::int64_t, graph_detail::Vertex> vertex_of;
  std::unordered_map<std::string, std::vector<std::int64_t>> ids_by_name;
  std::unordered_map<std::uint64_t, std::size_t> edge_of;  // pair_key -> edge_data index
  std::vector<graph_detail::EdgeData> edge_data;
  std::vector<std::vector<std::int32_t>> node_days;  // per vertex: distinct yyyymmdd, sorted
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
