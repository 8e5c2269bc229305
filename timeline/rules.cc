// TimelineRules::load: data/rules/timeline.json -> TimelineRules, validated with errors that
// name the file and the JSON path.
#include <algorithm>

#include "extract/data_file.h"
#include "extract/data_path.h"
#include "timeline/timeline.h"

namespace sillok {
namespace {

// A number in [0, 1]; DataObject has no floating-point accessor, so this reads the raw JSON.
double fraction(const nlohmann::json& doc, const std::string& path, const char* key,
                double fallback) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return fallback;
  if (!it->is_number()) throw DataError(path + ": /" + key + ": expected a number");
  const double v = it->get<double>();
  if (v < 0.0 || v > 1.0) throw DataError(path + ": /" + key + ": expected a number in [0, 1]");
  return v;
}

std::vector<EventStatus> statuses(const DataObject& obj, const char* key,
                                  std::vector<EventStatus> fallback) {
  if (!obj.has(key)) return fallback;
  std::vector<EventStatus> out;
  for (const std::string& name : obj.strings(key)) {
    const auto s = event_status_from_string(name);
    if (!s) obj.fail(key, "unknown status \"" + name + "\"");
    if (std::find(out.begin(), out.end(), *s) != out.end()) {
      obj.fail(key, "status \"" + name + "\" listed twice");
    }
    out.push_back(*s);
  }
  return out;
}

}  // namespace

TimelineRules TimelineRules::load(const std::string& path) {
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/timeline");
  TimelineRules r;
  r.label_overlap = fraction(doc, path, "label_overlap", r.label_overlap);
  if (root.has("other_dates")) {
    const DataObject od(doc.at("other_dates"), path, "/other_dates");
    r.other_dates_max_days = od.integer("max_days", r.other_dates_max_days);
    r.other_dates_min_words = od.integer("min_words", r.other_dates_min_words);
    if (r.other_dates_max_days < 0) od.fail("max_days", "must not be negative");
    if (r.other_dates_min_words < 1) od.fail("min_words", "must be at least 1");
  }
  r.merge_shared_participant = root.boolean("merge_shared_participant", r.merge_shared_participant);
  r.merge_same_article_date = root.boolean("merge_same_article_date", r.merge_same_article_date);
  r.status_precedence = statuses(root, "status_precedence", r.status_precedence);
  if (root.has("label_stop_tokens")) r.label_stop_tokens = root.strings("label_stop_tokens");
  return r;
}

TimelineRules TimelineRules::load_default() { return load(data_file("rules/timeline.json")); }

}  // namespace sillok
