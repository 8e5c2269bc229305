// JSON renderers: the `sillok timeline --format json` contract and TimelineJS3.
#include <string>

#include "timeline/period.h"
#include "timeline/render_util.h"
#include "timeline/timeline.h"

namespace sillok {
namespace {

using nlohmann::json;
using timeline_detail::html_escape;
using timeline_detail::PrecisionRank;

json entry_json(const TimelineEntry& e) {
  json j;
  j["date"] = e.date;
  if (!e.time.empty()) j["time"] = e.time;
  j["precision"] = e.precision;
  if (!e.mod.empty()) j["mod"] = e.mod;
  j["kind"] = e.kind;
  j["label"] = e.label;
  if (e.status) j["status"] = std::string(to_string(*e.status));
  if (!e.place.empty()) j["place"] = e.place;
  if (!e.publisher.empty()) j["publisher"] = e.publisher;
  if (!e.participants.empty()) j["participants"] = e.participants;
  j["sources"] = e.sources;
  if (!e.source_details.empty()) {
    json details = json::array();
    for (const TimelineSource& s : e.source_details) {
      json d{{"article_id", s.article_id}, {"article_date", s.article_date}, {"date", s.date}};
      if (!s.time.empty()) d["time"] = s.time;
      d["status"] = std::string(to_string(s.status));
      details.push_back(std::move(d));
    }
    j["source_details"] = std::move(details);
  }
  if (!e.other_dates.empty()) j["other_dates"] = e.other_dates;
  return j;
}

// ---- TimelineJS -------------------------------------------------------------------------

// "14:30" -> "오후 2:30"; "00:05" -> "오전 12:05".
std::string korean_clock(const std::string& time) {
  const int hour = std::stoi(time.substr(0, 2));
  const int h12 = hour % 12 == 0 ? 12 : hour % 12;
  return std::string(hour < 12 ? "오전 " : "오후 ") + std::to_string(h12) + ":" + time.substr(3, 2);
}

// A TimelineJS date object {"year", "month"?, "day"?} for one day, cut to `rank`: a year gives
// the year only; halves, quarters, seasons and months add the month (spans also get an end
// date, so a quarter is drawn as its three months); weeks and days add the day.
json date_parts(long days, PrecisionRank rank) {
  const CivilDate d = CivilDate::from_days(days);
  json j{{"year", std::to_string(d.year)}};
  if (rank != PrecisionRank::year) j["month"] = std::to_string(d.month);
  if (rank >= PrecisionRank::week) j["day"] = std::to_string(d.day);
  return j;
}

// Korean wording of a period: "2025년 12월 30일", "2026년 1월", "2025년 4분기", "2026년 상반기".
std::string korean_period(const timeline_detail::Period& p) {
  const CivilDate d = CivilDate::from_days(p.first);
  const std::string year = std::to_string(d.year) + "년";
  const std::string month = std::to_string(d.month) + "월";
  if (p.precision == "day") return year + " " + month + " " + std::to_string(d.day) + "일";
  if (p.precision == "month") return year + " " + month;
  if (p.precision == "quarter") return year + " " + std::to_string((d.month + 2) / 3) + "분기";
  if (p.precision == "half") return year + (d.month <= 6 ? " 상반기" : " 하반기");
  if (p.precision == "week") return p.value.substr(0, 4) + "년 " + p.value.substr(6) + "주차";
  if (p.precision == "season") {
    const char* names[] = {"겨울", "봄", "여름", "가을"};
    return year + " " + names[(d.month % 12) / 3];
  }
  return year;
}

std::string korean_mod(const std::string& mod) {
  if (mod == "on_or_before") return "까지";
  if (mod == "on_or_after") return " 이후";
  if (mod == "approx") return "경";
  if (mod == "start") return " 초";
  if (mod == "mid") return " 중순";
  if (mod == "end") return " 말";
  return "";
}

std::string display_date(const TimelineEntry& e, const timeline_detail::Period& p) {
  std::string out = korean_period(p);
  if (!e.time.empty()) out += " " + korean_clock(e.time);
  return out + korean_mod(e.mod);
}

// The body text: participants, place, sources (HTML, escaped).
std::string event_text(const TimelineEntry& e) {
  const auto para = [](const char* name, const std::vector<std::string>& items) {
    std::string joined;
    for (const std::string& s : items) joined += (joined.empty() ? "" : ", ") + html_escape(s);
    return items.empty() ? std::string() : "<p>" + std::string(name) + ": " + joined + "</p>";
  };
  std::string out;
  if (!e.publisher.empty()) out += para("언론사", {e.publisher});
  if (!e.place.empty()) out += para("장소", {e.place});
  out += para("참여", e.participants);
  out += para("출처", e.sources);
  if (!e.other_dates.empty()) out += para("다른 보도 날짜", e.other_dates);
  return out;
}

json timelinejs_event(const TimelineEntry& e) {
  const auto p = timeline_detail::parse_period(e.date);
  json ev;
  if (!p) return ev;
  json start = date_parts(p->first, p->rank);
  if (p->rank == PrecisionRank::day && !e.time.empty()) {
    start["hour"] = std::to_string(std::stoi(e.time.substr(0, 2)));
    start["minute"] = std::to_string(std::stoi(e.time.substr(3, 2)));
  }
  start["display_date"] = display_date(e, *p);
  ev["start_date"] = std::move(start);
  // Quarters, halves, seasons and weeks are spans: TimelineJS draws them with an end date.
  const bool span = p->precision == "quarter" || p->precision == "half" ||
                    p->precision == "season" || p->precision == "week";
  if (span) ev["end_date"] = date_parts(p->last, p->rank);
  ev["text"] = {{"headline", e.label}, {"text", event_text(e)}};
  ev["group"] = e.status ? std::string(to_string(*e.status)) : std::string("article");
  return ev;
}

}  // namespace

json render_json(const std::vector<TimelineEntry>& entries, const TimelineOptions& options) {
  json entries_json = json::array();
  for (const TimelineEntry& e : entries) entries_json.push_back(entry_json(e));
  return json{{"topic", options.topic}, {"entries", std::move(entries_json)}};
}

json render_timelinejs(const std::vector<TimelineEntry>& entries, const TimelineOptions& options) {
  json events = json::array();
  for (const TimelineEntry& e : entries) {
    json ev = timelinejs_event(e);
    if (!ev.is_null()) events.push_back(std::move(ev));
  }
  const std::string headline = options.topic.empty() ? std::string("Timeline") : options.topic;
  return json{{"title", {{"text", {{"headline", headline}}}}}, {"events", std::move(events)}};
}

}  // namespace sillok
