#include "extract/place_rules.h"

#include <algorithm>

#include "extract/data_file.h"
#include "extract/normalize.h"
#include "extract/strings.h"

namespace sillok {

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
  return r;
}

std::size_t PlaceRules::subunit_suffix(std::string_view word) const {
  for (const std::string& s : subunit_suffixes_) {
    if (word.size() > s.size() && ends_with(word, s)) return s.size();
  }
  return 0;
}

bool PlaceRules::is_local_organization(std::string_view name) const {
  return std::any_of(local_org_suffixes_.begin(), local_org_suffixes_.end(),
                     [&](const std::string& s) { return ends_with(name, s); });
}

std::string_view PlaceRules::nationality_prefix(std::string_view rest) const {
  for (const std::string& s : nationality_suffixes_) {
    if (starts_with(rest, s)) return rest.substr(0, s.size());
  }
  return {};
}

}  // namespace sillok
