// Sudachi's pairs kept up to date by a small run: only the sets of words that appeared in or
// vanished from the index are looked at again, and the table, hash and pair count are those a
// full check (a new index of the same corpus) gives, after a variant's first use, a word's last
// use, editors' groups, a new dictionary file and a new scope.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/schema.h"
#include "madoguchi/sudachi_synonyms.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// One spelling-variant group per line of `words` (space-separated), in Sudachi's JSON.
std::string dictionary_json(const std::vector<std::string>& groups) {
  std::string out = "[";
  for (size_t g = 0; g < groups.size(); ++g) {
    out += std::string(g ? "," : "") + R"({"id":")" + std::to_string(100000 + g) + R"(","items":[)";
    size_t from = 0;
    for (bool first = true; from < groups[g].size(); first = false) {
      size_t to = std::min(groups[g].find(' ', from), groups[g].size());
      out += std::string(first ? "" : ",") +
             R"({"taigenYogen":"体言","expandControl":0,"vocabularyNumber":1,"gokeiSyubetsu":"代表語",)"
             R"("ryakusyou":"代表語形","hyoukiYure":"代表表記","bunya":[],"midashi":")" +
             groups[g].substr(from, to - from) + "\"}";
      from = to + 1;
    }
    out += "]}";
  }
  return out + "]\n";
}

struct Built {
  IndexStats stats;
  std::map<std::string, std::set<std::string>> table;
  std::string hash;
};

Built build(const TempDir& dir, const std::string& db, const SudachiOptions& sudachi) {
  CorpusReport report;
  auto corpus = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(corpus.has_value());
  IndexOptions options;
  options.sudachi = sudachi;
  auto stats = build_index(*corpus, dir.str(db), options);
  REQUIRE(stats.has_value());
  Built out{*stats, {}, {}};
  Xapian::Database d(dir.str(db));
  for (auto k = d.synonym_keys_begin(); k != d.synonym_keys_end(); ++k)
    out.table[*k] = {d.synonyms_begin(*k), d.synonyms_end(*k)};
  out.hash = d.get_metadata(std::string(schema::kMetaSynonymsHash));
  return out;
}

// Builds the corpus into "db" (incrementally) and into a new index (every key checked), and
// requires the same table, hash and pair count from both; returns the incremental build. The new
// index looks up `full_keys`: every key of the dictionary but editors'.
Built build_both(const TempDir& dir, const SudachiOptions& sudachi, int full_keys = 6) {
  std::filesystem::remove_all(dir.path() / "full");
  Built incremental = build(dir, "db", sudachi);
  Built full = build(dir, "full", sudachi);
  CHECK(incremental.table == full.table);
  CHECK(incremental.hash == full.hash);
  CHECK(incremental.stats.sudachi_pairs == full.stats.sudachi_pairs);
  CHECK(full.stats.sudachi_keys_checked == full_keys);
  return incremental;
}

bool has_pair(const Built& b, const std::string& key, const std::string& synonym) {
  auto it = b.table.find(key);
  return it != b.table.end() && it->second.count(synonym);
}

}  // namespace

TEST_CASE("a small run re-checks only the Sudachi keys whose words it added or removed", "[sudachi][writer]") {
  TempDir dir;
  write_file(dir.path() / "dict.json", dictionary_json({"子供 子ども", "ゴミ ごみ", "問合せ 問い合わせ"}));
  const SudachiOptions sudachi{SudachiScope::kSpelling, dir.str("dict.json")};
  write_file(dir.path() / "corpus/a.md", entry_md("child", "子供の医療費", "子供の医療費を助成します。"));
  write_file(dir.path() / "corpus/b.md", entry_md("waste", "ゴミの出し方", "ごみは朝8時までに出してください。"));
  write_file(dir.path() / "corpus/c.md", entry_md("contact", "問い合わせ先", "問い合わせは窓口へ。ごみの相談も。"));
  Built first = build_both(dir, sudachi);
  CHECK(has_pair(first, "ゴミ", "ごみ"));
  CHECK(first.table.count("子供") == 0);  // 子ども is not in the corpus yet

  SECTION("a spelling variant's first use pairs it with the word already there") {
    write_file(dir.path() / "corpus/d.md", entry_md("child2", "子どもの予防接種", "子どもの予防接種の案内。"));
    Built after = build_both(dir, sudachi);
    CHECK(has_pair(after, "子供", "子ども"));
    CHECK(after.stats.sudachi_keys_checked == 2);  // the set of 子供 and 子ども only
    CHECK(after.hash != first.hash);

    SECTION("and removing the only entry using it takes the pair away") {
      std::filesystem::remove(dir.path() / "corpus/d.md");
      Built removed = build_both(dir, sudachi);
      CHECK(removed.table.count("子供") == 0);
      CHECK(removed.hash == first.hash);
    }
  }

  SECTION("the last use of a word goes, within a changed entry that keeps its variant") {
    write_file(dir.path() / "corpus/b.md", entry_md("waste", "ごみの出し方", "ごみは朝8時までに出してください。"));
    Built after = build_both(dir, sudachi);
    CHECK(after.table.count("ゴミ") == 0);
    CHECK(after.table.count("ごみ") == 0);
  }

  SECTION("an edit using no new word looks nothing up") {
    write_file(dir.path() / "corpus/c.md", entry_md("contact", "問い合わせ先", "問い合わせは窓口へ。ゴミの相談も。"));
    Built after = build_both(dir, sudachi);
    CHECK(after.stats.sudachi_keys_checked == 0);
    CHECK(after.table == first.table);
  }

  SECTION("editors' groups, the dictionary file and the scope each take the full check") {
    write_file(dir.path() / "corpus/synonyms.tsv", "ゴミ\t廃棄物\n");
    Built editors = build_both(dir, sudachi, 5);
    CHECK(editors.stats.sudachi_keys_checked == 5);
    CHECK(!has_pair(editors, "ゴミ", "ごみ"));

    write_file(dir.path() / "corpus/d.md", entry_md("child2", "子どもの予防接種", "子どもの予防接種の案内。"));
    write_file(dir.path() / "dict.json", dictionary_json({"子供 子ども", "ゴミ ごみ", "問合せ 問い合わせ", "窓口 まどぐち"}));
    Built dictionary = build_both(dir, sudachi, 7);
    CHECK(has_pair(dictionary, "子供", "子ども"));
    CHECK(dictionary.stats.sudachi_keys_checked == 7);

    Built scope = build_both(dir, {SudachiScope::kAll, dir.str("dict.json")}, 7);
    CHECK(scope.stats.sudachi_keys_checked == 7);
    CHECK(scope.hash != dictionary.hash);
  }
}

TEST_CASE("updating Sudachi pairs from touched sets equals recomputing them", "[sudachi]") {
  // 子供 is in two sets, once only expanded to; 児童 is shared as well.
  const SudachiKeySets sets{{{"子供", true}, {"子ども", true}, {"こども", true}},
                            {{"児童", true}, {"子供", false}},
                            {{"児童", true}, {"じどう", true}},
                            {{"ごみ", true}, {"ゴミ", true}}};
  auto pairs_for = [&](const std::set<std::string>& corpus) {
    return sudachi_pairs(sets, [&](const std::string& k) { return corpus.count(k) > 0; }, {});
  };
  const std::set<std::string> before{"子供", "子ども", "児童", "ごみ", "ゴミ"};
  for (const auto& now : std::vector<std::set<std::string>>{
           {"子ども", "児童", "ごみ", "ゴミ"},                  // 子供 goes
           {"子供", "子ども", "こども", "児童", "ごみ", "ゴミ"},  // こども comes
           {"子供", "子ども", "ごみ", "ゴミ", "じどう"}}) {      // 児童 goes, じどう comes
    std::set<std::string, std::less<>> changed;
    std::set_symmetric_difference(before.begin(), before.end(), now.begin(), now.end(),
                                  std::inserter(changed, changed.end()));
    const std::string text = encode_key_sets(sets);
    const SudachiKeySets touched = key_sets_with_terms(text, index_key_terms(text), changed);
    CHECK(touched.size() < sets.size());
    auto updated = update_sudachi_pairs(pairs_for(before), touched,
                                        [&](const std::string& k) { return now.count(k) > 0; }, {});
    CHECK(updated == pairs_for(now));
  }
}
