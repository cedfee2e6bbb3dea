// Quality floors on the development split (../shared/eval, or MADOGUCHI_EVAL_DIR): a change that
// loses ranking quality fails here. Skipped (code 77) when the evaluation data is absent.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "madoguchi/evaluation.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

// Runs the split's variant, or exits with the skip code when the data is not there.
EvalReport evaluate(const std::string& variant, bool keystrokes = false) {
  const std::string dir = eval_dir() + "/" + variant;
  if (!std::filesystem::exists(dir + "/corpus.json")) {
    WARN("evaluation data not found at " << dir);
    std::exit(77);
  }
  auto data = load_json_dataset(dir);
  REQUIRE(data.has_value());
  auto report = run_evaluation(*data, {.keystrokes = keystrokes});
  REQUIRE(report.has_value());
  return std::move(*report);
}

}  // namespace

// Floors just below what the search path reached when they were set (README "Search quality").
TEST_CASE("dev split: kanji queries keep their nDCG@10 floor", "[eval][dev]") {
  auto r = evaluate("localgovfaq-dev");
  CHECK(r.mean.ndcg >= 0.53);
}

TEST_CASE("dev split: unconverted hiragana, romaji and one-typo queries keep their floors", "[eval][dev]") {
  CHECK(evaluate("localgovfaq-dev-kana").mean.ndcg >= 0.51);
  CHECK(evaluate("localgovfaq-dev-romaji").mean.ndcg >= 0.505);
  CHECK(evaluate("localgovfaq-dev-typo").mean.ndcg >= 0.485);
}
