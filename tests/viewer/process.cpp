#include "process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "test_support.h"

extern char** environ;

namespace madoguchi::viewer::test {

pid_t spawn(const std::vector<std::string>& argv, const Env& env, const std::string& log_path) {
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    const std::string key = kv.substr(0, kv.find('='));
    if (!env.count(key)) envs.push_back(kv);
  }
  for (const auto& [k, v] : env)
    if (v != "<unset>") envs.push_back(k + "=" + v);
  std::vector<char*> cargv, cenv;
  std::vector<std::string> args = argv;
  for (auto& a : args) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  for (auto& e : envs) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    const int out = log_path.empty() ? open("/dev/null", O_WRONLY)
                                     : open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvpe(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  for (;;) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (r < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Run run(const std::vector<std::string>& argv, const Env& env, double timeout_s) {
  madoguchi::test::TempDir tmp;
  const std::string log = tmp.str("out");
  Run r;
  r.code = wait_exit(spawn(argv, env, log), timeout_s);
  std::ifstream in(log);
  std::stringstream s;
  s << in.rdbuf();
  r.output = s.str();
  return r;
}

bool have_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0) return true;
  return false;
}

bool wait_until(const std::function<bool()>& done, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

std::unique_ptr<Xvfb> Xvfb::start(std::string* why) {
  if (!have_program("Xvfb")) {
    if (why) *why = "Xvfb is not installed";
    return nullptr;
  }
  int fds[2];
  if (pipe(fds) != 0) return nullptr;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    setpgid(0, 0);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    const std::string fd = std::to_string(fds[1]);
    execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
           "-noreset", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string number;
  char c;
  // Xvfb writes the display number once it accepts connections.
  while (read(fds[0], &c, 1) == 1 && c != '\n') number += c;
  close(fds[0]);
  if (number.empty()) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    if (why) *why = "Xvfb did not start";
    return nullptr;
  }
  auto x = std::unique_ptr<Xvfb>(new Xvfb());
  x->pid_ = pid;
  x->display_ = ":" + number;
  return x;
}

Xvfb::~Xvfb() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    if (wait_exit(pid_, 5) < 0) kill(pid_, SIGKILL);
  }
}

Env Xvfb::env() const {
  Env env = {{"DISPLAY", display_}, {"LANG", "C.UTF-8"}, {"LC_ALL", "C.UTF-8"}, {"WAYLAND_DISPLAY", "<unset>"},
             {"XMODIFIERS", "<unset>"}, {"GTK_IM_MODULE", "<unset>"}};
  // Under `tools/test.sh --sanitize` the viewer is built with ASan: Mesa's driver, dlclose()d at
  // exit, leaves a few hundred bytes that LeakSanitizer cannot attribute to any module (so no
  // suppression can name them) and the exit code would say "leak". Leak checking of the viewer's
  // own code happens in viewer_tests (model, worker, fonts, headless drawing).
  if (const char* asan = std::getenv("ASAN_OPTIONS")) env["ASAN_OPTIONS"] = std::string(asan) + ":detect_leaks=0";
  else env["ASAN_OPTIONS"] = "detect_leaks=0";
  return env;
}

void skip_unless_gui_tools(const std::vector<std::string>& programs) {
  for (const auto& p : programs)
    if (!have_program(p)) {
      std::fprintf(stderr, "SKIPPED: %s is not installed (tools/setup.sh installs it)\n", p.c_str());
      std::exit(77);
    }
}

std::vector<nlohmann::json> read_events(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded()) out.push_back(std::move(j));
  }
  return out;
}

std::optional<nlohmann::json> find_event(const std::string& path, const std::string& name,
                                         const std::function<bool(const nlohmann::json&)>& match) {
  for (auto& e : read_events(path))
    if (e.value("event", "") == name && (!match || match(e))) return e;
  return std::nullopt;
}

double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close_paren = stat.rfind(')');
  if (close_paren == std::string::npos) return 0;
  std::stringstream rest(stat.substr(close_paren + 2));
  std::vector<std::string> f;
  std::string x;
  while (rest >> x) f.push_back(x);
  if (f.size() < 13) return 0;
  return double(std::stoll(f[11]) + std::stoll(f[12])) / double(sysconf(_SC_CLK_TCK));
}

}  // namespace madoguchi::viewer::test
