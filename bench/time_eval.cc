// Scores the time tagger on Duckling's Korean time corpus
// (/work/shared/eval/duckling-ko-time.dev.jsonl, see its README): each text is tagged at its
// reference time with Direction::forward (Duckling resolves toward the future, like a calendar
// assistant), and the longest match's value is compared with the gold value at the gold grain.
//
//   time_eval [--profile NAME] <duckling-ko-time.dev.jsonl> [rules.json lunar.json]
//
// NAME is a convention profile of the rules file ("news", shipped as the default, or
// "assistant", the natural setting of Duckling's calendar-assistant corpus); without
// --profile every profile is scored in turn, its misses listed and its figure printed.
//
// Judging (documented in docs/accuracy-time.md):
//   datetime/holiday  value == gold value
//   interval          value == from and value_end (or value) == to minus one grain (to is
//                     exclusive); when our value is a window coarser than the gold grain
//                     ("2주 이내에" -> days, gold from now to the second), both bounds are
//                     compared at our precision
//   open_after/before value == the open bound and mod on_or_after / on_or_before
// Our TIMEX3 values are first spelt as Duckling spells the same period: a week as its Monday,
// a quarter or half as its first month, a weekend ("-WE") as Friday 18:00 .. Sunday 23:00 (hour
// grain), a season ("2013-SU") as Duckling's astronomical dates (summer 06-21 .. 09-23).
// The reference time is 2013-02-12T04:30 at UTC-02:00, the offset of Duckling's testContext
// (Duckling/Testing/Types.hs: refTime (2013, 2, 12, 4, 30, 0) (-2)); the jsonl leaves it out.
// Known gold faults corrected here, per the README: 설날 is the lunar new year (2014-01-31).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/datetime.h"
#include "extract/timex.h"

namespace {

using sillok::CivilDate;

std::size_t grain_length(const std::string& grain) {
  static const std::map<std::string, std::size_t> len = {
      {"year", 4}, {"quarter", 7}, {"month", 7},   {"week", 10},
      {"day", 10}, {"hour", 16},   {"minute", 16}, {"second", 19}};
  auto it = len.find(grain);
  return it == len.end() ? 19 : it->second;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v % 100);
  return buf;
}

std::string format(const sillok::Timestamp& t) {
  return t.date.iso() + "T" + two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
}

// The last instant of an exclusive bound at a grain ("2013-02-11T00:00:00" week -> 2013-02-04).
std::string inclusive_end(const std::string& to, const std::string& grain) {
  auto t = sillok::parse_timestamp(to);
  if (!t) return to;
  long secs = t->date.to_days() * 86400L + t->hour * 3600L + t->minute * 60L + t->second;
  if (grain == "second")
    secs -= 1;
  else if (grain == "minute")
    secs -= 60;
  else if (grain == "hour")
    secs -= 3600;
  else if (grain == "day")
    secs -= 86400;
  else if (grain == "week")
    secs -= 7 * 86400;
  else if (grain == "month" || grain == "quarter" || grain == "year") {
    t->date = t->date.add_months(grain == "year" ? -12 : (grain == "quarter" ? -3 : -1));
    return format(*t).substr(0, grain_length(grain));
  }
  sillok::Timestamp out;
  const long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  const long rest = secs - days * 86400;
  out.date = CivilDate::from_days(days);
  out.hour = static_cast<int>(rest / 3600);
  out.minute = static_cast<int>(rest % 3600 / 60);
  out.second = static_cast<int>(rest % 60);
  return format(out).substr(0, grain_length(grain));
}

CivilDate iso_week_monday(int year, int week) {
  const CivilDate jan4{year, 1, 4};
  return jan4.add_days(-jan4.weekday() + 7L * (week - 1));
}

// Duckling's seasons: astronomical, closed intervals (ruleSeasons of Duckling's Time rules,
// e.g. ES: verano 06-21 .. 09-23); the corpus holds only summer and winter.
std::pair<std::string, std::string> season_days(int year, const std::string& code) {
  const std::string y = std::to_string(year), next = std::to_string(year + 1);
  if (code == "SP") return {y + "-03-20", y + "-06-21"};
  if (code == "SU") return {y + "-06-21", y + "-09-23"};
  if (code == "FA") return {y + "-09-23", y + "-12-21"};
  return {y + "-12-21", next + "-03-20"};
}

// A tagger value in Duckling's spelling of the same period, with the period's own last value
// when Duckling spells it as a range (weekends, seasons); see the top.
std::pair<std::string, std::string> canonical_one(const std::string& v) {
  int y = 0, n = 0;
  char c = 0;
  char code[3] = {};
  if (v.size() == 8 && std::sscanf(v.c_str(), "%d-W%d", &y, &n) == 2)
    return {iso_week_monday(y, n).iso(), ""};
  if (v.size() == 11 && std::sscanf(v.c_str(), "%d-W%d-WE", &y, &n) == 2) {
    const CivilDate monday = iso_week_monday(y, n);
    return {monday.add_days(4).iso() + "T18:00", monday.add_days(6).iso() + "T23:00"};
  }
  if (v.size() == 7 && std::sscanf(v.c_str(), "%d-%c%d", &y, &c, &n) == 3 &&
      (c == 'Q' || c == 'H')) {
    return {std::to_string(y) + "-" + two(c == 'Q' ? (n - 1) * 3 + 1 : (n - 1) * 6 + 1), ""};
  }
  if (v.size() == 7 && std::sscanf(v.c_str(), "%d-%2[A-Z]", &y, code) == 2 &&
      std::string("SP SU FA WI").find(code) != std::string::npos)
    return season_days(y, code);
  return {v, ""};
}

// A match's value and range end in Duckling's spelling: the first period's start and the
// last period's end.
std::pair<std::string, std::string> canonical(const std::string& v, const std::string& end) {
  auto first = canonical_one(v);
  if (end.empty()) return first;
  auto last = canonical_one(end);
  return {first.first, last.second.empty() ? last.first : last.second};
}

struct Gold {
  std::string value, value_end, mod;
};

Gold gold_of(const nlohmann::json& row) {
  const std::string kind = row.value("kind", "");
  const std::string grain = row.value("grain", "");
  Gold g;
  if (kind == "interval") {
    g.value = row.value("from", "").substr(0, grain_length(grain));
    g.value_end = inclusive_end(row.value("to", ""), grain);
  } else if (kind == "open_after") {
    g.value = row.value("from", "").substr(0, grain_length(grain));
    g.mod = "on_or_after";
  } else if (kind == "open_before") {
    g.value = row.value("to", "").substr(0, grain_length(grain));
    g.mod = "on_or_before";
  } else {
    g.value = row.value("value", "");
  }
  // README: Duckling's 설날 is the solar new year; the holiday is the lunar one.
  if (row.value("text", "") == "설날") g.value = "2014-01-31";
  if (g.value_end == g.value) g.value_end.clear();
  return g;
}

struct Score {
  int total = 0, found = 0, exact = 0;
};

// The longest match of a text, or nullptr.
const sillok::TimeMatch* longest(const std::vector<sillok::TimeMatch>& matches) {
  const sillok::TimeMatch* best = nullptr;
  for (const auto& m : matches)
    if (!best || m.end - m.begin > best->end - best->begin) best = &m;
  return best;
}

// An interval gold row judged at our precision when our range is coarser than its grain:
// from truncated to it, to (exclusive) minus one of our grains.
Gold at_precision(const nlohmann::json& row, Gold g, const sillok::TimeMatch& m) {
  const std::string grain = row.value("grain", "");
  if (row.value("kind", "") != "interval" || m.value_end.empty() ||
      grain_length(m.precision) >= grain_length(grain))
    return g;
  g.value = row.value("from", "").substr(0, grain_length(m.precision));
  g.value_end = inclusive_end(row.value("to", ""), m.precision);
  if (g.value_end == g.value) g.value_end.clear();
  return g;
}

Score score(const sillok::TimeTagger& tagger, const std::string& path, const std::string& label) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  Score sc;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto row = nlohmann::json::parse(line);
    const std::string text = row.at("text");
    auto ref = sillok::parse_timestamp(row.at("ref").get<std::string>());
    if (!ref) throw std::runtime_error("bad ref in: " + line);
    ref->utc_offset_minutes = -120;  // Duckling's testContext, see the top
    ++sc.total;
    const auto matches = tagger.tag(text, *ref, sillok::Direction::forward);
    const sillok::TimeMatch* best = longest(matches);
    Gold g = gold_of(row);
    std::string got, got_end;
    if (best) {
      std::tie(got, got_end) = canonical(best->value, best->value_end);
      g = at_precision(row, g, *best);
      ++sc.found;
    }
    if (got_end == got) got_end.clear();
    const bool mod_ok = g.mod.empty() || (best && best->mod == g.mod);
    if (best && got == g.value && got_end == g.value_end && mod_ok) {
      ++sc.exact;
      continue;
    }
    std::cout << label << "MISS " << text << "\n     gold " << g.value
              << (g.value_end.empty() ? "" : " .. " + g.value_end)
              << (g.mod.empty() ? "" : " " + g.mod) << "\n     got  "
              << (best ? best->text + " -> " + got : "(nothing)")
              << (got_end.empty() ? "" : " .. " + got_end)
              << (best && !best->mod.empty() ? " " + best->mod : "") << "\n";
  }
  return sc;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string profile;
  if (args.size() >= 2 && args[0] == "--profile") {
    profile = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.size() != 1 && args.size() != 3) {
    std::cerr << "usage: time_eval [--profile NAME] <duckling-ko-time.dev.jsonl> "
                 "[rules.json lunar.json]\n";
    return 2;
  }
  try {
    auto load = [&](const std::string& name) {
      return args.size() == 3 ? sillok::TimeTagger::load(args[1], args[2], name)
                              : sillok::TimeTagger::load_default(name);
    };
    std::vector<std::string> names{profile};
    if (profile.empty()) names = load("").profiles();
    for (const std::string& name : names) {
      const auto tagger = load(name);
      const std::string label = names.size() > 1 ? "[" + name + "] " : "";
      const Score sc = score(tagger, args[0], label);
      std::printf("profile %s: expressions %d, found %d, exact %d (%.1f%%)\n",
                  tagger.profile().c_str(), sc.total, sc.found, sc.exact,
                  sc.total ? 100.0 * sc.exact / sc.total : 0.0);
      std::fflush(stdout);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "time_eval: " << e.what() << "\n";
    return 1;
  }
}
