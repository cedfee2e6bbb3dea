#include "test_support.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "madoguchi/searcher.h"

#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"

namespace fs = std::filesystem;

namespace madoguchi::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("madoguchi-test-" + std::to_string(rd()) + std::to_string(getpid()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string entry_md(const std::string& id, const std::string& title, const std::string& answer,
                     const std::string& extra_fields, const std::string& question) {
  std::string s = "---\nid: " + id + "\ntitle: " + title + "\n" + extra_fields + "---\n";
  if (!question.empty()) s += "## 質問\n" + question + "\n\n";
  s += "## 回答\n" + answer + "\n";
  return s;
}

namespace {

std::string read_all(int fd) {
  std::string out;
  std::array<char, 65536> buf;
  ssize_t n;
  while ((n = read(fd, buf.data(), buf.size())) > 0) out.append(buf.data(), size_t(n));
  return out;
}

}  // namespace

CommandResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
  TempDir io;
  const std::string out_path = io.str("out"), err_path = io.str("err"), in_path = io.str("in");
  write_file(in_path, stdin_text);
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string cli = MADOGUCHI_CLI;
    argv.push_back(cli.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(cli.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int fo = open(out_path.c_str(), O_RDONLY), fe = open(err_path.c_str(), O_RDONLY);
  r.out = read_all(fo);
  r.err = read_all(fe);
  close(fo);
  close(fe);
  return r;
}

std::string build_corpus_index(const TempDir& dir) {
  CorpusReport report;
  auto corpus = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(corpus.has_value());
  REQUIRE(build_index(*corpus, dir.str("db")).has_value());
  return dir.str("db");
}

const std::string& fixture_corpus_db() {
  static TempDir dir;
  static const std::string db = [] {
    write_fixture_corpus(dir.path() / "corpus");
    return build_corpus_index(dir);
  }();
  return db;
}

bool explains(const Hit& hit, const std::string& term, const std::string& route) {
  for (const auto& e : hit.explanation)
    if (e.term == term && (route.empty() || e.route == route)) return true;
  return false;
}

std::string source_dir() { return MADOGUCHI_SOURCE_DIR; }

std::string eval_dir() {
  if (const char* e = std::getenv("MADOGUCHI_EVAL_DIR"); e && *e) return e;
  return (fs::path(MADOGUCHI_SOURCE_DIR) / ".." / "shared" / "eval").lexically_normal().string();
}

}  // namespace madoguchi::test
