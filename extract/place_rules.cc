#include "extract/place_rules.h"

#include <algorithm>

#include "extract/data_file.h"
#include "extract/normalize.h"
#include "extract/strings.h"
#include "extract/utf8.h"

namespace sillok {
namespace {

void read_state_agents(const nlohmann::json& doc, const DataObject& root, StateAgentRules& r) {
  if (!root.has("state_agents")) return;
  if (!doc.at("state_agents").is_object()) root.fail("state_agents", "expected an object");
  const DataObject a(doc.at("state_agents"), root.file(), root.path() + "/state_agents");
  r.subject_particles = normalized_strings(a, "subject_particles");
  r.possessive_particles = normalized_strings(a, "possessive_particles");
  for (const std::string& s : a.strings("predicates")) {
    if (s.empty()) a.fail("predicates", "an empty predicate stem");
    r.predicates.push_back(normalize_text(s));
  }
  const int window = a.integer("window", 6);
  const int possessive = a.integer("possessive_window", 2);
  if (window < 1 || possessive < 1) a.fail("window", "windows must be at least 1 word");
  r.window = static_cast<std::size_t>(window);
  r.possessive_window = static_cast<std::size_t>(possessive);
  r.side_suffixes = normalized_strings(a, "side_suffixes");
  r.abbreviation_joiners = normalized_strings(a, "abbreviation_joiners");
  for (const DataObject& ab : a.objects("abbreviations", false)) {
    const std::string syllable = normalize_text(ab.string("syllable"));
    if (syllable.size() != 3) ab.fail("syllable", "'" + syllable + "' is not one Hangul syllable");
    const std::uint32_t id = r.abbreviations.insert(syllable);
    if (id != r.abbreviation_places.size()) ab.fail("syllable", "'" + syllable + "' is listed twice");
    r.abbreviation_places.push_back(normalize_text(ab.string("place")));
  }
}

}  // namespace

bool StateAgentRules::has_predicate(std::string_view word) const {
  return std::any_of(predicates.begin(), predicates.end(), [&](const std::string& p) {
    return starts_with(word, p) || (p.size() >= 6 && word.find(p) != std::string_view::npos);
  });
}

PlaceRules PlaceRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/rules/places.json";
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/places");
  PlaceRules r;
  for (const std::string& s : root.strings("subunit_suffixes")) r.subunit_suffixes_.push_back(normalize_text(s));
  for (const std::string& s : root.strings("nationality_suffixes")) r.nationality_suffixes_.push_back(normalize_text(s));
  for (const std::string& s : root.strings("local_organization_suffixes")) {
    r.local_org_suffixes_.push_back(normalize_text(s));
  }
  std::sort(r.nationality_suffixes_.begin(), r.nationality_suffixes_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  const int max_syllables = root.integer("subunit_max_syllables", 5);
  if (max_syllables < 2) root.fail("subunit_max_syllables", "must be at least 2");
  r.subunit_max_syllables_ = static_cast<std::size_t>(max_syllables);
  for (const std::string& s : root.strings("time_zone_suffixes")) r.time_zone_suffixes_.push_back(normalize_text(s));
  for (const std::string& s : root.strings("foreign_unit_suffixes")) r.foreign_unit_suffixes_.push_back(normalize_text(s));
  for (const std::string& s : root.strings("venue_suffixes")) r.venue_suffixes_.push_back(normalize_text(s));
  for (const std::string& s : root.strings("team_nickname_endings")) r.team_nickname_endings_.push_back(normalize_text(s));
  r.team_words_ = normalized_strings(root, "team_words");
  r.area_words_ = normalized_strings(root, "area_words");
  r.region_prefix_words_ = normalized_strings(root, "region_prefix_words");
  read_state_agents(doc, root, r.agents_);
  for (const DataObject& body : root.objects("state_bodies", false)) {
    const std::string type_name = body.string("type");
    const std::optional<EntityType> type = entity_type_from_string(type_name);
    if (!type || *type == EntityType::person || *type == EntityType::place || *type == EntityType::product) {
      body.fail("type", "'" + type_name + "' is not an organization type");
    }
    const std::uint32_t id = r.state_bodies_.insert(normalize_text(body.string("word")));
    if (id != r.state_body_types_.size()) body.fail("word", "'" + body.string("word") + "' is listed twice");
    r.state_body_types_.push_back(*type);
  }
  return r;
}

std::size_t PlaceRules::subunit_suffix(std::string_view word) const {
  for (const std::string& s : subunit_suffixes_) {
    if (word.size() > s.size() && ends_with(word, s)) return s.size();
  }
  return 0;
}

std::size_t PlaceRules::time_zone_suffix(std::string_view rest) const {
  for (const std::string& s : time_zone_suffixes_) {
    if (!s.empty() && starts_with(rest, s)) return s.size();
  }
  return 0;
}

bool PlaceRules::is_local_organization(std::string_view name) const {
  return std::any_of(local_org_suffixes_.begin(), local_org_suffixes_.end(),
                     [&](const std::string& s) { return ends_with(name, s); });
}

bool PlaceRules::is_foreign_unit(std::string_view name) const {
  return std::any_of(foreign_unit_suffixes_.begin(), foreign_unit_suffixes_.end(), [&](const std::string& s) {
    return ends_with(name, s) && utf8::length(name.substr(0, name.size() - s.size())) >= 2;
  });
}

bool PlaceRules::is_venue(std::string_view name) const {
  return std::any_of(venue_suffixes_.begin(), venue_suffixes_.end(),
                     [&](const std::string& s) { return ends_with(name, s); });
}

bool PlaceRules::has_team_nickname_ending(std::string_view word) const {
  if (utf8::length(word) < 2) return false;
  return std::any_of(team_nickname_endings_.begin(), team_nickname_endings_.end(),
                     [&](const std::string& s) { return ends_with(word, s); });
}

std::string_view PlaceRules::nationality_prefix(std::string_view rest) const {
  for (const std::string& s : nationality_suffixes_) {
    if (starts_with(rest, s)) return rest.substr(0, s.size());
  }
  return {};
}

}  // namespace sillok
