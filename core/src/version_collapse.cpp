#include "version_collapse.h"

#include <unordered_set>

namespace madoguchi {

std::vector<RankedDoc> collapse_versions(const std::vector<RankedDoc>& matched, const AsOfFilter& filter,
                                         Xapian::doccount size) {
  std::vector<RankedDoc> docs;
  docs.reserve(size);
  std::unordered_set<unsigned> seen;  // groups already holding their best version
  for (auto it = matched.begin(); it != matched.end() && docs.size() < size; ++it) {
    if (const unsigned group = filter.group_of(it->doc); group != 0 && !seen.insert(group).second) continue;
    docs.push_back(*it);
  }
  return docs;
}

void CollapsedVersions::operator()(const Xapian::Document& doc, double) {
  if (const unsigned group = filter_.group_of(doc.get_docid()); group != 0) {
    ++seen_;
    groups_.insert(group);
  }
}

}  // namespace madoguchi
