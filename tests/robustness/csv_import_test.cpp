// Issue 7.2: Excel Q&A sheets (CSV in CP932 or UTF-8) become corpus entries that validate, index
// and are found; errors name FILE:LINE; re-importing is idempotent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iconv.h>
#include <nlohmann/json.hpp>
#include <sstream>

#include "madoguchi/corpus.h"
#include "madoguchi/csv_import.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What Excel's "CSV (コンマ区切り)" writes on a Japanese Windows: CP932 with CRLF.
std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  REQUIRE(iconv(cd, &in, &in_left, &o, &out_left) != size_t(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::string crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = read(e.path());
  return files;
}

const std::string kSheet =
    "番号,質問,回答,カテゴリ,キーワード,施行日\n"
    "1,発熱したときはどこに相談すればよいですか,\"まず、かかりつけ医に電話で相談してください。\n"
    "かかりつけ医がいない場合は「受診・相談センター」へ。\n"
    "夜間は \"\"救急安心センター\"\" (#7119) が受け付けます。\",受診相談,\"発熱、相談\",2022/9/7\n"
    "2,療養期間は何日ですか,発症日から7日間です。,療養,療養期間,2022年9月7日\n";

}  // namespace

TEST_CASE("a CP932 sheet with a quoted multi-line answer imports, validates, indexes and is found",
          "[robustness][csv]") {
  TempDir dir;
  write_file(dir.path() / "faq.csv", to_cp932(crlf(kSheet)));
  auto imp = run_cli({"import-csv", dir.str("faq.csv"), "--out", dir.str("corpus")});
  INFO(imp.err);
  REQUIRE(imp.exit_code == 0);
  CHECK(imp.out.find("cp932") != std::string::npos);
  CHECK(fs::exists(dir.path() / "corpus" / "q-1@2022-09-07.md"));
  CHECK(fs::exists(dir.path() / "corpus" / "q-2@2022-09-07.md"));
  const std::string entry = read(dir.path() / "corpus" / "q-1@2022-09-07.md");
  CHECK(entry.find("夜間は \"救急安心センター\" (#7119) が受け付けます。") != std::string::npos);
  CHECK(entry.find('\r') == std::string::npos);

  auto v = run_cli({"validate", dir.str("corpus")});
  INFO(v.err);
  REQUIRE(v.exit_code == 0);
  CHECK(v.out.find("ok: 2 entries") != std::string::npos);
  REQUIRE(run_cli({"index", dir.str("corpus"), "--db", dir.str("db")}).exit_code == 0);
  // Words from the answer's second and third lines, inside the quoted cell.
  for (const char* q : {"受診・相談センター", "救急安心センター", "かかりつけ医"}) {
    auto r = run_cli({"search", "--db", dir.str("db"), "--json", "--today", "2026-11-25", q});
    REQUIRE(r.exit_code == 0);
    auto hits = json::parse(r.out)["hits"];
    INFO(q);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["id"] == "q-1");
    CHECK(hits[0]["title"] == "発熱したときはどこに相談すればよいですか");
    CHECK(hits[0]["category"] == json::array({"受診相談"}));
  }
}

TEST_CASE("re-importing the same sheet gives the same files with the same bytes", "[robustness][csv]") {
  TempDir dir;
  write_file(dir.path() / "faq.csv", to_cp932(crlf(kSheet)));
  REQUIRE(run_cli({"import-csv", dir.str("faq.csv"), "--out", dir.str("a")}).exit_code == 0);
  const auto first = snapshot(dir.path() / "a");
  const auto mtime = fs::last_write_time(dir.path() / "a" / "q-1@2022-09-07.md");
  auto again = run_cli({"import-csv", dir.str("faq.csv"), "--out", dir.str("a")});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("imported 2 entries (2 versions)") != std::string::npos);
  CHECK(again.out.find("0 files written, 2 unchanged") != std::string::npos);
  CHECK(snapshot(dir.path() / "a") == first);
  CHECK(fs::last_write_time(dir.path() / "a" / "q-1@2022-09-07.md") == mtime);
  // The same sheet saved as UTF-8 with a BOM produces the very same corpus.
  write_file(dir.path() / "faq-utf8.csv", "\xEF\xBB\xBF" + kSheet);
  REQUIRE(run_cli({"import-csv", dir.str("faq-utf8.csv"), "--out", dir.str("b")}).exit_code == 0);
  CHECK(snapshot(dir.path() / "b") == first);
}

TEST_CASE("sheets without ids get stable ids from their question, Q/A headers and --map work",
          "[robustness][csv]") {
  const std::string sheet = "Q,A,担当\n保健所の電話番号は,0120-000-000 です,山田\n申請はどこで,\"市役所, 2階\",佐藤\n";
  auto a = import_csv("s.csv", sheet, {});
  REQUIRE(a.has_value());
  REQUIRE(a->ok());
  REQUIRE(a->entries.size() == 2);
  CHECK(a->entries[0].file_name.rfind("q-", 0) == 0);
  CHECK(a->entries[0].line == 2);
  CHECK(a->entries[1].line == 3);
  REQUIRE(a->warnings.size() == 1);  // 担当 is not a field
  CHECK(a->warnings[0].to_string().find("s.csv:1:") == 0);
  CHECK(a->entries[1].content.find("市役所, 2階") != std::string::npos);
  // An edited answer keeps the id; an added row does not move the others.
  auto b = import_csv("s.csv", "Q,A\n申請はどこで,区役所です\n新しい質問,新しい回答\n保健所の電話番号は,変更\n", {});
  REQUIRE(b.has_value());
  CHECK(b->entries[0].file_name == a->entries[1].file_name);
  CHECK(b->entries[2].file_name == a->entries[0].file_name);
  // --map imports a column the headers do not name, as tags.
  auto c = import_csv("s.csv", sheet, {.map = {{"担当", "tags"}}});
  REQUIRE(c.has_value());
  CHECK(c->warnings.empty());
  CHECK(c->entries[0].content.find("tags: [山田]") != std::string::npos);
  // Sections inside cells cannot cut the answer short.
  auto d = import_csv("s.csv", "質問,回答\n見出し入り,\"前半\n## 回答\n後半\"\n", {});
  REQUIRE(d.has_value());
  auto parsed = parse_entry("x.md", d->entries.at(0).content);
  REQUIRE(parsed.has_value());
  CHECK(parsed->answer.find("後半") != std::string::npos);
  // Only headings are escaped: #7119 (a hotline) is text and reaches operators as typed.
  auto e = import_csv("s.csv", "質問,回答\n救急相談は？,\"#7119に電話してください。\n# 見出し\"\n", {});
  REQUIRE(e.has_value());
  auto hotline = parse_entry("x.md", e->entries.at(0).content);
  REQUIRE(hotline.has_value());
  CHECK(hotline->answer == "#7119に電話してください。\n\\# 見出し");
  // A title cell with a line break keeps both lines, joined by a space.
  auto t = import_csv("s.csv", "件名,質問,回答\n\"新型コロナ\n# 発熱の相談先\",熱がある,保健所へ\n", {});
  REQUIRE(t.has_value());
  auto titled = parse_entry("x.md", t->entries.at(0).content);
  REQUIRE(titled.has_value());
  CHECK(titled->title == "新型コロナ # 発熱の相談先");
}

TEST_CASE("CSV errors name FILE:LINE of the CSV and nothing is written", "[robustness][csv]") {
  TempDir dir;
  // Line 2-3 is one row (a quoted line break); the row without an answer starts on line 4;
  // the bad date is on line 5; line 6 repeats line 2's question.
  write_file(dir.path() / "bad.csv",
             "質問,回答,施行日\n\"複数行の\n質問\",答え,\n答えのない質問,,\n日付,答え,来週\n\"複数行の\n質問\",別の答え,\n");
  auto r = run_cli({"import-csv", dir.str("bad.csv"), "--out", dir.str("out")});
  CHECK(r.exit_code == 1);
  const std::string f = dir.str("bad.csv");
  CHECK(r.err.find(f + ":4: error: row has no answer") != std::string::npos);
  CHECK(r.err.find(f + ":5: error: 施行日 '来週'") != std::string::npos);
  CHECK(r.err.find(f + ":6: error: same entry as line 2") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));

  write_file(dir.path() / "quote.csv", "質問,回答\nよい行,答え\n壊れた\"引用,答え\n");
  auto q = run_cli({"import-csv", dir.str("quote.csv"), "--out", dir.str("out")});
  CHECK(q.exit_code == 1);
  CHECK(q.err.find(dir.str("quote.csv") + ":3: error: CSV") != std::string::npos);

  write_file(dir.path() / "open.csv", "質問,回答\nよい行,答え\n開いた,\"閉じない\n引用\n");
  auto o = run_cli({"import-csv", dir.str("open.csv"), "--out", dir.str("out")});
  CHECK(o.exit_code == 1);
  CHECK(o.err.find(dir.str("open.csv") + ":3: error:") != std::string::npos);

  write_file(dir.path() / "noanswer.csv", "質問,備考\nq,x\n");
  auto h = run_cli({"import-csv", dir.str("noanswer.csv"), "--out", dir.str("out")});
  CHECK(h.exit_code == 1);
  CHECK(h.err.find(":1: error: no answer column") != std::string::npos);

  // Bytes that are neither UTF-8 nor CP932 (0x80 is no CP932 lead byte), on line 3.
  write_file(dir.path() / "bytes.csv", to_cp932("質問,回答\nq,答え\n") + "q2,\x80\x80\n");
  auto b = run_cli({"import-csv", dir.str("bytes.csv"), "--out", dir.str("out")});
  CHECK(b.exit_code == 1);
  CHECK(b.err.find(dir.str("bytes.csv") + ":3: error:") != std::string::npos);
  CHECK(run_cli({"import-csv", dir.str("bytes.csv"), "--out", dir.str("out"), "--encoding", "latin1"}).exit_code == 2);
  CHECK(run_cli({"import-csv", dir.str("missing.csv"), "--out", dir.str("out")}).exit_code == 1);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("rows sharing a question with different 施行日 become versions of one entry", "[robustness][csv]") {
  auto r = import_csv("v.csv", "質問,回答,適用開始日\n療養期間は,10日間,2022-01-01\n療養期間は,7日間,2022-09-07\n", {});
  REQUIRE(r.has_value());
  REQUIRE(r->ok());
  REQUIRE(r->entries.size() == 2);
  const std::string id = r->entries[0].file_name.substr(0, r->entries[0].file_name.find('@'));
  CHECK(r->entries[1].file_name == id + "@2022-09-07.md");
  TempDir dir;
  REQUIRE(write_imported_entries(*r, dir.str()).has_value());
  CorpusReport report;
  auto corpus = load_corpus(dir.str(), {}, report);
  REQUIRE(corpus.has_value());
  CHECK(corpus->versions.size() == 2);
  CHECK(corpus->versions[0].id == corpus->versions[1].id);
}

TEST_CASE("an id another file in the output already has stops the import, an old version is a warning",
          "[robustness][csv]") {
  TempDir dir;
  write_file(dir.path() / "other.md", entry_md("q-2", "手書き", "手書きの回答"));
  auto r = import_csv("c.csv", "ID,質問,回答\n1,Q1,A1\n2,Q2,A2\n", {});
  REQUIRE(r.has_value());
  REQUIRE(r->ok());
  auto refused = write_imported_entries(*r, dir.str());
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.status().where().path == (dir.path() / "other.md").string());
  CHECK(refused.status().message().find("line 3") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "q-1.md"));  // nothing written

  // The sheet moved a row's 施行日: the earlier import's file of that id is named in a warning.
  TempDir out;
  auto before = import_csv("r.csv", "質問,回答,施行日\n咳が出る,内科へ,2024-04-01\n", {});
  REQUIRE(before.has_value());
  REQUIRE(write_imported_entries(*before, out.str()).has_value());
  auto after = import_csv("r.csv", "質問,回答,施行日\n咳が出る,内科へ,2024-05-01\n", {});
  REQUIRE(after.has_value());
  std::vector<Status> warnings;
  REQUIRE(write_imported_entries(*after, out.str(), &warnings).has_value());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where().path == (out.path() / before->entries[0].file_name).string());
}
