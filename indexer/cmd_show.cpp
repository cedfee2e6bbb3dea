#include <fmt/format.h>

#include "cli_common.h"
#include "commands.h"

namespace madoguchi::cli {

namespace {

// The status as operators read it (DESIGN §3's badges).
std::string_view status_label(VersionStatus status) {
  switch (status) {
    case VersionStatus::kInForce: return "有効";
    case VersionStatus::kUpcoming: return "予定";
    case VersionStatus::kSuperseded: return "旧版";
    case VersionStatus::kWithdrawn: return "廃止";
  }
  return "";
}

Run add_show(CLI::App& app) {
  struct Options {
    std::string db, id, as_of, today;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Index directory")->required();
  app.add_option("ID", o->id, "Entry id")->required();
  app.add_option("--as-of", o->as_of, "Show the version in force on this date (YYYY-MM-DD)")->check(date_check());
  app.add_option("--today", o->today, "Override today's date (YYYY-MM-DD)")->check(date_check());
  app.add_flag("--json", o->json, "Print JSON");
  return [o]() {
    bool ok = true;
    auto as_of = parse_date_option(o->as_of, "--as-of", ok);
    Clock clock = make_clock(o->today, ok);
    if (!ok) return int(kExitUsage);
    auto searcher = Searcher::open(o->db, clock);
    if (!searcher) return report(searcher.status());
    auto detail = (*searcher)->show(o->id, as_of);
    if (!detail) return report(detail.status());
    const VersionDetail& cur = *detail->current;
    if (o->json) {
      nlohmann::json j = version_json(cur);
      j["as_of"] = detail->as_of.to_string();
      nlohmann::json versions = nlohmann::json::array();
      for (const auto& v : detail->versions)
        versions.push_back({{"effective", v.version.effective.to_string()},
                            {"until", v.span.until.yyyymmdd == Date::kFarFuture ? "" : v.span.until.to_string()},
                            {"status", std::string(to_string(v.status))},
                            {"title", v.version.title}});
      j["versions"] = versions;
      fmt::print("{}\n", j.dump());
      return int(kExitOk);
    }
    fmt::print("{}  ［{}］  ({})\n", cur.version.title, status_label(cur.status), cur.version.id);
    // What an operator must not read as today's guidance says so before the text.
    if (cur.status == VersionStatus::kWithdrawn)
      fmt::print("※ この項目は {} 時点で廃止されています。案内しないでください。\n", detail->as_of.to_string());
    else if (cur.status == VersionStatus::kSuperseded)
      fmt::print("※ {} 時点では旧版です。現在の案内には使わないでください。\n", detail->as_of.to_string());
    else if (cur.status == VersionStatus::kUpcoming)
      fmt::print("※ {} 時点ではまだ有効ではありません（予定）。\n", detail->as_of.to_string());
    fmt::print("有効: {} から{}\n", cur.version.effective.valid() ? cur.version.effective.to_string() : "(当初)",
               cur.span.until.yyyymmdd == Date::kFarFuture ? "" : " " + cur.span.until.plus_days(-1).to_string() + " まで");
    if (!cur.version.source.empty()) fmt::print("出典: {}\n", cur.version.source);
    fmt::print("\n{}\n", cur.version.body);
    if (detail->versions.size() > 1) {
      fmt::print("版:\n");
      for (const auto& v : detail->versions)
        fmt::print("  {}  {}  {}\n", v.version.effective.valid() ? v.version.effective.to_string() : "(当初)    ",
                   status_label(v.status), v.version.title);
    }
    return int(kExitOk);
  };
}

const Registration kShowRegistration("show", "Show the version of an entry in force on a date", add_show);

}  // namespace
}  // namespace madoguchi::cli
