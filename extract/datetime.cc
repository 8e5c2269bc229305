#include "extract/datetime.h"

#include <cstdio>

namespace sillok {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Reads an unsigned decimal of 1..max_digits digits at text[pos]; advances pos.
std::optional<int> read_int(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return std::nullopt;
  return value;
}

}  // namespace

long CivilDate::to_days() const { return days_from_civil(year, month, day); }

CivilDate CivilDate::from_days(long days) { return civil_from_days(days); }

int CivilDate::weekday() const {
  const long d = to_days();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

CivilDate CivilDate::add_months(int n) const {
  int total = year * 12 + (month - 1) + n;
  int y = total / 12;
  int m = total % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  const int dim = days_in_month(y, m + 1);
  return CivilDate{y, m + 1, day > dim ? dim : day};
}

std::string CivilDate::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<CivilDate> make_date(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return CivilDate{y, m, d};
}

std::string Timestamp::iso() const {
  char buf[48];
  const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", date.iso().c_str(), hour, minute,
                second, utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"' || text.front() == '\'')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\'')) {
    text.remove_suffix(1);
  }
  std::size_t pos = 0;
  const auto y = read_int(text, pos, 4);
  if (!y || pos != 4 || pos >= text.size()) return std::nullopt;
  const char sep = text[pos];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  ++pos;
  const auto m = read_int(text, pos, 2);
  if (!m || pos >= text.size() || text[pos] != sep) return std::nullopt;
  ++pos;
  const auto d = read_int(text, pos, 2);
  if (!d) return std::nullopt;
  if (sep == '.' && pos < text.size() && text[pos] == '.') ++pos;  // "2025.12.29."
  const auto date = make_date(*y, *m, *d);
  if (!date) return std::nullopt;
  Timestamp ts;
  ts.date = *date;
  if (pos == text.size()) return ts;
  if (text[pos] != ' ' && text[pos] != 'T') return std::nullopt;
  ++pos;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const auto hh = read_int(text, pos, 2);
  if (!hh || pos >= text.size() || text[pos] != ':') return std::nullopt;
  ++pos;
  const auto mm = read_int(text, pos, 2);
  if (!mm || *hh > 23 || *mm > 59) return std::nullopt;
  ts.hour = *hh;
  ts.minute = *mm;
  ts.has_time = true;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    const auto ss = read_int(text, pos, 2);
    if (!ss || *ss > 60) return std::nullopt;
    ts.second = *ss;
    if (pos < text.size() && text[pos] == '.') {  // fractional seconds are dropped
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos == text.size()) return ts;
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    ts.utc_offset_minutes = 0;
    return ts;
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  const auto oh = read_int(text, pos, 2);
  if (!oh) return std::nullopt;
  int om = 0;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (pos < text.size()) {
    const auto v = read_int(text, pos, 2);
    if (!v) return std::nullopt;
    om = *v;
  }
  if (pos != text.size() || *oh > 14 || om > 59) return std::nullopt;
  ts.utc_offset_minutes = sign * (*oh * 60 + om);
  return ts;
}

}  // namespace sillok
