// The rule tables entity recognition reads (data/rules/*.json and data/lexicon/*.json),
// loaded once into lookup structures. Every table is data: changing what counts as a
// particle, a title or an organization suffix never needs a recompile. Formats: data/README.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/data_file.h"
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
  bool is_modifier(std::string_view word) const { return modifiers_.contains(word); }
  bool is_title_before_name(std::string_view word) const { return before_name_.contains(word); }
  // The head title of an organization name by its ending ("…연구원" -> "원장"), or "".
  std::string org_head_title(std::string_view org_name) const;

  // The suffix rule a word matches (longest suffix), with the suffix's byte length.
  const OrgSuffixRule* org_suffix(std::string_view word, std::size_t* suffix_len) const;
  bool has_government_prefix(std::string_view word) const;
  bool is_government_prefix_suffix(std::string_view suffix) const {
    return gov_prefix_suffixes_.contains(suffix);
  }
  const std::vector<std::string>& company_prefixes() const { return company_prefixes_; }
  const std::vector<std::string>& company_suffixes() const { return company_suffixes_; }

  bool is_stopword(std::string_view word) const { return stopwords_.contains(word); }
  bool is_common_word(std::string_view word) const { return common_words_.contains(word); }
  // Surnames by length: "김" (1 syllable) and "남궁" (2).
  bool is_surname(std::string_view s) const { return surnames_.contains(s); }

  bool is_place_extension(std::string_view w) const { return place_extensions_.contains(w); }
  bool is_product_cue(std::string_view w) const { return product_cues_.contains(w); }
  // True when `w` starts with a product verb stem ("공개하며", "기반으로").
  bool starts_with_product_verb(std::string_view w) const;
  std::size_t max_quoted_product_chars() const { return max_quoted_product_chars_; }
  bool is_place_particle(std::string_view w) const { return place_particles_.contains(w); }

 private:
  // Which code points start (or end) some form of a table: one bit per BMP code point, so
  // most words are rejected by one load before any hashing. Code points above the BMP are
  // never filtered out.
  class CodePointFilter {
   public:
    void add(char32_t c);
    // An empty form matches everywhere, so its table cannot be filtered.
    void add_everything() { everything_ = true; }
    bool may_contain(char32_t c) const {
      return everything_ || c >= kLimit || (bits_[c >> 6] >> (c & 63) & 1u) != 0;
    }

   private:
    bool everything_ = false;
    static constexpr char32_t kLimit = 0x10000;
    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kLimit / 64, 0);
  };
  static CodePointFilter first_code_points(const StringIndex& forms);
  static CodePointFilter last_code_points(const StringIndex& forms);
  void build_filters();

  bool particle_chain_from(std::string_view rest, int depth) const;
  // The id in `forms` of the longest key that is a suffix of `word` and at most
  // `max_bytes` long (the whole word included), or StringIndex::npos. `last` holds the last
  // code points of the forms.
  static std::uint32_t longest_suffix(const StringIndex& forms, const CodePointFilter& last,
                                      std::string_view word, std::size_t max_bytes);
  // True when some key of `forms` is a prefix of `word`; `first` holds their first code points.
  static bool has_prefix(const StringIndex& forms, const CodePointFilter& first,
                         std::string_view word);

  // Every table is a StringIndex: lookups take string_view and never allocate. Suffix and
  // prefix rules probe the word's code-point boundaries instead of scanning the rule list.
  StringIndex particles_;  // particles and noun suffixes
  CodePointFilter particle_first_, prefixable_title_last_, org_head_last_, org_suffix_last_,
      gov_prefix_first_, product_verb_first_;
  int max_chain_ = 3;
  StringIndex titles_;                  // every title form; id indexes title_info_
  std::vector<TitleInfo> title_info_;   // the first group that lists a form defines it
  StringIndex prefixable_titles_;       // forms whose defining group is prefixable
  std::vector<std::uint32_t> prefixable_title_;  // prefixable id -> title id
  StringIndex modifiers_;
  StringIndex before_name_;
  StringIndex org_head_suffixes_;            // id indexes org_head_titles_
  std::vector<std::string> org_head_titles_;  // the first rule for a suffix wins
  StringIndex org_suffix_forms_;             // id indexes org_suffix_rules_
  std::vector<OrgSuffixRule> org_suffix_rules_;  // the first rule for a suffix wins
  StringIndex gov_prefixes_;
  StringIndex gov_prefix_suffixes_;
  std::vector<std::string> company_prefixes_;
  std::vector<std::string> company_suffixes_;
  StringIndex stopwords_;
  StringIndex common_words_;
  StringIndex surnames_;
  StringIndex place_extensions_;
  StringIndex product_cues_;
  StringIndex product_verbs_;
  StringIndex place_particles_;
  std::size_t max_quoted_product_chars_ = 24;
};

}  // namespace sillok
