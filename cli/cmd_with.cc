// sillok with NAME: who appeared with an entity, how often, and where.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "store/store.h"

namespace sillok::cli {

// The entity ids a name denotes; throws when it is unknown or ambiguous (listing the
// candidates) unless `type` picks one.
std::vector<std::int64_t> resolve_entity(const Store& store, const std::string& name,
                                         const std::string& type) {
  std::vector<EntityRow> found = store.find_entities(name);
  if (!type.empty()) {
    const auto t = entity_type_from_string(type);
    if (!t) throw UsageError("--type: unknown entity type '" + type + "'");
    found.erase(std::remove_if(found.begin(), found.end(), [&](const EntityRow& e) { return e.type != *t; }),
                found.end());
  }
  if (found.empty()) throw std::runtime_error("no entity named '" + name + "' in " + store.path());
  if (found.size() > 1) {
    // A canonical-name match beats alias matches; several canonical matches are ambiguous.
    std::vector<EntityRow> canonical;
    for (const EntityRow& e : found) {
      if (e.name == name) canonical.push_back(e);
    }
    if (canonical.size() == 1) return {canonical.front().id};
    std::string list;
    for (const EntityRow& e : found) list += " " + e.name + " (" + std::string(to_string(e.type)) + ")";
    throw std::runtime_error("'" + name + "' is ambiguous:" + list + "; pick one with --type");
  }
  return {found.front().id};
}

Command register_with(CLI::App& app) {
  struct State {
    std::string db, name, type, format;
    int min = 1;
    std::size_t top = 0;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("with", "Entities that appeared with NAME, with counts and evidence");
  cmd->add_option("name", st->name, "Entity name or alias")->required();
  add_db_option(*cmd, st->db);
  cmd->add_option("--type", st->type, "Entity type, when NAME denotes several");
  cmd->add_option("--min", st->min, "Only entities sharing at least N articles");
  cmd->add_option("--top", st->top, "Only the first K (0 = all)");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            const std::int64_t id = resolve_entity(store, st->name, st->type).front();
            const auto self = store.entity(id);
            std::vector<CoAppearance> rows = store.co_appearances(id);
            rows.erase(std::remove_if(rows.begin(), rows.end(),
                                      [&](const CoAppearance& c) { return c.articles < st->min; }),
                       rows.end());
            if (st->top > 0 && rows.size() > st->top) rows.resize(st->top);
            if (st->format == "json") {
              nlohmann::json with = nlohmann::json::array();
              for (const CoAppearance& c : rows) {
                with.push_back({{"name", c.entity.name}, {"type", to_string(c.entity.type)},
                                {"articles", c.articles}, {"sentences", c.sentences},
                                {"sources", c.article_ids}, {"first_date", c.first_date},
                                {"last_date", c.last_date}});
              }
              nlohmann::json out = {{"entity", self ? self->name : st->name},
                                    {"type", self ? std::string(to_string(self->type)) : ""},
                                    {"with", with}};
              std::cout << out.dump(2) << "\n";
              return kExitOk;
            }
            std::cout << (self ? self->name : st->name) << " appeared with " << rows.size()
                      << " entities\n";
            for (const CoAppearance& c : rows) {
              std::cout << "  " << c.entity.name << " (" << to_string(c.entity.type) << ")  "
                        << c.articles << (c.articles == 1 ? " article, " : " articles, ") << c.sentences
                        << (c.sentences == 1 ? " sentence" : " sentences") << "  [";
              for (std::size_t i = 0; i < c.article_ids.size(); ++i) {
                std::cout << (i ? ", " : "") << c.article_ids[i];
              }
              std::cout << "]\n";
            }
            return kExitOk;
          }};
}

}  // namespace sillok::cli
