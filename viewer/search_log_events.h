// The seat's search log (issue 8) as a ViewEvents sink: settle points become SearchRecords,
// feedback becomes FeedbackRecords. Writing happens on SearchLog's own thread, so no frame waits.
// Also forwards every event to another sink (the --event-log), when there is one.
//
// Thread rule: UI thread only (SearchLog itself is thread-safe).
#pragma once

#include <memory>
#include <string>

#include "madoguchi/search_log.h"
#include "view_events.h"

namespace madoguchi::viewer {

class SearchLogEvents final : public ViewEvents {
 public:
  SearchLogEvents(std::unique_ptr<SearchLog> log, ViewEvents& next) : log_(std::move(log)), next_(next) {}

  // The release in force on this seat (from Searcher::release()), recorded with every search.
  void set_release(long release) { release_ = release; }
  // "This answer was not enough" on `id`, with an optional short note.
  void feedback(const std::string& id, const std::string& query, const std::string& note) override;

  void searched(const SearchResult& result) override { next_.searched(result); }
  void search_failed(const std::string& query, const Status& status) override { next_.search_failed(query, status); }
  void selected(const Hit& hit) override { next_.selected(hit); }
  void settled(const SettleEvent& event) override;
  void release_arrived(int number, const std::string& banner) override { next_.release_arrived(number, banner); }
  void flush() override;

 private:
  std::unique_ptr<SearchLog> log_;
  ViewEvents& next_;
  long release_ = 0;
};

// The default log location: $XDG_DATA_HOME/madoguchi/search-log.sqlite (~/.local/share/...),
// %LOCALAPPDATA%\madoguchi on Windows, ~/Library/Application Support/madoguchi on macOS.
std::string default_log_dir();
// A name for this seat in merged reports: the host name.
std::string seat_name();

}  // namespace madoguchi::viewer
