#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/releases.h"
#include "release_json.h"
#include "sudachi_flags.h"

namespace madoguchi::cli {

namespace {

Run add_rollback(CLI::App& app) {
  struct Options {
    std::string db, message, author;
    int to = 0;
    bool json = false;
    SudachiFlags sudachi;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Live database directory")->required();
  app.add_option("--to", o->to, "Release whose state to restore")->required();
  app.add_option("--message,-m", o->message, "Why, for the release log")->required();
  app.add_option("--author", o->author, "Who rolls back (default: $MADOGUCHI_AUTHOR, else $USER)");
  app.add_flag("--json", o->json, "Print the result as JSON");
  add_sudachi_flags(app, o->sudachi);
  return [o]() {
    auto sudachi = sudachi_options(o->sudachi);
    if (!sudachi) return int(kExitUsage);
    if (o->message.empty()) {
      fmt::print(stderr, "error: --message must not be empty\n");
      return int(kExitUsage);
    }
    enable_changesets();
    PublishOptions options{.message = o->message, .author = o->author.empty() ? default_author() : o->author};
    options.sudachi = *sudachi;
    auto result = rollback(o->db, o->to, options);
    if (!result) return report(result.status());
    if (o->json) fmt::print("{}\n", publish_json(*result).dump());
    else print_publish(*result, o->db);
    return int(kExitOk);
  };
}

const Registration kRollbackRegistration("rollback", "Publish a new release restoring an earlier release's state",
                                 add_rollback);

}  // namespace
}  // namespace madoguchi::cli
