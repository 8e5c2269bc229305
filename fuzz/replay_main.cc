// A main() for the fuzz targets without libFuzzer (g++, or clang without -fsanitize=fuzzer):
// runs LLVMFuzzerTestOneInput once on each file named on the command line, or on every file
// of each directory named. Used to replay the seed corpora and the regression inputs in
// tests/fixtures/fuzz/ as ordinary tests. Exit 0 when every input ran (a violated invariant
// aborts); 1 when an input cannot be read or nothing was given.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "replay: " << path.string() << ": cannot open\n";
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::cerr << "replay: " << path.string() << " (" << bytes.size() << " bytes)\n";
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t ran = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::vector<fs::path> files;
    if (fs::is_directory(arg)) {
      for (const auto& entry : fs::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(arg);
    }
    for (const fs::path& f : files) {
      if (!run_file(f)) return 1;
      ++ran;
    }
  }
  std::cerr << "replay: " << ran << " inputs, all invariants held\n";
  return ran > 0 ? 0 : 1;
}
