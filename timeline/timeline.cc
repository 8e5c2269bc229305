// build_timeline: event mentions -> merged events + article entries, sorted and filtered.
//
// Merging is a clustering: pairs of mentions that are "the same happening" are linked and
// the clusters become events (see cluster_ids for how vague dates are kept from chaining).
// Mentions are first put in a canonical order and every choice uses a total order, so
// shuffling the inputs cannot change the result.
#include "timeline/timeline.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/utf8.h"
#include "timeline/labels.h"
#include "timeline/merge.h"
#include "timeline/period.h"

namespace sillok {
namespace {

using timeline_detail::LabelTokens;
using timeline_detail::PairSearch;
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
// mentions far apart in time are never compared. Quadratic in dense stretches; kept for the
// rules the blocked search below cannot serve (label_overlap 0 makes every pair similar) and
// as the reference it is tested against.
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

// The blocking keys of a mention: same_happening can only hold for two mentions on
// compatible dates when they share one of them. A similar label (overlap > 0 or a word
// subset) shares a feature; the trigger-class rules need the same class and a shared
// participant, or the same class and the same article.
std::vector<std::string> blocking_keys(const Item& it, const TimelineRules& rules) {
  std::vector<std::string> keys;
  for (const std::string& f : it.tokens.features) keys.push_back("f\x1f" + f);
  const EventMention& e = it.event();
  if (!e.trigger_class.empty()) {
    if (rules.merge_shared_participant) {
      for (const std::string& p : e.participants) {
        keys.push_back("p\x1f" + e.trigger_class + "\x1f" + p);
      }
    }
    if (rules.merge_same_article_date) {
      keys.push_back("a\x1f" + e.trigger_class + "\x1f" + it.article_id());
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// Mentions of one subset sharing one blocking key, sorted by the start of their range, with
// the longest range among them (so a scan can start early enough to meet every overlapping
// range).
struct Block {
  std::vector<std::size_t> members;
  long longest = 0;
};

// Blocks over `subset`; `index` maps each key to its block.
std::vector<Block> make_blocks(const std::vector<Item>& items, const TimelineRules& rules,
                               const std::vector<std::size_t>& subset,
                               std::unordered_map<std::string, std::size_t>& index) {
  std::vector<Block> blocks;
  for (const std::size_t i : subset) {
    for (const std::string& k : blocking_keys(items[i], rules)) {
      const auto [it, added] = index.emplace(k, blocks.size());
      if (added) blocks.emplace_back();
      Block& b = blocks[it->second];
      b.members.push_back(i);
      b.longest = std::max(b.longest, items[i].range.last - items[i].range.first);
    }
  }
  for (Block& b : blocks) {
    std::stable_sort(b.members.begin(), b.members.end(), [&](std::size_t x, std::size_t y) {
      return items[x].range.first < items[y].range.first;
    });
  }
  return blocks;
}

// Calls visit(a, b) for each a in `from` and b in `to` whose ranges overlap (as they do
// whenever the dates are compatible: one range holds the other's period) and that share a
// blocking key, each pair once. When `from` and `to` are the same set, only b > a.
template <typename Visit>
void for_each_blocked_pair(const std::vector<Item>& items, const TimelineRules& rules,
                           const std::vector<std::size_t>& from,
                           const std::vector<std::size_t>& to, bool same_set, Visit visit) {
  std::unordered_map<std::string, std::size_t> index;
  const std::vector<Block> blocks = make_blocks(items, rules, to, index);
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> seen_from(items.size(), kNone);  // the last `a` that reached it
  const auto starts_before = [&](std::size_t m, long day) { return items[m].range.first < day; };
  const auto starts_after = [&](long day, std::size_t m) { return day < items[m].range.first; };
  for (const std::size_t a : from) {
    const Period& ra = items[a].range;
    for (const std::string& key : blocking_keys(items[a], rules)) {
      const auto found = index.find(key);
      if (found == index.end()) continue;
      const Block& block = blocks[found->second];
      auto it = std::lower_bound(block.members.begin(), block.members.end(),
                                 ra.first - block.longest, starts_before);
      const auto end = std::upper_bound(it, block.members.end(), ra.last, starts_after);
      for (; it != end; ++it) {
        const std::size_t b = *it;
        if ((same_set && b <= a) || seen_from[b] == a || items[b].range.last < ra.first) continue;
        seen_from[b] = a;
        visit(a, b);
      }
    }
  }
}

// Pairs of day mentions with the same words (at least other_dates_min_words of them) whose
// days lie within other_dates_max_days: the only pairs same_label_other_day can accept.
template <typename Visit>
void for_each_same_words_near_pair(const std::vector<Item>& items, const TimelineRules& rules,
                                   const std::vector<std::size_t>& days, Visit visit) {
  if (rules.other_dates_max_days < 0) return;
  std::map<std::vector<std::string>, std::vector<std::size_t>> groups;
  const auto min_words = static_cast<std::size_t>(std::max(rules.other_dates_min_words, 0));
  for (const std::size_t i : days) {
    if (items[i].tokens.words.size() >= min_words) groups[items[i].tokens.words].push_back(i);
  }
  const long max_gap = rules.other_dates_max_days;
  for (auto& [words, members] : groups) {
    std::stable_sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      return items[x].period.first < items[y].period.first;
    });
    for (std::size_t i = 0; i < members.size(); ++i) {
      const long day = items[members[i]].period.first;
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        if (items[members[j]].period.first - day > max_gap) break;
        visit(std::min(members[i], members[j]), std::max(members[i], members[j]));
      }
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
// This is the reference: every pair within other_dates_max_days is compared, which is
// quadratic where mentions are dense. cluster_ids_blocked gives the same ids faster.
std::vector<std::size_t> cluster_ids_reference(const std::vector<Item>& items,
                                               const TimelineRules& rules) {
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

// The same three levels as cluster_ids_reference, in three passes that compare only pairs
// that can change the result:
//   1. day pairs sharing a blocking key on overlapping ranges, and same-words day pairs on
//      nearby days; a pair already in one cluster is not compared again;
//   2. coarse mention x day mention sharing a key; once a coarse mention has a full-score
//      link (fit 1) to cluster r, days in clusters >= r cannot beat it and are skipped;
//   3. coarse mentions without a day cluster, among themselves, sharing a key.
// Every pair the reference links is compared here: a link on compatible dates needs a
// shared key (see blocking_keys), one on other days needs the same words. Linking is
// order-independent (union-find with smallest roots, best link by a total order), so the
// ids are the same. Needs label_overlap > 0 (at 0 any two labels are similar).
std::vector<std::size_t> cluster_ids_blocked(const std::vector<Item>& items,
                                             const TimelineRules& rules) {
  std::vector<std::size_t> days;
  std::vector<std::size_t> coarse;
  for (std::size_t i = 0; i < items.size(); ++i) (is_day(items[i]) ? days : coarse).push_back(i);
  DisjointSets sets(items.size());
  const auto link_days = [&](std::size_t a, std::size_t b) {
    if (sets.find(a) == sets.find(b)) return;  // nothing to learn
    if (same_happening(items[a], items[b], rules)) sets.unite(a, b);
  };
  for_each_blocked_pair(items, rules, days, days, true, link_days);
  for_each_same_words_near_pair(items, rules, days, link_days);
  // Day clusters are final now, so the roots seen in pass 2 are the ones the ids use.
  std::vector<std::optional<std::pair<double, std::size_t>>> best(items.size());
  for_each_blocked_pair(items, rules, coarse, days, false, [&](std::size_t c, std::size_t d) {
    auto& b = best[c];
    const std::size_t root = sets.find(d);
    if (b && b->first >= 1.0 && b->second <= root) return;  // fit never exceeds 1
    if (!same_happening(items[c], items[d], rules)) return;
    const double score = fit(items[c], items[d]);
    if (!b || score > b->first || (score == b->first && root < b->second)) {
      b = std::make_pair(score, root);
    }
  });
  std::vector<std::size_t> unplaced;
  for (const std::size_t c : coarse) {
    if (!best[c]) unplaced.push_back(c);
  }
  for_each_blocked_pair(items, rules, unplaced, unplaced, true, [&](std::size_t a, std::size_t b) {
    if (sets.find(a) == sets.find(b)) return;
    if (same_happening(items[a], items[b], rules)) sets.unite(a, b);
  });
  std::vector<std::size_t> ids(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) ids[i] = best[i] ? best[i]->second : sets.find(i);
  return ids;
}

std::vector<std::size_t> cluster_ids(const std::vector<Item>& items, const TimelineRules& rules,
                                     PairSearch search) {
  if (search == PairSearch::all_near_pairs || !(rules.label_overlap > 0.0)) {
    return cluster_ids_reference(items, rules);
  }
  return cluster_ids_blocked(items, rules);
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
  // Keys by reference: copying the strings for every comparison dominated huge clusters.
  const auto key = [](const Item* m) {
    return std::tuple<const std::string&, const std::string&, const std::string&,
                      const std::string&, int>(m->article_date(), m->article_id(),
                                               m->period.value, m->time, as_int(m->event().status));
  };
  std::sort(members.begin(), members.end(),
            [&](const Item* a, const Item* b) { return key(a) < key(b); });
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

// Appends `value` unless `seen` already holds it; `seen` mirrors `to`, so huge clusters
// (thousands of reports) do not make this quadratic.
void append_unique(std::vector<std::string>& to, std::unordered_set<std::string>& seen,
                   const std::string& value) {
  if (seen.insert(value).second) to.push_back(value);
}

// Fills participants (first report first), place, time and the source lists.
void gather_details(TimelineEntry& e, const Item& rep, const std::vector<const Item*>& members) {
  e.source_details = source_details(members);
  std::unordered_set<std::string> seen;
  for (const TimelineSource& s : e.source_details) append_unique(e.sources, seen, s.article_id);
  std::vector<const Item*> oldest_first = members;
  std::stable_sort(oldest_first.begin(), oldest_first.end(), [](const Item* a, const Item* b) {
    return std::tie(a->article_date(), a->article_id()) <
           std::tie(b->article_date(), b->article_id());
  });
  seen.clear();
  for (const Item* m : oldest_first) {
    for (const std::string& p : m->event().participants) append_unique(e.participants, seen, p);
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

namespace timeline_detail {

std::vector<TimelineEntry> merge_events(const std::vector<SourcedEvent>& events,
                                        const TimelineRules& rules, PairSearch search) {
  const std::vector<Item> items = prepare(events, rules);
  const std::vector<std::size_t> ids = cluster_ids(items, rules, search);
  std::vector<std::vector<const Item*>> groups(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) groups[ids[i]].push_back(&items[i]);
  std::vector<TimelineEntry> out;
  for (const auto& g : groups) {
    if (!g.empty()) out.push_back(merge_cluster(g));
  }
  return out;
}

}  // namespace timeline_detail

std::vector<TimelineEntry> build_timeline(const std::vector<TimelineArticle>& articles,
                                          const std::vector<SourcedEvent>& events,
                                          const TimelineOptions& options,
                                          const TimelineRules& rules) {
  std::vector<TimelineEntry> entries = timeline_detail::merge_events(events, rules, timeline_detail::PairSearch::blocked);
  std::vector<TimelineEntry> article_items = article_entries(articles, entries);
  entries.insert(entries.end(), std::make_move_iterator(article_items.begin()),
                 std::make_move_iterator(article_items.end()));
  sort_entries(entries);
  filter_dates(entries, options);
  apply_limit(entries, options.limit);
  return entries;
}

}  // namespace sillok
