#include "extract/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "extract/strings.h"
#include "extract/normalize.h"
#include "extract/utf8.h"

namespace sillok {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Every warning about a missing or unusable date ends with this, so that a default date
// (`extract --date`) can withdraw exactly those warnings.
constexpr std::string_view kNoDate = "; stored without a date";

// Names of the notes that accompany article folders; skipped when walking a directory.
constexpr std::string_view kDocPrefixes[] = {"readme", "license", "copying", "changelog",
                                             "notice"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}



std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return s;
}

// Lines ending in LF, CRLF or a lone CR (old Mac files), without their line ends.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t end = s.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, end - start));
    start = end + (s.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return lines;
}

// `s` without its leading byte-order marks: one is common, and files concatenated by
// careless tools carry two or more.
std::string_view strip_boms(std::string_view s) {
  while (starts_with(s, kBom)) s.remove_prefix(kBom.size());
  return s;
}

// find(c, from) on one string for positions `from` that never decrease: an answer stays
// valid while `from` has not passed it, so a line of 10^6 '[' without ']' scans once, not
// 10^6 times.
class ForwardFinder {
 public:
  ForwardFinder(std::string_view s, char c) : s_(s), c_(c) {}
  std::size_t find(std::size_t from) {
    if (!searched_ || from < from_ || (hit_ != std::string_view::npos && from > hit_)) {
      hit_ = s_.find(c_, from);
      from_ = from;
      searched_ = true;
    }
    return hit_;
  }

 private:
  std::string_view s_;
  char c_;
  bool searched_ = false;
  std::size_t from_ = 0;
  std::size_t hit_ = std::string_view::npos;
};

// Unquotes a YAML scalar: "double \"quoted\"", 'single ''quoted''', or plain.
std::string yaml_scalar(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      if (v[i] == '\\' && i + 2 < v.size()) {
        const char e = v[++i];
        switch (e) {
          case 'n': out.push_back('\n'); break;
          case 't': out.push_back('\t'); break;
          case '"': out.push_back('"'); break;
          case '\\': out.push_back('\\'); break;
          case '/': out.push_back('/'); break;
          default: out.push_back('\\'); out.push_back(e); break;
        }
      } else {
        out.push_back(v[i]);
      }
    }
    return out;
  }
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      out.push_back(v[i]);
      if (v[i] == '\'' && i + 2 < v.size() && v[i + 1] == '\'') ++i;
    }
    return out;
  }
  return std::string(v);
}

// Removes markdown inline markup that is not part of the text: links keep their text,
// images disappear, emphasis markers and heading/quote markers go.
std::string strip_markdown_inline(std::string_view line) {
  std::string_view t = trim(line);
  while (starts_with(t, "#")) t.remove_prefix(1);
  if (starts_with(t, "> ")) t.remove_prefix(2);
  std::string out;
  out.reserve(t.size());
  ForwardFinder close_bracket(t, ']');
  ForwardFinder close_paren(t, ')');
  for (std::size_t i = 0; i < t.size();) {
    const bool image = t[i] == '!' && i + 1 < t.size() && t[i + 1] == '[';
    if (t[i] == '[' || image) {
      const std::size_t open = image ? i + 1 : i;
      const std::size_t close = close_bracket.find(open);
      if (close != std::string_view::npos && close + 1 < t.size() && t[close + 1] == '(') {
        const std::size_t paren = close_paren.find(close + 2);
        if (paren != std::string_view::npos) {
          if (!image) out.append(t.substr(open + 1, close - open - 1));
          i = paren + 1;
          continue;
        }
      }
    }
    if ((t[i] == '*' || t[i] == '_') && i + 1 < t.size() && t[i + 1] == t[i]) {
      i += 2;
      continue;
    }
    out.push_back(t[i++]);
  }
  return out;
}

bool is_rule_line(std::string_view t) {
  if (t.size() < 3) return false;
  const char c = t[0];
  if (c != '-' && c != '*' && c != '_') return false;
  return std::all_of(t.begin(), t.end(), [c](char x) { return x == c || x == ' '; });
}

// "**아시아경제** | 2025-12-29 00:00 |": the crawl's publisher/date line.
bool is_byline_header(std::string_view t) {
  return starts_with(t, "**") && t.find('|') != std::string_view::npos;
}

bool is_footer_line(std::string_view t) {
  return starts_with(t, "*Crawled at:") || starts_with(t, "*Source:") ||
         starts_with(t, "*출처:") || starts_with(t, "*원문:");
}

// The file name without its last extension: "2025.12.29-report.txt" -> "2025.12.29-report".
// A name whose only dot leads it (".profile") is kept whole.
std::string file_stem(const std::string& source) {
  const std::string name = fs::path(source).filename().string();
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string clean_field(std::string_view raw) { return normalize_text(raw); }

void set_published_at(Article& a, std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.empty()) {
    a.warnings.push_back("published_at missing" + std::string(kNoDate));
    return;
  }
  if (auto ts = parse_timestamp(t)) {
    a.published_at = *ts;
  } else {
    a.warnings.push_back("published_at '" + std::string(t) + "' is not a date" +
                         std::string(kNoDate));
  }
}

void finish(Article& a) {
  if (a.text.empty()) throw InputError("no body text");
  a.content_hash = content_fingerprint(a.text);
}

std::string build_text(const std::string& title, const std::string& body) {
  if (title.empty()) return body;
  if (body.empty()) return title;
  return title + "\n\n" + body;
}

std::string describe_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// README, LICENSE, COPYING, CHANGELOG, NOTICE (any case, any extension): notes, not articles.
bool is_documentation_file(const std::string& name) {
  const std::string lower = lower_ascii(name);
  return std::any_of(std::begin(kDocPrefixes), std::end(kDocPrefixes),
                     [&](std::string_view prefix) { return starts_with(lower, prefix); });
}

bool has_extension(const fs::path& p, std::initializer_list<std::string_view> exts) {
  const std::string ext = lower_ascii(p.extension().string());
  return std::any_of(exts.begin(), exts.end(), [&](std::string_view e) { return ext == e; });
}

InputFormat detect_format(std::string_view bytes, const std::string& source) {
  const fs::path p(source);
  if (has_extension(p, {".jsonl", ".ndjson"})) return InputFormat::jsonl;
  std::string_view head = strip_boms(bytes);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                           head.front() == '\t')) {
    head.remove_prefix(1);
  }
  if (starts_with(head, "---")) return InputFormat::crawl;
  if (!head.empty() && head.front() == '{') return InputFormat::jsonl;
  if (has_extension(p, {".md", ".markdown"})) return InputFormat::crawl;
  return InputFormat::text;
}

void apply_default_date(Article& a, const ReadOptions& options) {
  if (!a.published_at && options.default_date) {
    a.published_at = options.default_date;
    // Every warning about the missing date (crawl, JSON Lines or plain text) is answered
    // by --date; other warnings stay.
    a.warnings.erase(std::remove_if(a.warnings.begin(), a.warnings.end(),
                                    [](const std::string& w) { return ends_with(w, kNoDate); }),
                     a.warnings.end());
  }
}

// Reads one line (without its '\n') into `line`, keeping at most max_bytes + 1 of its bytes
// so that a gigabyte line costs bounded memory; `length` receives the whole line's length.
// False at the end of the stream.
bool read_bounded_line(std::istream& in, std::size_t max_bytes, std::string& line,
                       std::size_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  char buf[1 << 16];
  while (in) {
    in.getline(buf, sizeof buf);
    const auto got = static_cast<std::size_t>(in.gcount());  // counts an extracted '\n'
    // A full buffer without the delimiter sets failbit; the line goes on.
    const bool filled = in.fail() && !in.eof() && got + 1 == sizeof buf;
    const std::size_t stored = filled || in.eof() ? got : got - 1;
    any = any || got > 0;
    length += stored;
    if (line.size() <= max_bytes) line.append(buf, std::min(stored, max_bytes + 1 - line.size()));
    if (!filled) break;
    in.clear();
  }
  return any;
}

void read_jsonl_stream(std::istream& in, const std::string& source, const ReadOptions& options,
                       const std::function<void(Article&&)>& on_article,
                       const std::function<void(ReadError&&)>& on_error) {
  std::string line;
  std::size_t length = 0;
  std::size_t lineno = 0;
  while (read_bounded_line(in, options.max_bytes, line, length)) {
    ++lineno;
    const std::string where = source + ":" + std::to_string(lineno);
    if (length <= options.max_bytes && trim(line).empty()) continue;
    try {
      if (length > options.max_bytes) {
        throw InputError("record too large: " + std::to_string(length) + " bytes (limit " +
                         std::to_string(options.max_bytes) + ")");
      }
      check_text_bytes(line);
      Article a = parse_json_record(line, where);
      apply_default_date(a, options);
      on_article(std::move(a));
    } catch (const InputError& e) {
      on_error(ReadError{where, e.what()});
    }
  }
}

}  // namespace

void check_text_bytes(std::string_view bytes) {
  // UTF-16 (and UTF-32) files start with a byte-order mark that UTF-8 cannot contain; name
  // the encoding rather than the first NUL or invalid byte.
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    throw InputError("UTF-16 text (byte-order mark " +
                     describe_byte(static_cast<unsigned char>(bytes[0])) + " " +
                     describe_byte(static_cast<unsigned char>(bytes[1])) +
                     "); convert it to UTF-8");
  }
  const std::size_t skipped = bytes.size() - strip_boms(bytes).size();
  bytes.remove_prefix(skipped);
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    throw InputError("binary file: NUL byte at offset " + std::to_string(skipped + nul));
  }
  if (const auto bad = utf8::find_invalid(bytes)) {
    throw InputError("not UTF-8: invalid byte " +
                     describe_byte(static_cast<unsigned char>(bytes[*bad])) + " at offset " +
                     std::to_string(skipped + *bad));
  }
}

Article parse_crawl(std::string_view bytes, const std::string& source) {
  bytes = strip_boms(bytes);
  if (trim(bytes).empty() || bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError("empty file");
  }
  const std::vector<std::string_view> lines = split_lines(bytes);
  std::size_t first = 0;
  while (first < lines.size() && trim(lines[first]).empty()) ++first;
  if (first == lines.size() || trim(lines[first]) != "---") {
    throw InputError("missing front matter: the first line must be '---'");
  }
  std::size_t close = first + 1;
  while (close < lines.size() && trim(lines[close]) != "---") ++close;
  if (close == lines.size()) {
    throw InputError("front matter opened on line " + std::to_string(first + 1) +
                     " never closes (no closing '---' line)");
  }

  // Front matter: "key: value", with indented continuation lines for multi-line values.
  std::vector<std::pair<std::string, std::string>> fields;
  for (std::size_t i = first + 1; i < close; ++i) {
    const std::string_view line = lines[i];
    if (trim(line).empty()) continue;
    const bool indented = line.front() == ' ' || line.front() == '\t';
    const std::size_t colon = line.find(':');
    if (!indented && colon != std::string_view::npos && colon > 0) {
      fields.emplace_back(std::string(trim(line.substr(0, colon))),
                          std::string(trim(line.substr(colon + 1))));
    } else if (!fields.empty()) {
      std::string& v = fields.back().second;
      if (!v.empty()) v.push_back(' ');
      v.append(trim(line));
    }
  }
  Article a;
  a.source = source;
  std::string published_raw;
  bool has_published = false;
  for (const auto& [key, value] : fields) {
    const std::string v = clean_field(yaml_scalar(value));
    if (key == "id") a.id = v;
    else if (key == "title") a.title = v;
    else if (key == "publisher") a.publisher = v;
    else if (key == "author") a.author = v;
    else if (key == "url") a.url = v;
    else if (key == "category") a.category = v;
    else if (key == "published_at" || key == "date") {
      published_raw = v;
      has_published = true;
    }
  }
  if (a.id.empty()) {
    a.id = file_stem(source);
    a.warnings.push_back("no id in front matter; using the file name '" + a.id + "'");
  }
  set_published_at(a, has_published ? published_raw : "");

  // Body: drop the title heading, the publisher/date line, rules and the crawl footer.
  std::string body;
  bool title_seen = false;
  for (std::size_t i = close + 1; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i]);
    if (t.empty()) {
      body.push_back('\n');
      continue;
    }
    if (is_rule_line(t) || is_footer_line(t) || is_byline_header(t)) continue;
    if (!title_seen && starts_with(t, "# ")) {
      title_seen = true;
      if (a.title.empty()) a.title = clean_field(t.substr(2));
      continue;
    }
    body += strip_markdown_inline(t);
    body.push_back('\n');
  }
  const std::string normalized_body = normalize_text(body);
  if (normalized_body.empty()) throw InputError("no body text after the front matter");
  a.text = build_text(a.title, normalized_body);
  finish(a);
  return a;
}

Article parse_json_record(std::string_view line, const std::string& source) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw InputError("not a JSON object (malformed JSON)");
  if (!j.is_object()) throw InputError("not a JSON object");
  auto get = [&](const char* key) -> std::string {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    throw InputError(std::string("field '") + key + "' must be a string");
  };
  Article a;
  a.source = source;
  a.id = clean_field(get("id"));
  a.title = clean_field(get("title"));
  a.publisher = clean_field(get("publisher"));
  a.author = clean_field(get("author"));
  a.url = clean_field(get("url"));
  a.category = clean_field(get("category"));
  std::string body = get("body");
  if (body.empty()) body = get("text");
  if (trim(body).empty()) throw InputError("record has no 'body' or 'text'");
  const std::string norm_body = normalize_text(body);
  if (norm_body.empty()) throw InputError("record has no 'body' or 'text'");
  // A record produced by `sillok extract` already carries the title as its first line; a
  // body that merely begins with the title's word ("정부" / "정부는 …") does not.
  const std::string_view first_line = std::string_view(norm_body).substr(0, norm_body.find('\n'));
  a.text = first_line == a.title ? norm_body : build_text(a.title, norm_body);
  set_published_at(a, get("published_at"));
  if (a.id.empty()) {
    a.id = "sha:" + content_fingerprint(a.text);
    a.warnings.push_back("record has no 'id'; using its content fingerprint '" + a.id + "'");
  }
  finish(a);
  return a;
}

Article parse_plain_text(std::string_view bytes, const std::string& id,
                         const std::string& source) {
  bytes = strip_boms(bytes);
  Article a;
  a.id = id;
  a.source = source;
  a.text = normalize_text(bytes);
  if (a.text.empty()) throw InputError("empty file");
  const std::size_t nl = a.text.find('\n');
  const std::string first_line = a.text.substr(0, nl);
  if (utf8::length(first_line) <= 120) a.title = first_line;
  a.warnings.push_back("plain text: no published_at" + std::string(kNoDate));
  finish(a);
  return a;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<ReadError>& errors) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back({p, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        errors.push_back({p, "cannot list directory: " + ec.message()});
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          errors.push_back({p, "cannot list directory: " + ec.message()});
          break;
        }
        const fs::path& fp = it->path();
        const std::string name = fp.filename().string();
        if (!name.empty() && name.front() == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file() || is_documentation_file(name)) continue;
        if (has_extension(fp, {".md", ".markdown", ".txt", ".jsonl", ".ndjson"})) {
          found.push_back(fp.string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

void read_buffer(std::string_view bytes, const std::string& source, const ReadOptions& options,
                 const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error) {
  InputFormat format = options.format;
  if (format == InputFormat::automatic) format = detect_format(bytes, source);
  if (format == InputFormat::jsonl) {
    std::string copy(bytes);
    std::istringstream in(copy);
    read_jsonl_stream(in, source, options, on_article, on_error);
    return;
  }
  try {
    if (bytes.size() > options.max_bytes) {
      throw InputError("file too large: " + std::to_string(bytes.size()) + " bytes (limit " +
                       std::to_string(options.max_bytes) + ")");
    }
    if (bytes.empty()) throw InputError("empty file");
    check_text_bytes(bytes);
    Article a = format == InputFormat::crawl
                    ? parse_crawl(bytes, source)
                    : parse_plain_text(bytes, file_stem(source), source);
    apply_default_date(a, options);
    on_article(std::move(a));
  } catch (const InputError& e) {
    on_error(ReadError{source, e.what()});
  }
}

void read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                 const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      const int c = std::cin.peek();
      if (c == '{' && (options.format == InputFormat::automatic ||
                       options.format == InputFormat::jsonl)) {
        read_jsonl_stream(std::cin, "<stdin>", options, on_article, on_error);
        continue;
      }
      std::string bytes;
      char buf[1 << 16];
      while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
        if (bytes.size() > options.max_bytes) break;
      }
      read_buffer(bytes, "<stdin>", options, on_article, on_error);
      continue;
    }
    const fs::path p(input);
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) {
      on_error(ReadError{input, "cannot read: " + ec.message()});
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      on_error(ReadError{input, std::string("cannot open: ") + std::strerror(errno)});
      continue;
    }
    const bool jsonl = options.format == InputFormat::jsonl ||
                       (options.format == InputFormat::automatic &&
                        has_extension(p, {".jsonl", ".ndjson"}));
    if (jsonl) {
      read_jsonl_stream(in, input, options, on_article, on_error);
      continue;
    }
    if (size > options.max_bytes) {
      on_error(ReadError{input, "file too large: " + std::to_string(size) + " bytes (limit " +
                                    std::to_string(options.max_bytes) + ")"});
      continue;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    read_buffer(bytes, input, options, on_article, on_error);
  }
}

}  // namespace sillok
