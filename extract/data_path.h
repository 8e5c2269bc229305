// Locating the shipped data files (gazetteers, rule tables).
#pragma once

#include <string>

namespace sillok {

// The directory holding the shipped data files, first match of:
//   $SILLOK_DATA_DIR; <exe dir>/../share/sillok/data; the install prefix's share/sillok/data;
//   the source tree's data/ (for build trees).
// Throws std::runtime_error naming every place tried when none has rules/particles.json.
std::string data_dir();

// data_dir() + "/" + relative.
std::string data_file(const std::string& relative);

}  // namespace sillok
