// The timeline's building blocks: ISO periods and label tokens.
#include <catch2/catch.hpp>

#include "extract/datetime.h"
#include "timeline/labels.h"
#include "timeline/period.h"

namespace sillok {
namespace {

using timeline_detail::overlap;
using timeline_detail::parse_period;
using timeline_detail::tokenize_label;
using timeline_detail::widen_for_mod;
using timeline_detail::words_subset;

std::string day(long days) { return CivilDate::from_days(days).iso(); }

TEST_CASE("period: ISO values become day ranges", "[timeline][period]") {
  struct Row {
    const char* value;
    const char* first;
    const char* last;
    const char* precision;
  };
  const Row rows[] = {
      {"2025-12-30", "2025-12-30", "2025-12-30", "day"},
      {"2026-01", "2026-01-01", "2026-01-31", "month"},
      {"2024-02", "2024-02-01", "2024-02-29", "month"},
      {"2025", "2025-01-01", "2025-12-31", "year"},
      {"2025-Q4", "2025-10-01", "2025-12-31", "quarter"},
      {"2026-H1", "2026-01-01", "2026-06-30", "half"},
      {"2025-SU", "2025-06-01", "2025-08-31", "season"},
      {"2025-WI", "2025-12-01", "2026-02-28", "season"},
      {"2025-W01", "2024-12-30", "2025-01-05", "week"},
      {"2025-W52", "2025-12-22", "2025-12-28", "week"},
      {"2026-W53", "2026-12-28", "2027-01-03", "week"},
  };
  for (const Row& r : rows) {
    INFO(r.value);
    const auto p = parse_period(r.value);
    REQUIRE(p.has_value());
    CHECK(day(p->first) == r.first);
    CHECK(day(p->last) == r.last);
    CHECK(p->precision == r.precision);
    CHECK(p->value == r.value);
  }
}

TEST_CASE("period: a time of day is split off", "[timeline][period]") {
  const auto p = parse_period("2025-12-30T14:30");
  REQUIRE(p.has_value());
  CHECK(p->value == "2025-12-30");
  CHECK(p->time == "14:30");
  CHECK(p->precision == "day");
}

TEST_CASE("period: values that cannot be placed", "[timeline][period]") {
  for (const char* v : {"", "P4M", "XXXX-12-25", "2025-02-29", "2025-13", "2025-Q5", "2025-H3",
                        "2025-W53", "2025-12-30T25:00", "12-30", "2025-12-3", "2025/12/30"}) {
    INFO(v);
    CHECK_FALSE(parse_period(v).has_value());
  }
}

TEST_CASE("period: on_or_before widens to the start of the month", "[timeline][period]") {
  const auto p = parse_period("2026-01-15");
  REQUIRE(p.has_value());
  const auto before = widen_for_mod(*p, "on_or_before");
  CHECK(day(before.first) == "2026-01-01");
  CHECK(day(before.last) == "2026-01-15");
  const auto after = widen_for_mod(*p, "on_or_after");
  CHECK(day(after.first) == "2026-01-15");
  CHECK(day(after.last) == "2026-01-31");
  const auto plain = widen_for_mod(*p, "");
  CHECK(plain.first == p->first);
  CHECK(plain.last == p->last);
}

TEST_CASE("labels: words, bigrams and stop tokens", "[timeline][labels]") {
  const auto t = tokenize_label("이번 '국가대표 AI' 발표회…", {"이번"});
  CHECK(t.words == std::vector<std::string>{"ai", "국가대표", "발표회"});
  CHECK(t.features == std::vector<std::string>{"ai", "가대", "국가", "국가대표", "대표", "발표",
                                               "발표회", "표회"});
}

TEST_CASE("labels: overlap and subsets", "[timeline][labels]") {
  const std::vector<std::string> stops{"이날"};
  const auto result_open = tokenize_label("결과 공개", stops);
  const auto result_announce = tokenize_label("결과 발표", stops);
  const auto first_eval = tokenize_label("1차 평가 결과 공개", stops);
  const auto launch = tokenize_label("독자 AI 파운데이션 모델 프로젝트 1차 발표회", stops);
  const auto bare = tokenize_label("이날 발표회", stops);
  const auto other = tokenize_label("행사 참석", stops);
  CHECK(overlap(result_open, result_announce) == Approx(0.5));
  CHECK(overlap(result_open, first_eval) == Approx(1.0));
  CHECK(words_subset(result_open, first_eval));
  CHECK(words_subset(bare, launch));
  CHECK_FALSE(words_subset(result_announce, first_eval));
  CHECK(overlap(launch, other) == Approx(0.0));
  CHECK(overlap(tokenize_label("이날", stops), launch) == Approx(0.0));
  CHECK_FALSE(words_subset(tokenize_label("이날", stops), launch));
}

TEST_CASE("labels: invalid UTF-8 keeps the valid prefix", "[timeline][labels]") {
  const auto t = tokenize_label("결과 공개\xED\xA0\x80 발표", {});
  CHECK(t.words == std::vector<std::string>{"결과", "공개"});
}

}  // namespace
}  // namespace sillok
