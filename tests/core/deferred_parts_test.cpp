// Two-stage matching (core/src/deferred_parts.h): only single-term bigram and question leaves over
// common terms, word leaves over the commonest terms of a large index, and synonym groups with a
// costly phrase, are deferred, and a candidate's score
// after adding the deferred leaves' weights (and taking away their stand-ins') is the score the
// whole plan's OR gives it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>
#include <xapian.h>

#include "deferred_parts.h"
#include "dictionary_cache.h"
#include "docid_list.h"
#include "madoguchi/schema.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

struct Fixture {
  TempDir dir;
  Xapian::Database db;
  TermMemo terms{db};
  std::unique_ptr<Analyzer> analyzer;
  SynonymTable synonyms;

  Fixture() {
    const auto c = dir.path() / "corpus";
    write_file(c / "fee.md", entry_md("fee", "粗大ごみの手数料", "粗大ごみは申込みが必要です。手数料は品目ごとに決まっています。"));
    write_file(c / "day.md", entry_md("day", "粗大ごみの収集日", "収集日は地区ごとに決まっています。"));
    write_file(c / "dog.md", entry_md("dog", "犬の登録", "犬を飼い始めたら登録してください。手数料がかかります。"));
    write_file(c / "elder.md", entry_md("elder", "高齢者の相談", "高齢者のご家族からの相談を受け付けます。"));
    write_file(c / "aged.md", entry_md("aged", "年寄りの見守り", "一人暮らしの年寄りの見守りの相談です。"));
    db = Xapian::Database(build_corpus_index(dir));
    auto dictionary = shared_dictionary({});
    REQUIRE(dictionary.has_value());
    analyzer = std::make_unique<Analyzer>(*dictionary);
  }

  QueryPlan plan(const std::string& text, QueryWeights weights = {}) {
    return QueryBuilder(*analyzer, terms, synonyms, nullptr, weights).build(text, false);
  }

  // Document weights of `query`, every match.
  std::map<Xapian::docid, double> weights(const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::map<Xapian::docid, double> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
    return out;
  }
};

bool has_term_with_prefix(const Xapian::Query& q, std::string_view prefix) {
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
    if ((*t).compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

// The first stage's best 10, with the deferred weights added, score what the plan's whole OR
// gives them, best first, `best_id` first. Locally the candidates are filtered by their ids
// (DocidList), remotely by their entries' id terms, and locally with a posting memo the
// single-term leaves are weighed from their postings, read or remembered: the same weights
// every way.
void check_scores_of_whole_or(Fixture& f, const QueryPlan& plan, const SplitPlan& split, const std::string& best_id) {
  Xapian::Enquire enquire(f.db);
  enquire.set_collapse_key(schema::kSlotId);
  enquire.set_query(split.first);
  const Xapian::MSet first = enquire.get_mset(0, 10);
  std::vector<RankedDoc> candidates;
  for (auto it = first.begin(); it != first.end(); ++it) candidates.push_back({*it, it.get_weight(), 0});
  const auto whole = f.weights(plan.query);
  PostingMemo memo;
  for (const int path : {0, 1, 2, 3}) {
    const bool remote = path == 1;
    INFO("path: " << (path == 0 ? "local" : remote ? "remote backend" : path == 2 ? "postings read" : "postings remembered"));
    const std::vector<RankedDoc> ranked = add_deferred_weights(f.db, candidates, split, remote, path >= 2 ? &memo : nullptr);
    REQUIRE(ranked.size() == first.size());
    for (size_t i = 0; i < ranked.size(); ++i) {
      INFO(ranked[i].doc);
      REQUIRE(whole.count(ranked[i].doc));
      CHECK(ranked[i].score == Approx(whole.at(ranked[i].doc)).epsilon(1e-12));
      if (i > 0) CHECK(ranked[i - 1].score >= ranked[i].score);
    }
    CHECK(ranked.front().doc == *f.db.postlist_begin(std::string(schema::kId) + best_id));
  }
}

}  // namespace

TEST_CASE("deferred parts: common bigram and question leaves wait, words do not", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  // Three entries: every term is in more than 2% of them.
  const SplitPlan split = split_common_parts(f.terms, plan);
  REQUIRE_FALSE(split.deferred.empty());
  CHECK_FALSE(has_term_with_prefix(split.first, schema::kBigram));
  CHECK_FALSE(has_term_with_prefix(split.first, schema::kQuestion));
  CHECK(has_term_with_prefix(split.deferred, schema::kBigram));
  CHECK(has_term_with_prefix(split.deferred, schema::kQuestion));
  CHECK(f.weights(split.first).count(*f.db.postlist_begin(std::string(schema::kId) + "fee")));

  // Nothing is common when every entry may hold it: the plan's own query.
  const SplitPlan whole = split_common_parts(f.terms, plan, {.common_share = 1.0});
  CHECK(whole.deferred.empty());
  CHECK(whole.first.serialise() == plan.query.serialise());
}

TEST_CASE("deferred parts: common leaves holding few postings in all are matched in one stage", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  CHECK_FALSE(split_common_parts(f.terms, plan, {.min_postings = 0}).deferred.empty());
  const SplitPlan few = split_common_parts(f.terms, plan, {.min_postings = 1000});
  CHECK(few.deferred.empty());
  CHECK(few.first.serialise() == plan.query.serialise());
}

TEST_CASE("deferred parts: a long plan defers its bigram leaves, rare ones too", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  const size_t parts = plan.parts.size();
  // Nothing is common (share 1.0): only the plan's length decides.
  const SplitPlan long_plan = split_common_parts(f.terms, plan, {.common_share = 1.0, .long_plan_parts = parts});
  REQUIRE_FALSE(long_plan.deferred.empty());
  CHECK_FALSE(has_term_with_prefix(long_plan.first, schema::kBigram));
  CHECK(has_term_with_prefix(long_plan.first, schema::kQuestion));
  CHECK(has_term_with_prefix(long_plan.deferred, schema::kBigram));
  CHECK_FALSE(has_term_with_prefix(long_plan.deferred, schema::kQuestion));

  const SplitPlan short_plan = split_common_parts(f.terms, plan, {.common_share = 1.0, .long_plan_parts = parts + 1});
  CHECK(short_plan.deferred.empty());
  CHECK(short_plan.first.serialise() == plan.query.serialise());
}

bool has_term(const Xapian::Query& q, const std::string& term) {
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
    if (*t == term) return true;
  return false;
}

TEST_CASE("deferred parts: the commonest words wait in a large index, while the rest finds candidates", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  // 粗大ごみ and 手数料 are each in 2 of the 5 entries (40%); bigrams and question leaves stay.
  const DeferWeights words_only{.common_share = 1.0, .word_common_share = 0.3, .min_word_entries = 0};
  const SplitPlan split = split_common_parts(f.terms, plan, words_only);
  REQUIRE_FALSE(split.deferred.empty());
  for (const std::string word : {"粗大ごみ", "手数料"}) {
    INFO(word);
    CHECK_FALSE(has_term(split.first, word));
    CHECK(has_term(split.deferred, word));
    CHECK(has_term(split.first, std::string(schema::kQuestion) + word));
  }
  CHECK(has_term_with_prefix(split.first, schema::kBigram));
  // What the first stage's estimate lacks: the entries holding either word, as if independent.
  CHECK(split.deferred_word_share == Approx(1 - 0.6 * 0.6));
  check_scores_of_whole_or(f, plan, split, "fee");

  // Not over a share of the entries this high, nor in a small index: the plan's own query.
  for (const DeferWeights& weights : {DeferWeights{.common_share = 1.0, .word_common_share = 0.5, .min_word_entries = 0},
                                      DeferWeights{.common_share = 1.0, .word_common_share = 0.3, .min_word_entries = 2},
                                      DeferWeights{.common_share = 1.0}}) {
    const SplitPlan whole = split_common_parts(f.terms, plan, weights);
    CHECK(whole.deferred.empty());
    CHECK(whole.deferred_word_share == 0);
    CHECK(whole.first.serialise() == plan.query.serialise());
  }
}

TEST_CASE("deferred parts: a synonym group with a phrase is not judged by the phrase's commonest word", "[searcher][deferred]") {
  Fixture f;
  f.synonyms = {{"高齢 者", {"年寄り"}}, {"年寄り", {"高齢 者"}}};
  const QueryPlan plan = f.plan("高齢者の相談");
  // Every word leaf over any entry would wait; the group with the phrase 高齢 者 stays.
  const SplitPlan split = split_common_parts(f.terms, plan, {.common_share = 1.0, .word_common_share = 0, .min_word_entries = 0});
  REQUIRE_FALSE(split.deferred.empty());
  CHECK(split.first.get_description().find("PHRASE") != std::string::npos);
  CHECK(split.deferred.get_description().find("PHRASE") == std::string::npos);
  CHECK(has_term(split.deferred, "相談"));
}

TEST_CASE("deferred parts: a candidate scores what the whole OR gives it", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  const SplitPlan split = split_common_parts(f.terms, plan);
  REQUIRE_FALSE(split.deferred.empty());
  check_scores_of_whole_or(f, plan, split, "fee");
}

TEST_CASE("deferred parts: single-term leaves are told apart, and weighed alike wherever else their term is", "[searcher][deferred]") {
  Fixture f;
  const QueryPlan plan = f.plan("粗大ごみの手数料");
  const SplitPlan split = split_common_parts(f.terms, plan, {.common_share = 0, .min_postings = 0});
  REQUIRE_FALSE(split.deferred_terms.empty());
  std::set<std::string> single;
  for (const auto& t : split.deferred_terms) {
    INFO(t.term);
    single.insert(t.term);
    CHECK(t.frequency == f.db.get_termfreq(t.term));
    CHECK(t.factor == (t.term.rfind(std::string(schema::kBigram), 0) == 0 ? 0.2 : 0.25));
  }
  CHECK(single.size() == split.deferred_terms.size());
  CHECK(has_term_with_prefix(split.deferred, schema::kBigram));
  // Every deferred leaf is in one of the two, once.
  size_t others = 0;
  if (!split.deferred_others.empty())
    for (auto t = split.deferred_others.get_unique_terms_begin(); t != split.deferred_others.get_unique_terms_end(); ++t) {
      CHECK_FALSE(single.count(*t));
      ++others;
    }
  CHECK(single.size() + others == size_t(std::distance(split.deferred.get_unique_terms_begin(), split.deferred.get_unique_terms_end())));

  // A term in two deferred leaves (the same leaf twice, and a synonym group with a stand-in) is
  // weighed in each: the single-term leaves from their postings, the group by Xapian, and a
  // candidate still scores what the whole OR gives it.
  QueryPlan twice = plan;
  const QueryPart* bigram = nullptr;
  for (const auto& part : plan.parts)
    if (part.field == "text" && part.route == "ngram") bigram = &part;
  REQUIRE(bigram);
  const std::string shared = *bigram->query.get_unique_terms_begin();
  QueryPart group{"group", "text", "synonym", Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(shared), Xapian::Query("手数料"))};
  group.first_stage = Xapian::Query("手数料");
  twice.parts.push_back(*bigram);
  twice.parts.push_back(group);
  std::vector<Xapian::Query> all;
  for (const auto& part : twice.parts) all.push_back(part.query);
  twice.query = Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end());
  const SplitPlan split_twice = split_common_parts(f.terms, twice, {.common_share = 0, .min_postings = 0});
  CHECK(std::count_if(split_twice.deferred_terms.begin(), split_twice.deferred_terms.end(),
                      [&](const DeferredTerm& t) { return t.term == shared; }) == 2);
  CHECK(split_twice.deferred_others.get_description().find("SYNONYM") != std::string::npos);
  check_scores_of_whole_or(f, twice, split_twice, "fee");
}

TEST_CASE("deferred parts: a synonym group with a costly phrase waits, its stand-in matches first", "[searcher][deferred]") {
  Fixture f;
  f.synonyms = {{"高齢 者", {"年寄り"}}, {"年寄り", {"高齢 者"}}};
  auto group_of = [](const QueryPlan& plan) -> const QueryPart& {
    for (const auto& part : plan.parts)
      if (part.route == "synonym" && part.field == "text") return part;
    FAIL("no synonym part");
    return plan.parts.front();
  };
  // Phrases over words in few entries cost little: matched in place.
  CHECK_FALSE(group_of(f.plan("高齢者の相談")).first_stage);

  const QueryPlan plan = f.plan("高齢者の相談", {.costly_phrase_postings = 0});
  const QueryPart& group = group_of(plan);
  REQUIRE(group.first_stage);
  CHECK(group.query.get_description().find("PHRASE") != std::string::npos);
  // The stand-in: the single word and the phrase's rarest word (高齢 and 者 are in one entry each
  // here, and 高齢 sorts first among equals), no phrase.
  const std::string stand_in = group.first_stage->get_description();
  CHECK(stand_in.find("PHRASE") == std::string::npos);
  CHECK(stand_in.find("年寄り") != std::string::npos);
  CHECK(stand_in.find("高齢") != std::string::npos);

  // Deferred whatever the postings: the first stage holds no phrase.
  const SplitPlan split = split_common_parts(f.terms, plan, {.common_share = 1.0});
  REQUIRE_FALSE(split.deferred.empty());
  REQUIRE_FALSE(split.stand_ins.empty());
  CHECK(split.first.get_description().find("PHRASE") == std::string::npos);
  CHECK(split.deferred.get_description().find("PHRASE") != std::string::npos);

  check_scores_of_whole_or(f, plan, split, "elder");
}

TEST_CASE("docid list: a filter that passes exactly its ids", "[searcher][deferred]") {
  Fixture f;
  const Xapian::docid last = f.db.get_lastdocid();
  REQUIRE(last >= 3);
  auto matched = [&](std::vector<Xapian::docid> ids) {
    Xapian::Enquire enquire(f.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                    Xapian::Query((new DocidList(std::move(ids)))->release())));
    std::vector<Xapian::docid> out;
    const Xapian::MSet mset = enquire.get_mset(0, f.db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(matched({last, 1, last, 1}) == std::vector<Xapian::docid>{1, last});  // any order, duplicates
  CHECK(matched({2}) == std::vector<Xapian::docid>{2});
  CHECK(matched({last + 5}).empty());  // an id the index does not have
  CHECK(matched({}).empty());
}
