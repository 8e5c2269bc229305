// Cue words that announce an organization no gazetteer or suffix rule knows
// (data/rules/org_cues.json): "소속사 IOK컴퍼니", "일간지 데일리메일", "한빛제지 관계자".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/types.h"

namespace sillok {

class OrgCues {
 public:
  // Reads `data_dir`/rules/org_cues.json. Throws DataError naming the file and the problem.
  static OrgCues load(const std::string& data_dir);

  // The type of the organization a cue word announces, written before / after its name.
  std::optional<EntityType> before(std::string_view word) const { return find(before_, word); }
  std::optional<EntityType> after(std::string_view word) const { return find(after_, word); }

 private:
  using Table = std::unordered_map<std::string, EntityType>;
  static std::optional<EntityType> find(const Table& table, std::string_view word);
  Table before_, after_;
};

}  // namespace sillok
