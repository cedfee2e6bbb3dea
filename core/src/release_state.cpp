#include "release_state.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "index_versions.h"
#include "madoguchi/schema.h"
#include "release_store.h"

namespace madoguchi {

EntryState live_state(const Xapian::Database& db) {
  EntryState state;
  for (auto& v : read_index_versions(db)) state[v.id].push_back({v.id + "@" + v.effective, std::move(v.hash)});
  for (auto& [id, refs] : state)
    std::sort(refs.begin(), refs.end(), [](const VersionRef& a, const VersionRef& b) { return a.uid < b.uid; });
  return state;
}

Result<EntryState> state_at(const Xapian::Database& db, int n) {
  const int latest = latest_release(db);
  if (n < 0 || n > latest) return Status::not_found("no release " + std::to_string(n) + " (latest is " + std::to_string(latest) + ")");
  EntryState state = live_state(db);
  for (int r = latest; r > n; --r) {  // undo releases newest first
    auto changes = decode_changes(db.get_metadata(release_changes_key(r)));
    if (!changes) return changes.status();
    for (auto& c : *changes) {
      if (c.before.empty()) state.erase(c.id);
      else state[c.id] = std::move(c.before);
    }
  }
  return state;
}

Result<StoredVersion> load_version(const Xapian::Database& db, const VersionRef& ref) {
  const std::string term = std::string(schema::kUid) + ref.uid;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    Xapian::Document doc = db.get_document(*p);
    if (doc.get_value(schema::kSlotFileHash) == ref.hash) return decode_data(doc.get_data());
  }
  const std::string kept = db.get_metadata(std::string(schema::kMetaContent) + ref.hash);
  if (kept.empty()) return Status::corruption("release log: content of " + ref.uid + " (" + ref.hash + ") is missing");
  return decode_data(kept);
}

Result<Corpus> corpus_at(const Xapian::Database& db, int n) {
  auto state = state_at(db, n);
  if (!state) return state.status();
  Corpus corpus;
  for (const auto& [id, refs] : *state) {
    for (const auto& ref : refs) {
      auto v = load_version(db, ref);
      if (!v) return v.status();
      corpus.versions.push_back(std::move(v->version));
    }
  }
  std::sort(corpus.versions.begin(), corpus.versions.end(), [](const EntryVersion& a, const EntryVersion& b) {
    return a.id != b.id ? a.id < b.id : a.effective < b.effective;
  });
  // Synonyms as they were after release n (release 0: as they are in the oldest record).
  std::string hash;
  for (int r = std::max(n, 1); r >= 1; --r) {
    auto info = decode_release_info(db.get_metadata(release_info_key(r)));
    if (info && !info->synonyms_hash.empty()) {
      hash = info->synonyms_hash;
      break;
    }
  }
  if (!hash.empty()) {
    auto groups = nlohmann::json::parse(db.get_metadata(std::string(schema::kMetaSynonyms) + hash), nullptr, false);
    if (groups.is_discarded() || !groups.is_array())
      return Status::corruption("release log: synonyms of release " + std::to_string(n) + " are missing");
    for (const auto& g : groups) corpus.synonyms.push_back({g.get<std::vector<std::string>>(), 0});
  }
  return corpus;
}

}  // namespace madoguchi
