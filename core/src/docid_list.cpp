#include "docid_list.h"

#include <algorithm>
#include <string>

namespace madoguchi {

DocidList::DocidList(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
}

void DocidList::init(const Xapian::Database&) {
  at_ = 0;
  started_ = false;
}

void DocidList::next(double) {
  if (started_) ++at_;
  started_ = true;
}

void DocidList::skip_to(Xapian::docid did, double) {
  started_ = true;
  at_ = size_t(std::lower_bound(ids_.begin() + long(at_), ids_.end(), did) - ids_.begin());
}

std::string DocidList::get_description() const { return "DocidList(" + std::to_string(ids_.size()) + " ids)"; }

}  // namespace madoguchi
