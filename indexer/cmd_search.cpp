#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "cli_common.h"
#include "commands.h"

namespace madoguchi::cli {
namespace {

// --explain: every matched query part with its field, route and share of the score
// (docs/search-explain.md).
nlohmann::json explain_json(const Hit& h) {
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& e : h.explanation)
    parts.push_back({{"term", e.term}, {"field", e.field}, {"route", e.route}, {"weight", e.weight},
                     {"share", h.score > 0 ? e.weight / h.score : 0.0}});
  return parts;
}

nlohmann::json result_json(const SearchResult& r, bool explain) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    hits.push_back(hit_json(h));
    if (explain) hits.back()["explain"] = explain_json(h);
  }
  return {{"query", r.query},
          {"took_ms", r.took_ms},
          {"estimated_total", r.estimated_total},
          {"total_is_exact", r.total_is_exact},
          {"as_of", r.as_of.to_string()},
          {"hits", hits}};
}

void print_text(const SearchResult& r, bool explain) {
  fmt::print("「{}」 {}{} 件 ({:.1f} ms, {} 時点)\n", r.query, r.total_is_exact ? "" : "約", r.estimated_total, r.took_ms,
             r.as_of.to_string());
  for (const auto& h : r.hits) {
    std::string status = h.status == VersionStatus::kInForce ? "" : fmt::format(" [{}]", to_string(h.status));
    std::string badge = h.badge.empty() ? "" : "［" + h.badge + "］";
    std::string category = h.category.empty() ? "" : " ・" + h.category.front();
    fmt::print("{:>2}. {}{}{}{}  ({}, {:.2f})\n", h.rank, badge, h.title, status, category, h.id, h.score);
    fmt::print("    {}\n", mark_highlights(h.snippet, h.highlights));
    if (h.upcoming) fmt::print("    予定: {} から「{}」\n", h.upcoming->effective.to_string(), h.upcoming->title);
    if (explain)
      for (const auto& e : h.explanation)
        fmt::print("    {:>6.2f} ({:>3.0f}%)  {}  [{} / {}]\n", e.weight, h.score > 0 ? 100 * e.weight / h.score : 0.0,
                   e.term.empty() ? "-" : e.term, e.field.empty() ? "-" : e.field, e.route);
  }
}

}  // namespace

namespace {

Run add_search(CLI::App& app) {
  struct Options {
    std::string db, as_of, today, category, type, municipality, batch;
    std::vector<std::string> query;
    int limit = 10;
    bool json = false;
    bool explain = false;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--db", o->db, "Index directory")->required();
  app.add_flag("--json", o->json, "One JSON object per query");
  app.add_flag("--explain", o->explain, "Show why each hit matched: term, field, route, share of the score");
  app.add_option("--limit", o->limit, "Hits per query (default 10)")->check(CLI::Range(1, 1000));
  app.add_option("--as-of", o->as_of, "Search what was in force on this date (YYYY-MM-DD)")->check(date_check());
  app.add_option("--today", o->today, "Override today's date (YYYY-MM-DD)")->check(date_check());
  app.add_option("--category", o->category, "Only this category");
  app.add_option("--type", o->type, "Only this type (faq, policy, routing, script, notice)");
  app.add_option("--municipality", o->municipality, "Only entries for this municipality");
  app.add_option("--batch", o->batch, "Read one query per line from FILE ('-' for stdin)");
  app.add_option("QUERY", o->query, "Query words");
  return [o]() {
    bool ok = true;
    auto as_of = parse_date_option(o->as_of, "--as-of", ok);
    Clock clock = make_clock(o->today, ok);
    if (!ok) return int(kExitUsage);
    if (!o->type.empty() && !parse_entry_type(o->type)) {
      fmt::print(stderr, "error: --type '{}' must be one of faq, policy, routing, script, notice\n", o->type);
      return int(kExitUsage);
    }
    std::vector<std::string> queries;
    std::vector<Location> sources;  // where each query came from, for its errors
    if (!o->batch.empty()) {
      std::ifstream file;
      if (o->batch != "-") {
        file.open(o->batch);
        if (!file) return report(Status::invalid_input("cannot read batch file", {o->batch, 0}));
      }
      std::istream& in = o->batch == "-" ? std::cin : file;
      const std::string name = o->batch == "-" ? "stdin" : o->batch;
      int number = 0;
      for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        queries.push_back(line);
        sources.push_back({name, number});
      }
    } else {
      std::string q;
      for (const auto& w : o->query) q += (q.empty() ? "" : " ") + w;
      if (q.empty()) {
        fmt::print(stderr, "error: give a QUERY or --batch FILE\n");
        return int(kExitUsage);
      }
      queries.push_back(q);
      sources.push_back({});  // the command line
    }

    auto searcher = Searcher::open(o->db, clock);
    if (!searcher) return report(searcher.status());
    // A query that cannot be searched (not UTF-8: a Shift_JIS batch file) is reported with its
    // line, and the others are still answered.
    int exit_code = kExitOk;
    for (size_t i = 0; i < queries.size(); ++i) {
      const std::string& q = queries[i];
      SearchRequest req{.query = q, .limit = o->limit, .as_of = as_of, .category = o->category,
                        .type = o->type, .municipality = o->municipality,
                        // a whole query given on the command line is complete: no prefix matching
                        // except for the last word, as the viewer does while typing
                        .prefix_last_word = true, .explain = o->explain};
      auto r = (*searcher)->search(req);
      if (!r && r.status().code() == Code::kInvalidInput) {
        exit_code = report(Status::invalid_input(r.status().message(), sources[i]));
        continue;
      }
      if (!r) return report(r.status());
      if (o->json) fmt::print("{}\n", result_json(*r, o->explain).dump());
      else print_text(*r, o->explain);
    }
    return exit_code;
  };
}

const Registration kSearchRegistration("search", "Search an index", add_search);

}  // namespace
}  // namespace madoguchi::cli
