// Sentence segmentation for Korean news, where sentences are often glued without a space
// ("공개한다.발표는"), decimals and dates contain dots ("3.5%", "12.30"), and quotes run on
// into the reporting clause ("…승자"라며 "…").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sillok {

// A half-open byte range of a string.
struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits `text` (valid UTF-8) into sentences, trimmed of surrounding spaces, in order.
// A newline always ends a sentence. '.', '?', '!' and '。' end one unless they sit between
// digits, inside a Latin token ("news1.kr"), or close a quote that runs on into Hangul
// ("…했다."라며). Closing quotes and brackets after the terminator stay with the sentence.
// A sentence longer than `max_bytes` is cut at the last space before the limit, else after
// the last character that cannot be inside a word ('·' of "임우형·이홍락·…"), else at a
// code-point boundary (at least one whole character per piece, so any limit makes
// progress), so that later stages work on bounded pieces whatever the input. Linear time.
std::vector<ByteSpan> split_sentences(std::string_view text, std::size_t max_bytes = 4096);

}  // namespace sillok
