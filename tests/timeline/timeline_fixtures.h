// Synthetic inputs for the timeline tests: the worked example of the design (a 12-29 preview
// article A and a 12-30 report B about the same 발표회 and the results due by 2026-01-15).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tests/test_util.h"
#include "timeline/timeline.h"

namespace sillok::test {

// What a test says about one mention; a constructor (not an aggregate) so trailing fields
// can be left out without -Wmissing-field-initializers.
struct MentionSpec {
  MentionSpec(std::string label_, std::string date_, EventStatus status_ = EventStatus::reported,
              std::string trigger_class_ = "", std::string mod_ = "", std::string time_ = "",
              std::vector<std::string> participants_ = {}, std::string place_ = "")
      : label(std::move(label_)),
        date(std::move(date_)),
        status(status_),
        trigger_class(std::move(trigger_class_)),
        mod(std::move(mod_)),
        time(std::move(time_)),
        participants(std::move(participants_)),
        place(std::move(place_)) {}

  std::string label;
  std::string date;
  EventStatus status;
  std::string trigger_class;
  std::string mod;
  std::string time;
  std::vector<std::string> participants;
  std::string place;
};

// An EventMention as extraction would give it; precision follows the date's shape.
inline SourcedEvent mention(const std::string& article_id, const std::string& article_date,
                            const MentionSpec& s) {
  SourcedEvent se;
  se.article_id = article_id;
  se.article_date = article_date;
  EventMention& e = se.event;
  e.label = s.label;
  e.trigger = s.label.substr(s.label.rfind(' ') == std::string::npos ? 0 : s.label.rfind(' ') + 1);
  e.trigger_class = s.trigger_class;
  e.date = s.date;
  e.precision = s.date.size() == 10 ? "day" : s.date.size() == 7 ? "month" : "year";
  e.mod = s.mod;
  e.time = s.time;
  e.status = s.status;
  e.participants = s.participants;
  e.place = s.place;
  e.sentence_text = s.label + " (synthetic)";
  return se;
}

inline std::vector<TimelineArticle> example_articles() {
  return {{"A", "베일 벗는 '국가대표 AI'…30일 첫 발표회", "아시아경제", "2025-12-29"},
          {"B", "국가대표 AI 5개 정예팀, 첫 성과 공개", "뉴시스", "2025-12-30"}};
}

inline std::vector<SourcedEvent> example_events() {
  using S = EventStatus;
  const std::string kLaunch = "독자 AI 파운데이션 모델 프로젝트 1차 발표회";
  return {
      mention("A", "2025-12-29",
              {kLaunch, "2025-12-30", S::planned, "gathering", "", "", {"과학기술정보통신부"}}),
      mention("A", "2025-12-29",
              {"독자 AI 파운데이션 모델 프로젝트 첫 성과 공개", "2025-12-30", S::planned,
               "announcement"}),
      mention("A", "2025-12-29",
              {"1차 평가 결과 공개", "2026-01-15", S::planned, "announcement", "on_or_before"}),
      mention("A", "2025-12-29", {"결과 공개", "2026-01", S::planned, "announcement"}),
      mention("B", "2025-12-30",
              {kLaunch,
               "2025-12-30",
               S::occurred,
               "gathering",
               "",
               "14:30",
               {"정보통신산업진흥원", "과학기술정보통신부"},
               "코엑스 오디토리움"}),
      mention("B", "2025-12-30", {"발표회", "2025-12-30", S::occurred, "gathering"}),
      mention("B", "2025-12-30", {"행사 참석", "2025-12-30", S::occurred, "gathering"}),
      mention("B", "2025-12-30", {"결과 발표", "2026-01", S::planned, "announcement"}),
  };
}

inline TimelineRules shipped_rules() {
  return TimelineRules::load(source_path("data/rules/timeline.json"));
}

}  // namespace sillok::test
