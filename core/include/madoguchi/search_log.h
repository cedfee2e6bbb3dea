// The seat's search log (issue 8): what operators settled on, what they opened or copied, and
// their feedback, in a local SQLite database (WAL) that editors merge with `madoguchi report`.
// Private by construction: runs of digits (phone numbers, postal codes, dates of birth) are
// masked and long queries cut before anything is written.
//
// Thread rule: a SearchLog may be shared by threads; every call only queues work for its own
// writer thread, which commits within about half a second. Logging never blocks a frame.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "madoguchi/status.h"

namespace madoguchi {

inline constexpr size_t kMaxLoggedQueryChars = 64;

// Replaces every run of 3 or more digits (half- or full-width, with - ‐ － ー / . between them)
// and full dates (1980年5月3日) by "＃", then cuts the result to `max_chars` characters.
std::string mask_query(std::string_view query, size_t max_chars = kMaxLoggedQueryChars);

enum class SettleReason {
  kOpened,   // the operator opened a result
  kCopied,   // copied an answer
  kPaused,   // stopped typing for a while
  kCleared,  // cleared the query
};
std::string_view to_string(SettleReason reason);

struct SearchRecord {
  std::string query;      // as typed; masked by the log
  int hits = 0;           // estimated total
  SettleReason reason = SettleReason::kPaused;
  std::string entry_id;   // opened or copied entry ("" otherwise)
  long release = 0;       // release in force on this seat (0 = unknown)
  std::string time;       // ISO 8601; empty = now (Japan time). Tests and imports set it.
};

struct FeedbackRecord {
  std::string entry_id;
  std::string query;  // masked by the log
  std::string note;   // masked and cut like a query (operators may type a caller's number)
  long release = 0;
  std::string time;   // as in SearchRecord
};

class SearchLog {
 public:
  // Creates or opens `path` (parent directory created). `seat` names this seat in merged reports.
  static Result<std::unique_ptr<SearchLog>> open(const std::string& path, const std::string& seat);
  ~SearchLog();  // flushes

  void record(const SearchRecord& record);
  void record(const FeedbackRecord& record);
  // Blocks until everything queued so far is committed (window close, SIGTERM, SIGINT).
  Status flush();

 private:
  struct Impl;
  explicit SearchLog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace madoguchi
