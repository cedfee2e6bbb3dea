#include "test_support.h"

namespace madoguchi::test {

void write_fixture_corpus(const std::filesystem::path& dir) {
  write_file(dir / "consult" / "fever-consult.md",
             entry_md("fever-consult", "発熱したときの相談先",
                      "まずはかかりつけ医に電話で相談してください。かかりつけ医がいない場合は、"
                      "受診相談センターまたは最寄りの保健所にご相談ください。",
                      "type: faq\ncategory: [受診相談]\ntags: [発熱, かかりつけ医]\neffective: 2022-09-07\n",
                      "熱が出ました。どこに相談すればよいですか。"));
  write_file(dir / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間",
                      "保健所の電話受付は平日9時から17時までです。夜間と休日は受診相談センターにおかけください。",
                      "type: faq\ncategory: [受診相談]\ntags: [保健所, 受付時間]\n"));
  write_file(dir / "isolation" / "isolation-period@2022-01-01.md",
             entry_md("isolation-period", "陽性者の療養期間", "療養期間は発症日から10日間です。",
                      "type: policy\ncategory: [療養]\ntags: [療養期間]\neffective: 2022-01-01\n"));
  write_file(dir / "isolation" / "isolation-period@2022-09-07.md",
             entry_md("isolation-period", "陽性者の療養期間（短縮）", "療養期間は発症日から7日間です。",
                      "type: policy\ncategory: [療養]\ntags: [療養期間]\neffective: 2022-09-07\n"));
  write_file(dir / "isolation" / "isolation-period@2027-01-04.md",
             entry_md("isolation-period", "陽性者の療養期間（改定予定）", "療養期間の目安は発症日から5日間です。",
                      "type: policy\ncategory: [療養]\ntags: [療養期間]\neffective: 2027-01-04\n"));
  write_file(dir / "isolation" / "close-contact.md",
             entry_md("close-contact", "濃厚接触者の待機期間",
                      "新型コロナウイルス感染症の濃厚接触者は、最終接触日の翌日から5日間の待機をお願いします。",
                      "type: faq\ncategory: [療養]\ntags: [濃厚接触者, 待機]\neffective: 2022-07-23\n"));
  write_file(dir / "testing" / "free-pcr.md",
             entry_md("free-pcr", "無料PCR検査の実施場所",
                      "県内の薬局などで無料のPCR検査を受けられます。",
                      "type: faq\ncategory: [検査]\ntags: [PCR検査, 無料]\neffective: 2021-12-24\nexpires: 2023-03-31\n"));
  write_file(dir / "routing" / "suita.md",
             entry_md("routing-suita", "吹田市にお住まいの方の相談先",
                      "吹田市は中核市のため、吹田市保健所が対応します。",
                      "type: routing\ncategory: [振り分け]\nmunicipalities: [吹田市]\n"));
  write_file(dir / "scripts" / "opening.md",
             entry_md("script-opening", "電話の第一声",
                      "お電話ありがとうございます。新型コロナ受診相談センターです。",
                      "type: script\ncategory: [トーク]\n"));
  write_file(dir / "new" / "vaccine-2026.md",
             entry_md("vaccine-autumn", "秋のワクチン接種の予約",
                      "接種券が届いたら予約サイトまたはコールセンターで予約してください。",
                      "type: faq\ncategory: [ワクチン]\ntags: [接種券, 予約]\neffective: 2026-11-18\n"));
  write_file(dir / "synonyms.tsv",
             "# sample groups\nコロナ\t新型コロナウイルス\tCOVID-19\nワクチン\t予防接種\nPCR検査\tPCR\n");
}

}  // namespace madoguchi::test
