#include "extract/person_rules.h"

#include "extract/data_file.h"
#include "extract/strings.h"

namespace sillok {

PersonRules PersonRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/rules/person.json";
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/person");
  PersonRules r;
  r.given_ = normalized_strings(root, "given_name_syllables");
  r.not_final_ = normalized_strings(root, "not_name_final_syllables");
  r.person_noun_final_ = normalized_strings(root, "person_noun_final_syllables");
  r.verb_stem_final_ = normalized_strings(root, "verb_stem_final_syllables");
  r.verb_endings_ = normalized_strings(root, "verb_endings");
  r.bare_particles_ = normalized_strings(root, "bare_name_particles");
  r.followers_ = normalized_strings(root, "bare_name_followers");
  r.list_closers_ = normalized_strings(root, "list_closing_words");
  r.honorifics_ = normalized_strings(root, "honorifics");
  r.anonymous_ = normalized_strings(root, "anonymous_markers");
  r.foreign_titles_ = normalized_strings(root, "foreign_name_titles");
  r.foreign_bad_final_ = normalized_strings(root, "foreign_name_bad_final_syllables");
  r.org_bad_final_ = normalized_strings(root, "org_bad_final_syllables");
  r.adnominal_final_ = normalized_strings(root, "adnominal_final_syllables");
  r.not_title_surnames_ = normalized_strings(root, "surname_title_excluded");
  r.verb_final_ = normalized_strings(root, "verb_final_syllables");
  r.letter_honorifics_ = normalized_strings(root, "letter_honorifics");
  const int min_syllables = root.integer("foreign_name_min_syllables", 2);
  const int max_tokens = root.integer("foreign_name_max_tokens", 2);
  if (min_syllables < 1) root.fail("foreign_name_min_syllables", "must be at least 1");
  if (max_tokens < 1 || max_tokens > 4) root.fail("foreign_name_max_tokens", "must be 1 to 4");
  r.foreign_min_syllables_ = static_cast<std::size_t>(min_syllables);
  r.foreign_max_tokens_ = static_cast<std::size_t>(max_tokens);
  for (std::uint32_t id = 0; id < r.given_.size(); ++id) {
    const std::string& s = r.given_.key(id);
    if (s.size() != 3) root.fail("given_name_syllables", "'" + s + "' is not one Hangul syllable");
  }
  return r;
}

bool PersonRules::is_foreign_name_title(std::string_view role) const {
  for (std::uint32_t id = 0; id < foreign_titles_.size(); ++id) {
    if (ends_with(role, foreign_titles_.key(id))) return true;
  }
  return false;
}

}  // namespace sillok
