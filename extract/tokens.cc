#include "extract/tokens.h"

#include "extract/utf8.h"

namespace sillok {
namespace {

bool is_latin_or_digit(char32_t c) { return utf8::is_ascii_alpha(c) || utf8::is_ascii_digit(c); }

// Whether `joiner` between `prev` and `next` keeps them in one word.
bool joins(char32_t joiner, char32_t prev, char32_t next) {
  if (joiner == '-') return utf8::is_word_char(prev) && utf8::is_word_char(next);
  return is_latin_or_digit(prev) && is_latin_or_digit(next);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> tokens;
  std::size_t pos = begin;
  std::size_t gap = begin;
  while (pos < end) {
    std::size_t next = pos;
    const char32_t c = utf8::decode(text, next);
    if (!utf8::is_word_char(c)) {
      pos = next;
      continue;
    }
    Token t;
    t.begin = pos;
    t.gap_begin = gap;
    char32_t prev = c;
    pos = next;
    while (pos < end) {
      std::size_t after = pos;
      const char32_t d = utf8::decode(text, after);
      if (utf8::is_word_char(d)) {
        prev = d;
        pos = after;
        continue;
      }
      if ((d == '-' || d == '&' || d == '.' || d == '+') && after < end) {
        std::size_t look = after;
        const char32_t e = utf8::decode(text, look);
        if (joins(d, prev, e)) {
          prev = e;
          pos = look;
          continue;
        }
      }
      break;
    }
    t.end = pos;
    gap = pos;
    tokens.push_back(t);
  }
  return tokens;
}

bool gap_is_space(std::string_view gap) {
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

}  // namespace sillok
