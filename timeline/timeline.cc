// build_timeline: event mentions -> merged events + article entries, sorted and filtered.
//
// Merging is a clustering: pairs of mentions that are "the same happening" are linked and
// the clusters become events (see cluster_ids for how vague dates are kept from chaining).
// Mentions are first put in a canonical order and every choice uses a total order, so
// shuffling the inputs cannot change the result.
#include "timeline/timeline.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "extract/utf8.h"
#include "timeline/labels.h"
#include "timeline/period.h"

namespace sillok {
namespace {

using timeline_detail::LabelTokens;
using timeline_detail::parse_period;
using timeline_detail::Period;
using timeline_detail::PrecisionRank;

// One placeable mention, prepared for comparison.
struct Item {
  const SourcedEvent* source = nullptr;
  Period period;  // the date as given
  Period range;   // the days the date may mean, after its modifier ("on_or_before")
  std::string time;
  std::string label;  // the mention's label, or its trigger word when the label is empty
  LabelTokens tokens;
  int strength = 0;  // status strength from TimelineRules::status_precedence; higher wins

  const EventMention& event() const { return source->event; }
  const std::string& article_date() const { return source->article_date; }
  const std::string& article_id() const { return source->article_id; }
};

// Union-find whose roots are the smallest index of each set, so the partition and its
// representatives do not depend on the order the links are made in.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t find(std::size_t i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];  // path halving
      i = parent_[i];
    }
    return i;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

int status_strength(EventStatus status, const TimelineRules& rules) {
  const auto& order = rules.status_precedence;
  const auto it = std::find(order.begin(), order.end(), status);
  return it == order.end() ? 0 : static_cast<int>(order.end() - it);
}

int as_int(EventStatus s) { return static_cast<int>(s); }

// A total order over mentions, used to make every later step input-order independent.
bool canonical_less(const Item& a, const Item& b) {
  const EventMention& x = a.event();
  const EventMention& y = b.event();
  const auto key = [](const Item& i, const EventMention& e) {
    return std::tie(i.period.first, i.period.last, e.date, i.time, i.label, i.source->article_date,
                    i.source->article_id, e.trigger_class, e.mod, e.place, e.participants,
                    e.trigger, e.rule, e.sentence, e.sentence_text);
  };
  if (key(a, x) != key(b, y)) return key(a, x) < key(b, y);
  return as_int(x.status) < as_int(y.status);
}

// "14:30" (or "14:30:00") -> "14:30"; anything else is not a usable time of day -> "".
std::string clock_time(const std::string& t) {
  const auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  if (!digit(0) || !digit(1) || t.size() < 5 || t[2] != ':' || !digit(3) || !digit(4)) return {};
  if (t.compare(0, 2, "24") >= 0 || t[3] > '5') return {};
  return t.substr(0, 5);
}

std::vector<Item> prepare(const std::vector<SourcedEvent>& events, const TimelineRules& rules) {
  std::vector<Item> items;
  for (const SourcedEvent& se : events) {
    auto period = parse_period(se.event.date);
    if (!period) continue;  // not placeable on a calendar ("P4M", "XXXX-12-25")
    Item it;
    it.label = se.event.label.empty() ? se.event.trigger : se.event.label;
    if (it.label.empty()) continue;  // nothing to show for it
    it.source = &se;
    it.time = se.event.time.empty() ? period->time : clock_time(se.event.time);
    it.range = timeline_detail::widen_for_mod(*period, se.event.mod);
    it.period = std::move(*period);
    it.tokens = timeline_detail::tokenize_label(it.label, rules.label_stop_tokens);
    it.strength = status_strength(se.event.status, rules);
    items.push_back(std::move(it));
  }
  std::sort(items.begin(), items.end(), canonical_less);
  return items;
}

// Equal, nested ("2026-01" holds "2026-01-15"), or inside what a modifier allows
// (on_or_before 2026-01-15 holds 2026-01-10).
bool dates_compatible(const Item& a, const Item& b) {
  return a.range.contains(b.period) || b.range.contains(a.period);
}

bool share_participant(const EventMention& x, const EventMention& y) {
  for (const std::string& p : x.participants) {
    if (std::find(y.participants.begin(), y.participants.end(), p) != y.participants.end()) {
      return true;
    }
  }
  return false;
}

// Two times of day that cannot both be right for one happening.
bool times_conflict(const Item& a, const Item& b) {
  return !a.time.empty() && !b.time.empty() && a.time != b.time;
}

bool labels_match(const Item& a, const Item& b, const TimelineRules& rules) {
  if (timeline_detail::overlap(a.tokens, b.tokens) >= rules.label_overlap) return true;
  if (timeline_detail::words_subset(a.tokens, b.tokens)) return true;
  const EventMention& x = a.event();
  const EventMention& y = b.event();
  if (x.trigger_class.empty() || x.trigger_class != y.trigger_class) return false;
  if (rules.merge_shared_participant && share_participant(x, y)) return true;
  // One article describing one happening in several clauses ("발표회" ... "행사 참석").
  return rules.merge_same_article_date && a.article_id() == b.article_id() &&
         a.period.value == b.period.value && !times_conflict(a, b);
}

// The same specific label on nearby but different days: reports disagree about the day.
bool same_label_other_day(const Item& a, const Item& b, const TimelineRules& rules) {
  if (a.period.rank != PrecisionRank::day || b.period.rank != PrecisionRank::day) return false;
  if (a.tokens.words != b.tokens.words) return false;
  if (a.tokens.words.size() < static_cast<std::size_t>(rules.other_dates_min_words)) return false;
  const long gap =
      std::max(a.period.first, b.period.first) - std::min(a.period.last, b.period.last);
  return gap <= rules.other_dates_max_days;
}

// Two reports from different articles that name only a bare trigger ("발사", "재발사") on
// dates that merely overlap through a modifier ("10일까지", "7일까지") and share no
// participant: nothing says they are the same happening (two rockets launched "by" nearby
// days).
bool vague_across_articles(const Item& a, const Item& b) {
  return a.article_id() != b.article_id() && a.tokens.words.size() <= 1 &&
         b.tokens.words.size() <= 1 && a.period.value != b.period.value &&
         !share_participant(a.event(), b.event());
}

bool same_happening(const Item& a, const Item& b, const TimelineRules& rules) {
  // "오전 세미나" at 09:00 and "오후 세미나" at 15:00 share most tokens but are two sessions;
  // differing times only merge when the labels are the same words.
  if (times_conflict(a, b) && a.tokens.words != b.tokens.words) return false;
  if (vague_across_articles(a, b)) return false;
  if (dates_compatible(a, b)) return labels_match(a, b, rules);
  return same_label_other_day(a, b, rules);
}

// Calls visit(a, b) for every pair of mentions whose ranges come within
// other_dates_max_days of each other: a sweep over the widened ranges sorted by start, so
// mentions far apart in time are never compared.
template <typename Visit>
void for_each_near_pair(const std::vector<Item>& items, const TimelineRules& rules, Visit visit) {
  std::vector<std::size_t> by_start(items.size());
  std::iota(by_start.begin(), by_start.end(), std::size_t{0});
  std::stable_sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) {
    return items[a].range.first < items[b].range.first;
  });
  const long slack = std::max(rules.other_dates_max_days, 0);
  for (std::size_t i = 0; i < by_start.size(); ++i) {
    const Item& a = items[by_start[i]];
    for (std::size_t j = i + 1; j < by_start.size(); ++j) {
      if (items[by_start[j]].range.first > a.range.last + slack) break;
      visit(std::min(by_start[i], by_start[j]), std::max(by_start[i], by_start[j]));
    }
  }
}

bool is_day(const Item& i) { return i.period.rank == PrecisionRank::day; }

// How well a coarse mention fits a day mention it may belong to: label overlap, with a
// word subset counting as a full match; links made by the trigger-class rules score 0.
double fit(const Item& a, const Item& b) {
  if (timeline_detail::words_subset(a.tokens, b.tokens)) return 1.0;
  return timeline_detail::overlap(a.tokens, b.tokens);
}

struct CoarseLink {
  std::size_t coarse;
  std::size_t day;
  double score;
};

// Groups the mentions into happenings; returns one cluster id per item (the smallest item
// index of its cluster). Two levels, so that a vague mention cannot chain distinct events:
//   1. day-precision mentions are linked pairwise (union-find);
//   2. each coarser mention ("2026-01", "2025-Q4") joins the ONE day cluster it fits best
//      (highest label overlap, then the earliest cluster), so "1월 중 발표" does not glue the
//      15th's and the 22nd's announcements together;
//   3. coarse mentions that fit no day cluster are linked among themselves.
std::vector<std::size_t> cluster_ids(const std::vector<Item>& items, const TimelineRules& rules) {
  DisjointSets sets(items.size());
  std::vector<CoarseLink> links;
  std::vector<std::pair<std::size_t, std::size_t>> coarse_pairs;
  for_each_near_pair(items, rules, [&](std::size_t a, std::size_t b) {
    if (!same_happening(items[a], items[b], rules)) return;
    if (is_day(items[a]) && is_day(items[b])) {
      sets.unite(a, b);
    } else if (is_day(items[a]) != is_day(items[b])) {
      const std::size_t day = is_day(items[a]) ? a : b;
      const std::size_t coarse = day == a ? b : a;
      links.push_back({coarse, day, fit(items[coarse], items[day])});
    } else {
      coarse_pairs.emplace_back(a, b);
    }
  });
  // Best day cluster per coarse mention; ties go to the smaller cluster id.
  std::vector<std::optional<std::pair<double, std::size_t>>> best(items.size());
  for (const CoarseLink& l : links) {
    const std::size_t root = sets.find(l.day);
    auto& b = best[l.coarse];
    if (!b || l.score > b->first || (l.score == b->first && root < b->second)) {
      b = std::make_pair(l.score, root);
    }
  }
  for (const auto& [a, b] : coarse_pairs) {
    if (!best[a] && !best[b]) sets.unite(a, b);
  }
  std::vector<std::size_t> ids(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) ids[i] = best[i] ? best[i]->second : sets.find(i);
  return ids;
}

// The mention that names the event: the most precise date; then the latest report; then the
// strongest status (occurred first); then the longest (most specific) label.
bool better_representative(const Item& a, const Item& b) {
  if (a.period.rank != b.period.rank) return a.period.rank > b.period.rank;
  if (a.article_date() != b.article_date()) return a.article_date() > b.article_date();
  if (a.strength != b.strength) return a.strength > b.strength;
  const std::size_t la = utf8::length(a.label);
  const std::size_t lb = utf8::length(b.label);
  if (la != lb) return la > lb;
  return false;  // ties keep the canonical order
}

// Later report first: article date, then status strength.
bool later_report(const Item& a, const Item& b) {
  if (a.article_date() != b.article_date()) return a.article_date() > b.article_date();
  return a.strength > b.strength;
}

// First element of `members` (canonical order) that is best under `better`.
const Item* best_of(const std::vector<const Item*>& members,
                    bool (*better)(const Item&, const Item&)) {
  const Item* best = nullptr;
  for (const Item* m : members) {
    if (best == nullptr || better(*m, *best)) best = m;
  }
  return best;
}

std::vector<TimelineSource> source_details(std::vector<const Item*> members) {
  std::sort(members.begin(), members.end(), [](const Item* a, const Item* b) {
    return std::make_tuple(a->article_date(), a->article_id(), a->period.value, a->time,
                           as_int(a->event().status)) <
           std::make_tuple(b->article_date(), b->article_id(), b->period.value, b->time,
                           as_int(b->event().status));
  });
  std::vector<TimelineSource> out;
  for (const Item* m : members) {
    TimelineSource s{m->article_id(), m->period.value, m->time, m->event().status,
                     m->article_date()};
    const bool dup = !out.empty() && out.back().article_id == s.article_id &&
                     out.back().date == s.date && out.back().time == s.time &&
                     out.back().status == s.status;
    if (!dup) out.push_back(std::move(s));
  }
  return out;
}

template <typename T>
void append_unique(std::vector<T>& to, const T& value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
}

// Fills participants (first report first), place, time and the source lists.
void gather_details(TimelineEntry& e, const Item& rep, const std::vector<const Item*>& members) {
  e.source_details = source_details(members);
  for (const TimelineSource& s : e.source_details) append_unique(e.sources, s.article_id);
  std::vector<const Item*> oldest_first = members;
  std::stable_sort(oldest_first.begin(), oldest_first.end(), [](const Item* a, const Item* b) {
    return std::tie(a->article_date(), a->article_id()) <
           std::tie(b->article_date(), b->article_id());
  });
  for (const Item* m : oldest_first) {
    for (const std::string& p : m->event().participants) append_unique(e.participants, p);
  }
  // Latest report first, for the place and the time when the representative lacks them.
  std::vector<const Item*> latest_first = members;
  std::stable_sort(latest_first.begin(), latest_first.end(),
                   [](const Item* a, const Item* b) { return later_report(*a, *b); });
  e.place = rep.event().place;
  for (const Item* m : latest_first) {
    if (e.place.empty()) e.place = m->event().place;
    if (e.time.empty() && m->period.value == rep.period.value) e.time = m->time;
  }
}

TimelineEntry merge_cluster(const std::vector<const Item*>& members) {
  const Item& rep = *best_of(members, better_representative);
  const Item& latest = *best_of(members, later_report);
  TimelineEntry e;
  e.kind = "event";
  e.date = rep.period.value;
  e.precision = rep.period.precision;
  e.mod = rep.event().mod;
  e.label = rep.label;
  e.status = latest.event().status;
  e.time = rep.time;
  gather_details(e, rep, members);
  std::set<std::string> others;
  for (const Item* m : members) {
    if (!dates_compatible(rep, *m)) others.insert(m->period.value);
  }
  e.other_dates.assign(others.begin(), others.end());
  return e;
}

std::vector<TimelineEntry> merge_events(const std::vector<SourcedEvent>& events,
                                        const TimelineRules& rules) {
  const std::vector<Item> items = prepare(events, rules);
  const std::vector<std::size_t> ids = cluster_ids(items, rules);
  std::vector<std::vector<const Item*>> groups(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) groups[ids[i]].push_back(&items[i]);
  std::vector<TimelineEntry> out;
  for (const auto& g : groups) {
    if (!g.empty()) out.push_back(merge_cluster(g));
  }
  return out;
}

// Articles not already stood for by one of their events dated on their publication day.
std::vector<TimelineEntry> article_entries(const std::vector<TimelineArticle>& articles,
                                           const std::vector<TimelineEntry>& events) {
  std::set<std::string> represented;
  std::unordered_map<std::string, std::string> date_of;
  for (const TimelineArticle& a : articles) date_of.emplace(a.id, a.date);
  for (const TimelineEntry& e : events) {
    for (const std::string& id : e.sources) {
      const auto it = date_of.find(id);
      if (it != date_of.end() && it->second == e.date) represented.insert(id);
    }
  }
  std::vector<TimelineArticle> sorted = articles;
  std::sort(sorted.begin(), sorted.end(), [](const TimelineArticle& a, const TimelineArticle& b) {
    return std::tie(a.id, a.date, a.title, a.publisher) <
           std::tie(b.id, b.date, b.title, b.publisher);
  });
  std::vector<TimelineEntry> out;
  std::set<std::string> seen;
  for (const TimelineArticle& a : sorted) {
    if (!seen.insert(a.id).second || represented.count(a.id) != 0) continue;
    const auto p = parse_period(a.date);
    if (!p || p->rank != PrecisionRank::day) continue;  // undated articles cannot be placed
    TimelineEntry e;
    e.kind = "article";
    e.date = p->value;
    e.precision = p->precision;
    e.label = a.title;
    e.publisher = a.publisher;
    e.sources = {a.id};
    out.push_back(std::move(e));
  }
  return out;
}

// Entries' dates were produced by parse_period, so they parse again.
Period period_of(const TimelineEntry& e) { return parse_period(e.date).value_or(Period{}); }

void sort_entries(std::vector<TimelineEntry>& entries) {
  std::vector<std::pair<Period, TimelineEntry>> keyed;
  keyed.reserve(entries.size());
  for (TimelineEntry& e : entries) keyed.emplace_back(period_of(e), std::move(e));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    const int ra = -static_cast<int>(a.first.rank);
    const int rb = -static_cast<int>(b.first.rank);
    return std::tie(a.first.first, ra, a.second.time, a.second.kind, a.second.label,
                    a.second.sources, a.second.date) < std::tie(b.first.first, rb, b.second.time,
                                                                b.second.kind, b.second.label,
                                                                b.second.sources, b.second.date);
  });
  entries.clear();
  for (auto& k : keyed) entries.push_back(std::move(k.second));
}

Period bound(const std::string& value, const char* which) {
  const auto p = parse_period(value);
  if (!p) {
    throw std::invalid_argument(std::string("timeline: ") + which + " \"" + value +
                                "\" is not an ISO date (2025-12-30, 2026-01, 2025)");
  }
  return *p;
}

// Keeps entries whose range meets [from, to] (a month entry meets any day of its month).
void filter_dates(std::vector<TimelineEntry>& entries, const TimelineOptions& options) {
  if (options.from.empty() && options.to.empty()) return;
  const long lo =
      options.from.empty() ? std::numeric_limits<long>::min() : bound(options.from, "from").first;
  const long hi =
      options.to.empty() ? std::numeric_limits<long>::max() : bound(options.to, "to").last;
  entries.erase(
      std::remove_if(entries.begin(), entries.end(),
                     [&](const TimelineEntry& e) { return !period_of(e).overlaps(lo, hi); }),
      entries.end());
}

// Keeps the `limit` most-reported entries (ties: events first, then earlier), in date order.
void apply_limit(std::vector<TimelineEntry>& entries, std::size_t limit) {
  if (limit == 0 || entries.size() <= limit) return;
  std::vector<std::size_t> rank(entries.size());
  std::iota(rank.begin(), rank.end(), std::size_t{0});
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    const TimelineEntry& x = entries[a];
    const TimelineEntry& y = entries[b];
    if (x.sources.size() != y.sources.size()) return x.sources.size() > y.sources.size();
    return x.kind == "event" && y.kind != "event";
  });
  rank.resize(limit);
  std::sort(rank.begin(), rank.end());
  std::vector<TimelineEntry> kept;
  for (std::size_t i : rank) kept.push_back(std::move(entries[i]));
  entries = std::move(kept);
}

}  // namespace

std::vector<TimelineEntry> build_timeline(const std::vector<TimelineArticle>& articles,
                                          const std::vector<SourcedEvent>& events,
                                          const TimelineOptions& options,
                                          const TimelineRules& rules) {
  std::vector<TimelineEntry> entries = merge_events(events, rules);
  std::vector<TimelineEntry> article_items = article_entries(articles, entries);
  entries.insert(entries.end(), std::make_move_iterator(article_items.begin()),
                 std::make_move_iterator(article_items.end()));
  sort_entries(entries);
  filter_dates(entries, options);
  apply_limit(entries, options.limit);
  return entries;
}

}  // namespace sillok
