#include "extract/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "extract/utf8.h"

namespace sillok {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

// The references that occur in Korean news crawls; a full HTML5 table is not needed.
constexpr std::array<NamedEntity, 40> kNamed{{
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},     {"middot", 0xB7},   {"hellip", 0x2026},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"bull", 0x2022},   {"laquo", 0xAB},
    {"raquo", 0xBB},    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"times", 0xD7},
    {"divide", 0xF7},   {"deg", 0xB0},      {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122},  {"sim", 0x223C},    {"uarr", 0x2191},   {"darr", 0x2193},
    {"rarr", 0x2192},   {"larr", 0x2190},   {"para", 0xB6},     {"sect", 0xA7},
    {"cent", 0xA2},     {"pound", 0xA3},    {"yen", 0xA5},      {"euro", 0x20AC},
    {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"shy", 0xAD},
}};

bool valid_scalar(std::uint32_t cp) {
  return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

// The longest reference decoded, '&' to ';' exclusive of ';' ("&#x10FFFF" is 9, "&thinsp" 7);
// kept at the historical 12 so that nothing decoded before stops decoding.
constexpr std::size_t kMaxReference = 12;

// One round of decoding; returns true when something was replaced.
bool decode_once(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  bool changed = false;
  std::size_t i = 0;
  while (i < in.size()) {
    if (in[i] != '&') {
      out.push_back(in[i++]);
      continue;
    }
    // Look for the ';' only as far as the longest reference could reach: searching the
    // rest of the text for every '&' made a flood of '&' without ';' quadratic.
    const std::string_view window = in.substr(0, std::min(in.size(), i + kMaxReference + 1));
    const std::size_t semi = window.find(';', i + 1);
    if (semi == std::string_view::npos || semi == i + 1) {
      out.push_back(in[i++]);
      continue;
    }
    const std::string_view ref = in.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (ref[0] == '#') {
      std::uint32_t v = 0;
      bool ok = ref.size() > 1;
      const bool hex = ok && (ref[1] == 'x' || ref[1] == 'X');
      for (std::size_t k = hex ? 2 : 1; ok && k < ref.size(); ++k) {
        const char c = ref[k];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0 || v > 0x10FFFF) ok = false;
        else v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (hex && ref.size() == 2) ok = false;
      if (ok && valid_scalar(v)) cp = v;
    } else {
      for (const auto& e : kNamed) {
        if (e.name == ref) {
          cp = e.cp;
          break;
        }
      }
    }
    if (cp == 0) {
      out.push_back(in[i++]);
      continue;
    }
    utf8::append(out, cp);
    changed = true;
    i = semi + 1;
  }
  return changed;
}

// Compatibility jamo (U+3131..U+3163) to syllable parts. -1 where the jamo cannot take that role.
int choseong_index(char32_t c) {
  // ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄸ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅃ ㅄ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
  static constexpr std::array<int, 30> kL{0,  1,  -1, 2,  -1, -1, 3,  4,  5,  -1,
                                          -1, -1, -1, -1, -1, -1, 6,  7,  8,  -1,
                                          9,  10, 11, 12, 13, 14, 15, 16, 17, 18};
  if (c < 0x3131 || c > 0x314E) return -1;
  return kL[c - 0x3131];
}

int jongseong_index(char32_t c) {
  static constexpr std::array<int, 30> kT{1,  2,  3,  4,  5,  6,  7,  -1, 8,  9,
                                          10, 11, 12, 13, 14, 15, 16, 17, -1, 18,
                                          19, 20, 21, 22, -1, 23, 24, 25, 26, 27};
  if (c < 0x3131 || c > 0x314E) return -1;
  return kT[c - 0x3131];
}

int jungseong_index(char32_t c) {
  if (c < 0x314F || c > 0x3163) return -1;
  return static_cast<int>(c - 0x314F);
}

std::u32string compose_compat_jamo(const std::u32string& in) {
  std::u32string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const int l = choseong_index(in[i]);
    const int v = i + 1 < in.size() ? jungseong_index(in[i + 1]) : -1;
    if (l < 0 || v < 0) {
      out.push_back(in[i++]);
      continue;
    }
    int t = 0;
    std::size_t used = 2;
    if (i + 2 < in.size()) {
      const int cand = jongseong_index(in[i + 2]);
      const bool next_is_vowel = i + 3 < in.size() && jungseong_index(in[i + 3]) >= 0;
      if (cand > 0 && !next_is_vowel) {
        t = cand;
        used = 3;
      }
    }
    out.push_back(static_cast<char32_t>(0xAC00 + (l * 21 + v) * 28 + t));
    i += used;
  }
  return out;
}

bool has_compat_jamo(std::string_view s) {
  // U+3131..U+3163 encode as E3 84 B1 .. E3 85 A3.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xE3) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 == 0x84 && b2 >= 0xB1) || (b1 == 0x85 && b2 <= 0xA3)) return true;
    }
  }
  return false;
}

// Unicode's stream-safe limit (UAX #15): no real text has more than 30 non-starters in a row.
constexpr int kMaxNonStarters = 30;

bool is_non_starter(char32_t c) {
  // Hangul syllables, most of the text, are starters; skip the table lookup for them.
  return c >= 0x300 && !utf8::is_hangul_syllable(c) &&
         u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

// Drops the non-starters (combining marks) beyond kMaxNonStarters in a row. ICU reorders a
// run of combining marks by insertion sort, so an adversarial run of 10^5 alternating marks
// takes seconds and 10^6 takes minutes; capped runs keep NFC linear. Returns false (and
// leaves `out` alone) when nothing needs dropping, the common case, to avoid a copy.
bool cap_non_starter_runs(std::string_view text, std::string& out) {
  int run = 0;
  bool capped = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(text, i);
    run = is_non_starter(c) ? run + 1 : 0;
    if (run > kMaxNonStarters && !capped) {
      out.assign(text.substr(0, start));
      capped = true;
    }
    if (capped && run <= kMaxNonStarters) out.append(text.substr(start, i - start));
  }
  return capped;
}

// Lead bytes of the characters is_invisible accepts: C0 controls, DEL, C2 (C1 controls,
// soft hyphen), E1 (U+180E), E2 (U+200B.., U+202A.., U+2060..), EF (U+FEFF).
bool may_start_invisible(unsigned char b) {
  return b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xEF;
}

bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
         c == 0x00AD || c == 0x180E || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
         (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string cur(text);
  std::string next;
  for (int round = 0; round < 3; ++round) {
    if (!decode_once(cur, next)) break;
    cur.swap(next);
    if (cur.find('&') == std::string::npos) break;
  }
  return cur;
}

std::string nfc(std::string_view text) {
  std::string capped;
  if (cap_non_starter_runs(text, capped)) text = capped;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer unavailable");
  const icu::UnicodeString src =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  if (norm->isNormalized(src, status) && U_SUCCESS(status)) {
    out.assign(text);
  } else {
    status = U_ZERO_ERROR;
    const icu::UnicodeString dst = norm->normalize(src, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalization failed");
    dst.toUTF8String(out);
  }
  if (has_compat_jamo(out)) out = utf8::from_u32(compose_compat_jamo(utf8::to_u32(out)));
  return out;
}

std::string strip_invisible(std::string_view text) {
  // Only bytes that can start an invisible character are decoded, and the text between the
  // characters removed is copied in one piece: most text has none, and this pass runs over
  // every byte of every article. Continuation bytes (80..BF) are never candidates, so
  // stepping byte by byte only ever decodes at the start of a character.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[copied, i) is kept and not yet appended
  for (std::size_t i = 0; i < text.size();) {
    if (!may_start_invisible(bytes[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_invisible(utf8::decode(text, i))) {
      out.append(text.substr(copied, start - copied));
      copied = i;
    }
  }
  out.append(text.substr(copied));
  return out;
}

std::string normalize_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string line;
  int blank_run = 0;
  bool any = false;
  auto flush_line = [&]() {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) {
      ++blank_run;
    } else {
      if (any) out.append(blank_run > 0 ? "\n\n" : "\n");
      out += line;
      any = true;
      blank_run = 0;
    }
    line.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(text, i);
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      flush_line();
    } else if (utf8::is_space(c)) {
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
    } else {
      line.append(text.substr(start, i - start));
    }
  }
  flush_line();
  return out;
}

std::string normalize_text(std::string_view text) {
  // Invisible characters go first: one inside a reference ("&a<ZWSP>mp;") would otherwise
  // survive the entity pass and let a second call decode what the first did not.
  std::string cur = nfc(decode_html_entities(strip_invisible(text)));
  // A round is a function of its input: text the first round left as it was is settled, and
  // a second round over it (the whole text again) is skipped.
  if (cur == text) return normalize_whitespace(cur);
  // Composing compatibility jamo can create a syllable that NFC then merges with a following
  // conjoining jamo ("ㄱㅏ" + U+11A8 -> "가" + U+11A8 -> "각"), and decoding can produce new
  // invisible characters or references; repeat until nothing changes (bounded: each round
  // only shortens or recomposes, and real text settles in one or two).
  for (int round = 0; round < 4; ++round) {
    std::string next = nfc(decode_html_entities(strip_invisible(cur)));
    if (next == cur) break;
    cur.swap(next);
  }
  return normalize_whitespace(cur);
}

std::string content_fingerprint(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;  // FNV 64 prime 0x100000001b3
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace sillok
