// --sudachi-synonyms and --sudachi-dictionary, shared by `index`, `publish`, `rollback` and
// `eval` so that eval measures what an editor's build writes (the same defaults, the same names).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "madoguchi/sudachi_synonyms.h"

namespace madoguchi::cli {

struct SudachiFlags {
  std::string scope;  // "": the default
  std::string path;
};

void add_sudachi_flags(CLI::App& app, SudachiFlags& flags);

// The defaults overridden by the flags; nullopt (after a usage error on stderr) for an unknown scope.
std::optional<SudachiOptions> sudachi_options(const SudachiFlags& flags);

}  // namespace madoguchi::cli
