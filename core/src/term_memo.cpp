#include "term_memo.h"

#include "normalizer.h"

namespace madoguchi {

Xapian::doccount TermMemo::frequency(const std::string& term) {
  if (const auto it = frequencies_.find(term); it != frequencies_.end()) return it->second;
  if (frequencies_.size() >= kMaxRemembered) frequencies_.clear();
  const Xapian::doccount f = db_.get_termfreq(term);
  frequencies_.emplace(term, f);
  return f;
}

bool TermMemo::any_starting_with(const std::string& prefix) {
  if (const auto it = prefixes_.find(prefix); it != prefixes_.end()) return it->second;
  if (prefixes_.size() >= kMaxRemembered) prefixes_.clear();
  // No term starts with `prefix` if none starts with it minus its last character: typing on past
  // the index's words asks nothing more.
  if (!prefix.empty()) {
    const std::string shorter = prefix.substr(0, code_point_start(prefix, prefix.size() - 1));
    if (const auto it = prefixes_.find(shorter); it != prefixes_.end() && !it->second) {
      prefixes_.emplace(prefix, false);
      return false;
    }
  }
  const bool any = db_.allterms_begin(prefix) != db_.allterms_end(prefix);
  prefixes_.emplace(prefix, any);
  return any;
}

void TermMemo::clear() {
  frequencies_.clear();
  prefixes_.clear();
}

}  // namespace madoguchi
