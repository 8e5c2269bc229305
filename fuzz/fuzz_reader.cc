// libFuzzer target: the article reader on arbitrary bytes.
//
// The first byte picks how the bytes arrive (crawl file, JSON Lines file, plain text, or an
// automatically detected ".txt"); the rest is the file. Invariant: every input ends either in
// ReadErrors with a source and a message, or in articles that pass check_article (non-empty
// id and text, all fields valid UTF-8). Any other exception escaping read_buffer is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/reader.h"
#include "fuzz/invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kSources[] = {"fuzz.md", "fuzz.jsonl", "fuzz.txt", "fuzz.txt"};
  static const sillok::InputFormat kFormats[] = {
      sillok::InputFormat::crawl, sillok::InputFormat::jsonl, sillok::InputFormat::text,
      sillok::InputFormat::automatic};
  const std::size_t pick = data[0] % 4;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  sillok::ReadOptions options;
  options.format = kFormats[pick];
  options.max_bytes = 1 << 20;
  sillok::read_buffer(
      bytes, kSources[pick], options,
      [&](sillok::Article&& a) { sillok::fuzz::abort_on(sillok::fuzz::check_article(a), size); },
      [&](sillok::ReadError&& e) {
        if (e.source.empty() || e.message.empty()) {
          sillok::fuzz::abort_on("read error without a source or message", size);
        }
      });
  return 0;
}
