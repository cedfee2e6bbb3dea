#include "explain.h"

#include <algorithm>

#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// The entry field an index term came from, first in the order operators read an entry.
std::string field_of(Analyzer& analyzer, const EntryVersion& v, const QueryPart& part) {
  if (part.field == "reading") return "reading";
  const std::vector<std::pair<const char*, std::string>> fields = {
      {"title", v.title}, {"tag", join(v.tags)}, {"question", v.question}, {"body", v.answer + " " + v.script},
      {"category", join(v.category)}, {"municipality", join(v.municipalities)}};
  for (const auto& [name, text] : fields) {
    if (part.field == "question" && std::string_view(name) == "body") break;  // XQ holds title, tags, question
    for (const Token& t : analyzer.analyze(text)) {
      const bool hit = part.route == "prefix" ? starts_with(t.term, part.term) || starts_with(t.surface, part.term)
                                              : t.term == part.term;
      if (hit) return name;
    }
  }
  return part.field == "question" ? "question" : "body";
}

}  // namespace

std::vector<MatchExplanation> explain_match(const Xapian::Database& db, Analyzer& analyzer, const QueryPlan& plan,
                                            Xapian::docid doc, const EntryVersion& version, double score,
                                            double extra) {
  std::vector<MatchExplanation> out;
  // Restrict each part to this one document through its unique id term.
  auto t = db.termlist_begin(doc);
  t.skip_to(std::string(schema::kUid));
  if (t == db.termlist_end(doc) || !starts_with(*t, std::string(schema::kUid))) return out;
  const Xapian::Query self(*t);
  Xapian::Enquire enquire(db);
  double sum = 0;
  for (const auto& part : plan.parts) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part.query, self));
    Xapian::MSet mset = enquire.get_mset(0, 1);
    const double w = mset.empty() ? 0 : mset.begin().get_weight();
    if (w <= 0) continue;
    out.push_back({part.term, field_of(analyzer, version, part), part.route, w});
    sum += w;
  }
  // Spread rounding so that the parts add up exactly to the score.
  const double base = score - extra;
  if (sum > 0)
    for (auto& e : out) e.weight *= base / sum;
  if (extra != 0) out.push_back({"", "question", "rerank", extra});  // reranker.h: from the question
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
  return out;
}

}  // namespace madoguchi
