// libFuzzer target: the whole Extractor (reader + sentences + entities + times + events).
//
// The first byte picks the input format as in fuzz_reader (plain text gets a fixed anchor
// date so that relative times resolve); every article read is extracted and the extraction
// must pass check_extraction: mentions and times on code-point offsets reading their surface,
// non-empty entity names, valid time values, sentence indices in range.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/pipeline.h"
#include "extract/reader.h"
#include "fuzz/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // Loaded once and never destroyed: libFuzzer exits from inside its driver, and the data
  // tables take a second to load.
  static const sillok::Extractor& extractor =
      *new sillok::Extractor(sillok::Extractor::load(sillok::ExtractorOptions{}));
  static const char* const kSources[] = {"fuzz.txt", "fuzz.md", "fuzz.jsonl"};
  static const sillok::InputFormat kFormats[] = {
      sillok::InputFormat::text, sillok::InputFormat::crawl, sillok::InputFormat::jsonl};
  const std::size_t pick = data[0] % 3;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  sillok::ReadOptions options;
  options.format = kFormats[pick];
  options.max_bytes = 1 << 20;
  options.default_date = sillok::parse_timestamp("2025-12-29 09:00");
  sillok::read_buffer(
      bytes, kSources[pick], options,
      [&](sillok::Article&& a) {
        sillok::fuzz::abort_on(sillok::fuzz::check_extraction(extractor.extract(a)), size);
      },
      [](sillok::ReadError&&) {});
  return 0;
}
