// madoguchi: the editors' and admins' command line (DESIGN §8). A thin layer over core/.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <map>

#include "cli_common.h"
#include "commands.h"
#include "heap_pages.h"

namespace madoguchi::cli {
std::vector<CommandInfo>& command_registry() {
  static std::vector<CommandInfo> registry;
  return registry;
}
}  // namespace madoguchi::cli

int main(int argc, char** argv) {
  using namespace madoguchi::cli;
  prefer_huge_heap_pages();
  CLI::App app{"Madoguchi: Japanese FAQ and policy search for call centers", "madoguchi"};
  app.set_version_flag("--version", std::string(MADOGUCHI_VERSION));
  app.require_subcommand(1);

  std::map<const CLI::App*, Run> runs;
  for (const auto& command : command_registry()) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runs[sub] = command.add(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message
    return kExitUsage;
  }
  for (const auto* sub : app.get_subcommands())
    if (auto it = runs.find(sub); it != runs.end()) return it->second();
  return kExitUsage;
}
