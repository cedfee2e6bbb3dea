// What a seat remembers about releases (issue 4): the release this seat last acknowledged in the
// changes panel, per index, in a small JSON file in the seat's data directory (next to the search
// log): {"acknowledged": {"/srv/madoguchi/db": {"release": 43, "time": "2026-12-01T12:30:00Z"}}}.
//
// Each save() replaces the file at once (temporary file + rename), so an acknowledgement survives
// a crash of the viewer the moment it is made; flush() also syncs it to disk (window close,
// SIGTERM, SIGINT). A store without a path keeps everything in memory (measurement runs).
//
// Thread rule: UI thread only.
#pragma once

#include <optional>
#include <string>

#include "madoguchi/status.h"

namespace madoguchi::viewer {

class SeatState {
 public:
  // `path` = "" keeps nothing on disk. A missing file is an empty state; an unreadable or
  // malformed one is reported through `warning` and treated as empty.
  explicit SeatState(std::string path, std::string* warning = nullptr);

  // The release acknowledged for index `db` (nullopt: this seat never acknowledged one there).
  std::optional<int> acknowledged(const std::string& db) const;
  // Remembers `release` for `db` and writes the file now.
  Status acknowledge(const std::string& db, int release);
  // Syncs the file to disk.
  Status flush();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string json_;  // the whole document, as last written (nlohmann kept out of the header)
  bool dirty_ = false;
};

// The state file for this seat in `dir`: DIR/seat-state-HOST.json.
std::string seat_state_path(const std::string& dir);

}  // namespace madoguchi::viewer
