#include "extract/timex.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "extract/data_file.h"
#include "extract/data_path.h"
#include "extract/utf8.h"

namespace sillok {

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

namespace {

// A list of forms with an integer value each, matched longest first at a byte position.
// A space inside a form matches zero or more spaces of the text ("다음 주" = "다음주").
class WordTable;
// The tables an expression (or a clause word) can begin with. Every WordTable says at
// construction whether it leads — registering itself here — or only trails other words
// (suffixes, separators), so a new table cannot be forgotten by the start filters
// (TimexRules::starters); a table wrongly marked as leading only costs speed.
using LeadingTables = std::vector<const WordTable*>;
struct Trails {};
inline constexpr Trails kTrails{};

class WordTable {
 public:
  explicit WordTable(LeadingTables& leading) { leading.push_back(this); }
  explicit WordTable(Trails) {}
  // The registry holds its address: no copies or moves.
  WordTable(const WordTable&) = delete;
  WordTable& operator=(const WordTable&) = delete;

  struct Hit {
    int value = 0;
    std::size_t end = 0;
    const std::string* form = nullptr;
  };

  void add(std::string form, int value) {
    if (!form.empty()) entries_.emplace_back(std::move(form), value);
  }
  // Sorts longest first and buckets the forms by their first code point, so a lookup only
  // tries the forms that can start at the position.
  void finish() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    buckets_.clear();
    filter_.fill(0);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const char32_t key = first_cp(entries_[i].first, 0);
      buckets_[key].push_back(i);
      filter_[filter_slot(key)] |= filter_bit(key);
    }
  }
  // Inline: most positions of a text start no form of a given table, and the filter rejects
  // them without a call or a hash (tag() probes dozens of tables at every word start,
  // clause_direction() several at every character).
  std::optional<Hit> match(std::string_view s, std::size_t pos) const {
    if (pos >= s.size()) return std::nullopt;
    const char32_t key = first_cp(s, pos);
    if (!(filter_[filter_slot(key)] & filter_bit(key))) return std::nullopt;
    return match_bucket(key, s, pos);
  }
  // Calls f(key) for every bucket key: the first code points a match can start with.
  template <class F>
  void for_each_key(F&& f) const {
    for (const auto& [key, unused] : buckets_) f(key);
  }

  // The bucket key at pos (pos < s.size()): the code point starting there, or the raw byte
  // when the sequence there is invalid (tables hold valid UTF-8; text may be cut). ASCII and
  // valid three-byte sequences (Hangul, CJK) are decoded inline; the rest goes through
  // find_invalid, with the same result.
  static char32_t first_cp(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return c;
    if ((c & 0xF0) == 0xE0 && pos + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[pos + 1]);
      const auto b2 = static_cast<unsigned char>(s[pos + 2]);
      const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) |
                          (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 &&
          (cp < 0xD800 || cp > 0xDFFF))
        return cp;
    }
    return first_cp_other(s, pos);
  }

 private:
  // One bit per slot over the bucket keys, code points folded onto 16384 bits: wide enough
  // that no two Hangul syllables share a bit.
  static std::size_t filter_slot(char32_t key) { return (key >> 6) & 255; }
  static std::uint64_t filter_bit(char32_t key) { return std::uint64_t{1} << (key & 63); }
  static bool is_blank(char c) { return c == ' ' || c == '\t'; }
  // first_cp for what is neither ASCII nor a valid three-byte sequence; out of line so that
  // first_cp stays small enough to inline.
  static char32_t first_cp_other(std::string_view s, std::size_t pos) {
    if (utf8::find_invalid(s.substr(pos, std::min<std::size_t>(4, s.size() - pos))) ==
        std::size_t{0})
      return static_cast<unsigned char>(s[pos]);
    return utf8::decode(s, pos);
  }

  // The longest form with first code point `key` that matches at pos.
  std::optional<Hit> match_bucket(char32_t key, std::string_view s, std::size_t pos) const {
    auto bucket = buckets_.find(key);
    if (bucket == buckets_.end()) return std::nullopt;
    for (std::size_t i : bucket->second) {
      const auto& [form, value] = entries_[i];
      if (auto end = match_form(form, s, pos)) return Hit{value, *end, &form};
    }
    return std::nullopt;
  }
  static std::optional<std::size_t> match_form(const std::string& form, std::string_view s,
                                               std::size_t pos) {
    std::size_t i = pos;
    for (char f : form) {
      if (f == ' ') {
        while (i < s.size() && is_blank(s[i])) ++i;
        continue;
      }
      if (i >= s.size() || s[i] != f) return std::nullopt;
      ++i;
    }
    return i;
  }

  std::vector<std::pair<std::string, int>> entries_;
  std::unordered_map<char32_t, std::vector<std::size_t>> buckets_;
  std::array<std::uint64_t, 256> filter_{};  // see filter_slot
};

// A set of code points (WordTable keys): one bit per BMP code point, a list for the rest.
class CodePointSet {
 public:
  void insert(char32_t c) {
    if (c < kBmp)
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
    else if (!contains(c))
      others_.push_back(c);
  }
  bool contains(char32_t c) const {
    if (c < kBmp) return (bits_[c >> 6] >> (c & 63)) & 1;
    return std::find(others_.begin(), others_.end(), c) != others_.end();
  }

 private:
  static constexpr char32_t kBmp = 0x10000;
  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBmp / 64);
  std::vector<char32_t> others_;
};

enum class Unit { year, month, months, dal, week, day, hour, hours, minute, second, quarter, half };
enum class Shift { am, pm, noon, night };
enum class Rel { none, forward, backward, next, self };
enum class Prec { year, half, quarter, season, month, week, day, hour, minute, second };

const std::vector<std::string>& prec_names() {
  static const std::vector<std::string> names = {"year", "half", "quarter", "season", "month",
                                                 "week", "day",  "hour",    "minute", "second"};
  return names;
}
const char* prec_name(Prec p) { return prec_names()[static_cast<std::size_t>(p)].c_str(); }

// TIMEX3 season codes by the index stored in the seasons table; a season starts in the month
// 3 * (index + 1) (spring March, summer June, autumn September, winter December).
const std::vector<std::string>& season_codes() {
  static const std::vector<std::string> codes = {"SP", "SU", "FA", "WI"};
  return codes;
}

// Modifier names stored as table values by index.
const std::vector<std::string>& mod_names() {
  static const std::vector<std::string> names = {"",       "start",        "mid",        "end",
                                                 "approx", "on_or_before", "on_or_after"};
  return names;
}

int mod_index(const DataObject& where, const char* key, const std::string& name) {
  const auto& names = mod_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end() || name.empty()) where.fail(key, "unknown modifier \"" + name + "\"");
  return static_cast<int>(it - names.begin());
}

}  // namespace

struct TimexRules {
  // Declared first: the tables below register themselves in their constructors.
  LeadingTables leading;         // tables Scanner::parse_at may read first
  LeadingTables clause_leading;  // tables clause_direction() may read first
  WordTable sino_digits{leading}, sino_powers{leading}, native_units{leading},
      native_tens{leading}, day_counts{leading};
  WordTable units{kTrails};  // value: Unit
  std::map<std::string, WordTable> unit_blocked;  // each kTrails
  WordTable blocked_after{kTrails}, sino_single_units{kTrails};
  WordTable month_names{leading}, day_words{leading}, week_words{leading},
      month_words{leading}, year_words{leading}, quarter_words{leading};
  WordTable now_words{leading}, weekdays{leading}, parts_of_day{leading},
      fixed_times{leading}, relative_prefixes{leading};
  WordTable period_mods{kTrails}, year_parts{leading}, year_periods{leading},
      within_month{kTrails}, ordinals{leading}, last_day{leading}, weekend{leading};
  WordTable approx_prefixes{leading}, approx_suffixes{kTrails}, until_suffixes{kTrails},
      since_suffixes{kTrails};
  WordTable duration_suffixes{kTrails}, glued_duration_suffixes{kTrails},
      within_suffixes{kTrails}, ago_suffixes{kTrails}, later_suffixes{kTrails};
  WordTable after_suffixes{kTrails};  // a duration + 이후 -> anchor + duration, on_or_after
  WordTable range_separators{kTrails}, range_closers{kTrails};
  WordTable seasons{leading};        // value: index into season_codes()
  WordTable time_zones{leading};     // value: UTC offset in minutes
  WordTable vague_numbers{leading};  // value: index into vague
  struct Vague {
    int value = 0;
    unsigned units = 0;   // bit (1 << Unit) for each unit the word may count
    bool spaced = false;  // a space may separate it from the unit ("몇 시간"; not "할 수 년")
  };
  std::vector<Vague> vague;
  WordTable set_words{leading};  // value: index into set_values
  std::vector<std::string> set_values;
  WordTable holidays_fixed{leading};  // value: month * 100 + day
  WordTable holidays_lunar{leading};  // value: index into lunar_keys
  std::vector<std::string> lunar_keys;
  std::map<int, std::vector<long>> lunar;  // year -> day number per lunar key (-1 unknown)
  std::set<std::string> strict_words;
  std::set<std::string> needs_more;  // year words that cannot stand alone (올)
  WordTable strict_particles{kTrails};
  // The convention profile (profiles.<name> in the rules file).
  std::string profile;
  std::vector<std::string> profile_names;
  std::array<Prec, 12> shift_precision{};  // by Unit: precision of "anchor +- duration"
  bool clock_forward_next = false;         // a clock time in a future clause: its next occurrence
  // direction_slack_days: how far on the other side of the anchor a bare day / a month and day
  // may fall before the direction sends it a month / a year away
  int slack_day = 0, slack_month_day = 0;
  unsigned window_units = 0;  // bit (1 << Unit): "N일 이내" is [anchor, anchor + N), not a deadline
  std::map<std::string, std::pair<int, int>> day_periods;  // 저녁 -> [18, 24) hours
  WordTable clause_forward{clause_leading}, clause_backward{clause_leading};
  WordTable past_followers{kTrails}, present_followers{kTrails}, not_past{kTrails};
  WordTable future_followers{kTrails};  // after a ㄹ-final syllable: 내릴 가능성, 열릴 예정
  std::vector<std::string> not_present;  // what before 한다 makes it hearsay (밝혔다고 한다)
  // The keys (WordTable::first_cp) a time expression can start with: those of the leading
  // tables, and the ASCII digits. tag() only parses at word starts whose first code point is
  // in it.
  CodePointSet starters;
  CodePointSet clause_starters;  // the keys of the clause_leading tables
};

namespace {

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

const nlohmann::json& member(const DataObject& obj, const nlohmann::json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end()) obj.fail(key, "missing");
  return *it;
}

// {form: integer} -> table.
void load_int_map(WordTable& table, const nlohmann::json& doc, const DataObject& where,
                  const char* key) {
  const auto& m = member(where, doc, key);
  if (!m.is_object()) where.fail(key, "expected an object of integers");
  for (const auto& [form, value] : m.items()) {
    if (!value.is_number_integer())
      where.fail((std::string(key) + "/" + form).c_str(), "expected an integer");
    table.add(form, value.get<int>());
  }
  table.finish();
}

// [forms] -> table with value 0.
void load_list(WordTable& table, const DataObject& where, const char* key, int value = 0) {
  for (const auto& form : where.strings(key)) table.add(form, value);
  table.finish();
}

// {form: name} -> table whose value is the index of name in `names`.
void load_name_map(WordTable& table, const nlohmann::json& doc, const DataObject& where,
                   const char* key, const std::vector<std::string>& names) {
  const auto& m = member(where, doc, key);
  if (!m.is_object()) where.fail(key, "expected an object of strings");
  for (const auto& [form, value] : m.items()) {
    const std::string path = std::string(key) + "/" + form;
    if (!value.is_string()) where.fail(path.c_str(), "expected a string");
    auto it = std::find(names.begin(), names.end(), value.get<std::string>());
    if (it == names.end())
      where.fail(path.c_str(), "unknown value \"" + value.get<std::string>() + "\"");
    table.add(form, static_cast<int>(it - names.begin()));
  }
  table.finish();
}

void load_mod_map(WordTable& table, const nlohmann::json& doc, const DataObject& where,
                  const char* key) {
  const auto& m = member(where, doc, key);
  if (!m.is_object()) where.fail(key, "expected an object of modifier names");
  for (const auto& [form, value] : m.items()) {
    if (!value.is_string()) where.fail(key, "expected modifier names");
    table.add(form, mod_index(where, key, value.get<std::string>()));
  }
  table.finish();
}

const std::vector<std::string>& unit_ids() {
  static const std::vector<std::string> ids = {"year",   "month",  "months",  "dal",
                                               "week",   "day",    "hour",    "hours",
                                               "minute", "second", "quarter", "half"};
  return ids;
}

// One profile's shift_precision: {unit: precision}, over what is already set.
void load_shift_precision(TimexRules& r, const nlohmann::json& m, const DataObject& where) {
  if (!m.is_object()) where.fail("shift_precision", "expected an object of precision names");
  const auto& precs = prec_names();
  for (const auto& [unit, prec] : m.items()) {
    const auto& ids = unit_ids();
    auto u = std::find(ids.begin(), ids.end(), unit);
    auto pr =
        std::find(precs.begin(), precs.end(), prec.is_string() ? prec.get<std::string>() : "");
    if (u == ids.end() || pr == precs.end() || *pr == "season")
      where.fail(("shift_precision/" + unit).c_str(), "expected a unit id and a precision name");
    r.shift_precision[static_cast<std::size_t>(u - ids.begin())] =
        static_cast<Prec>(pr - precs.begin());
  }
}

// A string member of a profile that must be one of `allowed`; false for allowed[0].
bool profile_choice(const nlohmann::json& prof, const DataObject& where, const char* key,
                    const std::array<const char*, 2>& allowed) {
  const auto& v = member(where, prof, key);
  const std::string s = v.is_string() ? v.get<std::string>() : "";
  if (s != allowed[0] && s != allowed[1])
    where.fail(key, std::string("expected \"") + allowed[0] + "\" or \"" + allowed[1] + "\"");
  return s == allowed[1];
}

// The members of one profile; `complete` profiles (the default) must name every member, the
// others inherit what they leave out.
void apply_profile(TimexRules& r, const nlohmann::json& prof, const DataObject& where,
                   bool complete) {
  if (!prof.is_object()) where.fail("expected an object");
  for (const char* key :
       {"shift_precision", "clock_forward", "within_window_units", "direction_slack_days"}) {
    if (complete && !prof.contains(key)) where.fail(key, "missing");
  }
  if (prof.contains("shift_precision")) load_shift_precision(r, prof["shift_precision"], where);
  if (prof.contains("clock_forward"))
    r.clock_forward_next =
        profile_choice(prof, where, "clock_forward", {"anchor_day", "next_occurrence"});
  if (prof.contains("direction_slack_days")) {
    const auto& m = prof["direction_slack_days"];
    for (const char* key : {"day", "month_day"}) {
      if (!m.is_object() || !m.contains(key) || !m[key].is_number_integer() ||
          m[key].get<int>() < 0 || m[key].get<int>() > 180)
        where.fail("direction_slack_days", "expected {\"day\": 0..180, \"month_day\": 0..180}");
    }
    r.slack_day = m["day"].get<int>();
    r.slack_month_day = m["month_day"].get<int>();
  }
  if (prof.contains("within_window_units")) {
    r.window_units = 0;
    const auto& ids = unit_ids();
    for (const auto& u : where.strings("within_window_units")) {
      auto it = std::find(ids.begin(), ids.end(), u);
      if (it == ids.end()) where.fail("within_window_units", "unknown unit id \"" + u + "\"");
      r.window_units |= 1u << static_cast<unsigned>(it - ids.begin());
    }
  }
}

// profiles: {name: {shift_precision, clock_forward, within_window_units,
// direction_slack_days}}; default_profile names the complete one the others start from.
// `name` empty: the default.
void load_profile(TimexRules& r, const nlohmann::json& doc, const DataObject& where,
                  const std::string& name) {
  const auto& profiles = member(where, doc, "profiles");
  if (!profiles.is_object()) where.fail("profiles", "expected an object of profiles");
  for (const auto& [n, unused] : profiles.items()) r.profile_names.push_back(n);
  const auto& def = member(where, doc, "default_profile");
  const std::string def_name = def.is_string() ? def.get<std::string>() : "";
  if (!profiles.contains(def_name)) where.fail("default_profile", "names no profile in /profiles");
  r.profile = name.empty() ? def_name : name;
  if (!profiles.contains(r.profile)) where.fail("profiles", "no profile \"" + r.profile + "\"");
  r.shift_precision.fill(Prec::day);
  apply_profile(
      r, profiles[def_name],
      DataObject(profiles[def_name], where.file(), where.path() + "/profiles/" + def_name), true);
  if (r.profile != def_name)
    apply_profile(
        r, profiles[r.profile],
        DataObject(profiles[r.profile], where.file(), where.path() + "/profiles/" + r.profile),
        false);
}

// day_periods: {part of day: [from, to)}.
void load_day_periods(TimexRules& r, const nlohmann::json& doc, const DataObject& where) {
  for (const auto& [name, hours] : member(where, doc, "day_periods").items()) {
    if (!hours.is_array() || hours.size() != 2 || !hours[0].is_number_integer() ||
        !hours[1].is_number_integer() || hours[0].get<int>() < 0 || hours[1].get<int>() > 24 ||
        hours[0].get<int>() >= hours[1].get<int>())
      where.fail(("day_periods/" + name).c_str(), "expected [from hour, to hour], 0..24");
    r.day_periods[name] = {hours[0].get<int>(), hours[1].get<int>()};
  }
}

void load_units(TimexRules& r, const nlohmann::json& doc, const DataObject& where) {
  const auto& ids = unit_ids();
  const auto& m = member(where, doc, "units");
  if (!m.is_object()) where.fail("units", "expected an object");
  for (const auto& [id, forms] : m.items()) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) where.fail("units", "unknown unit \"" + id + "\"");
    if (!forms.is_array()) where.fail(("units/" + id).c_str(), "expected an array of strings");
    for (const auto& f : forms) {
      if (!f.is_string()) where.fail(("units/" + id).c_str(), "expected strings");
      r.units.add(f.get<std::string>(), static_cast<int>(it - ids.begin()));
    }
  }
  r.units.finish();
  const auto& blocked = member(where, doc, "unit_blocked");
  if (!blocked.is_object()) where.fail("unit_blocked", "expected an object");
  for (const auto& [form, nexts] : blocked.items()) {
    DataObject holder(blocked, where.file(), where.path() + "/unit_blocked");
    auto& table = r.unit_blocked.emplace(std::piecewise_construct, std::forward_as_tuple(form),
                                         std::forward_as_tuple(kTrails))
                      .first->second;
    load_list(table, holder, form.c_str());
  }
}

// time_zones: {name: UTC offset in minutes}; Latin names match in upper or lower case
// ("GMT", "gmt"), since news and chat write both.
void load_time_zones(TimexRules& r, const nlohmann::json& doc, const DataObject& where) {
  const auto& m = member(where, doc, "time_zones");
  if (!m.is_object()) where.fail("time_zones", "expected an object of integers");
  for (const auto& [form, value] : m.items()) {
    if (!value.is_number_integer() || std::abs(value.get<int>()) > 14 * 60)
      where.fail(("time_zones/" + form).c_str(), "expected a UTC offset in minutes, -840..840");
    std::string lower = form, upper = form;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto& f : {form, lower, upper}) r.time_zones.add(f, value.get<int>());
  }
  r.time_zones.finish();
}

// vague_numbers: {word: {"value": n, "spaced": bool, "units": [unit ids]}}: 몇 시간 ~ 3 hours.
void load_vague_numbers(TimexRules& r, const nlohmann::json& doc, const DataObject& where) {
  const auto& m = member(where, doc, "vague_numbers");
  if (!m.is_object()) where.fail("vague_numbers", "expected an object");
  const auto& ids = unit_ids();
  for (const auto& [form, entry] : m.items()) {
    const std::string path = "vague_numbers/" + form;
    if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_number_integer() ||
        !entry.contains("units") || !entry["units"].is_array() || !entry.contains("spaced") ||
        !entry["spaced"].is_boolean())
      where.fail(path.c_str(),
                 "expected {\"value\": integer, \"spaced\": boolean, \"units\": [unit ids]}");
    TimexRules::Vague v;
    v.value = entry["value"].get<int>();
    v.spaced = entry["spaced"].get<bool>();
    for (const auto& u : entry["units"]) {
      auto it = std::find(ids.begin(), ids.end(), u.is_string() ? u.get<std::string>() : "");
      if (it == ids.end()) where.fail(path.c_str(), "unknown unit id");
      v.units |= 1u << static_cast<unsigned>(it - ids.begin());
    }
    r.vague_numbers.add(form, static_cast<int>(r.vague.size()));
    r.vague.push_back(v);
  }
  r.vague_numbers.finish();
}

void load_sets_and_holidays(TimexRules& r, const nlohmann::json& doc, const DataObject& where) {
  for (const auto& [form, value] : member(where, doc, "set_words").items()) {
    if (!value.is_string()) where.fail("set_words", "expected strings");
    r.set_words.add(form, static_cast<int>(r.set_values.size()));
    r.set_values.push_back(value.get<std::string>());
  }
  r.set_words.finish();
  for (const auto& [form, value] : member(where, doc, "holidays_fixed").items()) {
    const std::string s = value.is_string() ? value.get<std::string>() : "";
    int month = 0, day = 0;
    if (std::sscanf(s.c_str(), "%d-%d", &month, &day) != 2 || !make_date(2000, month, day)) {
      where.fail(("holidays_fixed/" + form).c_str(), "expected \"MM-DD\"");
    }
    r.holidays_fixed.add(form, month * 100 + day);
  }
  r.holidays_fixed.finish();
  for (const auto& [form, value] : member(where, doc, "holidays_lunar").items()) {
    if (!value.is_string()) where.fail("holidays_lunar", "expected strings");
    const std::string key = value.get<std::string>();
    auto it = std::find(r.lunar_keys.begin(), r.lunar_keys.end(), key);
    if (it == r.lunar_keys.end()) it = r.lunar_keys.insert(r.lunar_keys.end(), key);
    r.holidays_lunar.add(form, static_cast<int>(it - r.lunar_keys.begin()));
  }
  r.holidays_lunar.finish();
}

void load_lunar(TimexRules& r, const std::string& path) {
  const nlohmann::json doc = load_json_file(path);
  expect_format(doc, path, "sillok-calendar/lunar", 1);
  const auto it = doc.find("years");
  if (it == doc.end() || !it->is_object()) throw DataError(path + ": /years: expected an object");
  for (const auto& [year_text, entry] : it->items()) {
    const std::string where = path + ": /years/" + year_text;
    if (!entry.is_object()) throw DataError(where + ": expected an object");
    std::vector<long> days(r.lunar_keys.size(), -1);
    for (std::size_t k = 0; k < r.lunar_keys.size(); ++k) {
      auto f = entry.find(r.lunar_keys[k]);
      if (f == entry.end()) continue;
      const std::string s = f->is_string() ? f->get<std::string>() : "";
      int y = 0, m = 0, d = 0;
      std::optional<CivilDate> date;
      if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3) date = make_date(y, m, d);
      if (!date) throw DataError(where + "/" + r.lunar_keys[k] + ": expected \"YYYY-MM-DD\"");
      days[k] = date->to_days();
    }
    r.lunar[std::atoi(year_text.c_str())] = std::move(days);
  }
}

// Fills r.starters. Scanner::parse_at begins every alternative at its start position with
// one of these (sets; approx and relative prefixes; durations: day counts and numbers;
// composites: the first reader of read_date_part that succeeds) or with an Arabic digit
// (numbers, numeric dates, clock times). A table added to those readers must be added here.
void collect_starters(TimexRules& r) {
  for (const WordTable* t : r.leading)
    t->for_each_key([&](char32_t key) { r.starters.insert(key); });
  for (char32_t c = '0'; c <= '9'; ++c) r.starters.insert(c);
  for (const WordTable* t : r.clause_leading)
    t->for_each_key([&](char32_t key) { r.clause_starters.insert(key); });
}

std::shared_ptr<TimexRules> load_rules(const std::string& path, const std::string& profile) {
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/time");
  auto r = std::make_shared<TimexRules>();
  const auto& numbers = member(root, doc, "numbers");
  const DataObject num(numbers, path, "/numbers");
  load_int_map(r->sino_digits, numbers, num, "sino_digits");
  load_int_map(r->sino_powers, numbers, num, "sino_powers");
  load_int_map(r->native_units, numbers, num, "native_units");
  load_int_map(r->native_tens, numbers, num, "native_tens");
  load_int_map(r->day_counts, doc, root, "day_counts");
  load_units(*r, doc, root);
  load_list(r->blocked_after, root, "blocked_after");
  load_list(r->sino_single_units, root, "sino_single_units");
  load_int_map(r->month_names, doc, root, "month_names");
  load_int_map(r->day_words, doc, root, "day_words");
  load_int_map(r->week_words, doc, root, "week_words");
  load_int_map(r->month_words, doc, root, "month_words");
  load_int_map(r->year_words, doc, root, "year_words");
  load_int_map(r->quarter_words, doc, root, "quarter_words");
  load_list(r->now_words, root, "now_words");
  load_int_map(r->weekdays, doc, root, "weekdays");
  load_name_map(r->parts_of_day, doc, root, "parts_of_day", {"am", "pm", "noon", "night"});
  load_int_map(r->fixed_times, doc, root, "fixed_times");
  load_name_map(r->relative_prefixes, doc, root, "relative_prefixes",
                {"none", "forward", "backward", "next", "this"});
  load_mod_map(r->period_mods, doc, root, "period_mods");
  load_int_map(r->year_parts, doc, root, "year_parts");
  load_mod_map(r->year_periods, doc, root, "year_periods");
  load_list(r->within_month, root, "within_month");
  load_int_map(r->ordinals, doc, root, "ordinals");
  load_list(r->last_day, root, "last_day");
  load_list(r->weekend, root, "weekend");
  load_list(r->approx_prefixes, root, "approx_prefixes");
  load_list(r->approx_suffixes, root, "approx_suffixes");
  load_list(r->until_suffixes, root, "until_suffixes");
  load_list(r->since_suffixes, root, "since_suffixes");
  load_list(r->duration_suffixes, root, "duration_suffixes");
  load_list(r->glued_duration_suffixes, root, "glued_duration_suffixes");
  load_list(r->within_suffixes, root, "within_suffixes");
  load_list(r->ago_suffixes, root, "ago_suffixes");
  load_list(r->later_suffixes, root, "later_suffixes");
  load_list(r->after_suffixes, root, "after_suffixes");
  load_name_map(r->seasons, doc, root, "seasons", season_codes());
  load_time_zones(*r, doc, root);
  load_vague_numbers(*r, doc, root);
  load_list(r->range_separators, root, "range_separators");
  load_list(r->range_closers, root, "range_closers");
  load_sets_and_holidays(*r, doc, root);
  load_day_periods(*r, doc, root);
  load_profile(*r, doc, root, profile);
  for (const auto& w : root.strings("strict_words")) r->strict_words.insert(w);
  for (const auto& w : root.strings("needs_more")) r->needs_more.insert(w);
  load_list(r->strict_particles, root, "strict_particles");
  const auto& clause = member(root, doc, "clause");
  const DataObject cl(clause, path, "/clause");
  load_list(r->clause_forward, cl, "forward");
  load_list(r->clause_backward, cl, "backward");
  load_list(r->past_followers, cl, "past_followers");
  load_list(r->present_followers, cl, "present_followers");
  load_list(r->future_followers, cl, "future_followers");
  load_list(r->not_past, cl, "not_past");
  r->not_present = cl.strings("not_present");
  collect_starters(*r);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic and value formatting
// ---------------------------------------------------------------------------------------------

std::string pad(long v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*ld", width, v);
  return buf;
}

// ISO 8601 week of a date: {week-year, week}.
std::pair<int, int> iso_week(const CivilDate& d) {
  const CivilDate thursday = d.add_days(3 - d.weekday());
  const long jan1 = CivilDate{thursday.year, 1, 1}.to_days();
  return {thursday.year, static_cast<int>((thursday.to_days() - jan1) / 7 + 1)};
}

CivilDate monday_of(const CivilDate& d) { return d.add_days(-d.weekday()); }

// A resolved point or period: a date plus time at some precision.
struct Point {
  Prec prec = Prec::day;
  CivilDate date;  // first day of the period for coarse precisions
  int hour = 0, minute = 0, second = 0;
  bool weekend = false;

  std::string value() const {
    const std::string y = pad(date.year, 4);
    switch (prec) {
      case Prec::year:
        return y;
      case Prec::half:
        return y + "-H" + (date.month <= 6 ? "1" : "2");
      case Prec::quarter:
        return y + "-Q" + std::to_string((date.month - 1) / 3 + 1);
      case Prec::season:  // date is the season's first day: 03-01 SP .. 12-01 WI
        return y + "-" + season_codes()[static_cast<std::size_t>(date.month / 3 - 1)];
      case Prec::month:
        return y + "-" + pad(date.month, 2);
      case Prec::week: {
        const auto [wy, w] = iso_week(date);
        return pad(wy, 4) + "-W" + pad(w, 2) + (weekend ? "-WE" : "");
      }
      case Prec::day:
        return date.iso();
      case Prec::hour:
        return date.iso() + "T" + pad(hour, 2) + ":00";
      case Prec::minute:
        return date.iso() + "T" + pad(hour, 2) + ":" + pad(minute, 2);
      case Prec::second:
        return date.iso() + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2);
    }
    return {};
  }
  long seconds() const { return date.to_days() * 86400L + hour * 3600L + minute * 60L + second; }
  static Point from_seconds(long s, Prec prec) {
    Point p;
    p.prec = prec;
    long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    long rest = s - days * 86400;
    p.date = CivilDate::from_days(days);
    p.hour = static_cast<int>(rest / 3600);
    p.minute = static_cast<int>(rest % 3600 / 60);
    p.second = static_cast<int>(rest % 60);
    return p;
  }
};

// Whether a candidate `diff` days from the anchor fits the direction; one on the other side
// fits within `slack` days (see direction_slack_days in the rules).
bool fits(Direction dir, long diff, int slack) {
  if (std::labs(diff) <= slack) return true;
  return !(dir == Direction::forward && diff < 0) && !(dir == Direction::backward && diff > 0);
}

// Year of month/day that best fits the anchor and direction (02-29 skips non-leap years).
std::optional<CivilDate> infer_year(int month, int day, const CivilDate& anchor, Direction dir,
                                    int slack) {
  std::optional<CivilDate> best;
  long best_dist = 0;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    auto d = make_date(y, month, day);
    if (!d) continue;
    const long diff = d->to_days() - anchor.to_days();
    if (!fits(dir, diff, slack)) continue;
    const long dist = std::labs(diff);
    if (!best || dist < best_dist) best = d, best_dist = dist;
  }
  if (!best && dir != Direction::nearest)
    return infer_year(month, day, anchor, Direction::nearest, 0);
  return best;
}

// The year of a month given without one; nearest prefers the anchor's year within six months.
int infer_month_year(int month, const CivilDate& anchor, Direction dir) {
  const int a = anchor.year * 12 + anchor.month - 1;
  int best = anchor.year;
  int best_dist = 1 << 30;
  for (int y = anchor.year; y >= anchor.year - 1; --y) {
    for (int yy : {y, anchor.year + 1}) {
      const int diff = yy * 12 + month - 1 - a;
      if (dir == Direction::forward && diff < 0) continue;
      if (dir == Direction::backward && diff > 0) continue;
      const int dist = std::abs(diff) + (yy == anchor.year ? 0 : 1);  // ties: the anchor's year
      if (dist < best_dist) best = yy, best_dist = dist;
    }
  }
  return best;
}

// A day of month given without a month: the previous, current or next month.
std::optional<CivilDate> infer_month(int day, const CivilDate& anchor, Direction dir, int slack) {
  std::optional<CivilDate> best;
  long best_dist = 0;
  for (int off = -2; off <= 2; ++off) {  // +-2: a 31st may skip a 30-day month
    const CivilDate first = CivilDate{anchor.year, anchor.month, 1}.add_months(off);
    auto d = make_date(first.year, first.month, day);
    if (!d) continue;
    const long diff = d->to_days() - anchor.to_days();
    if (!fits(dir, diff, slack)) continue;
    const long dist = std::labs(diff) * 2 + (diff < 0 ? 1 : 0);  // ties: forward
    if (!best || dist < best_dist) best = d, best_dist = dist;
  }
  return best;
}

// A weekday relative to the anchor: forward strictly after, backward strictly before,
// nearest the anchor itself or the closer neighbour.
CivilDate resolve_weekday(int weekday, const CivilDate& anchor, Direction dir) {
  const int cur = anchor.weekday();
  const int ahead = ((weekday - cur) % 7 + 7) % 7;
  if (dir == Direction::forward) return anchor.add_days(ahead == 0 ? 7 : ahead);
  if (dir == Direction::backward) return anchor.add_days(ahead == 0 ? -7 : ahead - 7);
  if (ahead == 0) return anchor;
  return ahead <= 3 ? anchor.add_days(ahead) : anchor.add_days(ahead - 7);
}

// The n-th (1-based; -1 = last) given weekday of a month.
std::optional<CivilDate> nth_weekday(int year, int month, int weekday, int n) {
  if (n > 0) {
    const CivilDate first{year, month, 1};
    const int ahead = ((weekday - first.weekday()) % 7 + 7) % 7;
    const int day = 1 + ahead + (n - 1) * 7;
    return make_date(year, month, day);
  }
  const CivilDate last{year, month, days_in_month(year, month)};
  const int back = ((last.weekday() - weekday) % 7 + 7) % 7;
  return last.add_days(-back);
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

enum class NumKind { arabic, sino, native, vague };
struct Num {
  long value = 0;
  std::size_t end = 0;
  NumKind kind = NumKind::arabic;
  bool single_sino = false;   // one Sino-Korean digit syllable ("이", "삼"): easily a word
  int digits = 0;             // Arabic digit count
  unsigned vague_units = 0;   // NumKind::vague ("몇"): the units it may count, bit (1 << Unit)
  bool vague_spaced = false;  // NumKind::vague: a space may come before the unit
};

// Everything a composite date/time expression has collected before resolution.
struct Piece {
  std::optional<int> year;
  std::optional<int> month;
  bool month_absolute = false;  // the month came from a word that fixes its year (내달)
  std::optional<int> day, day_end, month_end, hour_end, year_end;  // *_end: "6~8일" ranges
  std::optional<CivilDate> date;  // a day known outright (내일, 추석, 첫째 화요일)
  std::optional<CivilDate> week;  // Monday of a week (다음 주)
  bool weekend = false;
  int quarter = 0, half = 0;
  int weekday = -1;
  int day_weekday = -1;  // a weekday confirming a day ("27일 월요일", "8월 27일(월)")
  int hour = -1, minute = -1, second = -1;
  std::optional<Shift> shift;
  std::string period_form;  // the part-of-day word (저녁), for "내일 저녁" without an hour
  bool next_day_midnight = false;
  int lunar_key = -1;
  int holiday = 0;  // month*100+day of a fixed holiday
  int ordinal = 0;  // n-th weekday of the month, -1 = last
  bool last_day = false;
  bool year_period = false;     // 연말: the year itself
  bool needs_more = false;      // "올" is a year only before more of the date (올 3월)
  bool year_from_word = false;  // the year came from a word relative to the anchor (올해)
  int season = -1;              // index into season_codes()
  std::optional<int> zone;      // UTC offset (minutes) of the clock time ("4pm CET")
  std::string mod;
  Rel rel = Rel::none;
  bool any = false;  // something was read
  bool has_date_part() const {
    return year || month || day || date || week || quarter || half || weekday >= 0 ||
           lunar_key >= 0 || holiday || year_period || season >= 0;
  }
};

// Where the verb endings of a text mark tense, left to right: forward for future or plan
// ("열 예정", "한다"), backward for past ("했다"); a position marked both ways is backward.
struct TenseMark {
  std::size_t pos;
  Direction dir;
};

bool hearsay(std::string_view before, const std::vector<std::string>& markers) {
  for (const auto& m : markers) {
    if (before.size() >= m.size() && before.substr(before.size() - m.size()) == m) return true;
  }
  return false;
}

// The final consonant of a Hangul syllable (utf8::jongseong, inline: tense_mark_at asks it
// of every syllable of every sentence).
int final_consonant(char32_t syllable) { return static_cast<int>((syllable - 0xAC00) % 28); }

// The tense the verb endings at byte `here` of `text` (a code-point start) mark, if any; a
// position marked both ways is backward.
std::optional<Direction> tense_mark_at(const TimexRules& r, std::string_view text,
                                       std::size_t here) {
  std::size_t pos = here;
  const char32_t c = utf8::decode(text, pos);
  bool forward = false, backward = false;
  if (r.clause_starters.contains(WordTable::first_cp(text, here))) {
    forward = r.clause_forward.match(text, here).has_value();
    backward = r.clause_backward.match(text, here).has_value();
  }
  if (utf8::is_hangul_syllable(c)) {
    const int jong = final_consonant(c);
    // (only syllables ending in ㅆ, ㄴ or ㄹ are read further, not_past last: it is the same
    // test in any order)
    if ((jong == 20 || jong == 4 || jong == 8) && !r.not_past.match(text, here)) {
      // a syllable ending in ㅆ (했, 됐, 렸) before a verb ending is past tense
      if (jong == 20 && r.past_followers.match(text, pos)) backward = true;
      // a syllable ending in ㄴ before 다 (한다, 된다, 연다) is the news present: scheduled
      if (jong == 4 && r.present_followers.match(text, pos) &&
          !hearsay(text.substr(0, here), r.not_present))
        forward = true;
      // a syllable ending in ㄹ before 것, 가능성, 예정 (내릴 가능성, 열릴 예정) is the future
      if (jong == 8 && r.future_followers.match(text, pos)) forward = true;
    }
  }
  if (backward) return Direction::backward;
  if (forward) return Direction::forward;
  return std::nullopt;
}

std::vector<TenseMark> tense_marks(const TimexRules& r, std::string_view text) {
  std::vector<TenseMark> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t here = pos;
    utf8::decode(text, pos);
    if (auto dir = tense_mark_at(r, text, here)) out.push_back({here, *dir});
  }
  return out;
}

// The direction of the last tense mark of `text` (tense_marks(r, text).back()), found from the
// end: the last verb ending of a sentence is usually within its last few characters. Text
// that is not valid UTF-8 is scanned forward, where the code-point starts are those of
// tense_marks.
std::optional<Direction> last_tense_mark(const TimexRules& r, std::string_view text) {
  if (utf8::find_invalid(text)) {
    const auto marks = tense_marks(r, text);
    if (marks.empty()) return std::nullopt;
    return marks.back().dir;
  }
  std::size_t pos = text.size();
  while (pos > 0) {
    utf8::decode_before(text, pos);
    if (auto dir = tense_mark_at(r, text, pos)) return dir;
  }
  return std::nullopt;
}

class Scanner {
 public:
  Scanner(const TimexRules& r, std::string_view s, const Timestamp& anchor, Direction dir)
      : r_(r), s_(s), anchor_(anchor), dir_(dir) {}

  std::vector<TimeMatch> run() {
    std::vector<TimeMatch> out;
    std::size_t pos = 0;
    while (pos < s_.size()) {
      if (may_start(pos) && word_start(pos)) {
        if (auto m = parse_at(pos)) {
          pos = m->end;
          note_day(*m);
          out.push_back(std::move(*m));
          continue;
        }
      }
      utf8::decode(s_, pos);
    }
    return out;
  }

 private:
  // Remembers the day of month of a single-day date, for the days in series after it.
  void note_day(const TimeMatch& m) {
    int y = 0, mo = 0, d = 0;
    if (m.type == TimeType::date && m.precision == "day" && m.value.size() == 10 &&
        std::sscanf(m.value.c_str(), "%d-%d-%d", &y, &mo, &d) == 3) {
      if (auto date = make_date(y, mo, d)) {
        last_day_ = Point{};
        last_day_->date = *date;
      }
    }
  }

  // "15일까지 … 24일 안에": after a day of the month, a later day count followed by 안에 / 이내
  // continues the series of dates (by the 24th of the same month), not a count of days from
  // the anchor.
  bool day_in_series(long n) const { return last_day_ && n > last_day_->date.day && n <= 31; }

  // ---- character helpers ----
  // Whether an expression can begin at pos at all (see TimexRules::starters): most word
  // starts of a sentence cannot, and parse_at tries a dozen readings at each.
  bool may_start(std::size_t pos) const {
    return r_.starters.contains(WordTable::first_cp(s_, pos));
  }
  char32_t cp_at(std::size_t pos) const {
    if (pos >= s_.size()) return 0;
    std::size_t p = pos;
    return utf8::decode(s_, p);
  }
  bool word_start(std::size_t pos) const {
    if (pos == 0) return true;
    std::size_t p = pos;
    const char32_t prev = utf8::decode_before(s_, p);
    if (utf8::is_word_char(prev)) return false;
    // not the fraction of a decimal number ("6.5년", "1,000일")
    if ((prev == '.' || prev == ',') && p > 0 &&
        utf8::is_ascii_digit(static_cast<unsigned char>(s_[p - 1])))
      return false;
    return true;
  }
  std::size_t skip_spaces(std::size_t pos) const {
    while (pos < s_.size() && (s_[pos] == ' ' || s_[pos] == '\t')) ++pos;
    return pos;
  }
  bool is_digit_at(std::size_t pos) const {
    return pos < s_.size() && s_[pos] >= '0' && s_[pos] <= '9';
  }
  // True when nothing word-like continues at `pos`, or a particle does.
  bool ends_word(std::size_t pos) const {
    const char32_t c = cp_at(pos);
    if (!utf8::is_word_char(c)) return true;
    if (!utf8::is_hangul_syllable(c)) return false;
    return r_.strict_particles.match(s_, pos).has_value();
  }
  bool particle_follows(std::size_t pos) const {
    return utf8::is_hangul_syllable(cp_at(pos)) && r_.strict_particles.match(s_, pos);
  }
  bool word_ok(const WordTable::Hit& h) const {
    return !r_.strict_words.count(*h.form) || ends_word(h.end);
  }
  std::optional<WordTable::Hit> word(const WordTable& t, std::size_t pos) const {
    auto h = t.match(s_, pos);
    if (h && !word_ok(*h)) return std::nullopt;
    return h;
  }
  bool blocked_at(std::size_t pos) const { return r_.blocked_after.match(s_, pos).has_value(); }

  // ---- numbers ----
  std::optional<Num> arabic(std::size_t pos) const {
    std::size_t p = pos;
    long v = 0;
    while (is_digit_at(p) && p - pos < 6) v = v * 10 + (s_[p++] - '0');
    if (p == pos || is_digit_at(p)) return std::nullopt;
    Num n;
    n.value = v;
    n.end = p;
    n.digits = static_cast<int>(p - pos);
    return n;
  }

  // Every Sino-Korean reading starting at pos, longest first ("삼십일" -> 31, 30, 3).
  std::vector<Num> sino(std::size_t pos) const {
    std::vector<Num> out;
    long total = 0, cur = -1;
    int syllables = 0;
    bool last_digit = false;
    std::size_t p = pos;
    while (p < s_.size()) {
      if (auto d = r_.sino_digits.match(s_, p)) {
        if (last_digit) break;  // "이삼" is not a number
        cur = d->value;
        p = d->end;
        last_digit = true;
      } else if (auto w = r_.sino_powers.match(s_, p)) {
        total += (cur < 0 ? 1 : std::max(cur, 1L)) * w->value;
        cur = -1;
        p = w->end;
        last_digit = false;
      } else {
        break;
      }
      ++syllables;
      Num n;
      n.value = total + std::max(cur, 0L);
      n.end = p;
      n.kind = NumKind::sino;
      n.single_sino = syllables == 1;  // "이", "천": alone they are words more often
      out.push_back(n);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  std::vector<Num> native(std::size_t pos) const {
    std::vector<Num> out;
    long v = 0;
    std::size_t p = pos;
    if (auto t = r_.native_tens.match(s_, pos)) {
      v = t->value;
      p = t->end;
      Num n{v, p, NumKind::native, false, 0};
      out.push_back(n);
    }
    if (auto u = r_.native_units.match(s_, p)) {
      Num n{v + u->value, u->end, NumKind::native, false, 0};
      out.insert(out.begin(), n);
    }
    return out;
  }

  std::vector<Num> numbers(std::size_t pos) const {
    if (auto a = arabic(pos)) return {*a};
    if (auto v = r_.vague_numbers.match(s_, pos)) {  // "몇 시간": a few, read as its table value
      const auto& entry = r_.vague[static_cast<std::size_t>(v->value)];
      Num n{entry.value, v->end, NumKind::vague, false, 0, entry.units, entry.spaced};
      return {n};
    }
    auto out = sino(pos);
    auto nat = native(pos);
    if (nat.empty()) return out;  // sino() is already longest first
    out.insert(out.end(), nat.begin(), nat.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const Num& a, const Num& b) { return a.end > b.end; });
    return out;
  }

  // ---- number + unit ----
  struct NumUnit {
    Num num;
    Unit unit = Unit::day;
    std::size_t end = 0;
    std::optional<long> range_end;  // "6~8일": 8
    bool approx = false;            // "10여년"
  };

  static bool native_ok(Unit u) {
    return u == Unit::hour || u == Unit::hours || u == Unit::dal || u == Unit::week;
  }
  bool suffix_follows(std::size_t pos) const {
    const std::size_t p = skip_spaces(pos);
    for (const WordTable* t :
         {&r_.duration_suffixes, &r_.within_suffixes, &r_.ago_suffixes, &r_.later_suffixes}) {
      if (auto h = t->match(s_, p)) {
        if (t == &r_.duration_suffixes || ends_word(h->end)) return true;  // not 9일 전했다
      }
    }
    return false;
  }

  // A unit word at pos that is really a unit there (not 일본, 시장, 주년, 20분씩).
  std::optional<WordTable::Hit> unit_at(std::size_t pos) const {
    auto u = r_.units.match(s_, pos);
    if (!u) return std::nullopt;
    auto blocked = r_.unit_blocked.find(*u->form);
    if (blocked != r_.unit_blocked.end() && blocked->second.match(s_, u->end)) return std::nullopt;
    if (blocked_at(u->end)) return std::nullopt;
    // a unit glued to Latin letters is part of a name ("3일G")
    if (utf8::is_ascii_alpha(cp_at(u->end))) return std::nullopt;
    return u;
  }

  // The end of a "~" or "-" (also "∼", "〜") at pos.
  std::optional<std::size_t> range_dash(std::size_t pos) const {
    if (pos < s_.size() && (s_[pos] == '~' || s_[pos] == '-')) return pos + 1;
    for (const char* dash : {"∼", "〜", "–"}) {
      if (s_.compare(pos, 3, dash) == 0) return pos + 3;
    }
    return std::nullopt;
  }

  // A number followed by a unit; `licensed` says a relative prefix makes a lone Sino digit safe.
  std::optional<NumUnit> num_unit(std::size_t pos, bool licensed) const {
    for (const Num& n : numbers(pos)) {
      std::size_t p = n.end;
      NumUnit nu;
      nu.num = n;
      if (n.kind == NumKind::arabic) {
        // "6~8일": a number range sharing the unit
        if (auto sep = range_dash(skip_spaces(p))) {
          if (auto second = arabic(skip_spaces(*sep))) {
            if (unit_at(second->end) && second->value > n.value) {
              nu.range_end = second->value;
              p = second->end;
            }
          }
        }
        if (s_.compare(p, 3, "여") == 0 && !nu.range_end) {
          nu.approx = true;
          p += 3;
        }
      } else if (n.kind == NumKind::native || n.vague_spaced) {
        p = skip_spaces(p);
      }
      if (n.kind == NumKind::vague) nu.approx = true;
      auto u = unit_at(p);
      if (!u) continue;
      const Unit unit = static_cast<Unit>(u->value);
      if (n.kind == NumKind::native && !native_ok(unit)) continue;
      if (n.kind == NumKind::vague && !(n.vague_units & (1u << static_cast<unsigned>(unit))))
        continue;
      if (n.kind == NumKind::native && unit == Unit::week && !ends_word(u->end) &&
          !suffix_follows(u->end))
        continue;  // "한주호" is a name
      if (n.kind == NumKind::sino && (unit == Unit::dal)) continue;
      if (n.single_sino) {
        const bool unit_safe = r_.sino_single_units.match(*u->form, 0).has_value() &&
                               r_.sino_single_units.match(*u->form, 0)->end == u->form->size();
        if (!(unit_safe && ends_word_or_continues(u->end)) && !licensed && !suffix_follows(u->end))
          continue;
      }
      nu.unit = unit;
      nu.end = u->end;
      return nu;
    }
    return std::nullopt;
  }
  // After a lone-Sino month ("삼월"), a particle, a non-word, or more of the expression.
  bool ends_word_or_continues(std::size_t pos) const {
    if (ends_word(pos)) return true;
    return !numbers(pos).empty();
  }

  // ---- the composite parser ----
  std::optional<TimeMatch> parse_at(std::size_t start) {
    expr_start_ = start;
    std::optional<TimeMatch> best;
    auto consider = [&](std::optional<TimeMatch> m) {
      if (m && (!best || m->end > best->end)) best = std::move(m);
    };
    consider(parse_set(start));
    std::size_t p = start;
    std::string prefix_mod;
    if (auto a = r_.approx_prefixes.match(s_, p)) {
      const std::size_t q = skip_spaces(a->end);
      if (q > a->end || is_digit_at(q)) {
        prefix_mod = "approx";
        p = q;
      }
    }
    consider(with_prefix_mod(parse_duration(p, Rel::none), start, prefix_mod));
    consider(with_prefix_mod(parse_composite(p, Rel::none), start, prefix_mod));
    if (auto rel = r_.relative_prefixes.match(s_, p)) {
      const std::size_t q = skip_spaces(rel->end);
      const Rel r = static_cast<Rel>(rel->value);
      consider(with_prefix_mod(parse_duration(q, r), start, prefix_mod));
      consider(with_prefix_mod(parse_composite(q, r), start, prefix_mod));
    }
    if (best && blocked_at(best->end)) return std::nullopt;
    return best;
  }

  std::optional<TimeMatch> with_prefix_mod(std::optional<TimeMatch> m, std::size_t start,
                                           const std::string& mod) const {
    if (!m) return m;
    m->begin = start;
    m->text = std::string(s_.substr(start, m->end - start));
    if (!mod.empty() && m->mod.empty()) m->mod = mod;
    return m;
  }

  TimeMatch make(std::size_t begin, std::size_t end) const {
    TimeMatch m;
    m.begin = begin;
    m.end = end;
    m.text = std::string(s_.substr(begin, end - begin));
    return m;
  }

  // "매일", "매주 월요일".
  std::optional<TimeMatch> parse_set(std::size_t pos) const {
    auto h = word(r_.set_words, pos);
    if (!h) return std::nullopt;
    TimeMatch m = make(pos, h->end);
    m.type = TimeType::set;
    m.value = r_.set_values[static_cast<std::size_t>(h->value)];
    if (m.value == "P1W") {
      if (auto wd = r_.weekdays.match(s_, skip_spaces(h->end))) {
        m = make(pos, wd->end);
        m.type = TimeType::set;
        m.value = "XXXX-WXX-" + std::to_string(wd->value + 1);
      }
    }
    return m;
  }

  // ---- durations ----
  struct Dur {
    long years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
    Unit smallest = Unit::year;
    int parts = 0;
    std::string value() const {
      std::string v = "P";
      if (years) v += std::to_string(years) + "Y";
      if (months) v += std::to_string(months) + "M";
      if (weeks) v += std::to_string(weeks) + "W";
      if (days) v += std::to_string(days) + "D";
      if (hours || minutes || seconds) {
        v += "T";
        if (hours) v += std::to_string(hours) + "H";
        if (minutes) v += std::to_string(minutes) + "M";
        if (seconds) v += std::to_string(seconds) + "S";
      }
      return v == "P" ? "PT0S" : v;
    }
  };

  // Adds one duration part; half ("반") adds half of the unit.
  static bool add_part(Dur& d, Unit u, long n, bool half) {
    switch (u) {
      case Unit::year:
        d.years += n;
        if (half) d.months += 6;
        break;
      case Unit::months:
      case Unit::dal:
        d.months += n;
        if (half) d.days += 15;
        break;
      case Unit::week:
        d.weeks += n;
        break;
      case Unit::day:
        d.days += n;
        if (half) d.hours += 12;
        break;
      case Unit::hours:
        d.hours += n;
        if (half) d.minutes += 30;
        break;
      case Unit::minute:
        d.minutes += n;
        if (half) d.seconds += 30;
        break;
      case Unit::second:
        d.seconds += n;
        break;
      default:
        return false;
    }
    d.smallest = u;
    if (half) {  // "1시간 반" is as fine as minutes
      static const std::map<Unit, Unit> finer = {
          {Unit::year, Unit::months}, {Unit::months, Unit::day},   {Unit::dal, Unit::day},
          {Unit::day, Unit::hours},   {Unit::hours, Unit::minute}, {Unit::minute, Unit::second}};
      auto f = finer.find(u);
      if (f != finer.end()) d.smallest = f->second;
    }
    ++d.parts;
    return true;
  }

  // Whether a duration with these parts may stand without a suffix (3년 could be a year).
  static bool inherently_duration(Unit u, const Num& n) {
    switch (u) {
      case Unit::months:
      case Unit::dal:
      case Unit::week:
      case Unit::hours:
      case Unit::minute:
      case Unit::second:
        return true;
      case Unit::year:
        return n.kind == NumKind::arabic && n.digits == 1;
      default:
        return false;
    }
  }

  std::optional<TimeMatch> parse_duration(std::size_t start, Rel rel) {
    Dur d;
    bool licensed = false, approx = false;
    std::size_t p = start;
    for (;;) {
      const std::size_t q = d.parts ? skip_spaces(p) : p;
      if (auto dc = word(r_.day_counts, q); dc && d.parts == 0) {
        add_part(d, Unit::day, dc->value, false);
        licensed = true;
        p = dc->end;
        continue;
      }
      auto nu = num_unit(q, rel != Rel::none);
      if (!nu || nu->range_end) break;
      std::size_t e = nu->end;
      bool half = false;
      if (s_.compare(skip_spaces(e), 3, "반") == 0 &&
          (ends_word(skip_spaces(e) + 3) || suffix_follows(skip_spaces(e) + 3))) {
        half = true;
        e = skip_spaces(e) + 3;
      }
      if (nu->unit == Unit::hour) break;  // "2시" is a clock time
      if (!add_part(d, nu->unit, nu->num.value, half)) break;
      licensed = licensed || inherently_duration(nu->unit, nu->num);
      approx = approx || nu->approx;
      p = e;
    }
    if (!d.parts) return std::nullopt;
    return finish_duration(start, p, d, rel, licensed, approx);
  }

  Prec prec_of(Unit u) const { return r_.shift_precision[static_cast<std::size_t>(u)]; }

  Point anchor_point() const {
    Point a;
    a.date = anchor_.date;
    a.hour = anchor_.hour;
    a.minute = anchor_.minute;
    a.second = anchor_.second;
    return a;
  }

  // Whether the anchor's clock says anything: feeds that only know the day write 00:00
  // ("2025-12-29 00:00"), so an anchor at exactly midnight counts as a date.
  bool anchor_clock_known() const {
    return anchor_.has_time && (anchor_.hour || anchor_.minute || anchor_.second);
  }

  // The anchor moved by +-d, at the precision shift_precision gives d's smallest unit, but
  // never finer than the anchor knows: "7일 전" from 04:30 is 04:00 seven days before (hour),
  // from a date-only anchor just that day. An unknown clock is taken as midday, so that "50분
  // 전" in a dated-only article stays on its day instead of falling back to the day before.
  Point shift(const Dur& d, int sign) const {
    Point a = anchor_point();
    if (!anchor_clock_known()) a.hour = 12, a.minute = 0, a.second = 0;
    a.date = a.date.add_months(sign * static_cast<int>(d.years * 12 + d.months));
    a.date = a.date.add_days(sign * (d.weeks * 7 + d.days));
    const long secs = a.seconds() + sign * (d.hours * 3600 + d.minutes * 60 + d.seconds);
    Prec prec = prec_of(d.smallest);
    if (prec > Prec::day && !anchor_clock_known()) prec = Prec::day;
    Point out = Point::from_seconds(secs, prec);
    if (out.prec == Prec::month) out.date.day = 1;
    return out;
  }

  // The anchor shifted by +-d as a match, or nothing when the date leaves 0000..9999:
  // "9000년 후", "8000년 전" have no TIMEX3 value, and a huge count would overflow the month
  // arithmetic in shift().
  std::optional<TimeMatch> shifted_match(std::size_t start, std::size_t end, const Dur& d,
                                         int sign) const {
    if (d.years > 9999 || d.months > 9999 * 12 || d.weeks > 9999 * 53 || d.days > 9999 * 366) {
      return std::nullopt;
    }
    const Point p = shift(d, sign);
    if (p.date.year < 0 || p.date.year > 9999) return std::nullopt;
    return date_match(start, end, p);
  }

  // "2주 이내(에)" under the window reading: from the anchor to the last whole grain before
  // anchor + d, at the precision of the shift ("2주 이내" on 02-12 -> 02-12 .. 02-25); a window
  // inside the anchor's own grain is just that grain ("30분 이내" on a date-only anchor).
  std::optional<TimeMatch> window_match(std::size_t start, std::size_t end, const Dur& d) const {
    auto m = shifted_match(start, end, d, 1);
    if (!m) return m;
    const Point until = shift(d, 1);
    Point from = anchor_point();
    if (!anchor_clock_known()) from.hour = 12, from.minute = 0, from.second = 0;
    from = truncated(from, until.prec);
    const Point last = before(truncated(until, until.prec));
    *m = date_match(start, end, from);
    if (from.seconds() < last.seconds()) m->value_end = last.value();
    return m;
  }

  // The start of the grain of `p` at precision `prec`.
  static Point truncated(Point p, Prec prec) {
    p.prec = prec;
    if (prec <= Prec::day) p.hour = p.minute = p.second = 0;
    if (prec == Prec::hour) p.minute = p.second = 0;
    if (prec == Prec::minute) p.second = 0;
    if (prec == Prec::week) p.date = monday_of(p.date);
    if (prec <= Prec::month) p.date.day = 1;
    if (prec <= Prec::year) p.date.month = 1;
    return p;
  }

  // The grain before `p` (p at the start of its grain).
  static Point before(Point p) {
    switch (p.prec) {
      case Prec::second:
        return Point::from_seconds(p.seconds() - 1, p.prec);
      case Prec::minute:
        return Point::from_seconds(p.seconds() - 60, p.prec);
      case Prec::hour:
        return Point::from_seconds(p.seconds() - 3600, p.prec);
      case Prec::day:
        p.date = p.date.add_days(-1);
        return p;
      case Prec::week:
        p.date = p.date.add_days(-7);
        return p;
      default:  // month and coarser: shift() never gives them finer than a month
        p.date = p.date.add_months(-1);
        return p;
    }
  }

  // The anchor shifted by a duration and the suffix at q: "3일 전", "2주 후", "한시간 안에"
  // (on_or_before), "3시간 이후" (on_or_after). Not after a relative word: "오는 26일 전까지"
  // is before the coming 26th, not 26 days ago.
  std::optional<TimeMatch> shifted(std::size_t start, std::size_t q, const Dur& d,
                                   bool licensed) const {
    if (auto w = r_.within_suffixes.match(s_, q); w && ends_word(w->end)) {
      if (d.parts == 1 && d.smallest == Unit::day && day_in_series(d.days)) return std::nullopt;
      if (r_.window_units & (1u << static_cast<unsigned>(d.smallest)))
        return window_match(start, w->end, d);
      auto m = shifted_match(start, w->end, d, 1);
      if (m) m->mod = "on_or_before";
      return m;
    }
    if (auto ago = r_.ago_suffixes.match(s_, q); ago && ends_word(ago->end))
      return shifted_match(start, ago->end, d, -1);
    if (auto later = r_.later_suffixes.match(s_, q); later && ends_word(later->end))
      return shifted_match(start, later->end, d, 1);
    // "3시간 이후": from then on. Only units that are durations on their own: "3일 이후" is
    // "from the 3rd" (a date with a bound, read by parse_composite).
    if (auto after = r_.after_suffixes.match(s_, q); after && licensed && ends_word(after->end)) {
      auto m = shifted_match(start, after->end, d, 1);
      if (m) m->mod = "on_or_after";
      return m;
    }
    return std::nullopt;
  }

  std::optional<TimeMatch> finish_duration(std::size_t start, std::size_t p, const Dur& d, Rel rel,
                                           bool licensed, bool approx) {
    const std::size_t q = skip_spaces(p);
    TimeMatch m;
    auto h = r_.duration_suffixes.match(s_, p);
    if (!h && q > p) {  // "3년 동안", "3년 만에": spaced suffixes; "간", "째" only glued
      h = r_.duration_suffixes.match(s_, q);
      if (h && r_.glued_duration_suffixes.match(*h->form, 0)) h.reset();
    }
    if (h) {
      m = make(start, h->end);
      m.type = TimeType::duration;
      m.value = d.value();
    } else if (auto sh = rel == Rel::none ? shifted(start, q, d, licensed) : std::nullopt) {
      m = std::move(*sh);
    } else if ((rel == Rel::backward || rel == Rel::next) && d.parts == 1 && licensed) {
      return relative_range(start, p, d, rel == Rel::next ? 1 : -1);
    } else if (licensed) {
      m = make(start, p);
      m.type = TimeType::duration;
      m.value = d.value();
    } else {
      return std::nullopt;
    }
    if (approx && m.mod.empty()) m.mod = "approx";
    return m;
  }

  TimeMatch date_match(std::size_t begin, std::size_t end, const Point& pt) const {
    TimeMatch m = make(begin, end);
    m.value = pt.value();
    m.precision = prec_name(pt.prec);
    m.type = pt.prec >= Prec::hour ? TimeType::time : TimeType::date;
    return m;
  }

  // "지난 2주": the two whole weeks before the current one; "다음 3년": the three after.
  std::optional<TimeMatch> relative_range(std::size_t start, std::size_t end, const Dur& d,
                                          int sign) const {
    Point a = anchor_point();
    Point first = a, last = a;
    auto unit_step = [&](Point base, long k) {
      switch (d.smallest) {
        case Unit::year:
          base.date = CivilDate{base.date.year, 1, 1}.add_months(12 * static_cast<int>(k));
          base.prec = Prec::year;
          break;
        case Unit::months:
        case Unit::dal:
          base.date = CivilDate{base.date.year, base.date.month, 1}.add_months(static_cast<int>(k));
          base.prec = Prec::month;
          break;
        case Unit::week:
          base.date = monday_of(base.date).add_days(7 * k);
          base.prec = Prec::week;
          break;
        case Unit::day:
          base.date = base.date.add_days(k);
          base.prec = Prec::day;
          break;
        case Unit::hours:
          base = Point::from_seconds(base.seconds() + 3600 * k, Prec::hour);
          break;
        case Unit::minute:
          base = Point::from_seconds(base.seconds() + 60 * k, Prec::minute);
          break;
        default:
          base = Point::from_seconds(base.seconds() + k, Prec::second);
          break;
      }
      return base;
    };
    const long n = d.years + d.months + d.weeks + d.days + d.hours + d.minutes + d.seconds;
    if (n <= 0) return std::nullopt;
    first = unit_step(a, sign > 0 ? 1 : -n);
    last = unit_step(a, sign > 0 ? n : -1);
    TimeMatch m = date_match(start, end, first);
    if (n > 1) m.value_end = last.value();
    return m;
  }

  // ---- composite dates and times ----
  // Reads the date/time pieces starting at pos into `x`; returns the end.
  std::size_t read_date_part(std::size_t pos, Piece& x) {
    std::size_t p = pos;
    auto step = [&](std::size_t from, auto&& fn) -> bool {
      const std::size_t q = x.any ? skip_spaces(from) : from;
      const std::size_t e = fn(q);
      if (e == 0) return false;
      p = e;
      x.any = true;
      return true;
    };
    step(p, [&](std::size_t q) { return read_now(q, x); });
    if (x.any) return p;
    step(p, [&](std::size_t q) { return read_numeric_date(q, x); });
    if (!x.day) step(p, [&](std::size_t q) { return read_year(q, x); });
    if (!x.day && !x.month) {
      if (step(p, [&](std::size_t q) { return read_season(q, x); })) return p;
      if (step(p, [&](std::size_t q) { return read_year_part(q, x); })) return p;
      step(p, [&](std::size_t q) { return read_month(q, x); });
    }
    if (x.month && !x.day) step(p, [&](std::size_t q) { return read_month_detail(q, x); });
    if (!x.year && !x.month && !x.day && !x.date)
      step(p, [&](std::size_t q) { return read_week(q, x); });
    if (!x.day && !x.date && !x.week) step(p, [&](std::size_t q) { return read_day(q, x); });
    step(p, [&](std::size_t q) { return read_weekday(q, x); });
    step(p, [&](std::size_t q) { return read_time(q, x); });
    if (x.hour >= 0) step(p, [&](std::size_t q) { return read_zone(q, x); });
    return p;
  }

  // A season needs a year or a relative word before it (올여름, 2024년 겨울, 지난 겨울): a bare
  // "봄" or "겨울" is as often part of a name or a figure of speech.
  std::size_t read_season(std::size_t q, Piece& x) {
    if (!x.year && x.rel == Rel::none) return 0;
    auto h = word(r_.seasons, q);
    if (!h) return 0;
    x.season = h->value;
    return h->end;
  }

  // "4pm CET", "8:00 gmt": the zone the clock time is given in.
  std::size_t read_zone(std::size_t q, Piece& x) {
    auto h = r_.time_zones.match(s_, q);
    if (!h || !ends_word(h->end)) return 0;
    x.zone = h->value;
    return h->end;
  }

  std::size_t read_now(std::size_t q, Piece& x) {
    auto h = word(r_.now_words, q);
    if (!h) return 0;
    x.date = anchor_.date;
    if (anchor_.has_time) {  // a date-only anchor says nothing finer than the day
      x.hour = anchor_.hour;
      x.minute = anchor_.minute;
      x.second = anchor_.second;
    }
    return h->end;
  }

  // 2015/3/3, 2015.3.3, 2015-03-03, 2025.12, 12.30, 2/15.
  std::size_t read_numeric_date(std::size_t q, Piece& x) {
    auto a = arabic(q);
    if (!a || a->end >= s_.size()) return 0;
    const char sep = s_[a->end];
    if (sep != '/' && sep != '.' && sep != '-') return 0;
    auto b = arabic(a->end + 1);
    if (!b || b->digits > 2) return 0;
    std::optional<Num> c;
    if (b->end < s_.size() && s_[b->end] == sep) c = arabic(b->end + 1);
    if (a->digits == 4) {
      if (c && c->digits <= 2) {
        if (!make_date(static_cast<int>(a->value), static_cast<int>(b->value),
                       static_cast<int>(c->value)))
          return 0;
        x.year = static_cast<int>(a->value);
        x.month = static_cast<int>(b->value);
        x.day = static_cast<int>(c->value);
        return c->end;
      }
      if (sep == '-' || b->value < 1 || b->value > 12 || followed_by_number_char(b->end)) return 0;
      x.year = static_cast<int>(a->value);
      x.month = static_cast<int>(b->value);
      return b->end;
    }
    // month.day: at least one two-digit part, so "4.7 인치" and "7.8의 강진" stay numbers
    if (c || a->digits > 2 || sep == '-' || (a->digits < 2 && b->digits < 2)) return 0;
    if (!make_date(2000, static_cast<int>(a->value), static_cast<int>(b->value))) return 0;
    if (followed_by_number_char(b->end) || !ends_word(b->end)) return 0;
    x.month = static_cast<int>(a->value);
    x.day = static_cast<int>(b->value);
    return b->end;
  }
  bool followed_by_number_char(std::size_t pos) const {
    if (pos >= s_.size()) return false;
    const char c = s_[pos];
    return (c >= '0' && c <= '9') || c == '.' || c == '%' || c == ',' || c == '/';
  }

  std::size_t read_year(std::size_t q, Piece& x) {
    // "올여름": a season may follow a year word glued, even one that must otherwise end its word
    auto w = r_.year_words.match(s_, q);
    if (w && (word_ok(*w) || r_.seasons.match(s_, w->end))) {
      x.year = anchor_.date.year + w->value;
      x.year_from_word = true;
      x.needs_more = r_.needs_more.count(*w->form) > 0;
      return w->end;
    }
    if (auto nu = num_unit(q, false); nu && nu->unit == Unit::year && !nu->approx) {
      long y = nu->num.value;
      const bool two_digit = nu->num.kind == NumKind::arabic && nu->num.digits == 2;
      // TIMEX3 years have four digits: "22222년" is a count, not a year.
      if ((y >= 1000 && y <= 9999) || two_digit) {
        if (suffix_follows(nu->end) && y < 1000) return 0;
        if (two_digit) y += 2000;
        x.year = static_cast<int>(y);
        if (nu->range_end && *nu->range_end >= 1000 && *nu->range_end <= 9999)
          x.year_end = static_cast<int>(*nu->range_end);
        return nu->end;
      }
      return 0;
    }
    // a bare four-digit year standing alone ("1954", "2030 부산엑스포")
    if (auto a = arabic(q); a && a->digits == 4 && a->value >= 1900 && a->value <= 2100) {
      const char32_t next = cp_at(a->end);
      if (!utf8::is_word_char(next) && !followed_by_number_char(a->end) && next != '-' &&
          next != '~' && next != ':') {
        x.year = static_cast<int>(a->value);
        return a->end;
      }
    }
    return 0;
  }

  // 상반기, 4분기, 이번 분기, 연말 (then the expression is complete).
  std::size_t read_year_part(std::size_t q, Piece& x) {
    if (auto h = word(r_.year_parts, q)) {
      x.half = h->value;
      return h->end;
    }
    if (auto h = word(r_.quarter_words, q); h && !x.year) {
      const int cur = (anchor_.date.month - 1) / 3 + h->value;
      const int total = anchor_.date.year * 4 + cur;
      x.year = total / 4;
      x.quarter = total % 4 + 1;
      return h->end;
    }
    if (auto nu = num_unit(q, false);
        nu && nu->unit == Unit::quarter && nu->num.value >= 1 && nu->num.value <= 4) {
      x.quarter = static_cast<int>(nu->num.value);
      return nu->end;
    }
    if (auto nu = num_unit(q, false);
        nu && nu->unit == Unit::half && nu->num.value >= 1 && nu->num.value <= 2) {
      x.half = static_cast<int>(nu->num.value);
      return nu->end;
    }
    if (auto h = word(r_.year_periods, q)) {
      x.year_period = true;
      x.mod = mod_names()[static_cast<std::size_t>(h->value)];
      return h->end;
    }
    return 0;
  }

  std::size_t read_month(std::size_t q, Piece& x) {
    if (!x.year) {
      if (auto w = word(r_.month_words, q)) {
        const CivilDate m =
            CivilDate{anchor_.date.year, anchor_.date.month, 1}.add_months(w->value);
        x.year = m.year;
        x.month = m.month;
        x.month_absolute = true;
        return w->end;
      }
    }
    if (auto w = r_.month_names.match(s_, q)) {
      x.month = w->value;
      return w->end;
    }
    auto nu = num_unit(q, false);
    if (!nu || nu->unit != Unit::month || nu->approx || nu->num.value < 1 || nu->num.value > 12)
      return 0;
    // a lone Sino-Korean month ("이월") is a word too (이월 상품): it needs a year before it,
    // a particle or more of the date after it
    if (nu->num.single_sino && !x.year && !particle_follows(nu->end) &&
        numbers(skip_spaces(nu->end)).empty())
      return 0;
    x.month = static_cast<int>(nu->num.value);
    if (nu->range_end && *nu->range_end <= 12) x.month_end = static_cast<int>(*nu->range_end);
    return nu->end;
  }

  // After a month: 첫째 화요일, 마지막 날, 마지막 주.
  std::size_t read_month_detail(std::size_t q, Piece& x) {
    if (auto h = r_.last_day.match(s_, q)) {
      x.last_day = true;
      return h->end;
    }
    if (auto o = r_.ordinals.match(s_, q)) {
      const std::size_t w = skip_spaces(o->end);
      if (auto wd = r_.weekdays.match(s_, w); wd && wd->form->front() != '(') {
        x.ordinal = o->value;
        x.weekday = wd->value;
        return wd->end;
      }
      if (auto u = unit_at(w); u && static_cast<Unit>(u->value) == Unit::week) {
        x.ordinal = o->value;
        x.weekday = -2;  // marks "n-th week"
        return u->end;
      }
    }
    return 0;
  }

  std::size_t read_week(std::size_t q, Piece& x) {
    if (auto w = word(r_.week_words, q)) {
      x.week = monday_of(anchor_.date).add_days(7L * w->value);
      std::size_t e = w->end;
      if (auto we = r_.weekend.match(s_, skip_spaces(e))) {
        x.weekend = true;
        e = we->end;
      }
      return e;
    }
    if (auto we = r_.weekend.match(s_, q)) {
      x.weekend = true;
      return we->end;
    }
    return 0;
  }

  std::size_t read_day(std::size_t q, Piece& x) {
    if (!x.year && !x.month) {
      if (auto w = word(r_.day_words, q)) {
        x.date = anchor_.date.add_days(w->value);
        return w->end;
      }
    }
    if (auto h = word(r_.holidays_fixed, q)) {
      x.holiday = h->value;
      return h->end;
    }
    if (auto h = word(r_.holidays_lunar, q)) {
      x.lunar_key = h->value;
      return h->end;
    }
    auto nu = num_unit(q, x.month.has_value());
    if (!nu || nu->unit != Unit::day || nu->approx || nu->num.value < 1 || nu->num.value > 31)
      return 0;
    // "9일 전" is nine days ago, but "오는 26일 전까지" is before the coming 26th
    if (suffix_follows(nu->end) && !r_.within_suffixes.match(s_, skip_spaces(nu->end)) &&
        x.rel == Rel::none)
      return 0;
    if (auto w = r_.within_suffixes.match(s_, skip_spaces(nu->end));
        w && !x.month && *w->form != "이내" && !day_in_series(nu->num.value))
      return 0;
    x.day = static_cast<int>(nu->num.value);
    if (nu->range_end && *nu->range_end <= 31) x.day_end = static_cast<int>(*nu->range_end);
    return nu->end;
  }

  std::size_t read_weekday(std::size_t q, Piece& x) {
    auto h = r_.weekdays.match(s_, q);
    if (!h) return 0;
    if (h->form->front() == '(') {
      if (!x.day && !x.date) return 0;  // "(화)" confirms a date, never stands alone
    } else if (x.weekday >= 0) {
      return 0;
    }
    if (!x.day && !x.date && x.lunar_key < 0 && !x.holiday) x.weekday = h->value;
    if (x.day && !x.day_end) x.day_weekday = h->value;
    return h->end;
  }

  // 오후 2시30분, 11시 10분, 14:30, 3pm, 정오, 새벽.
  std::size_t read_time(std::size_t q, Piece& x) {
    std::size_t p = q;
    if (auto f = word(r_.fixed_times, p)) {
      x.hour = f->value / 60;
      x.minute = f->value % 60;
      if (x.hour == 24) x.hour = 0, x.next_day_midnight = true;
      x.second = -2;  // precision marker: hour
      return f->end;
    }
    if (auto s = word(r_.parts_of_day, p)) {
      x.shift = static_cast<Shift>(s->value);
      x.period_form = *s->form;
      p = s->end;
      const std::size_t h = read_clock(skip_spaces(p), x);
      return h ? h : p;
    }
    return read_clock(p, x);
  }

  std::size_t read_clock(std::size_t q, Piece& x) {
    if (auto c = read_colon_time(q, x)) return c;
    auto nu = num_unit(q, x.shift.has_value());
    if (!nu || nu->unit != Unit::hour || nu->num.value > 24) return 0;
    x.hour = static_cast<int>(nu->num.value);
    if (nu->range_end && *nu->range_end <= 24) x.hour_end = static_cast<int>(*nu->range_end);
    std::size_t p = nu->end;
    const std::size_t m = skip_spaces(p);
    if (s_.compare(m, 3, "반") == 0 && ends_word(m + 3)) {
      x.minute = 30;
      return m + 3;
    }
    if (auto mu = num_unit(m, true); mu && mu->unit == Unit::minute && mu->num.value < 60 &&
                                     !mu->range_end && !mu->approx &&
                                     !suffix_follows_duration(mu->end)) {
      x.minute = static_cast<int>(mu->num.value);
      p = mu->end;
      if (auto ago = r_.ago_suffixes.match(s_, skip_spaces(p));
          ago && ends_word(ago->end) && x.minute > 0) {  // "네시 십오분 전": a quarter to four
        x.hour = x.hour == 0 ? 23 : x.hour - 1;
        x.minute = 60 - x.minute;
        return ago->end;
      }
      const std::size_t sp = skip_spaces(p);
      if (auto su = num_unit(sp, true);
          su && su->unit == Unit::second && su->num.value < 60 && !su->approx) {
        x.second = static_cast<int>(su->num.value);
        p = su->end;
      }
    }
    return p;
  }
  bool suffix_follows_duration(std::size_t pos) const {
    return r_.duration_suffixes.match(s_, pos).has_value();
  }

  // 14:30, 9:30, 3:20pm, 3:18a, 3PM.
  std::size_t read_colon_time(std::size_t q, Piece& x) {
    auto h = arabic(q);
    if (!h || h->digits > 2 || h->value > 24) return 0;
    std::size_t p = h->end;
    int minute = -1;
    if (p < s_.size() && s_[p] == ':') {
      auto m = arabic(p + 1);
      if (!m || m->digits != 2 || m->value > 59) return 0;
      minute = static_cast<int>(m->value);
      p = m->end;
    }
    std::size_t e = p;
    int ampm = 0;
    for (const char* suffix : {"am", "pm", "AM", "PM", "a", "p", "A", "P"}) {
      const std::size_t len = std::char_traits<char>::length(suffix);
      if (s_.compare(p, len, suffix) == 0 && !utf8::is_ascii_alpha(cp_at(p + len))) {
        ampm = (suffix[0] == 'a' || suffix[0] == 'A') ? 1 : 2;
        e = p + len;
        break;
      }
    }
    if (minute < 0 && !ampm) return 0;
    x.hour = static_cast<int>(h->value);
    x.minute = minute < 0 ? -1 : minute;
    if (ampm) x.shift = ampm == 1 ? Shift::am : Shift::pm;
    return e;
  }

  // Suffix modifiers: 초/중순/말, 중, 경/쯤, 까지/이내, 부터/이후.
  std::size_t read_suffixes(std::size_t pos, Piece& x) {
    std::size_t p = pos;
    const bool coarse = !x.day && !x.date && x.hour < 0 && (x.year || x.month || x.half);
    if (coarse) {
      const std::size_t q = skip_spaces(p);
      if (auto h = word(r_.period_mods, q)) {
        x.mod = mod_names()[static_cast<std::size_t>(h->value)];
        p = h->end;
      } else if (auto h2 = word(r_.within_month, q); h2 && x.month) {
        p = h2->end;
      }
    }
    // "10분경" glued, or "11시 경" spaced when the suffix is a word of its own
    auto h = r_.approx_suffixes.match(s_, p);
    if (!h) {
      h = r_.approx_suffixes.match(s_, skip_spaces(p));
      if (h && !ends_word(h->end)) h.reset();
    }
    if (h) {
      x.mod = "approx";
      p = h->end;
    }
    return p;
  }

  std::size_t read_bounds(std::size_t pos, Piece& x) {
    const std::size_t q = skip_spaces(pos);
    if (auto w = r_.within_suffixes.match(s_, q);
        w && x.day && !x.month && day_in_series(*x.day) && ends_word(w->end)) {
      x.mod = "on_or_before";
      return w->end;
    }
    if (auto h = r_.until_suffixes.match(s_, q)) {
      x.mod = "on_or_before";
      return h->end;
    }
    if (auto h = r_.since_suffixes.match(s_, q)) {
      x.mod = "on_or_after";
      return h->end;
    }
    return pos;
  }

  std::optional<TimeMatch> parse_composite(std::size_t start, Rel rel) {
    Piece x;
    x.rel = rel;
    std::size_t p = read_date_part(start, x);
    if (!x.any) return std::nullopt;
    if (x.needs_more && !x.month && !x.day && !x.half && !x.quarter && !x.year_period &&
        x.lunar_key < 0 && !x.holiday && x.season < 0)
      return std::nullopt;
    p = read_suffixes(p, x);
    const bool series = x.day && !x.month && x.rel == Rel::none && day_in_series(*x.day) &&
                        r_.within_suffixes.match(s_, skip_spaces(p));
    auto first = resolve(x, series ? &*last_day_ : nullptr);
    if (!first) return std::nullopt;
    TimeMatch m = date_match(start, p, *first);
    if (x.mod.size()) m.mod = x.mod;
    apply_piece_range(x, *first, m);
    apply_day_period(x, *first, m);
    if (m.value_end.empty()) {
      if (auto r = read_range(p, *first, m)) return r;
    }
    const std::size_t b = read_bounds(m.end, x);
    if (b != m.end) {
      m.end = b;
      m.mod = x.mod;
      m.text = std::string(s_.substr(start, b - start));
    } else if (!m.value_end.empty()) {
      if (auto c = r_.range_closers.match(s_, m.end)) m.end = c->end;
      m.text = std::string(s_.substr(start, m.end - start));
    }
    return m;
  }

  // "6~8일", "6~8월", "2~4시": the shared-unit range read with the number.
  void apply_piece_range(const Piece& x, const Point& first, TimeMatch& m) const {
    Point last = first;
    if (x.year_end && first.prec == Prec::year) {
      last.date.year = *x.year_end;
    } else if (x.day_end && first.prec == Prec::day) {
      auto d = make_date(first.date.year, first.date.month, *x.day_end);
      if (!d) return;
      last.date = *d;
    } else if (x.month_end && first.prec == Prec::month) {
      last.date.month = *x.month_end;
    } else if (x.hour_end && first.prec >= Prec::hour) {
      last.hour = *x.hour_end + (first.hour >= 12 && *x.hour_end < 12 ? 12 : 0);
    } else {
      return;
    }
    m.value_end = last.value();
  }

  // "A ~ B", "A - B", "A부터 B(까지)": B inherits what it leaves out from A.
  std::optional<TimeMatch> read_range(std::size_t pos, const Point& first, const TimeMatch& m) {
    const std::size_t q = skip_spaces(pos);
    auto sep = r_.range_separators.match(s_, q);
    if (!sep) return std::nullopt;
    const std::size_t b = skip_spaces(sep->end);
    Piece y;
    std::size_t e = read_date_part(b, y);
    if (!y.any) return std::nullopt;
    auto second = resolve(y, &first);
    if (!second) return std::nullopt;
    if (second->seconds() < first.seconds() && second->prec >= Prec::hour && second->hour < 12) {
      second = Point::from_seconds(second->seconds() + 12 * 3600, second->prec);
    }
    if (second->seconds() < first.seconds()) return std::nullopt;
    if (auto c = r_.range_closers.match(s_, skip_spaces(e))) e = c->end;
    TimeMatch out = m;
    out.end = e;
    out.text = std::string(s_.substr(m.begin, e - m.begin));
    out.value_end = second->value();
    return out;
  }

  // ---- resolution ----
  Direction direction(Rel rel) const {
    if (rel == Rel::forward || rel == Rel::next) return Direction::forward;
    if (rel == Rel::backward) return Direction::backward;
    return own_direction();
  }

  // The caller's direction for an expression without a direction word, unless the first verb
  // after it marks the other tense: then the expression may belong to either verb ("27일 비가
  // 올 것으로 예측했다": the rain is due, the forecast was made), and the candidate nearest
  // the anchor is taken. Conjoined expressions ("27일과 28일 … 발생할") see the same verb.
  Direction own_direction() const {
    if (dir_ == Direction::nearest) return dir_;
    if (!marks_) marks_ = tense_marks(r_, s_);
    auto it = std::find_if(marks_->begin(), marks_->end(),
                           [&](const TenseMark& m) { return m.pos >= expr_start_; });
    if (it == marks_->end() || it->dir == dir_) return dir_;
    return Direction::nearest;
  }

  std::optional<CivilDate> lunar_date(int key, int year) const {
    auto it = r_.lunar.find(year);
    if (it == r_.lunar.end() || it->second[static_cast<std::size_t>(key)] < 0) return std::nullopt;
    return CivilDate::from_days(it->second[static_cast<std::size_t>(key)]);
  }

  std::optional<CivilDate> resolve_lunar(const Piece& x, Direction d) const {
    if (x.year) return lunar_date(x.lunar_key, *x.year);
    std::optional<CivilDate> best;
    long best_dist = 0;
    for (int y = anchor_.date.year - 1; y <= anchor_.date.year + 1; ++y) {
      auto date = lunar_date(x.lunar_key, y);
      if (!date) continue;
      const long diff = date->to_days() - anchor_.date.to_days();
      if ((d == Direction::forward && diff < 0) || (d == Direction::backward && diff > 0)) continue;
      if (!best || std::labs(diff) < best_dist) best = date, best_dist = std::labs(diff);
    }
    return best;
  }

  // The day the date pieces name, or nullopt when they name a coarser period.
  std::optional<CivilDate> resolve_day(const Piece& x, const Point* base, Direction d,
                                       bool& failed) const {
    if (x.date) return x.date;
    if (x.lunar_key >= 0) {
      auto r = resolve_lunar(x, d);
      if (!r) failed = true;
      return r;
    }
    if (x.holiday) {
      const int month = x.holiday / 100, day = x.holiday % 100;
      auto r = x.year ? make_date(*x.year, month, day)
                      : infer_year(month, day, anchor_.date, d, slack(x, r_.slack_month_day));
      if (!r) failed = true;
      return r;
    }
    if (x.month && (x.ordinal || x.last_day) && x.weekday != -2) {
      const int year = x.year ? *x.year : infer_month_year(*x.month, anchor_.date, d);
      if (x.last_day) return CivilDate{year, *x.month, days_in_month(year, *x.month)};
      auto r = nth_weekday(year, *x.month, x.weekday, x.ordinal);
      if (!r) failed = true;
      return r;
    }
    if (x.day) {
      std::optional<CivilDate> r;
      if (x.month) {
        if (x.year)
          r = make_date(*x.year, *x.month, *x.day);
        else if (base)
          r = make_date(base->date.year, *x.month, *x.day);
        else if (x.day_weekday >= 0)
          r = with_weekday(x, 12, d);
        if (!r && !x.year && !base)
          r = infer_year(*x.month, *x.day, anchor_.date, d, slack(x, r_.slack_month_day));
      } else if (base) {
        r = make_date(base->date.year, base->date.month, *x.day);
        if (r && *r < base->date)
          r = make_date(base->date.add_months(1).year, base->date.add_months(1).month, *x.day);
      } else {
        if (x.day_weekday >= 0) r = with_weekday(x, 1, d);
        if (!r) r = infer_month(*x.day, anchor_.date, d, slack(x, r_.slack_day));
      }
      if (!r) failed = true;
      return r;
    }
    if (x.weekday >= 0) {
      if (x.week) return x.week->add_days(x.weekday);
      if (x.rel == Rel::self) return monday_of(anchor_.date).add_days(x.weekday);
      return resolve_weekday(x.weekday, anchor_.date, d);
    }
    return std::nullopt;
  }

  // The profile's direction slack for an expression whose direction came from the clause; a
  // direction word (오는 28일, 지난 3일) is taken at its word.
  static int slack(const Piece& x, int days) { return x.rel == Rel::none ? days : 0; }

  // A day given with its weekday and without a year ("8월 27일 월요일") or a month ("27일
  // 월요일"): the candidate nearest the anchor on which that day IS that weekday, stepping
  // `months` at a time (12: the same month of other years) over 28 years, the weekday cycle of
  // a 29 February; ties go the direction's way. Nothing when no candidate has that weekday.
  std::optional<CivilDate> with_weekday(const Piece& x, int months, Direction d) const {
    const CivilDate first{anchor_.date.year, x.month ? *x.month : anchor_.date.month, 1};
    std::optional<CivilDate> best;
    long best_dist = 0;
    for (int k = -28 * 12 / months; k <= 28 * 12 / months; ++k) {
      const CivilDate m = first.add_months(k * months);
      auto c = make_date(m.year, m.month, *x.day);
      if (!c || c->weekday() != x.day_weekday) continue;
      const long diff = c->to_days() - anchor_.date.to_days();
      const long dist = std::labs(diff) * 2 + ((d == Direction::backward) == (diff > 0) ? 1 : 0);
      if (!best || dist < best_dist) best = c, best_dist = dist;
    }
    return best;
  }

  std::optional<Point> resolve(const Piece& x, const Point* base) const {
    const Direction d = direction(x.rel);
    bool failed = false, clock_only = false;
    Point pt;
    auto day = resolve_day(x, base, d, failed);
    if (failed) return std::nullopt;
    if (day) {
      pt.date = *day;
      pt.prec = Prec::day;
    } else if (x.month && x.weekday == -2) {
      const int year = x.year ? *x.year : infer_month_year(*x.month, anchor_.date, d);
      // the weeks of a month are those whose Thursday falls in it (ISO 8601 style)
      auto thursday = nth_weekday(year, *x.month, 3, x.ordinal);
      if (!thursday) return std::nullopt;
      pt.date = monday_of(*thursday);
      pt.prec = Prec::week;
    } else if (x.week || x.weekend) {
      pt.date = x.week ? *x.week
                       : monday_of(anchor_.date)
                             .add_days(x.rel == Rel::backward ? -7 : (x.rel == Rel::next ? 7 : 0));
      pt.prec = Prec::week;
      pt.weekend = x.weekend;
    } else if (x.season >= 0) {
      pt.date = resolve_season(x, d);
      pt.prec = Prec::season;
    } else if (x.month) {
      int year =
          x.year ? *x.year : (base ? base->date.year : infer_month_year(*x.month, anchor_.date, d));
      pt.date = CivilDate{year, *x.month, 1};
      pt.prec = Prec::month;
    } else if (x.quarter || x.half) {
      const int year = x.year ? *x.year : anchor_.date.year;
      pt.date = CivilDate{year, x.quarter ? (x.quarter - 1) * 3 + 1 : (x.half - 1) * 6 + 1, 1};
      pt.prec = x.quarter ? Prec::quarter : Prec::half;
    } else if (x.year || x.year_period) {
      pt.date = CivilDate{x.year ? *x.year : anchor_.date.year, 1, 1};
      pt.prec = Prec::year;
    } else if (x.hour >= 0) {
      pt.date = base ? base->date : anchor_.date;
      clock_only = !base;
    } else if (x.shift) {
      return std::nullopt;  // "오후" alone
    } else {
      return std::nullopt;
    }
    if (x.hour >= 0) {
      if (pt.prec != Prec::day && pt.prec != Prec::hour) {
        if (x.has_date_part()) return std::nullopt;
      }
      apply_clock(x, pt);
      if (x.zone) {  // the same instant on the anchor's clock
        const int diff = anchor_.utc_offset_minutes - *x.zone;
        // a half-hour offset (+05:30) moves a whole hour off the hour: keep the minutes
        const Prec prec = pt.prec == Prec::hour && diff % 60 != 0 ? Prec::minute : pt.prec;
        pt = Point::from_seconds(pt.seconds() + diff * 60L, prec);
      }
      if (clock_only) orient_clock(x, d, pt);
    }
    return pt;
  }

  // The first day of the season x names. With a year: that year's season, the winter being the
  // one starting in its December, except that this year's winter in January or February is the
  // winter in progress (올겨울). With 이번: the season in progress, else the one the direction
  // picks; 지난: the last one over; 다음/오는: the next one to begin.
  CivilDate resolve_season(const Piece& x, Direction d) const {
    const int month = 3 * (x.season + 1);
    const CivilDate a = anchor_.date;
    if (x.year) {
      const bool current_winter =
          month == 12 && x.year_from_word && *x.year == a.year && a.month <= 2;
      return CivilDate{*x.year - (current_winter ? 1 : 0), month, 1};
    }
    std::optional<CivilDate> before, after;  // the last one over, the next one to begin
    for (int y = a.year - 2; y <= a.year + 1; ++y) {
      const CivilDate first{y, month, 1};
      const CivilDate last = first.add_months(3).add_days(-1);
      if (x.rel == Rel::self && !(a < first) && !(last < a)) return first;
      if (last < a) before = first;
      if (a < first && !after) after = first;
    }
    if (x.rel == Rel::backward) return *before;
    if (x.rel != Rel::self || d == Direction::forward) return *after;
    if (d == Direction::backward) return *before;
    const long to_after = after->to_days() - a.to_days();
    const long since_before = a.to_days() - before->add_months(3).to_days();
    return to_after <= since_before ? *after : *before;
  }

  // A clock time without a date follows the direction from a timed anchor: forward takes the
  // next such time (tomorrow's if today's has passed), and an hour without 오전/오후 may be
  // either half of the day ("세시" at 04:30 going forward is 15:00).
  //
  // Only a clock the anchor really knows counts (not a date-only feed's 00:00), and forward
  // only under a profile whose clock_forward is "next_occurrence" (an assistant's "3시에 알려
  // 줘"); in news a clock time in a present or future clause is the anchor's day ("오전 6시
  // 20분부터 운행을 재개한다").
  void orient_clock(const Piece& x, Direction d, Point& pt) const {
    if (!anchor_clock_known() || d == Direction::nearest || x.next_day_midnight) return;
    if (d == Direction::forward && !r_.clock_forward_next) return;
    std::vector<int> hours = {pt.hour};
    if (!x.shift && x.hour >= 1 && x.hour <= 12) hours.push_back((pt.hour + 12) % 24);
    const long a = anchor_point().seconds();
    std::optional<Point> best;
    for (int day = -1; day <= 1; ++day) {
      for (int h : hours) {
        Point c = pt;
        c.date = anchor_.date.add_days(day);
        c.hour = h;
        const long diff = c.seconds() - a;
        if ((d == Direction::forward && diff < 0) || (d == Direction::backward && diff > 0))
          continue;
        if (!best || std::labs(diff) < std::labs(best->seconds() - a)) best = c;
      }
    }
    if (best) pt = *best;
  }

  // "내일 저녁": the hours the part of day covers, as an hour-precision range.
  void apply_day_period(const Piece& x, const Point& first, TimeMatch& m) const {
    if (x.period_form.empty() || x.hour >= 0 || first.prec != Prec::day) return;
    auto it = r_.day_periods.find(x.period_form);
    if (it == r_.day_periods.end()) return;
    Point from = first, to = first;
    from.prec = to.prec = Prec::hour;
    from.hour = it->second.first;
    to.hour = it->second.second - 1;
    m.value = from.value();
    m.value_end = to.value();
    m.precision = "hour";
    m.type = TimeType::time;
  }

  void apply_clock(const Piece& x, Point& pt) const {
    int hour = x.hour;
    if (x.shift) {
      switch (*x.shift) {
        case Shift::am:
          if (hour == 12) hour = 0;
          break;
        case Shift::pm:
          if (hour < 12) hour += 12;
          break;
        case Shift::noon:
          if (hour >= 1 && hour <= 6) hour += 12;
          break;
        case Shift::night:
          if (hour >= 6 && hour < 12)
            hour += 12;
          else if (hour == 12)
            hour = 24;
          break;
      }
    }
    if (hour == 24 || x.next_day_midnight) {
      pt.date = pt.date.add_days(1);
      hour = 0;
    }
    pt.hour = hour;
    pt.minute = x.minute < 0 ? 0 : x.minute;
    pt.second = x.second < 0 ? 0 : x.second;
    pt.prec = x.second >= 0 ? Prec::second
                            : (x.minute >= 0 && x.second != -2 ? Prec::minute : Prec::hour);
  }

  const TimexRules& r_;
  std::string_view s_;
  Timestamp anchor_;
  Direction dir_;
  std::size_t expr_start_ = 0;                           // where the expression being read begins
  std::optional<Point> last_day_;                        // the last single-day date read
  mutable std::optional<std::vector<TenseMark>> marks_;  // the sentence's, read on first use
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

TimeTagger TimeTagger::load(const std::string& rules_path, const std::string& lunar_path,
                            const std::string& profile) {
  auto rules = load_rules(rules_path, profile);
  load_lunar(*rules, lunar_path);
  return TimeTagger(std::move(rules));
}

TimeTagger TimeTagger::load_default(const std::string& profile) {
  return load(data_file("rules/time.json"), data_file("calendar/lunar.json"), profile);
}

const std::string& TimeTagger::profile() const { return rules_->profile; }

const std::vector<std::string>& TimeTagger::profiles() const { return rules_->profile_names; }

std::vector<TimeMatch> TimeTagger::tag(std::string_view sentence, const Timestamp& anchor,
                                       Direction dir) const {
  return Scanner(*rules_, sentence, anchor, dir).run();
}

Direction TimeTagger::clause_direction(std::string_view clause) const {
  return last_tense_mark(*rules_, clause).value_or(Direction::nearest);
}

}  // namespace sillok
