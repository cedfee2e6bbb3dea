// What the view model reports as it goes: searches answered and "settle points" where an
// operator's search is finished (a result opened, typing paused on results, the query cleared, an
// answer copied). Issue 8's search log hangs off these; --event-log writes them as JSON lines for
// tests and measurements. The default does nothing.
//
// Thread rule: called on the UI thread only.
#pragma once

#include <string>

#include "madoguchi/searcher.h"

namespace madoguchi::viewer {

enum class SettleKind { kOpened, kPaused, kCleared, kCopied };
std::string_view to_string(SettleKind kind);  // opened | paused | cleared | copied

struct SettleEvent {
  SettleKind kind = SettleKind::kOpened;
  std::string query;    // the query that was settled on
  std::string id;       // the entry concerned ("" for paused / cleared)
  int rank = 0;         // its 1-based rank in the results (0 = none)
  long total = 0;       // estimated number of results for the query
};

class ViewEvents {
 public:
  virtual ~ViewEvents() = default;
  virtual void searched(const SearchResult& /*result*/) {}
  virtual void search_failed(const std::string& /*query*/, const Status& /*status*/) {}
  virtual void selected(const Hit& /*hit*/) {}
  virtual void settled(const SettleEvent& /*event*/) {}
  // The operator marked entry `id` as "this answer was not enough" (with an optional note).
  virtual void feedback(const std::string& /*id*/, const std::string& /*query*/, const std::string& /*note*/) {}
  // A new release reached the seat and the banner says so (issue 4).
  virtual void release_arrived(int /*number*/, const std::string& /*banner*/) {}
  // Called on window close, SIGTERM and SIGINT: commit anything buffered.
  virtual void flush() {}
};

}  // namespace madoguchi::viewer
