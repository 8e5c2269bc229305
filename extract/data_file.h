// Loading the JSON data files (gazetteers, rule tables) with errors that name the file and the
// JSON path of the problem: "data/rules/titles.json: /titles/3/forms/0: expected a string".
#pragma once

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

}  // namespace sillok
