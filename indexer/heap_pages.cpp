#include "heap_pages.h"

#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__linux__) && defined(__GLIBC__)
#include <fstream>
#include <malloc.h>
#include <string>
#include <sys/resource.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace madoguchi::cli {

#if defined(__linux__) && defined(__GLIBC__)
namespace {

std::string first_line(const char* path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace
#endif

void prefer_huge_heap_pages() {
#if defined(__linux__) && defined(__GLIBC__)
  // The heap is grown once by kReserve (address space: only touched pages take memory), so that
  // one madvise covers what a 100k run allocates. glibc then neither gives it back (the trim
  // threshold) nor puts blocks below its largest mmap threshold in mappings of their own, which
  // would be unadvised and faulted 4 kB at a time.
  // Not where the reservation costs more than address space: a limit on it (ulimit -v), strict
  // overcommit (charged as if touched), or no transparent huge pages to gain.
  struct rlimit limit;
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY) return;
  if (first_line("/proc/sys/vm/overcommit_memory") == "2") return;
  if (first_line("/sys/kernel/mm/transparent_hugepage/enabled").find("[never]") != std::string::npos) return;
  constexpr size_t kReserve = size_t(256) << 20;
  constexpr size_t kHugePage = size_t(2) << 20;
  constexpr int kDefaultTopPad = 128 * 1024;  // mallopt(3)
  mallopt(M_TRIM_THRESHOLD, int(2 * kReserve));
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum on 64-bit
  mallopt(M_TOP_PAD, int(kReserve));
  // A block bigger than what the heap has free makes it grow now, by kReserve. Through a volatile
  // pointer: the compiler may otherwise drop a malloc whose block is unused.
  void* (*volatile allocate)(size_t) = std::malloc;
  void* probe = allocate(1 << 20);
  // Later growth is glibc's usual: a reservation refused (strict overcommit) must not fail them.
  mallopt(M_TOP_PAD, kDefaultTopPad);
  if (!probe) return;
  const auto first = (reinterpret_cast<uintptr_t>(probe) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = reinterpret_cast<uintptr_t>(::sbrk(0));
  // Only the heap's own range (probe sits in it unless glibc fell back to mmap for its heap).
  if (reinterpret_cast<uintptr_t>(probe) < end && end > first && end - first <= 2 * kReserve)
    ::madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE);
  std::free(probe);
#endif
}

}  // namespace madoguchi::cli
