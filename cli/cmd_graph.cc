// sillok graph: the entity graph as DOT, GraphML, GEXF or JSON.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "graph/from_store.h"
#include "graph/graph.h"
#include "store/store.h"

namespace sillok::cli {

Command register_graph(CLI::App& app) {
  struct State {
    std::string db, format, topic, entity, type, svg;
    int depth = 1;
    int min_weight = 1;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("graph", "Export the entity graph (DOT, GraphML, GEXF, JSON)");
  add_db_option(*cmd, st->db);
  add_format_option(*cmd, st->format, {"dot", "graphml", "gexf", "json"});
  cmd->add_option("--topic", st->topic, "Only articles matching these words");
  cmd->add_option("--entity", st->entity, "Only the neighbourhood of this entity");
  cmd->add_option("--type", st->type, "Entity type, when --entity names several");
  cmd->add_option("--depth", st->depth, "Hops around --entity")->check(CLI::Range(0, 10));
  cmd->add_option("--min-weight", st->min_weight, "Only edges shared by at least N articles");
  cmd->add_option("--svg", st->svg, "Also render the DOT to this SVG file with Graphviz");
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            std::vector<std::string> only;
            if (!st->topic.empty()) {
              only = store.search_articles(st->topic);
              if (only.empty()) throw std::runtime_error("no article matches '" + st->topic + "'");
            }
            const EntityGraph full = load_graph(store, only);
            std::optional<std::int64_t> center;
            if (!st->entity.empty()) center = resolve_entity(store, st->entity, st->type).front();
            const EntityGraph graph = full.filtered(center, st->depth, st->min_weight);
            std::ostringstream out;
            if (st->format == "graphml") {
              write_graphml(out, graph);
            } else if (st->format == "gexf") {
              write_gexf(out, graph);
            } else if (st->format == "json") {
              write_json(out, graph);
            } else {
              write_dot(out, graph);
            }
            std::cout << out.str();
            if (!st->svg.empty()) {
              std::ostringstream dot;
              write_dot(dot, graph);
              const std::string command = "dot -Tsvg -o '" + st->svg + "'";
              if (st->svg.find('\'') != std::string::npos) throw UsageError("--svg: file name must not contain quotes");
              FILE* pipe = popen(command.c_str(), "w");
              if (pipe == nullptr) throw std::runtime_error("cannot run Graphviz 'dot'");
              const std::string text = dot.str();
              std::fwrite(text.data(), 1, text.size(), pipe);
              if (pclose(pipe) != 0) throw std::runtime_error("Graphviz 'dot' failed (is graphviz installed?)");
            }
            return kExitOk;
          }};
}

}  // namespace sillok::cli
