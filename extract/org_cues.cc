#include "extract/org_cues.h"

#include "extract/data_file.h"
#include "extract/normalize.h"

namespace sillok {
namespace {

void read_cues(const DataObject& root, const char* key, std::unordered_map<std::string, EntityType>& out) {
  for (const DataObject& cue : root.objects(key, false)) {
    const std::string type_name = cue.string("type");
    const std::optional<EntityType> type = entity_type_from_string(type_name);
    if (!type || *type == EntityType::person || *type == EntityType::place || *type == EntityType::product) {
      cue.fail("type", "'" + type_name + "' is not an organization type (government, company, organization, media)");
    }
    out[normalize_text(cue.string("word"))] = *type;
  }
}

}  // namespace

OrgCues OrgCues::load(const std::string& data_dir) {
  const std::string path = data_dir + "/rules/org_cues.json";
  const nlohmann::json doc = load_json_file(path);
  expect_format(doc, path, "sillok-rules/org-cues", 1);
  const DataObject root(doc, path, "");
  OrgCues cues;
  read_cues(root, "before", cues.before_);
  read_cues(root, "after", cues.after_);
  return cues;
}

std::optional<EntityType> OrgCues::find(const Table& table, std::string_view word) {
  const auto it = table.find(std::string(word));
  if (it == table.end()) return std::nullopt;
  return it->second;
}

}  // namespace sillok
