#include "extract/person_rules.h"

#include "extract/data_file.h"
#include "extract/normalize.h"
#include "extract/strings.h"

namespace sillok {
namespace {

std::unordered_set<std::string> string_set(const DataObject& obj, const char* key) {
  std::unordered_set<std::string> out;
  for (const std::string& s : obj.strings(key)) out.insert(normalize_text(s));
  return out;
}

}  // namespace

PersonRules PersonRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/rules/person.json";
  const nlohmann::json doc = load_json_file(path);
  expect_format(doc, path, "sillok-rules/person", 1);
  const DataObject root(doc, path, "");
  PersonRules r;
  r.given_ = string_set(root, "given_name_syllables");
  r.not_final_ = string_set(root, "not_name_final_syllables");
  r.person_noun_final_ = string_set(root, "person_noun_final_syllables");
  r.verb_stem_final_ = string_set(root, "verb_stem_final_syllables");
  r.verb_endings_ = string_set(root, "verb_endings");
  r.bare_particles_ = string_set(root, "bare_name_particles");
  r.followers_ = string_set(root, "bare_name_followers");
  r.list_closers_ = string_set(root, "list_closing_words");
  r.honorifics_ = string_set(root, "honorifics");
  r.anonymous_ = string_set(root, "anonymous_markers");
  r.foreign_titles_ = string_set(root, "foreign_name_titles");
  r.foreign_bad_final_ = string_set(root, "foreign_name_bad_final_syllables");
  r.org_bad_final_ = string_set(root, "org_bad_final_syllables");
  r.adnominal_final_ = string_set(root, "adnominal_final_syllables");
  const int min_syllables = root.integer("foreign_name_min_syllables", 2);
  const int max_tokens = root.integer("foreign_name_max_tokens", 2);
  if (min_syllables < 1) root.fail("foreign_name_min_syllables", "must be at least 1");
  if (max_tokens < 1 || max_tokens > 4) root.fail("foreign_name_max_tokens", "must be 1 to 4");
  r.foreign_min_syllables_ = static_cast<std::size_t>(min_syllables);
  r.foreign_max_tokens_ = static_cast<std::size_t>(max_tokens);
  for (const std::string& s : r.given_) {
    if (s.size() != 3) root.fail("given_name_syllables", "'" + s + "' is not one Hangul syllable");
  }
  return r;
}

bool PersonRules::is_foreign_name_title(std::string_view role) const {
  for (const std::string& t : foreign_titles_) {
    if (ends_with(role, t)) return true;
  }
  return false;
}

}  // namespace sillok
