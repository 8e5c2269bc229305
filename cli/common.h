// What the subcommands share: the database path, output formats, error reporting and exit
// codes. Only cli/ knows about argv, terminals and exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include "extract/datetime.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>
#include <string>
#include <vector>

namespace sillok::cli {

// Exit codes: 0 success, 1 some input or query failed, 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

// A usage problem found after parsing (e.g. conflicting options); main prints it and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --db FILE, defaulting to $SILLOK_DB, then sillok.db in the working directory.
std::string default_db_path();
void add_db_option(CLI::App& cmd, std::string& db);

// --format with the given choices; the first is the default.
void add_format_option(CLI::App& cmd, std::string& format, const std::vector<std::string>& choices);

// Data options shared by commands that extract: --gazetteer FILE (repeatable),
// --no-gazetteer ID (repeatable), --data-dir DIR, --time-profile NAME.
struct DataOptions {
  std::vector<std::string> gazetteers;
  std::vector<std::string> disabled;
  std::string data_dir;
  std::string time_profile;
};
void add_data_options(CLI::App& cmd, DataOptions& options);

// Each subcommand registers itself and returns its CLI11 node with the function that runs it
// after parsing. The options it declares are bound to state the runner captures.
using Runner = std::function<int()>;
using Command = std::pair<CLI::App*, Runner>;
Command register_ingest(CLI::App& app);
Command register_extract(CLI::App& app);
Command register_timeline(CLI::App& app);
Command register_with(CLI::App& app);
Command register_entities(CLI::App& app);
Command register_articles(CLI::App& app);
Command register_graph(CLI::App& app);
Command register_path(CLI::App& app);
Command register_rank(CLI::App& app);
Command register_communities(CLI::App& app);
Command register_explain(CLI::App& app);

}  // namespace sillok::cli

namespace sillok {
class Extractor;
class Store;
}

namespace sillok::cli {
// The extractor for these data options (shipped data, user gazetteers, disabled ones).
Extractor make_extractor(const DataOptions& options);
// The entity ids a name (or alias) denotes; throws when it is unknown, or ambiguous unless
// `type` picks one (the message lists the candidates).
std::vector<std::int64_t> resolve_entity(const Store& store, const std::string& name,
                                         const std::string& type);
// resolve_entity naming the option that picks a type in the ambiguity message ("--type-a" for
// `path`); resolve_entity is resolve_entity_for(..., "--type"). Defined in cli/cmd_with.cc.
std::vector<std::int64_t> resolve_entity_for(const Store& store, const std::string& name,
                                             const std::string& type,
                                             const std::string& type_option);
// The entity graph of the store: sillok::load_graph (graph/from_store.h).
// Parses --date; throws UsageError for a malformed value.
std::optional<Timestamp> parse_date_option(const std::string& value);
}  // namespace sillok::cli
