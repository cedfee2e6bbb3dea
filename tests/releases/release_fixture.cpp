#include "release_fixture.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <xapian.h>

#include "test_support.h"

namespace madoguchi::test {

void write_generated_corpus(const std::filesystem::path& dir, int entries, int variant) {
  static const char* topics[] = {"発熱", "療養期間", "ワクチン接種", "検査", "給付金", "商品券", "保健所", "濃厚接触者"};
  static const char* places[] = {"保健所", "かかりつけ医", "発熱外来", "市役所", "コールセンター", "集団接種会場"};
  for (int i = 0; i < entries; ++i) {
    const std::string topic = topics[i % 8];
    const std::string place = places[(i / 8) % 6];
    std::ostringstream answer;
    answer << topic << "については" << place << "に電話で相談してください。受付時間は" << (8 + i % 3)
           << "時から" << (17 + variant % 4) << "時までです。番号" << i << "の案内では、" << topic
           << "の手続きに本人確認書類が必要です。改定" << variant << "。";
    write_file(dir / ("e" + std::to_string(i) + ".md"),
               entry_md("gen-" + std::to_string(i), topic + "の案内 " + std::to_string(i), answer.str(),
                        "category: [" + topic + "]\n", topic + "について教えてください。"));
  }
}

Child::Child(const std::vector<std::string>& args, const std::string& log_path, const std::vector<std::string>& env) {
  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    for (const auto& e : env) putenv(strdup(e.c_str()));
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
}

Child::~Child() {
  if (pid_ > 0 && !reaped_) kill_now();
}

void Child::kill_now() {
  if (pid_ <= 0 || reaped_) return;
  ::kill(pid_, SIGKILL);
  wait();
}

int Child::wait() {
  if (!reaped_) {
    waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
}

bool Child::running() {
  if (reaped_) return false;
  if (waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool wait_until(const std::function<bool()>& ready, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return ready();
}

int latest_release_number(const std::string& db) {
  try {
    Xapian::Database d(db);
    return std::atoi(d.get_metadata("madoguchi.release").c_str());
  } catch (const Xapian::Error&) {
    return -1;
  }
}

std::string cli_path() { return MADOGUCHI_CLI; }

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace madoguchi::test
