// Reading articles from files, directories and stdin in the three input formats:
//
//  * crawl layout (.md, or .txt that starts with "---"): YAML-like front matter (id, title,
//    publisher, author, published_at, url, ...), then a markdown body with a "# title" line,
//    a "**publisher** | date |" line, the text, and a footer ("*Crawled at: …*", "*Source: …*");
//  * JSON Lines (.jsonl/.ndjson, or stdin starting with '{'): one object per line with `id`,
//    `title`, `body` or `text`, `published_at`, and optional `publisher`, `url`, `author`;
//  * plain text (.txt without front matter): the file name without its last extension is the
//    id ("2025.12.29-report.txt" -> "2025.12.29-report"), no date.
//
// Every problem becomes a ReadError naming the source ("dir/a.md", "feed.jsonl:12") and what
// is wrong; one bad article never stops the others. The reader never prints.
//
// Damaged input is repaired where the repair cannot change the meaning, and refused with a
// clear error otherwise: BOMs before the front matter, LF/CRLF/CR line ends, invisible
// characters, NFD Hangul, compatibility jamo and double-encoded HTML references all read as
// the clean article would (extract/normalize.h); invalid UTF-8, NUL bytes, UTF-16 and inputs
// over ReadOptions::max_bytes are errors. Time is linear in the input, and memory bounded by
// max_bytes (a JSON Lines record longer than that is skipped without being held in memory).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extract/types.h"

namespace sillok {

// A problem with one input: the file (and line) and a one-line reason.
struct ReadError {
  std::string source;
  std::string message;
};

// Thrown by parse_* for input that cannot become an article; read_inputs turns it into a
// ReadError and carries on.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class InputFormat { automatic, crawl, jsonl, text };

struct ReadOptions {
  // Inputs larger than this are refused with a clear error instead of being read.
  std::size_t max_bytes = 64u << 20;
  // Anchor for articles that carry no published_at (`extract --date`); when applied, the
  // article's "... stored without a date" warning is withdrawn.
  std::optional<Timestamp> default_date;
  InputFormat format = InputFormat::automatic;
};

// One parsed crawl-layout document. Throws InputError (empty, front matter never closes,
// no body) with a message that does not repeat the source name.
Article parse_crawl(std::string_view bytes, const std::string& source);

// One JSON Lines record (a single line). The title becomes the text's first line unless the
// body's first line already equals it (records written by `sillok extract`). A record without
// an id gets "sha:<content fingerprint>" and a warning. Throws InputError.
Article parse_json_record(std::string_view line, const std::string& source);

// A plain-text article whose id is `id`. Throws InputError when empty.
Article parse_plain_text(std::string_view bytes, const std::string& id, const std::string& source);

// Rejects bytes that are not text: UTF-16 ("UTF-16 text (byte-order mark 0xFF 0xFE) ..."),
// NUL bytes ("binary file: NUL byte at offset 29") or invalid UTF-8 of any kind, overlong,
// surrogate, truncated, above U+10FFFF or a stray continuation byte ("not UTF-8: invalid byte
// 0xFF at offset 10"). Leading UTF-8 BOMs are accepted; offsets count from the first byte
// of `bytes`. Linear time. Throws InputError.
void check_text_bytes(std::string_view bytes);

// Expands the command line's PATH arguments: files as given (whatever their name),
// directories recursively (files ending .md .markdown .txt .jsonl .ndjson, sorted by path),
// and "-" for standard input. A directory walk skips hidden entries (".git", ".draft.md") and
// documentation files that are not articles: names starting with README, LICENSE, COPYING,
// CHANGELOG or NOTICE in any case ("README.md", "license.txt"). Paths that do not exist
// become errors.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<ReadError>& errors);

// Reads every input in order and calls `on_article` for each article and `on_error` for
// each problem. A JSONL file yields one call per line. "-" reads standard input.
void read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                 const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error);

// Reads one input held in memory as if it came from `source` (used for stdin and tests).
void read_buffer(std::string_view bytes, const std::string& source, const ReadOptions& options,
                 const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error);

}  // namespace sillok
