// Place rules beyond the gazetteers (data/rules/places.json): sub-units named after a known
// region ("부산시 사하구 하단동") and nationality words that are not places ("중국인").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sillok {

class PlaceRules {
 public:
  // Reads `data_dir`/rules/places.json. Throws DataError naming the file and the problem.
  static PlaceRules load(const std::string& data_dir);

  // The byte length of the sub-unit suffix `word` ends with ("하단동" -> 3), or 0. The word
  // must be 2..subunit_max_syllables Hangul syllables (checked by the caller).
  std::size_t subunit_suffix(std::string_view word) const;
  std::size_t subunit_max_syllables() const { return subunit_max_syllables_; }
  // An organization whose name ends like a local branch ("기장경찰서", "평택지원"): a region
  // written right before it is part of its name ("부산 기장경찰서").
  bool is_local_organization(std::string_view name) const;
  // The longest nationality suffix `rest` starts with ("인들이" -> "인들"), or "".
  std::string_view nationality_prefix(std::string_view rest) const;

 private:
  std::vector<std::string> subunit_suffixes_;
  std::vector<std::string> nationality_suffixes_;  // longest first
  std::vector<std::string> local_org_suffixes_;
  std::size_t subunit_max_syllables_ = 5;
};

}  // namespace sillok
