// Place rules beyond the gazetteers (data/rules/places.json): sub-units named after a known
// region ("부산시 사하구 하단동"), nationality words that are not places ("중국인"), and the
// contexts in which a country acts as a state rather than being a location ("북한이 미사일을
// 발사했다", "한미 정상회담"): such a mention keeps its place entity and gets the role "agent".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/data_file.h"
#include "extract/types.h"

namespace sillok {

// `state_agents` of places.json: when a region mention is an acting state, team or
// government. All members optional; an empty table marks nothing.
struct StateAgentRules {
  StringIndex subject_particles;     // "이", "가", "은", "는": the place is the clause's subject
  StringIndex possessive_particles;  // "의": "북한의 핵실험"
  std::vector<std::string> predicates;  // stems of action/speech/decision words ("발사", "밝혔")
  std::size_t window = 6;            // words after the subject searched for a predicate
  std::size_t possessive_window = 2; // words after "X의" searched for an action noun
  StringIndex side_suffixes;         // "측": "북측은", "한국측과" name a party to talks
  // One-syllable abbreviations of states in news ("북" -> "북한"), by syllable.
  StringIndex abbreviations;
  std::vector<std::string> abbreviation_places;  // by abbreviation id: a gazetteer surface
  StringIndex abbreviation_joiners;  // "·", "-": "북-중", "한·일"
  // True when one of `predicates` starts `word` or (two syllables or more) occurs in it.
  bool has_predicate(std::string_view word) const;
};

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
  // A foreign first-level unit found in the places gazetteer ("광둥성", "펜실베이니아주"):
  // `foreign_unit_suffixes` ending a name of at least two more syllables. Written after a
  // country it continues the country's chain ("중국 광둥성"), and a city may follow it.
  bool is_foreign_unit(std::string_view name) const;
  // A word for a part of a region ("영서", "산간", "내륙", "이남"): written after the region
  // it names one place with it ("강원 영서", "경북 북동 산간").
  bool is_area_word(std::string_view word) const { return area_words_.contains(word); }
  // A short province name that is also an everyday word ("경기": game): it names the province
  // only right before a region or a local branch ("경기 용인시", "경기 남양주경찰서").
  bool is_region_prefix_word(std::string_view word) const { return region_prefix_words_.contains(word); }
  // A name ending like a venue or landmark ("…공원", "…공항"): never chained as a city.
  bool is_venue(std::string_view name) const;
  // Words that, written after a city, make the two a sports club: a Hangul word ending with
  // one of `team_nickname_endings` (English plural nicknames: "카디널스", "파이어리츠";
  // callers rule out everyday words and known names), or one of `team_words`
  // ("유나이티드"), which wins even over a gazetteer entry of the same spelling.
  bool has_team_nickname_ending(std::string_view word) const;
  bool is_team_word(std::string_view word) const { return team_words_.contains(word); }
  // The longest nationality suffix `rest` starts with ("인들이" -> "인들"), or "".
  std::string_view nationality_prefix(std::string_view rest) const;
  // The byte length of the time-zone word `rest` starts with ("시각" of "시각)"), or 0:
  // "한국시각" names Korea's time, so the country is mentioned.
  std::size_t time_zone_suffix(std::string_view rest) const;
  const StateAgentRules& state_agents() const { return agents_; }
  // A generic state body ("정부", "검찰", "대표팀") that a region written before it names
  // ("일본 정부"), with the organization type; nullopt for other words.
  std::optional<EntityType> state_body(std::string_view word) const {
    const std::uint32_t id = state_bodies_.find(word);
    if (id == StringIndex::npos) return std::nullopt;
    return state_body_types_[id];
  }

 private:
  std::vector<std::string> subunit_suffixes_;
  std::vector<std::string> nationality_suffixes_;  // longest first
  std::vector<std::string> local_org_suffixes_;
  std::vector<std::string> time_zone_suffixes_;
  std::vector<std::string> foreign_unit_suffixes_;
  std::vector<std::string> venue_suffixes_;
  StringIndex area_words_;
  StringIndex region_prefix_words_;
  std::vector<std::string> team_nickname_endings_;
  StringIndex team_words_;
  std::size_t subunit_max_syllables_ = 5;
  StateAgentRules agents_;
  StringIndex state_bodies_;
  std::vector<EntityType> state_body_types_;  // by state_bodies_ id
};

}  // namespace sillok
