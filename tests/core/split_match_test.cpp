// Matching on two threads (core/src/split_match.h): each half of the document ids on its own
// thread and Database, merged into exactly what one match gives.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <xapian.h>

#include "as_of_filter.h"
#include "madoguchi/searcher.h"
#include "split_match.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
using namespace std::chrono_literals;

namespace {

const Date kToday = *Date::parse("2026-11-25");

// 60 entries over a few words in different proportions, so that weights spread and tie, and
// both halves of the ids hold strong and weak matches.
std::string build_index(const TempDir& dir) {
  const std::string words[] = {"療養期間", "自宅療養", "療養費", "登校", "出勤", "検査"};
  for (int i = 0; i < 60; ++i) {
    std::string answer;
    for (int w = 0; w <= i % 6; ++w) answer += words[(i + w) % 6] + "について。";
    const std::string id = "e" + std::to_string(100 + i);
    write_file(dir.path() / "corpus" / (id + ".md"), entry_md(id, words[i % 6] + "の案内", answer));
  }
  return build_corpus_index(dir);
}

// That index, the caller's Database on it and the as-of filter of today.
struct IndexedCorpus {
  TempDir dir;
  std::string path = build_index(dir);
  Xapian::Database db{path};
  AsOfFilter filter;
  IndexedCorpus() { filter.prepare(db, kToday); }
};

std::vector<std::pair<Xapian::docid, double>> docs_of(const MatchPart& part) {
  std::vector<std::pair<Xapian::docid, double>> out;
  for (const auto& r : part.docs) out.emplace_back(r.doc, r.score);
  return out;
}

}  // namespace

TEST_CASE("a split match gives one match's documents, weights and order", "[searcher][split]") {
  IndexedCorpus index;
  const std::string& path = index.path;
  Xapian::Database& db = index.db;
  AsOfFilter& filter = index.filter;
  const std::vector<Xapian::Query> words{Xapian::Query("療養"), Xapian::Query("登校"), Xapian::Query("検査")};
  const Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  HelperThread helper(HandOverPolicy::always());
  SplitMatcher split(path, helper);
  for (Xapian::doccount size : {1u, 2u, 5u, 10u, 31u, 59u, 100u}) {
    INFO("size " << size);
    const MatchPart one = match_docid_range(db, query, 1, db.get_lastdocid(), size, 0, filter);
    const auto two = split.match(db, query, size, 0, filter);
    REQUIRE(two.has_value());
    CHECK(docs_of(*two) == docs_of(one));
    CHECK(two->estimated == one.estimated);  // small enough for both halves to count exactly
  }
  // Each half matches only its own ids.
  const Xapian::docid middle = db.get_lastdocid() / 2;
  for (const auto& r : match_docid_range(db, query, middle + 1, db.get_lastdocid(), 100, 0, filter).docs)
    CHECK(r.doc > middle);
}

TEST_CASE("merging two halves keeps Xapian's order: weight, then the lower document id", "[searcher][split]") {
  const MatchPart lower{{{3, 2.0}, {7, 1.0}, {9, 1.0}}, 3, true};
  const MatchPart upper{{{12, 2.0}, {15, 1.5}, {20, 1.0}}, 5, true};
  const MatchPart merged = merge_parts(lower, upper, 5);
  CHECK(docs_of(merged) == std::vector<std::pair<Xapian::docid, double>>{{3, 2.0}, {12, 2.0}, {15, 1.5}, {7, 1.0}, {9, 1.0}});
  CHECK(merged.estimated == 8);  // two counts add up
  // A half that stopped early estimates the whole index already: the larger estimate stands.
  CHECK(merge_parts(lower, {upper.docs, 40, false}, 5).estimated == 40);
}

TEST_CASE("the second thread reads the caller's revision or declines", "[searcher][split]") {
  IndexedCorpus index;
  const std::string& path = index.path;
  Xapian::Database& db = index.db;
  AsOfFilter& filter = index.filter;
  const Xapian::Query query("療養");
  HelperThread helper(HandOverPolicy::always());
  SplitMatcher split(path, helper);
  REQUIRE(split.match(db, query, 10, 0, filter).has_value());
  const auto commit_a_revision = [&] {
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    writer.set_metadata("split-test", std::to_string(writer.get_revision()));
    writer.commit();
  };
  const auto reopen_caller = [&] {
    db.reopen();
    filter.reset();
    filter.prepare(db, kToday);
  };
  // The caller moves on: the second thread follows.
  commit_a_revision();
  reopen_caller();
  CHECK(split.match(db, query, 10, 0, filter).has_value());
  // A second Database opened after a newer commit can only be ahead of the caller: decline, and
  // match again once the caller has reopened.
  commit_a_revision();
  SplitMatcher late(path, helper);
  CHECK_FALSE(late.match(db, query, 10, 0, filter).has_value());
  reopen_caller();
  CHECK(late.match(db, query, 10, 0, filter).has_value());
}

TEST_CASE("after a pause, the split match declines when the helper started slowly last time", "[searcher][split]") {
  IndexedCorpus index;
  // Every start counts as slow (prompt_start 0); a millisecond without a job is a pause.
  HelperThread helper(HandOverPolicy{.awake_for = 1ms, .prompt_start = 0us, .retry_after = std::chrono::hours(1), .take_back = false});
  SplitMatcher split(index.path, helper);
  const Xapian::Query query("療養");
  REQUIRE(split.match(index.db, query, 10, 0, index.filter).has_value());  // nothing seen yet: handed over
  std::this_thread::sleep_for(20ms);
  CHECK_FALSE(split.match(index.db, query, 10, 0, index.filter).has_value());  // one thread: the caller matches once
}

TEST_CASE("an index rebuilt at the same path is not taken for the caller's", "[searcher][split]") {
  TempDir dir;
  const std::string path = build_index(dir);
  Xapian::Database db(path);  // keeps reading the old files after they are removed
  AsOfFilter filter;
  filter.prepare(db, kToday);
  std::filesystem::remove_all(path);
  build_corpus_index(dir);
  REQUIRE(Xapian::Database(path).get_revision() == db.get_revision());  // only the UUID tells them apart
  HelperThread helper(HandOverPolicy::always());
  SplitMatcher split(path, helper);
  CHECK_FALSE(split.match(db, Xapian::Query("療養"), 10, 0, filter).has_value());
}

TEST_CASE("a searcher on two threads finds and highlights what one thread does", "[searcher][split]") {
  // Two threads match the halves and analyze the snippets' regions (second_analyzer.h).
  auto one = Searcher::open(fixture_corpus_db(), Clock::fixed(kToday), {.match_threads = 1});
  auto two = Searcher::open(fixture_corpus_db(), Clock::fixed(kToday), {.match_threads = 2, .split_min_documents = 0, .always_hand_over = true});
  // The default hand-over policy: either path, depending on how the helper woke.
  auto adaptive = Searcher::open(fixture_corpus_db(), Clock::fixed(kToday), {.match_threads = 2, .split_min_documents = 0});
  REQUIRE(one.has_value());
  REQUIRE(two.has_value());
  REQUIRE(adaptive.has_value());
  for (const std::string q : {"発熱", "療養期間", "ほけんじょ", "熱が出たのですがどこに相談すればいいですか", "濃厚接"}) {
    for (int limit : {1, 3, 10}) {
      INFO(q << " limit " << limit);
      auto a = (*one)->search({.query = q, .limit = limit});
      REQUIRE(a.has_value());
      for (Searcher* other : {two->get(), adaptive->get()}) {
        auto b = other->search({.query = q, .limit = limit});
        REQUIRE(b.has_value());
        REQUIRE(a->hits.size() == b->hits.size());
        for (size_t i = 0; i < a->hits.size(); ++i) {
          CHECK(a->hits[i].id == b->hits[i].id);
          CHECK(a->hits[i].score == b->hits[i].score);
          CHECK(a->hits[i].effective == b->hits[i].effective);
          CHECK(a->hits[i].snippet == b->hits[i].snippet);
          CHECK(a->hits[i].highlights == b->hits[i].highlights);
        }
      }
    }
  }
}
