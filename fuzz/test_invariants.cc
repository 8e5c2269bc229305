// The fuzz invariants accept what sillok writes and reject what is broken; a checker that
// accepted everything would make every fuzz run pass.
#include <catch2/catch.hpp>

#include "extract/utf8.h"
#include "fuzz/invariants.h"

using sillok::fuzz::check_extraction;
using sillok::fuzz::check_time_matches;
using sillok::fuzz::timex_value_precision;
using sillok::fuzz::timex_value_problem;

TEST_CASE("fuzz: TIMEX3 values sillok writes are accepted with their precision", "[fuzz]") {
  const std::pair<const char*, const char*> good[] = {
      {"2025", "year"},          {"2026-H1", "half"},          {"2025-Q4", "quarter"},
      {"2026-01", "month"},      {"2025-W52", "week"},         {"2026-W53", "week"},
      {"2025-W52-WE", "week"},   {"2025-12-30", "day"},        {"2024-02-29", "day"},
      {"XXXX-12-25", "day"},     {"2025-12-30T14:00", "hour"}, {"2025-12-30T14:30", "minute"},
      {"2025-12-30T24:00", "hour"}, {"2025-12-30T14:30:05", "second"}, {"P4M", ""},
      {"PT1H", ""},              {"P1Y6M", ""},                {"P2W", ""},
      {"P1DT12H", ""},           {"PT0S", ""},                 {"XXXX-WXX-1", ""}};
  for (const auto& [value, precision] : good) {
    INFO(value);
    CHECK(timex_value_problem(value).empty());
    CHECK(timex_value_precision(value) == precision);
  }
}

TEST_CASE("fuzz: malformed or impossible TIMEX3 values are rejected", "[fuzz]") {
  const char* const bad[] = {"",           "P",          "PT",         "P4",         "PM4",
                             "P1M2Y",      "P1H",        "PT1D",       "2025-13",    "2025-00",
                             "2025-02-29", "2025-04-31", "2025-Q5",    "2025-H3",    "2025-W00",
                             "2025-W53",   "2025-W5",    "2025-12-30T25:00",       "-001-01",
                             "2025-12-30T24:30",         "2025-12-30T14:60",       "12345",
                             "2025-12-3",  "2025-12-30 14:00",       "XXXX",       "XXXX-WXX-8",
                             "2025-12-30T14", "2025-1230", "20251230",  "2025-12-30T14:30:60",
                             "11019-06",   "-5981-06",   "+2025-01"};
  for (const char* value : bad) {
    INFO(value);
    CHECK_FALSE(timex_value_problem(value).empty());
  }
}

TEST_CASE("fuzz: time matches must read their surface on code-point boundaries", "[fuzz]") {
  const std::string sentence = "오는 30일 공개";  // "오는 30일" is bytes [0, 12)
  sillok::TimeMatch m;
  m.begin = 0;
  m.end = 12;
  m.text = "오는 30일";
  m.value = "2025-12-30";
  m.precision = "day";
  CHECK(check_time_matches(sentence, {m}).empty());

  sillok::TimeMatch split = m;
  split.end = 11;  // inside '일'
  split.text = sentence.substr(0, 11);
  CHECK_FALSE(check_time_matches(sentence, {split}).empty());

  sillok::TimeMatch wrong_text = m;
  wrong_text.text = "30일";
  CHECK_FALSE(check_time_matches(sentence, {wrong_text}).empty());

  sillok::TimeMatch wrong_precision = m;
  wrong_precision.precision = "month";
  CHECK_FALSE(check_time_matches(sentence, {wrong_precision}).empty());

  CHECK_FALSE(check_time_matches(sentence, {m, m}).empty());  // overlapping
}

TEST_CASE("fuzz: extraction offsets are code points reading the mention", "[fuzz]") {
  sillok::Extraction x;
  x.article.id = "a";
  x.article.text = "제목\n\n네이버클라우드를 시작으로";
  x.sentences.push_back({0, sillok::utf8::length(x.article.text)});
  sillok::Entity e;
  e.name = "네이버클라우드";
  e.type = sillok::EntityType::company;
  e.mentions.push_back({4, 11, "네이버클라우드", "gazetteer:companies", "", 0, ""});
  x.entities.push_back(e);
  CHECK(check_extraction(x).empty());

  SECTION("a byte offset where a code point offset belongs") {
    x.entities[0].mentions[0].start = 6;
    CHECK_FALSE(check_extraction(x).empty());
  }
  SECTION("an empty entity name") {
    x.entities[0].name.clear();
    CHECK_FALSE(check_extraction(x).empty());
  }
  SECTION("a span past the end") {
    x.entities[0].mentions[0].end = 100;
    CHECK_FALSE(check_extraction(x).empty());
  }
  SECTION("a metadata mention indexes its field") {
    x.article.publisher = "아시아경제";
    x.entities[0].mentions[0] = {0, 5, "아시아경제", "gazetteer:media", "publisher", -1, ""};
    CHECK(check_extraction(x).empty());
    x.entities[0].mentions[0].end = 4;
    CHECK_FALSE(check_extraction(x).empty());
  }
  SECTION("invalid UTF-8 in a field") {
    x.article.title = "\xFF";
    CHECK_FALSE(check_extraction(x).empty());
  }
}
