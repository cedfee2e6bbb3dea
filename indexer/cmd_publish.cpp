#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "corpus_for_db.h"
#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/releases.h"
#include "release_json.h"
#include "sudachi_flags.h"

namespace madoguchi::cli {

namespace {

Run add_publish(CLI::App& app) {
  struct Options {
    std::string corpus, db, message, author, dictionary;
    bool json = false, verify = false;
    SudachiFlags sudachi;
  };
  auto o = std::make_shared<Options>();
  app.add_option("CORPUS", o->corpus, "Corpus directory")->required();
  app.add_option("--db", o->db, "Live database directory (created if absent)")->required();
  app.add_option("--message,-m", o->message, "What this release changes, for the release log")->required();
  app.add_option("--author", o->author, "Who publishes (default: $MADOGUCHI_AUTHOR, else $USER)");
  app.add_option("--dictionary", o->dictionary, "Dictionary profile for a new database: ipadic (default) or unidic");
  app.add_flag("--json", o->json, "Print the result as JSON");
  app.add_flag("--verify", o->verify, kVerifyHelp);
  add_sudachi_flags(app, o->sudachi);
  return [o]() {
    auto sudachi = sudachi_options(o->sudachi);
    if (!sudachi) return int(kExitUsage);
    if (o->message.empty()) {
      fmt::print(stderr, "error: --message must not be empty\n");
      return int(kExitUsage);
    }
    CorpusReport report;
    CorpusForDb reader(o->db, o->verify);
    auto corpus = reader.load(o->corpus, {}, report);
    print_problems(report.errors, report.warnings);
    if (!corpus) {
      if (report.errors.empty()) return cli::report(corpus.status());
      fmt::print(stderr, "nothing published: {} error(s) in the corpus\n", report.errors.size());
      return exit_code_for(report.errors.front());
    }
    enable_changesets();
    PublishOptions options{.message = o->message, .author = o->author.empty() ? default_author() : o->author};
    options.analyzer = AnalyzerOptions::from_environment();
    if (!o->dictionary.empty()) options.analyzer.profile = o->dictionary;
    options.sudachi = *sudachi;
    auto result = publish(*corpus, o->db, options);
    if (!result) return cli::report(result.status());
    reader.remember(*corpus);
    if (o->json) {
      auto j = publish_json(*result);
      j["stats"]["files_read"] = report.files_read;
      fmt::print("{}\n", j.dump());
    } else {
      print_publish(*result, o->db);
    }
    return int(kExitOk);
  };
}

const Registration kPublishRegistration("publish", "Validate a corpus and publish it to a live database as one release",
                                 add_publish);

}  // namespace
}  // namespace madoguchi::cli
