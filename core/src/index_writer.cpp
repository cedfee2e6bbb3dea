#include "madoguchi/index_writer.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <xapian.h>

#include "index_document.h"
#include "index_identity.h"
#include "madoguchi/schema.h"
#include "normalizer.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

struct Existing {
  Xapian::docid docid;
  std::string hash;
  std::string group;  // the sibling layout the document's data was written with
};

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

Result<IndexStats> build_index(const Corpus& corpus, const std::string& db_dir, const IndexOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(db_dir, ec);
  IndexStats stats;
  bool in_transaction = false;
  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
    auto dictionary = dictionary_for(db, db_dir, options.analyzer);
    if (!dictionary) return dictionary.status();
    Analyzer analyzer(*dictionary);

    // What the index holds now: uid -> document, to skip unchanged files.
    std::unordered_map<std::string, Existing> existing;
    for (auto t = db.allterms_begin(std::string(schema::kUid)); t != db.allterms_end(std::string(schema::kUid)); ++t) {
      auto p = db.postlist_begin(*t);
      if (p == db.postlist_end(*t)) continue;
      Xapian::Document doc = db.get_document(*p);
      auto stored = decode_data(doc.get_data());
      std::string group;
      if (stored)
        for (const auto& s : stored->siblings) group += s.span.effective.sortable_key() + s.span.until.sortable_key() + s.title;
      existing[(*t).substr(schema::kUid.size())] = {*p, doc.get_value(schema::kSlotFileHash), group};
    }

    db.begin_transaction();
    in_transaction = true;
    std::set<Xapian::docid> kept;
    size_t i = 0;
    while (i < corpus.versions.size()) {
      size_t j = i;
      while (j < corpus.versions.size() && corpus.versions[j].id == corpus.versions[i].id) ++j;
      std::vector<Date> effective, expires;
      for (size_t k = i; k < j; ++k) {
        effective.push_back(corpus.versions[k].effective);
        expires.push_back(corpus.versions[k].expires);
      }
      auto spans = compute_spans(effective, expires);
      std::vector<SiblingVersion> siblings;
      std::string group;
      for (size_t k = i; k < j; ++k) {
        siblings.push_back({spans[k - i], corpus.versions[k].title});
        group += spans[k - i].effective.sortable_key() + spans[k - i].until.sortable_key() + corpus.versions[k].title;
      }
      for (size_t k = i; k < j; ++k) {
        StoredVersion stored{corpus.versions[k], spans[k - i], siblings, int(k - i)};
        const std::string uid = uid_of(stored.version.id, stored.version.effective);
        auto old = existing.find(uid);
        const bool same_file = old != existing.end() &&
                               old->second.hash == fmt::format("{:016x}", stored.version.content_hash);
        if (same_file && old->second.group == group) {
          kept.insert(old->second.docid);
          ++stats.unchanged;
          continue;
        }
        Xapian::Document doc;
        if (same_file) {
          doc = db.get_document(old->second.docid);  // terms unchanged; only validity moved
          ++stats.unchanged;
        } else {
          add_terms(analyzer, stored.version, doc);
          ++stats.analyzed;
        }
        doc.set_data(encode_data(stored));
        set_values(stored, doc);
        kept.insert(db.replace_document(std::string(schema::kUid) + uid, doc));
      }
      ++stats.entries;
      i = j;
    }
    for (const auto& [uid, e] : existing) {
      if (kept.count(e.docid)) continue;
      db.delete_document(e.docid);
      ++stats.removed;
    }

    // Synonyms: replace the whole table with the editors' file, each member keyed by its terms.
    std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& k : old_keys) db.clear_synonyms(k);
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
          if (a != b) db.add_synonym(a, b);
      if (keys.size() >= 2) ++stats.synonym_groups;
    }

    db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.identity().to_json());
    db.set_metadata(std::string(schema::kMetaCharset), collect_charset(corpus));
    db.set_metadata(std::string(schema::kMetaEntryCount), std::to_string(stats.entries));
    db.set_metadata(std::string(schema::kMetaBuiltAt), now_iso());

    if (options.before_commit) {
      if (Status s = options.before_commit(); !s.ok()) {
        db.cancel_transaction();
        db.close();
        if (!existed) fs::remove_all(db_dir, ec);
        return s;
      }
    }
    db.commit_transaction();
    in_transaction = false;
    stats.versions = int(db.get_doccount());
    db.close();
  } catch (const Xapian::Error& e) {
    try {
      if (in_transaction) db.cancel_transaction();
      db.close();
    } catch (const Xapian::Error&) {
    }
    if (!existed) fs::remove_all(db_dir, ec);
    return status_from_xapian(e, db_dir);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace madoguchi
