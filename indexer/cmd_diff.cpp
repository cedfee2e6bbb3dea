#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/releases.h"
#include "release_json.h"

namespace madoguchi::cli {

namespace {

Run add_diff(CLI::App& app) {
  struct Options {
    std::string db;
    int from = 0, to = 0;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Live database (directory, replica or remote stub)")->required();
  app.add_option("--from", o->from, "Release to compare from (0 = before the first)")->required();
  app.add_option("--to", o->to, "Release to compare to")->required();
  app.add_flag("--json", o->json, "Print JSON");
  return [o]() {
    auto log = ReleaseLog::open(o->db);
    if (!log) return report(log.status());
    auto diff = (*log)->changes(o->from, o->to);
    if (!diff) return report(diff.status());
    int counts[3] = {0, 0, 0};
    for (const auto& e : diff->entries) ++counts[int(e.kind)];
    if (o->json) {
      nlohmann::json releases = nlohmann::json::array(), entries = nlohmann::json::array();
      for (const auto& r : diff->releases) releases.push_back(release_json(r));
      for (const auto& e : diff->entries) entries.push_back(entry_change_json(e));
      nlohmann::json j{{"from", diff->from},
                       {"to", diff->to},
                       {"releases", releases},
                       {"synonyms_changed", diff->synonyms_changed},
                       {"counts", {{"added", counts[0]}, {"changed", counts[1]}, {"withdrawn", counts[2]}}},
                       {"entries", entries}};
      fmt::print("{}\n", j.dump());
      return int(kExitOk);
    }
    fmt::print("release {} -> {}: {} added, {} changed, {} withdrawn{}\n", diff->from, diff->to, counts[0], counts[1],
               counts[2], diff->synonyms_changed ? ", synonyms changed" : "");
    for (const auto& e : diff->entries) print_entry_change(e);
    return int(kExitOk);
  };
}

const Registration kDiffRegistration("diff", "Word-level differences between two releases", add_diff);

}  // namespace
}  // namespace madoguchi::cli
