// Korean time expressions -> ISO 8601 / TIMEX3 values, anchored on an article's publication
// time: "오는 30일" at 2025-12-29 -> "2025-12-30", "30일 오후 2시30분" -> "2025-12-30T14:30",
// "내달" -> "2026-01", "약 4개월간" -> "P4M" (approx), "4분기" -> "2025-Q4".
//
// The tagger is a hand-written linear scanner: at each word start it reads number tokens
// (Arabic "30", Sino-Korean "삼십", native "두"), unit words (년 월 일 시 분 초 주 개월 시간 분기)
// and lexical words (내일, 지난달, 상반기, 추석, ...), composes adjacent pieces
// (year + month + day + weekday + part of day + hour + minute), then applies modifiers
// (초/중순/말, 경, 까지/이내, 부터/이후, 간/동안, 전/후) and ranges ("6~8일", "8일부터 13일까지").
// Every word list lives in the rules file; only the grammar is code.
//
// Rules file (data/rules/time.json), format "sillok-rules/time", version 1. Members, all
// required unless marked optional; a space inside a form matches zero or more spaces:
//   numbers.sino_digits / sino_powers / native_units / native_tens: {form: value}
//   day_counts        {form: days}       하루 1, 이틀 2, 열흘 10 (durations P<n>D)
//   units             {unit: [forms]}    unit ids: year month months week day hour hours
//                                        minute second quarter half dal
//   unit_blocked      {form: [next]}     a unit followed by one of these is not a unit
//                                        (일|본 = 일본, 시|장 = 시장, 주|년 = 주년)
//   blocked_after     [forms]            nothing followed by these is a time (20분|씩)
//   sino_single_units [forms]            units a lone Sino digit may take (삼월, 삼분기, 일주일)
//   month_names       {form: month}      시월 10, 유월 6 (irregular Sino-Korean month names)
//   day_words / week_words / month_words / year_words / quarter_words  {form: offset}
//                                        오늘 0, 내일 1; 다음 주 1; 내달 1; 작년 -1; 이번 분기 0
//   now_words         [forms]            지금 -> the anchor itself
//   weekdays          {form: 0..6}       Monday = 0 (월요일, and "(월)" in parentheses)
//   parts_of_day      {form: "am"|"pm"|"noon"|"night"}  how an hour after it shifts
//   day_periods       {form: [from, to)} hours a part of day covers without an hour (내일 저녁)
//   fixed_times       {form: minutes}    정오 720, 자정 1440 (midnight ending the day)
//   relative_prefixes {form: "forward"|"backward"|"next"|"this"}  오는, 지난, 다음, 이번
//   period_mods       {form: "start"|"mid"|"end"}  초, 중순, 말 after a year or month
//   year_parts        {form: 1|2}        상반기, 하반기
//   year_periods      {form: mod}        연말 "end", 연초 "start" (the year itself, modified)
//   within_month      [forms]            "1월 중": the month, no modifier
//   ordinals          {form: n}          첫째 1, 두번째 2, 마지막 -1 (weekday of a month)
//   last_day          [forms]            마지막 날, 말일
//   weekend           [forms]            주말 -> "<week>-WE"
//   seasons           {form: "SP"|"SU"|"FA"|"WI"}  봄 여름 가을 겨울 -> "2025-SU" (precision
//                                        "season"; a season starts in March, June, September,
//                                        December); only after a year (올여름, 2024년 가을) or a
//                                        relative word (이번 겨울, 지난 봄)
//   time_zones        {form: minutes}    UTC offset of a zone named after a clock time ("4pm
//                                        CET", "8:00 gmt"; Latin names in either case): the
//                                        time is converted to the anchor's UTC offset
//   vague_numbers     {form: {"value": n, "spaced": bool, "units": [unit ids]}}  몇 3: "몇 시간
//                                        뒤" is the anchor + 3 hours, mod "approx"; only before
//                                        those units (after a space only when spaced: "수" must
//                                        be glued, "할 수 년" is not a count) and never a day of
//                                        the month or a clock time
//   approx_prefixes / approx_suffixes     약; 경, 쯤, 께 -> mod "approx"
//   until_suffixes / since_suffixes       까지, 이내 -> "on_or_before"; 부터, 이후 -> "on_or_after"
//   duration_suffixes [forms]            간, 동안, 만, 째, 이상: the number+unit is a duration
//   glued_duration_suffixes [forms]      those of them that only count without a space (간, 째)
//   within_suffixes / ago_suffixes / later_suffixes  a duration followed by 이내/안에, 전, 후
//                                        becomes a date: the anchor +- the duration (not after
//                                        오는/지난: "오는 26일 전까지" is before the 26th)
//   after_suffixes    [forms]            이후: the same, mod "on_or_after"; only units that are
//                                        durations alone (3시간 이후; "3일 이후" is the 3rd on)
//   range_separators / range_closers      ~ - 부터 ; 까지
//   set_words         {form: value}      매일 "P1D", 매주 "P1W", 매년 "P1Y"
//   holidays_fixed    {form: "MM-DD"}    크리스마스 "12-25"
//   holidays_lunar    {form: key}        설날 "seollal" (looked up in the lunar table)
//   strict_particles  [forms]            what may follow a word marked strict (설, 매일)
//   strict_words      [forms]            lexical words that must end a word or take a particle
//   needs_more        [forms]            year words valid only before more of a date (올 3월)
//   clause.forward / clause.backward [endings]; clause.past_followers [syllables after a
//                                        ㅆ-final syllable: 했|다]; clause.present_followers [다
//                                        after an ㄴ-final syllable: 한|다]; clause.future_followers
//                                        [words after a ㄹ-final syllable: 내릴| 가능성, 열릴| 예정];
//                                        clause.not_past [있다]; clause.not_present [text before
//                                        한다 making it hearsay: 고]
//   default_profile   name               the profile load() takes when none is named ("news")
//   profiles          {name: {...}}      conventions that differ between uses; the default
//                                        profile names every member, the others inherit what
//                                        they leave out:
//     shift_precision {unit: precision}  the precision of anchor +- duration: one grain finer
//                                        than the unit (year -> "month", week -> "day"; news: day
//                                        -> "day", assistant: day -> "hour"), but never finer
//                                        than the anchor knows: an anchor without a clock, or at
//                                        exactly 00:00 (date-only feeds), gives days, and its
//                                        clock is taken as 12:00
//     clock_forward   "anchor_day"|"next_occurrence"  a clock time without a day in a future
//                                        clause: on the anchor's day (news) or the next such
//                                        time (assistant: "오전 3시" at 04:30 is tomorrow's)
//     within_window_units [unit ids]     units whose "N 이내/안에/내" is the window from the
//                                        anchor (value = anchor, value_end = the last grain
//                                        before anchor + N); other units give the deadline
//                                        anchor + N, mod on_or_before
//     direction_slack_days {"day": n, "month_day": n}  a bare day / a month and day at most n
//                                        days on the other side of the anchor from the clause's
//                                        direction is taken there rather than a month / a year
//                                        away (news writes "지난달 30일" for last month's day)
// Lunar table (data/calendar/lunar.json), format "sillok-calendar/lunar", version 1:
//   years: {"2025": {"seollal": "2025-01-29", "daeboreum": ..., "chuseok": ...}, ...},
//   generated by tools/calendar/make_lunar.cc (ICU dangi calendar).
//
// Thread safety: a loaded TimeTagger is immutable; tag() and clause_direction() may be called
// concurrently. Copies share the loaded tables.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/datetime.h"
#include "extract/types.h"

namespace sillok {

// How to resolve a bare day ("30일"), a month without a year or a weekday: forward takes the
// first one on/after the anchor (weekdays: after), backward the last one on/before (weekdays:
// before), nearest the closer of the two. Under the profile's direction_slack_days a day just
// on the other side is taken too; a weekday given with a day picks the date that is that
// weekday, nearest the anchor ("8월 27일 월요일").
enum class Direction { nearest, forward, backward };

// One time expression found by TimeTagger::tag().
struct TimeMatch {
  std::size_t begin = 0, end = 0;  // BYTE offsets into the sentence passed to tag()
  std::string text;                // the matched surface
  std::string value;               // ISO 8601 / TIMEX3 value at the precision the text gives
  TimeType type = TimeType::date;  // date | time | duration | set
  std::string precision;           // "year" "half" "quarter" "season" "month" "week" "day"
                          // "hour" "minute" ("second" for 지금 and H시M분S초; "" for durations
                          // and sets)
  std::string mod;        // "" "on_or_before" "on_or_after" "approx" "start" "mid" "end"
  std::string value_end;  // last value of a range, inclusive, else ""
};

struct TimexRules;  // the loaded tables; defined in timex.cc

class TimeTagger {
 public:
  // Loads the rules and the lunar table under a convention profile (profiles.<name> of the
  // rules file; empty: its default_profile, "news" as shipped). Throws DataError ("<file>:
  // <json path>: <problem>") for a missing, malformed or wrongly typed file or an unknown
  // profile.
  static TimeTagger load(const std::string& rules_path, const std::string& lunar_path,
                         const std::string& profile = "");
  // load(data_file("rules/time.json"), data_file("calendar/lunar.json"), profile).
  static TimeTagger load_default(const std::string& profile = "");

  // The profile this tagger was loaded with, and every profile the rules file defines (sorted
  // by name).
  const std::string& profile() const;
  const std::vector<std::string>& profiles() const;

  // All time expressions of one sentence (valid UTF-8), left to right, non-overlapping, the
  // longest reading at each start winning. `anchor` resolves relative expressions ("내일");
  // `dir` resolves expressions without a direction word ("30일", "화요일", "1월 15일"),
  // except that when the first tense-marked verb after an expression marks the other tense
  // ("27일 비가 올 것으로 예측했다" with dir backward) the expression takes the candidate
  // nearest the anchor. After a day of the month, a later "N일 안에/이내" is that day of the
  // same month (by the Nth), not N days. No match is an empty vector, never an error.
  std::vector<TimeMatch> tag(std::string_view sentence, const Timestamp& anchor,
                             Direction dir) const;

  // The tense of a clause from its verb endings, the last ending deciding: forward for
  // future or plan ("열 예정", "공개된다", "개최한다", "할 계획"), backward for past ("개최했다",
  // "열렸다"), nearest when no ending is recognized.
  Direction clause_direction(std::string_view clause) const;

 private:
  explicit TimeTagger(std::shared_ptr<const TimexRules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const TimexRules> rules_;
};

}  // namespace sillok
