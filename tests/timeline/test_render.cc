// The timeline renderers: text, JSON, Markdown, TimelineJS and the self-contained HTML page.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "timeline_fixtures.h"

namespace sillok {
namespace {

using nlohmann::json;
using test::example_articles;
using test::example_events;
using test::mention;
using test::shipped_rules;

const std::string kLaunch = "독자 AI 파운데이션 모델 프로젝트 1차 발표회";
const std::string kPreview = "베일 벗는 '국가대표 AI'…30일 첫 발표회";

std::vector<TimelineEntry> example_entries() {
  return build_timeline(example_articles(), example_events(), {}, shipped_rules());
}

TimelineOptions topic_options() {
  TimelineOptions o;
  o.topic = "국가대표 AI";
  return o;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("render: text has one line per entry", "[timeline][render]") {
  std::ostringstream out;
  render_text(out, example_entries(), topic_options());
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "2025-12-29  [article] " + kPreview + " (아시아경제)");
  CHECK(lines[1] == "2025-12-30 14:30  [occurred] " + kLaunch +
                        " @ 코엑스 오디토리움 — 과학기술정보통신부, 정보통신산업진흥원 "
                        "(2 sources: A, B)");
  CHECK(lines[2] == "2026-01-15 (on_or_before)  [planned] 1차 평가 결과 공개 (2 sources: A, B)");
}

TEST_CASE("render: text shows other dates and a single source", "[timeline][render]") {
  const std::vector<SourcedEvent> events{
      mention("A", "2025-12-01", {"AI 기본법 공청회", "2025-12-10", EventStatus::planned}),
      mention("B", "2025-12-11", {"AI 기본법 공청회", "2025-12-11", EventStatus::occurred}),
      mention("C", "2025-12-11", {"반도체 포럼", "2025-12-12", EventStatus::planned}),
  };
  std::ostringstream out;
  render_text(out, build_timeline({}, events, {}, shipped_rules()), {});
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] ==
        "2025-12-11  [occurred] AI 기본법 공청회 (2 sources: A, B) "
        "[also reported for 2025-12-10]");
  CHECK(lines[1] == "2025-12-12  [planned] 반도체 포럼 (1 source: C)");
}

TEST_CASE("render: json follows the timeline contract", "[timeline][render]") {
  const json doc = render_json(example_entries(), topic_options());
  CHECK(doc.at("topic") == "국가대표 AI");
  const json& entries = doc.at("entries");
  REQUIRE(entries.size() == 3);

  const json& preview = entries[0];
  CHECK(preview.at("date") == "2025-12-29");
  CHECK(preview.at("kind") == "article");
  CHECK(preview.at("label") == kPreview);
  CHECK(preview.at("sources") == json::array({"A"}));
  CHECK_FALSE(preview.contains("status"));
  CHECK_FALSE(preview.contains("time"));
  CHECK_FALSE(preview.contains("participants"));

  const json& launch = entries[1];
  CHECK(launch.at("time") == "14:30");
  CHECK(launch.at("precision") == "day");
  CHECK(launch.at("status") == "occurred");
  CHECK(launch.at("place") == "코엑스 오디토리움");
  CHECK(launch.at("participants") == json::array({"과학기술정보통신부", "정보통신산업진흥원"}));
  CHECK(launch.at("sources") == json::array({"A", "B"}));
  CHECK_FALSE(launch.contains("mod"));
  CHECK_FALSE(launch.contains("other_dates"));
  REQUIRE(launch.at("source_details").is_array());
  CHECK(launch.at("source_details")[0].at("article_id") == "A");
  CHECK(launch.at("source_details")[0].at("status") == "planned");

  const json& results = entries[2];
  CHECK(results.at("date") == "2026-01-15");
  CHECK(results.at("mod") == "on_or_before");
  CHECK(results.at("status") == "planned");
  CHECK(results.at("label") == "1차 평가 결과 공개");
}

TEST_CASE("render: markdown is a table with escaped cells", "[timeline][render]") {
  auto entries = example_entries();
  entries[2].label = "결과 | 공개";
  std::ostringstream out;
  render_markdown(out, entries, topic_options());
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "# 국가대표 AI");
  CHECK(lines[2] == "| Date | Status | Event | Participants | Sources |");
  CHECK(lines[4] == "| 2025-12-29 | article | " + kPreview + " (아시아경제) |  | A |");
  CHECK(lines[5] == "| 2025-12-30 14:30 | occurred | " + kLaunch +
                        " @ 코엑스 오디토리움 | 과학기술정보통신부, 정보통신산업진흥원 | A, B |");
  CHECK(lines[6] == "| 2026-01-15 (on_or_before) | planned | 결과 \\| 공개 |  | A, B |");

  std::ostringstream empty;
  render_markdown(empty, {}, {});
  CHECK(empty.str() == "# Timeline\n\n_No entries._\n");
}

TEST_CASE("render: timelinejs dates carry only what the precision allows", "[timeline][render]") {
  auto entries = example_entries();
  const std::vector<SourcedEvent> more{
      mention("M", "2025-11-01", {"연말 결산", "2025-12", EventStatus::planned}),
      mention("M", "2025-11-01", {"사업 평가", "2025-Q4", EventStatus::planned}),
  };
  for (auto& e : build_timeline({}, more, {}, shipped_rules())) entries.push_back(e);
  const json doc = render_timelinejs(entries, topic_options());
  CHECK(doc.at("title").at("text").at("headline") == "국가대표 AI");
  const json& events = doc.at("events");
  REQUIRE(events.size() == 5);

  const json& preview = events[0];
  CHECK(preview.at("group") == "article");
  CHECK(preview.at("text").at("headline") == kPreview);
  CHECK(preview.at("start_date").at("display_date") == "2025년 12월 29일");

  const json& launch = events[1].at("start_date");
  CHECK(launch.at("year") == "2025");
  CHECK(launch.at("month") == "12");
  CHECK(launch.at("day") == "30");
  CHECK(launch.at("hour") == "14");
  CHECK(launch.at("minute") == "30");
  CHECK(launch.at("display_date") == "2025년 12월 30일 오후 2:30");
  CHECK(events[1].at("group") == "occurred");
  const std::string body = events[1].at("text").at("text");
  CHECK(body.find("과학기술정보통신부") != std::string::npos);
  CHECK(body.find("출처: A, B") != std::string::npos);

  CHECK(events[2].at("start_date").at("display_date") == "2026년 1월 15일까지");
  CHECK_FALSE(events[2].at("start_date").contains("hour"));

  // The added entries come sorted: the quarter starts on 10-01, before the month.
  const json& month = events[4].at("start_date");
  CHECK(month.at("month") == "12");
  CHECK_FALSE(month.contains("day"));
  CHECK(month.at("display_date") == "2025년 12월");

  const json& quarter = events[3];
  CHECK(quarter.at("start_date").at("month") == "10");
  CHECK_FALSE(quarter.at("start_date").contains("day"));
  CHECK(quarter.at("end_date").at("month") == "12");
  CHECK(quarter.at("start_date").at("display_date") == "2025년 4분기");
}

TEST_CASE("render: korean clock handles midnight and noon", "[timeline][render]") {
  const std::vector<SourcedEvent> events{
      mention("A", "2025-12-01",
              {"자정 발표", "2025-12-10", EventStatus::planned, "", "", "00:05"}),
      mention("A", "2025-12-01",
              {"정오 회의", "2025-12-11", EventStatus::planned, "", "", "12:00"}),
  };
  const json doc = render_timelinejs(build_timeline({}, events, {}, shipped_rules()), {});
  CHECK(doc.at("title").at("text").at("headline") == "Timeline");
  CHECK(doc.at("events")[0].at("start_date").at("display_date") == "2025년 12월 10일 오전 12:05");
  CHECK(doc.at("events")[1].at("start_date").at("display_date") == "2025년 12월 11일 오후 12:00");
}

std::string html_of(const std::vector<TimelineEntry>& entries) {
  std::ostringstream out;
  render_html(out, entries, topic_options());
  return out.str();
}

TEST_CASE("render: html is self-contained and embeds the json", "[timeline][render]") {
  const std::string html = html_of(example_entries());
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<script type=\"application/json\" id=\"timeline-data\">") != std::string::npos);
  const std::string embedded = render_json(example_entries(), topic_options()).dump();
  CHECK(html.find(embedded) != std::string::npos);
  CHECK(html.find("<select id=\"entity\">") != std::string::npos);
  CHECK(html.find("value=\"cancelled\" checked") != std::string::npos);
  CHECK(html.find("<title>국가대표 AI</title>") != std::string::npos);
}

TEST_CASE("render: html escapes </script> inside the data", "[timeline][render]") {
  auto entries = example_entries();
  entries[1].label = "</script><script>alert(1)</script><!--";
  const std::string html = html_of(entries);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("<\\/script><script>alert(1)<\\/script><\\u0021--") != std::string::npos);
  // The escaped data still parses back to the original label.
  const std::string open = "id=\"timeline-data\">";
  const std::size_t start = html.find(open) + open.size();
  const std::size_t end = html.find("</script>", start);
  const json doc = json::parse(html.substr(start, end - start));
  CHECK(doc.at("entries")[1].at("label") == entries[1].label);
}

// Runs `command` and returns its standard output.
std::string run_capture(const std::string& command, const std::string& out_path) {
  const int rc = std::system((command + " > '" + out_path + "' 2>/dev/null").c_str());
  if (rc != 0) return {};
  return test::read_file(out_path);
}

// The labels of the rendered <li class="entry"> elements, in document order.
std::vector<std::string> rendered_labels(const std::string& dom,
                                         const std::vector<std::string>& candidates) {
  std::vector<std::string> found;
  const std::string marker = "<li class=\"entry\"";
  for (std::size_t pos = dom.find(marker); pos != std::string::npos;
       pos = dom.find(marker, pos + 1)) {
    const std::string item = dom.substr(pos, dom.find("</li>", pos) - pos);
    for (const std::string& c : candidates) {
      if (item.find(">" + c + "<") != std::string::npos) found.push_back(c);
    }
  }
  return found;
}

TEST_CASE("render: html draws the entries in a headless browser", "[timeline][render][browser]") {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    WARN("chromium not installed; skipping the browser check");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "sillok_timeline_html_test";
  fs::create_directories(dir);
  const std::string page = (dir / "timeline.html").string();
  std::ofstream(page) << html_of(example_entries());
  // Chromium keeps its profile in HOME; a private one keeps parallel runs apart.
  const std::string dom = run_capture("HOME='" + dir.string() +
                                          "' timeout 90 chromium --headless --no-sandbox "
                                          "--disable-gpu --dump-dom 'file://" +
                                          page + "'",
                                      (dir / "dom.html").string());
  REQUIRE_FALSE(dom.empty());
  std::string preview_html = kPreview;  // the DOM dump escapes nothing in these labels
  CHECK(rendered_labels(dom, {preview_html, kLaunch, "1차 평가 결과 공개"}) ==
        std::vector<std::string>{preview_html, kLaunch, "1차 평가 결과 공개"});
  CHECK(dom.find("data-status=\"occurred\"") != std::string::npos);
  CHECK(dom.find("data-entities=\"과학기술정보통신부|정보통신산업진흥원|코엑스 오디토리움\"") !=
        std::string::npos);

  // The URL hash selects the filter: one entity, or some statuses.
  const auto dump = [&](const std::string& hash) {
    return run_capture("HOME='" + dir.string() +
                           "' timeout 90 chromium --headless --no-sandbox --disable-gpu "
                           "--dump-dom 'file://" +
                           page + "#" + hash + "'",
                       (dir / "dom.html").string());
  };
  const std::vector<std::string> all{preview_html, kLaunch, "1차 평가 결과 공개"};
  CHECK(rendered_labels(dump("entity=%EC%A0%95%EB%B3%B4%ED%86%B5%EC%8B%A0%EC%82%B0%EC%97%85%EC%"
                             "A7%84%ED%9D%A5%EC%9B%90"),
                        all) == std::vector<std::string>{kLaunch});  // 정보통신산업진흥원
  CHECK(rendered_labels(dump("status=planned,article"), all) ==
        std::vector<std::string>{preview_html, "1차 평가 결과 공개"});
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sillok
