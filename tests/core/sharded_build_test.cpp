// A new index written in shards and compacted (sharded_build.h) holds what one writer writes, and
// neither a failure nor a killed build's leftovers leave anything at the index path.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/schema.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

Corpus load(const TempDir& dir) {
  CorpusReport report;
  auto c = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(c.has_value());
  return std::move(*c);
}

// Every document by id (terms with wdf and positions, values, data), the metadata but the build
// time, and the synonyms.
std::string dump(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::ostringstream out;
  out << db.get_doccount() << ' ' << db.get_lastdocid() << '\n';
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    out << "doc " << *p << ' ' << p.get_doclength() << '\n';
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      out << *t << ' ' << t.get_wdf() << ' ' << db.get_termfreq(*t) << ':';
      for (auto q = t.positionlist_begin(); q != t.positionlist_end(); ++q) out << ' ' << *q;
      out << '\n';
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out << v.get_valueno() << '=' << *v << '\n';
    out << doc.get_data() << '\n';
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
    if (*k != schema::kMetaBuiltAt) out << *k << '=' << db.get_metadata(*k) << '\n';
  for (auto s = db.synonym_keys_begin(); s != db.synonym_keys_end(); ++s)
    for (auto t = db.synonyms_begin(*s); t != db.synonyms_end(*s); ++t) out << *s << '>' << *t << '\n';
  return out.str();
}

bool leftovers(const TempDir& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    if (e.path().filename().string().rfind("db", 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("a new index written in shards holds what one writer writes", "[writer][shards]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const Corpus corpus = load(dir);
  REQUIRE(build_index(corpus, dir.str("one"), {.shards = 1}).has_value());
  for (unsigned shards : {2u, 3u}) {
    const std::string db = dir.str("sharded-" + std::to_string(shards));
    auto stats = build_index(corpus, db, {.shards = shards});
    REQUIRE(stats.has_value());
    CHECK(stats->versions == 10);
    CHECK(stats->analyzed == 10);
    CHECK(dump(db) == dump(dir.str("one")));
    CHECK_FALSE(std::filesystem::exists(db + ".building"));
    CHECK_FALSE(std::filesystem::exists(db + ".building.shard-0"));
  }
  // An incremental run over a sharded build works as over any other.
  write_file(dir.path() / "corpus" / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間", "受付は平日8時30分から17時15分までです。", "type: faq\n"));
  auto again = build_index(load(dir), dir.str("sharded-2"));
  REQUIRE(again.has_value());
  CHECK(again->analyzed == 1);
  REQUIRE(build_index(load(dir), dir.str("one")).has_value());
  CHECK(dump(dir.str("sharded-2")) == dump(dir.str("one")));
}

TEST_CASE("a failed sharded build leaves neither an index nor shards behind", "[writer][shards]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  IndexOptions failing{.before_commit = [] { return Status::io_error("simulated"); }, .shards = 2};
  REQUIRE_FALSE(build_index(load(dir), dir.str("db"), failing).has_value());
  CHECK_FALSE(leftovers(dir));
}

TEST_CASE("a killed build's leftovers are cleared by the next build", "[writer][shards]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  // As a kill mid-compaction leaves them: a half-written database and a shard.
  write_file(dir.path() / "db.building" / "postlist.glass", "partial");
  REQUIRE(build_index(load(dir), dir.str("db.building.shard-0"), {.shards = 1}).has_value());
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db"));
  auto stats = build_index(load(dir), dir.str("db"), {.shards = 2});
  REQUIRE(stats.has_value());
  CHECK(stats->versions == 10);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db.building"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db.building.shard-0"));
}
