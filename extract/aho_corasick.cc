#include "extract/aho_corasick.h"

#include <algorithm>
#include <deque>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace sillok {

std::uint32_t AhoCorasick::add(std::string_view pattern) {
  if (built_) throw std::logic_error("AhoCorasick::add after build");
  if (pattern.empty()) throw std::invalid_argument("AhoCorasick: empty pattern");
  patterns_.push_back(utf8::to_u32(pattern));
  pattern_bytes_.push_back(static_cast<std::uint32_t>(pattern.size()));
  return static_cast<std::uint32_t>(patterns_.size() - 1);
}

void AhoCorasick::build_root_table() {
  constexpr char32_t kDenseLimit = 0x10000;
  char32_t top = 0;
  for (std::uint32_t e = edge_begin_[0]; e < edge_begin_[1]; ++e) {
    if (edge_label_[e] < kDenseLimit) top = std::max<char32_t>(top, edge_label_[e] + 1);
  }
  root_table_.assign(top, kNone);
  for (std::uint32_t e = edge_begin_[0]; e < edge_begin_[1]; ++e) {
    if (edge_label_[e] < top) root_table_[edge_label_[e]] = edge_target_[e];
  }
}

void AhoCorasick::build() {
  if (built_) return;
  built_ = true;
  // Sort pattern ids by content; equal patterns collapse onto the first id added.
  std::vector<std::uint32_t> order(patterns_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return patterns_[a] < patterns_[b]; });

  // Breadth-first construction: a state is a range of sorted patterns sharing a prefix of
  // length `depth`; its children are the groups of that range by the next character.
  struct Pending {
    std::size_t lo, hi, depth;
  };
  std::deque<Pending> queue;
  queue.push_back({0, order.size(), 0});
  edge_begin_.clear();
  output_.clear();
  std::int32_t next_state = 1;
  std::vector<Pending> states;  // index = state id
  states.push_back(queue.front());
  for (std::size_t s = 0; s < states.size(); ++s) {
    const Pending cur = states[s];
    edge_begin_.push_back(static_cast<std::uint32_t>(edge_label_.size()));
    std::int32_t out = kNone;
    std::size_t i = cur.lo;
    while (i < cur.hi && patterns_[order[i]].size() == cur.depth) {
      if (out == kNone) out = static_cast<std::int32_t>(order[i]);
      ++i;
    }
    output_.push_back(out);
    while (i < cur.hi) {
      const char32_t c = patterns_[order[i]][cur.depth];
      std::size_t j = i;
      while (j < cur.hi && patterns_[order[j]][cur.depth] == c) ++j;
      edge_label_.push_back(c);
      edge_target_.push_back(next_state++);
      states.push_back({i, j, cur.depth + 1});
      i = j;
    }
  }
  edge_begin_.push_back(static_cast<std::uint32_t>(edge_label_.size()));

  // Failure and dictionary links, breadth-first (states are already in BFS order).
  const std::size_t n = states.size();
  fail_.assign(n, 0);
  dict_link_.assign(n, kNone);
  for (std::size_t s = 0; s < n; ++s) {
    for (std::uint32_t e = edge_begin_[s]; e < edge_begin_[s + 1]; ++e) {
      const auto t = static_cast<std::size_t>(edge_target_[e]);
      const char32_t c = edge_label_[e];
      std::int32_t f = kNone;
      if (s != 0) {
        auto st = static_cast<std::int32_t>(s);
        while (st != 0) {
          st = fail_[static_cast<std::size_t>(st)];
          f = child(st, c);
          if (f != kNone) break;
        }
      }
      fail_[t] = f == kNone ? 0 : f;
      const auto fs = static_cast<std::size_t>(fail_[t]);
      dict_link_[t] = output_[fs] != kNone ? fail_[t] : dict_link_[fs];
    }
  }
  build_root_table();
  // Pattern text is no longer needed for matching; keep it for pattern() (cheap enough).
}

}  // namespace sillok
