#include "frame_stats.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace madoguchi::viewer {
namespace {

long status_field(const char* name) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long value = 0;
  const size_t n = std::strlen(name);
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, name, n) == 0 && line[n] == ':') {
      value = std::atol(line + n + 1);
      break;
    }
  std::fclose(f);
  return value;
}

}  // namespace

Percentiles percentiles(std::vector<double> s) {
  Percentiles p;
  p.count = s.size();
  if (s.empty()) return p;
  std::sort(s.begin(), s.end());
  auto at = [&](double q) { return s[std::min(s.size() - 1, size_t(q * double(s.size() - 1) + 0.5))]; };
  p.median = at(0.5);
  p.p99 = at(0.99);
  p.max = s.back();
  return p;
}

long rss_kib() { return status_field("VmRSS"); }
long peak_rss_kib() { return status_field("VmHWM"); }

}  // namespace madoguchi::viewer
