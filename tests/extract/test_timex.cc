// Tests for extract/timex: Korean time expressions -> ISO 8601 / TIMEX3 values.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/data_file.h"
#include "extract/timex.h"
#include "tests/test_util.h"

namespace {

using sillok::Direction;
using sillok::TimeMatch;
using sillok::TimeTagger;

const TimeTagger& tagger() {
  static const TimeTagger t =
      TimeTagger::load(sillok::test::source_path("data/rules/time.json"),
                       sillok::test::source_path("data/calendar/lunar.json"));
  return t;
}

sillok::Timestamp at(const char* text) {
  auto t = sillok::parse_timestamp(text);
  REQUIRE(t);
  return *t;
}

// One row: the sentence, what must be matched in it and the expected normalization.
struct Row {
  const char* anchor;
  Direction dir;
  const char* sentence;
  const char* surface;  // the match to look at (its text)
  const char* value;
  const char* type;       // "date" "time" "duration" "set"
  const char* precision;  // "" for durations and sets
  const char* mod;
  const char* value_end;
};

constexpr Direction N = Direction::nearest;
constexpr Direction F = Direction::forward;
constexpr Direction B = Direction::backward;

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO("sentence: " << row.sentence << "  anchor: " << row.anchor);
    const auto matches = tagger().tag(row.sentence, at(row.anchor), row.dir);
    const TimeMatch* found = nullptr;
    for (const auto& m : matches)
      if (m.text == row.surface) found = &m;
    std::string all;
    for (const auto& m : matches) all += "[" + m.text + " -> " + m.value + "] ";
    INFO("matches: " << all);
    REQUIRE(found != nullptr);
    CHECK(found->value == row.value);
    CHECK(std::string(sillok::to_string(found->type)) == row.type);
    CHECK(found->precision == row.precision);
    CHECK(found->mod == row.mod);
    CHECK(found->value_end == row.value_end);
  }
}

}  // namespace

TEST_CASE("time: absolute dates", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "2025년 12월 30일 발표", "2025년 12월 30일", "2025-12-30", "date",
       "day", "", ""},
      {"2025-12-29 09:00", N, "2025년 12월 실적", "2025년 12월", "2025-12", "date", "month", "",
       ""},
      {"2025-12-29 09:00", N, "2025년 매출", "2025년", "2025", "date", "year", "", ""},
      {"2013-02-12 04:30", N, "2015/3/3 기준", "2015/3/3", "2015-03-03", "date", "day", "", ""},
      {"2013-02-12 04:30", N, "2015.3.3 기준", "2015.3.3", "2015-03-03", "date", "day", "", ""},
      {"2013-02-12 04:30", N, "2015-03-03", "2015-03-03", "2015-03-03", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "12.30 발표", "12.30", "2025-12-30", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "12월 30일에", "12월 30일", "2025-12-30", "date", "day", "", ""},
      // year from the anchor and the direction: across the year end
      {"2025-12-29 09:00", F, "1월 15일 공개", "1월 15일", "2026-01-15", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "1월 15일 공개", "1월 15일", "2026-01-15", "date", "day", "", ""},
      {"2025-11-29 09:00", B, "1월 15일 공개", "1월 15일", "2025-01-15", "date", "day", "", ""},
      // news: a month and day within direction_slack_days.month_day (31) on the other side
      // of the anchor is that one, not one a year away (the year would have been written)
      {"2025-12-29 09:00", B, "1월 15일 공개", "1월 15일", "2026-01-15", "date", "day", "", ""},
      {"2026-01-03 09:00", B, "12월 30일 발표했다", "12월 30일", "2025-12-30", "date", "day", "",
       ""},
      // leap day: only leap years qualify
      {"2025-03-10 09:00", B, "2월 29일", "2월 29일", "2024-02-29", "date", "day", "", ""},
      {"2013-02-12 04:30", N, "이천십오년 삼월 삼일", "이천십오년 삼월 삼일", "2015-03-03", "date",
       "day", "", ""},
      {"2013-02-12 04:30", N, "1954", "1954", "1954", "date", "year", "", ""},
  });
}

TEST_CASE("time: relative days", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "오는 30일 발표회", "오는 30일", "2025-12-30", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "지난 19일 발표", "지난 19일", "2025-12-19", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "30일 열린다", "30일", "2025-12-30", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "3일 열린다", "3일", "2026-01-03", "date", "day", "", ""},
      {"2025-12-20 09:00", B, "30일 열렸다", "30일", "2025-11-30", "date", "day", "", ""},
      // news: a bare day within direction_slack_days.day (7) on the other side of the anchor
      // is that day, not one a month away ("지난달 30일" would have been written)
      {"2025-12-29 09:00", B, "30일 열렸다", "30일", "2025-12-30", "date", "day", "", ""},
      {"2025-12-03 09:00", F, "1일 개막한다", "1일", "2025-12-01", "date", "day", "", ""},
      {"2025-12-20 09:00", F, "1일 개막한다", "1일", "2026-01-01", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "30일", "30일", "2025-12-30", "date", "day", "", ""},
      // month-length: no 31st in November, so backward from 12-29 finds 12-... none before; Oct
      {"2025-12-20 09:00", B, "31일", "31일", "2025-10-31", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "이날 발표", "이날", "2025-12-29", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "이날 오후", "이날 오후", "2025-12-29T12:00", "time", "hour", "",
       "2025-12-29T17:00"},
      {"2025-12-29 09:00", N, "당일", "당일", "2025-12-29", "date", "day", "", ""},
      {"2026-01-01 09:00", N, "전날 밝혔다", "전날", "2025-12-31", "date", "day", "", ""},
      {"2025-03-01 09:00", N, "어제", "어제", "2025-02-28", "date", "day", "", ""},
      {"2024-02-28 09:00", N, "내일", "내일", "2024-02-29", "date", "day", "", ""},
      {"2025-12-31 09:00", N, "다음날", "다음날", "2026-01-01", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "이튿날", "이튿날", "2025-12-30", "date", "day", "", ""},
      {"2025-12-30 09:00", N, "모레", "모레", "2026-01-01", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "그저께", "그저께", "2025-12-27", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "엊그제", "엊그제", "2025-12-27", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "삼십일에", "삼십일", "2025-12-30", "date", "day", "", ""},
      {"2013-02-12T04:30:00", N, "지금", "지금", "2013-02-12T04:30:00", "time", "second", "", ""},
      {"2013-02-12", N, "지금", "지금", "2013-02-12", "date", "day", "", ""},
      // "9일 전했다" is the 9th (전 begins a verb), "9일 전" is nine days ago
      {"2025-12-29 09:00", B, "9일 전했습니다", "9일", "2025-12-09", "date", "day", "", ""},
      {"2025-12-29 00:00", N, "9일 전 발표", "9일 전", "2025-12-20", "date", "day", "", ""},
      // after 오는 the number is a day: before the coming 26th, not 26 days ago
      {"2019-06-15 09:00", N, "오는 26일 전까지 제출", "오는 26일 전까지", "2019-06-26", "date",
       "day", "on_or_before", ""},
      {"2025-12-29 09:00", N, "오는 28일 후속 협의", "오는 28일", "2026-01-28", "date", "day", "",
       ""},
      {"2019-06-15 09:00", N, "그다음 날로", "그다음 날", "2019-06-16", "date", "day", "", ""},
  });
}

TEST_CASE("time: weeks and weekdays", "[extract][time]") {
  // 2025-12-29 is a Monday (ISO week 2026-W01)
  check_rows({
      {"2025-12-29 09:00", N, "다음주 화요일", "다음주 화요일", "2026-01-06", "date", "day", "",
       ""},
      {"2025-12-29 09:00", N, "지난주 월요일", "지난주 월요일", "2025-12-22", "date", "day", "",
       ""},
      {"2025-12-29 09:00", N, "이번 주 중", "이번 주", "2026-W01", "date", "week", "", ""},
      {"2025-12-29 09:00", N, "지난 월요일", "지난 월요일", "2025-12-22", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "화요일에", "화요일", "2025-12-30", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "금요일", "금요일", "2025-12-26", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "일요일", "일요일", "2025-12-28", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "주말", "주말", "2026-W01-WE", "date", "week", "", ""},
      {"2025-01-08 09:00", N, "지난주", "지난주", "2025-W01", "date", "week", "", ""},
      {"2025-12-29 09:00", N, "30일(화) 개최", "30일(화)", "2025-12-30", "date", "day", "", ""},
      {"2014-01-01 09:00", N, "2014년 9월 마지막주", "2014년 9월 마지막주", "2014-W39", "date",
       "week", "", ""},
      {"2014-01-01 09:00", N, "2014년 9월 셋째 화요일", "2014년 9월 셋째 화요일", "2014-09-16",
       "date", "day", "", ""},
  });
}

TEST_CASE("time: months, years, halves and quarters", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "내달 출시", "내달", "2026-01", "date", "month", "", ""},
      {"2025-12-29 09:00", N, "다음 달", "다음 달", "2026-01", "date", "month", "", ""},
      {"2025-12-29 09:00", N, "이달", "이달", "2025-12", "date", "month", "", ""},
      {"2025-12-29 09:00", N, "이번 달", "이번 달", "2025-12", "date", "month", "", ""},
      {"2025-01-10 09:00", N, "지난달", "지난달", "2024-12", "date", "month", "", ""},
      {"2025-12-29 09:00", N, "이달 말 공개", "이달 말", "2025-12", "date", "month", "end", ""},
      {"2025-12-29 09:00", N, "이달 말까지", "이달 말까지", "2025-12", "date", "month",
       "on_or_before", ""},
      {"2025-12-29 09:00", F, "1월 중 공개", "1월 중", "2026-01", "date", "month", "", ""},
      {"2025-12-29 09:00", N, "내년 1월 15일", "내년 1월 15일", "2026-01-15", "date", "day", "",
       ""},
      {"2025-12-29 09:00", N, "올해", "올해", "2025", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "금년", "금년", "2025", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "작년", "작년", "2024", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "지난해", "지난해", "2024", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "내년", "내년", "2026", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "연내", "연내", "2025", "date", "year", "end", ""},
      {"2025-12-29 09:00", N, "연말", "연말", "2025", "date", "year", "end", ""},
      {"2025-12-29 09:00", N, "상반기", "상반기", "2025-H1", "date", "half", "", ""},
      {"2025-12-29 09:00", N, "하반기", "하반기", "2025-H2", "date", "half", "", ""},
      {"2025-12-29 09:00", N, "4분기 실적", "4분기", "2025-Q4", "date", "quarter", "", ""},
      {"2025-12-29 09:00", N, "내년 상반기", "내년 상반기", "2026-H1", "date", "half", "", ""},
      {"2025-12-29 09:00", N, "내년 초", "내년 초", "2026", "date", "year", "start", ""},
      {"2025-12-29 09:00", N, "12월 중순", "12월 중순", "2025-12", "date", "month", "mid", ""},
      // a month without a year: the nearest one (March 2026 is 3 months away, March 2025 9)
      {"2025-12-29 09:00", N, "3월 하순", "3월 하순", "2026-03", "date", "month", "end", ""},
      {"2025-07-10 09:00", N, "1월 수출", "1월", "2025-01", "date", "month", "", ""},
      {"2025-12-29 09:00", B, "3월", "3월", "2025-03", "date", "month", "", ""},
      {"2013-02-12 04:30", N, "삼분기", "삼분기", "2013-Q3", "date", "quarter", "", ""},
      {"2013-02-12 04:30", N, "이번분기", "이번분기", "2013-Q1", "date", "quarter", "", ""},
  });
}

TEST_CASE("time: clock times", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "오후 2시30분", "오후 2시30분", "2025-12-29T14:30", "time", "minute",
       "", ""},
      {"2025-12-29 09:00", N, "오전 11시 10분경", "오전 11시 10분경", "2025-12-29T11:10", "time",
       "minute", "approx", ""},
      {"2025-12-29 09:00", N, "14시", "14시", "2025-12-29T14:00", "time", "hour", "", ""},
      {"2025-12-29 09:00", N, "오는 30일 오후 2시30분 코엑스", "오는 30일 오후 2시30분",
       "2025-12-30T14:30", "time", "minute", "", ""},
      {"2025-12-29 09:00", N, "정오", "정오", "2025-12-29T12:00", "time", "hour", "", ""},
      {"2025-12-31 09:00", N, "자정", "자정", "2026-01-01T00:00", "time", "hour", "", ""},
      {"2025-12-29 09:00", N, "새벽 3시", "새벽 3시", "2025-12-29T03:00", "time", "hour", "", ""},
      {"2025-12-29 09:00", N, "밤 10시", "밤 10시", "2025-12-29T22:00", "time", "hour", "", ""},
      {"2025-12-29 09:00", N, "10:30", "10:30", "2025-12-29T10:30", "time", "minute", "", ""},
      {"2025-12-29 09:00", N, "내일 저녁", "내일 저녁", "2025-12-30T18:00", "time", "hour", "",
       "2025-12-30T23:00"},
      // news (the default profile): a clock time in a future clause stays on the anchor's day
      // (the assistant profile takes the next one: see the profile tests)
      {"2013-02-12T04:30:00", F, "아침 3시", "아침 3시", "2013-02-12T03:00", "time", "hour", "",
       ""},
  });
}

TEST_CASE("time: ranges and bounds", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "2025~2027년 사업", "2025~2027년", "2025", "date", "year", "",
       "2027"},
      {"2025-12-29 09:00", N, "2025년 1~3월 실적", "2025년 1~3월", "2025-01", "date", "month", "",
       "2025-03"},
      {"2025-12-29 09:00", N, "오전 10시~오후 3시", "오전 10시~오후 3시", "2025-12-29T10:00",
       "time", "hour", "", "2025-12-29T15:00"},
      {"2025-12-29 09:00", B, "6~8일 열렸다", "6~8일", "2025-12-06", "date", "day", "",
       "2025-12-08"},
      {"2025-12-29 09:00", N, "8월 8일부터 13일까지", "8월 8일부터 13일까지", "2025-08-08", "date",
       "day", "", "2025-08-13"},
      {"2013-02-12 04:30", F, "7월 13일 - 15일", "7월 13일 - 15일", "2013-07-13", "date", "day", "",
       "2013-07-15"},
      {"2013-02-12 04:30", N, "9:30 ~ 11:00", "9:30 ~ 11:00", "2013-02-12T09:30", "time", "minute",
       "", "2013-02-12T11:00"},
      {"2025-12-29 09:00", N, "내년 1월 15일 이내", "내년 1월 15일 이내", "2026-01-15", "date",
       "day", "on_or_before", ""},
      {"2025-12-29 09:00", N, "15일까지", "15일까지", "2025-12-15", "date", "day", "on_or_before",
       ""},
      {"2025-12-29 09:00", F, "내달 5일부터 접수", "내달 5일부터", "2026-01-05", "date", "day",
       "on_or_after", ""},
      {"2025-12-29 09:00", N, "30일 이후", "30일 이후", "2025-12-30", "date", "day", "on_or_after",
       ""},
      {"2013-02-12 04:30", N, "지난 2주", "지난 2주", "2013-W05", "date", "week", "", "2013-W06"},
  });
}

TEST_CASE("time: durations", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "약 4개월간 진행", "약 4개월간", "P4M", "duration", "", "approx", ""},
      {"2025-12-29 09:00", N, "19일간", "19일간", "P19D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "3년간", "3년간", "P3Y", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "3년 동안", "3년 동안", "P3Y", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "10년 이상 근무", "10년 이상", "P10Y", "duration", "", "", ""},
      {"2013-02-12 04:30", N, "12년", "12년", "2012", "date", "year", "", ""},
      {"2025-12-29 09:00", N, "하룻동안", "하룻동안", "P1D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "넉 달 전", "넉 달 전", "2025-08-29", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "2주간", "2주간", "P2W", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "10시간 회의", "10시간", "PT10H", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "30분간", "30분간", "PT30M", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "열흘", "열흘", "P10D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "이틀", "이틀", "P2D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "사흘", "사흘", "P3D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "하루", "하루", "P1D", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "한 달", "한 달", "P1M", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "두 달", "두 달", "P2M", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "일주일", "일주일", "P1W", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "1시간 반", "1시간 반", "PT1H30M", "duration", "", "", ""},
      {"2025-12-29 09:00", N, "10여년간", "10여년간", "P10Y", "duration", "", "approx", ""},
      // anchor +- duration; months clamp to the target month's length
      {"2025-01-31 09:00", N, "1개월 후", "1개월 후", "2025-02-28", "date", "day", "", ""},
      {"2024-03-31 09:00", N, "한 달 전", "한 달 전", "2024-02-29", "date", "day", "", ""},
      {"2013-02-12 04:30", N, "3주전", "3주전", "2013-01-22", "date", "day", "", ""},
      {"2013-02-12T04:30:00", N, "한시간안에", "한시간안에", "2013-02-12T05:30", "time", "minute",
       "on_or_before", ""},
  });
}

TEST_CASE("time: anchor shifts are one grain finer than the unit, as far as the anchor knows",
          "[extract][time]") {
  check_rows({
      // days stay days even from a timed anchor (shift_precision.day = "day", chosen for news:
      // "사흘 전" says the day, not the publication hour)
      {"2024-05-20 15:40", N, "사고는 사흘 전 일어났다", "사흘 전", "2024-05-17", "date", "day", "",
       ""},
      {"2024-05-20 15:40", N, "10일 후 재개", "10일 후", "2024-05-30", "date", "day", "", ""},
      // news: "within N days" is the window from the anchor (see the window tests)
      {"2024-05-20 15:40", N, "5일내 답변", "5일내", "2024-05-20", "date", "day", "", "2024-05-24"},
      // weeks stay days, as "1주일 내" is a day
      {"2024-05-20 15:40", N, "2주 후 발표", "2주 후", "2024-06-03", "date", "day", "", ""},
      // a date-only anchor or one stamped exactly midnight (feeds without a clock) gives days
      {"2024-05-20", N, "10일 후 재개", "10일 후", "2024-05-30", "date", "day", "", ""},
      {"2024-05-20 00:00", N, "사흘 전", "사흘 전", "2024-05-17", "date", "day", "", ""},
      {"2024-05-20 00:00", N, "2시간 뒤", "2시간 뒤", "2024-05-20", "date", "day", "", ""},
      // ... taken as midday: a few hours either way stay on the anchor's day
      {"2024-05-20 00:00", N, "50분 전", "50분 전", "2024-05-20", "date", "day", "", ""},
      {"2024-05-20", N, "48시간 이내", "48시간 이내", "2024-05-22", "date", "day", "on_or_before",
       ""},
      {"2024-05-20 15:40", N, "2시간 뒤", "2시간 뒤", "2024-05-20T17:40", "time", "minute", "", ""},
  });
}

TEST_CASE("time: shifts and years outside 0000..9999 are not dates", "[extract][time]") {
  const auto anchor = at("2024-05-20 15:40");
  // the shift is not read (at most the year itself is), and no year has five digits
  for (const char* text : {"9000년 후", "8000년 전", "999999년 후", "22222년"}) {
    INFO(text);
    for (const auto& m : tagger().tag(text, anchor, Direction::nearest)) {
      INFO(m.text << " -> " << m.value);
      CHECK(m.text != text);
      CHECK((m.type == sillok::TimeType::duration || m.value.size() == 4));
    }
  }
  const auto ok = tagger().tag("300년 전", anchor, Direction::nearest);
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].value == "1724-05");
  // A range whose end has five digits keeps no end year (found by fuzz_timex).
  for (const auto& m : tagger().tag("79~222222년", anchor, Direction::nearest)) {
    INFO(m.text << " -> " << m.value << " .. " << m.value_end);
    CHECK(m.value_end.size() <= 10);
    CHECK(m.value_end.find("222222") == std::string::npos);
  }
}

TEST_CASE("time: a duration followed by 이후 is open after the shifted anchor", "[extract][time]") {
  check_rows({
      {"2024-05-20 15:40", N, "3시간 이후 재개", "3시간 이후", "2024-05-20T18:40", "time", "minute",
       "on_or_after", ""},
      {"2024-05-20 15:40", N, "6개월 이후로 연기", "6개월 이후로", "2024-11-20", "date", "day",
       "on_or_after", ""},
      // a day count alone may be a day of the month: "3일 이후" is from the 3rd
      {"2024-05-20 15:40", F, "3일 이후 신청", "3일 이후", "2024-06-03", "date", "day",
       "on_or_after", ""},
  });
}

TEST_CASE("time: vague counts (몇, 수) read as about three", "[extract][time]") {
  check_rows({
      {"2024-05-20 15:40", N, "몇 시간 뒤 구조됐다", "몇 시간 뒤", "2024-05-20T18:40", "time",
       "minute", "approx", ""},
      {"2024-05-20 15:40", N, "몇시간 이후 복구", "몇시간 이후", "2024-05-20T18:40", "time",
       "minute", "on_or_after", ""},
      {"2024-05-20 15:40", N, "수년간 이어진 분쟁", "수년간", "P3Y", "duration", "", "approx", ""},
      {"2024-05-20 15:40", N, "수개월 전 퇴사", "수개월 전", "2024-02-20", "date", "day", "approx",
       ""},
      {"2024-05-20 15:40", N, "몇 주 동안 논의", "몇 주 동안", "P3W", "duration", "", "approx", ""},
  });
  // no count of a unit they may not take, and never a day of the month or a clock time
  const auto anchor = at("2024-05-20 15:40");
  for (const char* text : {"수주 실적이 늘었다", "수분을 섭취", "수초가 자란다", "몇 시에 오나",
                           "볼 수 년 만에", "몇 월 몇 일", "수시로 점검", "몇몇 의원"}) {
    INFO(text);
    const auto matches = tagger().tag(text, anchor, Direction::nearest);
    std::string all;
    for (const auto& m : matches) all += "[" + m.text + " -> " + m.value + "] ";
    INFO("matches: " << all);
    CHECK(matches.empty());
  }
}

TEST_CASE("time: seasons with a year or a relative word", "[extract][time]") {
  check_rows({
      {"2024-05-20 15:40", N, "올여름 폭염", "올여름", "2024-SU", "date", "season", "", ""},
      {"2024-05-20 15:40", N, "2022년 가을 개봉", "2022년 가을", "2022-FA", "date", "season", "",
       ""},
      {"2024-05-20 15:40", N, "내년 봄에", "내년 봄", "2025-SP", "date", "season", "", ""},
      // this year's winter in January is the winter in progress, started last December
      {"2024-01-15 15:40", N, "올겨울 최저기온", "올겨울", "2023-WI", "date", "season", "", ""},
      {"2024-11-15 15:40", N, "올 겨울 난방비", "올 겨울", "2024-WI", "date", "season", "", ""},
      // 이번: the season in progress, else the direction's
      {"2024-01-15 15:40", N, "이번 겨울은 춥다", "이번 겨울", "2023-WI", "date", "season", "", ""},
      {"2024-09-10 15:40", B, "이번 여름은 더웠다", "이번 여름", "2024-SU", "date", "season", "",
       ""},
      {"2024-09-10 15:40", F, "이번 여름에 열린다", "이번 여름", "2025-SU", "date", "season", "",
       ""},
      {"2024-09-10 15:40", N, "이번 여름", "이번 여름", "2024-SU", "date", "season", "", ""},
      // 지난: the last one over; 다음: the next to begin
      {"2024-01-15 15:40", N, "지난겨울", "지난겨울", "2022-WI", "date", "season", "", ""},
      {"2024-07-15 15:40", N, "지난 봄철", "지난 봄철", "2024-SP", "date", "season", "", ""},
      {"2024-07-15 15:40", N, "다음 여름", "다음 여름", "2025-SU", "date", "season", "", ""},
  });
  const auto anchor = at("2024-05-20 15:40");
  for (const char* text : {"봄이 왔다", "겨울왕국", "여름 휴가", "가을 하늘"}) {
    INFO(text);
    CHECK(tagger().tag(text, anchor, Direction::nearest).empty());
  }
}

TEST_CASE("time: clock times in a named time zone move to the anchor's offset", "[extract][time]") {
  check_rows({
      // anchor at +09:00 (KST): 15:00 UTC is midnight in Seoul, the next day
      {"2024-05-20T10:00:00+09:00", N, "3pm UTC 발표", "3pm UTC", "2024-05-21T00:00", "time",
       "hour", "", ""},
      {"2024-05-20T10:00:00+09:00", N, "오전 9시 EST 개장", "오전 9시 EST", "2024-05-20T23:00",
       "time", "hour", "", ""},
      {"2024-05-20T10:00:00+09:00", N, "2024년 5월 19일 22:00 gmt", "2024년 5월 19일 22:00 gmt",
       "2024-05-20T07:00", "time", "minute", "", ""},
      // an anchor in UTC
      {"2024-05-20T10:00:00Z", N, "오후 7시 한국시간", "오후 7시 한국시간", "2024-05-20T10:00",
       "time", "hour", "", ""},
  });
  // a zone name without a clock time is not a time, nor is a clock time glued to other letters
  const auto anchor = at("2024-05-20T10:00:00+09:00");
  CHECK(tagger().tag("UTC 기준", anchor, Direction::nearest).empty());
  const auto m = tagger().tag("3pm UTCX", anchor, Direction::nearest);
  REQUIRE(m.size() == 1);
  CHECK(m[0].text == "3pm");
  CHECK(m[0].value == "2024-05-20T15:00");
}

namespace {

// The shipped rules with one member changed, written to a temporary file.
std::string rules_with(const char* key, const nlohmann::json& value, const char* name) {
  nlohmann::json doc = nlohmann::json::parse(
      sillok::test::read_file(sillok::test::source_path("data/rules/time.json")));
  doc[key] = value;
  const std::string path =
      std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" + name;
  std::ofstream(path) << doc.dump();
  return path;
}

}  // namespace

TEST_CASE("time: a half-hour zone keeps the minutes; bad offsets are reported", "[extract][time]") {
  const std::string lunar = sillok::test::source_path("data/calendar/lunar.json");
  const auto t = TimeTagger::load(
      rules_with("time_zones", {{"IST", 330}}, "sillok_test_time_ist.json"), lunar);
  // 09:00 at +05:30 is 03:30 UTC, 12:30 at +09:00
  const auto m = t.tag("오전 9시 IST 개장", at("2024-05-20T10:00:00+09:00"), Direction::nearest);
  REQUIRE(m.size() == 1);
  CHECK(m[0].text == "오전 9시 IST");
  CHECK(m[0].value == "2024-05-20T12:30");
  CHECK(m[0].precision == "minute");
  const std::string bad = rules_with("time_zones", {{"XST", 9999}}, "sillok_test_time_bad_tz.json");
  try {
    TimeTagger::load(bad, lunar);
    FAIL("expected DataError");
  } catch (const sillok::DataError& e) {
    CHECK(std::string(e.what()).find("time_zones/XST") != std::string::npos);
  }
}

TEST_CASE("time: sets", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", N, "매일 운영", "매일", "P1D", "set", "", "", ""},
      {"2025-12-29 09:00", N, "매주 월요일", "매주 월요일", "XXXX-WXX-1", "set", "", "", ""},
      {"2025-12-29 09:00", N, "매년", "매년", "P1Y", "set", "", "", ""},
  });
}

TEST_CASE("time: holidays", "[extract][time]") {
  check_rows({
      {"2025-12-29 09:00", F, "설날 연휴", "설날", "2026-02-17", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "설 연휴", "설", "2026-02-17", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "추석 이후", "추석 이후", "2025-10-06", "date", "day", "on_or_after",
       ""},
      {"2025-12-29 09:00", F, "정월대보름", "정월대보름", "2026-03-03", "date", "day", "", ""},
      {"2014-01-01 09:00", N, "2013년 추석", "2013년 추석", "2013-09-19", "date", "day", "", ""},
      {"2025-12-20 09:00", N, "크리스마스", "크리스마스", "2025-12-25", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "광복절", "광복절", "2025-08-15", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "삼일절", "삼일절", "2026-03-01", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "어린이날", "어린이날", "2026-05-05", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "한글날", "한글날", "2025-10-09", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "개천절", "개천절", "2025-10-03", "date", "day", "", ""},
      {"2025-12-29 09:00", F, "현충일", "현충일", "2026-06-06", "date", "day", "", ""},
      {"2025-12-29 09:00", B, "제헌절", "제헌절", "2025-07-17", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "새해에는", "새해", "2026-01-01", "date", "day", "", ""},
      {"2025-12-29 09:00", N, "신정", "신정", "2026-01-01", "date", "day", "", ""},
  });
}

TEST_CASE("time: no match inside other words or quantities", "[extract][time]") {
  const auto anchor = at("2025-12-29 09:00");
  for (const char* text : {"시장",
                           "주식 시장이 열렸다",
                           "5000억개",
                           "20분씩",
                           "95%",
                           "500B",
                           "1000여명",
                           "일본",
                           "2030일",
                           "설명회",
                           "분기별",
                           "서울시장",
                           "이월 상품",
                           "오늘날",
                           "3.5배",
                           "10주년",
                           "1주당",
                           "이분이 말했다",
                           "매일경제",
                           "재적의원 5분의 3",
                           "고 한주호 준위",
                           "51초짜리 영상",
                           "4.7 인치",
                           "천주교",
                           "여기까지 올 줄이야",
                           "의사를 전달 해",
                           "전주 한옥마을",
                           "6.5년의 노화",
                           "1,000일"}) {
    INFO(text);
    const auto matches = tagger().tag(text, anchor, Direction::nearest);
    std::string all;
    for (const auto& m : matches) all += "[" + m.text + " -> " + m.value + "] ";
    INFO("matches: " << all);
    CHECK(matches.empty());
  }
}

TEST_CASE("time: byte offsets and order on Korean text", "[extract][time]") {
  const std::string s =
      "과기정통부는 오는 30일 오후 2시30분 발표회를 열고, 내년 1월 15일 이내 결과를 공개한다.";
  const auto matches = tagger().tag(s, at("2025-12-29 09:00"), Direction::nearest);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].text == "오는 30일 오후 2시30분");
  CHECK(matches[0].begin == s.find("오는"));
  CHECK(matches[0].end == s.find(" 발표회"));
  CHECK(s.substr(matches[0].begin, matches[0].end - matches[0].begin) == matches[0].text);
  CHECK(matches[1].text == "내년 1월 15일 이내");
  CHECK(matches[1].begin == s.find("내년"));
  CHECK(matches[1].mod == "on_or_before");
  CHECK(matches[1].begin >= matches[0].end);
}

TEST_CASE("time: clause direction from verb endings", "[extract][time]") {
  const auto& t = tagger();
  CHECK(t.clause_direction("결과를 1월 중 열 예정이다") == Direction::forward);
  CHECK(t.clause_direction("모델을 공개된다") == Direction::forward);
  CHECK(t.clause_direction("발표회를 개최한다") == Direction::forward);
  CHECK(t.clause_direction("추가 지원을 할 계획이다") == Direction::forward);
  CHECK(t.clause_direction("발표회를 개최했다") == Direction::backward);
  CHECK(t.clause_direction("행사가 열렸다") == Direction::backward);
  CHECK(t.clause_direction("그는 참석했고 발언했다") == Direction::backward);
  CHECK(t.clause_direction("지난 19일 회의를 열고 내년에 공개할 예정이다") == Direction::forward);
  CHECK(t.clause_direction("참석했다고 한다") == Direction::backward);
  CHECK(t.clause_direction("관심이 있다") == Direction::nearest);
  CHECK(t.clause_direction("비가 내릴 가능성이 크다") == Direction::forward);
  CHECK(t.clause_direction("발표한 바 있다") == Direction::backward);
  CHECK(t.clause_direction("국가대표 AI") == Direction::nearest);
}

TEST_CASE("time: direction changes only undirected expressions", "[extract][time]") {
  const auto anchor = at("2025-12-29 09:00");
  for (Direction d : {N, F, B}) {
    const auto m = tagger().tag("오는 30일", anchor, d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].value == "2025-12-30");
  }
}

TEST_CASE("time: loading reports the file and the problem", "[extract][time]") {
  const std::string lunar = sillok::test::source_path("data/calendar/lunar.json");
  CHECK_THROWS_AS(TimeTagger::load("/nonexistent/time.json", lunar), sillok::DataError);
  const std::string bad = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                          "/sillok_test_bad_time.json";
  {
    std::ofstream out(bad);
    out << R"({"format": "sillok-rules/time", "version": 1, "numbers": 3})";
  }
  try {
    TimeTagger::load(bad, lunar);
    FAIL("expected DataError");
  } catch (const sillok::DataError& e) {
    const std::string what = e.what();
    CHECK(what.find(bad) != std::string::npos);
    CHECK(what.find("/numbers") != std::string::npos);
  }
  CHECK_THROWS_AS(TimeTagger::load(sillok::test::source_path("data/rules/time.json"), bad),
                  sillok::DataError);
}

// ---- Wikinews-round rules (each on our own sentences) ----

TEST_CASE("time: a weekday given with a day picks the date that is that weekday",
          "[extract][time]") {
  check_rows({
      // 2025-06-16 is a Monday, 2024-06-16 a Sunday: the past clause must not pick 2024
      {"2025-06-10", B, "6월 16일 월요일 개막식이 열렸다", "6월 16일 월요일", "2025-06-16", "date",
       "day", "", ""},
      {"2025-06-10", F, "6월 16일 일요일 개막한다", "6월 16일 일요일", "2024-06-16", "date", "day",
       "", ""},
      // a bare day with its weekday: the month in which it is that weekday (05-16 is a Friday)
      {"2025-06-10", B, "16일 월요일 발표했다", "16일 월요일", "2025-06-16", "date", "day", "", ""},
      {"2025-06-10", F, "16일(금) 마감한다", "16일(금)", "2025-05-16", "date", "day", "", ""},
      // with a year the year is kept, whatever the weekday says
      {"2025-06-10", N, "2025년 6월 16일 화요일", "2025년 6월 16일 화요일", "2025-06-16", "date",
       "day", "", ""},
  });
}

TEST_CASE("time: an expression between a future verb and a past one takes the nearest date",
          "[extract][time]") {
  check_rows({
      // the rain is due, the warning was given: both days are the coming ones
      {"2025-06-10", B, "기상청은 12일과 13일 남부 지방에 큰비가 내릴 가능성이 있다고 발표했다",
       "12일", "2025-06-12", "date", "day", "", ""},
      {"2025-06-10", B, "기상청은 12일과 13일 남부 지방에 큰비가 내릴 가능성이 있다고 발표했다",
       "13일", "2025-06-13", "date", "day", "", ""},
      {"2025-06-10", B, "시는 다음날인 11일 임시 버스를 운행할 계획이라고 밝혔다", "11일",
       "2025-06-11", "date", "day", "", ""},
      // a month and day eleven months back is not "nearest": 2025, bound by 이전(까지)
      {"2025-06-10", B, "7월 1일 이전까지 개통될 것이라는 관측이 나왔으나 늦어졌다",
       "7월 1일 이전까지", "2025-07-01", "date", "day", "on_or_before", ""},
      {"2025-12-10", F, "12월 9일 새벽 발표한 바 있는데 연기할 가능성이 크다", "12월 9일 새벽",
       "2025-12-09T00:00", "time", "hour", "", "2025-12-09T05:00"},
      // one verb, one tense: the caller's direction stands
      {"2025-06-10", B, "22일 회의를 열었다", "22일", "2025-05-22", "date", "day", "", ""},
      {"2025-06-20", F, "8일 회의를 열고 결론을 낼 예정이다", "8일", "2025-07-08", "date", "day",
       "", ""},
  });
}

TEST_CASE("time: a later day count with 안에 after a day of the month continues the series",
          "[extract][time]") {
  check_rows({
      {"2025-06-10", N, "20일까지 서류가 오면 28일 안에 심사를 마칠 수 있다", "28일 안에",
       "2025-06-28", "date", "day", "on_or_before", ""},
      // no day before it, or a smaller count: a count of days from the anchor
      {"2025-06-10", N, "3일 안에 답하겠다", "3일 안에", "2025-06-10", "date", "day", "",
       "2025-06-12"},
      {"2025-06-10", N, "20일까지 서류가 오면 5일 안에 답한다", "5일 안에", "2025-06-10", "date",
       "day", "", "2025-06-14"},
  });
}

TEST_CASE("time: a clock time without a day from a date-only anchor is the anchor's day",
          "[extract][time]") {
  check_rows({
      // a feed stamped 00:00 knows no clock: not the day before
      {"2025-06-10 00:00", B, "버스는 오전 6시 20분부터 운행을 재개했다", "오전 6시 20분부터",
       "2025-06-10T06:20", "time", "minute", "on_or_after", ""},
      {"2025-06-10 00:00", B, "9시 51분에 분리됐다", "9시 51분", "2025-06-10T09:51", "time",
       "minute", "", ""},
      // a known clock earlier than the time in a past clause: the day before
      {"2025-06-10 09:00", B, "오후 3시 사고가 났다", "오후 3시", "2025-06-09T15:00", "time",
       "hour", "", ""},
      // news: a future clause keeps the anchor's day
      {"2025-06-10 09:00", F, "오전 8시에 출발한다", "오전 8시", "2025-06-10T08:00", "time", "hour",
       "", ""},
  });
}

TEST_CASE("time: within N days, weeks or months is the window from the anchor", "[extract][time]") {
  check_rows({
      {"2025-06-10 15:00", F, "2주 이내에 발표할 예정", "2주 이내", "2025-06-10", "date", "day", "",
       "2025-06-23"},
      {"2025-06-10", F, "3개월 이내 완공", "3개월 이내", "2025-06-10", "date", "day", "",
       "2025-09-09"},
      {"2025-06-10", F, "열흘 안에 결정한다", "열흘 안에", "2025-06-10", "date", "day", "",
       "2025-06-19"},
      {"2025-06-10", F, "7일 내 답변", "7일 내", "2025-06-10", "date", "day", "", "2025-06-16"},
      // finer units stay deadlines: the publication time rarely starts their window
      {"2025-06-10 15:00", F, "1시간 이내 도착", "1시간 이내", "2025-06-10T16:00", "time", "minute",
       "on_or_before", ""},
  });
}

namespace {

const TimeTagger& assistant() {
  static const TimeTagger t =
      TimeTagger::load(sillok::test::source_path("data/rules/time.json"),
                       sillok::test::source_path("data/calendar/lunar.json"), "assistant");
  return t;
}

std::string value_of(const TimeTagger& t, const char* text, const char* anchor, Direction d) {
  const auto m = t.tag(text, at(anchor), d);
  REQUIRE(m.size() == 1);
  return m[0].value + (m[0].value_end.empty() ? "" : ".." + m[0].value_end) +
         (m[0].mod.empty() ? "" : " " + m[0].mod);
}

}  // namespace

TEST_CASE("time: convention profiles", "[extract][time]") {
  CHECK(tagger().profile() == "news");
  CHECK(assistant().profile() == "assistant");
  const auto& names = tagger().profiles();
  CHECK(std::find(names.begin(), names.end(), "news") != names.end());
  CHECK(std::find(names.begin(), names.end(), "assistant") != names.end());
  // the default profile by name is the same as by default
  const auto news = TimeTagger::load(sillok::test::source_path("data/rules/time.json"),
                                     sillok::test::source_path("data/calendar/lunar.json"), "news");
  CHECK(value_of(news, "7일전", "2013-02-12T04:30:00", F) ==
        value_of(tagger(), "7일전", "2013-02-12T04:30:00", F));
  // day shifts keep the hour for the assistant, the day for news
  CHECK(value_of(tagger(), "7일전", "2013-02-12T04:30:00", F) == "2013-02-05");
  CHECK(value_of(assistant(), "7일전", "2013-02-12T04:30:00", F) == "2013-02-05T04:00");
  // a clock time in a future request: the next one for the assistant
  CHECK(value_of(tagger(), "오전 3시", "2013-02-12T04:30:00", F) == "2013-02-12T03:00");
  CHECK(value_of(assistant(), "오전 3시", "2013-02-12T04:30:00", F) == "2013-02-13T03:00");
  CHECK(value_of(assistant(), "세시", "2013-02-12T04:30:00", F) == "2013-02-12T15:00");
  // within: a window for news, a deadline for the assistant (inheriting the week -> day shift)
  CHECK(value_of(tagger(), "2주 이내", "2013-02-12T04:30:00", F) == "2013-02-12..2013-02-25");
  CHECK(value_of(assistant(), "2주 이내", "2013-02-12T04:30:00", F) == "2013-02-26 on_or_before");
  // both share everything else
  CHECK(value_of(assistant(), "내년 1월 15일", "2025-12-29 09:00", N) == "2026-01-15");
  // an unknown profile, or a default profile missing a member, is reported
  const std::string lunar = sillok::test::source_path("data/calendar/lunar.json");
  try {
    TimeTagger::load(sillok::test::source_path("data/rules/time.json"), lunar, "radio");
    FAIL("expected DataError");
  } catch (const sillok::DataError& e) {
    CHECK(std::string(e.what()).find("radio") != std::string::npos);
  }
  nlohmann::json doc = nlohmann::json::parse(
      sillok::test::read_file(sillok::test::source_path("data/rules/time.json")));
  doc["profiles"]["news"].erase("clock_forward");
  const std::string bad = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                          "/sillok_test_time_profile.json";
  std::ofstream(bad) << doc.dump();
  try {
    TimeTagger::load(bad, lunar);
    FAIL("expected DataError");
  } catch (const sillok::DataError& e) {
    CHECK(std::string(e.what()).find("profiles/news") != std::string::npos);
    CHECK(std::string(e.what()).find("clock_forward") != std::string::npos);
  }
}
