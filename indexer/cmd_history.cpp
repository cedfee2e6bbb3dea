#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/releases.h"
#include "release_json.h"

namespace madoguchi::cli {

namespace {

nlohmann::json removed_in(const LiveSpan& span) {
  return span.removed_in ? nlohmann::json(span.removed_in) : nlohmann::json(nullptr);
}

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
      for (const auto& v : h->versions) {
        nlohmann::json spans = nlohmann::json::array();
        for (const auto& span : v.spans) spans.push_back({{"published_in", span.published_in}, {"removed_in", removed_in(span)}});
        versions.push_back({{"uid", v.uid},
                            {"hash", v.hash},
                            {"effective", v.content.effective.to_string()},
                            {"title", v.content.title},
                            {"published_in", v.spans.front().published_in},
                            {"removed_in", removed_in(v.spans.back())},
                            {"live", v.live()},
                            {"spans", spans},
                            {"body", v.content.body},
                            {"path", v.content.path}});
      }
      for (const auto& t : h->releases)
        releases.push_back({{"release", release_json(t.release)}, {"change", entry_change_json(t.change)}});
      fmt::print("{}\n", nlohmann::json{{"id", h->id}, {"versions", versions}, {"releases", releases}}.dump());
      return int(kExitOk);
    }
    fmt::print("{}: {} version(s), {} release(s)\n", h->id, h->versions.size(), h->releases.size());
    for (const auto& v : h->versions) {
      std::vector<std::string> spans;
      for (const auto& span : v.spans)
        spans.push_back(fmt::format("published in {}, {}", span.published_in,
                                    span.removed_in ? fmt::format("removed in {}", span.removed_in) : "live"));
      fmt::print("  {}  {}  {}\n", uid_for_people(v.uid), v.content.title, fmt::join(spans, "; "));
    }
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
