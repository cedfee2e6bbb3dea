#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "corpus_for_db.h"
#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "sudachi_flags.h"

namespace madoguchi::cli {

namespace {

Run add_index(CLI::App& app) {
  struct Options {
    std::string corpus, db, dictionary;
    bool json = false, verify = false;
    unsigned shards = 0;
    uint64_t max_file_bytes = CorpusOptions{}.max_file_bytes;
    SudachiFlags sudachi;
  };
  auto o = std::make_shared<Options>();
  app.add_option("CORPUS", o->corpus, "Corpus directory")->required();
  app.add_option("--db", o->db, "Index directory (created if absent)")->required();
  app.add_option("--dictionary", o->dictionary, "Dictionary profile for a new index: ipadic (default) or unidic");
  app.add_flag("--json", o->json, "Print statistics as JSON");
  app.add_flag("--verify", o->verify, kVerifyHelp);
  app.add_option("--max-file-bytes", o->max_file_bytes, "Refuse entry files larger than this");
  add_sudachi_flags(app, o->sudachi);
  app.add_option("--shards", o->shards,
                 "A new index: written by this many writers at once, then joined (default: one per core, at "
                 "most 4; 1: one writer fed by one analysis thread per core)");
  return [o]() {
    auto sudachi = sudachi_options(o->sudachi);
    if (!sudachi) return int(kExitUsage);
    CorpusReport report;
    CorpusForDb reader(o->db, o->verify);
    auto corpus = reader.load(o->corpus, {.max_file_bytes = o->max_file_bytes}, report);
    print_problems(report.errors, report.warnings);
    if (!corpus) {
      if (report.errors.empty()) return cli::report(corpus.status());
      fmt::print(stderr, "index not changed: {} error(s) in the corpus\n", report.errors.size());
      return exit_code_for(report.errors.front());
    }
    IndexOptions options;
    options.analyzer = AnalyzerOptions::from_environment();
    if (!o->dictionary.empty()) options.analyzer.profile = o->dictionary;
    options.sudachi = *sudachi;
    options.shards = o->shards;
    auto stats = build_index(*corpus, o->db, options);
    if (!stats) return cli::report(stats.status());
    reader.remember(*corpus);
    if (o->json) {
      nlohmann::json j{{"entries", stats->entries}, {"versions", stats->versions}, {"analyzed", stats->analyzed},
                       {"unchanged", stats->unchanged}, {"removed", stats->removed}, {"upgraded", stats->upgraded},
                       {"synonym_groups", stats->synonym_groups},
                       {"sudachi_pairs", stats->sudachi_pairs}, {"sudachi_keys_checked", stats->sudachi_keys_checked},
                       {"files_read", report.files_read},
                       {"seconds", stats->seconds}};
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("indexed {} entries ({} versions) into {}: {} analyzed, {} unchanged, {} removed, {:.2f} s\n",
                 stats->entries, stats->versions, o->db, stats->analyzed, stats->unchanged, stats->removed,
                 stats->seconds);
      if (stats->upgraded > 0)
        fmt::print("{} documents written by an older build got the re-ranker's question length\n", stats->upgraded);
    }
    return int(kExitOk);
  };
}

const Registration kIndexRegistration("index", "Build or update an index from a corpus (incremental, atomic)", add_index);

}  // namespace
}  // namespace madoguchi::cli
