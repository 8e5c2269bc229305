#include "fuzz/invariants.h"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "extract/datetime.h"
#include "extract/utf8.h"

namespace sillok::fuzz {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// A fixed-width number field in [lo, hi]; "" when it is one.
std::string number_problem(std::string_view field, std::size_t width, int lo, int hi,
                           const char* what) {
  if (field.size() != width || !all_digits(field)) {
    return std::string(what) + " '" + std::string(field) + "' is not " + std::to_string(width) +
           " digits";
  }
  const int n = to_int(field);
  if (n < lo || n > hi) {
    return std::string(what) + " " + std::to_string(n) + " is outside " + std::to_string(lo) +
           ".." + std::to_string(hi);
  }
  return {};
}

// ISO weeks in a year: 53 when 1 January is a Thursday, or a Wednesday in a leap year.
int iso_weeks_in_year(int year) {
  const int jan1 = CivilDate{year, 1, 1}.weekday();  // 0 = Monday
  return (jan1 == 3 || (jan1 == 2 && is_leap_year(year))) ? 53 : 52;
}

// "PnYnMnWnDTnHnMnS": each part a number and a letter, in this order, at least one part.
std::string duration_problem(std::string_view v) {
  static constexpr std::string_view kDateUnits = "YMWD";
  static constexpr std::string_view kTimeUnits = "HMS";
  std::size_t i = 1;  // after 'P'
  std::size_t parts = 0;
  bool in_time = false;
  std::size_t next_unit = 0;  // index into the current unit list: units must not go back
  while (i < v.size()) {
    if (v[i] == 'T') {
      if (in_time) return "duration has two 'T'";
      in_time = true;
      next_unit = 0;
      ++i;
      if (i == v.size()) return "duration ends with 'T'";
      continue;
    }
    const std::size_t num_start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == num_start) return "duration part without a number at offset " + std::to_string(i);
    if (i == v.size()) return "duration ends with a number and no unit";
    const std::string_view units = in_time ? kTimeUnits : kDateUnits;
    const std::size_t u = units.find(v[i], next_unit);
    if (u == std::string_view::npos) {
      return std::string("duration unit '") + v[i] + "' unknown or out of order";
    }
    next_unit = u + 1;
    ++parts;
    ++i;
  }
  return parts == 0 ? "duration has no parts" : "";
}

// "hh:mm" or "hh:mm:ss" after the 'T' of a date-time.
std::string clock_problem(std::string_view t) {
  if (t.size() != 5 && t.size() != 8) return "time of day '" + std::string(t) + "' malformed";
  if (t[2] != ':' || (t.size() == 8 && t[5] != ':')) {
    return "time of day '" + std::string(t) + "' malformed";
  }
  std::string p = number_problem(t.substr(0, 2), 2, 0, 24, "hour");
  if (p.empty()) p = number_problem(t.substr(3, 2), 2, 0, 59, "minute");
  if (p.empty() && t.size() == 8) p = number_problem(t.substr(6, 2), 2, 0, 59, "second");
  if (!p.empty()) return p;
  // 24:00 is the end of the day (자정); 24:30 does not exist.
  if (to_int(t.substr(0, 2)) == 24 && t.substr(3) != "00" && t.substr(3) != "00:00") {
    return "hour 24 with minutes or seconds";
  }
  return {};
}

// The part after "YYYY-" of a dated value; `year` < 0 for XXXX.
std::string dated_rest_problem(int year, std::string_view rest) {
  // TIMEX3 seasons: spring, summer, autumn, winter (extract/timex: "올여름" -> "2025-SU").
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    return year < 0 ? "season without a year" : "";
  }
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'Q')) {
    return number_problem(rest.substr(1), 1, 1, rest[0] == 'H' ? 2 : 4,
                          rest[0] == 'H' ? "half" : "quarter");
  }
  if (!rest.empty() && rest[0] == 'W') {
    if (year < 0) {
      // XXXX-WXX-d: every week on weekday d (1 = Monday).
      if (rest.size() != 5 || rest.substr(0, 4) != "WXX-") return "weekly set malformed";
      return number_problem(rest.substr(4), 1, 1, 7, "weekday");
    }
    if (rest.size() != 3 && !(rest.size() == 6 && rest.substr(3) == "-WE")) {
      return "week '" + std::string(rest) + "' malformed";
    }
    return number_problem(rest.substr(1, 2), 2, 1, iso_weeks_in_year(year), "ISO week");
  }
  std::string p = number_problem(rest.substr(0, 2), 2, 1, 12, "month");
  if (!p.empty() || rest.size() == 2) return p;
  if (rest.size() < 5 || rest[2] != '-') return "date '" + std::string(rest) + "' malformed";
  const int month = to_int(rest.substr(0, 2));
  p = number_problem(rest.substr(3, 2), 2, 1, 31, "day");
  if (!p.empty()) return p;
  const int day = to_int(rest.substr(3, 2));
  // Without a year (XXXX-02-29) only the month's longest length matters.
  if (day > days_in_month(year < 0 ? 2000 : year, month)) {
    return "day " + std::to_string(day) + " does not exist in month " + std::to_string(month);
  }
  if (rest.size() == 5) return {};
  if (rest[5] != 'T' || year < 0) return "date-time '" + std::string(rest) + "' malformed";
  return clock_problem(rest.substr(6));
}

// Byte offset `b` of `s` starts a code point (or is the end).
bool on_boundary(std::string_view s, std::size_t b) {
  return b == s.size() || (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80);
}

std::string utf8_problem(std::string_view s, const char* what) {
  if (s.find('\0') != std::string_view::npos) return std::string(what) + " contains NUL";
  if (const auto bad = utf8::find_invalid(s)) {
    return std::string(what) + " is not valid UTF-8 at byte " + std::to_string(*bad);
  }
  return {};
}

// A span [start, end) of code points of `field`, which must read `surface`.
std::string span_problem(std::string_view field, const utf8::CodePointIndex& index,
                         std::size_t cp_count, std::size_t start, std::size_t end,
                         std::string_view surface, const std::string& what) {
  if (start >= end || end > cp_count) {
    return what + ": span [" + std::to_string(start) + ", " + std::to_string(end) +
           ") is empty or outside " + std::to_string(cp_count) + " code points";
  }
  const std::size_t b = index.to_byte(start);
  const std::size_t e = index.to_byte(end);
  if (field.substr(b, e - b) != surface) {
    return what + ": text[" + std::to_string(start) + ":" + std::to_string(end) + "] is '" +
           std::string(field.substr(b, e - b)) + "', not '" + std::string(surface) + "'";
  }
  return {};
}

const std::set<std::string_view>& known_mods() {
  static const std::set<std::string_view> mods = {
      "", "on_or_before", "on_or_after", "approx", "start", "mid", "end"};
  return mods;
}

// A time's value, value_end, precision and mod agree with each other.
std::string time_value_problem(const std::string& value, const std::string& value_end,
                               const std::string& precision, const std::string& mod,
                               TimeType type) {
  std::string p = timex_value_problem(value);
  if (!p.empty()) return "value '" + value + "': " + p;
  if (!value_end.empty()) {
    p = timex_value_problem(value_end);
    if (!p.empty()) return "value_end '" + value_end + "': " + p;
  }
  if (known_mods().count(mod) == 0) return "unknown mod '" + mod + "'";
  const std::string implied = timex_value_precision(value);
  const bool timeless = type == TimeType::duration || type == TimeType::set;
  // "T14:00" is hour precision ("14시") or minute precision ("14시 00분", "14:00").
  const bool whole_hour = implied == "hour" && precision == "minute";
  if (!timeless && implied != precision && !whole_hour) {
    return "value '" + value + "' has precision '" + implied + "' but says '" + precision + "'";
  }
  return {};
}

}  // namespace

std::string timex_value_problem(std::string_view v) {
  if (v.empty()) return "empty value";
  if (v[0] == 'P') return duration_problem(v);
  if (v[0] == '-' || v[0] == '+') return "signed year (outside 0000..9999)";
  const std::string_view year = v.substr(0, 4);
  const bool unknown_year = year == "XXXX";
  if (!unknown_year) {
    const std::string p = number_problem(year, 4, 0, 9999, "year");
    if (!p.empty()) return p;
  }
  if (v.size() == 4) return unknown_year ? "bare XXXX" : "";
  if (v[4] >= '0' && v[4] <= '9') return "year with more than 4 digits (outside 0000..9999)";
  if (v[4] != '-') return "no '-' after the year";
  return dated_rest_problem(unknown_year ? -1 : to_int(year), v.substr(5));
}

std::string timex_value_precision(std::string_view v) {
  if (v[0] == 'P' || v.find("-WXX-") != std::string_view::npos) return "";
  if (v.substr(0, 4) == "XXXX") return "day";
  if (v.size() == 4) return "year";
  const std::string_view rest = v.substr(5);
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") return "season";
  const char kind = v[5];
  if (kind == 'H') return "half";
  if (kind == 'Q') return "quarter";
  if (kind == 'W') return "week";
  if (v.size() == 7) return "month";
  if (v.size() == 10) return "day";
  const std::string_view clock = v.substr(11);
  if (clock.size() == 8) return "second";
  return clock.substr(3) == "00" ? "hour" : "minute";
}

std::string check_time_matches(std::string_view sentence, const std::vector<TimeMatch>& matches) {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const TimeMatch& m = matches[i];
    const std::string what = "time " + std::to_string(i) + " '" + m.text + "'";
    if (m.begin >= m.end || m.end > sentence.size()) return what + ": bytes out of range";
    if (!on_boundary(sentence, m.begin) || !on_boundary(sentence, m.end)) {
      return what + ": offsets not on code-point boundaries";
    }
    if (m.begin < previous_end) return what + ": overlaps or precedes the previous match";
    previous_end = m.end;
    if (sentence.substr(m.begin, m.end - m.begin) != m.text) {
      return what + ": sentence[begin:end] differs from text";
    }
    const std::string p = time_value_problem(m.value, m.value_end, m.precision, m.mod, m.type);
    if (!p.empty()) return what + ": " + p;
  }
  return {};
}

std::string check_article(const Article& a) {
  if (a.id.empty()) return "article without an id";
  if (a.text.empty()) return "article without text";
  const std::pair<const std::string*, const char*> fields[] = {
      {&a.id, "id"},         {&a.title, "title"},         {&a.publisher, "publisher"},
      {&a.author, "author"}, {&a.url, "url"},             {&a.category, "category"},
      {&a.text, "text"},     {&a.content_hash, "content_hash"}};
  for (const auto& [field, name] : fields) {
    std::string p = utf8_problem(*field, name);
    if (!p.empty()) return p;
  }
  return {};
}

std::string check_extraction(const Extraction& x) {
  std::string p = check_article(x.article);
  if (!p.empty()) return p;
  const std::string& text = x.article.text;
  const utf8::CodePointIndex index(text);
  const std::size_t cps = utf8::length(text);
  const auto sentence_ok = [&](int s) { return s >= -1 && s < static_cast<int>(x.sentences.size()); };
  for (std::size_t i = 0; i < x.sentences.size(); ++i) {
    const Sentence& s = x.sentences[i];
    if (s.start > s.end || s.end > cps) return "sentence " + std::to_string(i) + " out of range";
  }
  for (const Entity& e : x.entities) {
    if (e.name.empty()) return "entity with an empty name";
    if (e.mentions.empty()) return "entity '" + e.name + "' without mentions";
    for (const Mention& m : e.mentions) {
      const std::string what = "mention '" + m.text + "' of '" + e.name + "'";
      if (!sentence_ok(m.sentence)) return what + ": sentence index out of range";
      if (m.field.empty()) {
        p = span_problem(text, index, cps, m.start, m.end, m.text, what);
      } else {
        const std::string* field = m.field == "publisher" ? &x.article.publisher
                                   : m.field == "author"  ? &x.article.author
                                   : m.field == "title"   ? &x.article.title
                                                          : nullptr;
        if (field == nullptr) return what + ": unknown field '" + m.field + "'";
        p = span_problem(*field, utf8::CodePointIndex(*field), utf8::length(*field), m.start,
                         m.end, m.text, what + " in " + m.field);
      }
      if (!p.empty()) return p;
    }
  }
  for (std::size_t i = 0; i < x.times.size(); ++i) {
    const TimeExpression& t = x.times[i];
    const std::string what = "time " + std::to_string(i) + " '" + t.text + "'";
    if (!sentence_ok(t.sentence)) return what + ": sentence index out of range";
    p = span_problem(text, index, cps, t.start, t.end, t.text, what);
    if (!p.empty()) return p;
    p = time_value_problem(t.value, t.value_end, t.precision, t.mod, t.type);
    if (!p.empty()) return what + ": " + p;
  }
  for (const Relation& r : x.relations) {
    if (r.subject.empty() || r.object.empty() || r.role.empty()) return "relation with an empty part";
    if (!sentence_ok(r.sentence)) return "relation sentence index out of range";
  }
  for (const EventMention& ev : x.events) {
    if (!sentence_ok(ev.sentence)) return "event '" + ev.label + "': sentence index out of range";
    if (!ev.date.empty()) {
      p = timex_value_problem(ev.date);
      if (!p.empty()) return "event '" + ev.label + "' date '" + ev.date + "': " + p;
    }
    for (const std::string& name : ev.participants) {
      if (name.empty()) return "event '" + ev.label + "' with an empty participant";
    }
  }
  return {};
}

void abort_on(const std::string& problem, std::size_t input_size) {
  if (problem.empty()) return;
  std::fprintf(stderr, "invariant violated (input of %zu bytes): %s\n", input_size,
               problem.c_str());
  std::abort();
}

}  // namespace sillok::fuzz
