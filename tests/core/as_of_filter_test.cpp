// The as-of date filter (core/src/as_of_filter.h) through Searcher::search: a version is found
// up to the last day of its validity and never from the day it ends, on one searcher asked about
// changing dates, and after a refresh to a revision that changed the dates.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "as_of_filter.h"

#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

std::optional<Hit> find_hit(Searcher& s, const std::string& query, const char* as_of, const std::string& id) {
  auto r = s.search({.query = query, .as_of = Date::parse(as_of)});
  REQUIRE(r.has_value());
  for (const auto& h : r->hits)
    if (h.id == id) return h;
  return std::nullopt;
}

void index_corpus(const TempDir& dir) {
  CorpusReport report;
  auto corpus = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(corpus.has_value());
  REQUIRE(build_index(*corpus, dir.str("db")).has_value());
}

}  // namespace

TEST_CASE("the as-of filter ends a version on its last day, whatever dates were asked before", "[searcher][as-of]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  Searcher& searcher = **s;

  // free-pcr expires 2023-03-31 (inclusive). Asked in an order that reuses and rebuilds the
  // filter for each date.
  for (int round = 0; round < 2; ++round) {
    CHECK(find_hit(searcher, "無料 PCR検査", "2023-03-31", "free-pcr").has_value());
    CHECK_FALSE(find_hit(searcher, "無料 PCR検査", "2023-04-01", "free-pcr").has_value());
    CHECK_FALSE(find_hit(searcher, "無料 PCR検査", "2026-11-25", "free-pcr").has_value());
    CHECK(find_hit(searcher, "無料 PCR検査", "2021-12-24", "free-pcr").has_value());
  }
  // A superseded version gives way on the next version's effective date, the day before it
  // still answers.
  auto before = find_hit(searcher, "療養期間 発症日", "2027-01-03", "isolation-period");
  auto on = find_hit(searcher, "療養期間 発症日", "2027-01-04", "isolation-period");
  REQUIRE(before.has_value());
  REQUIRE(on.has_value());
  CHECK(before->title == "陽性者の療養期間（短縮）");
  CHECK(on->title == "陽性者の療養期間（改定予定）");
}

TEST_CASE("after a refresh the as-of filter reads the new revision's dates", "[searcher][as-of]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  index_corpus(dir);
  auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2022-06-01")));
  REQUIRE(s.has_value());
  Searcher& searcher = **s;
  REQUIRE(find_hit(searcher, "無料 PCR検査", "2022-06-01", "free-pcr").has_value());

  // The entry is withdrawn earlier than it was: the same date no longer finds it.
  write_file(dir.path() / "corpus" / "testing" / "free-pcr.md",
             entry_md("free-pcr", "無料PCR検査の実施場所", "県内の薬局などで無料のPCR検査を受けられます。",
                      "type: faq\ncategory: [検査]\ntags: [PCR検査, 無料]\n"
                      "effective: 2021-12-24\nexpires: 2022-05-31\n"));
  index_corpus(dir);
  REQUIRE(searcher.refresh());
  CHECK_FALSE(find_hit(searcher, "無料 PCR検査", "2022-06-01", "free-pcr").has_value());
  CHECK(find_hit(searcher, "無料 PCR検査", "2022-05-31", "free-pcr").has_value());
}

TEST_CASE("the as-of filter asks the backend once whether it takes a decider", "[searcher][as-of][remote]") {
  // A remote backend refuses MatchDeciders; finding that out by a first real search used to build
  // the bitmap over the network first (about 10 s at 100k entries through xapian-tcpsrv).
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  CHECK(AsOfFilter::backend_takes_deciders(Xapian::Database(db)));
  const std::string stub = dir.str("remote.stub");
  std::ofstream(stub) << "remote :xapian-progsrv " << db << "\n";
  CHECK_FALSE(AsOfFilter::backend_takes_deciders(Xapian::Database(stub)));
  // Through the remote backend the searcher uses the value leaf and finds the same hits.
  auto local = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  auto remote = Searcher::open(stub, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(local.has_value());
  REQUIRE(remote.has_value());
  for (const char* query : {"発熱", "保健所", "ワクチン"}) {
    auto a = (*local)->search({.query = query});
    auto b = (*remote)->search({.query = query});
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    std::vector<std::string> ids_a, ids_b;
    for (const auto& h : a->hits) ids_a.push_back(h.id);
    for (const auto& h : b->hits) ids_b.push_back(h.id);
    CHECK_FALSE(ids_a.empty());
    CHECK(ids_a == ids_b);
  }
}
