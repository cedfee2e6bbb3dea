#include "version_collapse.h"

#include <unordered_set>

namespace madoguchi {

std::vector<RankedDoc> collapse_versions(const Xapian::MSet& mset, const AsOfFilter& filter, Xapian::doccount size) {
  std::vector<RankedDoc> docs;
  docs.reserve(size);
  std::unordered_set<unsigned> seen;  // groups already holding their best version
  for (auto it = mset.begin(); it != mset.end() && docs.size() < size; ++it) {
    if (const unsigned group = filter.group_of(*it); group != 0 && !seen.insert(group).second) continue;
    docs.push_back({*it, it.get_weight(), 0});
  }
  return docs;
}

}  // namespace madoguchi
