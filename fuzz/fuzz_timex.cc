// libFuzzer target: the time tagger on arbitrary sentences.
//
// The first three bytes pick the anchor (a day in 1990..2053 at some hour) and the direction;
// the rest is the sentence, skipped unless it is valid UTF-8 (tag() requires that). Invariant:
// check_time_matches — offsets on code-point boundaries, sentence[begin:end] == text, every
// value and value_end a valid TIMEX3 value whose precision matches.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/timex.h"
#include "extract/utf8.h"
#include "fuzz/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  static const sillok::TimeTagger tagger = sillok::TimeTagger::load_default();
  sillok::Timestamp anchor;
  // 64 years of days around the present, so month and year arithmetic crosses leap years.
  anchor.date = sillok::CivilDate{1990, 1, 1}.add_days((data[0] << 8 | data[1]) % (64 * 365));
  anchor.hour = data[2] % 24;
  anchor.has_time = true;
  const auto dir = static_cast<sillok::Direction>((data[2] / 24) % 3);
  const std::string_view sentence(reinterpret_cast<const char*>(data + 3), size - 3);
  if (sillok::utf8::find_invalid(sentence)) return 0;
  const auto matches = tagger.tag(sentence, anchor, dir);
  sillok::fuzz::abort_on(sillok::fuzz::check_time_matches(sentence, matches), size);
  (void)tagger.clause_direction(sentence);
  return 0;
}
