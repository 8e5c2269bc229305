// Cue words that announce an organization no gazetteer or suffix rule knows
// (data/rules/org_cues.json): "소속사 IOK컴퍼니", "일간지 데일리메일", "한빛제지 관계자".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/data_file.h"
#include "extract/types.h"

namespace sillok {

class OrgCues {
 public:
  // Reads `data_dir`/rules/org_cues.json. Throws DataError naming the file and the problem.
  static OrgCues load(const std::string& data_dir);

  // The type of the organization a cue word announces, written before / after its name.
  // Probed for every word: no copy of `word` is made.
  std::optional<EntityType> before(std::string_view word) const { return before_.find(word); }
  std::optional<EntityType> after(std::string_view word) const { return after_.find(word); }

  // True when a word an organization suffix matched is no name: its stem is a kind of
  // body, not a name ("환경단체", "저축은행": `generic_stems`), or the word ends with an
  // everyday noun that merely ends like a suffix ("가혹행위" is no committee, "아동복지법"
  // no district court: `not_org_endings`). `stem` is `word` without the suffix.
  bool is_not_name(std::string_view word, std::string_view stem) const;

 private:
  struct Table {
    StringIndex words;
    std::vector<EntityType> types;  // by word id
    std::optional<EntityType> find(std::string_view word) const {
      const std::uint32_t id = words.find(word);
      if (id == StringIndex::npos) return std::nullopt;
      return types[id];
    }
  };
  static void read(const DataObject& root, const char* key, Table& out);
  Table before_, after_;
  StringIndex generic_stems_;
  StringIndex not_org_endings_;
};

}  // namespace sillok
