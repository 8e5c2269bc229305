#include "extract/data_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extract/normalize.h"
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

std::uint32_t StringIndex::insert(std::string_view key) {
  if (const std::uint32_t id = find(key); id != npos) return id;
  if ((keys_.size() + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(16, slots_.size() * 2));
  const auto id = static_cast<std::uint32_t>(keys_.size());
  keys_.emplace_back(key);
  max_key_bytes_ = std::max(max_key_bytes_, key.size());
  place(hash(key), id);
  return id;
}

void StringIndex::place(std::uint32_t h, std::uint32_t id) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = static_cast<std::uint64_t>(h) << 32 | (id + 1u);
}

void StringIndex::reserve(std::size_t n) {
  keys_.reserve(n);
  std::size_t want = 16;
  while (want < n * 2) want *= 2;
  if (want > slots_.size()) rehash(want);
}

void StringIndex::rehash(std::size_t slot_count) {
  std::vector<std::uint64_t> old(slot_count, 0);
  old.swap(slots_);
  for (const std::uint64_t slot : old) {
    if (slot != 0) {
      place(static_cast<std::uint32_t>(slot >> 32), static_cast<std::uint32_t>(slot) - 1);
    }
  }
}

DataObject open_table(const nlohmann::json& doc, const std::string& path, std::string_view format,
                      int version) {
  expect_format(doc, path, format, version);
  return DataObject(doc, path, "");
}

StringIndex normalized_strings(const DataObject& obj, const char* key) {
  StringIndex out;
  for (const std::string& s : obj.strings(key)) out.insert(normalize_text(s));
  return out;
}

}  // namespace sillok
