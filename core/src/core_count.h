// How many threads this machine runs at once: what the build spreads its work over (analysis
// threads, shards). std::thread::hardware_concurrency() may answer 0 ("unknown"); that counts as 1.
//
// Thread rule: pure function.
#pragma once

#include <algorithm>
#include <thread>

namespace madoguchi {

inline unsigned core_count() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace madoguchi
