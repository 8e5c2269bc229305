#include "graph/from_store.h"

#include <unordered_set>

namespace sillok {

GraphSource read_graph_source(const Store& store) {
  return GraphSource{store.entity_nodes(), store.mention_table(), store.relations()};
}

EntityGraph build_graph(const GraphSource& source, const std::vector<std::string>& only_articles) {
  EntityGraph graph;
  const MentionTable& table = source.mentions;
  // Reserving up front avoids rehashing the pair index while building (see graph_bench).
  graph.reserve(source.entities.size(), table.pair_bound(std::size_t{8} << 20));
  for (const GraphEntity& e : source.entities) graph.add_node(GraphNode{e.id, e.name, e.type});
  const std::unordered_set<std::string> only(only_articles.begin(), only_articles.end());
  const auto wanted = [&](const std::string& id) { return only.empty() || only.count(id) != 0; };
  GraphArticle article;
  for (std::size_t i = 0; i < table.article_ids.size(); ++i) {
    if (!wanted(table.article_ids[i])) continue;
    article.article_id = table.article_ids[i];
    article.date = table.dates[i];
    article.mentions.clear();
    for (std::size_t r = table.begin[i]; r < table.begin[i + 1]; ++r) {
      article.mentions.emplace_back(table.sentences[r], table.entity_ids[r]);
    }
    graph.add_article(article);
  }
  for (const RelationRow& r : source.relations) {
    if (!wanted(r.article_id)) continue;
    graph.add_relation(GraphRelation{r.subject, r.object, r.role, r.article_id});
  }
  return graph;
}

EntityGraph load_graph(const Store& store, const std::vector<std::string>& only_articles) {
  return build_graph(read_graph_source(store), only_articles);
}

}  // namespace sillok
