#include "timeline/period.h"

#include <cctype>

#include "extract/datetime.h"

namespace sillok::timeline_detail {
namespace {

// Reads exactly `n` ASCII digits at `pos`; nullopt otherwise.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

Period make(long first, long last, PrecisionRank rank, const char* precision,
            std::string_view value) {
  Period p;
  p.first = first;
  p.last = last;
  p.rank = rank;
  p.precision = precision;
  p.value = std::string(value);
  return p;
}

long month_first(int year, int month) { return CivilDate{year, month, 1}.to_days(); }
long month_last(int year, int month) {
  return CivilDate{year, month, days_in_month(year, month)}.to_days();
}

// "YYYY-Hn", "YYYY-Qn", "YYYY-SP|SU|FA|WI", "YYYY-Www": the part after the year's dash.
std::optional<Period> parse_sub_year(int year, std::string_view value, std::string_view rest) {
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'Q')) {
    const auto n = digits(rest, 1, 1);
    const int months = rest[0] == 'H' ? 6 : 3;
    if (!n || *n < 1 || *n > 12 / months) return std::nullopt;
    const int m0 = (*n - 1) * months + 1;
    return make(month_first(year, m0), month_last(year, m0 + months - 1),
                rest[0] == 'H' ? PrecisionRank::half : PrecisionRank::quarter,
                rest[0] == 'H' ? "half" : "quarter", value);
  }
  if (rest == "SP" || rest == "SU" || rest == "FA") {
    const int m0 = rest == "SP" ? 3 : rest == "SU" ? 6 : 9;
    return make(month_first(year, m0), month_last(year, m0 + 2), PrecisionRank::quarter, "season",
                value);
  }
  if (rest == "WI") {  // December into the next year's February
    return make(month_first(year, 12), month_last(year + 1, 2), PrecisionRank::quarter, "season",
                value);
  }
  if (rest.size() == 3 && rest[0] == 'W') {
    const auto w = digits(rest, 1, 2);
    if (!w || *w < 1 || *w > 53) return std::nullopt;
    // ISO 8601: week 1 is the week (Monday first) holding January 4th.
    const CivilDate jan4{year, 1, 4};
    const long first = jan4.to_days() - jan4.weekday() + 7L * (*w - 1);
    // A week belongs to the year its Thursday falls in; rejects week 53 of 52-week years.
    if (CivilDate::from_days(first + 3).year != year) return std::nullopt;
    return make(first, first + 6, PrecisionRank::week, "week", value);
  }
  return std::nullopt;
}

// Splits "2025-12-30T14:30[:ss][zone]" into the date and "14:30"; false when the time is bad.
bool split_time(std::string_view& value, std::string& time) {
  const std::size_t t = value.find('T');
  if (t == std::string_view::npos) return true;
  const std::string_view clock = value.substr(t + 1);
  const auto h = digits(clock, 0, 2);
  const auto m = digits(clock, 3, 2);
  if (!h || *h > 23 || clock.size() < 5 || clock[2] != ':') return false;
  if (!m || *m > 59) return false;
  time = std::string(clock.substr(0, 5));
  value = value.substr(0, t);
  return true;
}

}  // namespace

std::optional<Period> parse_period(std::string_view value) {
  std::string time;
  if (!split_time(value, time)) return std::nullopt;
  const auto year = digits(value, 0, 4);
  if (!year) return std::nullopt;
  std::optional<Period> p;
  if (value.size() == 4) {
    p = make(month_first(*year, 1), month_last(*year, 12), PrecisionRank::year, "year", value);
  } else if (value.size() < 6 || value[4] != '-') {
    return std::nullopt;
  } else if (const auto month = digits(value, 5, 2); month && value.size() == 7) {
    if (*month < 1 || *month > 12) return std::nullopt;
    p = make(month_first(*year, *month), month_last(*year, *month), PrecisionRank::month, "month",
             value);
  } else if (month && value.size() == 10 && value[7] == '-') {
    const auto day = digits(value, 8, 2);
    const auto date = day ? make_date(*year, *month, *day) : std::nullopt;
    if (!date) return std::nullopt;
    p = make(date->to_days(), date->to_days(), PrecisionRank::day, "day", value);
  } else {
    p = parse_sub_year(*year, value, value.substr(5));
  }
  if (p) p->time = time;
  return p;
}

Period widen_for_mod(const Period& p, std::string_view mod) {
  if (p.rank != PrecisionRank::day) return p;
  const CivilDate d = CivilDate::from_days(p.first);
  Period w = p;
  if (mod == "on_or_before") w.first = month_first(d.year, d.month);
  if (mod == "on_or_after") w.last = month_last(d.year, d.month);
  return w;
}

}  // namespace sillok::timeline_detail
