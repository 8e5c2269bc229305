// The rule tables entity recognition reads (data/rules/*.json and data/lexicon/*.json),
// loaded once into lookup structures. Every table is data: changing what counts as a
// particle, a title or an organization suffix never needs a recompile. Formats: data/README.md.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/types.h"

namespace sillok {

// A title or role that marks a person name ("부총리", "CEO", "기자").
struct TitleInfo {
  std::string group;        // rule id of its group ("title.government")
  bool prefixable = false;  // may end a longer word ("AI미래기획수석")
  bool press = false;       // a reporter's title: the byline relation goes to the media outlet
};

// An organization suffix rule ("…위원회" -> organization).
struct OrgSuffixRule {
  std::string id;
  EntityType type = EntityType::organization;
  std::size_t min_stem = 2;  // code points before the suffix
  bool require_known_stem = false;
};

class RuleSet {
 public:
  // Loads every table from `data_dir` (rules/particles.json, rules/titles.json,
  // rules/org_suffixes.json, rules/stopwords.json, rules/context.json, rules/surnames.json,
  // and lexicon/common-words.json when present). Throws DataError.
  static RuleSet load(const std::string& data_dir);

  // True when `rest` is empty or splits into at most max_chain particles / noun suffixes
  // ("를", "에서도", "들의"). Exposed for tests.
  bool is_particle_chain(std::string_view rest) const;

  // The title a word is, if any: exact form first, then (for prefixable forms) the longest
  // form the word ends with. `prefix_len` receives the bytes before the form.
  const TitleInfo* title(std::string_view word, std::size_t* prefix_len = nullptr) const;
  bool is_modifier(std::string_view word) const { return modifiers_.count(std::string(word)) != 0; }
  bool is_title_before_name(std::string_view word) const {
    return before_name_.count(std::string(word)) != 0;
  }
  // The head title of an organization name by its ending ("…연구원" -> "원장"), or "".
  std::string org_head_title(std::string_view org_name) const;

  // The suffix rule a word matches (longest suffix), with the suffix's byte length.
  const OrgSuffixRule* org_suffix(std::string_view word, std::size_t* suffix_len) const;
  bool has_government_prefix(std::string_view word) const;
  bool is_government_prefix_suffix(std::string_view suffix) const {
    return gov_prefix_suffixes_.count(std::string(suffix)) != 0;
  }
  const std::vector<std::string>& company_prefixes() const { return company_prefixes_; }
  const std::vector<std::string>& company_suffixes() const { return company_suffixes_; }

  bool is_stopword(std::string_view word) const { return stopwords_.count(std::string(word)) != 0; }
  bool is_common_word(std::string_view word) const {
    return common_words_.count(std::string(word)) != 0;
  }
  // Surnames by length: "김" (1 syllable) and "남궁" (2).
  bool is_surname(std::string_view s) const { return surnames_.count(std::string(s)) != 0; }

  bool is_place_extension(std::string_view w) const {
    return place_extensions_.count(std::string(w)) != 0;
  }
  bool is_product_cue(std::string_view w) const { return product_cues_.count(std::string(w)) != 0; }
  // True when `w` starts with a product verb stem ("공개하며", "기반으로").
  bool starts_with_product_verb(std::string_view w) const;
  std::size_t max_quoted_product_chars() const { return max_quoted_product_chars_; }
  bool is_place_particle(std::string_view w) const {
    return place_particles_.count(std::string(w)) != 0;
  }

 private:
  std::vector<std::string> particles_;  // sorted, unique: looked up by string_view, no copies
  std::size_t max_particle_bytes_ = 0;
  int max_chain_ = 3;
  std::unordered_map<std::string, TitleInfo> titles_;
  std::vector<std::string> prefixable_titles_;  // longest first
  std::unordered_set<std::string> modifiers_;
  std::unordered_set<std::string> before_name_;
  std::vector<std::pair<std::string, std::string>> org_heads_;  // suffix, title; longest first
  std::vector<std::pair<std::string, OrgSuffixRule>> org_suffixes_;  // longest suffix first
  std::vector<std::string> gov_prefixes_;
  std::unordered_set<std::string> gov_prefix_suffixes_;
  std::vector<std::string> company_prefixes_;
  std::vector<std::string> company_suffixes_;
  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> common_words_;
  std::unordered_set<std::string> surnames_;
  std::unordered_set<std::string> place_extensions_;
  std::unordered_set<std::string> product_cues_;
  std::vector<std::string> product_verbs_;
  std::unordered_set<std::string> place_particles_;
  std::size_t max_quoted_product_chars_ = 24;
};

}  // namespace sillok
