// sillok ingest: read, extract and store articles; a summary at the end.
#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "extract/json_output.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "store/store.h"

namespace sillok::cli {
namespace {

struct Tally {
  std::size_t added = 0, duplicates = 0, failed = 0, read = 0;
  std::vector<std::string> problems;  // "source: reason", in input order
};

// Reads `sillok extract` output (JSON Lines) back into extractions.
void read_extractions(const std::vector<std::string>& inputs,
                      const std::function<void(Extraction&&)>& on_item, Tally& tally) {
  for (const std::string& path : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        ++tally.failed;
        tally.problems.push_back(path + ": cannot open");
        continue;
      }
      in = &file;
    }
    std::string line;
    std::size_t n = 0;
    while (std::getline(*in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = path + ":" + std::to_string(n);
      try {
        on_item(extraction_from_json(nlohmann::json::parse(line)));
      } catch (const std::exception& e) {
        ++tally.failed;
        tally.problems.push_back(where + ": " + e.what());
      }
    }
  }
}

}  // namespace

Command register_ingest(CLI::App& app) {
  struct State {
    std::vector<std::string> paths;
    std::string db;
    std::string date;
    bool from_json = false;
    std::size_t batch = 256;
    bool quiet = false;
    DataOptions data;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("ingest", "Read articles, extract, and store them in the database");
  cmd->add_option("paths", st->paths, "Files, directories (recursive) or - for standard input")
      ->required();
  add_db_option(*cmd, st->db);
  cmd->add_option("--date", st->date, "Anchor for articles without published_at (ISO 8601)");
  cmd->add_flag("--from-json", st->from_json,
                "Inputs are `sillok extract` output (JSON Lines): store without extracting");
  cmd->add_option("--batch", st->batch, "Articles per transaction")->check(CLI::Range(1, 100000));
  cmd->add_flag("-q,--quiet", st->quiet, "No progress lines");
  add_data_options(*cmd, st->data);
  return {cmd, [st]() {
            Store store = Store::open(st->db);
            Tally tally;
            std::vector<Extraction> batch;
            const auto started = std::chrono::steady_clock::now();
            auto last_report = started;
            auto flush = [&]() {
              if (batch.empty()) return;
              for (const IngestResult& r : store.ingest(batch)) {
                switch (r.outcome) {
                  case IngestOutcome::added: ++tally.added; break;
                  case IngestOutcome::duplicate: ++tally.duplicates; break;
                  case IngestOutcome::failed:
                    ++tally.failed;
                    tally.problems.push_back(r.source + ": " + r.message);
                    break;
                }
              }
              batch.clear();
              const auto now = std::chrono::steady_clock::now();
              if (!st->quiet && now - last_report > std::chrono::seconds(2)) {
                last_report = now;
                const double secs = std::chrono::duration<double>(now - started).count();
                std::cerr << "sillok ingest: " << tally.read << " articles read, " << tally.added
                          << " added (" << static_cast<long>(tally.read / secs) << "/s)\n";
              }
            };
            auto take = [&](Extraction&& x) {
              ++tally.read;
              batch.push_back(std::move(x));
              if (batch.size() >= st->batch) flush();
            };
            if (st->from_json) {
              read_extractions(st->paths, take, tally);
            } else {
              ReadOptions options;
              options.default_date = parse_date_option(st->date);
              const Extractor extractor = make_extractor(st->data);
              std::vector<ReadError> errors;
              const std::vector<std::string> inputs = expand_inputs(st->paths, errors);
              for (ReadError& e : errors) {
                ++tally.failed;
                tally.problems.push_back(e.source + ": " + e.message);
              }
              read_inputs(
                  inputs, options,
                  [&](Article&& article) {
                    for (const std::string& w : article.warnings) {
                      std::cerr << "sillok ingest: warning: " << article.source << ": " << w << "\n";
                    }
                    take(extractor.extract(article));
                  },
                  [&](ReadError&& e) {
                    ++tally.failed;
                    tally.problems.push_back(e.source + ": " + e.message);
                  });
            }
            flush();
            for (const std::string& p : tally.problems) std::cerr << "sillok ingest: failed: " << p << "\n";
            std::cerr << "sillok ingest: " << tally.added << " added, " << tally.duplicates
                      << " skipped as duplicates, " << tally.failed << " failed (database " << st->db
                      << ")\n";
            return tally.failed > 0 ? kExitFailed : kExitOk;
          }};
}

}  // namespace sillok::cli
