// The searcher's memo of term frequencies (core/src/term_memo.h): it answers as the index does,
// keeps answering for the revision it was filled on, and forgets when cleared (the searcher
// clears it whenever it reopens the index). Real Xapian.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "term_memo.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

TEST_CASE("the term memo answers as the index does until it is cleared", "[searcher][terms]") {
  TempDir dir;
  {
    Xapian::WritableDatabase w(dir.str("db"), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("保健所");
    doc.add_term("発熱");
    w.add_document(doc);
    doc.remove_term("保健所");
    w.add_document(doc);
    w.commit();
  }
  Xapian::Database db(dir.str("db"));
  TermMemo terms(db);
  CHECK(terms.frequency("発熱") == 2);
  CHECK(terms.frequency("保健所") == 1);
  CHECK_FALSE(terms.exists("鳩"));
  CHECK(terms.any_starting_with("保健"));
  CHECK_FALSE(terms.any_starting_with("鳩"));

  {
    Xapian::WritableDatabase w(dir.str("db"));
    Xapian::Document doc;
    doc.add_term("鳩");
    doc.add_term("発熱");
    w.add_document(doc);
    w.commit();
  }
  REQUIRE(db.reopen());
  // Remembered for the revision it was asked on...
  CHECK(terms.frequency("発熱") == 2);
  CHECK_FALSE(terms.exists("鳩"));
  CHECK_FALSE(terms.any_starting_with("鳩"));
  // ...and asked again once cleared.
  terms.clear();
  CHECK(terms.frequency("発熱") == 3);
  CHECK(terms.exists("鳩"));
  CHECK(terms.any_starting_with("鳩"));
}

TEST_CASE("the term memo knows that typing on past the index's words starts no term", "[searcher][terms]") {
  TempDir dir;
  {
    Xapian::WritableDatabase w(dir.str("db"), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("保健所");
    w.add_document(doc);
    w.commit();
  }
  Xapian::Database db(dir.str("db"));
  TermMemo terms(db);
  CHECK_FALSE(terms.any_starting_with("鳩"));
  {
    Xapian::WritableDatabase w(dir.str("db"));
    Xapian::Document doc;
    doc.add_term("鳩舎");
    w.add_document(doc);
    w.commit();
  }
  REQUIRE(db.reopen());
  // Answered from "鳩" alone (the index was not asked again; it now has 鳩舎).
  CHECK_FALSE(terms.any_starting_with("鳩舎"));
  CHECK(terms.any_starting_with("保健"));
  CHECK_FALSE(terms.any_starting_with("保健センター"));
  terms.clear();
  CHECK(terms.any_starting_with("鳩舎"));
}
