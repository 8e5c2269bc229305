// Invariants the fuzz targets (and their regression replays) check on the reader, the time
// tagger and the whole extractor. Each check returns the first violation as a one-line message
// ("time 2: value '2025-13' is not a valid TIMEX3 value"), or "" when everything holds, so the
// same code serves libFuzzer (which aborts on a message) and Catch2 tests (which assert on it).
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/timex.h"
#include "extract/types.h"

namespace sillok::fuzz {

// Why `value` is not an ISO 8601 / TIMEX3 value string as sillok writes them, or "" if it is.
// Accepted shapes (calendar-checked: month 01-12, a day that exists, ISO week that exists,
// hour 00-23 or 24:00 exactly, minute and second 00-59):
//   YYYY  YYYY-MM  YYYY-MM-DD  YYYY-Hn  YYYY-Qn  YYYY-Wnn  YYYY-Wnn-WE
//   YYYY-MM-DDThh:mm  YYYY-MM-DDThh:mm:ss  XXXX-MM-DD  XXXX-WXX-d (a weekly set)
//   durations PnYnMnWnDTnHnMnS with at least one part ("P4M", "PT1H", "PT0S").
// "2025-12-30" -> "", "2025-02-29" -> "day 29 does not exist in 2025-02", "P" -> "...".
std::string timex_value_problem(std::string_view value);

// The precision a valid value implies: "year" "half" "quarter" "month" "week" "day" "hour"
// "minute" "second"; "" for durations and sets. REQUIRES: timex_value_problem(value) == "".
std::string timex_value_precision(std::string_view value);

// TimeTagger::tag() output for `sentence`: byte offsets in range, on code-point boundaries,
// increasing and non-overlapping, sentence[begin:end] == text, valid values and value_end,
// a precision matching the value, a known mod.
std::string check_time_matches(std::string_view sentence, const std::vector<TimeMatch>& matches);

// A read article: id and text non-empty, every string field valid UTF-8 without NUL.
std::string check_article(const Article& article);

// A whole extraction: check_article, sentences inside the text, every mention and time on
// code-point offsets with text[start:end] == its surface (metadata mentions index their
// field), entities with non-empty names and at least one mention, valid time values,
// sentence indices in range, relations and events naming non-empty entities.
std::string check_extraction(const Extraction& x);

// Prints `problem` and the input size to stderr and aborts (libFuzzer records the crasher)
// when `problem` is not empty.
void abort_on(const std::string& problem, std::size_t input_size);

}  // namespace sillok::fuzz
