// The one Extractor the extract suites share: loading the gazetteers is the expensive part,
// so test_recognizer.cc and test_events.cc (one executable) load it once. The data directory
// comes from $SILLOK_DATA_DIR (set by ctest); a manual run falls back to the source tree.
#pragma once

#include <cstdlib>
#include <string>

#include "extract/pipeline.h"
#include "tests/test_util.h"

namespace sillok::test {

inline const Extractor& shared_extractor() {
  static const Extractor ex = [] {
    ExtractorOptions options;
    if (std::getenv("SILLOK_DATA_DIR") == nullptr) options.data_dir = source_path("data");
    return Extractor::load(options);
  }();
  return ex;
}

// A readable list of what was found, for INFO() when an assertion fails.
inline std::string describe(const Extraction& x) {
  std::string out;
  for (const Entity& e : x.entities) {
    out += "[" + e.name + "/" + std::string(to_string(e.type)) + ":";
    for (const auto& m : e.mentions) out += " '" + m.text + "'(" + m.rule + ")";
    out += "] ";
  }
  for (const auto& r : x.relations) out += "{" + r.subject + " -" + r.role + "-> " + r.object + "} ";
  return out;
}

}  // namespace sillok::test
