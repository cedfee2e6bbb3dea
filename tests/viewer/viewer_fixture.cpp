#include "viewer_fixture.h"

#include <catch2/catch.hpp>

namespace madoguchi::viewer::test {

using madoguchi::test::entry_md;
using madoguchi::test::write_file;

namespace {

std::string fever(const std::string& effective, const std::string& title, const std::string& answer) {
  return "---\nid: fever-consult\ntype: faq\ntitle: " + title +
         "\ncategory: [受診相談]\ntags: [発熱, かかりつけ医]\neffective: " + effective +
         "\nsource: 国の通知 (2022-09-02)\n---\n"
         "## 質問\n熱が出ました。どこに相談すればよいですか。\n\n"
         "## 回答\n" + answer + "\n\n"
         "## トークスクリプト\n「お熱が出ているのですね。まず、かかりつけのお医者様はいらっしゃいますか。」\n\n"
         "## 備考\n夜間は**受診相談センター**が対応します。\n";
}

}  // namespace

const char* const kFeverAnswerPlain =
    "まずかかりつけ医に電話で相談してください。かかりつけ医がいない場合は、\n"
    "・発熱外来の一覧を案内する\n"
    "・夜間は 受診相談センター へ\n"
    "時間帯\t連絡先\n"
    "平日\tかかりつけ医\n"
    "夜間\t受診相談センター\n"
    "詳しくは県のページ (https://example.jp/fever)を参照。";

void write_viewer_corpus(const std::filesystem::path& dir) {
  write_file(dir / "consult" / "fever-2022.md",
             fever("2022-09-07", "発熱したときの相談先", "かかりつけ医に相談してください。"));
  write_file(dir / "consult" / "fever-2023.md",
             fever("2023-05-08", "発熱したときの相談先",
                   "まず**かかりつけ医**に電話で相談してください。かかりつけ医がいない場合は、\n\n"
                   "- 発熱外来の一覧を案内する\n"
                   "- 夜間は *受診相談センター* へ\n\n"
                   "| 時間帯 | 連絡先 |\n|---|---|\n| 平日 | かかりつけ医 |\n| 夜間 | 受診相談センター |\n\n"
                   "詳しくは[県のページ](https://example.jp/fever)を参照。"));
  write_file(dir / "consult" / "fever-2023-06.md",
             fever("2023-06-01", "発熱したときの相談先（改定予定）", "発熱外来は予約なしで受診できます。"));
  write_file(dir / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間",
                      "保健所の電話受付は平日9時から17時までです。夜間と休日は受診相談センターにおかけください。",
                      "type: faq\ncategory: [受診相談]\ntags: [保健所]\neffective: 2022-04-01\n"));
  write_file(dir / "routing" / "suita.md",
             entry_md("routing-suita", "吹田市にお住まいの方の相談先",
                      "吹田市は中核市のため、吹田市保健所が対応します。電話番号をご案内してください。",
                      "type: routing\ncategory: [振り分け]\nmunicipalities: [吹田市]\neffective: 2022-04-01\n"));
  write_file(dir / "symptoms" / "cough.md",
             entry_md("cough", "咳が続くとき", "咳が二週間以上続く場合は、かかりつけ医か保健所にご相談ください。",
                      "type: faq\ncategory: [症状]\neffective: 2022-04-01\n", "咳が止まりません。"));
  write_file(dir / "testing" / "free-pcr.md",
             entry_md("free-pcr", "無料PCR検査の実施場所", "県内の薬局などで無料のPCR検査を受けられます。",
                      "type: faq\ncategory: [検査]\neffective: 2021-12-24\nexpires: 2023-03-31\n"));
  write_file(dir / "vaccine" / "spring.md",
             entry_md("vaccine-spring", "春のワクチン接種の予約", "接種券が届いたら予約サイトで予約してください。",
                      "type: notice\ncategory: [ワクチン]\neffective: 2023-05-01\n"));
  write_file(dir / "vaccine" / "summer.md",
             entry_md("vaccine-summer", "夏のワクチン接種の予約", "七月から夏の接種の予約を受け付けます。",
                      "type: notice\ncategory: [ワクチン]\neffective: 2023-07-01\n"));
  write_file(dir / "scripts" / "opening.md",
             entry_md("script-opening", "電話の第一声", "お電話ありがとうございます。受診相談センターです。",
                      "type: script\ncategory: [トーク]\neffective: 2022-04-01\n"));
  write_file(dir / "synonyms.tsv", "発熱\t熱\nワクチン\t予防接種\n");
}

std::string build_viewer_index(const madoguchi::test::TempDir& tmp) {
  write_viewer_corpus(tmp.path() / "corpus");
  const std::string db = tmp.str("db");
  auto r = madoguchi::test::run_cli({"index", tmp.str("corpus"), "--db", db});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

}  // namespace madoguchi::viewer::test
