// Helpers for tests: temporary directories, writing corpus files, running the CLI for real.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace madoguchi {
struct Hit;
}

namespace madoguchi::test {

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = "") const { return child.empty() ? path_.string() : (path_ / child).string(); }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& content);

// Front matter + sections, for corpus fixtures.
std::string entry_md(const std::string& id, const std::string& title, const std::string& answer,
                     const std::string& extra_fields = "", const std::string& question = "");

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built `madoguchi` binary with `args` (no shell), capturing stdout and stderr.
CommandResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Loads the corpus at DIR/corpus and builds it into DIR/db through the normal index path; a
// failure fails the calling test. Returns DIR/db.
std::string build_corpus_index(const TempDir& dir);

// The fixture corpus (write_fixture_corpus) indexed once per test process; read-only to callers.
const std::string& fixture_corpus_db();

// Whether `hit`'s explanation (SearchRequest::explain) credits `term`, through `route` if given.
bool explains(const Hit& hit, const std::string& term, const std::string& route = "");

std::string source_dir();  // the repository root
std::string eval_dir();    // MADOGUCHI_EVAL_DIR, or ../shared/eval beside the repository

}  // namespace madoguchi::test

namespace madoguchi::test {
// A small Japanese corpus used across tests: fever consultation, isolation rules in three
// versions (one upcoming relative to 2026-11-25), a withdrawn program, routing, a script,
// synonyms. Today in tests is fixed at 2026-11-25 unless a test says otherwise.
void write_fixture_corpus(const std::filesystem::path& dir);
}  // namespace madoguchi::test
