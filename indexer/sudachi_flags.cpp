#include "sudachi_flags.h"

#include <fmt/format.h>

namespace madoguchi::cli {

void add_sudachi_flags(CLI::App& app, SudachiFlags& flags) {
  app.add_option("--sudachi-synonyms", flags.scope,
                 "Sudachi's synonym groups restricted to the corpus's words: off, spelling (default when installed), "
                 "lexeme, all or nouns");
  app.add_option("--sudachi-dictionary", flags.path,
                 "Sudachi's synonym JSON (default: where tools/setup.sh installs the npm package)");
}

std::optional<SudachiOptions> sudachi_options(const SudachiFlags& flags) {
  SudachiOptions options = default_sudachi_options();
  if (!flags.path.empty()) {  // a dictionary named is a dictionary wanted: a missing one is an error
    options.path = flags.path;
    options.scope = SudachiScope::kSpelling;
  }
  if (flags.scope.empty()) {
    if (options.scope == SudachiScope::kOff)
      fmt::print(stderr, "note: Sudachi's synonym dictionary not found at {} (tools/setup.sh installs it); "
                 "building without its spelling variants\n", options.path);
    return options;
  }
  auto scope = parse_sudachi_scope(flags.scope);
  if (!scope) {
    fmt::print(stderr, "error: --sudachi-synonyms '{}' is not off, spelling, lexeme, all or nouns\n", flags.scope);
    return std::nullopt;
  }
  options.scope = *scope;
  return options;
}

}  // namespace madoguchi::cli
