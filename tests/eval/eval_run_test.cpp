// `eval` end to end on a tiny generated data set whose answers are known: the index, the search
// path, the TREC run and the printed figures.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "madoguchi/evaluation.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
using Approx = Catch::Detail::Approx;

namespace {

// Three FAQ entries; q1 and q2 have one clear answer each, q3 matches nothing.
void write_tiny_dataset(const std::filesystem::path& dir) {
  write_file(dir / "corpus.json", R"({
    "1": "Question: 戸籍謄本の発行手数料はいくらですか？\nAnswer: 戸籍謄本は一通450円です。窓口で発行します。",
    "2": "Question: 粗大ごみの出し方を知りたい。\nAnswer: 粗大ごみは電話で収集を申し込んでください。",
    "3": "Question: 国民健康保険の保険料の納付方法は？\nAnswer: 口座振替または納付書で納めてください。"
  })");
  write_file(dir / "queries.json", R"({"q1": "戸籍謄本の手数料", "q2": "粗大ごみ 収集", "q3": "ぴよぴよ"})");
  write_file(dir / "qrels.json", R"({"q1": {"1": 2}, "q2": {"2": 1, "3": 1}, "q3": {"3": 2}})");
}

}  // namespace

TEST_CASE("eval finds the known answers and averages the metrics over queries", "[eval]") {
  TempDir dir;
  write_tiny_dataset(dir.path());
  auto data = load_json_dataset(dir.str());
  REQUIRE(data.has_value());
  CHECK(data->documents.size() == 3);
  auto report = run_evaluation(*data, {.keystrokes = true});
  REQUIRE(report.has_value());
  REQUIRE(report->queries.size() == 3);
  const auto& q1 = report->queries[0];
  REQUIRE_FALSE(q1.ranked.empty());
  CHECK(q1.ranked[0].first == "1");
  CHECK(q1.metrics.ndcg == Approx(1.0));
  // q2: "2" first (grade 1) while "3" is not found: recall 1/2, nDCG = 1 / (1 + 1/log2 3).
  const auto& q2 = report->queries[1];
  REQUIRE_FALSE(q2.ranked.empty());
  CHECK(q2.ranked[0].first == "2");
  CHECK(q2.metrics.recall == Approx(0.5));
  CHECK(q2.metrics.ndcg == Approx(1.0 / (1.0 + 1.0 / std::log2(3.0))));
  CHECK(report->queries[2].ranked.empty());
  CHECK(report->mean.mrr == Approx((1.0 + 1.0 + 0.0) / 3));
  CHECK(report->mean.ndcg == Approx((1.0 + q2.metrics.ndcg) / 3));
  REQUIRE(report->keystrokes.has_value());
  CHECK(report->keystrokes->answered_at_some_prefix == Approx(2.0 / 3.0));
  CHECK(report->keystrokes->answered_at_full_length == Approx(2.0 / 3.0));
  REQUIRE(report->queries[0].keystroke_fraction.has_value());
  CHECK(*report->queries[0].keystroke_fraction <= 0.5);  // 戸籍 alone already finds it
}

TEST_CASE("madoguchi eval writes a TREC run and prints the metrics as JSON", "[eval][cli]") {
  TempDir dir;
  write_tiny_dataset(dir.path() / "data");
  auto r = run_cli({"eval", "--dataset", dir.str("data"), "--run", dir.str("r.trec"), "--json", "--keystrokes"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"ndcg@10", "recall@10", "p@10", "mrr@10"}) CHECK(j.contains(key));
  CHECK(j["mrr@10"].get<double>() == Approx(2.0 / 3.0));
  CHECK(j["keystrokes"].contains("median_fraction"));
  std::ifstream run(dir.str("r.trec"));
  std::string line;
  REQUIRE(std::getline(run, line));
  std::istringstream fields(line);
  std::string qid, q0, doc, tag;
  int rank = 0;
  double score = 0;
  fields >> qid >> q0 >> doc >> rank >> score >> tag;
  CHECK(qid == "q1");
  CHECK(q0 == "Q0");
  CHECK(doc == "1");
  CHECK(rank == 1);
  CHECK(score > 0);
  CHECK(tag == "madoguchi");
}

TEST_CASE("madoguchi eval reports a missing dataset as bad input and no dataset as usage", "[eval][cli]") {
  CHECK(run_cli({"eval", "--dataset", "/nonexistent/dataset"}).exit_code == 1);
  CHECK(run_cli({"eval"}).exit_code == 2);
}

TEST_CASE("gold queries for a corpus directory are read as query<TAB>ids", "[eval]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  write_file(dir.path() / "gold.tsv", "# comment\n発熱 相談\tfever-consult\n\n保健所 受付時間\thokenjo-hours,fever-consult\n");
  auto data = load_gold_dataset(dir.str("corpus"), dir.str("gold.tsv"));
  REQUIRE(data.has_value());
  REQUIRE(data->queries.size() == 2);
  CHECK(data->qrels.at(data->queries[1].id).size() == 2);
  auto report = run_evaluation(*data, {.as_of = Date::parse("2026-11-25")});
  REQUIRE(report.has_value());
  CHECK(report->mean.mrr == Approx(1.0));
}
