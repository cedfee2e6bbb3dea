// Our leaves (core/src/bm25_leaf.h): a term, a synonym of terms and the word being typed, weighed
// with document lengths read once, give the very weights, bounds and counts Xapian's own leaves
// give, alone and in an OR that Xapian prunes, on one thread or two. Real Xapian.
#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <xapian.h>

#include "bm25_leaf.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// 60 documents of different lengths: 発熱 in most (more than half: BM25's special case), 相談 in
// every third, 保健所 in one, 発疹/発作/発行/発送 (completions of 発; 発疹 and 発作 equally
// common), 埋め草 of varying wdf in all; wdfs 1 to 4.
std::string write_index(const TempDir& dir) {
  const std::string path = dir.str("db");
  Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
  for (int n = 1; n <= 60; ++n) {
    Xapian::Document doc;
    if (n % 5 != 0) doc.add_term("発熱", Xapian::termcount(1 + n % 4));
    if (n % 3 == 0) doc.add_term("相談", Xapian::termcount(1 + n % 2));
    if (n == 17) doc.add_term("保健所", 3);
    if (n % 7 == 0) doc.add_term("発疹", 2);
    if (n % 7 == 1 && n > 1) doc.add_term("発作", 1);
    if (n % 11 == 0) doc.add_term("発行", Xapian::termcount(1 + n % 3));
    if (n % 4 == 0) doc.add_term("発送", 1);
    doc.add_term("埋め草", Xapian::termcount(1 + n % 9));
    w.add_document(doc);
  }
  w.commit();
  return path;
}

struct Matched {
  std::vector<std::pair<Xapian::docid, double>> hits;
  double max_possible = 0;
  Xapian::doccount lower = 0, estimated = 0, upper = 0;
};

Matched match(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount size) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, size);
  Matched m;
  for (auto it = mset.begin(); it != mset.end(); ++it) m.hits.emplace_back(*it, it.get_weight());
  m.max_possible = mset.get_max_possible();
  m.lower = mset.get_matches_lower_bound();
  m.estimated = mset.get_matches_estimated();
  m.upper = mset.get_matches_upper_bound();
  return m;
}

void check_same(const Matched& xapian, const Matched& ours) {
  CHECK(ours.hits == xapian.hits);  // ids and weights, to the bit
  CHECK(ours.max_possible == xapian.max_possible);
  CHECK(ours.lower == xapian.lower);
  CHECK(ours.estimated == xapian.estimated);
  CHECK(ours.upper == xapian.upper);
}

Xapian::Query scaled(Xapian::Query q, double scale) {
  return scale == 1 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, scale);
}

Xapian::Query synonym(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

}  // namespace

TEST_CASE("our leaves weigh, bound and count as Xapian's own", "[searcher][leaves]") {
  TempDir dir;
  Xapian::Database db(write_index(dir));
  TermMemo terms(db);
  const auto lengths = DocumentLengths::read(db);
  const Xapian::Query wildcard_one(Xapian::Query::OP_WILDCARD, "発", 3, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  const Xapian::Query wildcard_all(Xapian::Query::OP_WILDCARD, "発", 40, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  const Wildcard three{"発", 3}, forty{"発", 40};
  struct Leaf {
    std::string name;
    Xapian::Query query;
    const Wildcard* wildcard;
  };
  const std::vector<Leaf> leaves = {
      {"a term", Xapian::Query("相談"), nullptr},
      {"a term in most documents", Xapian::Query("発熱"), nullptr},
      {"a term in one", Xapian::Query("保健所"), nullptr},
      {"a synonym (whose estimate depends on how its OR is combined)", synonym({"相談", "保健所", "発疹", "発送"}), nullptr},
      {"a synonym with a missing and a repeated term", synonym({"相談", "無い語", "発熱", "発熱"}), nullptr},
      {"the most frequent 3 completions of ties", wildcard_one, &three},
      {"every completion", wildcard_all, &forty},
  };
  std::vector<Xapian::Query> xapians, ours;
  for (const auto& leaf : leaves) {
    for (const double scale : {1.0, 0.25, 0.2}) {
      INFO(leaf.name << " × " << scale);
      const Xapian::Query xapian = scaled(leaf.query, scale);
      const auto plan = plan_leaf(terms, xapian, scale, leaf.wildcard);
      REQUIRE(plan.has_value());
      const Xapian::Query our = leaf_query(*plan, lengths);
      check_same(match(db, xapian, db.get_doccount()), match(db, our, db.get_doccount()));
      check_same(match(db, xapian, 2), match(db, our, 2));  // pruned
      xapians.push_back(xapian);
      ours.push_back(our);
    }
  }
  // Together, in the order given: Xapian builds the same OR tree and prunes it alike.
  const Xapian::Query xapian_or(Xapian::Query::OP_OR, xapians.begin(), xapians.end());
  const Xapian::Query our_or(Xapian::Query::OP_OR, ours.begin(), ours.end());
  for (const Xapian::doccount size : {1u, 3u, 10u, db.get_doccount()}) {
    INFO("OR, top " << size);
    check_same(match(db, xapian_or, size), match(db, our_or, size));
  }
  // Serialised for a second thread and read back through a registry.
  Xapian::Registry registry;
  register_leaves(registry, lengths);
  check_same(match(db, xapian_or, 5), match(db, Xapian::Query::unserialise(our_or.serialise(), registry), 5));
}

TEST_CASE("what our leaves do not stand for stays Xapian's", "[searcher][leaves]") {
  TempDir dir;
  Xapian::Database db(write_index(dir));
  TermMemo terms(db);
  const std::vector<Xapian::Query> phrase{Xapian::Query("相談"), Xapian::Query("発熱")};
  CHECK_FALSE(plan_leaf(terms, Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end()), 1));
  CHECK_FALSE(plan_leaf(terms, Xapian::Query("無い語"), 1));  // matches nothing
  CHECK_FALSE(plan_leaf(terms, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("相談"), 0.5), 1));  // scale not told
  CHECK_FALSE(plan_leaf(terms, Xapian::Query(Xapian::Query::OP_WILDCARD, "発"), 1));  // no expansion limit given
  const Wildcard none{"発", 0};  // Xapian keeps no completion of a most-frequent wildcard limited to 0
  CHECK_FALSE(plan_leaf(terms, Xapian::Query(Xapian::Query::OP_WILDCARD, "発", 0, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT), 1, &none));
}

TEST_CASE("a searcher finds and scores the same with our leaves as with Xapian's", "[searcher][leaves]") {
  const Date today = *Date::parse("2026-11-25");
  auto xapians = Searcher::open(fixture_corpus_db(), Clock::fixed(today), {.match_threads = 1, .own_leaves = false});
  auto ours = Searcher::open(fixture_corpus_db(), Clock::fixed(today), {.match_threads = 1});
  auto ours_split = Searcher::open(fixture_corpus_db(), Clock::fixed(today),
                                   {.match_threads = 2, .split_min_documents = 0, .always_hand_over = true});
  REQUIRE(xapians.has_value());
  REQUIRE(ours.has_value());
  REQUIRE(ours_split.has_value());
  for (const std::string q : {"発熱", "療養期間", "ほけんじょ", "熱が出たのですがどこに相談すればいいですか", "濃厚接", "hatsune",
                              "ワクチン 予約", "発"}) {
    INFO(q);
    auto a = (*xapians)->search({.query = q, .limit = 10});
    REQUIRE(a.has_value());
    for (Searcher* other : {ours->get(), ours_split->get()}) {
      auto b = other->search({.query = q, .limit = 10});
      REQUIRE(b.has_value());
      CHECK(a->estimated_total == b->estimated_total);
      REQUIRE(a->hits.size() == b->hits.size());
      for (size_t i = 0; i < a->hits.size(); ++i) {
        CHECK(a->hits[i].id == b->hits[i].id);
        CHECK(a->hits[i].score == b->hits[i].score);
      }
    }
  }
}
