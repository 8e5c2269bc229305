// sillok path / rank / communities: analyses of the entity graph.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "graph/graph.h"
#include "store/store.h"

namespace sillok::cli {
namespace {

nlohmann::json node_json(const GraphNode& n) {
  return {{"name", n.name}, {"type", to_string(n.type)}};
}

}  // namespace

Command register_path(CLI::App& app) {
  struct State {
    std::string db, from, to, format;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("path", "The shortest chain of co-appearances from A to B, with evidence");
  cmd->add_option("from", st->from, "First entity")->required();
  cmd->add_option("to", st->to, "Last entity")->required();
  add_db_option(*cmd, st->db);
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const EntityGraph graph = load_graph(store, {});
            const std::int64_t a = resolve_entity(store, st->from, "").front();
            const std::int64_t b = resolve_entity(store, st->to, "").front();
            const std::vector<std::int64_t> path = graph.shortest_path(a, b);
            if (path.empty()) {
              std::cerr << "sillok path: " << st->from << " and " << st->to << " are not connected\n";
              return kExitFailed;
            }
            nlohmann::json hops = nlohmann::json::array();
            for (std::size_t i = 0; i + 1 < path.size(); ++i) {
              const auto x = graph.node(path[i]);
              const auto y = graph.node(path[i + 1]);
              const auto edge = graph.edge(path[i], path[i + 1]);
              hops.push_back({{"from", x->name}, {"to", y->name},
                              {"articles", edge ? edge->articles : 0},
                              {"sources", edge ? edge->article_ids : std::vector<std::string>{}}});
            }
            if (st->format == "json") {
              std::cout << nlohmann::json{{"path", hops}}.dump(2) << "\n";
              return kExitOk;
            }
            for (const auto& h : hops) {
              std::cout << h["from"].get<std::string>() << " — " << h["to"].get<std::string>() << "  ("
                        << h["articles"] << " articles: ";
              const auto ids = h["sources"].get<std::vector<std::string>>();
              for (std::size_t i = 0; i < ids.size() && i < 3; ++i) std::cout << (i ? ", " : "") << ids[i];
              std::cout << (ids.size() > 3 ? ", …)\n" : ")\n");
            }
            return kExitOk;
          }};
}

Command register_rank(CLI::App& app) {
  struct State {
    std::string db, by, format;
    std::size_t top = 20;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("rank", "The most central entities of the graph");
  add_db_option(*cmd, st->db);
  st->by = "degree";
  cmd->add_option("--by", st->by, "degree, pagerank or betweenness (sampled above 10^4 entities)")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  cmd->add_option("--top", st->top, "How many (0 = all)");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const auto ranked = load_graph(store, {}).rank(st->by, st->top);
            if (st->format == "json") {
              nlohmann::json out = nlohmann::json::array();
              for (const auto& [node, score] : ranked) {
                auto j = node_json(node);
                j["score"] = score;
                out.push_back(j);
              }
              std::cout << nlohmann::json{{"by", st->by}, {"ranking", out}}.dump(2) << "\n";
              return kExitOk;
            }
            for (const auto& [node, score] : ranked) {
              std::cout << score << "\t" << node.name << " (" << to_string(node.type) << ")\n";
            }
            return kExitOk;
          }};
}

Command register_communities(CLI::App& app) {
  struct State {
    std::string db, format;
    std::size_t min_size = 2;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "communities", "Groups of entities that appear together (components, then label propagation)");
  add_db_option(*cmd, st->db);
  cmd->add_option("--min-size", st->min_size, "Hide groups smaller than this");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            nlohmann::json out = nlohmann::json::array();
            std::size_t index = 0;
            for (const auto& group : load_graph(store, {}).communities()) {
              if (group.size() < st->min_size) continue;
              ++index;
              nlohmann::json members = nlohmann::json::array();
              for (const GraphNode& n : group) members.push_back(node_json(n));
              out.push_back({{"community", index}, {"size", group.size()}, {"members", members}});
              if (st->format != "json") {
                std::cout << "#" << index << " (" << group.size() << "):";
                for (const GraphNode& n : group) std::cout << " " << n.name;
                std::cout << "\n";
              }
            }
            if (st->format == "json") std::cout << out.dump(2) << "\n";
            return kExitOk;
          }};
}

}  // namespace sillok::cli
