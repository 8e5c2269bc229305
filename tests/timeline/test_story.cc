// End to end from text to timeline: three articles written for this test follow one story
// over several days (a port strike announced, begun, called off). Extraction and merging
// must give what makes a timeline sensible — dates in order, labels that name something,
// one event per happening with every report as a source, the latest status — the same
// properties docs/timelines/ shows on Wikinews. No corpus text is used in those; the last
// tests read the shipped Wikinews example of docs/timelines/ (typhoon Bolaven).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/utf8.h"
#include "tests/test_util.h"
#include "timeline/timeline.h"

namespace {

using sillok::EventStatus;
using sillok::TimelineEntry;

struct StoryArticle {
  const char* id;
  const char* published;
  const char* title;
  const char* text;
};

const std::vector<StoryArticle>& story() {
  static const std::vector<StoryArticle> articles = {
      {"port-a", "2025-03-03 09:00", "항만 노조 파업 예고",
       "항만 노조 파업 예고\n\n항만 노조는 오는 5일 파업에 돌입한다고 밝혔다. "
       "노조는 지난 2일 임시총회를 열고 파업을 결의했다."},
      {"port-b", "2025-03-05 18:00", "항만 노조 파업 돌입",
       "항만 노조 파업 돌입\n\n항만 노조는 5일 파업에 돌입했다. "
       "항만공사는 이날 비상 대책회의를 열었다."},
      {"port-c", "2025-03-07 18:00", "항만 노조 파업 철회",
       "항만 노조 파업 철회\n\n항만 노조는 지난 5일 시작한 파업을 7일 철회했다. "
       "노사는 오는 10일 협상을 재개할 예정이다."},
  };
  return articles;
}

const sillok::Extractor& extractor() {
  static const sillok::Extractor ex = [] {
    sillok::ExtractorOptions options;
    if (std::getenv("SILLOK_DATA_DIR") == nullptr) {
      options.data_dir = sillok::test::source_path("data");
    }
    return sillok::Extractor::load(options);
  }();
  return ex;
}

std::vector<TimelineEntry> story_timeline(std::size_t limit = 0) {
  std::vector<sillok::TimelineArticle> articles;
  std::vector<sillok::SourcedEvent> events;
  for (const StoryArticle& s : story()) {
    sillok::Article a;
    a.id = s.id;
    a.title = s.title;
    a.text = s.text;
    a.published_at = sillok::parse_timestamp(s.published);
    const sillok::Extraction x = extractor().extract(a);
    const std::string day = std::string(s.published).substr(0, 10);
    articles.push_back({s.id, s.title, "", day});
    for (const sillok::EventMention& e : x.events) events.push_back({s.id, day, e});
  }
  sillok::TimelineOptions options;
  options.limit = limit;
  sillok::TimelineRules rules;
  if (std::getenv("SILLOK_DATA_DIR") == nullptr) {
    rules = sillok::TimelineRules::load(sillok::test::source_path("data/rules/timeline.json"));
  } else {
    rules = sillok::TimelineRules::load_default();
  }
  return sillok::build_timeline(articles, events, options, rules);
}

std::string describe(const std::vector<TimelineEntry>& entries) {
  std::string out;
  for (const TimelineEntry& e : entries) {
    out += e.date + " [" + e.kind + "] " + e.label + " (" + std::to_string(e.sources.size()) +
           ")\n";
  }
  return out;
}

// A label names something: not empty, not a date ("5일 …"), at least two syllables.
bool names_something(const std::string& label) {
  return sillok::utf8::length(label) >= 2 &&
         std::isdigit(static_cast<unsigned char>(label.front())) == 0;
}

}  // namespace

TEST_CASE("story: the timeline is in date order with labels that name something",
          "[timeline][story]") {
  const std::vector<TimelineEntry> entries = story_timeline();
  INFO(describe(entries));
  REQUIRE(entries.size() >= 4);
  for (std::size_t i = 1; i < entries.size(); ++i) {
    CHECK(entries[i - 1].date.substr(0, 10) <= entries[i].date.substr(0, 10));
  }
  std::size_t events = 0;
  for (const TimelineEntry& e : entries) {
    if (e.kind != "event") continue;
    ++events;
    INFO(e.label);
    CHECK(names_something(e.label));
  }
  CHECK(events >= 4);  // 2일 총회, 5일 파업, 5일 대책회의, 7일 철회, 10일 협상 재개
}

TEST_CASE("story: one happening reported by three articles is one event", "[timeline][story]") {
  const std::vector<TimelineEntry> entries = story_timeline();
  INFO(describe(entries));
  // The strike of the 5th: announced (A), begun (B), recalled (C).
  const TimelineEntry* strike = nullptr;
  std::map<std::string, int> per_day_label;
  for (const TimelineEntry& e : entries) {
    if (e.kind != "event") continue;
    ++per_day_label[e.date + "|" + e.label];
    if (e.date == "2025-03-05" && e.sources.size() == 3) strike = &e;
  }
  for (const auto& [key, n] : per_day_label) {
    INFO(key);
    CHECK(n == 1);  // the same label twice on one day would be an unmerged event
  }
  REQUIRE(strike != nullptr);
  CHECK(strike->sources == std::vector<std::string>{"port-a", "port-b", "port-c"});
  // Announced as planned, reported as begun: the latest report says it happened.
  REQUIRE(strike->status.has_value());
  CHECK(*strike->status == EventStatus::occurred);
  // Articles whose day has an event stand for themselves only when no event does.
  for (const TimelineEntry& e : entries) {
    CHECK_FALSE((e.kind == "article" && e.date == "2025-03-05"));
  }
}

TEST_CASE("story: the ends of the story keep their status", "[timeline][story]") {
  const std::vector<TimelineEntry> entries = story_timeline();
  INFO(describe(entries));
  bool cancelled = false;
  bool planned = false;
  for (const TimelineEntry& e : entries) {
    if (e.kind != "event" || !e.status) continue;
    if (e.date == "2025-03-07") cancelled = cancelled || *e.status == EventStatus::cancelled;
    if (e.date == "2025-03-10") planned = planned || *e.status == EventStatus::planned;
  }
  CHECK(cancelled);  // 7일 철회
  CHECK(planned);    // 오는 10일 … 재개할 예정
}

TEST_CASE("story: --limit keeps the most-reported entries, shown by date", "[timeline][story]") {
  const std::vector<TimelineEntry> all = story_timeline();
  const std::vector<TimelineEntry> top = story_timeline(2);
  INFO(describe(all) << "--\n" << describe(top));
  REQUIRE(top.size() == 2);
  // The three-source strike is kept; no dropped entry has more sources than a kept one.
  CHECK((top[0].sources.size() == 3 || top[1].sources.size() == 3));
  const std::size_t least_kept = std::min(top[0].sources.size(), top[1].sources.size());
  for (const TimelineEntry& e : all) {
    const bool kept = (e.date == top[0].date && e.label == top[0].label) ||
                      (e.date == top[1].date && e.label == top[1].label);
    if (!kept) CHECK(e.sources.size() <= least_kept);
  }
  CHECK(top[0].date <= top[1].date);
}

// ---- A real story: typhoon Bolaven on Korean Wikinews (examples/wikinews, CC BY 2.5) ----
//
// Five articles of 2012-08-26..28 (docs/timelines/태풍.txt). Their bare days ("27일과 28일 …
// 발생할", "다음날인 29일 …", "27일 월요일") once resolved into July and a weekday-bearing
// date into 2011; the timeline must stay within the days the story covers, in order.

namespace {

std::vector<TimelineEntry> typhoon_timeline() {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(sillok::test::source_path("examples/wikinews")))
    if (entry.path().filename().string().rfind("wikinews_", 0) == 0)
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<sillok::TimelineArticle> articles;
  std::vector<sillok::SourcedEvent> events;
  for (const std::string& file : files) {
    const sillok::Article a = sillok::parse_crawl(sillok::test::read_file(file), file);
    if ((a.title + a.text).find("태풍") == std::string::npos) continue;  // like --topic 태풍
    REQUIRE(a.published_at.has_value());
    const sillok::Extraction x = extractor().extract(a);
    const std::string day = a.published_at->date.iso();
    articles.push_back({a.id, a.title, "", day});
    for (const sillok::EventMention& e : x.events) events.push_back({a.id, day, e});
  }
  REQUIRE(articles.size() == 5);
  sillok::TimelineRules rules;
  if (std::getenv("SILLOK_DATA_DIR") == nullptr) {
    rules = sillok::TimelineRules::load(sillok::test::source_path("data/rules/timeline.json"));
  } else {
    rules = sillok::TimelineRules::load_default();
  }
  return sillok::build_timeline(articles, events, sillok::TimelineOptions{}, rules);
}

const TimelineEntry* find_event(const std::vector<TimelineEntry>& entries, const char* label) {
  for (const TimelineEntry& e : entries)
    if (e.kind == "event" && e.label.find(label) != std::string::npos) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("story: the Bolaven timeline stays within its days, in order", "[timeline][story]") {
  const std::vector<TimelineEntry> entries = typhoon_timeline();
  INFO(describe(entries));
  REQUIRE(entries.size() >= 6);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    INFO(entries[i].date << " " << entries[i].label);
    // no July (bare days sent a month back) and no 2011 (a weekday-bearing date a year back)
    CHECK(entries[i].date.substr(0, 10) >= "2012-08-26");
    CHECK(entries[i].date.substr(0, 10) <= "2012-08-31");
    if (i > 0) CHECK(entries[i - 1].date.substr(0, 10) <= entries[i].date.substr(0, 10));
  }
}

TEST_CASE("story: the Bolaven forecasts are dated on the days they name", "[timeline][story]") {
  const std::vector<TimelineEntry> entries = typhoon_timeline();
  INFO(describe(entries));
  // "27일과 28일 … 폭풍 해일이 발생할 가능성" in the article of 08-26: the coming days
  const TimelineEntry* surge = find_event(entries, "해일");
  REQUIRE(surge != nullptr);
  CHECK(surge->date == "2012-08-27");
  CHECK(surge->other_dates == std::vector<std::string>{"2012-08-28"});
  REQUIRE(surge->status.has_value());
  CHECK(*surge->status == EventStatus::planned);
  // "다음날인 29일 출근시간대 증회운행 … 운영할 계획" in the article of 08-27
  const TimelineEntry* extra = find_event(entries, "증회운행");
  REQUIRE(extra != nullptr);
  CHECK(extra->date == "2012-08-29");
  // the county meeting of the 26th ("26일 … 대책회의가 개최되어") stays on the 26th
  const TimelineEntry* meeting = find_event(entries, "대책회의");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->date == "2012-08-26");
}
