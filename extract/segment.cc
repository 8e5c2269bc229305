#include "extract/segment.h"

#include "extract/utf8.h"

namespace sillok {
namespace {

bool is_closing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x300D || c == 0x300F || c == 0x3009 || c == 0x300B;
}

bool is_terminator(char32_t c) { return c == '.' || c == '?' || c == '!' || c == 0x3002; }

char32_t peek(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  return utf8::decode(s, pos);
}

char32_t peek_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  return utf8::decode_before(s, pos);
}

// Without a space, the cut goes after the last character in [lo, cut) that cannot be part
// of a word ('·', ',', ')'), so that a run of names joined by '·' is not cut through a name;
// `cut` itself when there is none.
std::size_t after_last_non_word(std::string_view text, std::size_t lo, std::size_t cut) {
  for (std::size_t p = cut; p > lo;) {
    const std::size_t after = p;
    if (!utf8::is_word_char(utf8::decode_before(text, p))) return after;
  }
  return cut;
}

void push_trimmed(std::string_view text, std::size_t b, std::size_t e, std::size_t max_bytes,
                  std::vector<ByteSpan>& out) {
  while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
  while (e - b > max_bytes) {
    // Cut at the last space before the limit, else at a code-point boundary.
    std::size_t cut = b + max_bytes;
    while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    // A limit smaller than the first code point still cuts that whole code point, so every
    // piece is non-empty and the loop always advances.
    if (cut == b) {
      utf8::decode(text, cut);
      if (cut > e) cut = e;
    }
    // Only a space in the second half of the piece is worth cutting at; looking further
    // back (rfind over the whole text) made a long line without spaces quadratic.
    const std::size_t lo = b + max_bytes / 2 + 1;
    if (cut >= lo) {
      const std::size_t space = text.substr(lo, cut - lo + 1).rfind(' ');
      cut = space != std::string_view::npos ? lo + space : after_last_non_word(text, lo, cut);
    }
    out.push_back({b, cut});
    b = cut;
    while (b < e && text[b] == ' ') ++b;
  }
  if (e > b) out.push_back({b, e});
}

}  // namespace

std::vector<ByteSpan> split_sentences(std::string_view text, std::size_t max_bytes) {
  std::vector<ByteSpan> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    const char32_t c = utf8::decode(text, i);
    if (c == '\n') {
      push_trimmed(text, start, at, max_bytes, out);
      start = i;
      continue;
    }
    if (!is_terminator(c)) continue;
    const char32_t prev = peek_before(text, at);
    // Absorb runs of terminators ("?!", "...") and closing quotes/brackets.
    std::size_t end = i;
    while (end < text.size() && is_terminator(peek(text, end))) utf8::decode(text, end);
    bool closed_quote = false;
    while (end < text.size() && is_closing(peek(text, end))) {
      utf8::decode(text, end);
      closed_quote = true;
    }
    const char32_t next = peek(text, end);
    if (c == '.') {
      if (utf8::is_ascii_digit(prev) && utf8::is_ascii_digit(next)) continue;  // 3.5, 12.30
      // Inside a Latin token: "naver.com", "news1.kr" (a letter or digit, then a letter).
      const bool token_before = utf8::is_ascii_alpha(prev) || utf8::is_ascii_digit(prev);
      if (token_before && utf8::is_ascii_alpha(next) && end == i) continue;
      if (utf8::is_ascii_digit(prev) && next == ' ' && end == i) {
        // "2015. 3. 3." style dates: a digit, a dot, a space, then another digit.
        std::size_t k = end;
        while (k < text.size() && text[k] == ' ') ++k;
        if (utf8::is_ascii_digit(peek(text, k))) continue;
      }
      if (utf8::is_ascii_upper(prev)) {
        const char32_t before = peek_before(text, at - 1);
        if (before == 0 || before == ' ' || before == '.') continue;  // initials: "U.S."
      }
    }
    // A quote closed right before Hangul continues the sentence: …승자"라며. Every
    // terminator of the run shares `next`, so none of them ends a sentence either: skip the
    // run instead of rescanning it from each of its terminators ("……" x 10^5 is quadratic).
    if (closed_quote && utf8::is_hangul_syllable(next)) {
      i = end;
      continue;
    }
    const bool boundary_after = next == 0 || utf8::is_space(next) ||
                                utf8::is_hangul_syllable(next) || next == '"' ||
                                next == '\'' || next == 0x201C || next == 0x2018 ||
                                next == '(' || next == '[' || utf8::is_ascii_alpha(next) ||
                                next == 0x25B3 || next == 0x25B2;  // △ ▲ list markers
    if (!boundary_after) {
      i = end;  // the same holds for the rest of the run, as above
      continue;
    }
    push_trimmed(text, start, end, max_bytes, out);
    start = end;
    i = end;
  }
  push_trimmed(text, start, text.size(), max_bytes, out);
  return out;
}

}  // namespace sillok
