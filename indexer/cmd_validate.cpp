#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/corpus.h"

namespace madoguchi::cli {

namespace {

Run add_validate(CLI::App& app) {
  auto corpus = std::make_shared<std::string>();
  auto max_bytes = std::make_shared<uint64_t>(CorpusOptions{}.max_file_bytes);
  app.add_option("CORPUS", *corpus, "Corpus directory")->required();
  app.add_option("--max-file-bytes", *max_bytes, "Refuse entry files larger than this");
  return [=]() {
    CorpusReport report;
    auto loaded = load_corpus(*corpus, CorpusOptions{.max_file_bytes = *max_bytes}, report);
    print_problems(report.errors, report.warnings);
    if (!loaded) {
      if (report.errors.empty()) return cli::report(loaded.status());
      fmt::print(stderr, "{} error(s)\n", report.errors.size());
      return exit_code_for(report.errors.front());
    }
    std::set<std::string> ids;
    for (const auto& v : loaded->versions) ids.insert(v.id);
    fmt::print("ok: {} entries, {} versions, {} synonym groups, {} warning(s)\n", ids.size(),
               loaded->versions.size(), loaded->synonyms.size(), report.warnings.size());
    return int(kExitOk);
  };
}

const Registration kValidateRegistration("validate", "Check a corpus: every error with file and line", add_validate);

}  // namespace
}  // namespace madoguchi::cli
