// Words of a Korean sentence for the rule stages: maximal runs of word characters, with the
// characters between them kept as the "gap" (spaces, '·', quotes, brackets).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sillok {

// A word of a text, as byte offsets. '-' joins word characters ("K-엑사원"); '&', '.' and '+'
// join Latin letters and digits ("AT&T", "news1.kr", "3.5").
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t gap_begin = 0;  // start of the characters between the previous word and this one
};

// The words of text[begin, end) (valid UTF-8), in order.
std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end);

// True when the gap is one or more plain spaces.
bool gap_is_space(std::string_view gap);

}  // namespace sillok
