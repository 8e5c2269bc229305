// sillok extract: articles in, one JSON object per article out (no database).
#include <iostream>

#include "cli/common.h"
#include "extract/json_output.h"
#include "extract/pipeline.h"
#include "extract/reader.h"

namespace sillok::cli {

Command register_extract(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    std::string date;
    std::string format;
    DataOptions data;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract entities, relations, times and events; print one JSON object per article");
  cmd->add_option("paths", st->paths, "Files, directories (recursive) or - for standard input")
      ->required();
  cmd->add_option("--date", st->date,
                  "Anchor for relative dates of articles without published_at (ISO 8601)");
  add_format_option(*cmd, st->format, {"json"});
  add_data_options(*cmd, st->data);
  return {cmd, [st]() {
            ReadOptions options;
            options.default_date = parse_date_option(st->date);
            const Extractor extractor = make_extractor(st->data);
            std::vector<ReadError> errors;
            const std::vector<std::string> inputs = expand_inputs(st->paths, errors);
            for (const ReadError& e : errors) std::cerr << "sillok extract: " << e.source << ": " << e.message << "\n";
            bool failed = !errors.empty();
            read_inputs(
                inputs, options,
                [&](Article&& article) {
                  for (const std::string& w : article.warnings) {
                    std::cerr << "sillok extract: " << article.source << ": warning: " << w << "\n";
                  }
                  std::cout << to_json(extractor.extract(article)).dump() << "\n";
                },
                [&](ReadError&& e) {
                  failed = true;
                  std::cerr << "sillok extract: " << e.source << ": " << e.message << "\n";
                });
            std::cout.flush();
            return failed ? kExitFailed : kExitOk;
          }};
}

}  // namespace sillok::cli
