// Civil dates and the publication timestamp every relative time expression is anchored on.
//
// Proleptic Gregorian calendar, no time zone database: news timestamps carry a fixed UTC
// offset (+09:00 for Korea when the source says nothing).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sillok {

// A calendar day. Value type; invalid combinations are rejected by the factory functions.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month

  // Days since 1970-01-01 (negative before).
  long to_days() const;
  static CivilDate from_days(long days);
  // 0 = Monday .. 6 = Sunday (ISO 8601 numbering minus one).
  int weekday() const;
  CivilDate add_days(long n) const { return from_days(to_days() + n); }
  // Adds months, clamping the day to the target month's length (01-31 + 1 month -> 02-28).
  CivilDate add_months(int n) const;
  // "2025-12-30".
  std::string iso() const;

  friend bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }
  friend bool operator<(const CivilDate& a, const CivilDate& b) {
    return a.to_days() < b.to_days();
  }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// A valid date or nullopt: make_date(2025, 2, 29) -> nullopt.
std::optional<CivilDate> make_date(int year, int month, int day);

// A local timestamp with its UTC offset, as news front matter gives it.
struct Timestamp {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int utc_offset_minutes = 9 * 60;  // Korea Standard Time unless the source says otherwise
  bool has_time = false;            // false when the source gave a date only

  // "2025-12-29T00:00:00+09:00" (date-only sources get T00:00:00).
  std::string iso() const;
};

// Parses the timestamps found in crawls and feeds: "2025-12-29 00:00", "2025-12-29T00:00:00+09:00",
// "2025-12-29T15:00:00Z", "2025.12.29 14:30", "2025/12/29", "2025-12-29". A missing offset
// means +09:00. Returns nullopt for anything else (the caller reports it).
std::optional<Timestamp> parse_timestamp(std::string_view text);

}  // namespace sillok
