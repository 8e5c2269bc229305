// Text normalization: everything that turns crawled bytes into the text that offsets refer to.
//
//   "&#x27;국가대표 AI&#x27;"          -> "'국가대표 AI'"          (HTML character references)
//   "배\u200B경훈"                      -> "배경훈"                 (zero-width characters dropped)
//   NFD "배경훈" (conjoining jamo)      -> NFC "배경훈"
//   "ㅂㅐㄱㅕㅇㅎㅜㄴ" (compat. jamo)   -> "배경훈"
//   "a \t  b"                           -> "a b"                    (spaces collapsed per line)
//
// All functions take valid UTF-8 (check with utf8::find_invalid first) and are thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sillok {

// Decodes HTML character references: the common named ones (&amp; &quot; &lt; &gt; &apos;
// &nbsp; &middot; &hellip; &lsquo; ... ) and numeric ones (&#39; &#x27;). Double-encoded
// text (&amp;#x27;) is decoded until nothing changes, at most three rounds. Unknown or
// malformed references are left as written. Linear in the text's size, whatever its content
// (a reference is at most 12 bytes from '&' to ';', so floods of '&' cost nothing extra).
std::string decode_html_entities(std::string_view text);

// Unicode NFC through ICU, then composes runs of Hangul compatibility jamo that spell whole
// syllables ("ㄱㅣㅁ" -> "김"); lone jamo ("ㅋㅋ") and the separator 'ㆍ' stay as they are.
// Combining marks beyond 30 in a row (Unicode's stream-safe limit) are dropped first, so
// that an adversarial run of marks costs linear time instead of ICU's quadratic reordering.
std::string nfc(std::string_view text);

// Removes characters that carry no text: zero-width space/joiners, word joiner, BOM,
// soft hyphen, and C0/C1 controls other than tab and newline.
std::string strip_invisible(std::string_view text);

// Whitespace: CRLF/CR -> LF; Unicode spaces -> ' '; runs of spaces collapsed; lines trimmed;
// more than one blank line collapsed to one; leading and trailing blank lines removed.
std::string normalize_whitespace(std::string_view text);

// The whole pipeline above: invisible characters -> entities -> NFC/jamo, repeated until the
// text stops changing (at most a few rounds), then whitespace. Stripping first keeps a
// reference split by a zero-width character from decoding only on a second call; repeating
// catches syllables that jamo composition hands back to NFC ("ㄱㅏ" + U+11A8 -> "각") and
// invisible characters produced by decoding ("&#x200B;"). normalize_text(normalize_text(x))
// == normalize_text(x) for text that settles within the bound (all non-adversarial text).
std::string normalize_text(std::string_view text);

// Hex FNV-1a 64-bit hash (16 lowercase digits; "" -> "cbf29ce484222325"): the content
// fingerprint used to find duplicate articles.
std::string content_fingerprint(std::string_view text);

}  // namespace sillok
