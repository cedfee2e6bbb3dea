// Asks the kernel to back the CLI's heap with transparent huge pages (2 MB) instead of 4 kB ones.
//
// Why: an incremental `index` or `publish` of a 100k-entry corpus allocates ~130 MB of small
// objects (paths, ids, value slots, the stamp cache) that live for one run. With 4 kB pages that
// is ~40,000 page faults, which cost a third of the run's CPU on the virtual machines we measured
// (a fault exits to the hypervisor), plus the TLB misses of walking 100k scattered strings.
// glibc can do this itself (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), but only from the
// environment at start-up, so the program reserves its heap in one step and advises it here.
//
// Thread rule: call once, first thing in main(), before any thread starts.
#pragma once

namespace madoguchi::cli {

// Best effort: it changes nothing where transparent huge pages are off, address space is limited
// (ulimit -v), overcommit is strict, or the C library is not glibc on Linux.
void prefer_huge_heap_pages();

}  // namespace madoguchi::cli
