// The synonym table as searchers read it (core/src/synonym_table.h): the metadata copy equals the
// synonym table, and a seat reading through Xapian's remote backend (which returns no synonyms)
// still expands editors' groups. Real MeCab and Xapian; the remote side is xapian-progsrv.
#include <catch2/catch.hpp>
#include <fstream>
#include <xapian.h>

#include "madoguchi/schema.h"
#include "madoguchi/searcher.h"
#include "synonym_table.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

bool has_synonym_route(const SearchResult& r) {
  for (const auto& h : r.hits)
    for (const auto& e : h.explanation)
      if (e.route == "synonym") return true;
  return false;
}

}  // namespace

TEST_CASE("the metadata copy of the synonym table equals the table", "[searcher][synonyms]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const Xapian::Database db(build_corpus_index(dir));
  REQUIRE_FALSE(db.get_metadata(std::string(schema::kMetaSynonymPairs)).empty());
  SynonymTable from_table;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k)
    for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) from_table[*k].push_back(*s);
  REQUIRE_FALSE(from_table.empty());
  CHECK(read_synonym_table(db) == from_table);
}

TEST_CASE("a seat reading through the remote backend still expands synonyms", "[searcher][synonyms][remote]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string db = build_corpus_index(dir);
  const std::string stub = dir.str("remote.stub");
  std::ofstream(stub) << "remote :xapian-progsrv " << db << "\n";
  // What made this necessary: the remote backend answers synonym reads with nothing.
  const Xapian::Database remote_db(stub);
  CHECK(remote_db.synonym_keys_begin() == remote_db.synonym_keys_end());
  CHECK(read_synonym_table(remote_db) == read_synonym_table(Xapian::Database(db)));

  for (const std::string& path : {db, stub}) {
    auto s = Searcher::open(path, Clock::fixed(*Date::parse("2026-11-25")));
    REQUIRE(s.has_value());
    auto r = (*s)->search({.query = "予防接種", .prefix_last_word = false, .explain = true});
    REQUIRE(r.has_value());
    INFO(path);
    CHECK(has_synonym_route(*r));  // ワクチン / 予防接種 from synonyms.tsv
  }
}

TEST_CASE("a copy made for another synonym table is not used, and the next run remakes it", "[searcher][synonyms]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string path = build_corpus_index(dir);
  {
    // What a binary from before the copy does when the groups change: table and hash, no copy.
    Xapian::WritableDatabase db(path);
    db.add_synonym("保健所", "保健センター");
    db.set_metadata(std::string(schema::kMetaSynonymsHash), "rewritten-by-an-older-binary");
    db.commit();
  }
  auto stale = read_synonym_table(Xapian::Database(path));
  REQUIRE(stale.count("保健所"));
  CHECK(stale.at("保健所") == std::vector<std::string>{"保健センター"});
  // The next run writes the groups of synonyms.tsv again, and a copy stamped for them.
  build_corpus_index(dir);
  const Xapian::Database db(path);
  CHECK(read_synonym_table(db).count("保健所") == 0);
  CHECK(synonym_copy_current(db, db.get_metadata(std::string(schema::kMetaSynonymsHash))));
}

TEST_CASE("editors' groups apply to unconverted kana too", "[synonyms][kana]") {
  TempDir dir;
  const auto corpus = dir.path() / "corpus";
  write_file(corpus / "entries" / "rabbit.md", entry_md("rabbit", "うさぎの飼い方", "うさぎは寂しがりです。", "", "うさぎを飼いたい"));
  write_file(corpus / "entries" / "dog.md", entry_md("dog", "犬の登録", "犬の登録をしてください。"));
  // Callers' words no entry writes, in hiragana and in katakana.
  write_file(corpus / "synonyms.tsv", "もふもふ\tうさぎ\nピョンキチ\tうさぎ\n");
  auto s = Searcher::open(build_corpus_index(dir), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  // (ぴょんきち typed for the katakana member is not matched yet: the table's keys are written forms.)
  for (const char* query : {"もふもふ", "ピョンキチ", "もふもふをかいたい"}) {
    INFO(query);
    auto r = (*s)->search({.query = query, .explain = true});
    REQUIRE(r.has_value());
    REQUIRE(r->hits.size() == 1);
    CHECK(r->hits[0].id == "rabbit");
    CHECK(has_synonym_route(*r));
  }
}
