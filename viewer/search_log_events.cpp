#include "search_log_events.h"

#include <cstdlib>
#include <unistd.h>

namespace madoguchi::viewer {
namespace {

SettleReason reason_of(SettleKind kind) {
  switch (kind) {
    case SettleKind::kOpened: return SettleReason::kOpened;
    case SettleKind::kCopied: return SettleReason::kCopied;
    case SettleKind::kPaused: return SettleReason::kPaused;
    case SettleKind::kCleared: return SettleReason::kCleared;
  }
  return SettleReason::kPaused;
}

}  // namespace

void SearchLogEvents::settled(const SettleEvent& event) {
  next_.settled(event);
  if (event.query.empty()) return;  // clearing an empty box says nothing about callers
  log_->record(SearchRecord{.query = event.query, .hits = int(event.total), .reason = reason_of(event.kind),
                            .entry_id = event.id, .release = release_});
}

void SearchLogEvents::feedback(const std::string& id, const std::string& query, const std::string& note) {
  next_.feedback(id, query, note);
  log_->record(FeedbackRecord{.entry_id = id, .query = query, .note = note, .release = release_});
}

void SearchLogEvents::flush() {
  (void)log_->flush();  // bounded wait inside; a slow disk must not hang shutdown
  next_.flush();
}

std::string default_log_dir() {
#if defined(_WIN32)
  if (const char* p = std::getenv("LOCALAPPDATA")) return std::string(p) + "\\madoguchi";
  return "madoguchi";
#elif defined(__APPLE__)
  if (const char* h = std::getenv("HOME")) return std::string(h) + "/Library/Application Support/madoguchi";
  return "madoguchi";
#else
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/madoguchi";
  if (const char* h = std::getenv("HOME")) return std::string(h) + "/.local/share/madoguchi";
  return "madoguchi";
#endif
}

std::string seat_name() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0 || !*host) return "seat";
  return host;
}

}  // namespace madoguchi::viewer
