#include "event_log.h"

#include <chrono>

namespace madoguchi::viewer {

std::string_view to_string(SettleKind kind) {
  switch (kind) {
    case SettleKind::kOpened: return "opened";
    case SettleKind::kPaused: return "paused";
    case SettleKind::kCleared: return "cleared";
    case SettleKind::kCopied: return "copied";
  }
  return "?";
}

std::unique_ptr<EventLog> EventLog::open(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "a");
  if (!f) {
    error = "cannot open event log '" + path + "'";
    return nullptr;
  }
  return std::unique_ptr<EventLog>(new EventLog(f));
}

EventLog::~EventLog() { std::fclose(file_); }

void EventLog::write(const std::string& event, nlohmann::json fields) {
  fields["event"] = event;
  fields["t_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  const std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

void EventLog::searched(const SearchResult& result) {
  nlohmann::json ids = nlohmann::json::array();
  for (const Hit& h : result.hits) ids.push_back(h.id);
  write("search", {{"query", result.query},
                   {"total", result.estimated_total},
                   {"total_is_exact", result.total_is_exact},
                   {"took_ms", result.took_ms},
                   {"as_of", result.as_of.to_string()},
                   {"hits", ids}});
}

void EventLog::search_failed(const std::string& query, const Status& status) {
  write("search_failed", {{"query", query}, {"error", status.to_string()}});
}

void EventLog::selected(const Hit& hit) { write("select", {{"id", hit.id}, {"rank", hit.rank}}); }

void EventLog::settled(const SettleEvent& e) {
  write("settle", {{"kind", std::string(to_string(e.kind))},
                   {"query", e.query},
                   {"id", e.id},
                   {"rank", e.rank},
                   {"total", e.total}});
}

void EventLog::release_arrived(int number, const std::string& banner) {
  write("release", {{"number", number}, {"banner", banner}});
}

void EventLog::feedback(const std::string& id, const std::string& query, const std::string& note) {
  write("feedback", {{"id", id}, {"query", query}, {"note", note}});
}

void EventLog::flush() { std::fflush(file_); }

}  // namespace madoguchi::viewer
