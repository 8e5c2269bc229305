#include "extract/rules.h"

#include <algorithm>
#include <filesystem>

#include "extract/data_file.h"
#include "extract/utf8.h"

namespace sillok {
namespace {

// A table of forms as written in the data file.
StringIndex raw_set(const std::vector<std::string>& forms) {
  StringIndex out;
  for (const std::string& s : forms) out.insert(s);
  return out;
}

// True when byte `i` of valid UTF-8 `s` starts a code point (or is its end).
bool at_boundary(std::string_view s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

RuleSet RuleSet::load(const std::string& data_dir) {
  RuleSet r;
  {
    const std::string path = data_dir + "/rules/particles.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/particles");
    r.max_chain_ = root.integer("max_chain", 3);
    for (const char* key : {"particles", "noun_suffixes"}) {
      for (const DataObject& group : root.objects(key, false)) {
        for (const std::string& form : group.strings("forms")) r.particles_.insert(form);
      }
    }
  }
  {
    const std::string path = data_dir + "/rules/titles.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/titles");
    for (const DataObject& group : root.objects("groups")) {
      TitleInfo info;
      info.group = group.string("id");
      info.prefixable = group.boolean("prefixable", false);
      info.press = group.boolean("press", false);
      for (const std::string& form : group.strings("forms")) {
        // The first group that lists a form defines it; later duplicates are ignored.
        const std::uint32_t id = r.titles_.insert(form);
        if (id < r.title_info_.size()) continue;
        r.title_info_.push_back(info);
        if (info.prefixable && r.prefixable_titles_.insert(form) == r.prefixable_title_.size()) {
          r.prefixable_title_.push_back(id);
        }
      }
    }
    r.modifiers_ = normalized_strings(root, "modifiers");
    if (root.has("before_name")) {
      const DataObject before(doc.at("before_name"), path, "/before_name");
      r.before_name_ = normalized_strings(before, "forms");
    }
    for (const DataObject& head : root.objects("org_head_titles", false)) {
      const std::uint32_t id = r.org_head_suffixes_.insert(head.string("org_suffix"));
      if (id == r.org_head_titles_.size()) r.org_head_titles_.push_back(head.string("title"));
    }
  }
  {
    const std::string path = data_dir + "/rules/org_suffixes.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/org-suffixes");
    for (const DataObject& rule : root.objects("rules")) {
      OrgSuffixRule o;
      o.id = rule.string("id");
      const std::string type = rule.string("type");
      const auto t = entity_type_from_string(type);
      if (!t) rule.fail("type", "unknown entity type '" + type + "'");
      o.type = *t;
      o.min_stem = static_cast<std::size_t>(rule.integer("min_stem", 2));
      o.require_known_stem = rule.boolean("require_known_stem", false);
      for (const std::string& suffix : rule.strings("suffixes")) {
        if (r.org_suffix_forms_.insert(suffix) == r.org_suffix_rules_.size()) {
          r.org_suffix_rules_.push_back(o);
        }
      }
    }
    r.gov_prefixes_ = raw_set(root.strings("government_prefixes"));
    r.gov_prefix_suffixes_ = normalized_strings(root, "government_prefix_suffixes");
    if (root.has("company_markers")) {
      const DataObject markers(doc.at("company_markers"), path, "/company_markers");
      r.company_prefixes_ = markers.strings("prefixes");
      r.company_suffixes_ = markers.strings("suffixes");
    }
  }
  {
    const std::string path = data_dir + "/rules/stopwords.json";
    const nlohmann::json doc = load_json_file(path);
    r.stopwords_ = normalized_strings(open_table(doc, path, "sillok-rules/stopwords"), "words");
  }
  {
    const std::string path = data_dir + "/rules/context.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/context");
    r.place_extensions_ = normalized_strings(root, "place_extensions");
    r.product_cues_ = normalized_strings(root, "product_cues");
    r.product_verbs_ = raw_set(root.strings("product_verbs"));
    r.place_particles_ = normalized_strings(root, "place_particles");
    r.max_quoted_product_chars_ =
        static_cast<std::size_t>(root.integer("max_quoted_product_chars", 24));
  }
  {
    const std::string path = data_dir + "/rules/surnames.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/surnames");
    for (const DataObject& s : root.objects("surnames")) r.surnames_.insert(s.string("surname"));
  }
  const std::string lexicon = data_dir + "/lexicon/common-words.json";
  if (std::filesystem::exists(lexicon)) {
    const nlohmann::json doc = load_json_file(lexicon);
    r.common_words_ = normalized_strings(open_table(doc, lexicon, "sillok-lexicon"), "words");
  }
  r.build_filters();
  return r;
}

void RuleSet::CodePointFilter::add(char32_t c) {
  if (c < kLimit) bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
}

RuleSet::CodePointFilter RuleSet::first_code_points(const StringIndex& forms) {
  CodePointFilter f;
  for (std::uint32_t id = 0; id < forms.size(); ++id) {
    std::size_t pos = 0;
    if (forms.key(id).empty()) {
      f.add_everything();
    } else {
      f.add(utf8::decode(forms.key(id), pos));
    }
  }
  return f;
}

RuleSet::CodePointFilter RuleSet::last_code_points(const StringIndex& forms) {
  CodePointFilter f;
  for (std::uint32_t id = 0; id < forms.size(); ++id) {
    std::size_t pos = forms.key(id).size();
    if (pos == 0) {
      f.add_everything();
    } else {
      f.add(utf8::decode_before(forms.key(id), pos));
    }
  }
  return f;
}

void RuleSet::build_filters() {
  particle_first_ = first_code_points(particles_);
  prefixable_title_last_ = last_code_points(prefixable_titles_);
  org_head_last_ = last_code_points(org_head_suffixes_);
  org_suffix_last_ = last_code_points(org_suffix_forms_);
  gov_prefix_first_ = first_code_points(gov_prefixes_);
  product_verb_first_ = first_code_points(product_verbs_);
}

std::uint32_t RuleSet::longest_suffix(const StringIndex& forms, const CodePointFilter& last,
                                      std::string_view word, std::size_t max_bytes) {
  if (!word.empty()) {
    std::size_t end = word.size();
    if (!last.may_contain(utf8::decode_before(word, end))) return StringIndex::npos;
  }
  // A key is valid UTF-8, so only suffixes starting on a code-point boundary can match.
  for (std::size_t n = std::min(max_bytes, std::min(word.size(), forms.max_key_bytes()));;
       --n) {
    const std::size_t from = word.size() - n;
    if (at_boundary(word, from)) {
      if (const std::uint32_t id = forms.find(word.substr(from)); id != StringIndex::npos) {
        return id;
      }
    }
    if (n == 0) return StringIndex::npos;
  }
}

bool RuleSet::has_prefix(const StringIndex& forms, const CodePointFilter& first,
                         std::string_view word) {
  if (!word.empty()) {
    std::size_t pos = 0;
    if (!first.may_contain(utf8::decode(word, pos))) return false;
  }
  const std::size_t limit = std::min(word.size(), forms.max_key_bytes());
  for (std::size_t n = 0; n <= limit; ++n) {
    if (at_boundary(word, n) && forms.contains(word.substr(0, n))) return true;
  }
  return false;
}

bool RuleSet::is_particle_chain(std::string_view rest) const {
  return particle_chain_from(rest, 0);
}

bool RuleSet::particle_chain_from(std::string_view rest, int depth) const {
  // Depth-first split into known forms, at most max_chain_ pieces. Forms are short (a few
  // syllables) and only code-point boundaries are tried, so this is a handful of probes.
  if (rest.empty()) return true;
  if (depth >= max_chain_) return false;
  std::size_t first_end = 0;
  if (!particle_first_.may_contain(utf8::decode(rest, first_end))) return false;
  const std::size_t limit = std::min(particles_.max_key_bytes(), rest.size());
  for (std::size_t n = 1; n <= limit; ++n) {
    if (at_boundary(rest, n) && particles_.contains(rest.substr(0, n)) &&
        particle_chain_from(rest.substr(n), depth + 1)) {
      return true;
    }
  }
  return false;
}

const TitleInfo* RuleSet::title(std::string_view word, std::size_t* prefix_len) const {
  if (const std::uint32_t id = titles_.find(word); id != StringIndex::npos) {
    if (prefix_len) *prefix_len = 0;
    return &title_info_[id];
  }
  // A longer word that ends like a title is one only when it is not an everyday word
  // ("행사장" ends with 사장 but is a venue).
  if (word.empty()) return nullptr;
  std::size_t last = word.size();
  if (!prefixable_title_last_.may_contain(utf8::decode_before(word, last))) return nullptr;
  if (common_words_.contains(word)) return nullptr;
  const std::uint32_t form =
      longest_suffix(prefixable_titles_, prefixable_title_last_, word, word.size() - 1);
  if (form == StringIndex::npos) return nullptr;
  if (prefix_len) *prefix_len = word.size() - prefixable_titles_.key(form).size();
  return &title_info_[prefixable_title_[form]];
}

std::string RuleSet::org_head_title(std::string_view org_name) const {
  const std::uint32_t id =
      longest_suffix(org_head_suffixes_, org_head_last_, org_name, org_name.size());
  return id == StringIndex::npos ? std::string() : org_head_titles_[id];
}

const OrgSuffixRule* RuleSet::org_suffix(std::string_view word, std::size_t* suffix_len) const {
  if (word.empty()) return nullptr;
  const std::uint32_t id =
      longest_suffix(org_suffix_forms_, org_suffix_last_, word, word.size() - 1);
  if (id == StringIndex::npos) return nullptr;
  *suffix_len = org_suffix_forms_.key(id).size();
  return &org_suffix_rules_[id];
}

bool RuleSet::has_government_prefix(std::string_view word) const {
  return has_prefix(gov_prefixes_, gov_prefix_first_, word);
}

bool RuleSet::starts_with_product_verb(std::string_view w) const {
  return has_prefix(product_verbs_, product_verb_first_, w);
}

}  // namespace sillok
