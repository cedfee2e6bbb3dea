// The second stage's reads (core/src/bm25_term.h, core/src/posting_memo.h): a term's BM25 weight
// computed from its postings is the very double Xapian's matcher gives, and the memo answers as
// the index does, from memory for what it has read. Real Xapian.
#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <xapian.h>

#include "bm25_term.h"
#include "posting_memo.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// 40 documents of different lengths: 発熱 in all but every fifth (a term in more than half the
// documents, which Xapian's BM25 treats apart), 相談 in every third, 保健所 in one; wdfs 1 to 4.
std::string write_index(const TempDir& dir) {
  const std::string path = dir.str("db");
  Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
  for (int n = 1; n <= 40; ++n) {
    Xapian::Document doc;
    if (n % 5 != 0) doc.add_term("発熱", Xapian::termcount(1 + n % 4));
    if (n % 3 == 0) doc.add_term("相談", Xapian::termcount(1 + n % 2));
    if (n == 17) doc.add_term("保健所", 3);
    doc.add_term("埋め草", Xapian::termcount(1 + n % 7));
    w.add_document(doc);
  }
  w.commit();
  return path;
}

}  // namespace

TEST_CASE("a term's BM25 weight from its postings is Xapian's, to the bit", "[searcher][deferred]") {
  TempDir dir;
  Xapian::Database db(write_index(dir));
  int compared = 0;
  for (const std::string term : {"発熱", "相談", "保健所"}) {
    for (const double factor : {1.0, 0.2, 0.25, 0.125, 0.75}) {
      INFO(term << " × " << factor);
      const Bm25Term bm25(factor, double(db.get_doccount()), db.get_avlength(), double(db.get_termfreq(term)));
      Xapian::Enquire enquire(db);
      enquire.set_query(factor == 1 ? Xapian::Query(term) : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor));
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      REQUIRE(mset.size() == db.get_termfreq(term));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto posting = db.postlist_begin(term);
        posting.skip_to(*it);
        CHECK(bm25.weight(posting.get_wdf(), db.get_doclength(*it)) == it.get_weight());
        ++compared;
      }
    }
  }
  CHECK(compared == 5 * (32 + 13 + 1));
}

TEST_CASE("the posting memo answers as the index does, and from memory once read", "[searcher][deferred]") {
  TempDir dir;
  Xapian::Database db(write_index(dir));
  PostingMemo memo;
  const std::vector<Xapian::docid> docs{3, 5, 17, 30, 40};
  // 発熱: not in 5, 30, 40; wdf 1 + n % 4.
  CHECK(memo.wdfs(db, "発熱", docs) == std::vector<Xapian::termcount>{4, 0, 2, 0, 0});
  CHECK(memo.wdfs(db, "保健所", docs) == std::vector<Xapian::termcount>{0, 0, 3, 0, 0});
  CHECK(memo.wdfs(db, "鳩", docs) == std::vector<Xapian::termcount>{0, 0, 0, 0, 0});
  CHECK(memo.length(db, 17) == db.get_doclength(17));

  // Asked again, partly with documents it has not read, after the index is closed: what it read
  // comes from memory, what it has not fails as a closed index does.
  CHECK(memo.wdfs(db, "発熱", {1, 3, 17}) == std::vector<Xapian::termcount>{2, 4, 2});
  const Xapian::termcount length = db.get_doclength(3);
  CHECK(memo.length(db, 3) == length);
  db.close();
  CHECK(memo.wdfs(db, "発熱", {3, 5, 40}) == std::vector<Xapian::termcount>{4, 0, 0});
  CHECK(memo.length(db, 3) == length);
  CHECK_THROWS_AS(memo.wdfs(db, "発熱", {3, 4}), Xapian::DatabaseClosedError);
  memo.clear();
  CHECK_THROWS_AS(memo.wdfs(db, "保健所", {17}), Xapian::DatabaseClosedError);
}
