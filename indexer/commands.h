// One function per subcommand: registers its options on the CLI11 app and returns what runs it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace madoguchi::cli {

using Run = std::function<int()>;

Run add_validate(CLI::App& app);
Run add_index(CLI::App& app);
Run add_search(CLI::App& app);
Run add_show(CLI::App& app);

}  // namespace madoguchi::cli
