// The entity graph: who appears with whom, how often, and in which typed relations.
//
// Nodes are entities (store ids); an undirected edge joins two entities that appear in the
// same article. Each edge counts the articles they share and the sentences they share, keeps
// the article ids and the distinct dates of those articles, and lists the typed relations
// ("정재헌" —CEO→ "SKT") found between the two. The graph does not read the database: the
// CLI streams nodes, articles and relations into it from the store, then asks questions or
// exports it (DOT for Graphviz, GraphML for NetworkX/Gephi, GEXF 1.3 for Gephi's timeline,
// JSON for d3-style scripts).
//
// Thread safety: const members may be called concurrently; any add_* call REQUIRES external
// synchronization with every other call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "extract/types.h"

namespace sillok {

namespace graph_detail {
struct GraphData;  // the representation, private to graph/ (graph/graph_impl.h)
}  // namespace graph_detail

// One entity as the graph knows it.
struct GraphNode {
  std::int64_t id = 0;  // the store's entity id; unique in a graph
  std::string name;     // canonical name ("과학기술정보통신부"); not necessarily unique
  EntityType type = EntityType::organization;
};

// What the graph needs of one article: its id, date and which entity appears in which
// sentence. An entity may be listed many times (one pair per mention).
struct GraphArticle {
  std::string article_id;  // "277_0005699798"
  std::string date;        // "YYYY-MM-DD", or "" when the article has no date
  // (sentence index, entity id); sentence -1 marks a metadata mention (publisher, byline),
  // which counts as appearing in the article but in no sentence.
  std::vector<std::pair<int, std::int64_t>> mentions;
};

// A typed relation read from one article: subject —role→ object.
struct GraphRelation {
  std::int64_t subject = 0;
  std::int64_t object = 0;
  std::string role;        // "부총리", "CEO"
  std::string article_id;  // where it was found
};

// A typed relation aggregated over articles, with its direction.
struct RelationEdge {
  std::int64_t subject = 0;
  std::int64_t object = 0;
  std::string role;
  std::vector<std::string> article_ids;  // sorted, distinct
};

// What an edge knows about the two entities it joins.
struct EdgeInfo {
  int articles = 0;   // articles in which both appear (anywhere, metadata included)
  int sentences = 0;  // sentences (>= 0) in which both appear, summed over articles
  std::vector<std::string> article_ids;  // sorted, distinct
  std::string first_date, last_date;     // earliest/latest dated shared article; "" if none
  std::vector<std::string> dates;        // the distinct dates of shared articles, sorted
  // The distinct roles of typed relations between the two, sorted ("CEO"); the direction
  // (subject -> object) is in EntityGraph::relations().
  std::vector<std::string> roles;
};

// An edge with its two ends; source < target (by id).
struct GraphEdge {
  std::int64_t source = 0;
  std::int64_t target = 0;
  EdgeInfo info;
};

// One neighbour of an entity and the edge to it.
struct Neighbor {
  GraphNode node;
  EdgeInfo edge;
};

// Thrown by EntityGraph::find_one when two or more entities share the name asked for.
class AmbiguousName : public std::runtime_error {
 public:
  AmbiguousName(const std::string& name, std::vector<GraphNode> candidates);
  const std::string& name() const { return name_; }
  // Every entity with that name, sorted by id.
  const std::vector<GraphNode>& candidates() const { return candidates_; }

 private:
  std::string name_;
  std::vector<GraphNode> candidates_;
};

// How EntityGraph::communities groups entities.
enum class CommunityMethod {
  // Louvain modularity optimisation (Blondel et al. 2008) on edges weighted by shared
  // articles: local moves, then aggregation, repeated while modularity improves.
  louvain,
  // Deterministic label propagation weighted by shared articles × (1 + common neighbours).
  label_propagation,
};

struct CommunityOptions {
  CommunityMethod method = CommunityMethod::louvain;
  // Hubs are left out before grouping: entities listed in more than `hub_share` of all
  // articles AND in at least `hub_min_articles` of them (the publisher, "대한민국" in a Korean
  // corpus). They tie everything to everything and would merge all groups into one. The
  // default 1.0 keeps every entity; the CLI uses 0.1.
  double hub_share = 1.0;
  int hub_min_articles = 5;
};

struct CommunityResult {
  // Largest first (ties: the name of the first member); members by weighted degree desc,
  // then name, then id. Isolated entities are singletons. Hubs are in no group.
  std::vector<std::vector<GraphNode>> groups;
  std::vector<GraphNode> hubs;  // by articles desc, then name, then id
  // Newman modularity of `groups` on the graph without the hubs, edges weighted by shared
  // articles (at least 1); 0 for a graph without edges.
  double modularity = 0.0;
};

// An undirected co-appearance graph over entities (a Boost.Graph compressed_sparse_row_graph
// inside).
//
// Building is incremental and order-independent in its counts: nodes first, then articles
// and relations in any order. Edge lookups while building go through a hash map keyed by the
// vertex pair, so adding an article with k distinct entities costs O(k^2 + mentions log).
// The Boost graph used for traversals is laid out on the first query that traverses after
// nodes or new pairs were added: O(V + E) once, so build first, then query.
class EntityGraph {
 public:
  EntityGraph();
  ~EntityGraph();
  EntityGraph(const EntityGraph& other);
  EntityGraph& operator=(const EntityGraph& other);
  EntityGraph(EntityGraph&& other) noexcept;
  EntityGraph& operator=(EntityGraph&& other) noexcept;

  // Adds an entity, or updates the name and type of one already added with that id.
  void add_node(const GraphNode& node);

  // Counts one article: every pair of distinct entities in it gets +1 article (and the
  // article's id and date); a pair gets +1 sentence for every sentence (>= 0) both appear
  // in. An article id already added is ignored, so re-streaming an article is a no-op.
  // Throws std::invalid_argument (naming the article and the id) when a mention refers to
  // an entity not added with add_node; the graph is then unchanged.
  void add_article(const GraphArticle& article);

  // Records a typed relation on the edge between subject and object (creating the edge with
  // zero articles if they never co-appeared). The same (subject, role, object) from the same
  // article is counted once. A relation of an entity to itself is ignored. Throws
  // std::invalid_argument when either id is unknown.
  void add_relation(const GraphRelation& relation);

  // Room for `nodes` entities and `edges` pairs, so that building does not reallocate; a
  // hint only (more may be added). Cheaper than growing when the sizes are known or bounded
  // (the CLI passes the entity count and the sum of k(k-1)/2 over articles, capped).
  void reserve(std::size_t nodes, std::size_t edges);

  std::size_t node_count() const;
  std::size_t edge_count() const;

  // The entity with this id, or nullopt.
  std::optional<GraphNode> node(std::int64_t id) const;
  // Every node, sorted by id.
  std::vector<GraphNode> nodes() const;
  // Every edge, sorted by (source, target).
  std::vector<GraphEdge> edges() const;
  // The edge between two entities (either order), or nullopt.
  std::optional<EdgeInfo> edge(std::int64_t a, std::int64_t b) const;
  // The distinct dates ("YYYY-MM-DD", sorted) of the dated articles that mention the entity;
  // empty for an unknown id.
  std::vector<std::string> dates(std::int64_t id) const;
  // Every typed relation, sorted by (subject, object, role).
  std::vector<RelationEdge> relations() const;

  // Ids of the entities named exactly `name`, sorted; empty when none.
  std::vector<std::int64_t> find(const std::string& name) const;
  // The one entity named `name`, nullopt when none; throws AmbiguousName when several.
  std::optional<std::int64_t> find_one(const std::string& name) const;

  // The entities sharing an edge with `id`, sorted by articles desc, sentences desc, name,
  // id. Empty for an unknown id.
  std::vector<Neighbor> neighbors(std::int64_t id) const;

  // Articles added so far (re-added ids not counted).
  std::size_t article_count() const;
  // Articles in which the entity appears (anywhere, metadata included); 0 when unknown.
  int articles(std::int64_t id) const;
  // Entities in more than `share` of all articles and in at least `min_articles` articles,
  // by articles desc, then name, then id. share >= 1 gives none.
  std::vector<GraphNode> hubs(double share, int min_articles) const;

  // A fewest-hops path from `from` to `to`, both included ({from} when equal); among the
  // fewest-hop paths, the one with the most shared sentences summed over its hops, then the
  // most shared articles, then (walking back from `to`) the smaller entity id at each step,
  // so each hop has the strongest evidence available. Empty when either id is unknown or no
  // path exists. O(V + E).
  std::vector<std::int64_t> shortest_path(std::int64_t from, std::int64_t to) const;

  // The `top` highest-scoring entities (all when top == 0), score desc, then name, then id.
  // `by`: "degree" (number of distinct neighbours), "pagerank" (damping 0.85, edges
  // weighted by shared articles, sums to 1), or "betweenness" (Brandes, unweighted, each
  // unordered pair of endpoints counted once). Throws std::invalid_argument for another `by`.
  std::vector<std::pair<GraphNode, double>> rank(const std::string& by, std::size_t top) const;

  // A partition of all nodes by Louvain with no hub left out: communities(CommunityOptions{})
  // .groups. Largest community first (ties: the name of its first member); members by
  // weighted degree desc, then name, then id. Isolated entities are singleton communities.
  std::vector<std::vector<GraphNode>> communities() const;
  // Groups of entities that appear together, hubs left out first (see CommunityOptions and
  // docs/architecture-graph.md). Deterministic: vertices are visited in entity-id order and
  // ties are broken by id, so the result does not depend on insertion order.
  CommunityResult communities(const CommunityOptions& options) const;

  // The graph without these entities and their edges (unknown ids are ignored).
  EntityGraph without(const std::vector<std::int64_t>& ids) const;

  // A subgraph: nodes within `depth` hops of `center` (every node when center is nullopt;
  // no hop limit when depth < 0) and, among them, the edges with articles >= min_weight. Hops only
  // follow edges that pass the weight filter, so the result around a center is connected. An
  // unknown center gives an empty graph. Edge data (ids, dates, relations) is kept whole.
  EntityGraph filtered(std::optional<std::int64_t> center, int depth, int min_weight) const;

 private:
  // The subgraph of the vertices with keep[v] (v: vertex index) and, among them, the edges
  // with articles >= min_weight.
  EntityGraph keep_only(const std::vector<bool>& keep, int min_weight) const;

  std::unique_ptr<graph_detail::GraphData> impl_;
};

// Graphviz DOT: `graph entities { ... }`, undirected. Node ids are entity ids; labels are
// names escaped for DOT quoted strings and Graphviz label escapes (see
// docs/architecture-graph.md); shapes and colours by entity type; pen width grows with the
// log of shared articles; each typed relation is an extra bold edge labelled with its role
// and an arrow (dir=forward) from subject to object.
void write_dot(std::ostream& out, const EntityGraph& graph);

// GraphML (NetworkX, Gephi, yEd): node keys label/name/type; edge keys weight (= articles),
// articles, sentences, first_seen, last_seen, roles ("; "-joined), sources (space-joined
// article ids). Text is XML-escaped and stripped of characters XML 1.0 forbids.
void write_graphml(std::ostream& out, const EntityGraph& graph);

// GEXF 1.3 (Gephi), a dynamic graph with timeformat="date": each edge carries a <spells>
// list with one spell per distinct date of its shared articles, and each node one per date
// of the articles mentioning it, so Gephi's timeline can play the news day by day. Nodes
// and edges without dated articles have no spells (Gephi shows them throughout).
void write_gexf(std::ostream& out, const EntityGraph& graph);

// JSON for d3-style scripts:
// {"nodes":[{"id","name","type"}],
//  "links":[{"source","target","articles","sentences","first_seen","last_seen","roles","sources"}],
//  "relations":[{"subject","object","role","sources"}]}
// source/target/subject/object are entity ids; first_seen/last_seen are null when unknown.
void write_json(std::ostream& out, const EntityGraph& graph);

}  // namespace sillok
