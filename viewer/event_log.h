// ViewEvents written as JSON lines to a file (--event-log FILE), one object per line, flushed at
// once: the end-to-end tests read it to see what was searched, selected and copied, and the
// benchmark reads the viewer's own timings from it.
//
// Thread rule: UI thread only.
#pragma once

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "view_events.h"

namespace madoguchi::viewer {

class EventLog final : public ViewEvents {
 public:
  // Returns nullptr (and sets `error`) when the file cannot be opened for appending.
  static std::unique_ptr<EventLog> open(const std::string& path, std::string& error);
  ~EventLog() override;

  void searched(const SearchResult& result) override;
  void search_failed(const std::string& query, const Status& status) override;
  void selected(const Hit& hit) override;
  void settled(const SettleEvent& event) override;
  void feedback(const std::string& id, const std::string& query, const std::string& note) override;
  void release_arrived(int number, const std::string& banner) override;
  void flush() override;

  // Any other event ("ready", "screenshot", "stats", ...).
  void write(const std::string& event, nlohmann::json fields);

 private:
  explicit EventLog(std::FILE* file) : file_(file) {}
  std::FILE* file_;
};

}  // namespace madoguchi::viewer
