// sillok path / rank / communities: analyses of the entity graph.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "graph/from_store.h"
#include "graph/graph.h"
#include "store/store.h"

namespace sillok::cli {
namespace {

nlohmann::json node_json(const GraphNode& n) {
  return {{"name", n.name}, {"type", to_string(n.type)}};
}

// Hubs: entities in more than --hub-share of all articles and in at least --hub-min of them
// (the publisher of a single-source corpus, "대한민국" in Korean news). They tie everything to
// everything, so communities, paths and (on request) rankings leave them out.
struct HubOptions {
  double share = 0.1;
  int min_articles = 5;
};

void add_hub_options(CLI::App& cmd, HubOptions& hubs, const std::string& what) {
  cmd.add_option("--hub-share", hubs.share,
                 "Hubs are entities in more than this share of all articles (and in at least "
                 "--hub-min); " + what + " (default " + std::to_string(hubs.share).substr(0, 4) +
                     ", 1 = no hubs)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--hub-min", hubs.min_articles,
                 "An entity in fewer articles than this is never a hub (default 5)")
      ->check(CLI::NonNegativeNumber);
}

std::string hub_rule(const HubOptions& hubs, const EntityGraph& graph) {
  return "in more than " + std::to_string(static_cast<int>(hubs.share * 100 + 0.5)) + "% of " +
         std::to_string(graph.article_count()) + " articles and at least " +
         std::to_string(hubs.min_articles);
}

std::string hub_list(const std::vector<GraphNode>& hubs, const EntityGraph& graph) {
  std::string out;
  for (const GraphNode& h : hubs) {
    out += (out.empty() ? "" : ", ") + h.name + " (" + std::to_string(graph.articles(h.id)) + ")";
  }
  return out;
}

nlohmann::json hubs_json(const std::vector<GraphNode>& hubs, const EntityGraph& graph) {
  nlohmann::json out = nlohmann::json::array();
  for (const GraphNode& h : hubs) {
    auto j = node_json(h);
    j["articles"] = graph.articles(h.id);
    out.push_back(j);
  }
  return out;
}

std::vector<std::int64_t> ids_of(const std::vector<GraphNode>& nodes) {
  std::vector<std::int64_t> ids;
  for (const GraphNode& n : nodes) ids.push_back(n.id);
  return ids;
}

// One step of a path with the evidence for it: a sentence mentioning both, or, when they only
// share articles (e.g. one is the publisher), the first shared article's title (sentence -1).
struct Hop {
  GraphNode from, to;
  int articles = 0;
  std::vector<std::string> sources;
  EvidenceSentence evidence;
};

Hop make_hop(const Store& store, const EntityGraph& graph, std::int64_t x, std::int64_t y) {
  Hop hop{*graph.node(x), *graph.node(y), 0, {}, {}};
  if (const auto edge = graph.edge(x, y)) {
    hop.articles = edge->articles;
    hop.sources = edge->article_ids;
  }
  const auto sentences = store.shared_sentences(x, y, DateRange{}, 1);
  if (!sentences.empty()) {
    hop.evidence = sentences.front();
  } else if (!hop.sources.empty()) {
    const auto rows = store.articles_by_id(hop.sources);
    if (!rows.empty()) hop.evidence = {rows.front().id, rows.front().pub_date, -1, rows.front().title};
  }
  return hop;
}

nlohmann::json hop_json(const Hop& h) {
  return {{"from", h.from.name},
          {"from_type", to_string(h.from.type)},
          {"to", h.to.name},
          {"to_type", to_string(h.to.type)},
          {"articles", h.articles},
          {"sources", h.sources},
          {"evidence",
           {{"article", h.evidence.article_id},
            {"date", h.evidence.date},
            {"sentence", h.evidence.sentence},
            {"text", h.evidence.text}}}};
}

void print_hop(const Hop& h) {
  std::cout << h.from.name << " — " << h.to.name << "  (" << h.articles
            << (h.articles == 1 ? " article)\n" : " articles)\n");
  if (h.evidence.article_id.empty()) return;
  std::cout << "    " << h.evidence.article_id << " "
            << (h.evidence.date.empty() ? "undated" : h.evidence.date) << " "
            << (h.evidence.sentence < 0 ? std::string("title")
                                        : "#" + std::to_string(h.evidence.sentence))
            << ": " << h.evidence.text << "\n";
}

}  // namespace

Command register_path(CLI::App& app) {
  struct State {
    std::string db, from, to, type_a, type_b, format;
    HubOptions hubs;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "path",
      "The shortest chain of co-appearances from A to B (the strongest among the shortest), "
      "one evidence sentence per hop; hubs other than A and B are not used as steps");
  cmd->add_option("from", st->from, "First entity (A)")->required();
  cmd->add_option("to", st->to, "Last entity (B)")->required();
  cmd->add_option("--type-a", st->type_a, "Entity type of A, when its name denotes several");
  cmd->add_option("--type-b", st->type_b, "Entity type of B, when its name denotes several");
  add_hub_options(*cmd, st->hubs, "paths do not go through them");
  add_db_option(*cmd, st->db);
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const std::int64_t a = resolve_entity_for(store, st->from, st->type_a, "--type-a").front();
            const std::int64_t b = resolve_entity_for(store, st->to, st->type_b, "--type-b").front();
            const EntityGraph full = load_graph(store, {});
            std::vector<GraphNode> avoided;
            for (const GraphNode& h : full.hubs(st->hubs.share, st->hubs.min_articles)) {
              if (h.id != a && h.id != b) avoided.push_back(h);
            }
            const EntityGraph graph = avoided.empty() ? full : full.without(ids_of(avoided));
            const std::vector<std::int64_t> path = graph.shortest_path(a, b);
            if (path.empty()) {
              std::cerr << "sillok path: " << st->from << " and " << st->to << " are not connected"
                        << (avoided.empty() ? "" : " without the hubs " + hub_list(avoided, full) +
                                                       " (try --hub-share 1)")
                        << "\n";
              return kExitFailed;
            }
            std::vector<Hop> hops;
            for (std::size_t i = 0; i + 1 < path.size(); ++i) {
              hops.push_back(make_hop(store, graph, path[i], path[i + 1]));
            }
            if (st->format == "json") {
              nlohmann::json out = nlohmann::json::array();
              for (const Hop& h : hops) out.push_back(hop_json(h));
              std::cout << nlohmann::json{{"hops", hops.size()},
                                          {"avoided_hubs", hubs_json(avoided, full)},
                                          {"path", out}}
                               .dump(2)
                        << "\n";
              return kExitOk;
            }
            std::cout << path.size() - 1 << (path.size() == 2 ? " hop" : " hops");
            if (!avoided.empty()) std::cout << " (avoiding hubs " << hub_list(avoided, full) << ")";
            std::cout << "\n";
            for (const Hop& h : hops) print_hop(h);
            return kExitOk;
          }};
}

Command register_rank(CLI::App& app) {
  struct State {
    std::string db, by, format;
    std::size_t top = 20;
    bool exclude_hubs = false;
    HubOptions hubs;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("rank", "The most central entities of the graph");
  add_db_option(*cmd, st->db);
  st->by = "degree";
  cmd->add_option("--by", st->by,
                  "degree, pagerank or betweenness (exact Brandes, O(V·E): slow on large graphs)")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  cmd->add_option("--top", st->top, "How many (0 = all)");
  cmd->add_flag("--exclude-hubs", st->exclude_hubs,
                "Rank the graph without its hubs (listed first), so that the publisher and "
                "\"대한민국\" do not fill the top");
  add_hub_options(*cmd, st->hubs, "used with --exclude-hubs");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const EntityGraph full = load_graph(store, {});
            std::vector<GraphNode> hubs;
            if (st->exclude_hubs) hubs = full.hubs(st->hubs.share, st->hubs.min_articles);
            const auto ranked =
                (hubs.empty() ? full : full.without(ids_of(hubs))).rank(st->by, st->top);
            if (st->format == "json") {
              nlohmann::json out = nlohmann::json::array();
              for (const auto& [node, score] : ranked) {
                auto j = node_json(node);
                j["score"] = score;
                out.push_back(j);
              }
              std::cout << nlohmann::json{{"by", st->by},
                                          {"excluded_hubs", hubs_json(hubs, full)},
                                          {"ranking", out}}
                               .dump(2)
                        << "\n";
              return kExitOk;
            }
            if (!hubs.empty()) {
              std::cout << "hubs left out (" << hub_rule(st->hubs, full)
                        << "): " << hub_list(hubs, full) << "\n";
            }
            for (const auto& [node, score] : ranked) {
              std::cout << score << "\t" << node.name << " (" << to_string(node.type) << ")\n";
            }
            return kExitOk;
          }};
}

namespace {

nlohmann::json group_json(std::size_t index, const std::vector<GraphNode>& group) {
  nlohmann::json members = nlohmann::json::array();
  for (const GraphNode& n : group) members.push_back(node_json(n));
  return {{"community", index}, {"kind", "community"}, {"size", group.size()}, {"members", members}};
}

void print_communities(const CommunityResult& result, const std::string& method,
                       std::size_t min_size, const HubOptions& hubs, const EntityGraph& graph) {
  if (!result.hubs.empty()) {
    std::cout << "hubs left out (" << hub_rule(hubs, graph) << "): " << hub_list(result.hubs, graph)
              << "\n";
  }
  std::cout << "method " << method << ", modularity " << result.modularity << "\n";
  std::size_t index = 0;
  for (const auto& group : result.groups) {
    if (group.size() < min_size) continue;
    std::cout << "#" << ++index << " (" << group.size() << "):";
    for (const GraphNode& n : group) std::cout << " " << n.name;
    std::cout << "\n";
  }
}

}  // namespace

Command register_communities(CLI::App& app) {
  struct State {
    std::string db, format, method = "louvain";
    std::size_t min_size = 2;
    HubOptions hubs;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "communities",
      "Groups of entities that appear together: hubs left out, then Louvain modularity "
      "(edges weighted by shared articles)");
  add_db_option(*cmd, st->db);
  cmd->add_option("--min-size", st->min_size, "Hide groups smaller than this");
  cmd->add_option("--method", st->method,
                  "louvain (default) or label-propagation (weighted, deterministic)")
      ->check(CLI::IsMember({"louvain", "label-propagation"}));
  add_hub_options(*cmd, st->hubs, "they are left out and listed apart");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const EntityGraph graph = load_graph(store, {});
            CommunityOptions options;
            options.method = st->method == "louvain" ? CommunityMethod::louvain
                                                     : CommunityMethod::label_propagation;
            options.hub_share = st->hubs.share;
            options.hub_min_articles = st->hubs.min_articles;
            const CommunityResult result = graph.communities(options);
            if (st->format != "json") {
              print_communities(result, st->method, st->min_size, st->hubs, graph);
              return kExitOk;
            }
            // An array of groups, as before; the hubs, if any, are one more element of kind
            // "hubs" (with "members" like the others) so that readers of groups still work.
            nlohmann::json out = nlohmann::json::array();
            std::size_t index = 0;
            for (const auto& group : result.groups) {
              if (group.size() >= st->min_size) out.push_back(group_json(++index, group));
            }
            if (!result.hubs.empty()) {
              nlohmann::json hubs = group_json(0, result.hubs);
              hubs["community"] = nullptr;
              hubs["kind"] = "hubs";
              hubs["rule"] = hub_rule(st->hubs, graph);
              out.push_back(hubs);
            }
            std::cout << out.dump(2) << "\n";
            return kExitOk;
          }};
}

}  // namespace sillok::cli
