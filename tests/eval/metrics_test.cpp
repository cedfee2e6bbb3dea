// The rank-eval arithmetic (Elasticsearch formulas) on rankings worked out by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "madoguchi/evaluation.h"

using namespace madoguchi;
using Approx = Catch::Detail::Approx;

TEST_CASE("a perfect ranking scores 1 on every metric", "[eval]") {
  auto m = score_ranking({"a", "b"}, {{"a", 2}, {"b", 1}});
  CHECK(m.ndcg == Approx(1.0));
  CHECK(m.recall == Approx(1.0));
  CHECK(m.precision == Approx(1.0));
  CHECK(m.mrr == Approx(1.0));
}

TEST_CASE("nDCG uses gain 2^grade - 1 and discount log2(rank + 1)", "[eval]") {
  // Ranked: x (0), b (1), a (2). DCG = 1/log2(3) + 3/log2(4); ideal = 3/1 + 1/log2(3).
  auto m = score_ranking({"x", "b", "a"}, {{"a", 2}, {"b", 1}});
  const double dcg = 1 / std::log2(3.0) + 3 / 2.0;
  const double idcg = 3 + 1 / std::log2(3.0);
  CHECK(m.ndcg == Approx(dcg / idcg));
  CHECK(m.mrr == Approx(0.5));
  CHECK(m.recall == Approx(1.0));
  CHECK(m.precision == Approx(2.0 / 3.0));
}

TEST_CASE("only the top k count, and grade 0 judgments are not relevant", "[eval]") {
  auto m = score_ranking({"x", "y", "a"}, {{"a", 1}, {"z", 0}}, 2);
  CHECK(m.ndcg == 0);
  CHECK(m.mrr == 0);
  CHECK(m.recall == 0);
  CHECK(m.precision == 0);
  auto none = score_ranking({}, {{"a", 1}});
  CHECK(none.ndcg == 0);
  CHECK(none.precision == 0);
}

TEST_CASE("keystroke median treats never-answered queries as infinite", "[eval]") {
  auto s = summarize_keystrokes({0.2, 0.5, std::nullopt}, {true, false, false});
  REQUIRE(s.median_fraction);
  CHECK(*s.median_fraction == Approx(0.5));
  CHECK(s.answered_at_some_prefix == Approx(2.0 / 3.0));
  CHECK(s.answered_at_full_length == Approx(1.0 / 3.0));
  auto mostly_lost = summarize_keystrokes({0.2, std::nullopt, std::nullopt}, {true, false, false});
  CHECK_FALSE(mostly_lost.median_fraction);
}
