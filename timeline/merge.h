// Internal to timeline/ (and its tests): the merge step of build_timeline on its own, with a
// choice of how candidate pairs are found, so the fast search can be checked against the
// reference one.
#pragma once

#include <vector>

#include "timeline/timeline.h"

namespace sillok::timeline_detail {

enum class PairSearch {
  // Only pairs that share a blocking key (a label feature, trigger class + participant,
  // trigger class + article) or, for other-day merges, the same words: near-linear in the
  // number of mentions unless one key holds most of them on the same days.
  blocked,
  // Every pair of mentions within other_dates_max_days of each other: the reference,
  // quadratic where mentions are dense.
  all_near_pairs,
};

// Event entries (unsorted, unfiltered) for the placeable mentions of `events`; both
// searches give the same entries. Used by build_timeline with PairSearch::blocked.
std::vector<TimelineEntry> merge_events(const std::vector<SourcedEvent>& events,
                                        const TimelineRules& rules, PairSearch search);

}  // namespace sillok::timeline_detail
