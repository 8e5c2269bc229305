// Gazetteers: named entities known in advance (ministries, regions, companies, media, ...),
// loaded from JSON data files (format in data/README.md) and matched in one pass.
//
//   Gazetteer g;
//   g.load_file("data/gazetteers/government.json");   // 과학기술정보통신부 + 과기정통부, ...
//   g.build();
//   g.scan(text, [&](const GazetteerHit& hit) { ... });
//
// Names change over time: an entry may be valid only between two dates and name a successor;
// resolve() picks, for a surface and an article date, the entry that applies
// ("미래창조과학부" in 2018 -> 과학기술정보통신부; in 2016 -> 미래창조과학부).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/aho_corasick.h"
#include "extract/data_file.h"
#include "extract/datetime.h"
#include "extract/types.h"

namespace sillok {

struct GazetteerEntry {
  std::string id;    // "<gazetteer id>#<entry id>" ("government#msit")
  std::string name;  // canonical name
  EntityType type = EntityType::organization;
  std::vector<std::string> aliases;
  std::string parent;
  std::optional<CivilDate> valid_from;  // inclusive
  std::optional<CivilDate> valid_to;    // inclusive
  std::string successor;                // full id of the entry that replaced this one
  bool strict = false;                  // an everyday word too: needs supporting context
  int priority = 0;                     // lower wins among entries sharing a surface
};

// One occurrence of a known surface in a text.
struct GazetteerHit {
  std::size_t begin = 0;  // bytes
  std::size_t end = 0;
  std::uint32_t surface = 0;  // id for entries_for()
};

class Gazetteer {
 public:
  // Loads a gazetteer file (format "sillok-gazetteer", version 1). Entries of files loaded
  // with a lower `priority` win when two entries share a surface (user files use -1 so
  // they override shipped ones). Throws DataError naming the file and JSON path.
  void load_file(const std::string& path, int priority = 0);

  // Adds one entry (tests, and per-article abbreviations). `entry.id` must be unique.
  void add(GazetteerEntry entry);

  // Freezes the gazetteer and builds the matcher. REQUIRES: called once before scan().
  void build();

  // Calls on_hit(const GazetteerHit&) for every occurrence of every known surface
  // (overlapping ones included), in order of end position, longest first at one end. A
  // template so the per-hit call inlines (no std::function).
  template <class OnHit>
  void scan(std::string_view text, OnHit&& on_hit) const {
    matcher_.scan(text, [&](std::size_t b, std::size_t e, std::uint32_t id) {
      on_hit(GazetteerHit{b, e, id});
    });
  }

  // The entries that have this surface as name or alias, in priority order.
  const std::vector<std::uint32_t>& entries_for(std::uint32_t surface) const {
    return surface_entries_[surface];
  }
  const GazetteerEntry& entry(std::uint32_t index) const { return entries_[index]; }
  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  // The entry with this full id, or nullptr.
  const GazetteerEntry* find_id(const std::string& id) const;
  // The surface string of a surface id.
  const std::string& surface(std::uint32_t id) const { return surfaces_.key(id); }
  // Surface id of an exact string, if known.
  std::optional<std::uint32_t> surface_id(std::string_view s) const;

  // The entry a surface denotes in an article of `date` (nullopt date: ignore validity):
  // entries valid at the date first, by priority; a former name whose validity ended before
  // the date follows its successor chain; otherwise (a date before every range, or in a gap)
  // the entry whose range is nearest in time, so a date before every range gets the entry
  // starting soonest after it. Returns nullptr only for a surface with no entries.
  const GazetteerEntry* resolve(std::uint32_t surface, const std::optional<CivilDate>& date) const;

  std::size_t entry_count() const { return entries_.size(); }
  std::size_t surface_count() const { return surfaces_.size(); }
  // States of the built matcher (0 before build()), for benchmarks.
  std::size_t state_count() const { return matcher_.state_count(); }
  // The ids of the gazetteer files loaded, in load order ("government", "media", ...).
  const std::vector<std::string>& file_ids() const { return file_ids_; }

 private:
  std::uint32_t intern_surface(const std::string& s);

  std::vector<GazetteerEntry> entries_;
  StringIndex entry_ids_;  // id i is entries_[i].id
  StringIndex surfaces_;   // surface ids; lookups by string_view never allocate
  std::vector<std::vector<std::uint32_t>> surface_entries_;
  std::vector<std::string> file_ids_;
  AhoCorasick matcher_;
  bool built_ = false;
};

}  // namespace sillok
