// UTF-8 helpers shared by every stage: validation, decoding, code-point offsets and the
// character classes Korean text processing needs (Hangul syllables, jamo, Latin, digits).
//
// All functions are pure and thread-safe. Byte offsets are used inside the library because
// they are cheap; the public JSON contract speaks in code points, and CodePointIndex converts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sillok::utf8 {

// Where the first invalid sequence starts, or nullopt when `s` is valid UTF-8 (no overlongs,
// no surrogates, nothing above U+10FFFF). "\xED\xA0\x80" (a surrogate) -> 0.
std::optional<std::size_t> find_invalid(std::string_view s);

// Decodes the code point starting at byte `pos` of valid UTF-8 and advances `pos` past it.
// REQUIRES: `s` is valid UTF-8 and pos < s.size(). Inline: every scan calls it per character.
inline char32_t decode(std::string_view s, std::size_t& pos) {
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  if ((c & 0xF0) == 0xE0 && pos + 2 < s.size()) {  // the Hangul and CJK case, in full
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[pos + 2]);
    const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) |
                        (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    pos += 3;
    return cp;
  }
  const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len && pos + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  }
  pos += len;
  return cp;
}

// Decodes the code point that ends just before byte `pos` and moves `pos` to its first byte.
// REQUIRES: `s` is valid UTF-8 and 0 < pos <= s.size().
char32_t decode_before(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// The UTF-8 encoding of `cp`.
std::string encode(char32_t cp);

// Number of code points in valid UTF-8.
std::size_t length(std::string_view s);

// Decodes all of `s` (valid UTF-8) into code points.
std::u32string to_u32(std::string_view s);

// Encodes code points as UTF-8.
std::string from_u32(std::u32string_view s);

// Maps byte offsets of one string to code-point offsets in O(log n) after O(n) setup.
// The string must outlive nothing: the index copies what it needs.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  // Code-point offset of byte offset `byte` (which must be on a code-point boundary or
  // equal to the string size).
  std::size_t to_cp(std::size_t byte) const;
  // Byte offset of code-point offset `cp` (cp <= number of code points).
  std::size_t to_byte(std::size_t cp) const;

 private:
  std::vector<std::size_t> cp_to_byte_;  // one entry per code point, plus the end
};

// Character classes.
inline bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool is_compat_jamo(char32_t c) { return c >= 0x3131 && c <= 0x318E; }
inline bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
// Hangul syllable, Latin letter, digit, or CJK ideograph: the characters names are made of.
inline bool is_word_char(char32_t c) {
  return is_hangul_syllable(c) || is_ascii_alpha(c) || is_ascii_digit(c) ||
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs (漢字 in names)
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
// Space, tab, newline, NBSP and the other Unicode spaces.
bool is_space(char32_t c);
// The middle dots Korean uses to join names: U+00B7 '·', U+318D 'ㆍ', U+30FB '・', U+2027 '‧'.
bool is_name_separator(char32_t c);

// The final consonant (jongseong) index of a Hangul syllable, 0 when it has none.
// "원" -> 4 (ㄴ), "부" -> 0. Used to pick 은/는, 이/가, 을/를, 과/와, 으로/로.
int jongseong(char32_t syllable);

}  // namespace sillok::utf8
