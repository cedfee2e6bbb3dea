// Stat-first change detection (file_stamps.h): which files an incremental load reads, and the
// cases the stamp check must still catch.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "madoguchi/file_stamps.h"
#include "madoguchi/index_writer.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

namespace {

// Every file counts as settled, so that a test need not wait out the racy window.
constexpr int64_t kFuture = int64_t(4'000'000'000) * 1'000'000'000;

struct Loaded {
  Corpus corpus;
  CorpusReport report;
};

Loaded load(const TempDir& dir, const FileStamps* stamps, int64_t settled_before = kFuture) {
  const KnownFiles known = known_files(dir.str("db"));
  Loaded out;
  auto c = load_corpus(dir.str("corpus"), {.known = &known, .stamps = stamps, .settled_before_ns = settled_before},
                       out.report);
  REQUIRE(c.has_value());
  out.corpus = std::move(*c);
  return out;
}

const EntryVersion& version_at(const Corpus& corpus, const std::string& path) {
  for (const auto& v : corpus.versions)
    if (v.path == path) return v;
  FAIL("no version from " << path);
  return corpus.versions.front();
}

// Rewrites `path` in place with `text`, which has the same length, and puts its mtime back.
void edit_keeping_size_and_mtime(const fs::path& path, const std::string& text) {
  const auto mtime = fs::last_write_time(path);
  REQUIRE(fs::file_size(path) == text.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // past the clock tick file times use
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.write(text.data(), std::streamsize(text.size()));
  }
  fs::last_write_time(path, mtime);
}

const char* kEntry = "consult/hokenjo-hours.md";

// The same length as the fixture's text with one kanji changed (保健所 -> 保健局).
std::string same_size_edit(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.rfind("保健所");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("保健所").size(), "保健局");
  return text;
}

}  // namespace

TEST_CASE("an unchanged corpus reads no file contents, and its index stays a full build's", "[stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  Loaded first = load(dir, nullptr);
  REQUIRE(build_index(first.corpus, dir.str("db")).has_value());
  CHECK(first.report.files_read == int(first.corpus.versions.size()));
  CHECK(first.corpus.stamps.size() == first.corpus.versions.size());

  Loaded again = load(dir, &first.corpus.stamps);
  CHECK(again.report.files_read == 0);
  for (const auto& v : again.corpus.versions) CHECK(v.unparsed);
  CHECK(again.corpus.stamps.size() == first.corpus.stamps.size());
  auto stats = build_index(again.corpus, dir.str("db"));
  REQUIRE(stats.has_value());
  CHECK(stats->analyzed == 0);
  CHECK(stats->unchanged == int(first.corpus.versions.size()));
}

TEST_CASE("a file edited with its size and mtime kept is read again: its ctime moved", "[stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  Loaded first = load(dir, nullptr);
  REQUIRE(build_index(first.corpus, dir.str("db")).has_value());
  const fs::path file = dir.path() / "corpus" / kEntry;
  const uint64_t old_hash = version_at(first.corpus, kEntry).content_hash;

  edit_keeping_size_and_mtime(file, same_size_edit(file));
  Loaded again = load(dir, &first.corpus.stamps);
  CHECK(again.report.files_read == 1);
  const EntryVersion& v = version_at(again.corpus, kEntry);
  CHECK_FALSE(v.unparsed);
  CHECK(v.content_hash != old_hash);
  auto stats = build_index(again.corpus, dir.str("db"));
  REQUIRE(stats.has_value());
  CHECK(stats->analyzed == 1);
}

TEST_CASE("a file replaced by another of the same size and mtime is read again: new inode", "[stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  Loaded first = load(dir, nullptr);
  REQUIRE(build_index(first.corpus, dir.str("db")).has_value());
  const fs::path file = dir.path() / "corpus" / kEntry;
  const auto mtime = fs::last_write_time(file);

  // An editor's save: write a new file beside, give it the old mtime, rename it over.
  const fs::path temp = dir.path() / "corpus" / "consult" / ".hokenjo-hours.md.swp";
  write_file(temp, same_size_edit(file));
  fs::last_write_time(temp, mtime);
  fs::rename(temp, file);
  Loaded again = load(dir, &first.corpus.stamps);
  CHECK(again.report.files_read == 1);
  CHECK_FALSE(version_at(again.corpus, kEntry).unparsed);
}

TEST_CASE("files changed within the racy window get no stamp, so the next run reads them again", "[stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  Loaded now = load(dir, nullptr, /*settled_before=*/0);  // the real rule: just written, so racy
  CHECK(now.corpus.stamps.empty());
  REQUIRE(build_index(now.corpus, dir.str("db")).has_value());
  Loaded again = load(dir, &now.corpus.stamps);
  CHECK(again.report.files_read == int(again.corpus.versions.size()));
  for (const auto& v : again.corpus.versions) CHECK(v.unparsed);  // known by hash: read, not parsed
}

TEST_CASE("verify (no stamps) catches a change the stamp check cannot see", "[stamps]") {
  TempDir dir;
  write_fixture_corpus(dir.path() / "corpus");
  Loaded first = load(dir, nullptr);
  REQUIRE(build_index(first.corpus, dir.str("db")).has_value());
  const fs::path file = dir.path() / "corpus" / kEntry;
  const uint64_t old_hash = version_at(first.corpus, kEntry).content_hash;

  // A change that left every stamp field as recorded (a racy edit, a clock set back): recorded
  // here as the file's current stamp with the old bytes' hash.
  edit_keeping_size_and_mtime(file, same_size_edit(file));
  FileStamps stale = first.corpus.stamps;
  REQUIRE(stale.find(kEntry));
  stale.set(kEntry, {*stamp_of(file.string()), stale.find(kEntry)->hash});
  Loaded trusting = load(dir, &stale);
  CHECK(trusting.report.files_read == 0);
  CHECK(version_at(trusting.corpus, kEntry).content_hash == old_hash);  // the limit of the rule

  Loaded verified = load(dir, nullptr);
  CHECK(verified.report.files_read == int(verified.corpus.versions.size()));
  CHECK(version_at(verified.corpus, kEntry).content_hash != old_hash);
  CHECK_FALSE(version_at(verified.corpus, kEntry).unparsed);
  // And what verify read replaces the stale stamp.
  REQUIRE(verified.corpus.stamps.find(kEntry));
  CHECK(verified.corpus.stamps.find(kEntry)->hash == version_at(verified.corpus, kEntry).content_hash);
}

TEST_CASE("the stamp cache round-trips, belongs to one corpus root and is dropped when damaged", "[stamps]") {
  TempDir dir;
  fs::create_directories(dir.path() / "db");
  fs::create_directories(dir.path() / "corpus");
  fs::create_directories(dir.path() / "other");
  FileStamps stamps;
  stamps.set("x.md", {{0, 1, 2, 3}, 7});  // out of order: kept in path order
  stamps.set("a/b c.md", {{123, 1'700'000'000'123'456'789, 1'700'000'001'000'000'001, 42}, 0xfedcba9876543210ull});
  REQUIRE(save_file_stamps(dir.str("db"), dir.str("corpus"), stamps));
  CHECK(load_file_stamps(dir.str("db"), dir.str("corpus")) == stamps);
  CHECK(load_file_stamps(dir.str("db"), dir.str("corpus") + "/.") == stamps);  // by canonical root
  CHECK(load_file_stamps(dir.str("db"), dir.str("other")).empty());
  CHECK(load_file_stamps(dir.str("nowhere"), dir.str("corpus")).empty());
  CHECK_FALSE(save_file_stamps(dir.str("nowhere"), dir.str("corpus"), stamps));

  const fs::path cache = dir.path() / "db" / kStampsFile;
  const auto size = fs::file_size(cache);
  fs::resize_file(cache, size - 3);  // cut inside the last line
  CHECK(load_file_stamps(dir.str("db"), dir.str("corpus")).empty());
}

TEST_CASE("stamps are kept in the corpus walk's path order and found by a cursor stepping beside it", "[stamps]") {
  // Component by component: "a/x.md" (in directory a) before "a-b/y.md" and "a.md".
  CHECK(path_less("a/x.md", "a-b/y.md"));
  CHECK(path_less("a-b/y.md", "a.md"));
  CHECK(path_less("a/x.md", "a.md"));
  CHECK_FALSE(path_less("a.md", "a/x.md"));
  CHECK(path_less("a", "a/b"));
  CHECK_FALSE(path_less("a.md", "a.md"));

  const FileStamps stamps({{"a.md", {{1, 0, 0, 0}, 1}},
                           {"a/x.md", {{2, 0, 0, 0}, 2}},
                           {"a-b/y.md", {{3, 0, 0, 0}, 3}},
                           {"a.md", {{4, 0, 0, 0}, 4}}});  // given twice: the last one counts
  REQUIRE(stamps.size() == 3);
  CHECK(stamps.entries()[0].first == "a/x.md");
  CHECK(stamps.entries()[1].first == "a-b/y.md");
  CHECK(stamps.entries()[2].first == "a.md");
  CHECK(stamps.find("a.md")->hash == 4);
  CHECK(stamps.find("b.md") == nullptr);

  FileStamps::Cursor cursor(stamps);
  CHECK(cursor.find("a/w.md") == nullptr);  // not recorded
  CHECK(cursor.find("a/x.md")->hash == 2);
  CHECK(cursor.find("a-b/y.md")->hash == 3);
  CHECK(cursor.find("a-b/z.md") == nullptr);
  CHECK(cursor.find("a.md")->hash == 4);
  CHECK(cursor.find("z.md") == nullptr);
}
