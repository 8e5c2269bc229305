// Timelines: event mentions from many articles merged into dated entries, and the renderers
// that print them (text, Markdown, JSON, TimelineJS, a self-contained HTML page).
//
//   TimelineRules rules = TimelineRules::load_default();       // data/rules/timeline.json
//   auto entries = build_timeline(articles, events, options, rules);
//   render_text(std::cout, entries, options);
//
// The inputs are plain values handed over by store/ or the CLI; nothing here touches the
// database. Everything is deterministic: the same inputs in any order give the same output.
// All functions are pure and thread-safe (they share no state); renderers only write to the
// stream they are given. The merge and ordering rules are described in
// docs/architecture-timeline.md.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/types.h"

namespace sillok {

// An article that matched the query. Every one becomes an "article" entry unless one of its
// events, dated on its own publication day, already stands for it.
struct TimelineArticle {
  std::string id;  // "277_0005699798"
  std::string title;
  std::string publisher;  // may be empty
  std::string date;       // publication day "YYYY-MM-DD" (Korea time), or "" when unknown
};

// One event mention together with the article that reported it.
struct SourcedEvent {
  std::string article_id;
  std::string article_date;  // "YYYY-MM-DD" or ""; orders reports (later reports win)
  EventMention event;
};

// What one report said about a merged event (one per distinct mention).
struct TimelineSource {
  std::string article_id;
  std::string date;  // the mention's own date value ("2026-01" while the entry says 2026-01-15)
  std::string time;  // "14:30" or ""
  EventStatus status = EventStatus::reported;
  std::string article_date;
};

// One line of the timeline: a merged event or an article.
struct TimelineEntry {
  std::string date;       // ISO at its precision: the most precise compatible date among sources
  std::string time;       // "14:30" if any source gives it for that date
  std::string precision;  // "day", "month", "quarter", ...
  std::string mod;        // "on_or_before", "on_or_after", "approx", ... or ""
  std::string kind;       // "event" | "article"
  std::string label;      // the event's noun phrase, or the article's title
  std::optional<EventStatus> status;           // events only
  std::string place;                           // events only; may be empty
  std::string publisher;                       // articles only; may be empty
  std::vector<std::string> participants;       // union, in order of first report
  std::vector<std::string> sources;            // article ids, oldest article first
  std::vector<TimelineSource> source_details;  // events only, ordered like `sources`
  std::vector<std::string> other_dates;        // when sources disagree on the day
};

struct TimelineOptions {
  std::string from;  // inclusive lower bound, an ISO date at any precision ("2026-01"); "" = open
  std::string to;    // inclusive upper bound, likewise; "" = open
  // 0 = every entry; otherwise keep the `limit` entries with the most sources (ties: events
  // before articles, then earlier), still shown in date order.
  std::size_t limit = 0;
  std::string topic;  // shown as the title by the renderers; does not filter
};

// Tunable merge rules, read from data/rules/timeline.json (format "sillok-rules/timeline",
// version 1). The member defaults are what a file that leaves a key out gets; the shipped
// file sets every key.
struct TimelineRules {
  // Two labels are similar when |A ∩ B| / min(|A|, |B|) reaches this (token sets include
  // Hangul bigrams). "결과 발표" vs "결과 공개" = 1/2.
  double label_overlap = 0.5;
  // Same label but different days: merged (other days listed in other_dates) only when the
  // days are at most this far apart and the label has at least this many words, so a bare
  // "발표회" on two dates stays two events.
  int other_dates_max_days = 31;
  int other_dates_min_words = 2;
  // Mentions of the same trigger class sharing a participant (on compatible dates) merge.
  bool merge_shared_participant = true;
  // Mentions of the same trigger class in one article on the same exact date merge.
  bool merge_same_article_date = true;
  // Strongest first: among reports of the same article date, whose status wins.
  std::vector<EventStatus> status_precedence{EventStatus::occurred, EventStatus::cancelled,
                                             EventStatus::postponed, EventStatus::planned,
                                             EventStatus::reported};
  // Words ignored when comparing labels ("이날", "이번", "해당").
  std::vector<std::string> label_stop_tokens{"이날", "이번", "해당"};

  // Reads a rules file. Throws DataError ("<file>: <json path>: <problem>") when the file is
  // missing, malformed, of another format, or holds out-of-range values.
  static TimelineRules load(const std::string& path);
  // load(data_file("rules/timeline.json")); also throws when the data directory is not found.
  static TimelineRules load_default();
};

// Merges the event mentions into events and adds the article entries, then applies
// options.from/to and options.limit. Mentions whose date is not a placeable ISO value
// ("P4M", "XXXX-12-25", "") and articles without a date are left out. The result is sorted:
// by the start of the date's range, finer precision first, then time ("" first), then kind
// (article first), then label. Throws std::invalid_argument for an unparseable from/to.
std::vector<TimelineEntry> build_timeline(const std::vector<TimelineArticle>& articles,
                                          const std::vector<SourcedEvent>& events,
                                          const TimelineOptions& options,
                                          const TimelineRules& rules);

// One line per entry:
//   2025-12-30 14:30  [occurred] 독자 AI … 발표회 @ 코엑스 오디토리움 — 과학기술정보통신부 (2
//   sources: A, B) 2025-12-29  [article] 베일 벗는 '국가대표 AI' (아시아경제)
void render_text(std::ostream& out, const std::vector<TimelineEntry>& entries,
                 const TimelineOptions& options);

// The `sillok timeline --format json` contract: {"topic": ..., "entries": [{"date", "time"?,
// "precision", "mod"?, "kind", "label", "status"?, "place"?, "publisher"?, "participants"?,
// "sources", "source_details"?, "other_dates"?}]}. Optional keys are omitted when empty.
nlohmann::json render_json(const std::vector<TimelineEntry>& entries,
                           const TimelineOptions& options);

// A Markdown document: a "# <topic>" heading and a table (date, status, label, participants,
// sources). Pipes and newlines inside cells are escaped.
void render_markdown(std::ostream& out, const std::vector<TimelineEntry>& entries,
                     const TimelineOptions& options);

// Knight Lab TimelineJS3 JSON: {"title": {"text": {"headline": topic}}, "events": [{"start_date":
// {"year", "month"?, "day"?, "hour"?, "minute"?, "display_date"}, "text": {"headline", "text"},
// "group"}]}. Only the date parts the precision allows; display_date in Korean
// ("2025년 12월 30일 오후 2:30"); group is the status, or "article".
nlohmann::json render_timelinejs(const std::vector<TimelineEntry>& entries,
                                 const TimelineOptions& options);

// One self-contained HTML page (inline CSS and JS, no network resources): the render_json
// document embedded in <script type="application/json" id="timeline-data"> ("</" written as
// "<\/"), drawn by inline JS as <ol> of <li class="entry" data-status=... data-entities=...>,
// with an entity <select> and status checkboxes that filter the list. The filter is kept in
// the URL hash ("#entity=NAME&status=occurred,planned") so a filtered view can be bookmarked.
void render_html(std::ostream& out, const std::vector<TimelineEntry>& entries,
                 const TimelineOptions& options);

}  // namespace sillok
