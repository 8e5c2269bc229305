// sillok with NAME: who appeared with an entity, how often, and where.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "store/store.h"

namespace sillok::cli {

// resolve_entity with the option that picks a type named in the ambiguity message ("--type",
// or "--type-a"/"--type-b" for `path`). Also declared in cli/cmd_analysis.cc.
std::vector<std::int64_t> resolve_entity_for(const Store& store, const std::string& name,
                                             const std::string& type,
                                             const std::string& type_option) {
  std::vector<EntityRow> found = store.find_entities(name);
  if (!type.empty()) {
    const auto t = entity_type_from_string(type);
    if (!t) throw UsageError(type_option + ": unknown entity type '" + type + "'");
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const EntityRow& e) { return e.type != *t; }),
                found.end());
  }
  if (found.empty()) {
    throw std::runtime_error("no entity named '" + name + "'" +
                             (type.empty() ? "" : " of type " + type) + " in " + store.path());
  }
  if (found.size() > 1) {
    // A canonical-name match beats alias matches; several canonical matches are ambiguous.
    std::vector<EntityRow> canonical;
    for (const EntityRow& e : found) {
      if (e.name == name) canonical.push_back(e);
    }
    if (canonical.size() == 1) return {canonical.front().id};
    std::string list;
    for (const EntityRow& e : found) {
      list += (list.empty() ? " " : ", ") + e.name + " (" + std::string(to_string(e.type)) + ")";
    }
    throw std::runtime_error("'" + name + "' is ambiguous:" + list + "; pick one with " +
                             type_option);
  }
  return {found.front().id};
}

// The entity ids a name denotes; throws when it is unknown or ambiguous (listing the
// candidates: "'X' is ambiguous: X (person), X (organization); pick one with --type") unless
// `type` picks one.
std::vector<std::int64_t> resolve_entity(const Store& store, const std::string& name,
                                         const std::string& type) {
  return resolve_entity_for(store, name, type, "--type");
}

namespace {

// How many evidence sentences `with --evidence` shows per entity unless --evidence-limit says.
constexpr std::size_t kDefaultEvidence = 3;

// "YYYY-MM-DD" of a --from/--to value (any form parse_date_option accepts), "" when empty.
std::string date_bound(const std::string& option, const std::string& value) {
  try {
    const auto ts = parse_date_option(value);
    if (!ts) return "";
    const std::string iso = ts->iso();
    return iso.substr(0, 10);
  } catch (const UsageError&) {
    throw UsageError(option + ": expected an ISO 8601 date such as 2025-12-29, got '" + value +
                     "'");
  }
}

DateRange date_range(const std::string& from, const std::string& to) {
  DateRange range{date_bound("--from", from), date_bound("--to", to)};
  if (!range.from.empty() && !range.to.empty() && range.to < range.from) {
    throw UsageError("--from " + range.from + " is after --to " + range.to);
  }
  return range;
}

nlohmann::json evidence_json(const std::vector<EvidenceSentence>& evidence) {
  nlohmann::json out = nlohmann::json::array();
  for (const EvidenceSentence& e : evidence) {
    out.push_back({{"article", e.article_id},
                   {"date", e.date},
                   {"sentence", e.sentence},
                   {"text", e.text}});
  }
  return out;
}

struct WithOptions {
  std::string db, name, type, format, from, to;
  int min = 1;
  std::size_t top = 0;
  bool evidence = false;
  std::size_t evidence_limit = kDefaultEvidence;
};

// One ranked co-appearing entity and, when asked for, the sentences both are mentioned in.
struct WithRow {
  CoAppearance co;
  std::vector<EvidenceSentence> evidence;
};

void print_json(const std::optional<EntityRow>& self, const WithOptions& o, const DateRange& range,
                const std::vector<WithRow>& rows) {
  nlohmann::json with = nlohmann::json::array();
  for (const WithRow& row : rows) {
    const CoAppearance& c = row.co;
    nlohmann::json item = {{"name", c.entity.name},         {"type", to_string(c.entity.type)},
                           {"articles", c.articles},        {"sentences", c.sentences},
                           {"sources", c.article_ids},      {"first_date", c.first_date},
                           {"last_date", c.last_date}};
    if (o.evidence) item["evidence"] = evidence_json(row.evidence);
    with.push_back(item);
  }
  nlohmann::json out = {{"entity", self ? self->name : o.name},
                        {"type", self ? std::string(to_string(self->type)) : ""},
                        {"from", range.from.empty() ? nlohmann::json() : nlohmann::json(range.from)},
                        {"to", range.to.empty() ? nlohmann::json() : nlohmann::json(range.to)},
                        {"with", with}};
  std::cout << out.dump(2) << "\n";
}

void print_text(const std::optional<EntityRow>& self, const WithOptions& o, const DateRange& range,
                const std::vector<WithRow>& rows) {
  std::cout << (self ? self->name : o.name) << " appeared with " << rows.size() << " entities";
  if (!range.empty()) {
    std::cout << " (" << (range.from.empty() ? "…" : range.from) << " .. "
              << (range.to.empty() ? "…" : range.to) << ")";
  }
  std::cout << "\n";
  for (const WithRow& row : rows) {
    const CoAppearance& c = row.co;
    std::cout << "  " << c.entity.name << " (" << to_string(c.entity.type) << ")  " << c.articles
              << (c.articles == 1 ? " article, " : " articles, ") << c.sentences
              << (c.sentences == 1 ? " sentence" : " sentences") << "  [";
    for (std::size_t i = 0; i < c.article_ids.size(); ++i) {
      std::cout << (i ? ", " : "") << c.article_ids[i];
    }
    std::cout << "]\n";
    for (const EvidenceSentence& e : row.evidence) {
      std::cout << "      " << e.article_id << " " << (e.date.empty() ? "undated" : e.date)
                << " #" << e.sentence << ": " << e.text << "\n";
    }
  }
}

int run_with(const WithOptions& o) {
  const DateRange range = date_range(o.from, o.to);
  const Store store = Store::open_existing(o.db);
  const std::int64_t id = resolve_entity(store, o.name, o.type).front();
  const auto self = store.entity(id);
  std::vector<WithRow> rows;
  for (CoAppearance& c : store.co_appearances(id, range)) {
    if (c.articles < o.min) continue;
    if (o.top > 0 && rows.size() == o.top) break;
    rows.push_back(WithRow{std::move(c), {}});
  }
  if (o.evidence) {
    for (WithRow& row : rows) {
      row.evidence = store.shared_sentences(id, row.co.entity.id, range, o.evidence_limit);
    }
  }
  if (o.format == "json") {
    print_json(self, o, range, rows);
  } else {
    print_text(self, o, range, rows);
  }
  return kExitOk;
}

}  // namespace

Command register_with(CLI::App& app) {
  auto st = std::make_shared<WithOptions>();
  CLI::App* cmd = app.add_subcommand(
      "with", "Entities that appeared with NAME, ranked by shared articles, then shared sentences");
  cmd->add_option("name", st->name, "Entity name or alias")->required();
  add_db_option(*cmd, st->db);
  cmd->add_option("--type", st->type, "Entity type, when NAME denotes several");
  cmd->add_option("--from", st->from,
                  "Only articles published on or after this date (ISO, inclusive)");
  cmd->add_option("--to", st->to,
                  "Only articles published on or before this date (ISO, inclusive); with "
                  "--from or --to, undated articles are left out");
  cmd->add_option("--min", st->min, "Only entities sharing at least N articles");
  cmd->add_option("--top", st->top, "Only the first K (0 = all)");
  cmd->add_flag("--evidence", st->evidence,
                "Show the sentences both are mentioned in (article id, date, sentence)");
  cmd->add_option("--evidence-limit", st->evidence_limit,
                  "Evidence sentences per entity with --evidence (default 3, 0 = all)");
  add_format_option(*cmd, st->format, {"text", "json"});
  return {cmd, [st]() { return run_with(*st); }};
}

}  // namespace sillok::cli
