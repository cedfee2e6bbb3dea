// The corpus walk (corpus_walk.h): which files are entries, their order, and their stamps.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/resource.h>

#include "corpus_walk.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> paths_of(const std::vector<FoundFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.rel);
  return out;
}

}  // namespace

TEST_CASE("the walk finds *.md entries, skips hidden names and README.md, in path order", "[corpus][walk]") {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  for (const char* rel : {"b.md", "a.md", "a-b.md", "a/z.md", "a/b/c.md", "a/README.md", "README.md", "notes.txt",
                          "x.md.bak", ".hidden.md", ".git/config.md", "sub/.swp/x.md", "sub/y.md", "sub/.md"})
    write_file(root / rel, "x");
  fs::create_directories(root / "empty");

  std::vector<Status> errors;
  const auto files = find_entry_files(fs::canonical(root).string(), errors);
  CHECK(errors.empty());
  // Component by component, as std::filesystem::path sorts: "a/..." before "a-b.md".
  CHECK(paths_of(files) == std::vector<std::string>{"a/b/c.md", "a/z.md", "a-b.md", "a.md", "b.md", "sub/y.md"});
  for (const auto& f : files) {
    REQUIRE(f.stamp.has_value());
    CHECK(*f.stamp == *stamp_of((root / f.rel).string()));
  }
}

TEST_CASE("the walk follows links to files inside, refuses links outside, and does not enter linked directories",
          "[corpus][walk]") {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  write_file(root / "real/one.md", "one");
  write_file(dir.path() / "outside/two.md", "two");
  fs::create_symlink(root / "real/one.md", root / "alias.md");
  fs::create_symlink(dir.path() / "outside/two.md", root / "escape.md");
  fs::create_directory_symlink(root / "real", root / "again");

  std::vector<Status> errors;
  const auto files = find_entry_files(fs::canonical(root).string(), errors);
  CHECK(paths_of(files) == std::vector<std::string>{"alias.md", "real/one.md"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where().path == "escape.md");
  // A link's stamp is its target's (the loader reads through it).
  CHECK(files[0].stamp->inode == files[1].stamp->inode);
}

TEST_CASE("a link to nothing and a directory that cannot be opened are errors, not entries left out", "[corpus][walk]") {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  write_file(root / "kept.md", "x");
  fs::create_symlink(root / "gone.md", root / "dangling.md");
  fs::create_symlink(root / "loop-b.md", root / "loop-a.md");
  fs::create_symlink(root / "loop-a.md", root / "loop-b.md");
  std::vector<Status> errors;
  CHECK(paths_of(find_entry_files(fs::canonical(root).string(), errors)) == std::vector<std::string>{"kept.md"});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].where().path == "dangling.md");
  CHECK(errors[0].message().find("missing") != std::string::npos);
  CHECK(errors[1].where().path == "loop-a.md");
  CHECK(errors[2].where().path == "loop-b.md");

  // A directory the walk cannot open (here: out of file descriptors 40 levels down, which root
  // cannot escape as it can a chmod 000) stops the run with the directory's path.
  fs::path deep = root / "deep";
  for (int i = 0; i < 40; ++i) deep /= "d";
  write_file(deep / "entry.md", "x");
  fs::remove(root / "dangling.md");
  fs::remove(root / "loop-a.md");
  fs::remove(root / "loop-b.md");
  size_t open_now = 0;
  for ([[maybe_unused]] const auto& fd : fs::directory_iterator("/proc/self/fd")) ++open_now;
  rlimit saved{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &saved) == 0);
  rlimit low = saved;
  low.rlim_cur = open_now + 10;
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  errors.clear();
  const auto files = find_entry_files(fs::canonical(root).string(), errors);
  REQUIRE(setrlimit(RLIMIT_NOFILE, &saved) == 0);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code() == Code::kIOError);
  CHECK(errors[0].where().path.starts_with("deep/d/d/"));
  CHECK(errors[0].message().find("cannot open directory") != std::string::npos);
}
