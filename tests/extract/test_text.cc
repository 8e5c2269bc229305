// Unit tests for the text basics of extract/: UTF-8, civil dates, normalization, sentence
// segmentation, the article reader (with the bad-input fixtures in tests/fixtures/bad/),
// the Aho–Corasick matcher, data-file loading and gazetteers.
//
// Tests named "Regression" pin bugs that were fixed; each fails if its bug comes back.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "extract/aho_corasick.h"
#include "extract/data_file.h"
#include "extract/data_path.h"
#include "extract/datetime.h"
#include "extract/gazetteer.h"
#include "extract/normalize.h"
#include "extract/reader.h"
#include "extract/segment.h"
#include "extract/utf8.h"
#include "tests/test_util.h"

namespace fs = std::filesystem;
using sillok::test::fixture;
using sillok::test::source_path;

namespace {

// ---------------------------------------------------------------------------------------
// Helpers

// A fresh directory under the system temp dir, removed with everything in it on scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("sillok_test_text_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `relative` (creating parent folders) and returns the full path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    const fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + p.string());
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// The single code point of a one-character UTF-8 literal.
char32_t cp_of(std::string_view s) {
  std::size_t pos = 0;
  return sillok::utf8::decode(s, pos);
}

// Everything read_inputs / read_buffer reported, in order.
struct ReadResult {
  std::vector<sillok::Article> articles;
  std::vector<sillok::ReadError> errors;
};

ReadResult read_all(const std::vector<std::string>& inputs,
                    const sillok::ReadOptions& options = {}) {
  ReadResult r;
  sillok::read_inputs(
      inputs, options, [&](sillok::Article&& a) { r.articles.push_back(std::move(a)); },
      [&](sillok::ReadError&& e) { r.errors.push_back(std::move(e)); });
  return r;
}

ReadResult read_bad(const std::string& name, const sillok::ReadOptions& options = {}) {
  return read_all({fixture("fixtures/bad/" + name)}, options);
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool any_warning_starts_with(const sillok::Article& a, std::string_view prefix) {
  return std::any_of(a.warnings.begin(), a.warnings.end(),
                     [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
}

// The sentences of `text` as strings.
std::vector<std::string> sentences(std::string_view text, std::size_t max_bytes = 4096) {
  std::vector<std::string> out;
  for (const sillok::ByteSpan& s : sillok::split_sentences(text, max_bytes)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

// The message of the DataError `f` throws, or "" when it throws nothing.
template <class F>
std::string data_error_of(F&& f) {
  try {
    f();
  } catch (const sillok::DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// =========================================================================================
// utf8

TEST_CASE("utf8: find_invalid accepts well-formed UTF-8", "[extract][utf8]") {
  const std::vector<std::string> valid = {
      "",
      "plain ASCII",
      "배경훈 과기정통부 부총리",
      "\xC2\x80",          // U+0080, smallest 2-byte
      "\xE0\xA0\x80",      // U+0800, smallest 3-byte
      "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
      "\xEE\x80\x80",      // U+E000, just above them
      "\xF0\x90\x80\x80",  // U+10000, smallest 4-byte
      "\xF0\x9F\x98\x80",  // U+1F600
      "\xF4\x8F\xBF\xBF",  // U+10FFFF, the last code point
  };
  for (const std::string& s : valid) {
    INFO("input bytes: " << s.size());
    CHECK_FALSE(sillok::utf8::find_invalid(s).has_value());
  }
}

TEST_CASE("utf8: find_invalid reports the first bad sequence", "[extract][utf8]") {
  struct Row {
    std::string bytes;
    std::size_t offset;
    const char* why;
  };
  const std::vector<Row> rows = {
      {"\xC0\xAF", 0, "overlong 2-byte '/'"},
      {"\xC1\xBF", 0, "overlong 2-byte"},
      {"ab\xE0\x80\xAF", 2, "overlong 3-byte"},
      {"\xF0\x80\x80\xAF", 0, "overlong 4-byte"},
      {"\xED\xA0\x80", 0, "high surrogate U+D800"},
      {"x\xED\xBF\xBF", 1, "low surrogate U+DFFF"},
      {"\xF4\x90\x80\x80", 0, "U+110000, above the last code point"},
      {"\xF5\x80\x80\x80", 0, "lead byte F5"},
      {"\xF8\x88\x80\x80\x80", 0, "5-byte form"},
      {"가\xEA\xB0", 3, "truncated 3-byte at the end"},
      {"\xE1\x84", 0, "truncated 3-byte alone"},
      {"\xF0\x9F\x98", 0, "truncated 4-byte"},
      {"a\x80", 1, "lone continuation byte"},
      {"\xFF", 0, "byte FF"},
      {"\xC3(", 0, "lead byte followed by ASCII"},
      {"\xE0\xA0(", 0, "3-byte sequence broken at its third byte"},
      {"ok 가나 \xE9t\xE9", 10, "Latin-1 e-acute after valid Hangul"},
  };
  for (const Row& r : rows) {
    INFO(r.why);
    const auto bad = sillok::utf8::find_invalid(r.bytes);
    REQUIRE(bad.has_value());
    CHECK(*bad == r.offset);
  }
}

TEST_CASE("utf8: encode, decode and decode_before round-trip", "[extract][utf8]") {
  using namespace sillok::utf8;
  const std::vector<std::pair<char32_t, std::size_t>> boundaries = {
      {0x41, 1},   {0x7F, 1},   {0x80, 2},    {0x7FF, 2},   {0x800, 3},
      {0xAC00, 3}, {0xFFFF, 3}, {0x10000, 4}, {0x1F600, 4}, {0x10FFFF, 4}};
  for (const auto& [cp, size] : boundaries) {
    INFO("U+" << std::hex << static_cast<unsigned long>(cp));
    const std::string bytes = encode(cp);
    CHECK(bytes.size() == size);
    CHECK_FALSE(find_invalid(bytes).has_value());
    std::size_t pos = 0;
    CHECK(decode(bytes, pos) == cp);
    CHECK(pos == bytes.size());
    std::size_t back = bytes.size();
    CHECK(decode_before(bytes, back) == cp);
    CHECK(back == 0);
  }

  const std::string mixed = "A가\xC2\xA9€😀Z배";
  const std::u32string expected = {U'A', 0xAC00, 0xA9, 0x20AC, 0x1F600, U'Z', 0xBC30};
  CHECK(to_u32(mixed) == expected);
  CHECK(from_u32(expected) == mixed);
  CHECK(length(mixed) == expected.size());

  // Walking backwards visits the same code points at the same offsets as walking forwards.
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < mixed.size();) {
    starts.push_back(pos);
    decode(mixed, pos);
  }
  std::vector<std::size_t> back_starts;
  std::u32string backwards;
  for (std::size_t pos = mixed.size(); pos > 0;) {
    backwards.insert(backwards.begin(), decode_before(mixed, pos));
    back_starts.insert(back_starts.begin(), pos);
  }
  CHECK(backwards == expected);
  CHECK(back_starts == starts);
}

TEST_CASE("utf8: CodePointIndex maps bytes and code points on mixed Hangul/ASCII",
          "[extract][utf8]") {
  // A I ␠ 배 경 훈 ␠ 부 총 리
  // 0 1 2 3 6 9 12 13 16 19 | end 22
  const std::string s = "AI 배경훈 부총리";
  const sillok::utf8::CodePointIndex index(s);
  CHECK(index.to_cp(0) == 0);
  CHECK(index.to_cp(3) == 3);
  CHECK(index.to_cp(6) == 4);
  CHECK(index.to_cp(12) == 6);
  CHECK(index.to_cp(13) == 7);
  CHECK(index.to_cp(22) == 10);
  CHECK(index.to_byte(3) == 3);
  CHECK(index.to_byte(4) == 6);
  CHECK(index.to_byte(9) == 19);
  CHECK(index.to_byte(10) == 22);
  for (std::size_t cp = 0; cp <= 10; ++cp) {
    INFO("cp " << cp);
    CHECK(index.to_cp(index.to_byte(cp)) == cp);
  }
  // The substring found by byte search has the code-point span the JSON contract reports.
  const std::size_t b = s.find("부총리");
  CHECK(index.to_cp(b) == 7);
  CHECK(index.to_cp(b + std::string("부총리").size()) == 10);

  const sillok::utf8::CodePointIndex empty("");
  CHECK(empty.to_cp(0) == 0);
  CHECK(empty.to_byte(0) == 0);
}

TEST_CASE("utf8: jongseong picks the final consonant", "[extract][utf8]") {
  using sillok::utf8::jongseong;
  CHECK(jongseong(cp_of("원")) == 4);  // ㄴ
  CHECK(jongseong(cp_of("부")) == 0);
  CHECK(jongseong(cp_of("가")) == 0);
  CHECK(jongseong(cp_of("각")) == 1);   // ㄱ
  CHECK(jongseong(cp_of("값")) == 18);  // ㅄ
  CHECK(jongseong(cp_of("힣")) == 27);  // ㅎ, the last syllable
  CHECK(jongseong(cp_of("을")) == 8);   // ㄹ
  CHECK(jongseong(U'A') == 0);
  CHECK(jongseong(cp_of("ㄱ")) == 0);  // a lone jamo is not a syllable
}

TEST_CASE("utf8: character classes", "[extract][utf8]") {
  using namespace sillok::utf8;
  CHECK(is_name_separator(cp_of("·")));   // U+00B7
  CHECK(is_name_separator(cp_of("ㆍ")));  // U+318D
  CHECK(is_name_separator(cp_of("・")));  // U+30FB
  CHECK(is_name_separator(cp_of("‧")));   // U+2027
  CHECK_FALSE(is_name_separator(U'.'));
  CHECK_FALSE(is_name_separator(U','));
  CHECK_FALSE(is_name_separator(U'-'));
  CHECK_FALSE(is_name_separator(cp_of("ㅡ")));

  CHECK(is_space(U' '));
  CHECK(is_space(0xA0));
  CHECK(is_space(0x3000));
  CHECK_FALSE(is_space(0x200B));  // zero-width space is invisible, not a space
  CHECK_FALSE(is_space(U'가'));

  CHECK(is_hangul_syllable(cp_of("가")));
  CHECK(is_hangul_syllable(cp_of("힣")));
  CHECK_FALSE(is_hangul_syllable(cp_of("ㄱ")));
  CHECK(is_compat_jamo(cp_of("ㄱ")));
  CHECK(is_word_char(cp_of("漢")));
  CHECK(is_word_char(U'7'));
  CHECK_FALSE(is_word_char(U'('));
  CHECK_FALSE(is_word_char(cp_of("·")));
}

// =========================================================================================
// datetime

TEST_CASE("datetime: to_days/from_days round-trip across leap years", "[extract][datetime]") {
  using sillok::CivilDate;
  CHECK(CivilDate{1970, 1, 1}.to_days() == 0);
  CHECK(CivilDate{2000, 3, 1}.to_days() == 11017);
  CHECK(CivilDate{2024, 2, 29}.to_days() == 19782);
  CHECK(CivilDate{2025, 12, 30}.to_days() == 20452);
  CHECK(CivilDate{1900, 1, 1}.to_days() == -25567);
  CHECK(CivilDate{1600, 2, 29}.to_days() == -135081);
  CHECK(CivilDate::from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(CivilDate::from_days(19782) == CivilDate{2024, 2, 29});

  // Every day from 1899 to 2101 (1900 and 2100 are not leap years, 2000 is): from_days
  // inverts to_days, and consecutive days are consecutive calendar dates.
  const long first = CivilDate{1899, 12, 25}.to_days();
  const long last = CivilDate{2101, 1, 5}.to_days();
  long failures = 0;
  std::string first_failure;
  CivilDate prev = CivilDate::from_days(first - 1);
  for (long d = first; d <= last; ++d) {
    const CivilDate c = CivilDate::from_days(d);
    const bool valid = sillok::make_date(c.year, c.month, c.day).has_value();
    const bool next = (c.year == prev.year && c.month == prev.month && c.day == prev.day + 1) ||
                      (c.day == 1 && prev.day == sillok::days_in_month(prev.year, prev.month));
    if (c.to_days() != d || !valid || !next) {
      if (failures++ == 0) first_failure = c.iso();
    }
    prev = c;
  }
  INFO("first failure: " << first_failure);
  CHECK(failures == 0);
  CHECK(last - first + 1 == 73426);  // 201 years and 12 days: the loop really ran
}

TEST_CASE("datetime: weekday of known dates", "[extract][datetime]") {
  using sillok::CivilDate;
  CHECK(CivilDate{2025, 12, 30}.weekday() == 1);  // Tuesday
  CHECK(CivilDate{2025, 12, 29}.weekday() == 0);  // Monday
  CHECK(CivilDate{1970, 1, 1}.weekday() == 3);    // Thursday
  CHECK(CivilDate{1969, 12, 31}.weekday() == 2);  // Wednesday, before the epoch
  CHECK(CivilDate{2000, 2, 29}.weekday() == 1);   // Tuesday
  CHECK(CivilDate{2024, 2, 29}.weekday() == 3);   // Thursday
  CHECK(CivilDate{1900, 1, 1}.weekday() == 0);    // Monday
  CHECK(CivilDate{2026, 1, 4}.weekday() == 6);    // Sunday
}

TEST_CASE("datetime: calendar rules and make_date", "[extract][datetime]") {
  CHECK(sillok::is_leap_year(2024));
  CHECK_FALSE(sillok::is_leap_year(2025));
  CHECK_FALSE(sillok::is_leap_year(1900));
  CHECK(sillok::is_leap_year(2000));
  CHECK(sillok::days_in_month(2024, 2) == 29);
  CHECK(sillok::days_in_month(2100, 2) == 28);
  CHECK(sillok::days_in_month(2025, 4) == 30);
  CHECK(sillok::days_in_month(2025, 13) == 0);
  CHECK_FALSE(sillok::make_date(2025, 2, 29).has_value());
  CHECK(sillok::make_date(2024, 2, 29).has_value());
  CHECK_FALSE(sillok::make_date(2025, 4, 31).has_value());
  CHECK_FALSE(sillok::make_date(2025, 0, 1).has_value());
  CHECK_FALSE(sillok::make_date(2025, 1, 0).has_value());
  CHECK_FALSE(sillok::make_date(0, 1, 1).has_value());
  CHECK(sillok::CivilDate{2025, 1, 5}.iso() == "2025-01-05");
  CHECK(sillok::CivilDate{2024, 2, 28}.add_days(1) == sillok::CivilDate{2024, 2, 29});
  CHECK(sillok::CivilDate{2024, 2, 28}.add_days(2) == sillok::CivilDate{2024, 3, 1});
  CHECK(sillok::CivilDate{2025, 12, 29}.add_days(-365) == sillok::CivilDate{2024, 12, 29});
  CHECK(sillok::CivilDate{2025, 12, 29} < sillok::CivilDate{2025, 12, 30});
  CHECK_FALSE(sillok::CivilDate{2026, 1, 1} < sillok::CivilDate{2025, 12, 31});
}

TEST_CASE("datetime: add_months clamps the day", "[extract][datetime]") {
  using sillok::CivilDate;
  struct Row {
    CivilDate from;
    int months;
    CivilDate to;
  };
  const std::vector<Row> rows = {
      {{2025, 1, 31}, 1, {2025, 2, 28}},   {{2024, 1, 31}, 1, {2024, 2, 29}},
      {{2025, 3, 31}, -1, {2025, 2, 28}},  {{2025, 12, 15}, 1, {2026, 1, 15}},
      {{2025, 1, 15}, -1, {2024, 12, 15}}, {{2025, 5, 31}, 13, {2026, 6, 30}},
      {{2025, 5, 31}, -12, {2024, 5, 31}}, {{2025, 1, 1}, -25, {2022, 12, 1}},
      {{2024, 2, 29}, 12, {2025, 2, 28}},  {{2025, 8, 31}, 0, {2025, 8, 31}},
  };
  for (const Row& r : rows) {
    INFO(r.from.iso() << " + " << r.months << " months");
    CHECK(r.from.add_months(r.months).iso() == r.to.iso());
  }
}

TEST_CASE("datetime: parse_timestamp accepted forms and offsets", "[extract][datetime]") {
  struct Row {
    const char* text;
    const char* iso;
    bool has_time;
  };
  const std::vector<Row> rows = {
      {"2025-12-29 00:00", "2025-12-29T00:00:00+09:00", true},
      {"2025-12-29T00:00:00+09:00", "2025-12-29T00:00:00+09:00", true},
      {"2025-12-29T15:00:00Z", "2025-12-29T15:00:00+00:00", true},
      {"2025.12.29 14:30", "2025-12-29T14:30:00+09:00", true},
      {"2025/12/29", "2025-12-29T00:00:00+09:00", false},
      {"2025-12-29", "2025-12-29T00:00:00+09:00", false},
      {"2025.12.29.", "2025-12-29T00:00:00+09:00", false},
      {"2025-1-5", "2025-01-05T00:00:00+09:00", false},
      {"2025-12-29T14:30:15.123+09:00", "2025-12-29T14:30:15+09:00", true},
      {"2025-12-29T14:30:00-05:00", "2025-12-29T14:30:00-05:00", true},
      {"2025-12-29T14:30:00+0530", "2025-12-29T14:30:00+05:30", true},
      {"2025-12-29T14:30+09", "2025-12-29T14:30:00+09:00", true},
      {"  \"2025-12-29 08:22:47\"  ", "2025-12-29T08:22:47+09:00", true},
      {"'2025-12-29'", "2025-12-29T00:00:00+09:00", false},
      {"2025-12-29 14:30 +09:00", "2025-12-29T14:30:00+09:00", true},
      {"2024-02-29 23:59:59", "2024-02-29T23:59:59+09:00", true},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    const auto ts = sillok::parse_timestamp(r.text);
    REQUIRE(ts.has_value());
    CHECK(ts->iso() == r.iso);
    CHECK(ts->has_time == r.has_time);
  }
  const auto minus = sillok::parse_timestamp("2025-12-29T14:30:00-05:00");
  REQUIRE(minus);
  CHECK(minus->utc_offset_minutes == -300);
  const auto zulu = sillok::parse_timestamp("2025-12-29T15:00:00Z");
  REQUIRE(zulu);
  CHECK(zulu->utc_offset_minutes == 0);
  CHECK(zulu->hour == 15);
  const auto kst = sillok::parse_timestamp("2025-12-29 00:00");
  REQUIRE(kst);
  CHECK(kst->utc_offset_minutes == 540);
}

TEST_CASE("datetime: parse_timestamp rejects everything else", "[extract][datetime]") {
  const std::vector<std::string> rejected = {
      "",
      "어제쯤",
      "2025",
      "2025-12",
      "2025-13-01",
      "2025-02-29",
      "2025-12-32",
      "2025-12/29",
      "25-12-29",
      "20251229",
      "12/29/2025",
      "2025-12-29x",
      "2025-12-29T",
      "2025-12-29 24:00",
      "2025-12-29 12:60",
      "2025-12-29 14:30 KST",
      "2025-12-29T14:30:00+15:00",
      "2025-12-29T14:30:00+09:61",
      "2025-12-29T14:30:00Zjunk",
      "2025-12-29T14:30:00+",
      "2025년 12월 29일",
  };
  for (const std::string& s : rejected) {
    INFO("'" << s << "'");
    CHECK_FALSE(sillok::parse_timestamp(s).has_value());
  }
}

// =========================================================================================
// normalize

TEST_CASE("normalize: HTML character references", "[extract][normalize]") {
  struct Row {
    std::string in;
    std::string out;
  };
  const std::vector<Row> rows = {
      {"&#x27;국가대표 AI&#x27;", "'국가대표 AI'"},
      {"&quot;인용&quot;", "\"인용\""},
      {"a&#x3D;b", "a=b"},
      {"&#39;", "'"},
      {"&#X41;&#xac00;", "A가"},
      {"&amp;#x27;", "'"},      // double-encoded
      {"&amp;quot;", "\""},     // double-encoded named
      {"&amp;amp;#x27;", "'"},  // triple-encoded: three rounds
      {"&lt;b&gt;", "<b>"},
      {"&middot;&hellip;", "·…"},
      {"a&nbsp;b", "a\u00A0b"},
      {"&foo;", "&foo;"},  // unknown name
      {"AT&T", "AT&T"},
      {"R&D 투자", "R&D 투자"},
      {"&amp", "&amp"},  // no semicolon
      {"&#xZZ;", "&#xZZ;"},
      {"&#x;", "&#x;"},
      {"&#;", "&#;"},
      {"&;", "&;"},
      {"&#0;", "&#0;"},                      // NUL is not a character reference we produce
      {"&#xD800;", "&#xD800;"},              // surrogate
      {"&#x110000;", "&#x110000;"},          // beyond Unicode
      {"&#12345678901;", "&#12345678901;"},  // too long to be a reference
      {"&#4294967337;", "&#4294967337;"},    // would overflow 32 bits
      {"&&amp;", "&&"},
      {"&#38;amp;", "&"},
      {"no entities here", "no entities here"},
  };
  for (const Row& r : rows) {
    INFO(r.in);
    const std::string got = sillok::decode_html_entities(r.in);
    CHECK(got == r.out);
    CHECK_FALSE(sillok::utf8::find_invalid(got).has_value());
  }
}

TEST_CASE("normalize: invisible characters are removed", "[extract][normalize]") {
  CHECK(sillok::strip_invisible("배\u200B경훈") == "배경훈");
  CHECK(sillok::strip_invisible("\uFEFF제목") == "제목");
  CHECK(sillok::strip_invisible("a\u00ADb") == "ab");  // soft hyphen
  CHECK(sillok::strip_invisible("a\u200Db\u2060c") == "abc");
  CHECK(sillok::strip_invisible("a\001b\177c") == "abc");      // C0 and DEL
  CHECK(sillok::strip_invisible("\u202Eabc\u202C") == "abc");  // bidi overrides
  CHECK(sillok::strip_invisible("a\tb\nc") == "a\tb\nc");      // tab and newline kept
  CHECK(sillok::strip_invisible("배경훈 · 부총리") == "배경훈 · 부총리");
  CHECK(sillok::normalize_text("배\u200B경\u200C훈") == "배경훈");
}

TEST_CASE("normalize: NFC and compatibility jamo composition", "[extract][normalize]") {
  const std::string nfd =
      sillok::utf8::from_u32(U"\u1107\u1162\u1100\u1167\u11BC\u1112\u116E\u11AB");
  REQUIRE(nfd != "배경훈");
  CHECK(sillok::nfc(nfd) == "배경훈");
  CHECK(sillok::normalize_text(nfd + " 부총리") == "배경훈 부총리");
  CHECK(sillok::nfc("e\u0301") == "\u00E9");

  CHECK(sillok::nfc("ㅂㅐㄱㅕㅇㅎㅜㄴ") == "배경훈");
  CHECK(sillok::nfc("ㄱㅣㅁ") == "김");
  CHECK(sillok::nfc("ㄱㅏㄱㅏ") == "가가");  // ㄱ before a vowel starts the next syllable
  CHECK(sillok::nfc("ㅇㅏㄴㄴㅕㅇ") == "안녕");
  CHECK(sillok::nfc("ㄷㅏㄺ") == "닭");  // double final consonant
  CHECK(sillok::nfc("ㅋㅋ") == "ㅋㅋ");  // lone jamo stay
  CHECK(sillok::nfc("AIㅋㅋ 웃음") == "AIㅋㅋ 웃음");
  CHECK(sillok::nfc("임우형ㆍ이홍락") == "임우형ㆍ이홍락");  // the separator stays
  CHECK(sillok::nfc("배경훈") == "배경훈");
}

TEST_CASE("normalize: whitespace rules", "[extract][normalize]") {
  struct Row {
    std::string in;
    std::string out;
  };
  const std::vector<Row> rows = {
      {"a \t  b", "a b"},        {"a\r\nb\rc", "a\nb\nc"},
      {"  앞뒤  ", "앞뒤"},      {"a\n\n\n\nb", "a\n\nb"},
      {"\n\n a\n\n", "a"},       {"a\u3000b", "a b"},
      {"a\u00A0\u00A0b", "a b"}, {"a\n  \n\t\nb", "a\n\nb"},
      {"a\u2028b", "a\nb"},      {"", ""},
      {" \n\t\r\n ", ""},
  };
  for (const Row& r : rows) {
    INFO("[" << r.in << "]");
    CHECK(sillok::normalize_whitespace(r.in) == r.out);
  }
}

TEST_CASE("normalize: normalize_text runs the whole pipeline", "[extract][normalize]") {
  CHECK(sillok::normalize_text("&#x27;국가대표&nbsp;AI&#x27;") == "'국가대표 AI'");
  CHECK(sillok::normalize_text("  &quot;시험대&quot;라며\r\n\r\n\r\n다음  줄 ") ==
        "\"시험대\"라며\n\n다음 줄");
  CHECK(sillok::normalize_text("&#x200B;배경훈") == "배경훈");  // entity that decodes to invisible
  CHECK(sillok::normalize_text("ㄱㅣㅁ&#x20;기자") == "김 기자");
}

TEST_CASE("normalize: normalize_text is idempotent", "[extract][normalize]") {
  const std::string seed =
      sillok::test::read_file(source_path("examples/seeds/000_5c0340f00aef317e.txt"));
  const std::vector<std::string> inputs = {
      seed,
      sillok::test::read_file(source_path("examples/seeds/002_f04b397c2416b6f8.txt")),
      "&amp;#x27;a&amp;#x27;",
      "&amp;amp;lt;b&amp;amp;gt;",
      "ㅂㅐㄱㅕㅇㅎㅜㄴ  \u200B ㅋㅋ",
      sillok::utf8::from_u32(U"\u1107\u1162 \u1100\u1167\u11BC"),
      "a\r\n\r\n\r\n\u3000b\u00A0\u00A0c\t",
      "R&D &nbsp; AT&T &unknown; &#xD800;",
      "&lt;&#x200B;&gt;",
  };
  for (const std::string& x : inputs) {
    INFO(x.substr(0, 80));
    const std::string once = sillok::normalize_text(x);
    CHECK(sillok::normalize_text(once) == once);
    CHECK_FALSE(sillok::utf8::find_invalid(once).has_value());
  }
}

// Regression: an invisible character inside a character reference survived the entity pass
// and was removed after it, so a second pass decoded a reference the first did not.
TEST_CASE("normalize: idempotent when invisible characters split a reference",
          "[extract][normalize]") {
  const std::string x = "&a\u200Bmp;lt;";
  const std::string once = sillok::normalize_text(x);
  CHECK(once == "<");
  CHECK(sillok::normalize_text(once) == once);
  // A reference that decodes to an invisible character leaves nothing behind.
  CHECK(sillok::normalize_text("a&#x200B;b&shy;c") == "abc");
}

// Regression: compatibility jamo are composed after NFC, so a conjoining final consonant
// that follows them composed only on a second pass ("ㄱㅏ" + U+11A8 -> "가" + U+11A8 -> "각").
TEST_CASE("normalize: idempotent when composed jamo meet a conjoining final",
          "[extract][normalize]") {
  const std::string x = "ㄱㅏ" + sillok::utf8::encode(0x11A8);
  const std::string once = sillok::normalize_text(x);
  CHECK(once == "각");
  CHECK(sillok::normalize_text(once) == once);
}

TEST_CASE("normalize: content_fingerprint is stable and discriminating", "[extract][normalize]") {
  const std::string a = sillok::content_fingerprint("배경훈 부총리");
  CHECK(a.size() == 16);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(sillok::content_fingerprint("배경훈 부총리") == a);
  CHECK(sillok::content_fingerprint("배경훈 부총리 ") != a);
  CHECK(sillok::content_fingerprint("배경훈 부총리.") != a);
  CHECK(sillok::content_fingerprint("") != sillok::content_fingerprint(" "));
}

// Regression: the offset basis was 1469598103934665603 (a digit short of FNV's
// 14695981039346656037), so the "FNV-1a 64" fingerprint did not match other tools.
// Published FNV-1a 64 test vectors:
TEST_CASE("normalize: content_fingerprint is FNV-1a 64", "[extract][normalize]") {
  CHECK(sillok::content_fingerprint("") == "cbf29ce484222325");
  CHECK(sillok::content_fingerprint("a") == "af63dc4c8601ec8c");
  CHECK(sillok::content_fingerprint("foobar") == "85944171f73967e8");
}

// =========================================================================================
// segment

TEST_CASE("segment: glued sentences split at the period", "[extract][segment]") {
  const auto s = sentences(
      "5개 정예팀이 성과를 처음으로 대외 공개한다.발표는 네이버클라우드를 시작으로 진행된다.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "5개 정예팀이 성과를 처음으로 대외 공개한다.");
  CHECK(s[1] == "발표는 네이버클라우드를 시작으로 진행된다.");
}

TEST_CASE("segment: decimals, domains and initials do not end a sentence", "[extract][segment]") {
  CHECK(sentences("목표는 95.5% 수준이다. 3.5%p 올랐다.") ==
        std::vector<std::string>{"목표는 95.5% 수준이다.", "3.5%p 올랐다."});
  CHECK(sentences("공지는 www.naver.com에 올라왔다.").size() == 1);
  CHECK(sentences("U.S. 정부가 발표했다.").size() == 1);
  const auto dated = sentences("2015. 3. 3. 발표했다.");
  REQUIRE_FALSE(dated.empty());
  CHECK(dated[0].rfind("2015. 3. 3.", 0) == 0);  // the date is not cut apart
  CHECK(sentences("12.30 발표회").size() == 1);
}

// Regression: '.' stayed inside a Latin token only with letters on both sides; a digit
// before it ("news1.kr") let the period end the sentence.
TEST_CASE("segment: a domain with a digit before the dot stays whole",
          "[extract][segment]") {
  CHECK(sentences("김정현 기자 (Kris@news1.kr)가 썼다.").size() == 1);
  CHECK(sentences("자세한 내용은 m.site2.co.kr에서 본다.").size() == 1);
  // A sentence ending in a number still ends before a Latin word that follows a space.
  CHECK(sentences("매출은 3조원이다. SK는 밝혔다.").size() == 2);
}

TEST_CASE("segment: quotes that run on into the reporting clause", "[extract][segment]") {
  const std::string t =
      "AI 업계 관계자는 \"이번 발표는 첫 시험대\"라며 \"신호탄이 될 것\"이라고 말했다.";
  CHECK(sentences(t) == std::vector<std::string>{t});

  const auto s = sentences("그는 \"준비는 끝났다.\"라고 말했다. 발표는 30일이다.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "그는 \"준비는 끝났다.\"라고 말했다.");
  CHECK(s[1] == "발표는 30일이다.");

  // A closing quote after the terminator stays with its sentence.
  CHECK(sentences("\"이건 끝났다.\" 그가 말했다.") ==
        std::vector<std::string>{"\"이건 끝났다.\"", "그가 말했다."});
  CHECK(sentences("정말인가?! 그렇다.") == std::vector<std::string>{"정말인가?!", "그렇다."});
}

TEST_CASE("segment: curly quotes, brackets and the ideographic full stop", "[extract][segment]") {
  CHECK(sentences("그는 “준비는 끝났다.”라고 말했다. 다음이다.") ==
        std::vector<std::string>{"그는 “준비는 끝났다.”라고 말했다.", "다음이다."});
  CHECK(sentences("발표했다.(사진) 다음이다.") ==
        std::vector<std::string>{"발표했다.", "(사진) 다음이다."});
  CHECK(sentences("끝났다。다음이다。") == std::vector<std::string>{"끝났다。", "다음이다。"});
  CHECK(sentences("주요 포인트는 ▲성능이다.▲적용 가능성이다.") ==
        std::vector<std::string>{"주요 포인트는 ▲성능이다.", "▲적용 가능성이다."});
  CHECK(sentences("SKT는 500B 모델을 공개했다.LG는 K-엑사원을 내세웠다.").size() == 2);
}

TEST_CASE("segment: newline ends a sentence and spans are trimmed", "[extract][segment]") {
  CHECK(sentences("제목 줄\n본문 첫 문장") == std::vector<std::string>{"제목 줄", "본문 첫 문장"});
  CHECK(sentences("\n\n  a  \n") == std::vector<std::string>{"a"});
  CHECK(sentences("").empty());
  CHECK(sentences("   \n\t ").empty());

  const std::string text = " 첫째다.둘째다! 셋째?\n넷째 ";
  const auto spans = sillok::split_sentences(text);
  REQUIRE(spans.size() == 4);
  std::size_t prev_end = 0;
  for (const auto& sp : spans) {
    CHECK(sp.begin >= prev_end);
    CHECK(sp.begin < sp.end);
    CHECK(text[sp.begin] != ' ');
    CHECK(text[sp.end - 1] != ' ');
    prev_end = sp.end;
  }
}

TEST_CASE("segment: max_bytes cuts long sentences at spaces", "[extract][segment]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += (i ? " " : "") + std::string("가나다");
  const auto spans = sillok::split_sentences(text, 64);
  REQUIRE(spans.size() > 1);
  std::string rebuilt;
  for (const auto& sp : spans) {
    const std::string piece = text.substr(sp.begin, sp.end - sp.begin);
    INFO(piece);
    CHECK(sp.end - sp.begin <= 64);
    CHECK_FALSE(sillok::utf8::find_invalid(piece).has_value());
    CHECK((sp.end == text.size() || text[sp.end] == ' '));  // cut at a space
    rebuilt += (rebuilt.empty() ? "" : " ") + piece;
  }
  CHECK(rebuilt == text);
}

TEST_CASE("segment: max_bytes without spaces cuts on code-point boundaries", "[extract][segment]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "가";
  const auto spans = sillok::split_sentences(text, 64);
  REQUIRE(spans.size() == (900 + 62) / 63);  // 21 Hangul syllables (63 bytes) per piece
  std::string rebuilt;
  for (const auto& sp : spans) {
    CHECK(sp.end - sp.begin <= 64);
    const std::string piece = text.substr(sp.begin, sp.end - sp.begin);
    CHECK_FALSE(sillok::utf8::find_invalid(piece).has_value());
    rebuilt += piece;
  }
  CHECK(rebuilt == text);
}

// Regression: a max_bytes smaller than one character made push_trimmed back up to the
// piece's start and loop forever on empty pieces. Each piece is now one whole code point.
TEST_CASE("segment: max_bytes smaller than a character still advances", "[extract][segment]") {
  const std::string text = "가나 다";
  for (const std::size_t max_bytes : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {
    INFO("max_bytes " << max_bytes);
    const auto spans = sillok::split_sentences(text, max_bytes);
    std::vector<std::string> pieces;
    for (const auto& sp : spans) pieces.push_back(text.substr(sp.begin, sp.end - sp.begin));
    CHECK(pieces == std::vector<std::string>{"가", "나", "다"});
  }
  // Four bytes hold one Hangul syllable plus one ASCII byte, never a broken character.
  const std::string mixed = "가a나b다";
  for (const auto& sp : sillok::split_sentences(mixed, 4)) {
    CHECK(sp.end > sp.begin);
    CHECK(sp.end - sp.begin <= 4);
    CHECK_FALSE(sillok::utf8::find_invalid(mixed.substr(sp.begin, sp.end - sp.begin)));
  }
}

// =========================================================================================
// reader: the crawl layout

TEST_CASE("reader: parse_crawl reads the 아시아경제 seed", "[extract][reader]") {
  const std::string path = source_path("examples/seeds/000_5c0340f00aef317e.txt");
  const sillok::Article a = sillok::parse_crawl(sillok::test::read_file(path), path);
  const std::string title = "베일 벗는 '국가대표 AI'…독자 파운데이션 모델 첫 성과 검증";
  CHECK(a.id == "277_0005699798");
  CHECK(a.title == title);
  CHECK(a.publisher == "아시아경제");
  REQUIRE(a.published_at.has_value());
  CHECK(a.published_at->iso() == "2025-12-29T00:00:00+09:00");
  CHECK(contains(a.author, "박유진 기자"));
  CHECK(a.url == "https://n.news.naver.com/mnews/article/277/0005699798");
  CHECK(a.source == path);
  CHECK(a.text.rfind(title + "\n\n", 0) == 0);
  CHECK_FALSE(contains(a.text, "Crawled at"));
  CHECK_FALSE(contains(a.text, "Source:"));
  CHECK_FALSE(contains(a.text, "**아시아경제**"));
  CHECK_FALSE(contains(a.text, "&#x27;"));
  CHECK_FALSE(contains(a.text, "&quot;"));
  CHECK_FALSE(contains(a.text, "\n---"));
  CHECK_FALSE(contains(a.text, "# "));
  CHECK(contains(a.text, "프로젝트의 첫 성과가 오는 30일 공개된다."));
  CHECK(contains(a.text, "\"이번 발표는 한국형 파운데이션 모델의"));
  CHECK(a.content_hash == sillok::content_fingerprint(a.text));
  CHECK(a.warnings.empty());
  CHECK(sillok::normalize_text(a.text) == a.text);
}

TEST_CASE("reader: parse_crawl reads the 뉴스1 seed", "[extract][reader]") {
  const std::string path = source_path("examples/seeds/002_f04b397c2416b6f8.txt");
  const sillok::Article a = sillok::parse_crawl(sillok::test::read_file(path), path);
  CHECK(a.id == "421_0008686824");
  CHECK(a.title == "'국가대표 AI' 프로젝트 1차 성과 공개…\"글로벌 AI 모델 수준\"");
  CHECK(a.publisher == "뉴스1");
  REQUIRE(a.published_at.has_value());
  CHECK(a.published_at->date == sillok::CivilDate{2025, 12, 30});
  CHECK(contains(a.author, "김정현 기자"));
  CHECK_FALSE(contains(a.text, "**뉴스1**"));
}

TEST_CASE("reader: parse_crawl errors", "[extract][reader]") {
  CHECK_THROWS_AS(sillok::parse_crawl("", "x.md"), sillok::InputError);
  CHECK_THROWS_WITH(sillok::parse_crawl(" \n\r\n ", "x.md"), Catch::Contains("empty"));
  CHECK_THROWS_WITH(sillok::parse_crawl("본문만 있다.\n", "x.md"),
                    Catch::Contains("missing front matter"));
  CHECK_THROWS_WITH(sillok::parse_crawl("---\nid: a\ntitle: b\n", "x.md"),
                    Catch::Contains("never closes"));
  CHECK_THROWS_WITH(sillok::parse_crawl("---\nid: a\n---\n\n---\n*Crawled at: x*\n", "x.md"),
                    Catch::Contains("no body"));
  // Missing id falls back to the file stem, with a warning.
  const sillok::Article a = sillok::parse_crawl("---\ntitle: 제목\n---\n본문이다.\n", "dir/abc.md");
  CHECK(a.id == "abc");
  CHECK(any_warning_starts_with(a, "no id"));
  CHECK(a.text == "제목\n\n본문이다.");
}

TEST_CASE("reader: markdown inline markup is stripped from the body", "[extract][reader]") {
  const sillok::Article a = sillok::parse_crawl(
      "---\nid: m1\ntitle: t\npublished_at: 2025-12-29\n---\n"
      "**굵게** 쓴 [링크 글](https://x.kr)와 ![그림](a.png)이다.\n> 인용이다.\n",
      "m1.md");
  CHECK(a.text == "t\n\n굵게 쓴 링크 글와 이다.\n인용이다.");
}

// =========================================================================================
// reader: JSON Lines and plain text

TEST_CASE("reader: JSON Lines records", "[extract][reader]") {
  const sillok::Article b = sillok::parse_json_record(
      R"({"id": "j1", "title": "제목", "body": "본문 &quot;인용&quot;.",)"
      R"( "published_at": "2025-12-30T14:30:00+09:00", "publisher": "뉴스1", "url": "https://x"})",
      "feed.jsonl:1");
  CHECK(b.id == "j1");
  CHECK(b.title == "제목");
  CHECK(b.text == "제목\n\n본문 \"인용\".");
  CHECK(b.publisher == "뉴스1");
  CHECK(b.source == "feed.jsonl:1");
  REQUIRE(b.published_at.has_value());
  CHECK(b.published_at->iso() == "2025-12-30T14:30:00+09:00");
  CHECK(b.content_hash == sillok::content_fingerprint(b.text));

  const sillok::Article t =
      sillok::parse_json_record(R"({"id": 42, "title": "제목", "text": "다른 키의 본문."})", "f:2");
  CHECK(t.id == "42");
  CHECK(t.text == "제목\n\n다른 키의 본문.");
  CHECK_FALSE(t.published_at.has_value());
  CHECK(any_warning_starts_with(t, "published_at missing"));

  // `body` wins over `text`; a text that already starts with the title is kept as is.
  const sillok::Article both = sillok::parse_json_record(
      R"({"id": "j3", "title": "제목", "body": "제목\n\n바디.", "text": "텍스트."})", "f:3");
  CHECK(both.text == "제목\n\n바디.");

  CHECK_THROWS_WITH(sillok::parse_json_record(R"({"id": "x", "title": "t"})", "f:4"),
                    Catch::Contains("no 'body' or 'text'"));
  CHECK_THROWS_WITH(sillok::parse_json_record(R"({"id": "x", "body": "   "})", "f:5"),
                    Catch::Contains("no 'body' or 'text'"));
  CHECK_THROWS_WITH(sillok::parse_json_record(R"({"id": "x", "body": "b)", "f:6"),
                    Catch::Contains("malformed JSON"));
  CHECK_THROWS_WITH(sillok::parse_json_record("[1, 2]", "f:7"),
                    Catch::Contains("not a JSON object"));
  CHECK_THROWS_WITH(sillok::parse_json_record(R"({"id": "x", "title": ["a"], "body": "b"})", "f:8"),
                    Catch::Contains("field 'title' must be a string"));
}

// Decided design (reader.h): a JSON Lines record without an id is kept, under the id
// "sha:<content fingerprint>", with a warning saying so.
TEST_CASE("reader: a JSON Lines record without an id gets its fingerprint", "[extract][reader]") {
  const sillok::Article a = sillok::parse_json_record(R"({"title": "t", "body": "본문."})", "f:1");
  CHECK(a.text == "t\n\n본문.");
  CHECK(a.id == "sha:" + sillok::content_fingerprint(a.text));
  CHECK(a.id.size() == 4 + 16);
  CHECK(std::any_of(a.warnings.begin(), a.warnings.end(), [&](const std::string& w) {
    return contains(w, "no 'id'") && contains(w, a.id);
  }));
}

// Regression: a body that merely started with the title's characters was taken as one that
// already carries the title line, so title "정부" and body "정부는 …" lost the title line.
TEST_CASE("reader: a body starting with the title's word still gets the title line",
          "[extract][reader]") {
  const sillok::Article a = sillok::parse_json_record(
      R"({"id": "p1", "title": "정부", "body": "정부는 30일 발표했다."})", "f:1");
  CHECK(a.text == "정부\n\n정부는 30일 발표했다.");
  // A body whose first line is the title (as `sillok extract` writes it) is not doubled.
  const sillok::Article b = sillok::parse_json_record(
      R"({"id": "p2", "title": "정부", "body": "정부\n\n정부는 30일 발표했다."})", "f:2");
  CHECK(b.text == "정부\n\n정부는 30일 발표했다.");
}

TEST_CASE("reader: plain text articles", "[extract][reader]") {
  const sillok::Article a =
      sillok::parse_plain_text("\xEF\xBB\xBF첫 줄 제목\n\n본문  이다.\n", "plain", "d/plain.txt");
  CHECK(a.id == "plain");
  CHECK(a.title == "첫 줄 제목");
  CHECK(a.text == "첫 줄 제목\n\n본문 이다.");
  CHECK_FALSE(a.published_at.has_value());
  CHECK(a.warnings.size() == 1);
  CHECK_THROWS_AS(sillok::parse_plain_text(" \n\u200B\n", "e", "e.txt"), sillok::InputError);

  // A first line too long to be a title is not used as one.
  const std::string long_line(200, 'x');
  CHECK(sillok::parse_plain_text(long_line, "l", "l.txt").title.empty());

  const ReadResult r = read_bad("plain.txt");
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "plain");
  CHECK(r.articles[0].title == "평문 기사 제목");
  CHECK(contains(r.articles[0].text, "본문만 있는 기사다. 공백이 많다."));
}

TEST_CASE("reader: check_text_bytes", "[extract][reader]") {
  CHECK_NOTHROW(sillok::check_text_bytes("\xEF\xBB\xBF배경훈"));
  CHECK_THROWS_WITH(sillok::check_text_bytes("ab\377c"), Catch::Contains("not UTF-8") &&
                                                             Catch::Contains("0xFF") &&
                                                             Catch::Contains("offset 2"));
  CHECK_THROWS_WITH(sillok::check_text_bytes(std::string("ab\0c", 4)),
                    Catch::Contains("binary") && Catch::Contains("offset 2"));
}

// =========================================================================================
// reader: the bad-input fixtures through read_inputs

TEST_CASE("reader: bad inputs become errors naming the file and the problem",
          "[extract][reader][fixtures]") {
  struct Row {
    const char* file;
    std::vector<std::string> message_parts;
  };
  const std::vector<Row> rows = {
      {"empty.md", {"empty file"}},
      {"latin1.md", {"not UTF-8", "0xE9", "offset 199"}},
      {"unclosed.md", {"front matter", "never closes"}},
      {"binary.md", {"binary file", "NUL byte at offset 29"}},
  };
  for (const Row& row : rows) {
    INFO(row.file);
    const ReadResult r = read_bad(row.file);
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].source == fixture(std::string("fixtures/bad/") + row.file));
    for (const std::string& part : row.message_parts) {
      INFO("message: " << r.errors[0].message << " / expected part: " << part);
      CHECK(contains(r.errors[0].message, part));
    }
  }
}

TEST_CASE("reader: a missing or unparseable published_at gives a warning, no date",
          "[extract][reader][fixtures]") {
  const ReadResult nodate = read_bad("nodate.md");
  REQUIRE(nodate.errors.empty());
  REQUIRE(nodate.articles.size() == 1);
  CHECK(nodate.articles[0].id == "t_nodate");
  CHECK_FALSE(nodate.articles[0].published_at.has_value());
  CHECK(any_warning_starts_with(nodate.articles[0], "published_at missing"));

  const ReadResult bad = read_bad("baddate.md");
  REQUIRE(bad.errors.empty());
  REQUIRE(bad.articles.size() == 1);
  CHECK_FALSE(bad.articles[0].published_at.has_value());
  REQUIRE(bad.articles[0].warnings.size() == 1);
  CHECK(contains(bad.articles[0].warnings[0], "어제쯤"));
  CHECK(contains(bad.articles[0].warnings[0], "not a date"));
}

TEST_CASE("reader: BOM and CRLF parse like the clean file", "[extract][reader][fixtures]") {
  const ReadResult r =
      read_all({fixture("fixtures/bad/clean.md"), fixture("fixtures/bad/bom_crlf.md")});
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 2);
  const sillok::Article& clean = r.articles[0];
  const sillok::Article& crlf = r.articles[1];
  CHECK(clean.id == "t_clean");
  CHECK(crlf.id == clean.id);
  CHECK(crlf.title == "정부, 'AI 기본법' 시행");
  CHECK(crlf.title == clean.title);
  CHECK(crlf.publisher == clean.publisher);
  CHECK(crlf.author == clean.author);
  CHECK(crlf.url == clean.url);
  CHECK(crlf.text == clean.text);
  CHECK_FALSE(contains(crlf.text, "\r"));
  CHECK_FALSE(contains(crlf.id, "\xEF\xBB\xBF"));
  CHECK(crlf.content_hash == clean.content_hash);
  REQUIRE(crlf.published_at.has_value());
  CHECK(crlf.published_at->iso() == "2025-12-29T09:30:00+09:00");
  CHECK(crlf.warnings == clean.warnings);
}

TEST_CASE("reader: the same article under two names reads twice with one hash",
          "[extract][reader][fixtures]") {
  const ReadResult r =
      read_all({fixture("fixtures/bad/dup_a.md"), fixture("fixtures/bad/dup_b.md")});
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == r.articles[1].id);
  CHECK(r.articles[0].content_hash == r.articles[1].content_hash);
  CHECK(r.articles[0].source != r.articles[1].source);
}

TEST_CASE("reader: a JSONL file with one broken line", "[extract][reader][fixtures]") {
  const std::string path = fixture("fixtures/bad/a.jsonl");
  const ReadResult r = read_all({path});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "j1");
  CHECK(r.articles[0].source == path + ":1");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].source == path + ":2");
  CHECK(contains(r.errors[0].source, "a.jsonl:2"));
  CHECK(contains(r.errors[0].message, "JSON"));
}

TEST_CASE("reader: front matter scalars are unquoted and decoded", "[extract][reader]") {
  const sillok::Article a = sillok::parse_crawl(
      "---\n"
      "id: 'q1'\n"
      "title: \"그는 \\\"예\\\"라고 &amp; 답했다\"\n"
      "publisher: '한국''s 일보'\n"
      "author:\n"
      "  홍길동 기자\n"
      "  hong@example.com\n"
      "category: 경제: 금융\n"
      "published_at: \"2025-12-29T10:00:00+09:00\"\n"
      "---\n"
      "본문이다.\n",
      "q1.md");
  CHECK(a.id == "q1");
  CHECK(a.title == "그는 \"예\"라고 & 답했다");
  CHECK(a.publisher == "한국's 일보");
  CHECK(a.author == "홍길동 기자 hong@example.com");
  CHECK(a.category == "경제: 금융");
  REQUIRE(a.published_at.has_value());
  CHECK(a.published_at->hour == 10);
  CHECK(a.text == "그는 \"예\"라고 & 답했다\n\n본문이다.");
}

TEST_CASE("reader: format detection by extension and content", "[extract][reader]") {
  TempDir dir;
  // A .md file must be in the crawl layout.
  const std::string md = dir.write("notes.md", "그냥 마크다운이다.\n");
  // A .txt file that starts with front matter is a crawl document.
  const std::string txt = dir.write("crawl.txt", "\n---\nid: c1\n---\n본문.\n");
  // A .txt without front matter is plain text.
  const std::string plain = dir.write("p.txt", "제목\n본문.\n");
  const ReadResult r = read_all({md, txt, plain});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].source == md);
  CHECK(contains(r.errors[0].message, "missing front matter"));
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "c1");
  CHECK(r.articles[1].id == "p");
  CHECK(r.articles[1].text == "제목\n본문.");
}

TEST_CASE("reader: JSON Lines with a BOM and CRLF line endings", "[extract][reader]") {
  TempDir dir;
  const std::string path = dir.write("feed.ndjson",
                                     "\xEF\xBB\xBF{\"id\": \"b1\", \"body\": "
                                     "\"하나.\"}\r\n{\"id\": \"b2\", \"body\": \"둘.\"}\r\n");
  const ReadResult r = read_all({path});
  CHECK(r.errors.empty());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "b1");
  CHECK(r.articles[0].text == "하나.");
  CHECK(r.articles[1].source == path + ":2");
}

TEST_CASE("reader: the seeds keep every surface the answer key needs", "[extract][reader]") {
  const auto gold =
      nlohmann::json::parse(sillok::test::read_file(fixture("fixtures/seeds.gold.json")));
  const std::map<std::string, std::string> files = {
      {"277_0005699798", "examples/seeds/000_5c0340f00aef317e.txt"},
      {"421_0008686824", "examples/seeds/002_f04b397c2416b6f8.txt"}};
  std::size_t surfaces = 0;
  for (const auto& [id, file] : files) {
    INFO(id);
    const ReadResult r = read_all({source_path(file)});
    REQUIRE(r.errors.empty());
    REQUIRE(r.articles.size() == 1);
    const sillok::Article& a = r.articles[0];
    const auto& g = gold.at("articles").at(id);
    CHECK(a.id == id);
    CHECK(a.publisher == g.at("publisher").get<std::string>());
    REQUIRE(a.published_at.has_value());
    CHECK(a.published_at->iso() == g.at("published_at").get<std::string>());
    for (const auto& e : g.at("entities")) {
      std::vector<std::string> names = {e.at("name").get<std::string>()};
      if (e.contains("aliases")) {
        for (const auto& al : e.at("aliases")) names.push_back(al.get<std::string>());
      }
      for (const std::string& n : names) {
        INFO("surface " << n);
        CHECK((contains(a.text, n) || contains(a.publisher, n) || contains(a.author, n)));
        ++surfaces;
      }
    }
    for (const auto& t : g.at("times")) {
      INFO("time " << t.at("text").get<std::string>());
      CHECK(contains(a.text, t.at("text").get<std::string>()));
    }
  }
  CHECK(surfaces > 20);
}

// Regression: file_stem cut at the first dot, so "2025.12.29-report.txt" got the id "2025"
// (and every file of that day the same id) instead of the stem "2025.12.29-report".
TEST_CASE("reader: plain text id is the whole file stem", "[extract][reader]") {
  TempDir dir;
  const ReadResult r = read_all({dir.write("2025.12.29-report.txt", "본문이다.\n")});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "2025.12.29-report");
  const ReadResult plain = read_all({dir.write("notes", "본문이다.\n")});
  REQUIRE(plain.articles.size() == 1);
  CHECK(plain.articles[0].id == "notes");
}

TEST_CASE("reader: every example article reads cleanly", "[extract][reader]") {
  std::vector<sillok::ReadError> errors;
  // The folders' README.md notes are skipped by the directory walk itself.
  const std::vector<std::string> inputs = sillok::expand_inputs({source_path("examples")}, errors);
  for (const std::string& f : inputs) CHECK(fs::path(f).filename() != "README.md");
  REQUIRE(errors.empty());
  REQUIRE(inputs.size() >= 10);
  const ReadResult r = read_all(inputs);
  CHECK(r.errors.empty());
  CHECK(r.articles.size() == inputs.size());
  std::set<std::string> ids;
  std::set<std::string> hashes;
  for (const sillok::Article& a : r.articles) {
    INFO(a.source);
    CHECK(a.published_at.has_value());
    CHECK_FALSE(a.title.empty());
    CHECK(a.text.rfind(a.title, 0) == 0);
    CHECK(sillok::normalize_text(a.text) == a.text);
    CHECK_FALSE(contains(a.text, "Crawled at"));
    CHECK_FALSE(sillok::split_sentences(a.text).empty());
    ids.insert(a.id);
    hashes.insert(a.content_hash);
  }
  CHECK(ids.size() == r.articles.size());
  CHECK(hashes.size() == r.articles.size());
}

TEST_CASE("reader: read_buffer detects JSON Lines and skips blank lines", "[extract][reader]") {
  ReadResult r;
  sillok::read_buffer(
      "{\"id\": \"s1\", \"body\": \"하나.\"}\n\n   \n{\"id\": \"s2\", \"body\": \"둘.\"}\n{oops\n",
      "<stdin>", {}, [&](sillok::Article&& a) { r.articles.push_back(std::move(a)); },
      [&](sillok::ReadError&& e) { r.errors.push_back(std::move(e)); });
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "s2");
  CHECK(r.articles[1].source == "<stdin>:4");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].source == "<stdin>:5");
}

TEST_CASE("reader: max_bytes refuses large inputs", "[extract][reader][fixtures]") {
  sillok::ReadOptions options;
  options.max_bytes = 100;
  const ReadResult r = read_bad("clean.md", options);
  CHECK(r.articles.empty());
  REQUIRE(r.errors.size() == 1);
  CHECK(contains(r.errors[0].message, "too large"));
  CHECK(contains(r.errors[0].message, "limit 100"));
  CHECK(contains(r.errors[0].message,
                 std::to_string(fs::file_size(fixture("fixtures/bad/clean.md")))));

  // JSON Lines are limited per record.
  const ReadResult j = read_bad("a.jsonl", options);
  CHECK(j.articles.empty());
  REQUIRE(j.errors.size() == 2);
  CHECK(contains(j.errors[0].message, "record too large"));

  options.max_bytes = 1000;
  CHECK(read_bad("clean.md", options).articles.size() == 1);
}

TEST_CASE("reader: default_date applies only when published_at is missing",
          "[extract][reader][fixtures]") {
  sillok::ReadOptions options;
  options.default_date = sillok::parse_timestamp("2025-12-31");
  REQUIRE(options.default_date.has_value());
  const ReadResult r =
      read_all({fixture("fixtures/bad/nodate.md"), fixture("fixtures/bad/clean.md"),
                fixture("fixtures/bad/plain.txt")},
               options);
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 3);
  REQUIRE(r.articles[0].published_at.has_value());
  CHECK(r.articles[0].published_at->date == sillok::CivilDate{2025, 12, 31});
  CHECK_FALSE(any_warning_starts_with(r.articles[0], "published_at"));
  REQUIRE(r.articles[1].published_at.has_value());
  CHECK(r.articles[1].published_at->iso() == "2025-12-29T09:30:00+09:00");
  REQUIRE(r.articles[2].published_at.has_value());
  CHECK(r.articles[2].published_at->date == sillok::CivilDate{2025, 12, 31});
}

// Regression: apply_default_date only dropped warnings starting with "published_at", so a
// plain-text article dated by --date kept "plain text: no published_at; stored without a date".
TEST_CASE("reader: default_date leaves no 'without a date' warning on plain text",
          "[extract][reader][fixtures]") {
  sillok::ReadOptions options;
  options.default_date = sillok::parse_timestamp("2025-12-31");
  const ReadResult r = read_bad("plain.txt", options);
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.articles[0].published_at.has_value());
  for (const std::string& w : r.articles[0].warnings) {
    INFO(w);
    CHECK_FALSE(contains(w, "without a date"));
  }
  CHECK(r.articles[0].published_at->date == sillok::CivilDate{2025, 12, 31});
  // Without --date the warning is there: the check above can fail.
  const ReadResult undated = read_bad("plain.txt");
  REQUIRE(undated.articles.size() == 1);
  CHECK(std::any_of(undated.articles[0].warnings.begin(), undated.articles[0].warnings.end(),
                    [](const std::string& w) { return contains(w, "without a date"); }));
}

TEST_CASE("reader: an explicit format overrides detection", "[extract][reader][fixtures]") {
  sillok::ReadOptions options;
  options.format = sillok::InputFormat::text;
  const ReadResult r = read_bad("clean.md", options);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "clean");  // plain text: the file stem
  CHECK(contains(r.articles[0].text, "published_at"));
}

// =========================================================================================
// reader: expand_inputs

TEST_CASE("reader: expand_inputs walks directories sorted, skipping hidden entries",
          "[extract][reader]") {
  TempDir dir;
  dir.write("b.md", "x");
  dir.write("a.txt", "x");
  dir.write("z.ndjson", "x");
  dir.write("sub/c.jsonl", "x");
  dir.write("sub/A.markdown", "x");
  dir.write("sub/deeper/d.MD", "x");
  dir.write(".hidden.md", "x");
  dir.write(".git/objects.md", "x");
  dir.write("image.png", "x");
  dir.write("notes", "x");
  const std::string explicit_file = dir.write("other.png", "x");

  std::vector<sillok::ReadError> errors;
  const std::string missing = dir.path() + "/does-not-exist";
  const auto inputs = sillok::expand_inputs({dir.path(), "-", missing, explicit_file}, errors);
  const std::string d = dir.path() + "/";
  const std::vector<std::string> expected = {
      d + "a.txt",    d + "b.md", d + "sub/A.markdown", d + "sub/c.jsonl", d + "sub/deeper/d.MD",
      d + "z.ndjson", "-",        explicit_file};
  CHECK(inputs == expected);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].source == missing);
  CHECK(contains(errors[0].message, "no such file"));
}

TEST_CASE("reader: expand_inputs skips documentation files in directories", "[extract][reader]") {
  TempDir dir;
  dir.write("README.md", "x");
  dir.write("readme.txt", "x");
  dir.write("sub/LICENSE.md", "x");
  dir.write("COPYING.txt", "x");
  dir.write("ChangeLog.md", "x");
  dir.write("NOTICE.txt", "x");
  dir.write("a.md", "x");
  dir.write("reader-survey.md", "x");  // an article whose name only resembles "README"
  const std::string readme = dir.path() + "/README.md";

  std::vector<sillok::ReadError> errors;
  const auto inputs = sillok::expand_inputs({dir.path(), readme}, errors);
  const std::string d = dir.path() + "/";
  // Named explicitly, a README is still read.
  CHECK(inputs == std::vector<std::string>{d + "a.md", d + "reader-survey.md", readme});
  CHECK(errors.empty());
}

TEST_CASE("reader: read_inputs reports unreadable paths and keeps going", "[extract][reader]") {
  TempDir dir;
  const std::string good = dir.write("good.md", "---\nid: g\n---\n본문.\n");
  const ReadResult r = read_all({dir.path() + "/gone.md", good});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].source == dir.path() + "/gone.md");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "g");
}

// =========================================================================================
// aho_corasick

namespace {

using Match = std::tuple<std::size_t, std::size_t, std::uint32_t>;

std::vector<Match> scan_all(const sillok::AhoCorasick& ac, std::string_view text) {
  std::vector<Match> out;
  ac.scan(text,
          [&](std::size_t b, std::size_t e, std::uint32_t id) { out.emplace_back(b, e, id); });
  return out;
}

}  // namespace

TEST_CASE("aho_corasick: overlapping patterns are all reported, longest first at one end",
          "[extract][aho_corasick]") {
  sillok::AhoCorasick ac;
  const auto kwa = ac.add("과학기술");
  const auto gisul = ac.add("기술정보");
  const auto full = ac.add("과학기술정보통신부");
  const auto jeongbo = ac.add("정보통신");
  const auto tongsin = ac.add("통신부");
  const auto bu = ac.add("부");
  ac.build();
  CHECK(ac.pattern_count() == 6);
  CHECK(ac.pattern(full) == "과학기술정보통신부");
  const std::vector<Match> expected = {
      {0, 12, kwa},  {6, 18, gisul},    {12, 24, jeongbo},
      {0, 27, full}, {18, 27, tongsin}, {24, 27, bu},
  };
  CHECK(scan_all(ac, "과학기술정보통신부와") == expected);
  CHECK(scan_all(ac, "무관한 문장").empty());
}

TEST_CASE("aho_corasick: repeated letters and nested suffixes", "[extract][aho_corasick]") {
  sillok::AhoCorasick ac;
  ac.add("a");
  ac.add("aa");
  ac.add("aaa");
  ac.build();
  const auto m = scan_all(ac, "aaaa");
  CHECK(m.size() == 9);  // 4 + 3 + 2
  CHECK(m[0] == Match{0, 1, 0});
  CHECK(m[1] == Match{0, 2, 1});
  CHECK(m[2] == Match{1, 2, 0});
  CHECK(m.back() == Match{3, 4, 0});
}

TEST_CASE("aho_corasick: Hangul and Latin patterns at byte offsets", "[extract][aho_corasick]") {
  sillok::AhoCorasick ac;
  const std::vector<std::string> pats = {"AI",       "LG AI연구원", "SKT",
                                         "SK텔레콤", "K-엑사원",    "연구원"};
  for (const auto& p : pats) ac.add(p);
  const auto dup = ac.add("AI");  // a duplicate: only the first id is reported
  ac.build();
  const std::string text = "LG AI연구원과 SK텔레콤(SKT)이 K-엑사원을 공개했다.";
  const auto m = scan_all(ac, text);
  std::multiset<std::string> found;
  for (const auto& [b, e, id] : m) {
    CHECK(text.substr(b, e - b) == ac.pattern(id));
    CHECK(id != dup);
    found.insert(ac.pattern(id));
  }
  const std::multiset<std::string> expected = {"AI",       "LG AI연구원", "연구원",
                                               "SK텔레콤", "SKT",         "K-엑사원"};
  CHECK(found == expected);
}

TEST_CASE("aho_corasick: misuse is rejected", "[extract][aho_corasick]") {
  sillok::AhoCorasick unbuilt;
  unbuilt.add("가");
  CHECK(scan_all(unbuilt, "가가").empty());  // scanning before build finds nothing
  sillok::AhoCorasick ac;
  CHECK_THROWS_AS(ac.add(""), std::invalid_argument);
  ac.add("x");
  ac.build();
  CHECK_THROWS_AS(ac.add("y"), std::logic_error);
  sillok::AhoCorasick none;
  none.build();
  CHECK(scan_all(none, "anything").empty());
}

TEST_CASE("aho_corasick: 10^4 random patterns match brute force", "[extract][aho_corasick]") {
  const std::vector<std::string> alphabet = {"가", "나", "다", "A", "B", "1"};
  std::mt19937 rng(20251230);
  auto random_string = [&](std::size_t len) {
    std::string s;
    for (std::size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  std::vector<std::string> patterns;
  std::set<std::string> seen;
  while (patterns.size() < 10000) {
    std::string p = random_string(1 + rng() % 9);
    if (seen.insert(p).second) patterns.push_back(std::move(p));
  }
  sillok::AhoCorasick ac;
  for (const auto& p : patterns) ac.add(p);
  ac.build();
  const std::string text = random_string(3000);

  std::vector<Match> expected;
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    const std::string& p = patterns[id];
    for (std::size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      expected.emplace_back(at, at + p.size(), id);
    }
  }
  std::vector<Match> got = scan_all(ac, text);
  // Order contract: by end position, longest first at one end.
  bool ordered = true;
  for (std::size_t i = 1; i < got.size(); ++i) {
    const auto& [b0, e0, i0] = got[i - 1];
    const auto& [b1, e1, i1] = got[i];
    if (e1 < e0 || (e1 == e0 && b1 <= b0)) ordered = false;
  }
  CHECK(ordered);
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  CHECK(expected.size() > 10000);  // the test really exercises many matches
  CHECK(got.size() == expected.size());
  CHECK(got == expected);
}

// =========================================================================================
// data_file

TEST_CASE("data_file: typed access names the file and JSON path", "[extract][data_file]") {
  const nlohmann::json doc = nlohmann::json::parse(R"({
    "name": "x", "count": 3, "flag": true, "list": ["a", 5], "items": [{"k": 1}, 7], "num": "3"
  })");
  const sillok::DataObject root(doc, "f.json", "");
  CHECK(root.string("name") == "x");
  CHECK(root.string("absent", false).empty());
  CHECK(root.integer("count", 0) == 3);
  CHECK(root.integer("absent", 9) == 9);
  CHECK(root.boolean("flag", false));
  CHECK(root.has("list"));
  CHECK(data_error_of([&] { root.string("absent"); }) == "f.json: /absent: missing");
  CHECK(data_error_of([&] { root.string("count"); }) == "f.json: /count: expected a string");
  CHECK(data_error_of([&] { root.integer("num", 0); }) == "f.json: /num: expected an integer");
  CHECK(data_error_of([&] { root.boolean("name", false); }) ==
        "f.json: /name: expected true or false");
  CHECK(data_error_of([&] { root.strings("list"); }) == "f.json: /list/1: expected a string");
  CHECK(data_error_of([&] { root.objects("items"); }) ==
        "f.json: /items/1: expected a JSON object");
  CHECK(data_error_of([&] { root.objects("absent"); }) == "f.json: /absent: missing");
  CHECK(root.objects("absent", false).empty());
}

TEST_CASE("data_file: load_json_file and expect_format errors", "[extract][data_file]") {
  TempDir dir;
  const std::string bad = dir.write("bad.json", "{\"format\": ");
  CHECK(contains(data_error_of([&] { sillok::load_json_file(bad); }), bad + ": not valid JSON"));
  const std::string missing = dir.path() + "/missing.json";
  CHECK(data_error_of([&] { sillok::load_json_file(missing); }) == missing + ": cannot open");
  const auto doc = nlohmann::json::parse(R"({"format": "sillok-rules", "version": 1})");
  CHECK(data_error_of([&] { sillok::expect_format(doc, "r.json", "sillok-gazetteer", 1); }) ==
        "r.json: /format: expected \"sillok-gazetteer\"");
  CHECK(data_error_of([&] { sillok::expect_format(doc, "r.json", "sillok-rules", 2); }) ==
        "r.json: /version: expected 2");
  CHECK_NOTHROW(sillok::expect_format(doc, "r.json", "sillok-rules", 1));
}

// =========================================================================================
// gazetteer

namespace {

std::string gazetteer_json(const std::string& id, const std::string& entries) {
  return R"({"format": "sillok-gazetteer", "version": 1, "id": ")" + id + R"(", "entries": [)" +
         entries + "]}";
}

// Government names with a renaming (미래창조과학부 -> 과학기술정보통신부 on 2017-07-26) and a
// three-step chain (구청 -> 중간청 -> 신청).
const char* const kGovEntries = R"(
  {"id": "miraebu", "name": "미래창조과학부", "type": "government", "aliases": ["미래부"],
   "valid_from": "2013-03-23", "valid_to": "2017-07-25", "successor": "msit"},
  {"id": "msit", "name": "과학기술정보통신부", "type": "government",
   "aliases": ["과기정통부", "과기부", "과학기술정보통신부"], "valid_from": "2017-07-26"},
  {"id": "old", "name": "구청", "type": "government", "valid_to": "2010-12-31", "successor": "mid"},
  {"id": "mid", "name": "중간청", "type": "government", "aliases": ["구청"],
   "valid_from": "2011-01-01", "valid_to": "2015-12-31", "successor": "new"},
  {"id": "new", "name": "신청", "type": "government", "valid_from": "2016-01-01",
   "parent": "국무총리"},
  {"id": "bank", "name": "은행", "type": "organization", "context": "strict"}
)";

const sillok::GazetteerEntry* resolve(const sillok::Gazetteer& g, const std::string& surface,
                                      std::optional<sillok::CivilDate> date) {
  const auto sid = g.surface_id(surface);
  if (!sid) return nullptr;
  return g.resolve(*sid, date);
}

}  // namespace

TEST_CASE("gazetteer: load, scan and entry fields", "[extract][gazetteer]") {
  TempDir dir;
  sillok::Gazetteer g;
  g.load_file(dir.write("gov.json", gazetteer_json("gov", kGovEntries)));
  g.build();
  CHECK(g.entry_count() == 6);
  CHECK(g.file_ids() == std::vector<std::string>{"gov"});
  const sillok::GazetteerEntry* msit = g.find_id("gov#msit");
  REQUIRE(msit != nullptr);
  CHECK(msit->name == "과학기술정보통신부");
  CHECK(msit->type == sillok::EntityType::government);
  CHECK(msit->aliases == std::vector<std::string>{"과기정통부", "과기부"});  // name not repeated
  REQUIRE(msit->valid_from.has_value());
  CHECK(*msit->valid_from == sillok::CivilDate{2017, 7, 26});
  CHECK_FALSE(msit->valid_to.has_value());
  CHECK(g.find_id("gov#miraebu")->successor == "gov#msit");
  CHECK(g.find_id("gov#new")->parent == "국무총리");
  CHECK(g.find_id("gov#bank")->strict);
  CHECK(g.find_id("gov#bank")->type == sillok::EntityType::organization);
  CHECK(g.find_id("msit") == nullptr);

  const std::string text = "미래부와 과기정통부는 은행에서";
  std::vector<std::string> hits;
  g.scan(text, [&](const sillok::GazetteerHit& h) {
    CHECK(text.substr(h.begin, h.end - h.begin) == g.surface(h.surface));
    hits.push_back(g.surface(h.surface));
  });
  CHECK(hits == std::vector<std::string>{"미래부", "과기정통부", "은행"});
  const auto shared = g.surface_id("구청");
  REQUIRE(shared.has_value());
  CHECK(g.entries_for(*shared).size() == 2);
}

TEST_CASE("gazetteer: resolve by date follows the successor chain", "[extract][gazetteer]") {
  TempDir dir;
  sillok::Gazetteer g;
  g.load_file(dir.write("gov.json", gazetteer_json("gov", kGovEntries)));
  g.build();
  using sillok::CivilDate;
  const auto* y2016 = resolve(g, "미래창조과학부", CivilDate{2016, 5, 1});
  REQUIRE(y2016 != nullptr);
  CHECK(y2016->id == "gov#miraebu");
  const auto* y2018 = resolve(g, "미래창조과학부", CivilDate{2018, 1, 1});
  REQUIRE(y2018 != nullptr);
  CHECK(y2018->id == "gov#msit");
  CHECK(resolve(g, "미래부", CivilDate{2017, 7, 25})->id == "gov#miraebu");  // last valid day
  CHECK(resolve(g, "미래부", CivilDate{2017, 7, 26})->id == "gov#msit");     // first day after
  CHECK(resolve(g, "과기정통부", CivilDate{2020, 1, 1})->id == "gov#msit");
  // Two hops: 구청 (ended 2010) -> 중간청 (ended 2015) -> 신청.
  CHECK(resolve(g, "구청", CivilDate{2005, 1, 1})->id == "gov#old");
  CHECK(resolve(g, "구청", CivilDate{2012, 1, 1})->id == "gov#mid");  // the alias is valid then
  CHECK(resolve(g, "중간청", CivilDate{2020, 1, 1})->id == "gov#new");
  CHECK(resolve(g, "구청", CivilDate{2020, 1, 1})->id == "gov#new");
  // No date: current names (no valid_to) first.
  CHECK(resolve(g, "과기부", std::nullopt)->id == "gov#msit");
  CHECK(resolve(g, "미래부", std::nullopt)->id == "gov#miraebu");
  CHECK_FALSE(g.surface_id("없는이름").has_value());
}

TEST_CASE("gazetteer: a user file with priority -1 wins", "[extract][gazetteer]") {
  TempDir dir;
  sillok::Gazetteer g;
  g.load_file(dir.write("gov.json", gazetteer_json("gov", kGovEntries)));
  g.load_file(dir.write("user.json",
                        gazetteer_json(
                            "user", R"({"id": "kgb", "name": "과학기술부", "type": "organization",
                                                   "aliases": ["과기부"]})")),
              -1);
  g.build();
  CHECK(g.file_ids() == std::vector<std::string>{"gov", "user"});
  const auto sid = g.surface_id("과기부");
  REQUIRE(sid.has_value());
  REQUIRE(g.entries_for(*sid).size() == 2);
  CHECK(g.entry(g.entries_for(*sid)[0]).id == "user#kgb");
  CHECK(g.entry(g.entries_for(*sid)[0]).priority == -1);
  CHECK(resolve(g, "과기부", sillok::CivilDate{2020, 1, 1})->id == "user#kgb");
  CHECK(resolve(g, "과기부", std::nullopt)->id == "user#kgb");
  CHECK(resolve(g, "과기정통부", sillok::CivilDate{2020, 1, 1})->id == "gov#msit");
}

TEST_CASE("gazetteer: load errors name the file and JSON path", "[extract][gazetteer]") {
  TempDir dir;
  struct Row {
    const char* why;
    std::string json;
    std::vector<std::string> parts;
  };
  const std::vector<Row> rows = {
      {"wrong format",
       R"({"format": "sillok-rules", "version": 1, "id": "x", "entries": []})",
       {"/format"}},
      {"wrong version",
       R"({"format": "sillok-gazetteer", "version": 2, "id": "x", "entries": []})",
       {"/version"}},
      {"no entries",
       R"({"format": "sillok-gazetteer", "version": 1, "id": "x"})",
       {"/entries", "missing"}},
      {"unknown type",
       gazetteer_json("x", R"({"id": "a", "name": "가", "type": "alien"})"),
       {"/entries/0/type", "alien"}},
      {"duplicate id",
       gazetteer_json("x", R"({"id": "a", "name": "가", "type": "place"},
                              {"id": "a", "name": "나", "type": "place"})"),
       {"/entries/1/id", "duplicate", "'a'"}},
      {"bad date",
       gazetteer_json("x",
                      R"({"id": "a", "name": "가", "type": "place", "valid_from": "2017-7-26"})"),
       {"/entries/0/valid_from", "2017-7-26"}},
      {"alias not a string",
       gazetteer_json("x", R"({"id": "a", "name": "가", "type": "place", "aliases": ["b", 3]})"),
       {"/entries/0/aliases/1"}},
      {"missing name",
       gazetteer_json("x", R"({"id": "a", "type": "place"})"),
       {"/entries/0/name", "missing"}},
      {"bad context",
       gazetteer_json("x", R"({"id": "a", "name": "가", "type": "place", "context": "loose"})"),
       {"/entries/0/context"}},
      {"missing successor",
       gazetteer_json("x", R"({"id": "a", "name": "가", "type": "place", "successor": "zz"})"),
       {"/entries/0/successor", "'zz'", "x#a"}},
      {"not JSON", "{\"format\": ", {"not valid JSON"}},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    const std::string path = dir.write("bad.json", row.json);
    sillok::Gazetteer g;
    const std::string message = data_error_of([&] { g.load_file(path); });
    INFO("message: " << message);
    CHECK(message.rfind(path + ": ", 0) == 0);
    for (const std::string& part : row.parts) CHECK(contains(message, part));
  }

  // The same gazetteer id twice.
  sillok::Gazetteer g;
  const std::string once = dir.write("one.json", gazetteer_json("same", ""));
  const std::string twice = dir.write("two.json", gazetteer_json("same", ""));
  g.load_file(once);
  const std::string message = data_error_of([&] { g.load_file(twice); });
  CHECK(message.rfind(twice + ": /id: ", 0) == 0);
  CHECK(contains(message, "already loaded"));
  CHECK(data_error_of([&] { g.load_file(dir.path() + "/nope.json"); }) ==
        dir.path() + "/nope.json: cannot open");
}

// Regression: the missing-successor error lacked the JSON path (/entries/1/successor) that
// DataError's contract ("<file>: <json path>: <problem>") promises.
TEST_CASE("gazetteer: a missing successor names its JSON path", "[extract][gazetteer]") {
  TempDir dir;
  const std::string path =
      dir.write("s.json", gazetteer_json("x", R"({"id": "b", "name": "나", "type": "place"},
                             {"id": "a", "name": "가", "type": "place", "successor": "zz"})"));
  sillok::Gazetteer g;
  const std::string message = data_error_of([&] { g.load_file(path); });
  CHECK(message.rfind(path + ": /entries/1/successor: ", 0) == 0);
  CHECK(contains(message, "'zz'"));
}

// Regression: resolve's comment promised "the nearest in time" for a date outside every
// validity range, but it returned the first entry in priority order whatever the distance.
TEST_CASE("gazetteer: a date before every validity range picks the nearest entry",
          "[extract][gazetteer]") {
  TempDir dir;
  sillok::Gazetteer g;
  g.load_file(dir.write(
      "n.json", gazetteer_json("n", R"({"id": "late", "name": "위원회", "type": "government",
                              "valid_from": "2020-01-01"},
                             {"id": "early", "name": "옛위원회", "type": "government",
                              "aliases": ["위원회"], "valid_from": "2001-01-01",
                              "valid_to": "2019-12-31", "successor": "late"})")));
  g.build();
  const auto* e = resolve(g, "위원회", sillok::CivilDate{1999, 6, 1});
  REQUIRE(e != nullptr);
  CHECK(e->id == "n#early");
  // Inside a range the range wins; after the old name ended its successor applies.
  CHECK(resolve(g, "위원회", sillok::CivilDate{2010, 1, 1})->id == "n#early");
  CHECK(resolve(g, "위원회", sillok::CivilDate{2021, 1, 1})->id == "n#late");
}

TEST_CASE("gazetteer: the shipped government gazetteer renames 미래창조과학부",
          "[extract][gazetteer]") {
  sillok::Gazetteer g;
  g.load_file(sillok::data_file("gazetteers/government.json"));
  g.build();
  const auto* y2016 = resolve(g, "미래창조과학부", sillok::CivilDate{2016, 5, 1});
  const auto* y2018 = resolve(g, "미래창조과학부", sillok::CivilDate{2018, 5, 1});
  REQUIRE(y2016 != nullptr);
  REQUIRE(y2018 != nullptr);
  CHECK(y2016->name == "미래창조과학부");
  CHECK(y2018->name == "과학기술정보통신부");
}

TEST_CASE("gazetteer: add and build misuse", "[extract][gazetteer]") {
  sillok::Gazetteer g;
  sillok::GazetteerEntry e;
  e.id = "t#1";
  e.name = "배경훈";
  e.type = sillok::EntityType::person;
  g.add(e);
  CHECK_THROWS_AS(g.add(e), sillok::DataError);  // duplicate id
  g.build();
  e.id = "t#2";
  CHECK_THROWS_AS(g.add(e), std::logic_error);
  std::size_t hits = 0;
  g.scan("배경훈 부총리와 배경훈", [&](const sillok::GazetteerHit&) { ++hits; });
  CHECK(hits == 2);
}
