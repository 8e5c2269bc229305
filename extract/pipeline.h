// The extraction pipeline: Article in, Extraction out.
//
//   Extractor ex = Extractor::load(ExtractorOptions{});     // shipped data + user gazetteers
//   Extraction x = ex.extract(article);
//
// Stages: sentences -> entities and relations (Recognizer) -> time expressions (TimeTagger,
// anchored on published_at) -> event mentions. Pure: no files are read after load(), no
// global state; one Extractor serves many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/types.h"

namespace sillok {

struct ExtractorOptions {
  std::string data_dir;                      // "" = data_dir() (extract/data_path.h)
  std::vector<std::string> user_gazetteers;  // extra gazetteer files; their entries win
  std::vector<std::string> disabled_gazetteers;  // shipped gazetteer ids not to load ("places")
  std::string time_profile;  // time.json convention profile; "" = its default ("news")
};

class Extractor {
 public:
  // Loads rules and gazetteers. Throws DataError (file and problem) or std::runtime_error.
  static Extractor load(const ExtractorOptions& options);
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  Extraction extract(const Article& article) const;

  // Gazetteer size, for diagnostics and benchmarks.
  std::size_t gazetteer_surfaces() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sillok
