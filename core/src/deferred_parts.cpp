#include "deferred_parts.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "candidate_entries.h"
#include "docid_list.h"
#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

bool is_bigram(const std::string& term) {
  return !term.empty() && term.compare(0, schema::kBigram.size(), schema::kBigram) == 0;
}

// A bigram or question-field leaf over one term (not a prefix, synonym set or phrase), or "".
std::string light_term(const QueryPart& part) {
  if (part.route == "prefix") return "";
  // Copies of a TermIterator share their position: walk one.
  auto t = part.query.get_unique_terms_begin();
  const auto end = part.query.get_unique_terms_end();
  if (t == end) return "";
  const std::string term = *t;
  if (++t != end) return "";
  return is_bigram(term) || part.field == "question" ? term : "";
}

struct WordFrequency {
  double most = 0;
  double sum = 0;
};

bool has_phrase(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_PHRASE) return true;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (has_phrase(q.get_subquery(i))) return true;
  return false;
}

// A part that is not one light term (a word, reading or synonym group): the number of entries its
// most frequent term is in, and the sum over its terms (a bound on its postings); 0 for a prefix.
WordFrequency word_frequency(TermMemo& terms, const QueryPart& part) {
  WordFrequency f;
  // A phrase matches no more entries than its rarest word, so its commonest word says nothing of
  // how common the group is: such a group stays where it is.
  if (part.route == "prefix" || has_phrase(part.query)) return f;
  for (auto t = part.query.get_unique_terms_begin(); t != part.query.get_unique_terms_end(); ++t) {
    const double n = double(terms.frequency(*t));
    f.most = std::max(f.most, n);
    f.sum += n;
  }
  return f;
}

}  // namespace

SplitPlan split_common_parts(TermMemo& terms, const QueryPlan& plan, const DeferWeights& weights) {
  const Xapian::Database& db = terms.database();
  const double entries = double(db.get_doccount());
  const double common = weights.common_share * entries;
  const double common_word = std::max(weights.word_common_share * entries, double(weights.min_word_entries));
  // No term is in more entries than there are: then no word waits, and none is looked up (each
  // lookup is a round trip to a remote backend).
  const bool words_may_wait = common_word < entries;
  std::vector<Xapian::Query> first, light, words, deferred, stand_ins;
  double light_postings = 0, word_postings = 0;
  double none_of_the_words = 1;  // the share of entries no waiting word leaf's commonest term is in
  const bool long_plan = plan.parts.size() >= weights.long_plan_parts;
  for (const auto& part : plan.parts) {
    if (part.first_stage) {
      deferred.push_back(part.query);
      first.push_back(*part.first_stage);
      stand_ins.push_back(*part.first_stage);
      continue;
    }
    const std::string term = light_term(part);
    const double frequency = term.empty() ? 0 : double(terms.frequency(term));
    if (frequency > common || (long_plan && is_bigram(term))) {
      light.push_back(part.query);
      light_postings += frequency;
    } else if (const WordFrequency word = term.empty() && words_may_wait ? word_frequency(terms, part) : WordFrequency{};
               word.most > common_word) {
      words.push_back(part.query);
      word_postings += word.sum;
      none_of_the_words *= 1 - word.most / entries;
    } else {
      first.push_back(part.query);
    }
  }
  // Common words wait only while something else finds the candidates; otherwise they do (and
  // the light leaves may still wait for them).
  const bool words_wait = !first.empty() && !words.empty();
  if (words_wait) {
    light.insert(light.end(), words.begin(), words.end());
    light_postings += word_postings;
  } else {
    first.insert(first.end(), words.begin(), words.end());
  }
  // A second match costs more than it saves on a short query (measured: README "Performance").
  const bool light_waits = long_plan || light_postings >= weights.min_postings * entries;
  if (light_waits)
    deferred.insert(deferred.end(), light.begin(), light.end());
  else
    first.insert(first.end(), light.begin(), light.end());
  if (deferred.empty() || first.empty()) return {plan.query, Xapian::Query(), Xapian::Query()};
  return {Xapian::Query(Xapian::Query::OP_OR, first.begin(), first.end()),
          Xapian::Query(Xapian::Query::OP_OR, deferred.begin(), deferred.end()),
          stand_ins.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, stand_ins.begin(), stand_ins.end()),
          words_wait && light_waits ? 1 - none_of_the_words : 0};
}

std::vector<RankedDoc> add_deferred_weights(const Xapian::Database& db, std::vector<RankedDoc> first,
                                            const SplitPlan& split, bool remote_backend) {
  std::vector<RankedDoc> ranked = std::move(first);
  if (ranked.empty() || split.deferred.empty()) return ranked;
  // The candidates themselves, or remotely their entries by their id terms (boolean, so they add no
  // weight: every version of those entries may come back, only the candidates' own documents are read).
  Xapian::Query candidates;
  if (remote_backend) {
    candidates = candidate_entries(db, ranked, ranked.size());
  } else {
    std::vector<Xapian::docid> ids;
    ids.reserve(ranked.size());
    for (const auto& r : ranked) ids.push_back(r.doc);
    candidates = Xapian::Query((new DocidList(std::move(ids)))->release());
  }
  // Each candidate's weight under `leaves`, added with `sign`.
  auto add_weights = [&](const Xapian::Query& leaves, double sign) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, leaves, candidates));
    const Xapian::MSet extra = enquire.get_mset(0, db.get_doccount());
    std::unordered_map<Xapian::docid, double> weight_of;
    for (auto it = extra.begin(); it != extra.end(); ++it) weight_of.emplace(*it, it.get_weight());
    for (auto& r : ranked)
      if (auto w = weight_of.find(r.doc); w != weight_of.end()) r.score += sign * w->second;
  };
  add_weights(split.deferred, 1);
  if (!split.stand_ins.empty()) add_weights(split.stand_ins, -1);
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedDoc& a, const RankedDoc& b) { return a.score > b.score; });
  return ranked;
}

}  // namespace madoguchi
