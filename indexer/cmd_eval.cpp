// `madoguchi eval`: search quality on a data set (DESIGN §8, §10), through the normal index and
// search path. Prints nDCG@10, Recall@10, P@10, MRR@10 and, with --keystrokes, the
// keystrokes-to-answer figures.
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/evaluation.h"
#include "sudachi_flags.h"

namespace madoguchi::cli {
namespace {

nlohmann::json report_json(const std::string& source, const EvalReport& r) {
  nlohmann::json j{{"dataset", source},
                   {"queries", r.queries.size()},
                   {"documents", r.documents},
                   {"ndcg@10", r.mean.ndcg},
                   {"recall@10", r.mean.recall},
                   {"p@10", r.mean.precision},
                   {"mrr@10", r.mean.mrr},
                   {"index_seconds", r.index_seconds},
                   {"search_ms", {{"p50", r.search_ms_p50}, {"p99", r.search_ms_p99}}}};
  if (r.keystrokes) {
    const auto& k = *r.keystrokes;
    j["keystrokes"] = {{"median_fraction", k.median_fraction ? nlohmann::json(*k.median_fraction) : nlohmann::json()},
                       {"answered_at_some_prefix", k.answered_at_some_prefix},
                       {"answered_at_full_length", k.answered_at_full_length}};
  }
  return j;
}

void print_text(const std::string& source, const EvalReport& r) {
  fmt::print("{}: {} queries, {} documents\n", source, r.queries.size(), r.documents);
  fmt::print("nDCG@10   {:.4f}\nRecall@10 {:.4f}\nP@10      {:.4f}\nMRR@10    {:.4f}\n", r.mean.ndcg, r.mean.recall,
             r.mean.precision, r.mean.mrr);
  if (r.keystrokes) {
    const auto& k = *r.keystrokes;
    fmt::print("keystrokes: median fraction {}, answered at some prefix {:.1f}%, at full length {:.1f}%\n",
               k.median_fraction ? fmt::format("{:.3f}", *k.median_fraction) : "undefined (over half never answered)",
               100 * k.answered_at_some_prefix, 100 * k.answered_at_full_length);
  }
  fmt::print("search: p50 {:.2f} ms, p99 {:.2f} ms; indexing {:.1f} s\n", r.search_ms_p50, r.search_ms_p99,
             r.index_seconds);
}

Run add_eval(CLI::App& app) {
  struct Options {
    std::string dataset, corpus, gold, run, as_of, today;
    bool json = false, keystrokes = false;
    SudachiFlags sudachi;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--dataset", o->dataset, "Directory with corpus.json, queries.json, qrels.json");
  app.add_option("--corpus", o->corpus, "A corpus directory (with --gold)");
  app.add_option("--gold", o->gold, "Gold queries for --corpus: query<TAB>id1,id2 per line");
  app.add_option("--run", o->run, "Write the top 10 per query as a TREC run to this file");
  app.add_flag("--json", o->json, "Print the figures as one JSON object");
  app.add_flag("--keystrokes", o->keystrokes, "Also replay every character prefix (keystrokes to answer)");
  app.add_option("--as-of", o->as_of, "Search what was in force on this date (YYYY-MM-DD)")->check(date_check());
  app.add_option("--today", o->today, "Override today's date (YYYY-MM-DD)")->check(date_check());
  add_sudachi_flags(app, o->sudachi);
  return [o]() {
    auto sudachi = sudachi_options(o->sudachi);
    bool ok = sudachi.has_value();
    auto as_of = parse_date_option(o->as_of, "--as-of", ok);
    Clock clock = make_clock(o->today, ok);
    if (!ok) return int(kExitUsage);
    if (o->dataset.empty() == (o->corpus.empty() || o->gold.empty())) {
      fmt::print(stderr, "error: give either --dataset DIR or --corpus DIR --gold FILE\n");
      return int(kExitUsage);
    }
    std::error_code ec;
    const std::string source = o->dataset.empty() ? o->gold : o->dataset;
    if (!o->dataset.empty() && !std::filesystem::is_directory(o->dataset, ec))
      return report(Status::invalid_input("dataset directory not found", {o->dataset, 0}));
    auto data = o->dataset.empty() ? load_gold_dataset(o->corpus, o->gold) : load_json_dataset(o->dataset);
    if (!data) return report(data.status());

    EvalOptions options;
    options.keystrokes = o->keystrokes;
    options.sudachi = *sudachi;
    options.as_of = as_of ? as_of : std::optional<Date>(clock.today());
    if (!o->json)
      options.progress = [](size_t done, size_t total) { fmt::print(stderr, "\r{}/{} queries", done, total); };
    auto r = run_evaluation(*data, options);
    if (!o->json) fmt::print(stderr, "\n");
    if (!r) return report(r.status());
    if (!o->run.empty()) {
      std::ofstream out(o->run, std::ios::binary);
      out << trec_run(*r);
      if (!out) return report(Status::io_error("cannot write run file", {o->run, 0}));
    }
    if (o->json) fmt::print("{}\n", report_json(source, *r).dump());
    else print_text(source, *r);
    return int(kExitOk);
  };
}

const Registration kEvalRegistration("eval", "Measure search quality on a data set", add_eval);

}  // namespace
}  // namespace madoguchi::cli
