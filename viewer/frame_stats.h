// Frame timings for the closing measurements (time to first frame, frame time while typing) and
// memory use, reported through --event-log.
//
// Thread rule: a plain value; UI thread.
#pragma once

#include <cstddef>
#include <vector>

namespace madoguchi::viewer {

struct Percentiles {
  double median = 0;
  double p99 = 0;
  double max = 0;
  size_t count = 0;
};

Percentiles percentiles(std::vector<double> samples);

struct FrameStats {
  std::vector<double> work_ms;   // from waking up to the draw data being submitted (before swap)
  std::vector<double> total_ms;  // including the buffer swap
  std::vector<double> busy_ms;   // frames that applied input or results (typing, selection)
};

// Resident set size and its peak, in KiB, from /proc/self/status (0 where unavailable).
long rss_kib();
long peak_rss_kib();

}  // namespace madoguchi::viewer
