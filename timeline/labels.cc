#include "timeline/labels.h"

#include <algorithm>

#include "extract/utf8.h"

namespace sillok::timeline_detail {
namespace {

// Splits into runs of word characters; everything else (spaces, quotes, '·', '…') separates.
std::vector<std::u32string> split_words(std::string_view label) {
  std::vector<std::u32string> words;
  std::u32string current;
  for (char32_t c : utf8::to_u32(label)) {
    if (utf8::is_word_char(c)) {
      current.push_back(utf8::is_ascii_upper(c) ? c - U'A' + U'a' : c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::vector<std::string> normalized_stops(const std::vector<std::string>& stop_tokens) {
  std::vector<std::string> out;
  for (const std::string& s : stop_tokens) {
    for (const std::u32string& w : split_words(s)) out.push_back(utf8::from_u32(w));
  }
  sort_unique(out);
  return out;
}

// Size of the intersection of two sorted, unique lists, without building it (this runs for
// every compared pair of mentions).
std::size_t intersection_size(const std::vector<std::string>& a,
                              const std::vector<std::string>& b) {
  std::size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    const int c = i->compare(*j);
    if (c == 0) ++n;
    if (c <= 0) ++i;
    if (c >= 0) ++j;
  }
  return n;
}

}  // namespace

LabelTokens tokenize_label(std::string_view label, const std::vector<std::string>& stop_tokens) {
  // Extraction hands over valid UTF-8; should a label not be, compare its valid prefix.
  if (const auto bad = utf8::find_invalid(label)) label = label.substr(0, *bad);
  const std::vector<std::string> stops = normalized_stops(stop_tokens);
  LabelTokens t;
  for (const std::u32string& w : split_words(label)) {
    std::string word = utf8::from_u32(w);
    if (std::binary_search(stops.begin(), stops.end(), word)) continue;
    t.features.push_back(word);
    for (std::size_t i = 0; w.size() > 2 && i + 1 < w.size(); ++i) {
      if (utf8::is_hangul_syllable(w[i]) && utf8::is_hangul_syllable(w[i + 1])) {
        t.features.push_back(utf8::from_u32(w.substr(i, 2)));
      }
    }
    t.words.push_back(std::move(word));
  }
  sort_unique(t.words);
  sort_unique(t.features);
  return t;
}

double overlap(const LabelTokens& a, const LabelTokens& b) {
  const std::size_t smaller = std::min(a.features.size(), b.features.size());
  if (smaller == 0) return 0.0;
  return static_cast<double>(intersection_size(a.features, b.features)) /
         static_cast<double>(smaller);
}

bool words_subset(const LabelTokens& a, const LabelTokens& b) {
  if (a.words.empty() || b.words.empty()) return false;
  const LabelTokens& small = a.words.size() <= b.words.size() ? a : b;
  const LabelTokens& large = &small == &a ? b : a;
  return std::includes(large.words.begin(), large.words.end(), small.words.begin(),
                       small.words.end());
}

}  // namespace sillok::timeline_detail
