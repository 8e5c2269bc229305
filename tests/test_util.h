// Helpers shared by the test suites: fixture paths and file reading.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sillok::test {

// Absolute path of a file under tests/ ("fixtures/seeds.json").
inline std::string fixture(const std::string& relative) {
  return std::string(SILLOK_TEST_DIR) + "/" + relative;
}

// Absolute path of a file in the source tree ("examples/seeds/a.txt").
inline std::string source_path(const std::string& relative) {
  return std::string(SILLOK_SOURCE_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sillok::test
