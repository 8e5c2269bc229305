// The self-contained HTML page: the JSON document embedded in the page and drawn by inline
// JS, so the file works offline, from a mail attachment or a file:// URL. No external
// resources: no fonts, scripts or styles from the network.
#include <string>

#include "timeline/render_util.h"
#include "timeline/timeline.h"

namespace sillok {
namespace {

using timeline_detail::html_escape;
// Replaces every `from` in `s` with `to`.
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos)) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

// JSON that is safe inside <script>: "</" could close the element and "<!--" switches the
// HTML parser into a script-comment state. Both only occur inside JSON strings, where the
// escaped forms mean the same characters.
std::string script_safe_json(const nlohmann::json& doc) {
  std::string s = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  replace_all(s, "</", "<\\/");
  replace_all(s, "<!--", "<\\u0021--");
  return s;
}

constexpr const char* kStyle = R"CSS(
body { font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: 1rem;
            padding: .5rem; background: #f4f4f4; border-radius: 4px; }
.controls label { white-space: nowrap; }
ol#entries { list-style: none; padding: 0; border-left: 3px solid #ccc; }
li.entry { margin: 0 0 .8rem 0; padding: .3rem .8rem; position: relative; }
li.entry::before { content: ""; position: absolute; left: -8px; top: .7rem; width: 11px;
                   height: 11px; border-radius: 50%; background: #888; }
li.entry[data-status="occurred"]::before { background: #2a7; }
li.entry[data-status="planned"]::before { background: #37c; }
li.entry[data-status="postponed"]::before { background: #e90; }
li.entry[data-status="cancelled"]::before { background: #c33; }
li.entry[data-status="article"]::before { background: #fff; border: 2px solid #888; }
.date { font-weight: bold; margin-right: .5rem; }
.status { font-size: .8rem; padding: 0 .4rem; border-radius: 3px; background: #eee; }
.label { margin-left: .4rem; }
.meta { color: #555; font-size: .85rem; }
#count { color: #555; }
)CSS";

// Builds the list from the embedded JSON and re-filters it when a control changes.
constexpr const char* kScript = R"JS(
(function () {
  var data = JSON.parse(document.getElementById('timeline-data').textContent);
  var list = document.getElementById('entries');
  var select = document.getElementById('entity');
  var boxes = document.querySelectorAll('input[name="status"]');
  var count = document.getElementById('count');
  function statusOf(e) { return e.kind === 'article' ? 'article' : (e.status || 'reported'); }
  function entitiesOf(e) {
    var names = (e.participants || []).slice();
    if (e.place) names.push(e.place);
    return names;
  }
  var seen = {};
  data.entries.forEach(function (e) {
    entitiesOf(e).forEach(function (n) { seen[n] = true; });
  });
  Object.keys(seen).sort().forEach(function (n) {
    var o = document.createElement('option');
    o.value = n;
    o.textContent = n;
    select.appendChild(o);
  });
  function span(cls, text) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }
  function when(e) {
    var d = e.date + (e.time ? ' ' + e.time : '');
    return e.mod ? d + ' (' + e.mod + ')' : d;
  }
  function meta(e) {
    var parts = [];
    if (e.place) parts.push('@ ' + e.place);
    if (e.publisher) parts.push(e.publisher);
    if (e.participants) parts.push(e.participants.join(', '));
    parts.push(e.sources.length + (e.sources.length === 1 ? ' source: ' : ' sources: ') +
               e.sources.join(', '));
    if (e.other_dates) parts.push('also reported for ' + e.other_dates.join(', '));
    return parts.join(' — ');
  }
  function render() {
    var wanted = {};
    for (var i = 0; i < boxes.length; i++) wanted[boxes[i].value] = boxes[i].checked;
    var entity = select.value;
    list.textContent = '';
    var shown = 0;
    data.entries.forEach(function (e) {
      var status = statusOf(e);
      var names = entitiesOf(e);
      if (!wanted[status]) return;
      if (entity && names.indexOf(entity) < 0) return;
      var li = document.createElement('li');
      li.className = 'entry';
      li.setAttribute('data-status', status);
      li.setAttribute('data-entities', names.join('|'));
      li.appendChild(span('date', when(e)));
      li.appendChild(span('status', status));
      li.appendChild(span('label', e.label));
      var m = document.createElement('div');
      m.className = 'meta';
      m.textContent = meta(e);
      li.appendChild(m);
      list.appendChild(li);
      shown++;
    });
    count.textContent = shown + ' / ' + data.entries.length;
  }
  // The filter lives in the URL hash (#entity=NAME&status=occurred,planned), so a filtered
  // view can be bookmarked or passed on.
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i > 0) params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    if (params.entity && seen[params.entity]) select.value = params.entity;
    if (params.status !== undefined) {
      var on = params.status.split(',');
      for (var k = 0; k < boxes.length; k++) boxes[k].checked = on.indexOf(boxes[k].value) >= 0;
    }
  }
  function writeHash() {
    var on = [];
    for (var k = 0; k < boxes.length; k++) if (boxes[k].checked) on.push(boxes[k].value);
    var hash = '#status=' + on.join(',');
    if (select.value) hash = '#entity=' + encodeURIComponent(select.value) + '&' + hash.slice(1);
    history.replaceState(null, '', hash);
  }
  function changed() { writeHash(); render(); }
  select.addEventListener('change', changed);
  for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener('change', changed);
  readHash();
  render();
})();
)JS";

void write_controls(std::ostream& out) {
  out << "<div class=\"controls\">\n<label>Entity <select id=\"entity\">"
         "<option value=\"\">(all)</option></select></label>\n";
  for (const char* s : {"occurred", "planned", "reported", "postponed", "cancelled", "article"}) {
    out << "<label><input type=\"checkbox\" name=\"status\" value=\"" << s << "\" checked> " << s
        << "</label>\n";
  }
  out << "<span id=\"count\"></span>\n</div>\n";
}

}  // namespace

void render_html(std::ostream& out, const std::vector<TimelineEntry>& entries,
                 const TimelineOptions& options) {
  const std::string title =
      html_escape(options.topic.empty() ? std::string("Timeline") : options.topic);
  out << "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << title << "</title>\n<style>" << kStyle << "</style>\n"
      << "<script type=\"application/json\" id=\"timeline-data\">"
      << script_safe_json(render_json(entries, options)) << "</script>\n</head>\n<body>\n"
      << "<h1>" << title << "</h1>\n";
  write_controls(out);
  out << "<ol id=\"entries\"></ol>\n<noscript>This page needs JavaScript to draw the "
         "timeline; the data is in the timeline-data script element.</noscript>\n"
      << "<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace sillok
