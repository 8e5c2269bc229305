// sillok explain: why extraction found what it found. Per article and per sentence, every
// mention with its surface, canonical entity and type, the rule id that produced it with the
// rule's description (data/rules/explain.json), and for gazetteer hits the entry behind them
// (id, gazetteer file, canonical name); then the sentence's time expressions, events and
// relations. Inputs and data options are those of `sillok extract`; no database is used.
//
// --format text (default) prints, per article, a header, then "sentence N [start,end): text"
// with its items indented below, each rule on its own line ("rule  <id> — <description>").
// --format json prints one object per article and line (see Explainer::explain); offsets are
// code points into article.text (metadata mentions: into the article field they name).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/common.h"
#include "extract/data_file.h"
#include "extract/data_path.h"
#include "extract/gazetteer.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/utf8.h"

namespace sillok::cli {
namespace {

using nlohmann::json;

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// ---- rule descriptions ---------------------------------------------------------------------

// data/rules/explain.json (format "sillok-rules/explain", version 1, see data/README.md):
// rule id -> one-line description. Prefix entries ("event.noun:") describe every rule id
// that starts with them, so rules with a variable tail need one entry.
class RuleTable {
 public:
  // Throws DataError naming the file and JSON path (missing file, bad format, duplicate id).
  static RuleTable load(const std::string& path) {
    const json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/explain");
    RuleTable table;
    for (const DataObject& rule : root.objects("rules")) {
      const std::string id = rule.string("id");
      const std::string description = rule.string("description");
      if (id.empty()) rule.fail("id", "empty");
      if (description.empty()) rule.fail("description", "empty");
      auto& target = rule.boolean("prefix", false) ? table.prefixes_ : table.exact_;
      if (!target.emplace(id, description).second) rule.fail("id", "duplicate id '" + id + "'");
    }
    return table;
  }

  // The exact entry for `rule`, else the longest prefix entry it starts with; "" when none.
  std::string describe(const std::string& rule) const {
    if (const auto it = exact_.find(rule); it != exact_.end()) return it->second;
    const std::string* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& [prefix, description] : prefixes_) {
      if (prefix.size() >= best_length && starts_with(rule, prefix)) {
        best = &description;
        best_length = prefix.size();
      }
    }
    return best == nullptr ? std::string() : *best;
  }

 private:
  std::map<std::string, std::string> exact_;
  std::map<std::string, std::string> prefixes_;
};

// ---- gazetteer entries ---------------------------------------------------------------------

// A gazetteer entry and where it was loaded from.
struct EntrySource {
  const GazetteerEntry* entry = nullptr;
  std::string file_id;  // "government"
  std::string file;     // "gazetteers/government.json" for shipped files, else the path given
};

// The gazetteer entries behind "gazetteer:<file id>#<entry id>" rules. The Extractor keeps its
// gazetteer private, so the same files (same order, same exclusions) are loaded again here,
// lazily and one file at a time: usually only the few files an article's hits come from.
class GazetteerIndex {
 public:
  GazetteerIndex(const std::string& data_dir, const DataOptions& options) {
    const std::filesystem::path root = std::filesystem::path(data_dir) / "gazetteers";
    std::vector<std::string> shipped;
    if (std::filesystem::is_directory(root)) {
      for (const auto& entry : std::filesystem::directory_iterator(root)) {
        const std::string stem = entry.path().stem().string();
        if (entry.path().extension() != ".json") continue;
        if (std::find(options.disabled.begin(), options.disabled.end(), stem) !=
            options.disabled.end()) {
          continue;
        }
        shipped.push_back(entry.path().string());
      }
    }
    std::sort(shipped.begin(), shipped.end());
    for (const std::string& path : shipped) {
      files_.push_back({path, "gazetteers/" + std::filesystem::path(path).filename().string(), {}});
    }
    for (const std::string& path : options.gazetteers) files_.push_back({path, path, {}});
  }

  // The entry with this full id, or nullopt when no file has it.
  std::optional<EntrySource> find(const std::string& full_id) {
    const std::string file_id = full_id.substr(0, full_id.find('#'));
    // Shipped files are named after their id: try those first, then load the rest in order.
    for (const bool by_name : {true, false}) {
      for (File& f : files_) {
        if (by_name && std::filesystem::path(f.path).stem().string() != file_id) continue;
        if (!f.gazetteer) {
          f.gazetteer = std::make_unique<Gazetteer>();
          f.gazetteer->load_file(f.path);
        }
        if (f.gazetteer->file_ids().front() != file_id) continue;
        if (const GazetteerEntry* e = f.gazetteer->find_id(full_id))
          return EntrySource{e, file_id, f.shown};
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

 private:
  struct File {
    std::string path;
    std::string shown;
    std::unique_ptr<Gazetteer> gazetteer;  // loaded on first use
  };
  std::vector<File> files_;
};

// ---- the explanation as JSON ---------------------------------------------------------------

// Which items to show: --type (mentions of one entity type) and --rule (items whose rule id
// starts with a prefix). Times have no rule and events and relations no entity type, so an
// active filter leaves out what it cannot judge.
struct Filter {
  std::string type;
  std::string rule_prefix;

  bool active() const { return !type.empty() || !rule_prefix.empty(); }
  bool keeps_mention(const std::string& entity_type, const std::string& rule) const {
    return (type.empty() || entity_type == type) && starts_with(rule, rule_prefix);
  }
  bool keeps_ruled_item(const std::string& rule) const {
    return type.empty() && starts_with(rule, rule_prefix);
  }
  bool keeps_times() const { return !active(); }
};

// Builds the per-article explanation; holds the rule table and the gazetteer index.
class Explainer {
 public:
  Explainer(RuleTable rules, GazetteerIndex gazetteers, Filter filter)
      : rules_(std::move(rules)), gazetteers_(std::move(gazetteers)), filter_(std::move(filter)) {}

  // {"article": {"id", "title", "source", "publisher", "author", "published_at", "text"},
  //  "metadata": {"mentions", "relations"} (found in the publisher and author fields),
  //  "sentences": [{"index", "start", "end", "text", "mentions", "times", "events", "relations"}]}.
  // A mention is {"start", "end", "surface", "entity", "type", "rule", "description"}, plus
  // "field" in metadata and, for gazetteer hits, "gazetteer": {"id", "gazetteer", "file", "name",
  // "type", "aliases", "matched", optional "parent", "valid_from", "valid_to"} (null when no
  // loaded file has the entry). "description" is null for a rule id the table lacks.
  // Sentences are all listed, in order; with an active filter only those with something
  // left to show.
  json explain(const Extraction& x) {
    const utf8::CodePointIndex index(x.article.text);
    json sentences = json::array();
    for (std::size_t i = 0; i < x.sentences.size(); ++i) {
      const Sentence& s = x.sentences[i];
      const std::size_t b = index.to_byte(s.start);
      json sentence = {{"index", i},
                       {"start", s.start},
                       {"end", s.end},
                       {"text", x.article.text.substr(b, index.to_byte(s.end) - b)},
                       {"mentions", mentions(x, static_cast<int>(i), false)},
                       {"times", times(x, static_cast<int>(i))},
                       {"events", events(x, static_cast<int>(i))},
                       {"relations", relations(x, static_cast<int>(i))}};
      if (filter_.active() && empty_sentence(sentence)) continue;
      sentences.push_back(std::move(sentence));
    }
    json metadata = {{"mentions", mentions(x, -1, true)}, {"relations", relations(x, -1)}};
    return {{"article", article(x.article)},
            {"metadata", std::move(metadata)},
            {"sentences", std::move(sentences)}};
  }

 private:
  static bool empty_sentence(const json& s) {
    return s["mentions"].empty() && s["times"].empty() && s["events"].empty() &&
           s["relations"].empty();
  }

  static json article(const Article& a) {
    return {{"id", a.id},
            {"title", a.title},
            {"source", a.source},
            {"publisher", a.publisher},
            {"author", a.author},
            {"published_at", a.published_at ? json(a.published_at->iso()) : json(nullptr)},
            {"text", a.text}};
  }

  json describe(const std::string& rule) const {
    const std::string d = rules_.describe(rule);
    return d.empty() ? json(nullptr) : json(d);
  }

  // The mentions of one sentence (or, with `metadata`, of the metadata fields), by offset.
  json mentions(const Extraction& x, int sentence, bool metadata) {
    std::vector<std::pair<const Mention*, const Entity*>> found;
    for (const Entity& e : x.entities) {
      for (const Mention& m : e.mentions) {
        if (metadata ? m.field.empty() : (!m.field.empty() || m.sentence != sentence)) continue;
        if (!filter_.keeps_mention(std::string(to_string(e.type)), m.rule)) continue;
        found.emplace_back(&m, &e);
      }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      if (a.first->field != b.first->field) return a.first->field < b.first->field;
      return a.first->start != b.first->start ? a.first->start < b.first->start
                                              : a.first->end < b.first->end;
    });
    json out = json::array();
    for (const auto& [m, e] : found) out.push_back(mention(*m, *e));
    return out;
  }

  json mention(const Mention& m, const Entity& e) {
    json j = {{"start", m.start},
              {"end", m.end},
              {"surface", m.text},
              {"entity", e.name},
              {"type", to_string(e.type)},
              {"rule", m.rule},
              {"description", describe(m.rule)}};
    if (!m.field.empty()) j["field"] = m.field;
    static const std::string kGazetteer = "gazetteer:";
    if (starts_with(m.rule, kGazetteer))
      j["gazetteer"] = entry(m.rule.substr(kGazetteer.size()), m.text);
    return j;
  }

  // How the text named the entry: "name", "alias", or "other" when the surface belongs to
  // another entry the gazetteer resolved to this one by the article's date (a former name
  // following its successor: "미래창조과학부" in 2018 -> 과학기술정보통신부).
  static const char* matched_as(const GazetteerEntry& e, const std::string& surface) {
    if (surface == e.name) return "name";
    if (std::find(e.aliases.begin(), e.aliases.end(), surface) != e.aliases.end()) return "alias";
    return "other";
  }

  // The gazetteer entry a "gazetteer:<id>" rule names; null when no loaded file has it.
  json entry(const std::string& full_id, const std::string& surface) {
    const std::optional<EntrySource> src = gazetteers_.find(full_id);
    if (!src) return nullptr;
    const GazetteerEntry& e = *src->entry;
    json j = {{"id", e.id},
              {"gazetteer", src->file_id},
              {"file", src->file},
              {"name", e.name},
              {"type", to_string(e.type)},
              {"aliases", e.aliases},
              {"matched", matched_as(e, surface)}};
    if (!e.parent.empty()) j["parent"] = e.parent;
    if (e.valid_from) j["valid_from"] = e.valid_from->iso();
    if (e.valid_to) j["valid_to"] = e.valid_to->iso();
    return j;
  }

  json times(const Extraction& x, int sentence) const {
    json out = json::array();
    if (!filter_.keeps_times()) return out;
    for (const TimeExpression& t : x.times) {
      if (t.sentence != sentence) continue;
      json j = {{"start", t.start},          {"end", t.end},
                {"surface", t.text},         {"value", t.value},
                {"type", to_string(t.type)}, {"precision", t.precision}};
      if (!t.mod.empty()) j["mod"] = t.mod;
      if (!t.value_end.empty()) j["value_end"] = t.value_end;
      out.push_back(std::move(j));
    }
    return out;
  }

  json events(const Extraction& x, int sentence) const {
    json out = json::array();
    for (const EventMention& e : x.events) {
      if (e.sentence != sentence || !filter_.keeps_ruled_item(e.rule)) continue;
      json j = {{"label", e.label},
                {"trigger", e.trigger},
                {"trigger_class", e.trigger_class},
                {"date", e.date},
                {"precision", e.precision},
                {"status", to_string(e.status)},
                {"participants", e.participants},
                {"rule", e.rule},
                {"description", describe(e.rule)}};
      if (!e.mod.empty()) j["mod"] = e.mod;
      if (!e.time.empty()) j["time"] = e.time;
      if (!e.place.empty()) j["place"] = e.place;
      out.push_back(std::move(j));
    }
    return out;
  }

  json relations(const Extraction& x, int sentence) const {
    json out = json::array();
    for (const Relation& r : x.relations) {
      if (r.sentence != sentence || !filter_.keeps_ruled_item(r.rule)) continue;
      out.push_back({{"subject", r.subject},
                     {"role", r.role},
                     {"object", r.object},
                     {"rule", r.rule},
                     {"description", describe(r.rule)}});
    }
    return out;
  }

  RuleTable rules_;
  GazetteerIndex gazetteers_;
  Filter filter_;
};

// ---- the explanation as text ---------------------------------------------------------------

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

std::string span(const json& j) {
  return "[" + std::to_string(j["start"].get<std::size_t>()) + "," +
         std::to_string(j["end"].get<std::size_t>()) + ")";
}

// Newlines inside a sentence (a title line) would break the indented layout.
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// "      rule  person.name_title — description"; the id alone when the table lacks it.
void print_rule(std::ostream& out, const json& item) {
  out << "      rule  " << str(item, "rule");
  if (item["description"].is_string()) out << " — " << str(item, "description");
  out << "\n";
}

void print_entry(std::ostream& out, const json& m) {
  const auto it = m.find("gazetteer");
  if (it == m.end()) return;
  const json& g = *it;
  if (g.is_null()) {
    out << "      entry (not found in the loaded gazetteers)\n";
    return;
  }
  out << "      entry " << str(g, "id") << " \"" << str(g, "name") << "\" (" << str(g, "type")
      << ") in " << str(g, "file");
  if (str(g, "matched") == "alias") out << "; matched alias \"" << str(m, "surface") << "\"";
  if (str(g, "matched") == "other") {
    out << "; \"" << str(m, "surface")
        << "\" is another entry's name, resolved to this one by the article date";
  }
  if (g.contains("valid_from") || g.contains("valid_to")) {
    out << "; valid " << str(g, "valid_from") << ".." << str(g, "valid_to");
  }
  out << "\n";
}

void print_mention(std::ostream& out, const json& m) {
  out << "  mention ";
  if (m.contains("field")) out << str(m, "field") << " ";
  out << span(m) << " " << str(m, "surface") << " → " << str(m, "entity") << " (" << str(m, "type")
      << ")\n";
  print_rule(out, m);
  print_entry(out, m);
}

void print_time(std::ostream& out, const json& t) {
  out << "  time    " << span(t) << " " << str(t, "surface") << " = " << str(t, "value");
  if (t.contains("value_end")) out << ".." << str(t, "value_end");
  out << " (" << str(t, "type") << ", " << str(t, "precision");
  if (t.contains("mod")) out << ", " << str(t, "mod");
  out << ")\n";
}

void print_event(std::ostream& out, const json& e) {
  out << "  event   " << str(e, "label") << " — "
      << (str(e, "date").empty() ? "undated" : str(e, "date"));
  if (e.contains("time")) out << " " << str(e, "time");
  out << ", " << str(e, "status") << ", trigger " << str(e, "trigger") << " ("
      << str(e, "trigger_class") << ")\n";
  print_rule(out, e);
}

void print_relation(std::ostream& out, const json& r) {
  out << "  relation " << str(r, "subject") << " —" << str(r, "role") << "→ " << str(r, "object")
      << "\n";
  print_rule(out, r);
}

void print_text(std::ostream& out, const json& x) {
  const json& a = x["article"];
  out << "== " << str(a, "id") << "  " << str(a, "source") << "\n";
  out << "title:     " << str(a, "title") << "\n";
  out << "published: " << (a["published_at"].is_string() ? str(a, "published_at") : "(no date)")
      << "\n";
  if (!str(a, "publisher").empty()) out << "publisher: " << str(a, "publisher") << "\n";
  if (!str(a, "author").empty()) out << "author:    " << one_line(str(a, "author")) << "\n";
  const json& meta = x["metadata"];
  if (!meta["mentions"].empty() || !meta["relations"].empty()) {
    out << "\nmetadata\n";
    for (const json& m : meta["mentions"]) print_mention(out, m);
    for (const json& r : meta["relations"]) print_relation(out, r);
  }
  for (const json& s : x["sentences"]) {
    out << "\nsentence " << s["index"].get<std::size_t>() << " " << span(s) << ": "
        << one_line(str(s, "text")) << "\n";
    for (const json& m : s["mentions"]) print_mention(out, m);
    for (const json& t : s["times"]) print_time(out, t);
    for (const json& e : s["events"]) print_event(out, e);
    for (const json& r : s["relations"]) print_relation(out, r);
  }
  out << "\n";
}

struct ExplainState {
  std::vector<std::string> paths;
  std::string date;
  std::string format;
  std::string type;
  std::string rule;
  DataOptions data;
};

int run_explain(const ExplainState& st) {
  if (!st.type.empty() && !entity_type_from_string(st.type)) {
    throw UsageError("--type: unknown entity type '" + st.type +
                     "' (person, government, company, organization, media, place, product)");
  }
  ReadOptions options;
  options.default_date = parse_date_option(st.date);
  const Extractor extractor = make_extractor(st.data);
  const std::string dir = st.data.data_dir.empty() ? data_dir() : st.data.data_dir;
  Explainer explainer(RuleTable::load(dir + "/rules/explain.json"), GazetteerIndex(dir, st.data),
                      Filter{st.type, st.rule});
  std::vector<ReadError> errors;
  const std::vector<std::string> inputs = expand_inputs(st.paths, errors);
  for (const ReadError& e : errors)
    std::cerr << "sillok explain: " << e.source << ": " << e.message << "\n";
  bool failed = !errors.empty();
  read_inputs(
      inputs, options,
      [&](Article&& article) {
        for (const std::string& w : article.warnings) {
          std::cerr << "sillok explain: " << article.source << ": warning: " << w << "\n";
        }
        const json x = explainer.explain(extractor.extract(article));
        if (st.format == "json") {
          std::cout << x.dump() << "\n";
        } else {
          print_text(std::cout, x);
        }
      },
      [&](ReadError&& e) {
        failed = true;
        std::cerr << "sillok explain: " << e.source << ": " << e.message << "\n";
      });
  std::cout.flush();
  return failed ? kExitFailed : kExitOk;
}

}  // namespace

Command register_explain(CLI::App& app) {
  auto st = std::make_shared<ExplainState>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show, per sentence, each mention with the rule or gazetteer entry that found it");
  cmd->add_option("paths", st->paths, "Files, directories (recursive) or - for standard input")
      ->required();
  cmd->add_option("--date", st->date,
                  "Anchor for relative dates of articles without published_at (ISO 8601)");
  add_format_option(*cmd, st->format, {"text", "json"});
  cmd->add_option("--type", st->type,
                  "Only mentions of this entity type: person, government, company, organization, "
                  "media, place or product (times, events and relations are left out)");
  cmd->add_option("--rule", st->rule,
                  "Only mentions, events and relations whose rule id starts with this prefix "
                  "(e.g. person. or gazetteer:government)");
  add_data_options(*cmd, st->data);
  return {cmd, [st]() { return run_explain(*st); }};
}

}  // namespace sillok::cli
