#include "extract/org_cues.h"

#include "extract/normalize.h"

namespace sillok {

void OrgCues::read(const DataObject& root, const char* key, Table& out) {
  for (const DataObject& cue : root.objects(key, false)) {
    const std::string type_name = cue.string("type");
    const std::optional<EntityType> type = entity_type_from_string(type_name);
    if (!type || *type == EntityType::person || *type == EntityType::place || *type == EntityType::product) {
      cue.fail("type", "'" + type_name + "' is not an organization type (government, company, organization, media)");
    }
    const std::uint32_t id = out.words.insert(normalize_text(cue.string("word")));
    if (id == out.types.size()) {
      out.types.push_back(*type);
    } else {
      out.types[id] = *type;  // a word listed twice: the last entry wins
    }
  }
}

OrgCues OrgCues::load(const std::string& data_dir) {
  const std::string path = data_dir + "/rules/org_cues.json";
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/org-cues");
  OrgCues cues;
  read(root, "before", cues.before_);
  read(root, "after", cues.after_);
  cues.generic_stems_ = normalized_strings(root, "generic_stems");
  cues.not_org_endings_ = normalized_strings(root, "not_org_endings");
  return cues;
}

bool OrgCues::is_not_name(std::string_view word, std::string_view stem) const {
  if (generic_stems_.contains(stem)) return true;
  // Every ending of the word at a character boundary, up to the longest listed one.
  const std::size_t longest = not_org_endings_.max_key_bytes();
  for (std::size_t start = word.size(); start-- > 0;) {
    if (word.size() - start > longest) break;
    const bool continuation = (static_cast<unsigned char>(word[start]) & 0xC0u) == 0x80u;
    if (!continuation && not_org_endings_.contains(word.substr(start))) return true;
  }
  return false;
}

}  // namespace sillok
