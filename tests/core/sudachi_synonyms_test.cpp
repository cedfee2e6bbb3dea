// Sudachi's synonym dictionary: loading the installed npm package (tools/setup.sh; SKIPPED when
// it is absent), restriction to the corpus's words, editors' precedence, the don't-expand flag,
// and clear errors for a missing or malformed file.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/schema.h"
#include "madoguchi/sudachi_synonyms.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The installed package, or the skip code (77) when tools/setup.sh has not installed it.
const SudachiDictionary& installed() {
  static const SudachiDictionary dictionary = [] {
    const std::string path = default_sudachi_path();
    if (!std::filesystem::exists(path)) {
      WARN("Sudachi's synonym dictionary not installed at " << path << " (tools/setup.sh)");
      std::exit(77);
    }
    auto d = load_sudachi_dictionary(path);
    REQUIRE(d.has_value());
    return std::move(*d);
  }();
  return dictionary;
}

std::set<std::string> keys_of(const std::vector<std::pair<std::string, std::string>>& pairs, const std::string& key) {
  std::set<std::string> out;
  for (const auto& p : pairs)
    if (p.first == key) out.insert(p.second);
  return out;
}

auto identity = [](const std::string& word) { return word; };

std::vector<std::pair<std::string, std::string>> pairs_of(const SudachiDictionary& d, SudachiScope scope,
                                                          const std::function<bool(const std::string&)>& in_corpus,
                                                          const std::set<std::string>& editors = {}) {
  return sudachi_pairs(sudachi_key_sets(d, scope, identity), in_corpus, editors);
}

std::set<std::string> synonyms_in(const std::string& db_dir, const std::string& key) {
  Xapian::Database db(db_dir);
  return {db.synonyms_begin(key), db.synonyms_end(key)};
}

Corpus corpus_at(const TempDir& dir) {
  CorpusReport report;
  auto c = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(c.has_value());
  return std::move(*c);
}

}  // namespace

TEST_CASE("the installed Sudachi dictionary loads with its version and groups", "[sudachi]") {
  const auto& d = installed();
  CHECK(!d.version.empty());
  CHECK(d.hash.size() == 16);
  REQUIRE(d.groups.size() > 10000);
  // Group 000002 (宛先): 宛て先, あて先, 宛先 spell one word; 送付先 is another word of the group.
  const SudachiGroup& g = d.groups[1];
  CHECK(g.id == "000002");
  std::set<std::string> words;
  for (const auto& w : g.words) words.insert(w.text);
  CHECK(words.count("宛先"));
  CHECK(words.count("送付先"));
}

TEST_CASE("Sudachi pairs keep only words the corpus uses, by scope", "[sudachi]") {
  const auto& d = installed();
  const std::set<std::string> corpus{"宛先", "宛て先", "送付先"};
  auto in_corpus = [&](const std::string& k) { return corpus.count(k) > 0; };

  auto all = pairs_of(d, SudachiScope::kAll, in_corpus);
  CHECK(keys_of(all, "宛先") == std::set<std::string>{"宛て先", "送付先"});
  CHECK(keys_of(all, "届け先").empty());  // in the group, not in the corpus
  for (const auto& p : all) CHECK((corpus.count(p.first) && corpus.count(p.second)));

  // Spelling variants only: 送付先 is another word, not a spelling of 宛先.
  auto spelling = pairs_of(d, SudachiScope::kSpelling, in_corpus);
  CHECK(keys_of(spelling, "宛先") == std::set<std::string>{"宛て先"});
  CHECK(pairs_of(d, SudachiScope::kOff, in_corpus).empty());
}

TEST_CASE("a word in an editors' group takes no Sudachi synonyms and is nobody's", "[sudachi]") {
  const auto& d = installed();
  const std::set<std::string> corpus{"宛先", "宛て先", "送付先"};
  auto in_corpus = [&](const std::string& k) { return corpus.count(k) > 0; };
  auto pairs = pairs_of(d, SudachiScope::kAll, in_corpus, {"宛先"});
  CHECK(keys_of(pairs, "宛先").empty());
  CHECK(keys_of(pairs, "宛て先") == std::set<std::string>{"送付先"});
}

TEST_CASE("Sudachi's don't-expand flags: 1 is expanded to but expands nothing, 2 is never used", "[sudachi]") {
  TempDir dir;
  write_file(dir.path() / "synonyms.json", R"([{"id":"000001","items":[
{"taigenYogen":"体言","expandControl":0,"vocabularyNumber":1,"gokeiSyubetsu":"代表語","ryakusyou":"代表語形","hyoukiYure":"代表表記","bunya":[],"midashi":"申込"},
{"taigenYogen":"体言","expandControl":1,"vocabularyNumber":1,"gokeiSyubetsu":"代表語","ryakusyou":"代表語形","hyoukiYure":"異表記・表記ゆれ","bunya":[],"midashi":"申し込み"},
{"taigenYogen":"体言","expandControl":2,"vocabularyNumber":1,"gokeiSyubetsu":"代表語","ryakusyou":"代表語形","hyoukiYure":"間違い表記","bunya":[],"midashi":"申込み"}]}]
)");
  auto d = load_sudachi_dictionary(dir.str("synonyms.json"));
  REQUIRE(d.has_value());
  REQUIRE(d->groups.size() == 1);
  CHECK(d->groups[0].words.size() == 2);  // 申込み (2) is not loaded
  auto sets = sudachi_key_sets(*d, SudachiScope::kSpelling, identity);
  auto pairs = sudachi_pairs(sets, [](const std::string&) { return true; }, {});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0] == std::pair<std::string, std::string>{"申込", "申し込み"});
  // The sets an index keeps read back the same, flags included.
  CHECK(sudachi_pairs(decode_key_sets(encode_key_sets(sets)), [](const std::string&) { return true; }, {}) == pairs);
}

TEST_CASE("a missing Sudachi dictionary is not found, a malformed one names the file and line", "[sudachi]") {
  TempDir dir;
  auto missing = load_sudachi_dictionary(dir.str("none.json"));
  REQUIRE(!missing.has_value());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(missing.status().message().find("none.json") != std::string::npos);

  write_file(dir.path() / "bad.json", "[\n{\"id\":\"000001\",\"items\":[]},\n{\"id\":\"000002\",\"items\":[}\n]\n");
  auto bad = load_sudachi_dictionary(dir.str("bad.json"));
  REQUIRE(!bad.has_value());
  CHECK(bad.status().code() == Code::kInvalidInput);
  CHECK(bad.status().where().path == dir.str("bad.json"));
  CHECK(bad.status().where().line == 3);

  write_file(dir.path() / "shape.json", "[\n{\"id\":\"000001\",\"items\":[]},\n{\"id\":\"000002\",\"items\":[{\"midashi\":7}]}\n]\n");
  auto shape = load_sudachi_dictionary(dir.str("shape.json"));
  REQUIRE(!shape.has_value());
  CHECK(shape.status().where().line == 3);
  CHECK(shape.status().message().find("000002") != std::string::npos);
}

TEST_CASE("an index build writes Sudachi groups restricted to the corpus, editors first", "[sudachi][writer]") {
  const auto& d = installed();
  TempDir dir;
  write_file(dir.path() / "corpus/a.md", entry_md("send-to", "書類の送付先", "宛先は市役所です。"));
  write_file(dir.path() / "corpus/b.md", entry_md("child", "子供の手当", "子ども手当と児童手当の違い。"));
  write_file(dir.path() / "corpus/synonyms.tsv", "宛先\t届け先\n");
  IndexOptions options;
  options.sudachi = {SudachiScope::kAll, d.path};
  auto stats = build_index(corpus_at(dir), dir.str("db"), options);
  REQUIRE(stats.has_value());
  CHECK(stats->sudachi_pairs > 0);
  // Group 016008 (子供, 子ども, キッズ, ...) restricted to the corpus; in group 019163 子供 has
  // 展開制御 1, so 児童 expands to 子供 but 子供 does not expand to 児童.
  CHECK(synonyms_in(dir.str("db"), "子供") == std::set<std::string>{"子ども"});
  CHECK(synonyms_in(dir.str("db"), "児童") == std::set<std::string>{"子供", "子ども"});
  // 宛先 is in the editors' group: Sudachi's 送付先 (送付 先) is neither its synonym nor it theirs.
  CHECK(synonyms_in(dir.str("db"), "宛先") == std::set<std::string>{"届け先"});
  CHECK(!synonyms_in(dir.str("db"), "送付 先").count("宛先"));
  Xapian::Database db(dir.str("db"));
  CHECK(db.get_metadata(std::string(schema::kMetaSudachi)).find(d.hash) != std::string::npos);
  CHECK(!db.get_metadata(std::string(schema::kMetaSudachiKeys)).empty());
  const std::string hash = db.get_metadata(std::string(schema::kMetaSynonymsHash));
  db.close();

  // A second build reuses the analyzed sets the index kept, with the same result.
  auto again = build_index(corpus_at(dir), dir.str("db"), options);
  REQUIRE(again.has_value());
  CHECK(again->sudachi_pairs == stats->sudachi_pairs);
  CHECK(synonyms_in(dir.str("db"), "児童") == std::set<std::string>{"子供", "子ども"});

  // Turning it off rewrites the table without Sudachi's pairs.
  auto off = build_index(corpus_at(dir), dir.str("db"));
  REQUIRE(off.has_value());
  CHECK(synonyms_in(dir.str("db"), "子供").empty());
  Xapian::Database after(dir.str("db"));
  CHECK(after.get_metadata(std::string(schema::kMetaSynonymsHash)) != hash);
  CHECK(after.get_metadata(std::string(schema::kMetaSudachi)).empty());
}
