#include "sudachi_restriction.h"

#include <fmt/format.h>
#include <optional>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "madoguchi/file_stamps.h"
#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

// Past this many documents written or removed, following their terms costs about what the full
// check does (measured at 100k: some 0.2 M instructions per document, its termlist read and map
// updates, against 0.18 G for the 45,000 key lookups).
constexpr int kMaxFollowedDocuments = 1000;

// The file's stat (file_stamps.h: size, mtime, ctime, inode): while it is the one recorded, the
// file is taken to be the one whose hash the index recorded, and is not read (14 MB on every
// editor's build). "" when the file cannot be stat'ed.
std::string file_stamp(const std::string& path) {
  const std::optional<FileStamp> s = stamp_of(path);
  return s ? fmt::format("{}:{}:{}:{}", s->size, s->mtime_ns, s->ctime_ns, s->inode) : "";
}

// Whether the index has every term of `key` (space-separated).
bool has_terms(const Xapian::Database& db, const std::string& key) {
  for (size_t from = 0; from <= key.size();) {
    size_t to = std::min(key.find(' ', from), key.size());
    if (!db.term_exists(key.substr(from, to - from))) return false;
    from = to + 1;
  }
  return true;
}

// The Sudachi pairs the synonym table holds: all its pairs but editors' (an editors' key takes no
// Sudachi synonym and is none, so their pairs are exactly those keyed by an editors' key). Sorted
// as sudachi_pairs() returns them: the table's keys and each key's synonyms come sorted.
std::vector<std::pair<std::string, std::string>> table_pairs(const Xapian::Database& db,
                                                             const std::set<std::string>& editors) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    const std::string key = *k;
    if (editors.count(key)) continue;
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) out.emplace_back(key, *s);
  }
  return out;
}

// What heads kMetaSudachiTerms: the hash of the sets it indexes, so that sets rewritten without
// it (by an older build) are never read through a stale index.
std::string terms_header(std::string_view keys) {
  return fmt::format("{:016x}\n", XXH64(keys.data(), keys.size(), 0));
}

}  // namespace

void TermChanges::count(Xapian::TermIterator t, Xapian::TermIterator end, int delta) {
  if (!known_) return;
  if (++documents_ > kMaxFollowedDocuments) {
    give_up();
    return;
  }
  // Terms come sorted: word terms are those before "A" (digits) and after "Z" (lower case, kana,
  // kanji); the prefixed ones between are skipped in one step.
  for (; t != end; ++t) {
    std::string term = *t;
    if (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') {
      t.skip_to("[");  // the character after 'Z'
      if (t == end) break;
      term = *t;
    }
    net_[term] += delta;
  }
}

void TermChanges::added(const Xapian::Document& doc) { count(doc.termlist_begin(), doc.termlist_end(), 1); }

void TermChanges::removed(const Xapian::Database& db, Xapian::docid docid) {
  if (known_) count(db.termlist_begin(docid), db.termlist_end(docid), -1);
}

void TermChanges::give_up() {
  known_ = false;
  net_.clear();
}

std::set<std::string, std::less<>> TermChanges::flipped(const Xapian::Database& db) const {
  std::set<std::string, std::less<>> out;
  for (const auto& [term, net] : net_) {
    if (net == 0) continue;
    const long now = long(db.get_termfreq(term));
    if ((now > 0) != (now - net > 0)) out.insert(term);
  }
  return out;
}

std::string synonyms_hash(const std::string& groups_json, const SudachiPairs* sudachi) {
  std::string source = groups_json;
  if (sudachi) {
    source += "\n" + sudachi->identity;
    for (const auto& [a, b] : sudachi->pairs) source += "\n" + a + "\t" + b;
  }
  return fmt::format("{:016x}", XXH64(source.data(), source.size(), 0));
}

Result<SudachiPairs> sudachi_synonym_pairs(Xapian::WritableDatabase& db, const SudachiOptions& options,
                                           const std::set<std::string>& editors, const std::string& groups_json,
                                           const TermChanges& changes,
                                           const std::function<std::string(const std::string&)>& key_of) {
  const std::string path = options.path.empty() ? default_sudachi_path() : options.path;
  const std::string stamp = file_stamp(path);
  const std::string scope(sudachi_scope_name(options.scope));
  auto kept = nlohmann::json::parse(db.get_metadata(std::string(schema::kMetaSudachi)), nullptr, false);
  if (!kept.is_object()) kept = nlohmann::json::object();
  auto identity = [](const nlohmann::json& j) {  // what the synonym hash covers (not the stamp)
    return nlohmann::json{{"version", j.value("version", "")}, {"hash", j.value("hash", "")}, {"scope", j.value("scope", "")}}
        .dump();
  };
  SudachiPairs out;
  std::optional<SudachiKeySets> built;  // else the sets the index kept are current
  if (!stamp.empty() && kept.value("stamp", "") == stamp && kept.value("scope", "") == scope) {
    out.identity = identity(kept);
  } else {
    auto file = read_sudachi_file(path);
    if (!file) return file.status();
    nlohmann::json now{{"version", file->identity.version}, {"hash", file->identity.hash}, {"scope", scope}};
    out.identity = identity(now);
    if (identity(kept) != out.identity) {
      auto dictionary = parse_sudachi_file(*file);
      if (!dictionary) return dictionary.status();
      built = sudachi_key_sets(*dictionary, options.scope, key_of);
      db.set_metadata(std::string(schema::kMetaSudachiKeys), encode_key_sets(*built));
    }
    now["stamp"] = stamp;
    db.set_metadata(std::string(schema::kMetaSudachi), now.dump());
  }
  auto in_corpus = [&](const std::string& key) {
    ++out.keys_checked;
    return has_terms(db, key);
  };
  // The table's pairs are where this run starts from when they are what the index's last build
  // made from the same groups and sets: the hash it recorded covers groups, identity and pairs.
  // Then only the sets with a word that appeared or vanished are looked at again.
  if (!built && changes.known()) {
    out.pairs = table_pairs(db, editors);
    if (synonyms_hash(groups_json, &out) == db.get_metadata(std::string(schema::kMetaSynonymsHash))) {
      const auto flipped = changes.flipped(db);
      if (flipped.empty()) return out;
      const std::string keys = db.get_metadata(std::string(schema::kMetaSudachiKeys));
      const std::string terms = db.get_metadata(std::string(schema::kMetaSudachiTerms));
      const std::string header = terms_header(keys);
      if (terms.compare(0, header.size(), header) == 0) {
        const auto touched = key_sets_with_terms(keys, std::string_view(terms).substr(header.size()), flipped);
        if (!touched.empty()) out.pairs = update_sudachi_pairs(out.pairs, touched, in_corpus, editors);
        return out;
      }
    }
  }
  const std::string keys = db.get_metadata(std::string(schema::kMetaSudachiKeys));  // staged when built
  const std::string header = terms_header(keys);
  if (db.get_metadata(std::string(schema::kMetaSudachiTerms)).compare(0, header.size(), header) != 0)
    db.set_metadata(std::string(schema::kMetaSudachiTerms), header + index_key_terms(keys));
  const SudachiKeySets sets = built ? std::move(*built) : decode_key_sets(keys);
  out.pairs = sudachi_pairs(sets, in_corpus, editors);
  return out;
}

void forget_sudachi(Xapian::WritableDatabase& db) {
  if (db.get_metadata(std::string(schema::kMetaSudachi)).empty()) return;
  for (auto key : {schema::kMetaSudachi, schema::kMetaSudachiKeys, schema::kMetaSudachiTerms})
    db.set_metadata(std::string(key), "");
}

}  // namespace madoguchi
