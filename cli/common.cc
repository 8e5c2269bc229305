#include "cli/common.h"

#include <cstdlib>

#include "extract/pipeline.h"

namespace sillok::cli {

std::string default_db_path() {
  const char* env = std::getenv("SILLOK_DB");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string("sillok.db");
}

void add_db_option(CLI::App& cmd, std::string& db) {
  db = default_db_path();
  cmd.add_option("--db", db, "SQLite database (default: $SILLOK_DB or ./sillok.db)");
}

void add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& choices) {
  format = choices.front();
  cmd.add_option("--format", format, "Output format")->check(CLI::IsMember(choices));
}

void add_data_options(CLI::App& cmd, DataOptions& options) {
  cmd.add_option("--gazetteer", options.gazetteers,
                 "Extra gazetteer file (JSON, data/README.md); its entries win. Repeatable")
      ->check(CLI::ExistingFile);
  cmd.add_option("--no-gazetteer", options.disabled,
                 "Do not load the shipped gazetteer with this id (e.g. places). Repeatable");
  cmd.add_option("--data-dir", options.data_dir, "Directory of data files (default: shipped data)")
      ->check(CLI::ExistingDirectory);
  cmd.add_option("--time-profile", options.time_profile,
                 "Time conventions from rules/time.json: news (default) or assistant "
                 "(docs/accuracy-time.md)");
}

Extractor make_extractor(const DataOptions& options) {
  ExtractorOptions o;
  o.data_dir = options.data_dir;
  o.user_gazetteers = options.gazetteers;
  o.disabled_gazetteers = options.disabled;
  o.time_profile = options.time_profile;
  return Extractor::load(o);
}

std::optional<Timestamp> parse_date_option(const std::string& value) {
  if (value.empty()) return std::nullopt;
  auto ts = parse_timestamp(value);
  if (!ts) throw UsageError("--date: expected an ISO 8601 date such as 2025-12-29, got '" + value + "'");
  return ts;
}

}  // namespace sillok::cli
