// Plain-text and Markdown renderers.
#include <string>

#include "timeline/render_util.h"
#include "timeline/timeline.h"

namespace sillok {
namespace {

using timeline_detail::join;

// "2025-12-30 14:30", "2026-01-15 (on_or_before)".
std::string when(const TimelineEntry& e) {
  std::string out = e.date;
  if (!e.time.empty()) out += " " + e.time;
  if (!e.mod.empty()) out += " (" + e.mod + ")";
  return out;
}

std::string status_name(const TimelineEntry& e) {
  return e.status ? std::string(to_string(*e.status)) : e.kind;
}

// "label @ place — a, b": what happened, where, with whom.
std::string what(const TimelineEntry& e) {
  std::string out = e.label;
  if (!e.place.empty()) out += " @ " + e.place;
  if (!e.participants.empty()) out += " — " + join(e.participants, ", ");
  return out;
}

// Markdown table cells: a pipe would end the cell and a newline the row.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void render_text(std::ostream& out, const std::vector<TimelineEntry>& entries,
                 const TimelineOptions& /*options*/) {
  for (const TimelineEntry& e : entries) {
    out << when(e) << "  [" << status_name(e) << "] ";
    if (e.kind == "article") {
      out << e.label;
      if (!e.publisher.empty()) out << " (" << e.publisher << ")";
    } else {
      const std::size_t n = e.sources.size();
      out << what(e) << " (" << n << (n == 1 ? " source: " : " sources: ") << join(e.sources, ", ")
          << ")";
      if (!e.other_dates.empty()) out << " [also reported for " << join(e.other_dates, ", ") << "]";
    }
    out << '\n';
  }
}

void render_markdown(std::ostream& out, const std::vector<TimelineEntry>& entries,
                     const TimelineOptions& options) {
  out << "# " << (options.topic.empty() ? std::string("Timeline") : cell(options.topic)) << "\n\n";
  if (entries.empty()) {
    out << "_No entries._\n";
    return;
  }
  out << "| Date | Status | Event | Participants | Sources |\n";
  out << "|---|---|---|---|---|\n";
  for (const TimelineEntry& e : entries) {
    std::string date = when(e);
    if (!e.other_dates.empty()) date += " (also " + join(e.other_dates, ", ") + ")";
    std::string label = e.label;
    if (!e.place.empty()) label += " @ " + e.place;
    if (!e.publisher.empty()) label += " (" + e.publisher + ")";
    out << "| " << cell(date) << " | " << cell(status_name(e)) << " | " << cell(label) << " | "
        << cell(join(e.participants, ", ")) << " | " << cell(join(e.sources, ", ")) << " |\n";
  }
}

}  // namespace sillok
