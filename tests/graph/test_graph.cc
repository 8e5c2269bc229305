// EntityGraph: building counts, lookups, paths, rankings, communities, subgraphs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "graph/graph.h"

using namespace sillok;

namespace {

GraphNode person(std::int64_t id, const std::string& name) {
  return GraphNode{id, name, EntityType::person};
}

int article_counter = 0;

// A graph with nodes 1..n named "n1".."nn". Restarts the article ids link() hands out.
EntityGraph numbered(int n) {
  article_counter = 0;
  EntityGraph g;
  for (int i = 1; i <= n; ++i) g.add_node(person(i, "n" + std::to_string(i)));
  return g;
}

// Adds `times` articles in which a and b share one sentence.
void link(EntityGraph& g, std::int64_t a, std::int64_t b, int times = 1) {
  for (int i = 0; i < times; ++i) {
    g.add_article({"a" + std::to_string(++article_counter), "", {{0, a}, {0, b}}});
  }
}

std::vector<std::int64_t> ids(const std::vector<Neighbor>& ns) {
  std::vector<std::int64_t> out;
  for (const auto& n : ns) out.push_back(n.node.id);
  return out;
}

std::vector<std::int64_t> ids(const std::vector<GraphNode>& ns) {
  std::vector<std::int64_t> out;
  for (const auto& n : ns) out.push_back(n.id);
  return out;
}

}  // namespace

TEST_CASE("graph: articles and sentences counted per pair", "[graph]") {
  EntityGraph g = numbered(4);
  // Entities 1 and 2 share sentences 0 and 1; 3 is alone in sentence 2; 4 is the byline.
  g.add_article({"A", "2025-12-29", {{0, 1}, {0, 2}, {0, 2}, {1, 1}, {1, 2}, {2, 3}, {-1, 4}}});
  g.add_article({"B", "2025-12-30T09:00:00+09:00", {{0, 1}, {0, 2}, {3, 1}}});

  CHECK(g.node_count() == 4);
  CHECK(g.edge_count() == 6);  // every pair of the four entities met in article A

  const EdgeInfo e12 = *g.edge(2, 1);
  CHECK(e12.articles == 2);
  CHECK(e12.sentences == 3);  // A: 0 and 1 (the repeated mention counts once), B: 0
  CHECK(e12.article_ids == std::vector<std::string>{"A", "B"});
  CHECK(e12.first_date == "2025-12-29");
  CHECK(e12.last_date == "2025-12-30");
  CHECK(e12.dates == std::vector<std::string>{"2025-12-29", "2025-12-30"});

  CHECK(g.dates(1) == std::vector<std::string>{"2025-12-29", "2025-12-30"});
  CHECK(g.dates(3) == std::vector<std::string>{"2025-12-29"});
  CHECK(g.dates(42).empty());
  CHECK(g.filtered(3, 1, 1).dates(1) == g.dates(1));  // subgraphs keep node dates

  const EdgeInfo e13 = *g.edge(1, 3);
  CHECK(e13.articles == 1);
  CHECK(e13.sentences == 0);

  SECTION("a metadata mention counts for the article, never for a sentence") {
    const EdgeInfo e14 = *g.edge(1, 4);
    CHECK(e14.articles == 1);
    CHECK(e14.sentences == 0);
  }
  SECTION("re-adding an article id is a no-op") {
    g.add_article({"A", "2025-12-29", {{0, 1}, {0, 2}}});
    CHECK(g.edge(1, 2)->articles == 2);
    CHECK(g.edge(1, 2)->sentences == 3);
  }
  SECTION("an entity alone in an article makes no edge") {
    EntityGraph h = numbered(2);
    h.add_article({"solo", "2025-01-05", {{0, 1}, {1, 1}}});
    CHECK(h.edge_count() == 0);
    CHECK(h.dates(1) == std::vector<std::string>{"2025-01-05"});
    CHECK_FALSE(h.edge(1, 2).has_value());
  }
}

TEST_CASE("graph: a bad article is rejected whole", "[graph]") {
  EntityGraph g = numbered(2);
  CHECK_THROWS_WITH(g.add_article({"X", "", {{0, 1}, {0, 99}}}),
                    Catch::Contains("X") && Catch::Contains("99"));
  CHECK(g.edge_count() == 0);
  // Not marked as seen: once the entity exists the same article counts.
  g.add_node(person(99, "late"));
  g.add_article({"X", "", {{0, 1}, {0, 99}}});
  CHECK(g.edge(1, 99)->articles == 1);

  CHECK_THROWS_AS(g.add_article({"Y", "29 Dec 2025", {{0, 1}, {0, 2}}}), std::invalid_argument);
  CHECK_THROWS_AS(g.add_article({"Z", "2025-12-2", {{0, 1}, {0, 2}}}), std::invalid_argument);
  CHECK_FALSE(g.edge(1, 2).has_value());
}

TEST_CASE("graph: neighbours by articles, sentences, then name", "[graph]") {
  EntityGraph g;
  g.add_node(person(1, "배경훈"));
  g.add_node(person(2, "B"));
  g.add_node(person(3, "C"));
  g.add_node(person(4, "나"));
  g.add_node(person(5, "가"));
  for (int i = 0; i < 3; ++i) {
    // 2 and 3 appear in all three articles with 1; 3 shares sentences, 2 does not.
    g.add_article({"n" + std::to_string(i), "", {{0, 1}, {0, 3}, {1, 2}}});
  }
  g.add_article({"x", "", {{0, 1}, {1, 4}, {2, 5}}});

  const auto ns = g.neighbors(1);
  CHECK(ids(ns) == std::vector<std::int64_t>{3, 2, 5, 4});
  CHECK(ns[0].edge.articles == 3);
  CHECK(ns[0].edge.sentences == 3);
  CHECK(ns[1].edge.sentences == 0);
  CHECK(ns[2].node.name == "가");
  CHECK(g.neighbors(42).empty());
}

TEST_CASE("graph: find by name, and ambiguity", "[graph]") {
  EntityGraph g;
  g.add_node(person(7, "김민수"));
  g.add_node(GraphNode{3, "김민수", EntityType::company});
  g.add_node(person(5, "배경훈"));

  CHECK(g.find("김민수") == std::vector<std::int64_t>{3, 7});
  CHECK(g.find("없음").empty());
  CHECK(g.find_one("배경훈") == std::optional<std::int64_t>(5));
  CHECK_FALSE(g.find_one("없음").has_value());
  try {
    g.find_one("김민수");
    FAIL("expected AmbiguousName");
  } catch (const AmbiguousName& e) {
    CHECK(e.name() == "김민수");
    CHECK(ids(e.candidates()) == std::vector<std::int64_t>{3, 7});
    CHECK_THAT(e.what(), Catch::Contains("김민수") && Catch::Contains("company"));
  }

  SECTION("renaming a node moves it in the name index") {
    g.add_node(person(7, "김민준"));
    CHECK(g.find("김민수") == std::vector<std::int64_t>{3});
    CHECK(g.find("김민준") == std::vector<std::int64_t>{7});
    CHECK(g.node_count() == 3);
  }
}

TEST_CASE("graph: shortest path by hops", "[graph]") {
  EntityGraph g = numbered(6);
  link(g, 1, 2);
  link(g, 2, 3);
  link(g, 3, 4);
  link(g, 1, 5);
  link(g, 5, 4);  // 1-5-4 is shorter than 1-2-3-4

  CHECK(g.shortest_path(1, 4) == std::vector<std::int64_t>{1, 5, 4});
  CHECK(g.shortest_path(3, 1) == std::vector<std::int64_t>{3, 2, 1});
  CHECK(g.shortest_path(2, 2) == std::vector<std::int64_t>{2});
  CHECK(g.shortest_path(1, 6).empty());   // 6 is isolated
  CHECK(g.shortest_path(1, 99).empty());  // unknown
}

TEST_CASE("graph: rankings", "[graph]") {
  SECTION("degree and pagerank put a star's centre first") {
    EntityGraph g = numbered(6);
    for (int leaf = 2; leaf <= 5; ++leaf) link(g, 1, leaf);
    link(g, 5, 6);
    const auto deg = g.rank("degree", 0);
    REQUIRE(deg.size() == 6);
    CHECK(deg[0].first.id == 1);
    CHECK(deg[0].second == 4.0);
    CHECK(deg[1].first.id == 5);
    CHECK(deg[1].second == 2.0);

    const auto pr = g.rank("pagerank", 0);
    REQUIRE(pr.size() == 6);
    CHECK(pr[0].first.id == 1);
    CHECK(pr[1].first.id == 5);
    double sum = 0;
    for (const auto& [node, score] : pr) sum += score;
    CHECK(sum == Approx(1.0));
    CHECK(g.rank("pagerank", 2).size() == 2);
  }
  SECTION("pagerank follows edge weight") {
    EntityGraph g = numbered(3);
    link(g, 1, 2, 5);
    link(g, 1, 3, 1);
    const auto pr = g.rank("pagerank", 0);
    CHECK(ids(std::vector<GraphNode>{pr[0].first, pr[1].first, pr[2].first}) ==
          std::vector<std::int64_t>{1, 2, 3});
  }
  SECTION("betweenness on a path counts each pair once") {
    EntityGraph g = numbered(5);
    for (int i = 1; i < 5; ++i) link(g, i, i + 1);
    const auto bc = g.rank("betweenness", 3);
    REQUIRE(bc.size() == 3);
    CHECK(bc[0].first.id == 3);
    CHECK(bc[0].second == Approx(4.0));  // (1,4) (1,5) (2,4) (2,5)
    CHECK(bc[1].first.id == 2);          // ties with 4 at 3.0; "n2" < "n4"
    CHECK(bc[1].second == Approx(3.0));
    CHECK(bc[2].first.id == 4);
  }
  SECTION("an unknown measure is an error") {
    EntityGraph g = numbered(1);
    CHECK_THROWS_WITH(g.rank("closeness", 3), Catch::Contains("closeness"));
  }
  SECTION("an empty graph ranks nothing") {
    EntityGraph g;
    CHECK(g.rank("pagerank", 5).empty());
    CHECK(g.rank("betweenness", 5).empty());
    CHECK(g.communities().empty());
  }
}

TEST_CASE("graph: communities split two cliques joined by one edge", "[graph]") {
  EntityGraph g = numbered(9);
  const std::vector<std::vector<int>> cliques{{1, 2, 3, 4}, {5, 6, 7, 8}};
  for (const auto& c : cliques) {
    for (std::size_t i = 0; i < c.size(); ++i) {
      for (std::size_t j = i + 1; j < c.size(); ++j) link(g, c[i], c[j]);
    }
  }
  link(g, 4, 5);     // the bridge; 9 stays isolated
  link(g, 1, 2, 2);  // makes 1 and 2 the strongest members of the first clique

  const auto comms = g.communities();
  REQUIRE(comms.size() == 3);
  std::vector<std::set<std::int64_t>> sets;
  for (const auto& c : comms) {
    const auto v = ids(c);
    sets.emplace_back(v.begin(), v.end());
  }
  CHECK(sets[0] == std::set<std::int64_t>{1, 2, 3, 4});
  CHECK(sets[1] == std::set<std::int64_t>{5, 6, 7, 8});
  CHECK(sets[2] == std::set<std::int64_t>{9});
  // Members by weighted degree: 1 and 2 (5 articles each) before 4 (4) and 3 (3).
  CHECK(ids(comms[0]) == std::vector<std::int64_t>{1, 2, 4, 3});
}

TEST_CASE("graph: communities keep components apart", "[graph]") {
  EntityGraph g = numbered(5);
  link(g, 1, 2);
  link(g, 2, 3);
  link(g, 4, 5);
  const auto comms = g.communities();
  REQUIRE(comms.size() == 2);
  CHECK(comms[0].size() == 3);
  CHECK(ids(comms[1]) == std::vector<std::int64_t>{4, 5});
}

TEST_CASE("graph: filtered subgraphs", "[graph]") {
  EntityGraph g = numbered(5);
  link(g, 1, 2, 3);
  link(g, 2, 3, 1);
  link(g, 3, 4, 3);
  g.add_relation({1, 2, "CEO", "a1"});

  SECTION("within one hop of a centre") {
    const EntityGraph f = g.filtered(1, 1, 1);
    CHECK(ids(f.nodes()) == std::vector<std::int64_t>{1, 2});
    CHECK(f.edge_count() == 1);
    CHECK(f.edge(1, 2)->articles == 3);
    CHECK(f.edge(1, 2)->roles == std::vector<std::string>{"CEO"});
    CHECK(f.relations().size() == 1);
  }
  SECTION("hops only follow edges heavy enough") {
    const EntityGraph f = g.filtered(1, 10, 2);
    CHECK(ids(f.nodes()) == std::vector<std::int64_t>{1, 2});
  }
  SECTION("no hop limit") {
    const EntityGraph f = g.filtered(2, -1, 1);
    CHECK(ids(f.nodes()) == std::vector<std::int64_t>{1, 2, 3, 4});
    CHECK(f.edge_count() == 3);
  }
  SECTION("whole graph, light edges dropped") {
    const EntityGraph f = g.filtered(std::nullopt, 0, 2);
    CHECK(f.node_count() == 5);
    CHECK(f.edge_count() == 2);
    CHECK_FALSE(f.edge(2, 3).has_value());
    CHECK(f.shortest_path(1, 4).empty());
  }
  SECTION("an unknown centre gives an empty graph") {
    CHECK(g.filtered(99, 2, 1).node_count() == 0);
  }
  SECTION("the subgraph is a full graph: it keeps counting and de-duplicating") {
    EntityGraph f = g.filtered(1, 1, 1);
    f.add_article({"a1", "", {{0, 1}, {0, 2}}});  // already counted in g
    CHECK(f.edge(1, 2)->articles == 3);
    f.add_article({"new", "", {{0, 1}, {0, 2}}});
    CHECK(f.edge(1, 2)->articles == 4);
    CHECK(g.edge(1, 2)->articles == 3);
  }
}

TEST_CASE("graph: typed relations", "[graph]") {
  EntityGraph g;
  g.add_node(person(1, "정재헌"));
  g.add_node(GraphNode{2, "SKT", EntityType::company});
  g.add_node(GraphNode{3, "과학기술정보통신부", EntityType::government});
  g.add_article({"A", "2025-12-29", {{0, 1}, {0, 2}}});
  g.add_relation({1, 2, "CEO", "A"});
  g.add_relation({1, 2, "CEO", "A"});  // the same fact again
  g.add_relation({1, 2, "CEO", "B"});
  g.add_relation({1, 3, "자문위원", "B"});  // never co-appeared: an edge with 0 articles
  g.add_relation({1, 1, "self", "A"});

  const auto rels = g.relations();
  REQUIRE(rels.size() == 2);
  CHECK(rels[0].subject == 1);
  CHECK(rels[0].object == 2);
  CHECK(rels[0].role == "CEO");
  CHECK(rels[0].article_ids == std::vector<std::string>{"A", "B"});
  CHECK(g.edge(2, 1)->roles == std::vector<std::string>{"CEO"});
  CHECK(g.edge(1, 2)->articles == 1);
  CHECK(g.edge(1, 3)->articles == 0);
  CHECK(g.edge_count() == 2);
  CHECK_THROWS_AS(g.add_relation({1, 42, "CEO", "A"}), std::invalid_argument);
  CHECK_THROWS_WITH(g.add_relation({42, 1, "CEO", "B"}),
                    Catch::Contains("42") && Catch::Contains("CEO") && Catch::Contains("B"));
}

TEST_CASE("graph: copies are independent; moved-from graphs are empty and usable", "[graph]") {
  EntityGraph g = numbered(2);
  link(g, 1, 2);
  EntityGraph copy = g;
  link(copy, 1, 2);
  CHECK(g.edge(1, 2)->articles == 1);
  CHECK(copy.edge(1, 2)->articles == 2);

  EntityGraph moved = std::move(copy);
  CHECK(moved.edge(1, 2)->articles == 2);
  CHECK(copy.node_count() == 0);  // NOLINT(bugprone-use-after-move): documented state
  copy.add_node(person(1, "x"));
  CHECK(copy.node_count() == 1);
}

TEST_CASE("graph: paths and communities do not depend on insertion order", "[graph]") {
  // Two triangles {1,2,3} {4,5,6} bridged by 3-4, plus a square 7-8-9-10 whose two
  // shortest 7->9 paths tie; built with nodes and articles in opposite orders.
  const std::vector<std::pair<int, int>> links{{1, 2}, {2, 3}, {1, 3}, {3, 4},  {4, 5}, {5, 6},
                                               {4, 6}, {7, 8}, {8, 9}, {9, 10}, {10, 7}};
  auto build = [&](bool reversed) {
    EntityGraph g;
    std::vector<int> nodes{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    if (reversed) std::reverse(nodes.begin(), nodes.end());
    for (int i : nodes) g.add_node(person(i, "p" + std::to_string(i)));
    auto order = links;
    if (reversed) std::reverse(order.begin(), order.end());
    for (const auto& [a, b] : order) {
      g.add_article({std::to_string(a) + "-" + std::to_string(b), "", {{0, a}, {0, b}}});
    }
    return g;
  };
  const EntityGraph x = build(false);
  const EntityGraph y = build(true);
  CHECK(x.shortest_path(7, 9) == std::vector<std::int64_t>{7, 8, 9});  // smaller id first
  CHECK(y.shortest_path(7, 9) == x.shortest_path(7, 9));
  CHECK(y.shortest_path(1, 6) == x.shortest_path(1, 6));
  std::vector<std::vector<std::int64_t>> cx, cy;
  for (const auto& c : x.communities()) cx.push_back(ids(c));
  for (const auto& c : y.communities()) cy.push_back(ids(c));
  CHECK(cx == cy);
  REQUIRE(cx.size() == 3);
  CHECK(std::set<std::int64_t>(cx[2].begin(), cx[2].end()).size() == 3);
}

namespace {

// Two 5-cliques {1..5} {6..10}, bridged by 5-6, plus a hub 11 that appears in every article.
// Every link is its own article so the hub's share of articles is 100%.
EntityGraph cliques_with_hub() {
  EntityGraph g = numbered(11);
  const std::vector<std::vector<int>> cliques{{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}};
  for (const auto& c : cliques) {
    for (std::size_t i = 0; i < c.size(); ++i) {
      for (std::size_t j = i + 1; j < c.size(); ++j) {
        g.add_article({"a" + std::to_string(++article_counter), "",
                       {{0, c[i]}, {0, c[j]}, {-1, 11}}});
      }
    }
  }
  g.add_article({"a" + std::to_string(++article_counter), "", {{0, 5}, {0, 6}, {-1, 11}}});
  return g;
}

std::vector<std::set<std::int64_t>> as_sets(const std::vector<std::vector<GraphNode>>& groups) {
  std::vector<std::set<std::int64_t>> out;
  for (const auto& c : groups) {
    const auto v = ids(c);
    out.emplace_back(v.begin(), v.end());
  }
  return out;
}

}  // namespace

TEST_CASE("graph: article counts per entity and hubs", "[graph][hubs]") {
  EntityGraph g = cliques_with_hub();
  CHECK(g.article_count() == 21);
  CHECK(g.articles(11) == 21);
  CHECK(g.articles(1) == 4);
  CHECK(g.articles(5) == 5);  // its clique and the bridge
  CHECK(g.articles(99) == 0);

  const auto hubs = g.hubs(0.5, 5);
  REQUIRE(hubs.size() == 1);
  CHECK(hubs[0].id == 11);
  CHECK(g.hubs(0.2, 5).size() == 3);     // 11 (21), 5 and 6 (5 each) exceed 4.2 articles
  CHECK(ids(g.hubs(0.2, 5)) == std::vector<std::int64_t>{11, 5, 6});
  CHECK(g.hubs(0.2, 6).size() == 1);     // the minimum article count applies too
  CHECK(g.hubs(1.0, 1).empty());         // share 1 disables hub detection
}

TEST_CASE("graph: without removes entities and their edges", "[graph][hubs]") {
  EntityGraph g = cliques_with_hub();
  const EntityGraph rest = g.without({11, 42});
  CHECK(rest.node_count() == 10);
  CHECK(rest.edge_count() == 21);  // 2 × 10 clique edges + the bridge
  CHECK_FALSE(rest.node(11));
  CHECK(rest.edge(5, 6)->articles == 1);
  CHECK(rest.articles(1) == 4);  // counts survive the copy
}

TEST_CASE("graph: a hub merges communities unless left out", "[graph][communities]") {
  EntityGraph g = cliques_with_hub();
  for (CommunityMethod method : {CommunityMethod::louvain, CommunityMethod::label_propagation}) {
    INFO("method " << static_cast<int>(method));
    CommunityOptions keep_hubs;
    keep_hubs.method = method;
    const CommunityResult merged = g.communities(keep_hubs);
    CHECK(merged.hubs.empty());

    CommunityOptions drop_hubs = keep_hubs;
    drop_hubs.hub_share = 0.5;
    const CommunityResult split = g.communities(drop_hubs);
    REQUIRE(split.hubs.size() == 1);
    CHECK(split.hubs[0].id == 11);
    const auto sets = as_sets(split.groups);
    REQUIRE(sets.size() == 2);
    CHECK(sets[0] == std::set<std::int64_t>{1, 2, 3, 4, 5});  // equal sizes: "n1" < "n6"
    CHECK(sets[1] == std::set<std::int64_t>{6, 7, 8, 9, 10});
    // Two equal halves with one bridge of 21 edges: Q = 2 * (10/21 - (21/42)^2) ≈ 0.452.
    CHECK(split.modularity == Approx(2 * (10.0 / 21 - 0.25)));
  }
  // With the hub in, Louvain still finds the halves but has to put the hub in one of them.
  const CommunityResult louvain = g.communities(CommunityOptions{});
  CHECK(louvain.groups.size() == 2);
  CHECK(louvain.modularity < 2 * (10.0 / 21 - 0.25));
}

TEST_CASE("graph: Louvain merges small groups level by level", "[graph][communities]") {
  // A ring of six 4-cliques, neighbouring cliques joined by one edge: the textbook case
  // where modularity is maximal with one community per clique.
  EntityGraph g = numbered(24);
  for (int c = 0; c < 6; ++c) {
    for (int i = 1; i <= 4; ++i) {
      for (int j = i + 1; j <= 4; ++j) link(g, 4 * c + i, 4 * c + j);
    }
    link(g, 4 * c + 4, (4 * c + 4) % 24 + 1);
  }
  const CommunityResult r = g.communities(CommunityOptions{});
  const auto sets = as_sets(r.groups);
  REQUIRE(sets.size() == 6);
  for (const auto& s : sets) {
    CHECK(s.size() == 4);
    CHECK(*s.rbegin() - *s.begin() == 3);  // four consecutive ids: one clique
  }
  CHECK(r.modularity == Approx(6 * (6.0 / 42 - (14.0 / 84) * (14.0 / 84))));
}

TEST_CASE("graph: among fewest-hop paths the strongest wins", "[graph]") {
  EntityGraph g = numbered(4);
  link(g, 1, 2);     // 1-2-4: one shared article per hop
  link(g, 2, 4);
  link(g, 1, 3, 3);  // 1-3-4: three per hop
  link(g, 3, 4, 3);
  CHECK(g.shortest_path(1, 4) == std::vector<std::int64_t>{1, 3, 4});
  CHECK(g.shortest_path(4, 1) == std::vector<std::int64_t>{4, 3, 1});
  // Shared sentences outrank shared articles: 2 shares articles but no sentence with 1.
  EntityGraph h = numbered(4);
  h.add_article({"x1", "", {{0, 1}, {1, 2}}});
  h.add_article({"x2", "", {{0, 1}, {1, 2}}});
  h.add_article({"x3", "", {{0, 2}, {0, 4}}});
  h.add_article({"x4", "", {{0, 1}, {0, 3}}});
  h.add_article({"x5", "", {{0, 3}, {0, 4}}});
  CHECK(h.shortest_path(1, 4) == std::vector<std::int64_t>{1, 3, 4});
}

TEST_CASE("graph: an edge keeps every shared article and date, in any arrival order", "[graph]") {
  EntityGraph g = numbered(3);
  g.add_relation({1, 2, "CEO", "r"});  // the edge exists before any shared article
  g.add_article({"c", "", {{0, 1}, {0, 2}}});
  g.add_article({"b", "2025-01-15", {{0, 1}, {0, 2}}});  // the first date: a middle one
  g.add_article({"d", "2025-03-02", {{0, 1}, {1, 2}}});
  g.add_article({"a", "2025-03-02", {{2, 2}, {2, 1}}});  // a date already on the edge
  g.add_article({"e", "2024-12-31", {{0, 1}, {0, 2}, {0, 3}}});
  const EdgeInfo e = *g.edge(1, 2);
  CHECK(e.articles == 5);
  CHECK(e.sentences == 4);  // c, b, a, e; d has them in different sentences
  CHECK(e.article_ids == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(e.dates == std::vector<std::string>{"2024-12-31", "2025-01-15", "2025-03-02"});
  CHECK(e.first_date == "2024-12-31");
  CHECK(e.last_date == "2025-03-02");
  CHECK(e.roles == std::vector<std::string>{"CEO"});
  // An edge seen once carries exactly that article; an undated one has no dates.
  CHECK(g.edge(1, 3)->article_ids == std::vector<std::string>{"e"});
  CHECK(g.edge(1, 3)->dates == std::vector<std::string>{"2024-12-31"});
  EntityGraph h = numbered(2);
  link(h, 1, 2);
  CHECK(h.edge(1, 2)->dates.empty());
  CHECK(h.edge(1, 2)->first_date.empty());
  // Subgraphs copy all of it.
  const EdgeInfo f = *g.filtered(1, 1, 2).edge(1, 2);
  CHECK(f.article_ids == e.article_ids);
  CHECK(f.dates == e.dates);
  CHECK(f.roles == e.roles);
  CHECK_FALSE(g.filtered(1, 1, 2).edge(1, 3).has_value());
  CHECK(g.filtered(1, 1, 2).relations().size() == 1);
}

TEST_CASE("graph: queries see nodes and edges added after an earlier query", "[graph]") {
  // Traversals use an adjacency laid out on first use; every change must be visible after.
  EntityGraph g = numbered(3);
  link(g, 1, 2);
  CHECK(ids(g.neighbors(1)) == std::vector<std::int64_t>{2});
  CHECK(g.shortest_path(1, 3).empty());
  link(g, 2, 3);
  CHECK(ids(g.neighbors(2)) == std::vector<std::int64_t>{1, 3});
  CHECK(g.shortest_path(1, 3) == std::vector<std::int64_t>{1, 2, 3});
  link(g, 1, 2, 2);  // only counts change: the same adjacency, new weights
  CHECK(g.neighbors(2).front().edge.articles == 3);
  g.add_node(person(4, "n4"));
  CHECK(g.rank("degree", 0).size() == 4);
  g.add_relation({4, 3, "CEO", "r"});
  CHECK(g.shortest_path(1, 4) == std::vector<std::int64_t>{1, 2, 3, 4});

  // A copy shares nothing that a change to either side could reach.
  EntityGraph copy = g;
  copy.add_node(person(5, "n5"));
  link(copy, 4, 5);
  CHECK(copy.shortest_path(1, 5) == std::vector<std::int64_t>{1, 2, 3, 4, 5});
  CHECK(g.shortest_path(1, 5).empty());
  CHECK(ids(g.neighbors(4)) == std::vector<std::int64_t>{3});
  g = copy;
  CHECK(ids(g.neighbors(4)) == std::vector<std::int64_t>{5, 3});  // 1 shared article, then 0
}

TEST_CASE("graph: first queries from several threads at once agree", "[graph]") {
  EntityGraph g = numbered(30);
  for (int a = 1; a <= 30; ++a) {
    for (int b = a + 1; b <= 30; b += a) link(g, a, b, 1 + (a + b) % 3);
  }
  const EntityGraph serial = g;
  std::vector<std::vector<std::int64_t>> expected;
  for (int id = 1; id <= 30; ++id) expected.push_back(ids(serial.neighbors(id)));
  const auto expected_path = serial.shortest_path(7, 29);

  std::vector<std::vector<std::vector<std::int64_t>>> got(4);
  std::vector<std::vector<std::int64_t>> paths(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int id = 1; id <= 30; ++id) got[t].push_back(ids(g.neighbors(id)));
      paths[t] = g.shortest_path(7, 29);
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t t = 0; t < got.size(); ++t) {
    CHECK(got[t] == expected);
    CHECK(paths[t] == expected_path);
  }
}
