#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/releases.h"
#include "release_json.h"

namespace madoguchi::cli {

namespace {

Run add_releases(CLI::App& app) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Live database (directory, replica or remote stub)")->required();
  app.add_flag("--json", o->json, "Print JSON");
  return [o]() {
    auto log = ReleaseLog::open(o->db);
    if (!log) return report(log.status());
    auto list = (*log)->list();
    if (!list) return report(list.status());
    if (o->json) {
      nlohmann::json releases = nlohmann::json::array();
      for (const auto& r : *list) releases.push_back(release_json(r));
      fmt::print("{}\n", nlohmann::json{{"current", list->empty() ? 0 : list->back().number}, {"releases", releases}}.dump());
      return int(kExitOk);
    }
    if (list->empty()) fmt::print("no releases in {} (never published)\n", o->db);
    for (const auto& r : *list) fmt::print("{}\n", release_line(r));
    return int(kExitOk);
  };
}

const Registration kReleasesRegistration("releases", "List the releases of a live database", add_releases);

}  // namespace
}  // namespace madoguchi::cli
