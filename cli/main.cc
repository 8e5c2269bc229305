// sillok: Korean news to a dated record of who did what, when, and with whom.
#include <iostream>
#include <map>

#include "cli/common.h"

int main(int argc, char** argv) {
  using namespace sillok::cli;
  CLI::App app{"sillok: Korean news to a dated record of who did what, when, and with whom"};
  app.name("sillok");
  app.require_subcommand(1);
  app.set_version_flag("--version", "sillok 0.1.0");
  std::map<CLI::App*, Runner> runners;
  for (auto reg : {register_ingest, register_extract, register_timeline, register_with,
                   register_entities, register_articles, register_graph, register_path,
                   register_rank, register_communities, register_explain}) {
    Command cmd = reg(app);
    runners[cmd.first] = std::move(cmd.second);
  }
  // CLI11 reports a mistyped command as "A subcommand is required"; name the word instead.
  const auto known = [&](const std::string& word) {
    for (const auto& entry : runners) {
      if (entry.first->check_name(word)) return true;
    }
    return false;
  };
  if (argc > 1 && argv[1][0] != '-' && !known(argv[1])) {
    std::cerr << "sillok: unknown command '" << argv[1] << "' (see 'sillok --help')\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "sillok: " << e.what() << " (see 'sillok --help')\n";
    return kExitUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    try {
      return runners.at(sub)();
    } catch (const UsageError& e) {
      std::cerr << "sillok " << sub->get_name() << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "sillok " << sub->get_name() << ": " << e.what() << "\n";
      return kExitFailed;
    }
  }
  return kExitUsage;
}
