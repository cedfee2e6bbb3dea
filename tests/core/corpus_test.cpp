// Corpus parsing: every field, and every error path names the file and line (DESIGN §3).
#include <catch2/catch.hpp>
#include <filesystem>

#include "madoguchi/corpus.h"
#include "test_support.h"

using namespace madoguchi;
using madoguchi::test::entry_md;
using madoguchi::test::TempDir;
using madoguchi::test::write_file;

TEST_CASE("an entry parses every field and section", "[corpus]") {
  const std::string text =
      "---\nid: fever-consult\ntype: faq\ntitle: 発熱したときの相談先\ncategory: [受診相談]\n"
      "tags: [発熱, かかりつけ医]\neffective: 2022-09-07\nexpires: 2023-05-07\nsource: 国の通知\n"
      "municipalities: [吹田市]\n---\n## 質問\n熱が出ました。\n\n## 回答\nかかりつけ医へ。\n\n"
      "## トークスクリプト\nお大事になさってください。\n";
  auto e = parse_entry("a.md", text);
  REQUIRE(e.has_value());
  CHECK(e->id == "fever-consult");
  CHECK(e->type == EntryType::kFaq);
  CHECK(e->title == "発熱したときの相談先");
  CHECK(e->category == std::vector<std::string>{"受診相談"});
  CHECK(e->tags.size() == 2);
  CHECK(e->municipalities == std::vector<std::string>{"吹田市"});
  CHECK(e->effective.yyyymmdd == 20220907);
  CHECK(e->expires.yyyymmdd == 20230507);
  CHECK(e->source == "国の通知");
  CHECK(e->question == "熱が出ました。");
  CHECK(e->answer == "かかりつけ医へ。");
  CHECK(e->script == "お大事になさってください。");
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted", "[corpus]") {
  std::string text = "\xEF\xBB\xBF---\r\nid: a\r\ntitle: 題\r\n---\r\n## 回答\r\n本文\r\n";
  auto e = parse_entry("a.md", text);
  REQUIRE(e.has_value());
  CHECK(e->answer == "本文");
}

TEST_CASE("front-matter errors name the file and the line", "[corpus]") {
  struct Case {
    const char* name;
    std::string text;
    int line;
    const char* words;
  };
  const Case cases[] = {
      {"no front matter", "# title\n", 1, "front matter"},
      {"unclosed front matter", "---\nid: a\ntitle: t\n", 1, "not closed"},
      {"broken YAML", "---\nid: a\ntitle: [unclosed\n---\n## 回答\nx\n", 3, "YAML"},
      {"missing id", "---\ntitle: t\n---\n## 回答\nx\n", 2, "'id'"},
      {"bad id", "---\nid: ../etc\ntitle: t\n---\n## 回答\nx\n", 2, "[a-z0-9-]"},
      {"uppercase id", "---\ntitle: t\nid: Fever\n---\n## 回答\nx\n", 3, "[a-z0-9-]"},
      {"id too long for the index's id term", "---\ntitle: t\nid: " + std::string(201, 'a') + "\n---\n## 回答\nx\n", 3,
       "at most 200"},
      {"missing title", "---\nid: a\n---\n## 回答\nx\n", 2, "'title'"},
      {"bad type", "---\nid: a\ntitle: t\ntype: memo\n---\n## 回答\nx\n", 4, "type"},
      {"bad date", "---\nid: a\ntitle: t\neffective: 2022-13-01\n---\n## 回答\nx\n", 4, "not a date"},
      {"expires before effective", "---\nid: a\ntitle: t\neffective: 2022-05-01\nexpires: 2022-04-01\n---\n## 回答\nx\n", 5, "before"},
      {"no answer", "---\nid: a\ntitle: t\n---\n## 質問\nq\n", 5, "回答"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto e = parse_entry("dir/x.md", c.text);
      REQUIRE_FALSE(e.has_value());
      CHECK(e.status().code() == Code::kInvalidInput);
      CHECK(e.status().where().path == "dir/x.md");
      CHECK(e.status().where().line == c.line);
      CHECK(e.status().message().find(c.words) != std::string::npos);
      CHECK(e.status().to_string().rfind("dir/x.md:" + std::to_string(c.line) + ": error: ", 0) == 0);
    }
  }
}

TEST_CASE("an id of 200 characters is the longest accepted", "[corpus]") {
  // Longer ones would get no id term in the index (Xapian caps a term at 245 bytes), so a search
  // could not gather the entry's versions by it.
  auto e = parse_entry("a.md", "---\nid: " + std::string(200, 'a') + "\ntitle: t\n---\n## 回答\nx\n");
  REQUIRE(e.has_value());
  CHECK(e->id.size() == 200);
}

TEST_CASE("invalid UTF-8, Shift_JIS and binary files are refused with a reason", "[corpus]") {
  auto bad = parse_entry("a.md", std::string("---\nid: a\ntitle: \xff\n---\n## 回答\nx\n"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.status().where().line == 3);
  // "発熱" in CP932
  auto sjis = parse_entry("b.md", std::string("---\nid: a\ntitle: \x94\xAD\x94\x4D\n---\n"));
  REQUIRE_FALSE(sjis.has_value());
  CHECK(sjis.status().message().find("CP932") != std::string::npos);
  auto binary = parse_entry("c.md", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  REQUIRE_FALSE(binary.has_value());
  CHECK(binary.status().message().find("binary") != std::string::npos);
}

TEST_CASE("unknown fields are warnings, not errors", "[corpus]") {
  std::vector<Status> warnings;
  auto e = parse_entry("a.md", "---\nid: a\ntitle: t\nauthor: 山田\n---\n## 回答\nx\n", &warnings);
  REQUIRE(e.has_value());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where().line == 4);
}

TEST_CASE("a field given twice or of the wrong shape is an error on its line, not a default", "[corpus]") {
  auto error_of = [](const std::string& fields) {
    auto e = parse_entry("a.md", "---\nid: a\n" + fields + "---\n## 回答\nx\n");
    REQUIRE_FALSE(e.has_value());
    return e.status();
  };
  const Status twice = error_of("title: 新しい題\ntitle: 古い題\n");
  CHECK(twice.where().line == 4);
  CHECK(twice.message() == "field 'title' is given twice (also on line 3)");
  CHECK(error_of("title: t\ntype: [policy]\n").message().find("one value") != std::string::npos);
  CHECK(error_of("title: [a, b]\n").message().find("one value") != std::string::npos);
  CHECK(error_of("title: t\nexpires: {d: 1}\n").where().line == 4);
  CHECK(error_of("title: t\ntags: [[a, b], {c: d}]\n").message().find("list of words") != std::string::npos);
  CHECK(error_of("title: \"\u3000 \"\n").message().find("title") != std::string::npos);
  // Empty values and single words stay what they were.
  auto ok = parse_entry("a.md", "---\nid: a\ntitle: t\ntype:\ntags:\ncategory: 受診相談\n---\n## 回答\nx\n");
  REQUIRE(ok.has_value());
  CHECK(ok->type == EntryType::kFaq);
  CHECK(ok->category == std::vector<std::string>{"受診相談"});
}

TEST_CASE("body text that search would never find is a warning with its line", "[corpus]") {
  std::vector<Status> warnings;
  auto e = parse_entry("a.md",
                       "---\nid: a\ntitle: t\n---\n前置き\n## 質問\nq\n## 回答\nx\n### 小見出し\ny\n## 備考\nz\n"
                       "## 回答\n二つ目\n## トークスクリプト\ns\n",
                       &warnings);
  REQUIRE(e.has_value());
  CHECK(e->answer == "x\n### 小見出し\ny");
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].where().line == 5);  // 前置き
  CHECK(warnings[0].message().find("before the first") != std::string::npos);
  CHECK(warnings[1].where().line == 12);  // ## 備考
  CHECK(warnings[1].message().find("'## 備考'") != std::string::npos);
  CHECK(warnings[2].where().line == 14);  // the second ## 回答
  CHECK(warnings[2].message().find("second '## 回答'") != std::string::npos);
  warnings.clear();
  REQUIRE(parse_entry("b.md", entry_md("b", "題", "本文", "", "質問"), &warnings).has_value());
  CHECK(warnings.empty());
}

TEST_CASE("bold that Markdown would show as asterisks is a warning with its line", "[corpus]") {
  std::vector<Status> warnings;
  auto e = parse_entry("a.md",
                       "---\nid: a\ntitle: t\n---\n## 回答\n夜間は**小児救急電話相談（#8000）**で相談できます。\n"
                       "昼間は**かかりつけ医**（診療所）へ。\n`**コード**`と**96〜99%程度**です。\n"
                       "国が承認した**「第1類医薬品」**と表示されたもの。\n",
                       &warnings);
  REQUIRE(e.has_value());
  // Line 6's second "**" closes nothing, so bold runs from it to line 7's first; line 9's are
  // shown as is. Code spans and bold that closes are fine.
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].where().line == 6);
  CHECK(warnings[0].message().find("bold runs on to the next line") != std::string::npos);
  CHECK(warnings[1].where().line == 9);
  CHECK(warnings[1].message().find("'**' is shown as is") != std::string::npos);
  // The sample corpus has none (27 lines had them; the viewer showed and copied the asterisks).
  warnings.clear();
  CorpusReport report;
  REQUIRE(load_corpus(madoguchi::test::source_dir() + "/corpus", {}, report).has_value());
  for (const auto& w : report.warnings) CHECK(w.message().find("'**'") == std::string::npos);
}

TEST_CASE("loading a corpus collects every error, sorted by path", "[corpus]") {
  TempDir dir;
  write_file(dir.path() / "b.md", entry_md("b", "題", "本文"));
  write_file(dir.path() / "z.md", "no front matter\n");
  write_file(dir.path() / "a.md", "---\nid: a\n---\n");
  write_file(dir.path() / "sub" / "b-again.md", entry_md("b", "題", "本文"));
  CorpusReport report;
  auto corpus = load_corpus(dir.str(), {}, report);
  REQUIRE_FALSE(corpus.has_value());
  REQUIRE(report.errors.size() == 3);
  CHECK(report.errors[0].where().path == "a.md");
  CHECK(report.errors[1].where().path == "sub/b-again.md");
  CHECK(report.errors[1].message().find("b.md") != std::string::npos);  // names both files
  CHECK(report.errors[2].where().path == "z.md");
}

TEST_CASE("versions share an id, synonyms are read, README.md is not an entry", "[corpus]") {
  TempDir dir;
  write_file(dir.path() / "README.md", "# sample\n");
  write_file(dir.path() / "iso@2022-01-01.md", entry_md("iso", "療養期間", "10日間", "effective: 2022-01-01\n"));
  write_file(dir.path() / "iso@2022-09-07.md", entry_md("iso", "療養期間", "7日間", "effective: 2022-09-07\n"));
  write_file(dir.path() / "synonyms.tsv", "# groups\nコロナ\t新型コロナウイルス\tCOVID-19\n");
  CorpusReport report;
  auto corpus = load_corpus(dir.str(), {}, report);
  REQUIRE(corpus.has_value());
  REQUIRE(corpus->versions.size() == 2);
  CHECK(corpus->versions[0].effective < corpus->versions[1].effective);
  REQUIRE(corpus->synonyms.size() == 1);
  CHECK(corpus->synonyms[0].members.size() == 3);
  CHECK(report.warnings.empty());
  // Without the file (deleted by mistake, the next publish would drop every group): a warning.
  std::filesystem::remove(dir.path() / "synonyms.tsv");
  CorpusReport without;
  REQUIRE(load_corpus(dir.str(), {}, without).has_value());
  REQUIRE(without.warnings.size() == 1);
  CHECK(without.warnings[0].message().find("no synonyms.tsv") != std::string::npos);
}

TEST_CASE("a synonym line with one member is an error with its line", "[corpus]") {
  auto groups = parse_synonyms("synonyms.tsv", "a\tb\nlonely\n");
  REQUIRE_FALSE(groups.has_value());
  CHECK(groups.status().where().line == 2);
  // validate lists every such line, not the first only.
  TempDir dir;
  write_file(dir.path() / "a.md", entry_md("a", "題", "本文"));
  write_file(dir.path() / "synonyms.tsv", "a\tb\nlonely\nc\td\nalone\n");
  CorpusReport report;
  CHECK_FALSE(load_corpus(dir.str(), {}, report).has_value());
  REQUIRE(report.errors.size() == 2);
  CHECK(report.errors[0].where().line == 2);
  CHECK(report.errors[1].where().line == 4);
}

TEST_CASE("empty corpora, oversized files and links outside are refused", "[corpus]") {
  TempDir dir;
  CorpusReport empty_report;
  CHECK_FALSE(load_corpus(dir.str(), {}, empty_report).has_value());
  CHECK(empty_report.errors.at(0).message().find("no entries") != std::string::npos);

  write_file(dir.path() / "big.md", entry_md("big", "題", std::string(5000, 'x')));
  TempDir outside;
  write_file(outside.path() / "secret.md", entry_md("secret", "題", "x"));
  std::filesystem::create_symlink(outside.path() / "secret.md", dir.path() / "link.md");
  CorpusReport report;
  CHECK_FALSE(load_corpus(dir.str(), {.max_file_bytes = 1000}, report).has_value());
  REQUIRE(report.errors.size() == 2);
  CHECK(report.errors[0].message().find("over the limit") != std::string::npos);
  CHECK(report.errors[1].message().find("outside") != std::string::npos);

  CorpusReport missing;
  auto none = load_corpus(dir.str("nope"), {}, missing);
  CHECK(none.status().code() == Code::kInvalidInput);
}
