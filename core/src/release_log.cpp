// Reading the release log: lists, diffs between releases, per-entry history (docs/releases.md).
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "dictionary_cache.h"
#include "index_identity.h"
#include "madoguchi/releases.h"
#include "madoguchi/schema.h"
#include "release_state.h"
#include "release_store.h"
#include "reopen_database.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

std::vector<std::pair<std::string, std::string>> fields_of(const EntryVersion& v) {
  return {{"title", v.title},
          {"type", std::string(to_string(v.type))},
          {"category", join(v.category)},
          {"tags", join(v.tags)},
          {"municipalities", join(v.municipalities)},
          {"effective", v.effective.to_string()},
          {"expires", v.expires.to_string()},
          {"source", v.source},
          {"body", v.body}};
}

std::vector<FieldChange> diff_fields(Analyzer& analyzer, const EntryVersion& before, const EntryVersion& after) {
  std::vector<FieldChange> out;
  const auto a = fields_of(before), b = fields_of(after);
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].second == b[i].second) continue;
    out.push_back({a[i].first, a[i].second, b[i].second, word_diff(analyzer, a[i].second, b[i].second)});
  }
  return out;
}

}  // namespace

struct ReleaseLog::Impl {
  std::string db_dir;
  Xapian::Database db;
  std::unique_ptr<Analyzer> analyzer;

  void reopen() { reopen_or_open_anew(db, db_dir); }

  template <class F>
  auto with_retry(F&& action) -> decltype(action()) {
    for (int attempt = 0;; ++attempt) {
      try {
        if (attempt > 0) reopen();
        return action();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt >= 3) return status_from_xapian(e, db_dir);
      } catch (const Xapian::NetworkError& e) {
        if (attempt >= 1) return status_from_xapian(e, db_dir);
      } catch (const Xapian::Error& e) {
        return status_from_xapian(e, db_dir);
      }
    }
  }

  Result<ReleaseInfo> info(int n) {
    const std::string text = db.get_metadata(release_info_key(n));
    if (text.empty()) return Status::not_found("no release " + std::to_string(n) + " in " + db_dir);
    return decode_release_info(text);
  }

  Result<EntryChange> build_change(const std::string& id, const std::vector<VersionRef>& before,
                                   const std::vector<VersionRef>& after) {
    std::map<std::string, std::pair<VersionRef, EntryVersion>> old_versions, new_versions;
    for (const auto& r : before) {
      auto v = load_version(db, r);
      if (!v) return v.status();
      old_versions[r.uid] = {r, std::move(v->version)};
    }
    for (const auto& r : after) {
      auto v = load_version(db, r);
      if (!v) return v.status();
      new_versions[r.uid] = {r, std::move(v->version)};
    }
    EntryChange change;
    change.id = id;
    change.kind = before.empty() ? ChangeKind::kAdded : after.empty() ? ChangeKind::kWithdrawn : ChangeKind::kChanged;
    change.title = !new_versions.empty() ? new_versions.rbegin()->second.second.title
                                         : old_versions.rbegin()->second.second.title;
    std::set<std::string> uids;
    for (const auto& [uid, _] : old_versions) uids.insert(uid);
    for (const auto& [uid, _] : new_versions) uids.insert(uid);
    for (const auto& uid : uids) {
      auto o = old_versions.find(uid);
      auto n = new_versions.find(uid);
      VersionChange vc;
      vc.uid = uid;
      if (o != old_versions.end() && n != new_versions.end()) {
        if (o->second.first.hash == n->second.first.hash) continue;
        vc.kind = ChangeKind::kChanged;
        vc.before = o->second.second;
        vc.after = n->second.second;
        vc.compared_with = uid;
        vc.fields = diff_fields(*analyzer, *vc.before, *vc.after);
      } else if (n != new_versions.end()) {
        vc.kind = ChangeKind::kAdded;
        vc.after = n->second.second;
        // The version it follows: the latest earlier one before the change, else after it.
        const EntryVersion* base = nullptr;
        for (const auto* set : {&old_versions, &new_versions}) {
          auto it = set->lower_bound(uid);
          if (it != set->begin()) {
            --it;
            base = &it->second.second;
            vc.compared_with = it->first;
            break;
          }
        }
        if (base) vc.fields = diff_fields(*analyzer, *base, *vc.after);
      } else {
        vc.kind = ChangeKind::kWithdrawn;
        vc.before = o->second.second;
      }
      change.versions.push_back(std::move(vc));
    }
    return change;
  }

  Result<ReleaseDiff> changes(int from, int to) {
    const int latest = latest_release(db);
    for (int n : {from, to})
      if (n < 0 || n > latest)
        return Status::not_found("no release " + std::to_string(n) + " (latest is " + std::to_string(latest) + ")");
    ReleaseDiff diff;
    diff.from = from;
    diff.to = to;
    const int lo = std::min(from, to), hi = std::max(from, to);
    std::map<std::string, std::pair<std::vector<VersionRef>, std::vector<VersionRef>>> span;  // id -> (at lo, at hi)
    for (int r = lo + 1; r <= hi; ++r) {
      auto ri = info(r);
      if (!ri) return ri.status();
      diff.synonyms_changed = diff.synonyms_changed || ri->synonyms_changed;
      diff.releases.push_back(std::move(*ri));
      if (r == hi && diff.synonyms_changed && lo > 0) {  // changed and changed back counts as no change
        auto at_lo = info(lo);
        if (!at_lo) return at_lo.status();
        if (!at_lo->synonyms_hash.empty() && !diff.releases.back().synonyms_hash.empty())
          diff.synonyms_changed = at_lo->synonyms_hash != diff.releases.back().synonyms_hash;
      }
      auto records = decode_changes(db.get_metadata(release_changes_key(r)));
      if (!records) return records.status();
      for (auto& c : *records) {
        auto it = span.find(c.id);
        if (it == span.end()) span.emplace(c.id, std::make_pair(std::move(c.before), std::move(c.after)));
        else it->second.second = std::move(c.after);
      }
    }
    for (auto& [id, refs] : span) {
      if (refs.first == refs.second) continue;  // changed and changed back
      auto change = from <= to ? build_change(id, refs.first, refs.second) : build_change(id, refs.second, refs.first);
      if (!change) return change.status();
      diff.entries.push_back(std::move(*change));
    }
    return diff;
  }

  Result<EntryHistory> history(const std::string& id) {
    EntryHistory h;
    h.id = id;
    std::vector<int> touched;
    std::istringstream list(db.get_metadata(entry_history_key(id)));
    for (int r; list >> r;) touched.push_back(r);
    std::map<std::pair<std::string, std::string>, size_t> index;  // (uid, hash) -> versions[i]
    auto version_of = [&](const VersionRef& ref) -> Result<HistoricVersion*> {
      if (auto it = index.find({ref.uid, ref.hash}); it != index.end()) return &h.versions[it->second];
      auto v = load_version(db, ref);
      if (!v) return v.status();
      index[{ref.uid, ref.hash}] = h.versions.size();
      h.versions.push_back({ref.uid, ref.hash, std::move(v->version), {}});
      return &h.versions.back();
    };
    auto contains = [](const std::vector<VersionRef>& refs, const VersionRef& ref) {
      return std::find(refs.begin(), refs.end(), ref) != refs.end();
    };
    for (int r : touched) {
      auto ri = info(r);
      if (!ri) return ri.status();
      auto records = decode_changes(db.get_metadata(release_changes_key(r)));
      if (!records) return records.status();
      auto c = std::find_if(records->begin(), records->end(), [&](const auto& rec) { return rec.id == id; });
      if (c == records->end()) continue;
      for (const auto& ref : c->before) {
        auto v = version_of(ref);
        if (!v) return v.status();
        if ((*v)->spans.empty()) (*v)->spans.push_back({0, 0});  // live before the first release
        if (!contains(c->after, ref)) (*v)->spans.back().removed_in = r;
      }
      for (const auto& ref : c->after) {
        if (contains(c->before, ref)) continue;
        auto v = version_of(ref);
        if (!v) return v.status();
        if (!(*v)->live()) (*v)->spans.push_back({r, 0});  // new, or back after a removal
      }
      auto change = build_change(id, c->before, c->after);
      if (!change) return change.status();
      h.releases.push_back({std::move(*ri), std::move(*change)});
    }
    // Live versions no release touched (a database first built by `index`).
    // (A postlist, not value streams: the remote backend has no value streams.)
    const std::string term = std::string(schema::kId) + id;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      Xapian::Document doc = db.get_document(*p);
      VersionRef ref{id + "@" + doc.get_value(schema::kSlotEffective), doc.get_value(schema::kSlotFileHash)};
      auto v = version_of(ref);
      if (!v) return v.status();
      if ((*v)->spans.empty()) (*v)->spans.push_back({0, 0});
    }
    if (h.versions.empty()) return Status::not_found("no entry with id '" + id + "' in any release");
    return h;
  }
};

ReleaseLog::ReleaseLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReleaseLog::~ReleaseLog() = default;

Result<std::unique_ptr<ReleaseLog>> ReleaseLog::open(const std::string& db_dir) {
  auto impl = std::make_unique<Impl>();
  impl->db_dir = db_dir;
  try {
    impl->db = Xapian::Database(db_dir);
    auto stored = stored_identity(impl->db, db_dir);
    if (!stored) return stored.status();
    auto dictionary = shared_dictionary({.profile = stored->profile, .dictionary_dir = stored->dictionary_dir});
    if (!dictionary) return dictionary.status();
    impl->analyzer = std::make_unique<Analyzer>(*dictionary);
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, db_dir);
  }
  return std::unique_ptr<ReleaseLog>(new ReleaseLog(std::move(impl)));
}

bool ReleaseLog::refresh() {
  try {
    const int before = latest_release(impl_->db);
    impl_->reopen();
    return latest_release(impl_->db) != before;
  } catch (const Xapian::Error&) {
    return false;
  }
}

Result<std::optional<ReleaseInfo>> ReleaseLog::check() {
  try {
    impl_->reopen();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, impl_->db_dir);
  }
  return impl_->with_retry([&]() -> Result<std::optional<ReleaseInfo>> { return latest_release_info(impl_->db); });
}

std::optional<ReleaseInfo> ReleaseLog::current() {
  auto r = impl_->with_retry([&]() -> Result<std::optional<ReleaseInfo>> { return latest_release_info(impl_->db); });
  return r ? *r : std::nullopt;
}

Result<std::vector<ReleaseInfo>> ReleaseLog::list() {
  return impl_->with_retry([&]() -> Result<std::vector<ReleaseInfo>> {
    std::vector<ReleaseInfo> out;
    const int latest = latest_release(impl_->db);
    for (int n = 1; n <= latest; ++n) {
      auto r = impl_->info(n);
      if (!r) return r.status();
      out.push_back(std::move(*r));
    }
    return out;
  });
}

Result<ReleaseInfo> ReleaseLog::info(int number) {
  return impl_->with_retry([&]() -> Result<ReleaseInfo> { return impl_->info(number); });
}

Result<ReleaseDiff> ReleaseLog::changes(int from, int to) {
  return impl_->with_retry([&]() -> Result<ReleaseDiff> { return impl_->changes(from, to); });
}

Result<EntryHistory> ReleaseLog::history(const std::string& id) {
  return impl_->with_retry([&]() -> Result<EntryHistory> { return impl_->history(id); });
}

}  // namespace madoguchi
