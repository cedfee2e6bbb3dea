// Version validity (DESIGN §3): each version is in force on [effective, until), where until is
// the next version's effective date or the day after `expires`, whichever is first, and
// Date::kFarFuture when there is no end.
//
// Thread rule: pure functions over values.
#pragma once

#include <string_view>
#include <vector>

#include "madoguchi/date.h"

namespace madoguchi {

enum class VersionStatus { kInForce, kUpcoming, kSuperseded, kWithdrawn };
std::string_view to_string(VersionStatus status);  // in-force | upcoming | superseded | withdrawn

struct VersionSpan {
  Date effective;  // unset effective is stored as kAlways
  Date until;      // exclusive
  bool has_successor = false;  // a later version exists

  static constexpr int kAlways = 10101;  // 0001-01-01

  bool in_force_on(Date d) const { return effective <= d && d < until; }
  VersionStatus status_on(Date d) const {
    if (d < effective) return VersionStatus::kUpcoming;
    if (d < until) return VersionStatus::kInForce;
    return has_successor ? VersionStatus::kSuperseded : VersionStatus::kWithdrawn;
  }
};

// REQUIRES: `effective` and `expires` describe the versions of ONE id sorted by effective date
// (unset effective first). Returns one span per version, in the same order.
std::vector<VersionSpan> compute_spans(const std::vector<Date>& effective,
                                       const std::vector<Date>& expires);

}  // namespace madoguchi
