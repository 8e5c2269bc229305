// Loading the JSON data files (gazetteers, rule tables) with errors that name the file and the
// JSON path of the problem: "data/rules/titles.json: /titles/3/forms/0: expected a string".
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sillok {

// A data file that cannot be used. what() is "<file>: <json path>: <problem>".
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and parses a JSON file. Throws DataError for a missing file or a syntax error
// (with the parser's byte position).
nlohmann::json load_json_file(const std::string& path);

// Checks the file's "format" member equals `format` and its "version" is `version`.
void expect_format(const nlohmann::json& doc, const std::string& path, std::string_view format,
                   int version);

// Typed access to one JSON object, with errors naming the file and JSON path.
class DataObject {
 public:
  DataObject(const nlohmann::json& value, std::string file, std::string path);

  // The member as a string; `required` members that are missing are an error, optional
  // missing ones give "".
  std::string string(const char* key, bool required = true) const;
  // The member as a list of strings (missing -> empty).
  std::vector<std::string> strings(const char* key) const;
  bool boolean(const char* key, bool fallback) const;
  int integer(const char* key, int fallback) const;
  // The member as an array of objects (missing -> empty when !required).
  std::vector<DataObject> objects(const char* key, bool required = true) const;
  bool has(const char* key) const { return value_.contains(key); }
  // Throws DataError for this object's location.
  [[noreturn]] void fail(const std::string& problem) const;
  [[noreturn]] void fail(const char* key, const std::string& problem) const;
  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }

 private:
  const nlohmann::json& value_;
  std::string file_;
  std::string path_;
};

// A set of strings with dense ids, looked up by std::string_view without building a
// std::string (C++17's unordered containers have no heterogeneous lookup, and the recognizer
// probes these tables for every word and suffix). Open addressing over ids into its own key
// storage, so copies and moves stay valid. Ids are dense in insertion order; inserting a key
// twice returns the first id. Not thread-safe for insert(); find() is safe concurrently.
class StringIndex {
 public:
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;

  // The id of `key`, adding it when new.
  std::uint32_t insert(std::string_view key);
  // The id of `key`, or npos.
  std::uint32_t find(std::string_view key) const {
    if (slots_.empty()) return npos;
    const std::uint32_t h = hash(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return npos;
      const auto id = static_cast<std::uint32_t>(slot) - 1;
      if (static_cast<std::uint32_t>(slot >> 32) == h && keys_[id] == key) return id;
    }
  }
  bool contains(std::string_view key) const { return find(key) != npos; }
  const std::string& key(std::uint32_t id) const { return keys_[id]; }
  std::size_t size() const { return keys_.size(); }
  // Bytes of the longest key (0 when empty): callers probing suffixes stop there.
  std::size_t max_key_bytes() const { return max_key_bytes_; }
  void reserve(std::size_t n);

  // FNV-1a: short keys (a few Hangul syllables) dominate, where it beats std::hash.
  static std::uint32_t hash(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

 private:
  void rehash(std::size_t slot_count);

  void place(std::uint32_t hash, std::uint32_t id);

  std::vector<std::string> keys_;
  // hash << 32 | (id + 1), 0 = empty; power-of-two size, load <= 1/2. The hash sits in the
  // slot so that a miss (most probes) touches no key.
  std::vector<std::uint64_t> slots_;
  std::size_t max_key_bytes_ = 0;
};

// The root object of a rule table after its "format" and "version" were checked. `doc` must
// outlive the returned object (DataObject refers to it).
DataObject open_table(const nlohmann::json& doc, const std::string& path, std::string_view format,
                      int version = 1);

// The member `key` of `obj` (a list of strings; missing -> empty) as a table of NFC-normalized
// strings, so that data written in any normalization form matches normalized text.
StringIndex normalized_strings(const DataObject& obj, const char* key);

}  // namespace sillok
