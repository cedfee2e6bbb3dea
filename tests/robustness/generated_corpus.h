// A generated Japanese corpus for load-style robustness tests (crash, concurrency): `entries`
// FAQ entries whose titles and answers carry `marker` (e.g. "甲版"), so that a result set can be
// told apart from another revision's.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "test_support.h"

namespace madoguchi::test {

inline void write_generated_corpus(const std::filesystem::path& dir, int entries, const std::string& marker,
                                   unsigned seed = 7) {
  static const char* const kPlaces[] = {"保健所", "市役所", "区役所", "受診相談センター", "薬局", "診療所", "支所", "窓口"};
  static const char* const kTopics[] = {"発熱", "療養期間", "ワクチン接種", "検査", "給付金", "証明書", "予約", "濃厚接触者"};
  static const char* const kActions[] = {"電話で相談", "郵送で申請", "窓口で手続き", "予約を変更", "書類を提出", "結果を確認"};
  std::mt19937 rng(seed);
  auto pick = [&](const auto& list) { return list[rng() % (sizeof(list) / sizeof(list[0]))]; };
  for (int i = 0; i < entries; ++i) {
    std::string answer;
    for (int s = 0; s < 6; ++s)
      answer += std::string(pick(kPlaces)) + "では" + pick(kTopics) + "について" + pick(kActions) + "できます（" + marker +
                "、番号" + std::to_string(i * 7 + s) + "）。";
    const std::string id = "gen-" + std::to_string(i);
    write_file(dir / ("g" + std::to_string(i % 20)) / (id + ".md"),
               entry_md(id, marker + " " + pick(kTopics) + "と" + pick(kPlaces) + "の案内 " + std::to_string(i), answer,
                        "category: [" + std::string(pick(kTopics)) + "]\ntags: [" + pick(kPlaces) + "]\n",
                        std::string(pick(kTopics)) + "はどうすればよいですか。"));
  }
}

}  // namespace madoguchi::test
