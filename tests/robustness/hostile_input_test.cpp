// Issue 7.1: every kind of hostile corpus file, through the real CLI. `validate` and `index` both
// exit 1, name the file (and line where there is one), and `index` writes nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "madoguchi/corpus.h"
#include "test_support.h"

using namespace madoguchi::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct HostileCase {
  const char* name;
  std::function<void(const fs::path& corpus, const fs::path& outside)> make;
  std::vector<std::string> expected;  // every one must appear in stderr
};

std::string good(const std::string& id) { return entry_md(id, "発熱の相談", "かかりつけ医に電話してください。"); }

const std::vector<HostileCase>& hostile_cases() {
  static const std::vector<HostileCase> cases = {
      {"invalid UTF-8",
       [](auto& c, auto&) { write_file(c / "bad.md", "---\nid: bad\ntitle: \xff\xfe\n---\n## 回答\nx\n"); },
       {"bad.md:3: error:", "UTF-8"}},
      {"Shift_JIS (CP932) text",
       // 発熱 / 相談 in CP932
       [](auto& c, auto&) { write_file(c / "sjis.md", "---\nid: sjis\ntitle: \x94\xAD\x94\x4D\n---\n## 回答\n\x91\x8A\x92\x6B\n"); },
       {"sjis.md:3: error:", "CP932"}},
      {"a whole file in Shift_JIS (CP932), as Windows editors save it",
       // ---\nid: sjis\ntitle: 発熱\n---\n## 回答\n相談\n
       [](auto& c, auto&) {
         write_file(c / "win.md", "---\r\nid: win\r\ntitle: \x94\xAD\x94\x4D\r\n---\r\n## \x89\xF1\x93\x9A\r\n\x91\x8A\x92\x6B\r\n");
       },
       {"win.md:3: error:", "CP932"}},
      {"broken YAML",
       [](auto& c, auto&) { write_file(c / "yaml.md", "---\nid: yaml\ntitle: [unclosed\ntags: x\n---\n## 回答\nx\n"); },
       {"yaml.md:", "YAML"}},
      {"YAML that is not a map",
       [](auto& c, auto&) { write_file(c / "list.md", "---\n- id\n- title\n---\n## 回答\nx\n"); },
       {"list.md:2: error:", "field: value"}},
      {"missing id",
       [](auto& c, auto&) { write_file(c / "noid.md", "---\ntitle: 題\n---\n## 回答\nx\n"); },
       {"noid.md:2: error:", "'id'"}},
      {"missing title",
       [](auto& c, auto&) { write_file(c / "notitle.md", "---\nid: notitle\n---\n## 回答\nx\n"); },
       {"notitle.md:2: error:", "'title'"}},
      {"missing answer section",
       [](auto& c, auto&) { write_file(c / "noanswer.md", "---\nid: noanswer\ntitle: 題\n---\n## 質問\nq\n"); },
       {"noanswer.md:", "回答"}},
      {"no front matter",
       [](auto& c, auto&) { write_file(c / "plain.md", "# 見出しだけ\n本文\n"); },
       {"plain.md:1: error:", "front matter"}},
      {"duplicate id and effective (names both files)",
       [](auto& c, auto&) {
         write_file(c / "a" / "one.md", entry_md("dup", "題", "x", "effective: 2022-09-07\n"));
         write_file(c / "b" / "two.md", entry_md("dup", "題", "y", "effective: 2022-09-07\n"));
       },
       {"b/two.md: error:", "a/one.md", "duplicate"}},
      {"id with a path trick",
       [](auto& c, auto&) { write_file(c / "trick.md", "---\nid: ../../etc/passwd\ntitle: 題\n---\n## 回答\nx\n"); },
       {"trick.md:2: error:", "[a-z0-9-]"}},
      {"id with a slash and uppercase",
       [](auto& c, auto&) { write_file(c / "slash.md", "---\nid: Fever/Consult\ntitle: 題\n---\n## 回答\nx\n"); },
       {"slash.md:2: error:", "[a-z0-9-]"}},
      {"very long id (once a stack overflow in std::regex)",
       [](auto& c, auto&) { write_file(c / "long.md", "---\nid: " + std::string(300000, 'a') + "!\ntitle: 題\n---\n## 回答\nx\n"); },
       {"long.md:2: error:", "[a-z0-9-]"}},
      {"binary file",
       [](auto& c, auto&) { write_file(c / "image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)); },
       {"image.md:", "binary"}},
      {"file over the size limit",
       [](auto& c, auto&) { write_file(c / "huge.md", entry_md("huge", "題", std::string(1100 * 1024, 'x'))); },
       {"huge.md: error:", "over the limit"}},
      {"symbolic link to a file outside the corpus",
       [](auto& c, auto& o) {
         write_file(o / "secret.md", good("secret"));
         fs::create_symlink(o / "secret.md", c / "link.md");
       },
       {"link.md: error:", "outside"}},
      {"symbolic link to a directory outside the corpus",
       [](auto& c, auto& o) {
         write_file(o / "dir" / "secret.md", good("secret"));
         fs::create_symlink(o / "dir", c / "linked-dir");
       },
       {"linked-dir: error:", "outside"}},
      {"deeply nested YAML",
       [](auto& c, auto&) {
         write_file(c / "deep.md", "---\nid: deep\ntitle: 題\ntags: " + std::string(100000, '[') + "\n---\n## 回答\nx\n");
       },
       {"deep.md:", "error:"}},
      {"a synonym line with one member",
       [](auto& c, auto&) { write_file(c / "synonyms.tsv", "コロナ\t新型コロナ\nひとり\n"); },
       {"synonyms.tsv:2: error:", "two or more"}},
  };
  return cases;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("every hostile corpus file makes validate and index exit 1 naming the file, writing nothing",
          "[robustness][hostile]") {
  for (const auto& c : hostile_cases()) {
    SECTION(c.name) {
      TempDir dir, outside;
      const fs::path corpus = dir.path() / "corpus";
      write_file(corpus / "good.md", good("good"));
      c.make(corpus, outside.path());

      auto v = run_cli({"validate", corpus.string()});
      INFO(v.err);
      CHECK(v.exit_code == 1);
      for (const auto& e : c.expected) CHECK(contains(v.err, e));

      const std::string db = dir.str("db");
      auto i = run_cli({"index", corpus.string(), "--db", db});
      INFO(i.err);
      CHECK(i.exit_code == 1);
      for (const auto& e : c.expected) CHECK(contains(i.err, e));
      CHECK_FALSE(fs::exists(db));  // nothing written
    }
  }
}

TEST_CASE("an empty corpus is refused by validate and index", "[robustness][hostile]") {
  TempDir dir;
  fs::create_directories(dir.path() / "corpus" / "sub");
  write_file(dir.path() / "corpus" / "README.md", "# 説明だけ\n");
  for (auto args : {std::vector<std::string>{"validate", dir.str("corpus")},
                    std::vector<std::string>{"index", dir.str("corpus"), "--db", dir.str("db")}}) {
    auto r = run_cli(args);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "no entries"));
    CHECK(contains(r.err, "corpus"));
  }
  CHECK_FALSE(fs::exists(dir.path() / "db"));
}

TEST_CASE("unknown fields are warnings with file and line, the corpus is still valid", "[robustness][hostile]") {
  TempDir dir;
  write_file(dir.path() / "c" / "extra.md", "---\nid: extra\ntitle: 題\n担当者: 山田\n---\n## 回答\nx\n");
  auto r = run_cli({"validate", dir.str("c")});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "extra.md:4: warning:"));
  CHECK(contains(r.err, "担当者"));
}

TEST_CASE("the size limit is configurable and its message says how", "[robustness][hostile]") {
  TempDir dir;
  write_file(dir.path() / "c" / "mid.md", entry_md("mid", "題", std::string(3000, 'x')));
  auto small = run_cli({"validate", dir.str("c"), "--max-file-bytes", "2000"});
  CHECK(small.exit_code == 1);
  CHECK(contains(small.err, "mid.md: error:"));
  CHECK(contains(small.err, "over the limit of 2000"));
  CHECK(run_cli({"validate", dir.str("c"), "--max-file-bytes", "4000"}).exit_code == 0);
  auto index_small = run_cli({"index", dir.str("c"), "--db", dir.str("db"), "--max-file-bytes", "2000"});
  CHECK(index_small.exit_code == 1);
  CHECK(contains(index_small.err, "mid.md: error:"));
  CHECK(run_cli({"index", dir.str("c"), "--db", dir.str("db"), "--max-file-bytes", "4000"}).exit_code == 0);
}

TEST_CASE("a symbolic link inside the corpus is followed, outside is never read", "[robustness][hostile]") {
  TempDir dir, outside;
  const fs::path corpus = dir.path() / "corpus";
  // Hidden directories are not walked, so the entry is read once, through its link.
  write_file(corpus / ".shared" / "inner.md", good("inner"));
  fs::create_symlink(corpus / ".shared" / "inner.md", corpus / "alias-inner.md");
  // The outside file would be a duplicate of "good" if it were read: its error must not appear.
  write_file(corpus / "good.md", good("good"));
  write_file(outside.path() / "dup.md", good("good"));
  fs::create_symlink(outside.path() / "dup.md", corpus / "evil.md");
  auto r = run_cli({"validate", corpus.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "evil.md: error:"));
  CHECK_FALSE(contains(r.err, "duplicate"));
  fs::remove(corpus / "evil.md");
  auto ok = run_cli({"validate", corpus.string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(contains(ok.out, "ok: 2 entries"));
}

TEST_CASE("all errors of a run are reported, sorted by path, with a count", "[robustness][hostile]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "z.md", "no front matter\n");
  write_file(c / "m" / "bad-id.md", "---\nid: ../x\ntitle: 題\n---\n## 回答\nx\n");
  write_file(c / "a.md", "---\nid: a\ntitle: \xff\n---\n## 回答\nx\n");
  write_file(c / "ok.md", good("ok"));
  auto r = run_cli({"validate", c.string()});
  CHECK(r.exit_code == 1);
  const auto a = r.err.find("a.md:3: error:"), m = r.err.find("m/bad-id.md:2: error:"), z = r.err.find("z.md:1: error:");
  REQUIRE(a != std::string::npos);
  REQUIRE(m != std::string::npos);
  REQUIRE(z != std::string::npos);
  CHECK(a < m);
  CHECK(m < z);
  CHECK(contains(r.err, "3 error(s)"));
}

TEST_CASE("a BOM and CRLF line ends are accepted: the entry is indexed and found", "[robustness][hostile]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "crlf.md",
             "\xEF\xBB\xBF---\r\nid: crlf-entry\r\ntitle: 窓口の受付時間\r\ntags: [受付]\r\n---\r\n"
             "## 質問\r\n受付は何時までですか。\r\n\r\n## 回答\r\n平日の午後五時まで受け付けています。\r\n");
  write_file(c / "cr-only.md", "---\rid: cr-only\rtitle: 郵送の申請\r---\r## 回答\r申請書は郵送でも受け付けます。\r");
  REQUIRE(run_cli({"validate", c.string()}).exit_code == 0);
  REQUIRE(run_cli({"index", c.string(), "--db", dir.str("db")}).exit_code == 0);
  auto r = run_cli({"search", "--db", dir.str("db"), "--json", "受付時間"});
  REQUIRE(r.exit_code == 0);
  auto hits = json::parse(r.out)["hits"];
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0]["id"] == "crlf-entry");
  CHECK(hits[0]["title"] == "窓口の受付時間");  // no BOM or CR left in the stored text
  auto shown = run_cli({"show", "--db", dir.str("db"), "--json", "crlf-entry"});
  CHECK_FALSE(contains(shown.out, "\\r"));
  auto mail = json::parse(run_cli({"search", "--db", dir.str("db"), "--json", "郵送"}).out)["hits"];
  REQUIRE_FALSE(mail.empty());
  CHECK(mail[0]["id"] == "cr-only");
}

TEST_CASE("indexing a corpus with broken files into an existing database keeps exactly the earlier results",
          "[robustness][hostile]") {
  TempDir dir;
  const fs::path c = dir.path() / "corpus";
  write_fixture_corpus(c);
  REQUIRE(run_cli({"index", c.string(), "--db", dir.str("db")}).exit_code == 0);
  const std::vector<std::string> queries = {"保健所", "発熱 相談", "療養期間", "ほけんじょ", "ワクチン"};
  auto results = [&] {
    std::vector<json> out;
    for (const auto& q : queries) {
      auto r = run_cli({"search", "--db", dir.str("db"), "--json", "--today", "2026-11-25", "--limit", "50", q});
      REQUIRE(r.exit_code == 0);
      auto j = json::parse(r.out);
      j.erase("took_ms");
      out.push_back(j);
    }
    return out;
  };
  const auto before = results();
  // An edit that would change results, plus broken files: nothing may be applied.
  write_file(c / "fever.md", entry_md("fever-consult", "まったく別の題", "書き換えられた回答"));
  write_file(c / "broken.md", "---\nid: broken\ntitle: \xff\n---\n## 回答\nx\n");
  write_file(c / "sjis.md", "---\nid: sjis\ntitle: \x94\xAD\x94\x4D\n---\n");
  auto r = run_cli({"index", c.string(), "--db", dir.str("db")});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "broken.md:3: error:"));
  CHECK(contains(r.err, "sjis.md:3: error:"));
  CHECK(results() == before);
}
