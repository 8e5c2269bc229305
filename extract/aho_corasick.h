// A multi-pattern matcher over Unicode code points (Aho–Corasick), built once and scanned
// many times: one pass over the text reports every occurrence of every pattern.
//
// The trie is laid out breadth-first in flat arrays (CSR: each state's outgoing edges are a
// sorted run in one array), built from the sorted pattern list without per-node maps, so
// 10^5 patterns build in well under a second. The root, where a scan spends most of its
// steps (most text matches no pattern), has a dense table indexed by code point; deeper
// states binary-search their few edges. Thread-safe for concurrent scan() after build().
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/utf8.h"

namespace sillok {

class AhoCorasick {
 public:
  // Adds a pattern (non-empty valid UTF-8) and returns its id; ids are dense in insertion
  // order. When the same pattern is added twice only the first id is ever reported, so
  // callers deduplicate surfaces first.
  // REQUIRES: build() has not been called.
  std::uint32_t add(std::string_view pattern);

  // Builds the automaton. Call once, after the last add().
  void build();

  // Calls on_match(begin_byte, end_byte, pattern_id) for every occurrence of every pattern in
  // `text` (valid UTF-8), overlapping ones included, in order of end position; at one end
  // position the longest pattern comes first.
  template <class OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const;

  std::size_t pattern_count() const { return pattern_bytes_.size(); }
  std::size_t state_count() const { return fail_.size(); }
  // The pattern with this id, as given to add().
  std::string pattern(std::uint32_t id) const { return utf8::from_u32(patterns_[id]); }

 private:
  static constexpr std::int32_t kNone = -1;

  std::int32_t child(std::int32_t state, char32_t c) const;
  // The root's transition on `c`: the dense table, else (rare code points) the edge list.
  std::int32_t root_child(char32_t c) const {
    return c < root_table_.size() ? root_table_[c] : child(0, c);
  }
  void build_root_table();
  // The transition from `state` on `c`, following failure links (the goto function).
  std::int32_t step(std::int32_t state, char32_t c) const;

  // Build input.
  std::vector<std::u32string> patterns_;
  std::vector<std::uint32_t> pattern_bytes_;  // UTF-8 length of each pattern
  // Automaton, one entry per state (state 0 is the root).
  // The edges of state s are [edge_begin_[s], edge_begin_[s + 1]).
  std::vector<std::uint32_t> edge_begin_;
  std::vector<char32_t> edge_label_;
  std::vector<std::int32_t> edge_target_;
  std::vector<std::int32_t> fail_;
  std::vector<std::int32_t> output_;     // pattern id ending exactly here, or kNone
  std::vector<std::int32_t> dict_link_;  // nearest proper suffix state with an output, or kNone
  // Root transitions for code points below its size (up to U+FFFF, the Hangul and CJK
  // blocks), kNone where the root has no edge.
  std::vector<std::int32_t> root_table_;
  bool built_ = false;
};

inline std::int32_t AhoCorasick::child(std::int32_t state, char32_t c) const {
  const auto s = static_cast<std::size_t>(state);
  const auto first = edge_label_.begin() + edge_begin_[s];
  const auto last = edge_label_.begin() + edge_begin_[s + 1];
  const auto it = std::lower_bound(first, last, c);
  if (it == last || *it != c) return kNone;
  return edge_target_[static_cast<std::size_t>(it - edge_label_.begin())];
}

inline std::int32_t AhoCorasick::step(std::int32_t state, char32_t c) const {
  while (state != 0) {
    const std::int32_t next = child(state, c);
    if (next != kNone) return next;
    state = fail_[static_cast<std::size_t>(state)];
  }
  const std::int32_t next = root_child(c);
  return next == kNone ? 0 : next;
}

template <class OnMatch>
void AhoCorasick::scan(std::string_view text, OnMatch&& on_match) const {
  if (!built_ || fail_.empty()) return;
  std::int32_t state = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    state = step(state, utf8::decode(text, pos));
    if (state == 0) continue;
    for (std::int32_t s = output_[static_cast<std::size_t>(state)] != kNone
                              ? state
                              : dict_link_[static_cast<std::size_t>(state)];
         s != kNone; s = dict_link_[static_cast<std::size_t>(s)]) {
      const auto id = static_cast<std::uint32_t>(output_[static_cast<std::size_t>(s)]);
      on_match(pos - pattern_bytes_[id], pos, id);
    }
  }
}

}  // namespace sillok
