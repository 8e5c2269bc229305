#include "extract/data_file.h"

#include <fstream>
#include <sstream>

#include "extract/utf8.h"

namespace sillok {

nlohmann::json load_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  try {
    return nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw DataError(path + ": not valid JSON: " + e.what());
  }
}

void expect_format(const nlohmann::json& doc, const std::string& path, std::string_view format,
                   int version) {
  if (!doc.is_object()) throw DataError(path + ": /: expected a JSON object");
  const auto f = doc.find("format");
  if (f == doc.end() || !f->is_string() || f->get<std::string>() != format) {
    throw DataError(path + ": /format: expected \"" + std::string(format) + "\"");
  }
  const auto v = doc.find("version");
  if (v == doc.end() || !v->is_number_integer() || v->get<int>() != version) {
    throw DataError(path + ": /version: expected " + std::to_string(version));
  }
}

DataObject::DataObject(const nlohmann::json& value, std::string file, std::string path)
    : value_(value), file_(std::move(file)), path_(std::move(path)) {
  if (!value_.is_object()) fail("expected a JSON object");
}

void DataObject::fail(const std::string& problem) const {
  throw DataError(file_ + ": " + (path_.empty() ? "/" : path_) + ": " + problem);
}

void DataObject::fail(const char* key, const std::string& problem) const {
  throw DataError(file_ + ": " + path_ + "/" + key + ": " + problem);
}

std::string DataObject::string(const char* key, bool required) const {
  const auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return {};
  }
  if (!it->is_string()) fail(key, "expected a string");
  std::string s = it->get<std::string>();
  if (utf8::find_invalid(s)) fail(key, "not valid UTF-8");
  return s;
}

std::vector<std::string> DataObject::strings(const char* key) const {
  std::vector<std::string> out;
  const auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return out;
  if (!it->is_array()) fail(key, "expected an array of strings");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    if (!v.is_string()) fail((std::string(key) + "/" + std::to_string(i)).c_str(), "expected a string");
    out.push_back(v.get<std::string>());
  }
  return out;
}

bool DataObject::boolean(const char* key, bool fallback) const {
  const auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) fail(key, "expected true or false");
  return it->get<bool>();
}

int DataObject::integer(const char* key, int fallback) const {
  const auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) fail(key, "expected an integer");
  return it->get<int>();
}

std::vector<DataObject> DataObject::objects(const char* key, bool required) const {
  std::vector<DataObject> out;
  const auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return out;
  }
  if (!it->is_array()) fail(key, "expected an array");
  out.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) {
    out.emplace_back((*it)[i], file_, path_ + "/" + key + "/" + std::to_string(i));
  }
  return out;
}

}  // namespace sillok
