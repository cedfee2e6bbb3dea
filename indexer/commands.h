// Subcommands register themselves: each cmd_*.cpp defines one `Registration` at namespace scope,
// so adding a subcommand touches only its own file.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace madoguchi::cli {

using Run = std::function<int()>;
// Registers the subcommand's options on `app` and returns what runs it.
using AddCommand = Run (*)(CLI::App& app);

struct CommandInfo {
  std::string name;
  std::string description;
  AddCommand add;
};

std::vector<CommandInfo>& command_registry();

struct Registration {
  Registration(std::string name, std::string description, AddCommand add) {
    command_registry().push_back({std::move(name), std::move(description), add});
  }
};

}  // namespace madoguchi::cli
