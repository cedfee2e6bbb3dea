// Running the viewer and X tools for the [gui] tests: child processes with their own environment,
// a private Xvfb on a free display, and the viewer's JSON-lines event log.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::viewer::test {

using Env = std::map<std::string, std::string>;  // overrides on top of this process's environment

// Starts `argv` with stdout and stderr appended to `log_path` (or /dev/null when empty).
pid_t spawn(const std::vector<std::string>& argv, const Env& env, const std::string& log_path = "");

// Waits up to `timeout_s` for `pid`; on timeout kills it and returns -1. Else the exit code, or
// 128 + signal.
int wait_exit(pid_t pid, double timeout_s);

struct Run {
  int code = -1;
  std::string output;  // stdout and stderr
};
Run run(const std::vector<std::string>& argv, const Env& env = {}, double timeout_s = 30);

bool have_program(const std::string& name);

// Polls `done` every 20 ms for up to `timeout_s`.
bool wait_until(const std::function<bool()>& done, double timeout_s);

// A private X server on a display nobody else uses (Xvfb -displayfd picks it).
class Xvfb {
 public:
  // nullptr (with `why`) when Xvfb is not installed or does not start.
  static std::unique_ptr<Xvfb> start(std::string* why);
  ~Xvfb();
  const std::string& display() const { return display_; }
  Env env() const;  // DISPLAY and a UTF-8 locale, for the viewer and xdotool alike

 private:
  pid_t pid_ = -1;
  std::string display_;
};

// Exits this test process as SKIPPED (CTest SKIP_RETURN_CODE 77) when a GUI tool is missing.
void skip_unless_gui_tools(const std::vector<std::string>& programs);

std::vector<nlohmann::json> read_events(const std::string& path);
// The first event named `name` for which `match` is true, if any.
std::optional<nlohmann::json> find_event(const std::string& path, const std::string& name,
                                         const std::function<bool(const nlohmann::json&)>& match = nullptr);

// CPU seconds (user + system) a process has used, from /proc.
double cpu_seconds(pid_t pid);

}  // namespace madoguchi::viewer::test
