// A small index is matched without Xapian's pruning (SearcherOptions::exact_match_max_documents;
// docs/xapian-andmaybe-skip.md: Xapian 1.4.22's pruning can skip a document). On the sample
// corpus (about 270 documents) every keystroke of the gold queries gives the exhaustive match's
// hits and its exact count, and with the option off Xapian's estimates show that it was pruning
// (and are not called counts).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "madoguchi/evaluation.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

namespace {

// Every prefix, character by character, of the first `count` gold queries.
std::vector<std::string> gold_keystrokes(const fs::path& corpus, size_t count) {
  auto gold = load_gold_dataset(corpus.string(), (corpus / "gold" / "queries.tsv").string());
  REQUIRE(gold.has_value());
  std::vector<std::string> out;
  for (size_t q = 0; q < std::min(count, gold->queries.size()); ++q) {
    const std::string& query = gold->queries[q].text;
    for (size_t end = 1; end <= query.size(); ++end)
      if (end == query.size() || (static_cast<unsigned char>(query[end]) & 0xC0) != 0x80)
        out.push_back(query.substr(0, end));
  }
  return out;
}

std::unique_ptr<Searcher> open(const std::string& db, SearcherOptions options) {
  options.recent_matches = 0;  // every keystroke matched anew
  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")), options);
  REQUIRE(s.has_value());
  return std::move(*s);
}

}  // namespace

TEST_CASE("a small index is matched exactly: the exhaustive hits and exact counts", "[searcher][exhaustive]") {
  const fs::path corpus = fs::path(source_dir()) / "corpus";
  TempDir dir;
  CorpusReport report;
  auto loaded = load_corpus(corpus.string(), {}, report);
  REQUIRE(loaded.has_value());
  REQUIRE(build_index(*loaded, dir.str("db")).has_value());

  auto exact = open(dir.str("db"), {});
  auto pruned = open(dir.str("db"), {.exact_match_max_documents = 0});
  auto reference = open(dir.str("db"), {.exhaustive_match = true});
  const std::vector<std::string> keystrokes = gold_keystrokes(corpus, 40);
  REQUIRE(keystrokes.size() > 200);
  int estimated = 0;  // keystrokes whose pruned match gave an estimate, not the count
  size_t exact_counts = 0;  // keystrokes whose count is called exact
  for (const std::string& typed : keystrokes) {
    INFO(typed);
    const SearchRequest request{.query = typed, .limit = 10};
    const auto a = exact->search(request), b = reference->search(request), c = pruned->search(request);
    REQUIRE((a.has_value() && b.has_value() && c.has_value()));
    REQUIRE(a->hits.size() == b->hits.size());
    for (size_t i = 0; i < a->hits.size(); ++i) CHECK(a->hits[i].id == b->hits[i].id);
    CHECK(a->estimated_total == b->estimated_total);
    if (c->estimated_total != b->estimated_total) {
      ++estimated;
      CHECK_FALSE(c->total_is_exact);  // an estimate is never called a count (the viewer writes 約)
    }
    if (a->total_is_exact) {
      ++exact_counts;
      // A count is the number of entries a search without a limit lists.
      const auto all = exact->search({.query = typed, .limit = 1000});
      REQUIRE(all.has_value());
      CHECK(long(all->hits.size()) == a->estimated_total);
    }
  }
  INFO(estimated << " of " << keystrokes.size() << " keystrokes estimated when pruned");
  CHECK(estimated > 0);
  INFO(exact_counts << " of " << keystrokes.size() << " counts called exact");
  CHECK(exact_counts == keystrokes.size());  // no word is common enough to be left out below 10,000 entries
}
