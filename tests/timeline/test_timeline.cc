// build_timeline: merging event mentions across articles, article entries, ordering, filters.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "timeline_fixtures.h"

namespace sillok {
namespace {

using test::example_articles;
using test::example_events;
using test::mention;
using test::shipped_rules;
using S = EventStatus;

const std::string kLaunch = "독자 AI 파운데이션 모델 프로젝트 1차 발표회";

std::vector<std::string> labels(const std::vector<TimelineEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.label);
  return out;
}

TEST_CASE("timeline: worked example merges into three entries", "[timeline]") {
  const auto entries =
      build_timeline(example_articles(), example_events(), TimelineOptions{}, shipped_rules());
  REQUIRE(entries.size() == 3);

  const TimelineEntry& preview = entries[0];
  CHECK(preview.kind == "article");
  CHECK(preview.date == "2025-12-29");
  CHECK(preview.label == "베일 벗는 '국가대표 AI'…30일 첫 발표회");
  CHECK(preview.sources == std::vector<std::string>{"A"});
  CHECK_FALSE(preview.status.has_value());

  const TimelineEntry& launch = entries[1];
  CHECK(launch.kind == "event");
  CHECK(launch.date == "2025-12-30");
  CHECK(launch.time == "14:30");
  CHECK(launch.precision == "day");
  CHECK(launch.status == S::occurred);
  CHECK(launch.label == kLaunch);
  CHECK(launch.place == "코엑스 오디토리움");
  CHECK(launch.participants ==
        std::vector<std::string>{"과학기술정보통신부", "정보통신산업진흥원"});
  CHECK(launch.sources == std::vector<std::string>{"A", "B"});
  CHECK(launch.other_dates.empty());
  REQUIRE_FALSE(launch.source_details.empty());
  CHECK(launch.source_details.front().article_id == "A");
  CHECK(launch.source_details.front().status == S::planned);
  CHECK(launch.source_details.back().article_id == "B");

  const TimelineEntry& results = entries[2];
  CHECK(results.kind == "event");
  CHECK(results.date == "2026-01-15");
  CHECK(results.precision == "day");
  CHECK(results.mod == "on_or_before");
  CHECK(results.time.empty());
  CHECK(results.status == S::planned);
  CHECK(results.label == "1차 평가 결과 공개");
  CHECK(results.sources == std::vector<std::string>{"A", "B"});
  // The month-precision mentions are compatible with the day, so they are not "other dates".
  CHECK(results.other_dates.empty());
}

TEST_CASE("timeline: input order does not change the result", "[timeline]") {
  const TimelineRules rules = shipped_rules();
  auto articles = example_articles();
  auto events = example_events();
  events.push_back(mention("C", "2026-01-16",
                           {"1차 평가 결과 공개",
                            "2026-01-15",
                            S::occurred,
                            "announcement",
                            "",
                            "",
                            {"과학기술정보통신부"}}));
  articles.push_back({"C", "1차 평가 결과 나왔다", "전자신문", "2026-01-16"});
  const auto expected = render_json(build_timeline(articles, events, {}, rules), {}).dump();
  std::mt19937 rng(20251230);
  for (int round = 0; round < 25; ++round) {
    std::shuffle(events.begin(), events.end(), rng);
    std::shuffle(articles.begin(), articles.end(), rng);
    INFO("round " << round);
    CHECK(render_json(build_timeline(articles, events, {}, rules), {}).dump() == expected);
  }
  const auto entries = build_timeline(articles, events, {}, rules);
  REQUIRE(entries.size() == 4);  // A, launch, results, C (C's own event is dated 01-15)
  CHECK(entries[2].status == S::occurred);
  CHECK(entries[2].sources == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("timeline: disagreeing days stay one event with other_dates", "[timeline]") {
  const std::vector<SourcedEvent> events{
      mention("A", "2025-12-01",
              {"AI 기본법 시행령 공청회", "2025-12-10", S::planned, "gathering"}),
      mention("B", "2025-12-11",
              {"AI 기본법 시행령 공청회", "2025-12-11", S::occurred, "gathering"}),
  };
  const auto entries = build_timeline({}, events, {}, shipped_rules());
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].date == "2025-12-11");  // both are days: the latest report decides
  CHECK(entries[0].other_dates == std::vector<std::string>{"2025-12-10"});
  CHECK(entries[0].status == S::occurred);
  CHECK(entries[0].sources == std::vector<std::string>{"A", "B"});
}

TEST_CASE("timeline: generic or distant same labels are not merged across days", "[timeline]") {
  SECTION("a one-word label on two days is two happenings") {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-01", {"간담회", "2025-12-10", S::occurred, "gathering"}),
        mention("B", "2025-12-20", {"간담회", "2025-12-19", S::occurred, "gathering"}),
    };
    CHECK(build_timeline({}, events, {}, shipped_rules()).size() == 2);
  }
  SECTION("the same long label months apart is two happenings") {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-03-01", {"AI 기본법 시행령 공청회", "2025-03-10", S::occurred}),
        mention("B", "2025-09-01", {"AI 기본법 시행령 공청회", "2025-09-10", S::occurred}),
    };
    CHECK(build_timeline({}, events, {}, shipped_rules()).size() == 2);
  }
  SECTION("bare labels of two articles on dates that only overlap by a modifier") {
    // "10일까지 발사" and "7일까지 재발사" from two stories: no shared word beyond the
    // trigger, no shared participant, not the same date.
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-01", {"재발사", "2025-12-07", S::planned, "start", "on_or_before"}),
        mention("B", "2025-12-03", {"발사", "2025-12-10", S::planned, "start", "on_or_before"}),
    };
    CHECK(build_timeline({}, events, {}, shipped_rules()).size() == 2);
    // The same bare label on the same day still merges.
    const std::vector<SourcedEvent> same{
        mention("A", "2025-12-01", {"발사", "2025-12-10", S::planned, "start"}),
        mention("B", "2025-12-03", {"발사", "2025-12-10", S::planned, "start"}),
    };
    CHECK(build_timeline({}, same, {}, shipped_rules()).size() == 1);
  }
  SECTION("different labels on the same day are two happenings") {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-10",
                {"반도체 수출 통계 발표", "2025-12-10", S::occurred, "announcement"}),
        mention("B", "2025-12-10",
                {"AI 기본법 시행령 공청회", "2025-12-10", S::occurred, "gathering"}),
    };
    CHECK(build_timeline({}, events, {}, shipped_rules()).size() == 2);
  }
}

TEST_CASE("timeline: date compatibility", "[timeline]") {
  const TimelineRules rules = shipped_rules();
  const auto merged = [&](const std::string& d1, const std::string& mod1, const std::string& d2) {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-01", {"예산 심사 결과 공개", d1, S::planned, "", mod1}),
        mention("B", "2025-12-02", {"예산 심사 결과 공개", d2, S::planned}),
    };
    return build_timeline({}, events, {}, rules).size() == 1 &&
           build_timeline({}, events, {}, rules)[0].other_dates.empty();
  };
  CHECK(merged("2026-01", "", "2026-01-15"));
  CHECK(merged("2026", "", "2026-03"));
  CHECK(merged("2026-Q1", "", "2026-02-03"));
  CHECK(merged("2026-01-15", "on_or_before", "2026-01-10"));
  CHECK_FALSE(merged("2026-01-15", "on_or_before", "2026-01-20"));
  CHECK_FALSE(merged("2026-01-15", "on_or_before", "2025-12-28"));
  CHECK_FALSE(merged("2026-01", "", "2026-02"));
}

TEST_CASE("timeline: the latest report's status wins, postponed and cancelled too", "[timeline]") {
  const TimelineRules rules = shipped_rules();
  SECTION("postponed after planned") {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-01", {"정책 설명회", "2025-12-20", S::planned, "gathering"}),
        mention("B", "2025-12-15", {"정책 설명회", "2025-12-20", S::postponed, "gathering"}),
    };
    const auto entries = build_timeline({}, events, {}, rules);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == S::postponed);
  }
  SECTION("cancelled after occurred-sounding early report") {
    const std::vector<SourcedEvent> events{
        mention("B", "2025-12-18", {"정책 설명회", "2025-12-20", S::cancelled, "gathering"}),
        mention("A", "2025-12-01", {"정책 설명회", "2025-12-20", S::occurred, "gathering"}),
    };
    const auto entries = build_timeline({}, events, {}, rules);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == S::cancelled);
  }
  SECTION("same article date: occurred beats planned") {
    const std::vector<SourcedEvent> events{
        mention("A", "2025-12-20", {"정책 설명회", "2025-12-20", S::planned, "gathering"}),
        mention("B", "2025-12-20", {"정책 설명회", "2025-12-20", S::occurred, "gathering"}),
    };
    const auto entries = build_timeline({}, events, {}, rules);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == S::occurred);
  }
}

TEST_CASE("timeline: articles become entries unless an event of their day stands for them",
          "[timeline]") {
  const std::vector<TimelineArticle> articles{
      {"X", "AI 업계 송년 좌담", "전자신문", "2025-12-24"},
      {"Y", "날짜 없는 기사", "", ""},
      {"Z", "당일 행사 보도", "", "2025-12-26"},
  };
  const std::vector<SourcedEvent> events{
      mention("Z", "2025-12-26", {"스타트업 데모데이", "2025-12-26", S::occurred, "gathering"}),
  };
  const auto entries = build_timeline(articles, events, {}, shipped_rules());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].kind == "article");
  CHECK(entries[0].label == "AI 업계 송년 좌담");
  CHECK(entries[0].publisher == "전자신문");
  CHECK(entries[1].kind == "event");
  CHECK(entries[1].sources == std::vector<std::string>{"Z"});
}

TEST_CASE("timeline: unplaceable dates are left out", "[timeline]") {
  std::vector<SourcedEvent> events{
      mention("A", "2025-12-01", {"사업 수행", "P4M", S::planned}),
      mention("A", "2025-12-01", {"성탄 행사", "XXXX-12-25", S::planned}),
      mention("A", "2025-12-01", {"행사", "", S::planned}),
      mention("A", "2025-12-01", {"출범식", "2025-12-05T10:00", S::planned}),
  };
  auto no_label = mention("A", "2025-12-01", {"", "2025-12-06", S::planned});
  no_label.event.trigger.clear();  // neither label nor trigger: nothing to show
  events.push_back(no_label);
  const auto entries = build_timeline({}, events, {}, shipped_rules());
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].date == "2025-12-05");
  CHECK(entries[0].time == "10:00");
}

TEST_CASE("timeline: from/to keep entries whose range meets the bounds", "[timeline]") {
  const TimelineRules rules = shipped_rules();
  const auto run = [&](const std::string& from, const std::string& to) {
    TimelineOptions o;
    o.from = from;
    o.to = to;
    return labels(build_timeline(example_articles(), example_events(), o, rules));
  };
  const std::string preview = "베일 벗는 '국가대표 AI'…30일 첫 발표회";
  CHECK(run("2025-12-30", "") == std::vector<std::string>{kLaunch, "1차 평가 결과 공개"});
  CHECK(run("", "2025-12-30") == std::vector<std::string>{preview, kLaunch});
  CHECK(run("2025-12-30", "2025-12-30") == std::vector<std::string>{kLaunch});
  CHECK(run("2026-01", "2026-01") == std::vector<std::string>{"1차 평가 결과 공개"});
  CHECK(run("2026-02-01", "").empty());
  CHECK_THROWS_WITH(run("tomorrow", ""), Catch::Contains("tomorrow"));
  CHECK_THROWS_AS(run("", "2025-13-01"), std::invalid_argument);
}

TEST_CASE("timeline: limit keeps the most-reported entries in date order", "[timeline]") {
  const TimelineRules rules = shipped_rules();
  TimelineOptions o;
  o.limit = 2;
  CHECK(labels(build_timeline(example_articles(), example_events(), o, rules)) ==
        std::vector<std::string>{kLaunch, "1차 평가 결과 공개"});
  o.limit = 1;  // a tie on source count goes to the earlier entry
  CHECK(labels(build_timeline(example_articles(), example_events(), o, rules)) ==
        std::vector<std::string>{kLaunch});
  o.limit = 10;
  CHECK(build_timeline(example_articles(), example_events(), o, rules).size() == 3);
}

TEST_CASE("timeline: sort order is range start, finer first, time, articles first", "[timeline]") {
  const std::vector<TimelineArticle> articles{{"P", "12월 1일 기사", "", "2025-12-01"}};
  const std::vector<SourcedEvent> events{
      mention("Q", "2025-11-20", {"연말 결산 보고", "2025-12", S::planned}),
      mention("Q", "2025-11-20", {"오후 세미나", "2025-12-01", S::planned, "", "", "15:00"}),
      mention("Q", "2025-11-20", {"오전 세미나", "2025-12-01", S::planned, "", "", "09:00"}),
      mention("Q", "2025-11-20", {"종일 워크숍", "2025-12-01", S::planned}),
  };
  const auto entries = build_timeline(articles, events, {}, shipped_rules());
  CHECK(labels(entries) == std::vector<std::string>{"12월 1일 기사", "종일 워크숍", "오전 세미나",
                                                    "오후 세미나", "연말 결산 보고"});
}

TEST_CASE("timeline: rules file loading and validation", "[timeline][rules]") {
  const TimelineRules shipped = TimelineRules::load_default();
  CHECK(shipped.label_overlap == Approx(0.5));
  CHECK(std::find(shipped.label_stop_tokens.begin(), shipped.label_stop_tokens.end(), "이날") !=
        shipped.label_stop_tokens.end());
  CHECK(shipped.status_precedence.front() == S::occurred);

  const std::string dir = std::filesystem::temp_directory_path().string() + "/";
  const auto write = [](const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
  };
  const std::string bad_overlap = dir + "bad_overlap.tmp.json";
  write(bad_overlap, R"({"format":"sillok-rules/timeline","version":1,"label_overlap":2})");
  CHECK_THROWS_WITH(TimelineRules::load(bad_overlap),
                    Catch::Contains("bad_overlap.tmp.json") && Catch::Contains("/label_overlap"));
  const std::string bad_status = dir + "bad_status.tmp.json";
  write(bad_status,
        R"({"format":"sillok-rules/timeline","version":1,"status_precedence":["done"]})");
  CHECK_THROWS_WITH(TimelineRules::load(bad_status), Catch::Contains("/status_precedence"));
  const std::string wrong_format = dir + "wrong_format.tmp.json";
  write(wrong_format, R"({"format":"sillok-rules/events","version":1})");
  CHECK_THROWS_WITH(TimelineRules::load(wrong_format), Catch::Contains("/format"));
  CHECK_THROWS_WITH(TimelineRules::load(dir + "missing.json"), Catch::Contains("missing.json"));
  std::remove(bad_overlap.c_str());
  std::remove(bad_status.c_str());
  std::remove(wrong_format.c_str());
}

TEST_CASE("timeline: label_overlap from the rules decides borderline labels", "[timeline]") {
  TimelineRules strict = shipped_rules();
  strict.label_overlap = 0.9;
  // "결과 발표" shares only 결과 with "결과 공개": merged at 0.5, apart at 0.9.
  const std::vector<SourcedEvent> events{
      mention("A", "2025-12-29", {"결과 공개", "2026-01", S::planned, "announcement"}),
      mention("B", "2025-12-30", {"결과 발표", "2026-01", S::planned, "announcement"}),
  };
  CHECK(build_timeline({}, events, {}, shipped_rules()).size() == 1);
  CHECK(build_timeline({}, events, {}, strict).size() == 2);
}

TEST_CASE("timeline: a month-precision mention does not chain two day events", "[timeline]") {
  const std::vector<std::string> msit{"과학기술정보통신부"};
  const std::vector<SourcedEvent> events{
      mention("A", "2026-01-02",
              {"1차 평가 결과 공개", "2026-01-15", S::planned, "announcement", "", "", msit}),
      mention("A", "2026-01-02",
              {"AI 기본법 시행령 발표", "2026-01-22", S::planned, "announcement", "", "", msit}),
      mention("B", "2026-01-03",
              {"결과 발표", "2026-01", S::planned, "announcement", "", "", msit}),
  };
  const auto entries = build_timeline({}, events, {}, shipped_rules());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].label == "1차 평가 결과 공개");
  CHECK(entries[0].sources == std::vector<std::string>{"A", "B"});
  CHECK(entries[1].label == "AI 기본법 시행령 발표");
  CHECK(entries[1].sources == std::vector<std::string>{"A"});
  CHECK(entries[1].other_dates.empty());
}

TEST_CASE("timeline: coarse mentions with no day event merge among themselves", "[timeline]") {
  const std::vector<SourcedEvent> events{
      mention("A", "2025-11-02", {"2차 평가 착수", "2026-H1", S::planned, "start"}),
      mention("B", "2025-12-03", {"2차 평가 착수", "2026-Q2", S::planned, "start"}),
      mention("B", "2025-12-03", {"예산 집행", "2026-Q2", S::planned}),
  };
  const auto entries = build_timeline({}, events, {}, shipped_rules());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].label == "2차 평가 착수");  // both start 04-01; labels break the tie
  CHECK(entries[0].date == "2026-Q2");         // the finer of H1 and Q2
  CHECK(entries[0].precision == "quarter");
  CHECK(entries[0].sources == std::vector<std::string>{"A", "B"});
  CHECK(entries[1].label == "예산 집행");
}

TEST_CASE("timeline: times are HH:MM or dropped", "[timeline]") {
  const std::vector<SourcedEvent> events{
      mention("A", "2025-12-01", {"개막식", "2025-12-05", S::planned, "", "", "09:30:00"}),
      mention("A", "2025-12-01", {"폐막 만찬", "2025-12-06", S::planned, "", "", "오후 7시"}),
      mention("A", "2025-12-01", {"심야 토론", "2025-12-07", S::planned, "", "", "25:00"}),
  };
  const auto entries = build_timeline({}, events, {}, shipped_rules());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].time == "09:30");
  CHECK(entries[1].time.empty());
  CHECK(entries[2].time.empty());
}

TEST_CASE("timeline: an empty label falls back to the trigger", "[timeline]") {
  auto m = mention("A", "2025-12-01", {"", "2025-12-06", S::planned});
  m.event.trigger = "간담회";
  const auto entries = build_timeline({}, {m}, {}, shipped_rules());
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].label == "간담회");
}

}  // namespace
}  // namespace sillok
