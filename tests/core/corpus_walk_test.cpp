// The corpus walk (corpus_walk.h): which files are entries, their order, and their stamps.
#include <catch2/catch.hpp>
#include <filesystem>

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
