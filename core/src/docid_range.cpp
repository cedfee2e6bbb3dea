#include "docid_range.h"

#include <string>

namespace madoguchi {

void DocidRange::init(const Xapian::Database& db) {
  current_ = 0;
  doccount_ = db.get_doccount();
}

void DocidRange::next(double) { current_ = current_ < first_ ? first_ : current_ + 1; }

void DocidRange::skip_to(Xapian::docid did, double) {
  if (did > current_) current_ = did < first_ ? first_ : did;
}

bool DocidRange::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);
  return true;  // positioned: at `did` when it is in range, else past it or at the end
}

std::string DocidRange::get_description() const {
  return "DocidRange(" + std::to_string(first_) + ".." + std::to_string(last_) + ")";
}

}  // namespace madoguchi
