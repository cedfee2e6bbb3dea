#include "heap_pages.h"

#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace madoguchi::cli {

void prefer_huge_heap_pages() {
#if defined(__linux__) && defined(__GLIBC__)
  // The heap grows by this much at a time (only touched pages take memory), so one madvise covers
  // what a 100k run allocates; glibc neither shrinks it nor moves big blocks to their own mappings
  // (an unadvised mapping, faulted 4 kB at a time) below the largest threshold it accepts.
  constexpr size_t kReserve = size_t(256) << 20;
  constexpr size_t kHugePage = size_t(2) << 20;
  mallopt(M_TOP_PAD, int(kReserve));
  mallopt(M_TRIM_THRESHOLD, int(2 * kReserve));
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum on 64-bit
  // A block bigger than what the heap has free makes it grow now, by kReserve.
  // Through a volatile pointer: the compiler may otherwise drop a malloc whose block is unused.
  void* (*volatile allocate)(size_t) = std::malloc;
  void* probe = allocate(1 << 20);
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
