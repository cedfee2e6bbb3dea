#include "madoguchi/index_writer.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analysis_pipeline.h"
#include "index_document.h"
#include "index_identity.h"
#include "index_versions.h"
#include "index_writer_internal.h"
#include "madoguchi/schema.h"
#include "normalizer.h"
#include "sharded_build.h"
#include "sudachi_restriction.h"
#include "synonym_table.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

// One document the index holds, as views of its value slots (read_index_versions_shared(), which
// must outlive it): no string is built for the unchanged majority.
struct Existing {
  Xapian::docid docid;
  std::string_view id;
  std::string_view effective;  // uid_of(): the effective slot holds 00010101 for "no date"
  std::string_view hash;
  std::string uid() const { return std::string(id) + "@" + std::string(effective); }
};
using ExistingGroup = std::span<const Existing>;

// The document of `old` whose uid (uid_of(): "id@YYYYMMDD") is `uid`, or null; compared without
// building each document's uid.
const Existing* existing_of(ExistingGroup old, std::string_view uid) {
  for (const Existing& e : old)
    if (uid.size() == e.id.size() + 1 + e.effective.size() && uid.substr(0, e.id.size()) == e.id &&
        uid[e.id.size()] == '@' && uid.substr(e.id.size() + 1) == e.effective)
      return &e;
  return nullptr;
}

// What the index holds, sorted by (id, effective) as the corpus's versions are, so that the two
// are walked side by side (ExistingWalk) instead of looking each id up in a map of 100k strings
// (a sixth of an unchanged 100k run). Docids follow the order the versions were first written in,
// so the slots mostly come sorted already.
std::vector<Existing> read_existing(const std::vector<IndexedVersion>& versions) {
  std::vector<Existing> out;
  out.reserve(versions.size());
  for (const auto& v : versions) out.push_back({v.docid, v.id, v.effective, v.hash});
  auto less = [](const Existing& a, const Existing& b) { return std::tie(a.id, a.effective) < std::tie(b.id, b.effective); };
  if (!std::is_sorted(out.begin(), out.end(), less)) std::sort(out.begin(), out.end(), less);
  return out;
}

// Walks read_existing()'s documents in id order, beside the corpus's groups.
class ExistingWalk {
 public:
  explicit ExistingWalk(const std::vector<Existing>& all) : all_(all) {}

  // Moves to `id` (ids must come in increasing order): `skipped` gets the documents of the ids
  // before it, which the corpus no longer has; returns those of `id` (empty: a new id).
  ExistingGroup advance_to(std::string_view id, ExistingGroup* skipped = nullptr) {
    const size_t from = at_;
    while (at_ < all_.size() && all_[at_].id < id) ++at_;
    const size_t start = at_;
    while (at_ < all_.size() && all_[at_].id == id) ++at_;
    if (skipped) *skipped = ExistingGroup(all_.data() + from, start - from);
    return ExistingGroup(all_.data() + start, at_ - start);
  }

  // The documents after the last id walked to.
  ExistingGroup rest() {
    const size_t from = at_;
    at_ = all_.size();
    return ExistingGroup(all_.data() + from, at_ - from);
  }

 private:
  const std::vector<Existing>& all_;
  size_t at_ = 0;
};

std::string synonyms_json(const Corpus& corpus) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : corpus.synonyms) groups.push_back(g.members);
  return groups.dump();
}

// A synonym member's key in the synonym table: its word terms, space-separated ("" when none).
std::string synonym_key(Analyzer& analyzer, const std::string& member) {
  std::string key;
  for (const Token& t : analyzer.analyze(member)) {
    if (t.kind != TokenKind::kWord) continue;
    if (!key.empty()) key += ' ';
    key += t.term;
  }
  return key;
}

// Every character the corpus uses, so that the viewer can build its glyph atlas from it, kept as
// per-character counts of the versions using it: an incremental run adds the versions it writes
// and subtracts those it replaces or removes, without the text of the unchanged ones.
class CharCounts {
 public:
  void add(const EntryVersion& v, long delta) {
    chars_.clear();
    auto collect = [&](const std::string& s) {
      size_t pos = 0;
      while (pos < s.size()) chars_.push_back(next_code_point(s, pos));
    };
    collect(v.title);
    collect(v.body);
    for (const auto& c : v.category) collect(c);
    for (const auto& t : v.tags) collect(t);
    for (const auto& m : v.municipalities) collect(m);
    std::sort(chars_.begin(), chars_.end());
    chars_.erase(std::unique(chars_.begin(), chars_.end()), chars_.end());
    for (char32_t c : chars_)
      if (c < counts_.size()) counts_[c] += delta;
  }

  std::string encode() const {
    std::string out;
    for (size_t c = 0; c < counts_.size(); ++c)
      if (counts_[c] > 0) out += fmt::format("{:x} {}\n", c, counts_[c]);
    return out;
  }

  bool decode(const std::string& text) {
    if (text.empty()) return false;
    std::fill(counts_.begin(), counts_.end(), 0);
    size_t pos = 0;
    while (pos < text.size()) {
      char* end = nullptr;
      const unsigned long c = std::strtoul(text.c_str() + pos, &end, 16);
      const long n = std::strtol(end, &end, 10);
      if (*end != '\n' || c >= counts_.size()) return false;
      counts_[c] = n;
      pos = size_t(end - text.c_str()) + 1;
    }
    return true;
  }

  std::string charset() const {
    std::string out;
    for (size_t c = 0x20; c < counts_.size(); ++c)
      if (counts_[c] > 0) append_utf8(out, char32_t(c));
    return out;
  }

 private:
  std::vector<long> counts_ = std::vector<long>(0x110000);
  std::vector<char32_t> chars_;
};

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

// A content hash as value slot 3 holds it: 16 lowercase hex digits ("{:016x}", without fmt's
// formatting machinery, which was most of refs_of() on an unchanged 100k corpus).
void hash_hex(uint64_t hash, char (&out)[16]) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = kDigits[hash & 0xf];
}

std::string hash_hex(uint64_t hash) {
  char out[16];
  hash_hex(hash, out);
  return std::string(out, sizeof out);
}

// The (uid, hash) pairs of corpus versions [i, j) of one id, sorted by uid.
std::vector<VersionRef> refs_of(const Corpus& corpus, size_t i, size_t j) {
  std::vector<VersionRef> out;
  for (size_t k = i; k < j; ++k)
    out.push_back({uid_of(corpus.versions[k].id, corpus.versions[k].effective),
                   hash_hex(corpus.versions[k].content_hash)});
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.uid < b.uid; });
  return out;
}

std::vector<VersionRef> refs_of(ExistingGroup old) {
  std::vector<VersionRef> out;
  for (const auto& e : old) out.push_back({e.uid(), std::string(e.hash)});
  return out;
}

// Whether versions [i, j) of one id are exactly the documents `old` holds (the same uids with
// the same hashes): refs_of() of both compared, without building their strings (most ids of an
// incremental run are unchanged, and this ran twice for each of them).
bool same_versions(const Corpus& corpus, size_t i, size_t j, ExistingGroup old) {
  if (j - i != old.size()) return false;
  for (size_t k = i; k < j; ++k) {
    const EntryVersion& v = corpus.versions[k];
    char effective[8];  // the uid's date part, as uid_of() writes it ("%08d"; snprintf cost 7%)
    for (int d = 7, n = v.effective.valid() ? v.effective.yyyymmdd : 10101; d >= 0; --d, n /= 10)
      effective[d] = char('0' + n % 10);
    char hash[16];
    hash_hex(v.content_hash, hash);
    auto same = std::find_if(old.begin(), old.end(), [&](const Existing& e) {
      return e.hash == std::string_view(hash, sizeof hash) && e.id == v.id &&
             e.effective == std::string_view(effective, sizeof effective);
    });
    if (same == old.end()) return false;
  }
  return true;
}

// Versions [i, j) are the documents `old` holds; a file among them moved or renamed keeps its
// document, but the path it records follows the file (editors find it by that path: history,
// releases JSON). Only files the stamp cache did not vouch for are looked at: one posting lookup
// each, the document read only when the path term is not on it.
Status follow_moved_files(Xapian::WritableDatabase& db, const Corpus& corpus, size_t i, size_t j, ExistingGroup old) {
  for (size_t k = i; k < j; ++k) {
    const EntryVersion& v = corpus.versions[k];
    if (v.path_recorded) continue;
    const std::string uid = uid_of(v.id, v.effective);
    const Existing* same = existing_of(old, uid);
    if (!same) continue;  // not expected: same_versions() matched every version
    const std::string term = std::string(schema::kPath) + v.path;
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p != db.postlist_end(term)) p.skip_to(same->docid);
    if (p != db.postlist_end(term) && *p == same->docid) continue;
    Xapian::Document doc = db.get_document(same->docid);
    auto moved = move_to_path(doc, v.path);
    if (!moved) return moved.status();
    if (*moved) db.replace_document(same->docid, doc);
  }
  return Status();
}

// The end of the id group that starts at version i.
size_t group_end(const Corpus& corpus, size_t i) {
  size_t j = i;
  while (j < corpus.versions.size() && corpus.versions[j].id == corpus.versions[i].id) ++j;
  return j;
}

// Whether version `v` of a changed id must be analyzed (else its old document's terms stay).
bool needs_analysis(const EntryVersion& v, ExistingGroup old) {
  const std::string uid = uid_of(v.id, v.effective);
  const Existing* same = existing_of(old, uid);
  return !same || same->hash != hash_hex(v.content_hash);
}

// Documents written before value slot 4 (the re-ranker's question length) existed, by a build of
// the same analysis version: their terms are current, so the slot is counted from their own XQ
// terms, with no file read or analyzed. Until every document has it the re-ranker stays off for
// the whole index (reranker.cpp), and rebuilding a live database from scratch would lose its
// release history. Returns how many documents gained it; free when none lacks it.
int add_missing_question_words(Xapian::WritableDatabase& db) {
  if (db.get_value_freq(schema::kSlotQuestionWords) == db.get_doccount()) return 0;
  std::vector<Xapian::docid> lacking;  // found first: the iterators are not walked while writing
  auto has = db.valuestream_begin(schema::kSlotQuestionWords);
  const auto has_end = db.valuestream_end(schema::kSlotQuestionWords);
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    if (has != has_end) has.skip_to(*p);
    if (has == has_end || has.get_docid() != *p) lacking.push_back(*p);
  }
  for (const Xapian::docid docid : lacking) {
    Xapian::Document doc = db.get_document(docid);
    set_question_words(doc);
    db.replace_document(docid, doc);
  }
  return int(lacking.size());
}

// The index's version of an unparsed file, read again (a changed entry needs its siblings whole).
Result<EntryVersion> reparse(const Corpus& corpus, const EntryVersion& v) {
  if (!v.unparsed) return v;
  auto full = load_entry(corpus.root, v.path);
  if (!full) return full.status();
  if (full->content_hash != v.content_hash)
    return Status::invalid_input("file changed while the corpus was being indexed, or without changing its size, times "
                                 "and inode: run again with --verify", {v.path, 0});
  return full;
}

// Where a new database is built before it is renamed to `db_dir`: a build that fails or is killed
// never leaves a half-built database there (an index that existed is updated in a transaction).
std::string aside_dir(std::string db_dir) {
  while (db_dir.size() > 1 && db_dir.back() == '/') db_dir.pop_back();
  return db_dir + ".building";
}

// Removes what a killed build of `dir` left (the database and its shards), unless a build running
// now holds it (Xapian's write lock).
Status clear_leftovers(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (unsigned n = 0;; ++n) {
    const std::string d = n == 0 ? dir : shard_dir(dir, n - 1);
    if (!fs::exists(d, ec)) {
      if (n > 0) return Status();
      continue;
    }
    try {
      Xapian::WritableDatabase probe(d, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      return status_from_xapian(e, d);
    } catch (const Xapian::Error&) {
      // not a whole database: a build killed while creating or compacting it
    }
    fs::remove_all(d, ec);
  }
}

}  // namespace

KnownFiles known_files(const std::string& db_dir) {
  KnownFiles out;
  try {
    Xapian::Database db(db_dir);
    if (db.get_metadata(std::string(schema::kMetaCharsetCounts)).empty()) return out;
    const auto versions = read_index_versions_shared(db, db_dir);
    out.reserve(versions->size());
    for (const auto& v : *versions) {
      if (v.hash.size() != 16 || v.effective.empty()) continue;
      const int yyyymmdd = std::atoi(v.effective.c_str());
      // uid_of(): the effective slot holds 00010101 for "no date"
      out[std::strtoull(v.hash.c_str(), nullptr, 16)] = {v.id, Date{v.effective == "00010101" ? 0 : yyyymmdd}};
    }
  } catch (const Xapian::Error&) {
    out.clear();  // no index (yet), or unreadable: parse everything, write_corpus reports the rest
  }
  return out;
}

namespace {

// Whether `dir` holds a Xapian database (of any kind Xapian opens).
bool holds_database(const std::string& dir) {
  try {
    Xapian::Database probe(dir);
    return true;
  } catch (const Xapian::Error&) {
    return false;
  }
}

// Whether `dir` is a replica kept by xapian-replicate: its XAPIANDB stub says so. Written to, it
// serves other answers than the publisher's and breaks the next changeset applied to it.
bool is_replica(const std::string& dir) {
  std::ifstream stub(std::filesystem::path(dir) / "XAPIANDB");
  std::string line;
  while (std::getline(stub, line))
    if (line.find("Xapian::DatabaseReplica") != std::string::npos) return true;
  return false;
}

}  // namespace

Result<WriteResult> write_corpus(const Corpus& corpus, const std::string& db_dir, const WriteOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(db_dir, ec);
  // A new database is built aside and renamed into place; a publish's first release keeps the one
  // path that its release store expects.
  const bool aside = !existed && !options.record;
  const std::string build_dir = aside ? aside_dir(db_dir) : db_dir;
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
    if (!existed) fs::remove_all(build_dir, ec);
  };
  // An existing directory is written to only when it is an index or empty: `--db` mistyped as the
  // corpus's own directory must not fill it with Xapian's files.
  if (existed && fs::is_directory(db_dir, ec) && !fs::is_empty(db_dir, ec) && !holds_database(db_dir))
    return Status::invalid_input("not an index and not empty: refusing to build an index into it (give a new directory)",
                                 {db_dir, 0});
  if (existed && is_replica(db_dir))
    return Status::invalid_input(
        "a replica kept by xapian-replicate: publish and roll back on the publisher's database, and the replica "
        "follows it",
        {db_dir, 0});
  // Xapian creates the database directory but not its parents (`--db /srv/madoguchi/live`).
  if (!existed) {
    if (auto parent = fs::path(db_dir).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
  }
  if (aside)
    if (Status s = clear_leftovers(build_dir); !s.ok()) return s;
  try {
    db = Xapian::WritableDatabase(build_dir, Xapian::DB_CREATE_OR_OPEN);
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
    const auto indexed = read_index_versions_shared(db, db_dir);  // the loader's read, unless a writer came between
    const std::vector<Existing> existing = read_existing(*indexed);

    // The charset: counted afresh from a fully parsed corpus, else updated from the stored counts.
    CharCounts chars;
    const bool incremental_chars = std::any_of(corpus.versions.begin(), corpus.versions.end(),
                                               [](const EntryVersion& v) { return v.unparsed; });
    if (incremental_chars && !chars.decode(db.get_metadata(std::string(schema::kMetaCharsetCounts)))) {
      abandon();
      return Status::internal("unparsed corpus versions but the index at " + db_dir + " has no character counts");
    }
    if (!incremental_chars)
      for (const auto& v : corpus.versions) chars.add(v, 1);
    // Which words appear in or vanish from the index, for Sudachi's pairs.
    TermChanges term_changes(options.sudachi.scope != SudachiScope::kOff);
    // Drops a version leaving the index (replaced or removed), keeping its data when asked.
    auto leaving = [&](Xapian::docid docid, std::string_view hash) -> Status {
      term_changes.removed(db, docid);
      if (!options.keep_previous && !incremental_chars) return Status();
      const std::string data = db.get_document(docid).get_data();
      if (options.keep_previous) db.set_metadata(std::string(schema::kMetaContent) + std::string(hash), data);
      if (incremental_chars) {
        auto old = decode_data(data);
        if (!old) return old.status();
        chars.add(old->version, -1);
      }
      return Status();
    };

    // The versions of every changed id, whole, and those to analyze, in the order the loop below
    // writes them, so that their documents are built ahead on worker threads while this thread
    // writes (the same decisions as the loop).
    std::deque<VersionGroup> groups;
    std::vector<DocumentJob> jobs;
    ExistingWalk ahead(existing);
    for (size_t i = 0, j = 0; i < corpus.versions.size(); i = j) {
      j = group_end(corpus, i);
      const ExistingGroup old = ahead.advance_to(corpus.versions[i].id);
      if (same_versions(corpus, i, j, old)) continue;
      VersionGroup& group = groups.emplace_back();
      if (std::any_of(corpus.versions.begin() + i, corpus.versions.begin() + j,
                      [](const EntryVersion& v) { return v.unparsed; }))
        group.reparsed.reserve(j - i);
      for (size_t k = i; k < j; ++k) {
        if (!corpus.versions[k].unparsed) {
          group.versions.push_back(&corpus.versions[k]);
          continue;
        }
        auto full = reparse(corpus, corpus.versions[k]);  // a changed entry needs its siblings whole
        if (!full) {
          abandon();
          return full.status();
        }
        group.reparsed.push_back(std::move(*full));
        group.versions.push_back(&group.reparsed.back());
      }
      group.complete();
      for (size_t k = i; k < j; ++k)
        if (needs_analysis(corpus.versions[k], old)) jobs.push_back({&group, k - i});
    }
    // A new database has no uid to replace: adding skips a unique-term lookup per document.
    const bool fresh = db.get_doccount() == 0;
    if (fresh) term_changes.give_up();  // every key is to be looked up anyway
    // A new database built aside gets its documents from shards written on every core.
    const unsigned shards = aside && fresh ? shards_for(jobs.size(), options.shards) : 1;
    if (shards > 1) {
      db.close();
      fs::remove_all(build_dir, ec);
      build_sharded(*dictionary, jobs, build_dir, shards);
      db = Xapian::WritableDatabase(build_dir, Xapian::DB_OPEN);
    }
    const bool prebuilt = shards > 1;
    AnalysisPipeline analyzed(*dictionary, analyzer, prebuilt ? std::vector<DocumentJob>() : jobs,
                              AnalysisPipeline::threads_for(prebuilt ? 0 : jobs.size()));

    db.begin_transaction();
    in_transaction = true;
    stats.upgraded = add_missing_question_words(db);  // before any write: the committed documents
    // An id whose set of (uid, content hash) is unchanged keeps all its documents as they are:
    // sibling data derives from the versions' contents only.
    // Ids whose files are all gone: their documents go, and the change is recorded.
    auto withdraw = [&](ExistingGroup gone) -> Status {
      for (size_t a = 0, b = 0; a < gone.size(); a = b) {
        b = a;
        while (b < gone.size() && gone[b].id == gone[a].id) ++b;
        EntryChangeRecord change{std::string(gone[a].id), ChangeKind::kWithdrawn, {}, {}};
        for (const auto& e : gone.subspan(a, b - a)) {
          change.before.push_back({e.uid(), std::string(e.hash)});
          if (Status s = leaving(e.docid, e.hash); !s.ok()) return s;
          db.delete_document(e.docid);
          ++stats.removed;
        }
        plan.changes.push_back(std::move(change));
      }
      return Status();
    };
    ExistingWalk walk(existing);
    size_t next_group = 0;
    size_t i = 0;
    while (i < corpus.versions.size()) {
      const size_t j = group_end(corpus, i);
      const std::string& id = corpus.versions[i].id;
      ExistingGroup gone;
      const ExistingGroup old = walk.advance_to(id, &gone);
      if (Status s = withdraw(gone); !s.ok()) {
        abandon();
        return s;
      }
      ++stats.entries;
      if (same_versions(corpus, i, j, old)) {
        if (Status s = follow_moved_files(db, corpus, i, j, old); !s.ok()) {
          abandon();
          return s;
        }
        stats.unchanged += int(j - i);
        i = j;
        continue;
      }
      EntryChangeRecord change{id, ChangeKind::kAdded, refs_of(old), refs_of(corpus, i, j)};
      change.kind = old.empty() ? ChangeKind::kAdded : ChangeKind::kChanged;

      const VersionGroup& group = groups[next_group++];  // the planning pass's, in the same order
      std::set<std::string> kept_uids;
      for (size_t k = 0; k < group.versions.size(); ++k) {
        const EntryVersion& version = *group.versions[k];
        const std::string uid = uid_of(id, version.effective);
        const std::string hash = hash_hex(version.content_hash);
        kept_uids.insert(uid);
        const Existing* same = existing_of(old, uid);
        Xapian::Document doc;
        if (same && same->hash == hash) {
          doc = db.get_document(same->docid);  // terms unchanged; only validity or siblings moved
          const StoredVersion stored = group.stored(k);
          doc.set_data(encode_data(stored));
          set_values(stored, doc);
          ++stats.unchanged;
        } else {
          if (same)
            if (Status s = leaving(same->docid, same->hash); !s.ok()) {
              abandon();
              return s;
            }
          if (incremental_chars) chars.add(version, 1);
          ++stats.analyzed;
          if (prebuilt) continue;  // build_sharded() wrote it, with this document id
          doc = analyzed.next();   // build_document(): terms, data and values, built ahead
          term_changes.added(doc);
        }
        if (fresh) db.add_document(doc);
        else db.replace_document(std::string(schema::kUid) + uid, doc);
      }
      for (const auto& e : old) {
        if (kept_uids.count(e.uid())) continue;
        if (Status s = leaving(e.docid, e.hash); !s.ok()) {
          abandon();
          return s;
        }
        db.delete_document(e.docid);
        ++stats.removed;
      }
      plan.changes.push_back(std::move(change));
      i = j;
    }
    if (Status s = withdraw(walk.rest()); !s.ok()) {
      abandon();
      return s;
    }
    std::sort(plan.changes.begin(), plan.changes.end(), [](auto& a, auto& b) { return a.id < b.id; });

    // Synonyms: each member keyed by its terms; the table is rewritten only when they changed.
    plan.synonyms_json = synonyms_json(corpus);
    std::vector<std::pair<std::string, std::string>> synonym_pairs;
    std::set<std::string> editors_keys;
    for (const auto& group : corpus.synonyms) {
      std::vector<std::string> keys;
      for (const auto& member : group.members) {
        std::string key = synonym_key(analyzer, member);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      }
      for (const auto& a : keys)
        for (const auto& b : keys)
          if (a != b) synonym_pairs.emplace_back(a, b);
      if (keys.size() >= 2) ++stats.synonym_groups;
      editors_keys.insert(keys.begin(), keys.end());
    }
    std::optional<SudachiPairs> sudachi;
    if (options.sudachi.scope != SudachiScope::kOff) {
      auto pairs = sudachi_synonym_pairs(db, options.sudachi, editors_keys, plan.synonyms_json, term_changes,
                                         [&](const std::string& w) { return synonym_key(analyzer, w); });
      if (!pairs) {
        abandon();
        return pairs.status();
      }
      sudachi = std::move(*pairs);
      stats.sudachi_pairs = int(sudachi->pairs.size());
      stats.sudachi_keys_checked = sudachi->keys_checked;
      synonym_pairs.insert(synonym_pairs.end(), sudachi->pairs.begin(), sudachi->pairs.end());
    } else {
      forget_sudachi(db);
    }
    plan.synonyms_hash = synonyms_hash(plan.synonyms_json, sudachi ? &*sudachi : nullptr);
    plan.synonyms_changed = db.get_metadata(std::string(schema::kMetaSynonymsHash)) != plan.synonyms_hash;
    if (plan.synonyms_changed) {
      std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
      for (const auto& k : old_keys) db.clear_synonyms(k);
      for (const auto& [a, b] : synonym_pairs) db.add_synonym(a, b);
      db.set_metadata(std::string(schema::kMetaSynonymsHash), plan.synonyms_hash);
    }
    // The copy remote seats read (synonym_table.h); also written into an index built before it or
    // whose table an older binary rewrote.
    if (plan.synonyms_changed || !synonym_copy_current(db, plan.synonyms_hash))
      db.set_metadata(std::string(schema::kMetaSynonymPairs), encode_synonym_pairs(synonym_pairs, plan.synonyms_hash));

    db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.identity().to_json());
    db.set_metadata(std::string(schema::kMetaCharset), chars.charset());
    db.set_metadata(std::string(schema::kMetaCharsetCounts), chars.encode());
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
    if (aside) {
      fs::rename(build_dir, db_dir, ec);
      if (ec) {
        fs::remove_all(build_dir, ec);
        return Status::io_error("cannot move the new index into place: " + ec.message(), {db_dir, 0});
      }
    }
  } catch (const Xapian::Error& e) {
    abandon();
    return status_from_xapian(e, db_dir);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

Result<IndexStats> build_index(const Corpus& corpus, const std::string& db_dir, const IndexOptions& options) {
  auto written = write_corpus(corpus, db_dir,
                              {.analyzer = options.analyzer,
                               .before_commit = options.before_commit,
                               .sudachi = options.sudachi,
                               .shards = options.shards});
  if (!written) return written.status();
  return written->stats;
}

}  // namespace madoguchi
