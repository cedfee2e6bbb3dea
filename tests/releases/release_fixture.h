// Helpers for the release safety and distribution tests: generated corpora, child processes,
// free loopback ports, bounded waits.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace madoguchi::test {

// `entries` FAQ entries with a few Japanese sentences each; `variant` changes every answer.
void write_generated_corpus(const std::filesystem::path& dir, int entries, int variant);

// A running program (no shell). Killed with SIGKILL when the object goes away.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& log_path,
        const std::vector<std::string>& env = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  pid_t pid() const { return pid_; }
  void kill_now();       // SIGKILL and reap
  int wait();            // exit code (128 + signal when killed)
  bool running();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

int free_port();  // a TCP port on 127.0.0.1 that was free a moment ago
bool wait_until(const std::function<bool()>& ready, double seconds);
int latest_release_number(const std::string& db);  // -1 when the database cannot be opened
std::string cli_path();
std::string read_text(const std::filesystem::path& path);

}  // namespace madoguchi::test
