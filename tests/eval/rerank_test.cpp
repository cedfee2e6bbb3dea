// The re-ranker in the public search path (core/src/reranker.h): an entry whose question is
// mostly the caller's words gains over one that mentions them among many others; the gain shows
// in --explain as route "rerank", and the explained weights still add up to the score.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <xapian.h>

#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/releases.h"
#include "madoguchi/schema.h"
#include "madoguchi/searcher.h"
#include "posting_memo.h"
#include "question_memo.h"
#include "reranker.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

void write_rerank_corpus(const std::filesystem::path& c) {
  const std::string body = "粗大ごみは申込みが必要です。手数料は品目ごとに決まっています。";
  write_file(c / "fee.md", entry_md("fee", "粗大ごみの手数料", body));
  write_file(c / "guide.md", entry_md("guide", "粗大ごみの手数料と収集日、持ち込み施設、分別、リサイクル、不法投棄の通報", body));
  write_file(c / "other.md", entry_md("other", "犬の登録", "犬を飼い始めたら登録してください。"));
}

Corpus load(const TempDir& dir) {
  CorpusReport report;
  auto corpus = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(corpus.has_value());
  return std::move(*corpus);
}

// Every document's question length slot, by docid.
std::map<Xapian::docid, std::string> question_words_of(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::map<Xapian::docid, std::string> out;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
    out[*p] = db.get_document(*p).get_value(schema::kSlotQuestionWords);
  return out;
}

// Removes the question length slot from every document, as a build before the slot wrote them.
void strip_question_words(const std::string& db_dir) {
  Xapian::WritableDatabase db(db_dir);
  const std::vector<Xapian::docid> all(db.postlist_begin(""), db.postlist_end(""));
  for (const Xapian::docid docid : all) {
    Xapian::Document doc = db.get_document(docid);
    doc.remove_value(schema::kSlotQuestionWords);
    db.replace_document(docid, doc);
  }
  db.commit();
  REQUIRE(db.get_value_freq(schema::kSlotQuestionWords) == 0);
}

const std::string& rerank_db() {
  static TempDir dir;
  static std::string db = [] {
    write_rerank_corpus(dir.path() / "corpus");
    return build_corpus_index(dir);
  }();
  return db;
}

double share_of(const Hit& h, const std::string& route) {
  double w = 0;
  for (const auto& e : h.explanation)
    if (e.route == route) w += e.weight;
  return w;
}

}  // namespace

TEST_CASE("rerank: the entry whose question is the query's words gains most", "[eval][rerank]") {
  auto s = Searcher::open(rerank_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE(r->hits.size() == 2);  // "other" shares no word
  CHECK(r->hits[0].id == "fee");
  const double fee = share_of(r->hits[0], "rerank"), guide = share_of(r->hits[1], "rerank");
  CHECK(fee > 0);
  CHECK(fee > guide);
  for (const auto& h : r->hits) {
    double sum = 0;
    for (const auto& e : h.explanation) sum += e.weight;
    CHECK(sum == Approx(h.score).epsilon(1e-9));
  }
  CHECK(r->hits[0].score >= r->hits[1].score);
}

TEST_CASE("rerank: answers remembered in a memo re-rank as reading the index does", "[eval][rerank]") {
  // The searcher keeps a QuestionMemo and a PostingMemo per revision (question_memo.h,
  // posting_memo.h), so a later keystroke re-ranks from what an earlier one read.
  Xapian::Database db(rerank_db());
  QueryPlan plan;
  for (const std::string word : {"粗大ごみ", "手数料", "登録"})
    plan.parts.push_back({word, "question", "exact", Xapian::Query(std::string(schema::kQuestion) + word)});
  std::vector<RankedDoc> ranked;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) ranked.push_back({*p, 10.0 - *p});
  REQUIRE(ranked.size() == 3);
  const auto plain = rerank(db, plan, ranked, 10);
  QuestionMemo memo;
  PostingMemo postings;
  const auto first = rerank(db, plan, ranked, 10, {}, false, &memo, &postings);
  CHECK(postings.remembers(std::string(schema::kQuestion) + "手数料", ranked[0].doc));
  CHECK(memo.question_words(ranked[0].doc).has_value());
  const auto again = rerank(db, plan, ranked, 10, {}, false, &memo, &postings);  // every answer from the memos
  bool gained = false;
  for (const auto* run : {&first, &again}) {
    REQUIRE(run->size() == plain.size());
    for (size_t i = 0; i < plain.size(); ++i) {
      CHECK((*run)[i].doc == plain[i].doc);
      CHECK((*run)[i].score == plain[i].score);
      CHECK((*run)[i].extra == plain[i].extra);
      gained = gained || plain[i].extra > 0;
    }
  }
  CHECK(gained);
  postings.clear();
  CHECK_FALSE(postings.remembers(std::string(schema::kQuestion) + "手数料", ranked[0].doc));
  memo.clear();
  CHECK_FALSE(memo.question_words(ranked[0].doc).has_value());
}

TEST_CASE("rerank: kana input gains through the words its readings stand for", "[eval][rerank]") {
  auto s = Searcher::open(rerank_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "そだいごみのてすうりょう", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  CHECK(r->hits[0].id == "fee");
  CHECK(share_of(r->hits[0], "rerank") > 0);
}

TEST_CASE("rerank: an index where some entry lacks its question length is not re-ranked", "[eval][rerank]") {
  TempDir dir;
  std::filesystem::copy(rerank_db(), dir.path() / "db", std::filesystem::copy_options::recursive);
  {
    Xapian::WritableDatabase db(dir.str("db"));
    const Xapian::docid id = *db.postlist_begin(std::string(schema::kId) + "other");
    Xapian::Document doc = db.get_document(id);
    doc.remove_value(schema::kSlotQuestionWords);  // as if built before the slot existed
    db.replace_document(id, doc);
    db.commit();
  }
  auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  for (const auto& h : r->hits) CHECK(share_of(h, "rerank") == 0);
}

TEST_CASE("rerank: the next index run counts the question length an older build did not write", "[eval][rerank]") {
  TempDir dir;
  write_rerank_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  const auto fresh = question_words_of(db);
  strip_question_words(db);

  auto stats = build_index(load(dir), db);  // nothing in the corpus changed
  REQUIRE(stats.has_value());
  CHECK(stats->upgraded == 3);
  CHECK(stats->analyzed == 0);
  CHECK(question_words_of(db) == fresh);
  auto again = build_index(load(dir), db);
  REQUIRE(again.has_value());
  CHECK(again->upgraded == 0);

  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  CHECK(share_of(r->hits[0], "rerank") > 0);
}

TEST_CASE("rerank: a release on a live database also gives older documents their question length", "[eval][rerank]") {
  TempDir dir;
  write_rerank_corpus(dir.path() / "corpus");
  const std::string db = dir.str("db");
  REQUIRE(publish(load(dir), db, {.message = "初回"}).has_value());
  const auto fresh = question_words_of(db);
  strip_question_words(db);

  auto unchanged = publish(load(dir), db, {.message = "変更なし"});
  REQUIRE(unchanged.has_value());
  CHECK(unchanged->unchanged);  // nothing to publish: nothing is written, the upgrade waits
  CHECK(Xapian::Database(db).get_value_freq(schema::kSlotQuestionWords) == 0);

  write_file(dir.path() / "corpus" / "other.md", entry_md("other", "犬の登録", "犬を飼い始めたら30日以内に登録してください。"));
  auto second = publish(load(dir), db, {.message = "登録期限"});
  REQUIRE(second.has_value());
  CHECK(second->release.changed == 1);  // the upgrade is not a change of the corpus
  CHECK(second->stats.upgraded == 3);
  const auto now = question_words_of(db);
  REQUIRE(now.size() == fresh.size());
  Xapian::Database check(db);
  CHECK(check.get_value_freq(schema::kSlotQuestionWords) == check.get_doccount());
}

TEST_CASE("rerank: a seat reading through the remote backend gets the same gains", "[eval][rerank][remote]") {
  // Through xapian-tcpsrv the counts come from one match, not posting-list walks (44 ms a
  // keystroke at 100k entries); the order, scores and gains must be the local ones.
  TempDir dir;
  const std::string stub = dir.str("remote.stub");
  std::ofstream(stub) << "remote :xapian-progsrv " << rerank_db() << "\n";
  auto local = Searcher::open(rerank_db(), Clock::fixed(*Date::parse("2026-11-25")));
  auto remote = Searcher::open(stub, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(local.has_value());
  REQUIRE(remote.has_value());
  for (const char* query : {"粗大ごみの手数料はいくらですか", "そだいごみのてすうりょう", "粗大ごみ"}) {
    auto a = (*local)->search({.query = query, .prefix_last_word = false, .explain = true});
    auto b = (*remote)->search({.query = query, .prefix_last_word = false, .explain = true});
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    REQUIRE(a->hits.size() == b->hits.size());
    for (size_t i = 0; i < a->hits.size(); ++i) {
      INFO(query << " rank " << i + 1);
      CHECK(a->hits[i].id == b->hits[i].id);
      CHECK(a->hits[i].score == Approx(b->hits[i].score).epsilon(1e-12));
      CHECK(share_of(a->hits[i], "rerank") == Approx(share_of(b->hits[i], "rerank")).epsilon(1e-12));
    }
  }
  auto r = (*remote)->search({.query = "粗大ごみの手数料はいくらですか", .prefix_last_word = false, .explain = true});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  CHECK(share_of(r->hits[0], "rerank") > 0);
}
