// The command-line contract (DESIGN §8): exit codes, messages, JSON fields. Runs the real binary.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"

using namespace madoguchi::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  TempDir dir;
  std::string corpus = dir.str("corpus");
  std::string db = dir.str("db");
  Fixture() {
    write_fixture_corpus(corpus);
    auto r = run_cli({"index", corpus, "--db", db});
    REQUIRE(r.exit_code == 0);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

TEST_CASE("validate accepts a good corpus", "[cli]") {
  auto r = run_cli({"validate", fixture().corpus});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ok: 8 entries") != std::string::npos);
}

TEST_CASE("validate reports a broken front matter as path:line and exits 1", "[cli]") {
  TempDir dir;
  write_file(dir.path() / "good.md", entry_md("good", "題", "本文"));
  write_file(dir.path() / "sub" / "broken.md", "---\nid: broken\ntitle: [oops\n---\n## 回答\nx\n");
  auto r = run_cli({"validate", dir.str()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("sub/broken.md:3: error:") != std::string::npos);
}

TEST_CASE("validate lists errors and warnings in one list by path, and index and publish print the warnings",
          "[cli]") {
  TempDir dir;
  write_file(dir.path() / "corpus/a.md", "---\nid: a\n---\n## 回答\nx\n");  // no title: an error
  write_file(dir.path() / "corpus/b.md", entry_md("b", "題", "本文", "colour: red\n"));  // a warning
  write_file(dir.path() / "corpus/c.md", "---\nid: c\n---\n## 回答\nx\n");
  write_file(dir.path() / "corpus/synonyms.tsv", "");
  auto v = run_cli({"validate", dir.str("corpus")});
  CHECK(v.exit_code == 1);
  const size_t a = v.err.find("a.md:"), b = v.err.find("b.md:"), c = v.err.find("c.md:");
  REQUIRE((a != std::string::npos && b != std::string::npos && c != std::string::npos));
  CHECK((a < b && b < c));
  std::filesystem::remove(dir.path() / "corpus/a.md");
  std::filesystem::remove(dir.path() / "corpus/c.md");
  auto built = run_cli({"index", dir.str("corpus"), "--db", dir.str("db")});
  CHECK(built.exit_code == 0);
  CHECK(built.err.find("b.md:4: warning: unknown field 'colour'") != std::string::npos);
  auto published = run_cli({"publish", dir.str("corpus"), "--db", dir.str("live"), "-m", "1"});
  CHECK(published.exit_code == 0);
  CHECK(published.err.find("b.md:4: warning: unknown field 'colour'") != std::string::npos);
}

TEST_CASE("a missing corpus or database is bad input (1), bad usage is 2", "[cli]") {
  CHECK(run_cli({"validate", "/nonexistent/corpus"}).exit_code == 1);
  CHECK(run_cli({"search", "--db", "/nonexistent/db", "発熱"}).exit_code == 1);
  CHECK(run_cli({"show", "--db", fixture().db, "no-such-id"}).exit_code == 1);
  CHECK(run_cli({}).exit_code == 2);
  CHECK(run_cli({"search", "発熱"}).exit_code == 2);                       // --db missing
  CHECK(run_cli({"search", "--db", fixture().db, "--limit", "0", "x"}).exit_code == 2);
  CHECK(run_cli({"search", "--db", fixture().db, "--as-of", "2022-13-40", "x"}).exit_code == 2);
  // An empty date meant today without a word; 9999-12-31 is the index's "no end" and found nothing.
  for (const char* date : {"", "9999-12-31"}) {
    for (const char* option : {"--as-of", "--today"}) {
      auto r = run_cli({"show", "--db", fixture().db, "fever-consult", option, date});
      CHECK(r.exit_code == 2);
      CHECK(r.err.find(option) != std::string::npos);
    }
  }
  CHECK(run_cli({"frobnicate"}).exit_code == 2);
  CHECK(run_cli({"--help"}).exit_code == 0);
  CHECK(run_cli({"--version"}).exit_code == 0);
}

TEST_CASE("index into an existing database fails on a broken corpus and changes nothing", "[cli]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  REQUIRE(run_cli({"index", dir.str("corpus"), "--db", dir.str("db")}).exit_code == 0);
  auto before = run_cli({"search", "--db", dir.str("db"), "--json", "保健所"});
  write_file(dir.path() / "corpus" / "broken.md", "---\nid: Bad Id\ntitle: x\n---\n## 回答\nx\n");
  auto r = run_cli({"index", dir.str("corpus"), "--db", dir.str("db")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("broken.md:2: error:") != std::string::npos);
  auto after = run_cli({"search", "--db", dir.str("db"), "--json", "保健所"});
  CHECK(json::parse(after.out)["hits"] == json::parse(before.out)["hits"]);
}

TEST_CASE("index and publish refuse a directory that is neither an index nor empty", "[cli]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  write_file(dir.path() / "notes" / "memo.txt", "メモ");
  for (const char* command : {"index", "publish"}) {
    std::vector<std::string> args = {command, dir.str("corpus"), "--db", dir.str("notes")};
    if (std::string(command) == "publish") args.insert(args.end(), {"-m", "x"});
    auto r = run_cli(args);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("not an index and not empty") != std::string::npos);
  }
  CHECK(std::vector<fs::path>(fs::directory_iterator(dir.path() / "notes"), {}).size() == 1);  // only memo.txt
  fs::create_directory(dir.path() / "empty");
  CHECK(run_cli({"index", dir.str("corpus"), "--db", dir.str("empty")}).exit_code == 0);
}

TEST_CASE("search --json prints every field of the contract", "[cli]") {
  auto r = run_cli({"search", "--db", fixture().db, "--json", "--today", "2026-11-25", "発熱", "相談"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  for (const char* key : {"query", "took_ms", "estimated_total", "total_is_exact", "hits"}) CHECK(j.contains(key));
  CHECK(j["query"] == "発熱 相談");
  REQUIRE_FALSE(j["hits"].empty());
  const auto& hit = j["hits"][0];
  for (const char* key : {"rank", "id", "type", "title", "category", "effective", "status", "score", "snippet",
                          "highlights", "badge", "upcoming", "until", "municipalities"})
    CHECK(hit.contains(key));
  CHECK(hit["until"] == "");  // no end: "" as in show --json
  CHECK(hit["rank"] == 1);
  CHECK(hit["id"] == "fever-consult");
  CHECK(hit["status"] == "in-force");
  for (const auto& range : hit["highlights"]) {
    size_t b = range[0], e = range[1];
    CHECK(b < e);
    CHECK(e <= hit["snippet"].get<std::string>().size());
  }
}

TEST_CASE("search --batch prints one JSON line per query, from a file or stdin", "[cli]") {
  auto r = run_cli({"search", "--db", fixture().db, "--json", "--batch", "-", "--limit", "3"}, "発熱\nほけんじょ\n\n療養期間\n");
  REQUIRE(r.exit_code == 0);
  std::vector<json> lines;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t eol = r.out.find('\n', pos);
    lines.push_back(json::parse(r.out.substr(pos, eol - pos)));
    pos = eol + 1;
  }
  REQUIRE(lines.size() == 3);
  CHECK(lines[1]["query"] == "ほけんじょ");
  CHECK(lines[2]["hits"].size() <= 3);
}

TEST_CASE("a query that is not UTF-8 is an error with its line, and the others are answered", "[cli]") {
  // 発熱 in Shift_JIS between two UTF-8 lines: a batch file saved from Excel.
  auto r = run_cli({"search", "--db", fixture().db, "--json", "--batch", "-"}, "発熱\n\x94\xad\x94\x4d\n療養期間\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("stdin:2: error: query is not valid UTF-8") != std::string::npos);
  size_t lines = 0;
  for (size_t pos = 0; pos < r.out.size(); pos = r.out.find('\n', pos) + 1) {
    CHECK(json::parse(r.out.substr(pos, r.out.find('\n', pos) - pos)).contains("hits"));
    ++lines;
  }
  CHECK(lines == 2);
  auto one = run_cli({"search", "--db", fixture().db, "--json", "\xff"});
  CHECK(one.exit_code == 1);
  CHECK(one.out.empty());
  CHECK(one.err.find("error: query is not valid UTF-8") != std::string::npos);
}

TEST_CASE("search filters and as-of reach the searcher", "[cli]") {
  auto r = run_cli({"search", "--db", fixture().db, "--json", "--as-of", "2022-05-01", "療養期間", "発症日"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  REQUIRE_FALSE(j["hits"].empty());
  CHECK(j["hits"][0]["title"] == "陽性者の療養期間");
  auto t = run_cli({"search", "--db", fixture().db, "--json", "--type", "routing", "保健所"});
  CHECK(json::parse(t.out)["hits"].size() == 1);
  CHECK(run_cli({"search", "--db", fixture().db, "--type", "memo", "x"}).exit_code == 2);
}

TEST_CASE("show --as-of --json gives the version in force on that date", "[cli]") {
  auto old = run_cli({"show", "--db", fixture().db, "isolation-period", "--as-of", "2022-05-01", "--json"});
  REQUIRE(old.exit_code == 0);
  auto j = json::parse(old.out);
  CHECK(j["effective"] == "2022-01-01");
  CHECK(j["status"] == "in-force");
  CHECK(j["versions"].size() == 3);
  auto now = run_cli({"show", "--db", fixture().db, "isolation-period", "--today", "2026-11-25", "--json"});
  CHECK(json::parse(now.out)["effective"] == "2022-09-07");
}

TEST_CASE("show says in Japanese, before the text, that a withdrawn entry is not to be read out", "[cli]") {
  auto gone = run_cli({"show", "--db", fixture().db, "free-pcr", "--today", "2026-11-25"});
  REQUIRE(gone.exit_code == 0);
  const size_t notice = gone.out.find("廃止されています。案内しないでください。");
  CHECK(gone.out.find("［廃止］") != std::string::npos);
  REQUIRE(notice != std::string::npos);
  CHECK(notice < gone.out.find("## 回答"));
  auto then = run_cli({"show", "--db", fixture().db, "free-pcr", "--as-of", "2022-06-01"});
  CHECK(then.out.find("［有効］") != std::string::npos);
  CHECK(then.out.find("案内しないでください") == std::string::npos);
}

TEST_CASE("human output marks the matched words", "[cli]") {
  auto r = run_cli({"search", "--db", fixture().db, "保健所"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("【保健所】") != std::string::npos);
}

TEST_CASE("index and publish read only files whose stamp changed, --verify reads them all", "[cli][stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  const std::string corpus = dir.str("corpus");
  auto files_read = [](const CommandResult& r) {
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    return j.contains("files_read") ? j["files_read"].get<int>() : j["stats"]["files_read"].get<int>();
  };
  const int total = files_read(run_cli({"index", corpus, "--db", dir.str("db"), "--json"}));
  // Files changed within the last 2 s are racy and get no stamp (file_stamps.h): wait them out.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  CHECK(files_read(run_cli({"index", corpus, "--db", dir.str("db"), "--json"})) == total);
  CHECK(files_read(run_cli({"publish", corpus, "--db", dir.str("live"), "-m", "first", "--json"})) == total);
  CHECK(files_read(run_cli({"index", corpus, "--db", dir.str("db"), "--json"})) == 0);
  CHECK(files_read(run_cli({"publish", corpus, "--db", dir.str("live"), "-m", "none", "--json"})) == 0);

  // One entry edited in place, same size, mtime put back: its ctime moved.
  const auto file = dir.path() / "corpus" / "consult" / "hokenjo-hours.md";
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto at = text.rfind("保健所");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("保健所").size(), "保健局");
  const auto mtime = std::filesystem::last_write_time(file);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.write(text.data(), std::streamsize(text.size()));
  }
  std::filesystem::last_write_time(file, mtime);
  auto index = run_cli({"index", corpus, "--db", dir.str("db"), "--json"});
  CHECK(files_read(index) == 1);
  CHECK(json::parse(index.out)["analyzed"] == 1);
  auto publish = run_cli({"publish", corpus, "--db", dir.str("live"), "-m", "edit", "--json"});
  CHECK(files_read(publish) == 1);
  CHECK(json::parse(publish.out)["release"]["changed"] == 1);
  CHECK(run_cli({"search", "--db", dir.str("live"), "--json", "保健局"}).out.find("hokenjo-hours") != std::string::npos);

  CHECK(files_read(run_cli({"index", corpus, "--db", dir.str("db"), "--json", "--verify"})) == total);
  CHECK(files_read(run_cli({"publish", corpus, "--db", dir.str("live"), "-m", "v", "--json", "--verify"})) == total);
}
