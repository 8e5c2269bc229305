#include "extract/data_path.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace sillok {
namespace fs = std::filesystem;

namespace {

std::string exe_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

std::string data_dir() {
  std::vector<std::string> tried;
  if (const char* env = std::getenv("SILLOK_DATA_DIR"); env != nullptr && *env != '\0') {
    tried.emplace_back(env);
  }
  if (const std::string e = exe_dir(); !e.empty()) tried.push_back(e + "/../share/sillok/data");
  tried.emplace_back(SILLOK_INSTALL_DATA_DIR);
  tried.emplace_back(SILLOK_SOURCE_DATA_DIR);
  for (const std::string& dir : tried) {
    std::error_code ec;
    if (fs::exists(fs::path(dir) / "rules" / "particles.json", ec)) {
      return fs::weakly_canonical(dir, ec).string();
    }
  }
  std::string msg = "sillok data files not found; tried:";
  for (const std::string& d : tried) msg += " " + d;
  msg += " (set SILLOK_DATA_DIR)";
  throw std::runtime_error(msg);
}

std::string data_file(const std::string& relative) { return data_dir() + "/" + relative; }

}  // namespace sillok
