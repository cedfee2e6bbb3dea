// Xapian's blocks kept in memory (core/src/block_cache.h): inside a scope, whole aligned blocks
// come from the cache until it is cleared, everything else from the file; the cache keeps to its
// size, the blocks used again first; libxapian's own reads go through it; and a Searcher reading
// through it sees every new revision after a refresh, on one thread and on two.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <xapian.h>

#include "block_cache.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

constexpr size_t kBlock = 8192;

// A file of `blocks` blocks, block i filled with the byte 'a' + i; open for reading and writing.
struct BlockFile {
  TempDir dir;
  int fd = -1;
  explicit BlockFile(int blocks) {
    fd = ::open(dir.str("table.glass").c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(fd >= 0);
    for (int i = 0; i < blocks; ++i) fill(i, char('a' + i));
  }
  ~BlockFile() { ::close(fd); }
  void fill(int block, char c) {
    const std::string bytes(kBlock, c);
    REQUIRE(::pwrite(fd, bytes.data(), kBlock, off_t(block) * off_t(kBlock)) == ssize_t(kBlock));
  }
  // The first byte of `size` bytes read at `offset`, through the process's pread.
  char first_byte(off_t offset, size_t size = kBlock) const {
    std::string buf(size, '\0');
    REQUIRE(::pread(fd, buf.data(), size, offset) == ssize_t(size));
    return buf[0];
  }
};

SearchResult run(Searcher& s, const std::string& query) {
  auto r = s.search({.query = query});
  REQUIRE(r.has_value());
  return std::move(*r);
}

// Rewrites the entry "rounds" in the corpus at DIR/corpus with `word` and indexes it again, so that
// the writer frees blocks a seat read and reuses them for later revisions.
void rewrite_rounds(const TempDir& dir, const std::string& db, const std::string& word) {
  write_file(dir.path() / "corpus" / "rounds.md",
             entry_md("rounds", word + "の開設", word + "を開設しました。受付は" + word + "で行います。"));
  REQUIRE(build_corpus_index(dir) == db);
}

std::vector<std::string> ids_of(const SearchResult& r) {
  std::vector<std::string> ids;
  for (const Hit& h : r.hits) ids.push_back(h.id + " " + h.snippet);
  return ids;
}

}  // namespace

TEST_CASE("inside a scope a block comes from the cache until it is cleared", "[block-cache]") {
  if (!BlockCache::serves_reads()) return;  // not Linux: nothing reads through the cache
  BlockFile file(2);
  BlockCache cache(1 << 20);
  const BlockCache::Scope scope(&cache);
  CHECK(file.first_byte(0) == 'a');
  file.fill(0, 'x');
  CHECK(file.first_byte(0) == 'a');  // held
  CHECK(cache.hits() == 1);
  {
    const BlockCache::Scope outside(nullptr);
    CHECK(file.first_byte(0) == 'x');  // no scope: the file
  }
  // Not whole aligned blocks: always the file.
  file.fill(1, 'y');
  CHECK(file.first_byte(kBlock + 64, 784) == 'y');
  file.fill(1, 'z');
  CHECK(file.first_byte(kBlock + 64, 784) == 'z');
  CHECK(file.first_byte(kBlock, 1000) == 'z');
  cache.clear();
  CHECK(file.first_byte(0) == 'x');
  // A read past the end is short: not kept.
  std::string buf(kBlock, '\0');
  CHECK(::pread(file.fd, buf.data(), kBlock, 4 * off_t(kBlock)) == 0);
  file.fill(4, 'w');
  CHECK(file.first_byte(4 * off_t(kBlock)) == 'w');
}

TEST_CASE("the cache keeps to its size, and a block used again outlives the others", "[block-cache]") {
  if (!BlockCache::serves_reads()) return;  // not Linux: nothing reads through the cache
  BlockFile file(8);
  BlockCache cache(8 * kBlock);  // two generations of four blocks
  const BlockCache::Scope scope(&cache);
  for (int i = 0; i < 5; ++i) file.first_byte(off_t(i) * kBlock);  // 0-3 fill the newer; 4 turns them older
  CHECK(file.first_byte(0) == 'a');  // used again: back to the newer
  file.first_byte(5 * kBlock);
  file.first_byte(6 * kBlock);
  file.first_byte(7 * kBlock);  // the newer (4, 0, 5, 6) is full: it turns older, 1-3 go
  CHECK(cache.hits() == 1);
  for (int i = 0; i < 8; ++i) file.fill(i, 'Q');
  CHECK(file.first_byte(0) == 'a');
  CHECK(file.first_byte(4 * kBlock) == 'e');
  CHECK(file.first_byte(7 * kBlock) == 'h');
  CHECK(file.first_byte(1 * kBlock) == 'Q');
  CHECK(file.first_byte(3 * kBlock) == 'Q');
  // Smaller than two blocks: keeps none.
  BlockCache none(kBlock);
  const BlockCache::Scope through_none(&none);
  file.first_byte(0);
  file.fill(0, 'R');
  CHECK(file.first_byte(0) == 'R');
  CHECK(none.hits() == 0);
}

TEST_CASE("libxapian's block reads go through the cache", "[block-cache]") {
  if (!BlockCache::serves_reads()) return;  // not Linux: nothing reads through the cache
  auto match = [] {
    Xapian::Database db(fixture_corpus_db());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("発熱"), Xapian::Query("療養")));
    std::vector<std::pair<Xapian::docid, double>> found;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) found.emplace_back(*it, it.get_weight());
    return found;
  };
  const auto without = match();
  BlockCache cache(1 << 20);
  const BlockCache::Scope scope(&cache);
  CHECK(match() == without);
  CHECK(cache.misses() > 0);  // this test calls no pread itself: these are Xapian's
}

TEST_CASE("a searcher reading through the cache sees each new revision after a refresh", "[block-cache][searcher]") {
  for (const auto& [threads, cache_bytes] : {std::pair{1, size_t(1) << 20}, {2, size_t(1) << 20}, {2, size_t(0)}}) {
    INFO(threads << " match threads, a cache of " << cache_bytes << " bytes");
    TempDir dir;
    write_fixture_corpus(dir.path() / "corpus");
    const std::string db = build_corpus_index(dir);
    auto opened = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")),
                                 {.match_threads = threads,
                                  .split_min_documents = 0,
                                  .block_cache_bytes = cache_bytes,
                                  .always_hand_over = true});
    REQUIRE(opened.has_value());
    Searcher& seat = **opened;
    const std::string words[] = {"臨時窓口", "夜間窓口", "休日窓口", "電話窓口"};
    for (const std::string& word : words) {
      INFO(word);
      run(seat, "窓口");
      rewrite_rounds(dir, db, word);
      REQUIRE(seat.refresh());
      auto fresh = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")), {.match_threads = 1});
      REQUIRE(fresh.has_value());
      for (const std::string& q : {word, std::string("窓口"), std::string("発熱"), words[0]}) {
        INFO(q);
        CHECK(ids_of(run(seat, q)) == ids_of(run(**fresh, q)));
      }
    }
  }
}

TEST_CASE("a searcher that misses revisions shows the one it read or the newest, never a mix", "[block-cache][searcher]") {
  // No refresh between the commits: blocks the seat holds are freed and reused by the writer,
  // and Xapian finds out from the blocks it reads anew (DatabaseModifiedError: the searcher
  // reopens) or not at all (everything it needs is held).
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  const Clock clock = Clock::fixed(*Date::parse("2026-11-25"));
  auto opened = Searcher::open(db, clock, {.match_threads = 2, .split_min_documents = 0, .always_hand_over = true});
  REQUIRE(opened.has_value());
  Searcher& seat = **opened;
  const std::vector<std::string> queries{"窓口", "発熱", "療養期間", "臨時窓口"};
  std::vector<std::vector<std::string>> before;
  for (const auto& q : queries) before.push_back(ids_of(run(seat, q)));
  for (const std::string word : {"夜間窓口", "休日窓口", "電話窓口"}) rewrite_rounds(dir, db, word);
  auto fresh = Searcher::open(db, clock, {.match_threads = 1});
  REQUIRE(fresh.has_value());
  for (size_t i = 0; i < queries.size(); ++i) {
    INFO(queries[i]);
    const auto seen = ids_of(run(seat, queries[i]));
    CHECK((seen == before[i] || seen == ids_of(run(**fresh, queries[i]))));
  }
}
