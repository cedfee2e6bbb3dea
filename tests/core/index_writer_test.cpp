// Index writer: builds, incremental updates, removals, atomic failure, analyzer identity, new
// indexes written in shards (sharded_build.h).
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/schema.h"
#include "madoguchi/searcher.h"
#include "sharded_build.h"
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

std::vector<std::string> ids_for(const std::string& db, const std::string& query) {
  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = query, .limit = 20});
  REQUIRE(r.has_value());
  std::vector<std::string> ids;
  for (const auto& h : r->hits) ids.push_back(h.id);
  return ids;
}

}  // namespace

TEST_CASE("a build indexes one document per version and records the analyzer", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  auto stats = build_index(load(dir), dir.str("db"));
  REQUIRE(stats.has_value());
  CHECK(stats->entries == 8);
  CHECK(stats->versions == 10);
  CHECK(stats->analyzed == 10);
  CHECK(stats->synonym_groups == 3);
  Xapian::Database db(dir.str("db"));
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)).find("ipadic") != std::string::npos);
  CHECK(db.get_metadata(std::string(schema::kMetaCharset)).find("熱") != std::string::npos);
}

TEST_CASE("a second build re-analyzes only changed files and drops removed ones", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());

  auto again = build_index(load(dir), dir.str("db"));
  REQUIRE(again.has_value());
  CHECK(again->analyzed == 0);
  CHECK(again->unchanged == 10);

  write_file(dir.path() / "corpus" / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間", "受付は平日8時30分から17時15分までです。", "type: faq\n"));
  std::filesystem::remove(dir.path() / "corpus" / "testing" / "free-pcr.md");
  auto changed = build_index(load(dir), dir.str("db"));
  REQUIRE(changed.has_value());
  CHECK(changed->analyzed == 1);
  CHECK(changed->removed == 1);
  CHECK(changed->entries == 7);
  CHECK(ids_for(dir.str("db"), "無料 PCR").empty());
  CHECK(ids_for(dir.str("db"), "8時30分").at(0) == "hokenjo-hours");
}

TEST_CASE("adding a version updates its siblings' validity without re-analyzing them", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  std::filesystem::remove(dir.path() / "corpus" / "isolation" / "isolation-period@2022-09-07.md");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());
  {
    auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2022-10-01")));
    auto d = (*s)->show("isolation-period");
    REQUIRE(d.has_value());
    CHECK(d->current->version.answer.find("10日間") != std::string::npos);
  }
  write_fixture_corpus(dir.path() / "corpus");
  auto stats = build_index(load(dir), dir.str("db"));
  REQUIRE(stats.has_value());
  CHECK(stats->analyzed == 1);
  auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2022-10-01")));
  auto d = (*s)->show("isolation-period");
  REQUIRE(d.has_value());
  CHECK(d->current->version.answer.find("7日間") != std::string::npos);
}

TEST_CASE("a failed build leaves the previous index unchanged", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());
  const auto before = ids_for(dir.str("db"), "保健所");

  write_file(dir.path() / "corpus" / "consult" / "fever-consult.md",
             entry_md("fever-consult", "変更", "まったく別の内容です。"));
  IndexOptions failing;
  failing.before_commit = [] { return Status::io_error("simulated failure before commit"); };
  auto failed = build_index(load(dir), dir.str("db"), failing);
  REQUIRE_FALSE(failed.has_value());
  CHECK(ids_for(dir.str("db"), "保健所") == before);
}

TEST_CASE("a failed first build leaves no half-made index behind", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  IndexOptions failing;
  failing.before_commit = [] { return Status::io_error("simulated"); };
  REQUIRE_FALSE(build_index(load(dir), dir.str("db"), failing).has_value());
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db"));
}

TEST_CASE("an index built with another dictionary is refused, not misread", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());
  // Only the dictionary differs from what this build writes (same analysis version), so the
  // refusal must come from the dictionary check whether or not unidic is installed here.
  const auto with_dictionary = [&](const std::string& profile, const std::string& dir_name, const std::string& hash) {
    Xapian::WritableDatabase db(dir.str("db"));
    auto identity = nlohmann::json::parse(db.get_metadata(std::string(schema::kMetaAnalyzer)));
    identity["profile"] = profile;
    identity["dictionary_dir"] = dir_name;
    identity["sys_dic_xxh64"] = hash;
    db.set_metadata(std::string(schema::kMetaAnalyzer), identity.dump());
    db.commit();
  };
  with_dictionary("unidic", "/var/lib/mecab/dic/unidic", "00");
  auto s = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE_FALSE(s.has_value());
  // Whether or not unidic is installed on this seat, the index is not silently used.
  CHECK((s.status().code() == Code::kIncompatibleIndex || s.status().code() == Code::kInvalidInput));
  INFO(s.status().message());
  CHECK(s.status().message().find("unidic") != std::string::npos);

  with_dictionary("ipadic", "/var/lib/mecab/dic/ipadic-utf8", "0123456789abcdef");
  auto other_build = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE_FALSE(other_build.has_value());
  CHECK(other_build.status().code() == Code::kIncompatibleIndex);
}

TEST_CASE("opening something that is not an index is a clear error", "[writer]") {
  TempDir dir;
  auto s = Searcher::open(dir.str("missing"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE_FALSE(s.has_value());
  CHECK(s.status().code() == Code::kInvalidInput);
}

namespace {

// Every document's data, values and terms by uid, and the charset: what must not depend on
// whether a build parsed every file or only the changed ones.
std::map<std::string, std::string> snapshot(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::map<std::string, std::string> out;
  for (auto t = db.allterms_begin(std::string(schema::kUid)); t != db.allterms_end(std::string(schema::kUid)); ++t) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*t));
    std::string all = doc.get_data();
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) all += "|v" + std::to_string(v.get_valueno()) + "=" + *v;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) all += "|" + *term;
    out[*t] = all;
  }
  for (auto key : {schema::kMetaCharset, schema::kMetaCharsetCounts, schema::kMetaEntryCount})
    out[std::string(key)] = db.get_metadata(std::string(key));
  return out;
}

Corpus load_known(const TempDir& dir, const std::string& db) {
  const KnownFiles known = known_files(db);
  CorpusReport report;
  auto c = load_corpus(dir.str("corpus"), {.known = &known}, report);
  REQUIRE(c.has_value());
  return std::move(*c);
}

}  // namespace

TEST_CASE("files the index holds are not parsed again, and the index ends up as a full build's", "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  std::filesystem::remove(dir.path() / "corpus" / "isolation" / "isolation-period@2022-09-07.md");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());

  auto check_same_as_full_build = [&](int analyzed) {
    Corpus corpus = load_known(dir, dir.str("db"));
    int unparsed = 0;
    for (const auto& v : corpus.versions) unparsed += v.unparsed ? 1 : 0;
    CHECK(unparsed == int(corpus.versions.size()) - analyzed);
    auto stats = build_index(corpus, dir.str("db"));
    REQUIRE(stats.has_value());
    CHECK(stats->analyzed == analyzed);
    std::filesystem::remove_all(dir.path() / "full");
    REQUIRE(build_index(load(dir), dir.str("full")).has_value());
    CHECK(snapshot(dir.str("db")) == snapshot(dir.str("full")));
  };

  // A new character in one file, another file gone.
  write_file(dir.path() / "corpus" / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間（鑑）", "受付は平日8時30分から17時15分までです。", "type: faq\n"));
  std::filesystem::remove(dir.path() / "corpus" / "testing" / "free-pcr.md");
  check_same_as_full_build(1);
  CHECK(Xapian::Database(dir.str("db")).get_metadata(std::string(schema::kMetaCharset)).find("鑑") != std::string::npos);

  // The character leaves again; a new version of an entry whose other version is not parsed.
  write_file(dir.path() / "corpus" / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間", "受付は平日8時30分から17時15分までです。", "type: faq\n"));
  write_fixture_corpus(dir.path() / "corpus");
  std::filesystem::remove(dir.path() / "corpus" / "testing" / "free-pcr.md");
  check_same_as_full_build(2);
  CHECK(Xapian::Database(dir.str("db")).get_metadata(std::string(schema::kMetaCharset)).find("鑑") == std::string::npos);

  // Nothing changed: nothing parsed.
  check_same_as_full_build(0);
}

TEST_CASE("a file moved or renamed with its bytes unchanged keeps its document, which records the new path",
          "[writer]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(build_index(load(dir), dir.str("db")).has_value());
  auto path_of = [&](const std::string& id) {
    Xapian::Database db(dir.str("db"));
    REQUIRE(db.get_termfreq(std::string(schema::kId) + id) == 1);
    auto p = db.postlist_begin(std::string(schema::kId) + id);
    return nlohmann::json::parse(db.get_document(*p).get_data()).at("path").get<std::string>();
  };
  REQUIRE(path_of("hokenjo-hours") == "consult/hokenjo-hours.md");

  // Renamed into another directory: read again (its bytes are known, so not parsed), not analyzed.
  std::filesystem::create_directories(dir.path() / "corpus" / "moved");
  std::filesystem::rename(dir.path() / "corpus" / "consult" / "hokenjo-hours.md",
                          dir.path() / "corpus" / "moved" / "hours.md");
  auto stats = build_index(load_known(dir, dir.str("db")), dir.str("db"));
  REQUIRE(stats.has_value());
  CHECK(stats->analyzed == 0);
  CHECK(stats->removed == 0);
  CHECK(path_of("hokenjo-hours") == "moved/hours.md");
  Xapian::Database db(dir.str("db"));
  CHECK(db.get_termfreq(std::string(schema::kPath) + "moved/hours.md") == 1);
  CHECK(db.get_termfreq(std::string(schema::kPath) + "consult/hokenjo-hours.md") == 0);
  std::filesystem::remove_all(dir.path() / "full");
  REQUIRE(build_index(load(dir), dir.str("full")).has_value());
  CHECK(snapshot(dir.str("db")) == snapshot(dir.str("full")));
}

namespace {

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
  for (unsigned shards : {0u, 2u, 3u}) {  // 0: the default, one per core
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

TEST_CASE("a new index gets one shard per core unless asked, never more than its documents", "[writer][shards]") {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  CHECK(shards_for(100000, 0) == std::min(cores, kMaxAutoShards));
  CHECK(shards_for(100000, 1) == 1);
  CHECK(shards_for(100000, 3) == 3);
  CHECK(shards_for(2, 8) == 2);
  CHECK(shards_for(1, 0) == 1);
  CHECK(shards_for(0, 0) == 1);
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
