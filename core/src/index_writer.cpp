#include "madoguchi/index_writer.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <xxhash.h>

#include "index_document.h"
#include "index_identity.h"
#include "index_writer_internal.h"
#include "madoguchi/schema.h"
#include "normalizer.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

struct Existing {
  Xapian::docid docid;
  std::string uid;
  std::string hash;
};

// What the index holds, per entry id, read from value slots only (cheap at 100k documents).
std::map<std::string, std::vector<Existing>> read_existing(Xapian::WritableDatabase& db) {
  std::unordered_map<Xapian::docid, Existing> docs;
  std::unordered_map<Xapian::docid, std::string> ids;
  for (auto v = db.valuestream_begin(schema::kSlotId); v != db.valuestream_end(schema::kSlotId); ++v)
    ids[v.get_docid()] = *v;
  for (auto v = db.valuestream_begin(schema::kSlotEffective); v != db.valuestream_end(schema::kSlotEffective); ++v)
    docs[v.get_docid()].uid = *v;
  for (auto v = db.valuestream_begin(schema::kSlotFileHash); v != db.valuestream_end(schema::kSlotFileHash); ++v)
    docs[v.get_docid()].hash = *v;
  std::map<std::string, std::vector<Existing>> out;
  for (auto& [docid, id] : ids) {
    Existing e = docs[docid];
    e.docid = docid;
    e.uid = id + "@" + e.uid;  // uid_of(): the effective slot holds 00010101 for "no date"
    out[id].push_back(std::move(e));
  }
  for (auto& [id, list] : out)
    std::sort(list.begin(), list.end(), [](const Existing& a, const Existing& b) { return a.uid < b.uid; });
  return out;
}

std::string synonyms_json(const Corpus& corpus) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : corpus.synonyms) groups.push_back(g.members);
  return groups.dump();
}

// Every character the corpus uses, so that the viewer can build its glyph atlas from it.
std::string collect_charset(const Corpus& corpus) {
  std::set<char32_t> chars;
  auto add = [&](const std::string& s) {
    size_t pos = 0;
    while (pos < s.size()) chars.insert(next_code_point(s, pos));
  };
  for (const auto& v : corpus.versions) {
    add(v.title);
    add(v.body);
    for (const auto& c : v.category) add(c);
    for (const auto& t : v.tags) add(t);
    for (const auto& m : v.municipalities) add(m);
  }
  std::string out;
  for (char32_t c : chars)
    if (c >= 0x20) append_utf8(out, c);
  return out;
}

std::string now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// The analyzer an index must be written with: its own, or the requested one for a new index.
Result<std::shared_ptr<const Dictionary>> dictionary_for(Xapian::WritableDatabase& db, const std::string& db_dir,
                                                         const AnalyzerOptions& requested) {
  if (db.get_metadata(std::string(schema::kMetaAnalyzer)).empty()) return Dictionary::open(requested);
  auto stored = stored_identity(db, db_dir);
  if (!stored) return stored.status();
  AnalyzerOptions options{.profile = stored->profile,
                          .dictionary_dir = requested.profile == stored->profile && !requested.dictionary_dir.empty()
                                                ? requested.dictionary_dir
                                                : stored->dictionary_dir};
  auto dictionary = Dictionary::open(options);
  if (!dictionary) return dictionary.status();
  if (auto s = check_identity(*stored, (*dictionary)->identity(), db_dir); !s.ok()) return s;
  return dictionary;
}

}  // namespace

Result<WriteResult> write_corpus(const Corpus& corpus, const std::string& db_dir, const WriteOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(db_dir, ec);
  WriteResult result;
  IndexStats& stats = result.stats;
  WritePlan& plan = result.plan;
  bool in_transaction = false;
  Xapian::WritableDatabase db;
  auto abandon = [&]() {
    try {
      if (in_transaction) db.cancel_transaction();
      db.close();
    } catch (const Xapian::Error&) {
    }
    if (!existed) fs::remove_all(db_dir, ec);
  };
  // Xapian creates the database directory but not its parents (`--db /srv/madoguchi/live`).
  if (!existed) {
    if (auto parent = fs::path(db_dir).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
  }
  try {
    db = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
    if (!options.record && !db.get_metadata(std::string(schema::kMetaRelease)).empty()) {
      abandon();
      return Status::invalid_input(
          "this is a live database with releases: update it with `madoguchi publish` so that every change is "
          "recorded (`index` is the editors' local build)",
          {db_dir, 0});
    }
    auto dictionary = dictionary_for(db, db_dir, options.analyzer);
    if (!dictionary) {
      abandon();
      return dictionary.status();
    }
    Analyzer analyzer(*dictionary);
    auto existing = read_existing(db);

    db.begin_transaction();
    in_transaction = true;
    // An id whose set of (uid, content hash) is unchanged keeps all its documents as they are:
    // sibling data derives from the versions' contents only.
    size_t i = 0;
    while (i < corpus.versions.size()) {
      size_t j = i;
      while (j < corpus.versions.size() && corpus.versions[j].id == corpus.versions[i].id) ++j;
      const std::string& id = corpus.versions[i].id;
      EntryChangeRecord change{id, ChangeKind::kAdded, {}, {}};
      for (size_t k = i; k < j; ++k)
        change.after.push_back({uid_of(id, corpus.versions[k].effective),
                                fmt::format("{:016x}", corpus.versions[k].content_hash)});
      std::sort(change.after.begin(), change.after.end(), [](auto& a, auto& b) { return a.uid < b.uid; });
      std::vector<Existing> old;
      if (auto it = existing.find(id); it != existing.end()) {
        old = std::move(it->second);
        existing.erase(it);
      }
      for (const auto& e : old) change.before.push_back({e.uid, e.hash});
      ++stats.entries;
      if (change.before == change.after) {
        stats.unchanged += int(j - i);
        i = j;
        continue;
      }
      change.kind = old.empty() ? ChangeKind::kAdded : ChangeKind::kChanged;

      std::vector<Date> effective, expires;
      for (size_t k = i; k < j; ++k) {
        effective.push_back(corpus.versions[k].effective);
        expires.push_back(corpus.versions[k].expires);
      }
      auto spans = compute_spans(effective, expires);
      std::vector<SiblingVersion> siblings;
      for (size_t k = i; k < j; ++k) siblings.push_back({spans[k - i], corpus.versions[k].title});
      std::set<std::string> kept_uids;
      for (size_t k = i; k < j; ++k) {
        StoredVersion stored{corpus.versions[k], spans[k - i], siblings, int(k - i)};
        const std::string uid = uid_of(id, stored.version.effective);
        const std::string hash = fmt::format("{:016x}", stored.version.content_hash);
        kept_uids.insert(uid);
        auto same = std::find_if(old.begin(), old.end(), [&](const Existing& e) { return e.uid == uid; });
        Xapian::Document doc;
        if (same != old.end() && same->hash == hash) {
          doc = db.get_document(same->docid);  // terms unchanged; only validity or siblings moved
          ++stats.unchanged;
        } else {
          if (same != old.end() && options.keep_previous)
            db.set_metadata(std::string(schema::kMetaContent) + same->hash, db.get_document(same->docid).get_data());
          add_terms(analyzer, stored.version, doc);
          ++stats.analyzed;
        }
        doc.set_data(encode_data(stored));
        set_values(stored, doc);
        db.replace_document(std::string(schema::kUid) + uid, doc);
      }
      for (const auto& e : old) {
        if (kept_uids.count(e.uid)) continue;
        if (options.keep_previous)
          db.set_metadata(std::string(schema::kMetaContent) + e.hash, db.get_document(e.docid).get_data());
        db.delete_document(e.docid);
        ++stats.removed;
      }
      plan.changes.push_back(std::move(change));
      i = j;
    }
    for (const auto& [id, old] : existing) {  // ids whose files are all gone
      EntryChangeRecord change{id, ChangeKind::kWithdrawn, {}, {}};
      for (const auto& e : old) {
        change.before.push_back({e.uid, e.hash});
        if (options.keep_previous)
          db.set_metadata(std::string(schema::kMetaContent) + e.hash, db.get_document(e.docid).get_data());
        db.delete_document(e.docid);
        ++stats.removed;
      }
      plan.changes.push_back(std::move(change));
    }
    std::sort(plan.changes.begin(), plan.changes.end(), [](auto& a, auto& b) { return a.id < b.id; });

    // Synonyms: each member keyed by its terms; the table is rewritten only when the file changed.
    plan.synonyms_json = synonyms_json(corpus);
    plan.synonyms_hash = fmt::format("{:016x}", XXH64(plan.synonyms_json.data(), plan.synonyms_json.size(), 0));
    plan.synonyms_changed = db.get_metadata(std::string(schema::kMetaSynonymsHash)) != plan.synonyms_hash;
    std::vector<std::pair<std::string, std::string>> synonym_pairs;
    for (const auto& group : corpus.synonyms) {
      std::vector<std::string> keys;
      for (const auto& member : group.members) {
        std::string key;
        for (const Token& t : analyzer.analyze(member)) {
          if (t.kind != TokenKind::kWord) continue;
          if (!key.empty()) key += ' ';
          key += t.term;
        }
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      }
      for (const auto& a : keys)
        for (const auto& b : keys)
          if (a != b) synonym_pairs.emplace_back(a, b);
      if (keys.size() >= 2) ++stats.synonym_groups;
    }
    if (plan.synonyms_changed) {
      std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
      for (const auto& k : old_keys) db.clear_synonyms(k);
      for (const auto& [a, b] : synonym_pairs) db.add_synonym(a, b);
      db.set_metadata(std::string(schema::kMetaSynonymsHash), plan.synonyms_hash);
    }

    db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.identity().to_json());
    db.set_metadata(std::string(schema::kMetaCharset), collect_charset(corpus));
    db.set_metadata(std::string(schema::kMetaEntryCount), std::to_string(stats.entries));
    db.set_metadata(std::string(schema::kMetaBuiltAt), now_iso());

    if (options.record) {
      bool skip = false;
      if (Status s = options.record(db, plan, &skip); !s.ok()) {
        abandon();
        return s;
      }
      if (skip) {
        result.skipped = true;
        db.cancel_transaction();
        in_transaction = false;
        stats.versions = int(db.get_doccount());
        db.close();
        stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
      }
    }
    if (options.before_commit) {
      if (Status s = options.before_commit(); !s.ok()) {
        abandon();
        return s;
      }
    }
    db.commit_transaction();
    in_transaction = false;
    stats.versions = int(db.get_doccount());
    db.close();
  } catch (const Xapian::Error& e) {
    abandon();
    return status_from_xapian(e, db_dir);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

Result<IndexStats> build_index(const Corpus& corpus, const std::string& db_dir, const IndexOptions& options) {
  auto written = write_corpus(corpus, db_dir, {.analyzer = options.analyzer, .before_commit = options.before_commit});
  if (!written) return written.status();
  return written->stats;
}

}  // namespace madoguchi
