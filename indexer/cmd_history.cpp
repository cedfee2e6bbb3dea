#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/releases.h"
#include "release_json.h"

namespace madoguchi::cli {

namespace {

Run add_history(CLI::App& app) {
  struct Options {
    std::string db, id;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Live database (directory, replica or remote stub)")->required();
  app.add_option("ID", o->id, "Entry id")->required();
  app.add_flag("--json", o->json, "Print JSON");
  return [o]() {
    auto log = ReleaseLog::open(o->db);
    if (!log) return report(log.status());
    auto h = (*log)->history(o->id);
    if (!h) return report(h.status());
    if (o->json) {
      nlohmann::json versions = nlohmann::json::array(), releases = nlohmann::json::array();
      for (const auto& v : h->versions)
        versions.push_back({{"uid", v.uid},
                            {"hash", v.hash},
                            {"effective", v.content.effective.to_string()},
                            {"title", v.content.title},
                            {"published_in", v.published_in},
                            {"removed_in", v.removed_in ? nlohmann::json(v.removed_in) : nlohmann::json(nullptr)},
                            {"live", v.removed_in == 0},
                            {"body", v.content.body},
                            {"path", v.content.path}});
      for (const auto& t : h->releases)
        releases.push_back({{"release", release_json(t.release)}, {"change", entry_change_json(t.change)}});
      fmt::print("{}\n", nlohmann::json{{"id", h->id}, {"versions", versions}, {"releases", releases}}.dump());
      return int(kExitOk);
    }
    fmt::print("{}: {} version(s), {} release(s)\n", h->id, h->versions.size(), h->releases.size());
    for (const auto& v : h->versions)
      fmt::print("  {}  {}  published in {}{}\n", v.uid, v.content.title, v.published_in,
                 v.removed_in ? fmt::format(", removed in {}", v.removed_in) : std::string(", live"));
    for (const auto& t : h->releases) {
      fmt::print("\n{}\n", release_line(t.release));
      print_entry_change(t.change);
    }
    return int(kExitOk);
  };
}

const Registration kHistoryRegistration("history", "Every version of an entry and every release that touched it",
                                 add_history);

}  // namespace
}  // namespace madoguchi::cli
