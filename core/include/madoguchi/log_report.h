// What callers ask (issue 8): merges the search logs of many seats into one report for editors.
// Logs are opened read-only and may be written by running viewers at the same time.
//
// Thread rule: plain functions and values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/status.h"

namespace madoguchi {

struct ReportOptions {
  std::vector<std::string> logs;  // files, or directories searched for *.sqlite / *.db
  std::optional<Date> from, to;   // inclusive, Japan dates
  std::string db;                 // optional index: synonyms for grouping, ids never opened
  std::optional<Date> today;      // never_opened leaves out entries no longer in force on this day
  int top = 20;                   // rows in each ranking
};

struct CountedText {
  std::string text;
  long count = 0;
};

struct ZeroHitGroup {
  std::string terms;                  // the analyzed terms the queries share
  std::vector<std::string> examples;  // as typed (masked), most frequent first
  long count = 0;
};

struct FeedbackSummary {
  std::string id;
  long count = 0;
  std::vector<std::string> notes;
};

struct DayCount {
  std::string date;
  long searches = 0;
  long zero_hit = 0;
};

struct ReleaseCount {
  long release = 0;
  long searches = 0;
  long zero_hit = 0;
  double zero_hit_rate = 0;
  std::optional<double> change;  // rate minus the previous release's
};

struct LogReport {
  // One per query an operator settled on, however many rows it left (docs: logged_searches.h).
  long searches = 0;
  long zero_hit_searches = 0;
  std::vector<std::string> logs_read;
  std::vector<std::string> warnings;  // e.g. a log read without its -wal file
  std::vector<ZeroHitGroup> zero_hit;
  std::vector<CountedText> top_queries;
  std::vector<CountedText> opened;
  std::vector<std::string> never_opened;  // only when an index was given
  std::vector<DayCount> days;             // every day from the first to the last searched
  std::vector<FeedbackSummary> feedback;
  std::vector<long> hours = std::vector<long>(24, 0);
  std::vector<ReleaseCount> releases;
};

Result<LogReport> build_report(const ReportOptions& options);

// A self-contained HTML page (inline CSS and SVG charts, no scripts or network).
std::string report_html(const LogReport& report, const ReportOptions& options);

}  // namespace madoguchi
