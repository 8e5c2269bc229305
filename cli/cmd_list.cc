// sillok entities / sillok articles: what the database holds.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "store/store.h"

namespace sillok::cli {

Command register_entities(CLI::App& app) {
  struct State {
    std::string db, type, format;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("entities", "List stored entities, most widely reported first");
  add_db_option(*cmd, st->db);
  cmd->add_option("--type", st->type, "Only this type (person, government, company, organization, media, place, product)");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            std::optional<EntityType> type;
            if (!st->type.empty()) {
              type = entity_type_from_string(st->type);
              if (!type) throw UsageError("--type: unknown entity type '" + st->type + "'");
            }
            const Store store = Store::open_existing(st->db);
            const std::vector<EntityRow> rows = store.entities(type);
            if (st->format == "json") {
              nlohmann::json out = nlohmann::json::array();
              for (const EntityRow& e : rows) {
                out.push_back({{"name", e.name}, {"type", to_string(e.type)}, {"aliases", e.aliases},
                               {"articles", e.articles}, {"mentions", e.mentions}});
              }
              std::cout << out.dump(2) << "\n";
              return kExitOk;
            }
            for (const EntityRow& e : rows) {
              std::cout << e.name << "\t" << to_string(e.type) << "\t" << e.articles << " articles\t"
                        << e.mentions << " mentions";
              if (!e.aliases.empty()) {
                std::cout << "\taka";
                for (const std::string& a : e.aliases) std::cout << " " << a;
              }
              std::cout << "\n";
            }
            return kExitOk;
          }};
}

Command register_articles(CLI::App& app) {
  struct State {
    std::string db, format;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("articles", "List stored articles by publication date");
  add_db_option(*cmd, st->db);
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const std::vector<ArticleRow> rows = store.articles();
            if (st->format == "json") {
              nlohmann::json out = nlohmann::json::array();
              for (const ArticleRow& a : rows) {
                out.push_back({{"id", a.id}, {"title", a.title}, {"publisher", a.publisher},
                               {"published_at", a.published_at}, {"source", a.source}});
              }
              std::cout << out.dump(2) << "\n";
              return kExitOk;
            }
            for (const ArticleRow& a : rows) {
              std::cout << (a.pub_date.empty() ? "(no date)" : a.pub_date) << "\t" << a.id << "\t"
                        << a.publisher << "\t" << a.title << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace sillok::cli
