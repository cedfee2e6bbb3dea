#include "seat_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "search_log_events.h"

namespace madoguchi::viewer {
namespace {

using nlohmann::json;

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status sync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return Status::io_error("cannot open " + path + " to sync");
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status() : Status::io_error("cannot sync " + path);
}

}  // namespace

SeatState::SeatState(std::string path, std::string* warning) : path_(std::move(path)), json_("{}") {
  if (path_.empty()) return;
  std::ifstream in(path_);
  if (!in) return;  // a new seat
  std::stringstream ss;
  ss << in.rdbuf();
  json doc = json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    if (warning) *warning = path_ + ": not a seat state file (ignored; it will be rewritten)";
    return;
  }
  json_ = doc.dump();
}

std::optional<int> SeatState::acknowledged(const std::string& db) const {
  const json doc = json::parse(json_, nullptr, false);
  if (!doc.is_object() || !doc.contains("acknowledged") || !doc["acknowledged"].is_object()) return std::nullopt;
  const json& all = doc["acknowledged"];
  auto it = all.find(db);
  if (it == all.end() || !it->is_object() || !it->contains("release") || !(*it)["release"].is_number_integer())
    return std::nullopt;
  return (*it)["release"].get<int>();
}

Status SeatState::acknowledge(const std::string& db, int release) {
  json doc = json::parse(json_, nullptr, false);
  if (!doc.is_object()) doc = json::object();
  if (!doc.contains("acknowledged") || !doc["acknowledged"].is_object()) doc["acknowledged"] = json::object();
  doc["acknowledged"][db] = {{"release", release}, {"time", utc_now()}};
  json_ = doc.dump();
  if (path_.empty()) return Status();
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ec);
  const std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << doc.dump(2) << "\n";
    if (!out.flush()) return Status::io_error("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path_, ec);
  if (ec) return Status::io_error("cannot replace " + path_ + ": " + ec.message());
  dirty_ = true;
  return Status();
}

Status SeatState::flush() {
  if (path_.empty() || !dirty_) return Status();
  Status s = sync_path(path_, false);
  if (s.ok()) s = sync_path(std::filesystem::path(path_).parent_path().string(), true);
  if (s.ok()) dirty_ = false;
  return s;
}

std::string seat_state_path(const std::string& dir) { return dir + "/seat-state-" + seat_name() + ".json"; }

}  // namespace madoguchi::viewer
