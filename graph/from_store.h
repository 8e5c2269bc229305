// The entity graph of a store: what every graph command (and bench/graph_bench) loads. Kept
// apart from graph/ proper so the graph library does not depend on SQLite.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"
#include "store/store.h"

namespace sillok {

// Everything a graph is built from, read in three bulk queries: every entity (id, name, type),
// every article's distinct (sentence, entity) mentions (the covering mentions index, see
// Store::mention_table), every relation.
struct GraphSource {
  std::vector<GraphEntity> entities;
  MentionTable mentions;
  std::vector<RelationRow> relations;
};
GraphSource read_graph_source(const Store& store);

// The graph of `source`: every entity as a node, the articles in `only_articles` (all of them
// when empty) as co-appearances, and their relations.
EntityGraph build_graph(const GraphSource& source, const std::vector<std::string>& only_articles);

// build_graph(read_graph_source(store), only_articles).
EntityGraph load_graph(const Store& store, const std::vector<std::string>& only_articles);

}  // namespace sillok
