#include "extract/rules.h"

#include <algorithm>
#include <filesystem>

#include "extract/strings.h"
#include "extract/data_file.h"
#include "extract/normalize.h"

namespace sillok {
namespace {



void sort_longest_first(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
}

std::unordered_set<std::string> string_set(const DataObject& obj, const char* key) {
  std::unordered_set<std::string> out;
  for (const std::string& s : obj.strings(key)) out.insert(normalize_text(s));
  return out;
}

DataObject open_table(const nlohmann::json& doc, const std::string& path, std::string_view format) {
  expect_format(doc, path, format, 1);
  return DataObject(doc, path, "");
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
        for (const std::string& form : group.strings("forms")) {
          r.particles_.push_back(form);
          r.max_particle_bytes_ = std::max(r.max_particle_bytes_, form.size());
        }
      }
    }
  }
  std::sort(r.particles_.begin(), r.particles_.end());
  r.particles_.erase(std::unique(r.particles_.begin(), r.particles_.end()), r.particles_.end());
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
        if (r.titles_.emplace(form, info).second && info.prefixable) {
          r.prefixable_titles_.push_back(form);
        }
      }
    }
    sort_longest_first(r.prefixable_titles_);
    r.modifiers_ = string_set(root, "modifiers");
    if (root.has("before_name")) {
      const DataObject before(doc.at("before_name"), path, "/before_name");
      r.before_name_ = string_set(before, "forms");
    }
    for (const DataObject& head : root.objects("org_head_titles", false)) {
      r.org_heads_.emplace_back(head.string("org_suffix"), head.string("title"));
    }
    std::stable_sort(r.org_heads_.begin(), r.org_heads_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
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
      for (const std::string& suffix : rule.strings("suffixes")) r.org_suffixes_.emplace_back(suffix, o);
    }
    std::stable_sort(r.org_suffixes_.begin(), r.org_suffixes_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    r.gov_prefixes_ = root.strings("government_prefixes");
    sort_longest_first(r.gov_prefixes_);
    r.gov_prefix_suffixes_ = string_set(root, "government_prefix_suffixes");
    if (root.has("company_markers")) {
      const DataObject markers(doc.at("company_markers"), path, "/company_markers");
      r.company_prefixes_ = markers.strings("prefixes");
      r.company_suffixes_ = markers.strings("suffixes");
    }
  }
  {
    const std::string path = data_dir + "/rules/stopwords.json";
    const nlohmann::json doc = load_json_file(path);
    r.stopwords_ = string_set(open_table(doc, path, "sillok-rules/stopwords"), "words");
  }
  {
    const std::string path = data_dir + "/rules/context.json";
    const nlohmann::json doc = load_json_file(path);
    const DataObject root = open_table(doc, path, "sillok-rules/context");
    r.place_extensions_ = string_set(root, "place_extensions");
    r.product_cues_ = string_set(root, "product_cues");
    r.product_verbs_ = root.strings("product_verbs");
    r.place_particles_ = string_set(root, "place_particles");
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
    r.common_words_ = string_set(open_table(doc, lexicon, "sillok-lexicon"), "words");
  }
  return r;
}

bool RuleSet::is_particle_chain(std::string_view rest) const {
  // Depth-first split into known forms, at most max_chain_ pieces. Forms are short (a few
  // syllables), so this is a handful of hash lookups per word.
  struct Frame {
    std::string_view rest;
    int depth;
  };
  std::vector<Frame> stack{{rest, 0}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.rest.empty()) return true;
    if (f.depth >= max_chain_) continue;
    const std::size_t limit = std::min(max_particle_bytes_, f.rest.size());
    for (std::size_t n = 1; n <= limit; ++n) {
      if (std::binary_search(particles_.begin(), particles_.end(), f.rest.substr(0, n),
                             [](std::string_view a, std::string_view b) { return a < b; })) {
        stack.push_back({f.rest.substr(n), f.depth + 1});
      }
    }
  }
  return false;
}

const TitleInfo* RuleSet::title(std::string_view word, std::size_t* prefix_len) const {
  if (const auto it = titles_.find(std::string(word)); it != titles_.end()) {
    if (prefix_len) *prefix_len = 0;
    return &it->second;
  }
  // A longer word that ends like a title is one only when it is not an everyday word
  // ("행사장" ends with 사장 but is a venue).
  if (common_words_.count(std::string(word)) != 0) return nullptr;
  for (const std::string& form : prefixable_titles_) {
    if (word.size() > form.size() && ends_with(word, form)) {
      if (prefix_len) *prefix_len = word.size() - form.size();
      return &titles_.at(form);
    }
  }
  return nullptr;
}

std::string RuleSet::org_head_title(std::string_view org_name) const {
  for (const auto& [suffix, head] : org_heads_) {
    if (ends_with(org_name, suffix)) return head;
  }
  return {};
}

const OrgSuffixRule* RuleSet::org_suffix(std::string_view word, std::size_t* suffix_len) const {
  for (const auto& [suffix, rule] : org_suffixes_) {
    if (word.size() > suffix.size() && ends_with(word, suffix)) {
      *suffix_len = suffix.size();
      return &rule;
    }
  }
  return nullptr;
}

bool RuleSet::has_government_prefix(std::string_view word) const {
  return std::any_of(gov_prefixes_.begin(), gov_prefixes_.end(),
                     [&](const std::string& p) { return starts_with(word, p); });
}

bool RuleSet::starts_with_product_verb(std::string_view w) const {
  return std::any_of(product_verbs_.begin(), product_verbs_.end(),
                     [&](const std::string& v) { return starts_with(w, v); });
}

}  // namespace sillok
