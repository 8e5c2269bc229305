// Internal to timeline/: comparing event labels written differently by different articles
// ("독자 AI 파운데이션 모델 프로젝트 1차 발표회" vs "발표회", "결과 공개" vs "결과 발표").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sillok::timeline_detail {

// A label as sets of comparable tokens.
struct LabelTokens {
  // The words: split on spaces and punctuation (quotes, brackets, '·' ...), ASCII lowercased,
  // stop tokens removed. Sorted, unique.
  std::vector<std::string> words;
  // `words` plus the Hangul syllable bigrams inside each word ("발표회" -> 발표, 표회), so
  // compounds and leftover particles still overlap. Sorted, unique.
  std::vector<std::string> features;
};

// Tokenizes `label` (valid UTF-8). `stop_tokens` are compared after the same normalization.
LabelTokens tokenize_label(std::string_view label, const std::vector<std::string>& stop_tokens);

// |a ∩ b| / min(|a|, |b|) over `features`; 0 when either is empty.
double overlap(const LabelTokens& a, const LabelTokens& b);

// True when every word of the shorter side is a word of the other (and it has at least one).
bool words_subset(const LabelTokens& a, const LabelTokens& b);

}  // namespace sillok::timeline_detail
