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

}  // namespace madoguchi
