// The query builder's wildcard for the word being typed (core/src/query_builder.h): a stem of one
// character expands to its few most frequent completions, a longer stem to up to 40, and a stem
// no index term starts with adds no leaf. Real MeCab and Xapian.
#include <catch2/catch.hpp>
#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "dictionary_cache.h"
#include "query_builder.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// The plan's "prefix" part for `typed`, serialised (empty: none).
std::string prefix_part(const std::string& typed) {
  static TempDir dir;
  static const std::string db_dir = [] {
    write_file(dir.path() / "corpus" / "pension.md", entry_md("pension", "年金の免除", "国民年金の保険料は年度ごとに納めます。"));
    return build_corpus_index(dir);
  }();
  Xapian::Database db(db_dir);
  TermMemo terms(db);
  SynonymTable synonyms;
  auto dictionary = shared_dictionary({});
  REQUIRE(dictionary.has_value());
  Analyzer analyzer(*dictionary);
  const QueryPlan plan = QueryBuilder(analyzer, terms, synonyms).build(typed, true);
  for (const auto& part : plan.parts)
    if (part.route == "prefix" && part.field == "text") return part.query.serialise();
  return "";
}

std::string wildcard(const std::string& stem, Xapian::termcount expansion) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, stem, expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)
      .serialise();
}

}  // namespace

TEST_CASE("the word being typed: one character expands to its 3 most frequent words, more to 40", "[query]") {
  const QueryWeights weights;
  CHECK(prefix_part("年") == wildcard("年", Xapian::termcount(weights.max_prefix_expansion_one_character)));
  CHECK(weights.max_prefix_expansion_one_character == 3);
  CHECK(prefix_part("保険") == wildcard("保険", Xapian::termcount(weights.max_prefix_expansion)));
  CHECK(prefix_part("猫舌").empty());  // no index term starts with it: no leaf
}
