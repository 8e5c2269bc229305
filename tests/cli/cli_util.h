// What the end-to-end CLI suites share: a scratch directory, shell quoting, and running the
// `sillok` binary (SILLOK_BINARY) with its status, stdout and stderr captured.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace sillok::test {

// The two seed articles (paths from the source root) and their ids.
inline const std::string kSeedA = "examples/seeds/000_5c0340f00aef317e.txt";  // 아시아경제, 2025-12-29
inline const std::string kSeedB = "examples/seeds/002_f04b397c2416b6f8.txt";  // 뉴스1, 2025-12-30
inline const std::string kSeedAId = "277_0005699798";
inline const std::string kSeedBId = "421_0008686824";

// TempDir: tests/test_util.h.

// Single-quotes a word for /bin/sh.
inline std::string quote(const std::string& word) {
  std::string out = "'";
  for (const char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string stdin_file;  // redirected into the command when not empty
  std::string env;         // "NAME=value" assignments placed before the binary (already quoted)
};

// Runs `sillok <args>` in `dir`. `args` is shell text: callers quote paths with quote().
// SILLOK_DB is unset unless `options.env` sets it, so the developer's environment never leaks in.
inline Result run_in(const TempDir& dir, const std::string& args, const RunOptions& options = {}) {
  // Run outside ctest (which sets it), the binary still finds the shipped data.
  setenv("SILLOK_DATA_DIR", (std::string(SILLOK_SOURCE_DIR) + "/data").c_str(), 0);
  const std::string out_file = dir.file(".stdout");
  const std::string err_file = dir.file(".stderr");
  std::string command = "cd " + quote(dir.path().string()) + " && unset SILLOK_DB && " + options.env +
                        " " + quote(SILLOK_BINARY) + " " + args + " >" + quote(out_file) + " 2>" +
                        quote(err_file);
  if (!options.stdin_file.empty()) command += " <" + quote(options.stdin_file);
  const int raw = std::system(command.c_str());
  Result r;
  if (raw != -1 && WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
  r.out = read_file(out_file);
  r.err = read_file(err_file);
  return r;
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << bytes;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace sillok::test
