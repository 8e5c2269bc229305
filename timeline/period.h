// Internal to timeline/: ISO 8601 / TIMEX3 date values as ranges of days, so dates of
// different precision can be compared ("2026-01" contains "2026-01-15").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sillok::timeline_detail {

// Precision ranks, coarse to fine. Days are the finest a period gets; a time of day is kept
// apart (TimelineEntry::time).
enum class PrecisionRank { year = 0, half = 1, quarter = 2, month = 3, week = 4, day = 5 };

// A placeable date value: the inclusive range of days it covers.
struct Period {
  long first = 0;  // days since 1970-01-01 (CivilDate::to_days)
  long last = 0;   // inclusive
  PrecisionRank rank = PrecisionRank::day;
  std::string precision;  // "year" "half" "quarter" "season" "month" "week" "day"
  std::string value;      // the date part of the input ("2025-12-30" of "2025-12-30T14:30")
  std::string time;       // "14:30" when the input carried "THH:MM", else ""

  bool contains(const Period& other) const { return first <= other.first && other.last <= last; }
  bool overlaps(long lo, long hi) const { return first <= hi && lo <= last; }
};

// Parses "2025", "2026-H1", "2025-Q4", "2025-SU", "2026-01", "2025-W52", "2025-12-30" and
// "2025-12-30T14:30" (seconds and a zone suffix after the minutes are ignored). Returns nullopt
// for anything that cannot be placed on a calendar: "", "P4M", "XXXX-12-25", "2025-02-30".
std::optional<Period> parse_period(std::string_view value);

// The range a mention with a TIMEX3 modifier may fall in: "on_or_before" 2026-01-15 covers
// 2026-01-01..2026-01-15 (the same month, up to the day), "on_or_after" runs to the end of the
// month; other modifiers keep the period as it is.
Period widen_for_mod(const Period& p, std::string_view mod);

}  // namespace sillok::timeline_detail
