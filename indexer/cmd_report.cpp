#include <fmt/format.h>
#include <fstream>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/log_report.h"

namespace madoguchi::cli {
namespace {

nlohmann::json report_json(const LogReport& r) {
  using nlohmann::json;
  json zero = json::array(), top = json::array(), opened = json::array(), feedback = json::array(),
       days = json::array(), releases = json::array();
  for (const auto& z : r.zero_hit) zero.push_back({{"terms", z.terms}, {"examples", z.examples}, {"count", z.count}});
  for (const auto& q : r.top_queries) top.push_back({{"query", q.text}, {"count", q.count}});
  for (const auto& e : r.opened) opened.push_back({{"id", e.text}, {"count", e.count}});
  for (const auto& f : r.feedback) feedback.push_back({{"id", f.id}, {"count", f.count}, {"notes", f.notes}});
  for (const auto& d : r.days) days.push_back({{"date", d.date}, {"searches", d.searches}, {"zero_hit", d.zero_hit}});
  for (const auto& rel : r.releases)
    releases.push_back({{"release", rel.release}, {"searches", rel.searches}, {"zero_hit", rel.zero_hit},
                        {"zero_hit_rate", rel.zero_hit_rate},
                        {"change", rel.change ? json(*rel.change) : json(nullptr)}});
  return {{"searches", r.searches},  {"zero_hit_searches", r.zero_hit_searches},
          {"zero_hit", zero},        {"top_queries", top},
          {"opened", opened},        {"never_opened", r.never_opened},
          {"feedback", feedback},    {"days", days},
          {"hours", r.hours},        {"releases", releases},
          {"logs", r.logs_read}};
}

Run add_report(CLI::App& app) {
  struct Options {
    std::vector<std::string> logs;
    std::string from, to, html, db, today;
    bool json = false;
    int top = 20;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--logs", o->logs, "Search logs: files or directories (every seat's log)")->required();
  app.add_option("--from", o->from, "First day (YYYY-MM-DD, Japan time)");
  app.add_option("--to", o->to, "Last day (YYYY-MM-DD)");
  app.add_option("--html", o->html, "Also write a self-contained HTML report with charts");
  app.add_option("--db", o->db, "Index: fold synonyms when grouping, list entries never opened");
  app.add_option("--top", o->top, "Rows per ranking (default 20)")->check(CLI::Range(1, 1000));
  app.add_option("--today", o->today, "Override today's date (YYYY-MM-DD): entries no longer in force are not "
                                      "listed as never opened")->check(date_check());
  app.add_flag("--json", o->json, "Print JSON");
  return [o]() {
    bool ok = true;
    ReportOptions options{.logs = o->logs, .from = parse_date_option(o->from, "--from", ok),
                          .to = parse_date_option(o->to, "--to", ok), .db = o->db, .top = o->top};
    options.today = make_clock(o->today, ok).today();
    if (!ok) return int(kExitUsage);
    if (options.from && options.to && *options.to < *options.from) {
      fmt::print(stderr, "error: --from {} is after --to {}\n", o->from, o->to);
      return int(kExitUsage);
    }
    auto report = build_report(options);
    if (!report) return cli::report(report.status());
    for (const auto& w : report->warnings) fmt::print(stderr, "warning: {}\n", w);
    if (!o->html.empty()) {
      std::ofstream out(o->html, std::ios::binary);
      out << report_html(*report, options);
      if (!out) return cli::report(Status::io_error("cannot write HTML report", {o->html, 0}));
    }
    if (o->json) {
      // Logs written by other tools may hold bytes that are not UTF-8: shown as U+FFFD.
      fmt::print("{}\n", report_json(*report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return int(kExitOk);
    }
    fmt::print("検索 {} 件（0件ヒット {} 件）, ログ {} 件\n", report->searches, report->zero_hit_searches,
               report->logs_read.size());
    fmt::print("\n0件ヒット（語でまとめたもの）:\n");
    for (const auto& z : report->zero_hit) fmt::print("  {:>4}  {}  例: {}\n", z.count, z.terms, z.examples.front());
    fmt::print("\nよく検索された語句:\n");
    for (const auto& q : report->top_queries) fmt::print("  {:>4}  {}\n", q.count, q.text);
    fmt::print("\nよく開かれたエントリ:\n");
    for (const auto& e : report->opened) fmt::print("  {:>4}  {}\n", e.count, e.text);
    if (!report->feedback.empty()) {
      fmt::print("\n回答が不十分とされたエントリ:\n");
      for (const auto& f : report->feedback) fmt::print("  {:>4}  {}\n", f.count, f.id);
    }
    if (!o->db.empty()) {
      fmt::print("\n期間中に一度も開かれなかったエントリ: {} 件\n", report->never_opened.size());
      for (size_t i = 0; i < report->never_opened.size() && i < size_t(o->top); ++i)
        fmt::print("  {}\n", report->never_opened[i]);
    }
    fmt::print("\n日別（検索 / 0件ヒット）:\n");
    for (const auto& d : report->days) fmt::print("  {}  {:>5} / {}\n", d.date, d.searches, d.zero_hit);
    fmt::print("\n時間帯別（検索）:\n");
    for (size_t h = 0; h < report->hours.size(); ++h)
      if (report->hours[h]) fmt::print("  {:>2}時  {:>5}\n", h, report->hours[h]);
    fmt::print("\nリリース別の0件ヒット率:\n");
    for (const auto& r : report->releases)
      fmt::print("  {}  {:>5.1f}% ({} / {}){}\n", r.release ? fmt::format("リリース {}", r.release) : "不明",
                 100 * r.zero_hit_rate, r.zero_hit, r.searches,
                 r.change ? fmt::format("  前回比 {:+.1f} ポイント", 100 * *r.change) : "");
    if (!o->html.empty()) fmt::print("\nHTML: {}\n", o->html);
    return int(kExitOk);
  };
}

const Registration kReportRegistration("report", "Merge seats' search logs: zero-hit queries, top queries, feedback",
                                 add_report);

}  // namespace
}  // namespace madoguchi::cli
