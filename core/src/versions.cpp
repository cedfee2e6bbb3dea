#include "madoguchi/versions.h"

#include <algorithm>
#include <cassert>

namespace madoguchi {

std::string_view to_string(VersionStatus status) {
  switch (status) {
    case VersionStatus::kInForce: return "in-force";
    case VersionStatus::kUpcoming: return "upcoming";
    case VersionStatus::kSuperseded: return "superseded";
    case VersionStatus::kWithdrawn: return "withdrawn";
  }
  return "in-force";
}

std::vector<VersionSpan> compute_spans(const std::vector<Date>& effective, const std::vector<Date>& expires) {
  assert(effective.size() == expires.size());
  std::vector<VersionSpan> spans(effective.size());
  for (size_t i = 0; i < effective.size(); ++i) {
    VersionSpan& s = spans[i];
    s.effective = effective[i].valid() ? effective[i] : Date{VersionSpan::kAlways};
    Date until = Date::far_future();
    if (i + 1 < effective.size()) {
      until = effective[i + 1];
      s.has_successor = true;
    }
    if (expires[i].valid()) until = std::min(until, expires[i].plus_days(1));
    s.until = until;
  }
  return spans;
}

}  // namespace madoguchi
