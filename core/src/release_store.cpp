#include "release_store.h"

#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

using nlohmann::json;

constexpr size_t kMaxMetadataKey = 200;  // Xapian refuses keys near 245 bytes

json refs_json(const std::vector<VersionRef>& refs) {
  json out = json::array();
  for (const auto& r : refs) out.push_back({r.uid, r.hash});
  return out;
}

std::vector<VersionRef> refs_from(const json& j) {
  std::vector<VersionRef> out;
  for (const auto& r : j) out.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>()});
  return out;
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded: return "added";
    case ChangeKind::kChanged: return "changed";
    case ChangeKind::kWithdrawn: return "withdrawn";
  }
  return "changed";
}

std::string release_info_key(int number) { return fmt::format("{}{:08}", schema::kMetaReleaseInfo, number); }
std::string release_changes_key(int number) { return fmt::format("{}{:08}", schema::kMetaReleaseChanges, number); }

std::string entry_history_key(const std::string& id) {
  std::string key = std::string(schema::kMetaEntryHistory) + id;
  if (key.size() <= kMaxMetadataKey) return key;
  // Ids are [a-z0-9-]+, so '#' cannot collide with a real id.
  return fmt::format("{}#{:016x}", schema::kMetaEntryHistory, XXH64(id.data(), id.size(), 0));
}

std::string encode_release_info(const ReleaseInfo& r) {
  return json{{"number", r.number},   {"time", r.time},         {"author", r.author},
              {"message", r.message}, {"kind", r.kind},         {"rollback_to", r.rollback_to},
              {"added", r.added},     {"changed", r.changed},   {"withdrawn", r.withdrawn},
              {"synonyms_changed", r.synonyms_changed},         {"synonyms_hash", r.synonyms_hash}}
      .dump();
}

Result<ReleaseInfo> decode_release_info(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::corruption("release record is not JSON");
  try {
    ReleaseInfo r;
    r.number = j.at("number").get<int>();
    r.time = j.at("time").get<std::string>();
    r.author = j.at("author").get<std::string>();
    r.message = j.at("message").get<std::string>();
    r.kind = j.value("kind", std::string("publish"));
    r.rollback_to = j.value("rollback_to", 0);
    r.added = j.value("added", 0);
    r.changed = j.value("changed", 0);
    r.withdrawn = j.value("withdrawn", 0);
    r.synonyms_changed = j.value("synonyms_changed", false);
    r.synonyms_hash = j.value("synonyms_hash", std::string());
    return r;
  } catch (const json::exception& e) {
    return Status::corruption(std::string("release record: ") + e.what());
  }
}

std::string encode_changes(const std::vector<EntryChangeRecord>& changes) {
  json out = json::array();
  for (const auto& c : changes)
    out.push_back({{"id", c.id},
                   {"kind", std::string(to_string(c.kind))},
                   {"before", refs_json(c.before)},
                   {"after", refs_json(c.after)}});
  return out.dump();
}

Result<std::vector<EntryChangeRecord>> decode_changes(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Status::corruption("release changes are not JSON");
  try {
    std::vector<EntryChangeRecord> out;
    for (const auto& c : j) {
      EntryChangeRecord r;
      r.id = c.at("id").get<std::string>();
      const std::string kind = c.at("kind").get<std::string>();
      r.kind = kind == "added" ? ChangeKind::kAdded : kind == "withdrawn" ? ChangeKind::kWithdrawn : ChangeKind::kChanged;
      r.before = refs_from(c.at("before"));
      r.after = refs_from(c.at("after"));
      out.push_back(std::move(r));
    }
    return out;
  } catch (const json::exception& e) {
    return Status::corruption(std::string("release changes: ") + e.what());
  }
}

int latest_release(const Xapian::Database& db) {
  return std::atoi(db.get_metadata(std::string(schema::kMetaRelease)).c_str());
}

std::optional<ReleaseInfo> latest_release_info(const Xapian::Database& db) {
  const int n = latest_release(db);
  if (n <= 0) return std::nullopt;
  auto info = decode_release_info(db.get_metadata(release_info_key(n)));
  if (!info) return std::nullopt;
  return *info;
}

std::string utc_now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace madoguchi
