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
  return cues;
}

}  // namespace sillok
