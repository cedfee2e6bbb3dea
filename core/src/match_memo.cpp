#include "match_memo.h"

namespace madoguchi {

std::string MatchMemo::key_of(const QueryPlan& plan, const SearchRequest& request, Date as_of) {
  // Length-prefixed fields: no two different requests give the same key.
  std::string key;
  auto put = [&](const std::string& s) {
    key += std::to_string(s.size());
    key += ':';
    key += s;
  };
  for (const auto& part : plan.parts) {
    put(part.field);
    put(part.route);
    put(part.query.serialise());
  }
  put(request.category);
  put(request.type);
  put(request.municipality);
  put(std::to_string(as_of.yyyymmdd));
  put(std::to_string(request.limit));
  return key;
}

const MatchOutcome* MatchMemo::find(const std::string& key) {
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return &it->second->second;
}

const MatchOutcome& MatchMemo::remember(std::string key, MatchOutcome outcome) {
  if (capacity_ == 0) return unkept_ = std::move(outcome);
  if (recent_.size() == capacity_) {
    by_key_.erase(recent_.back().first);
    recent_.pop_back();
  }
  recent_.emplace_front(std::move(key), std::move(outcome));
  by_key_.emplace(recent_.front().first, recent_.begin());
  return recent_.front().second;
}

void MatchMemo::clear() {
  by_key_.clear();
  recent_.clear();
}

}  // namespace madoguchi
