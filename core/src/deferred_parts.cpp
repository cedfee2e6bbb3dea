#include "deferred_parts.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "bm25_term.h"
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

Xapian::Query or_of(const std::vector<const QueryPart*>& parts) {
  std::vector<Xapian::Query> queries;
  for (const QueryPart* part : parts) queries.push_back(part->query);
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// The term of a part whose query is one term, scaled by `part.scale`; or "".
std::string single_term(const QueryPart& part) {
  if (part.first_stage) return "";
  const Xapian::Query& q = part.query;
  const bool scaled = q.get_type() == Xapian::Query::OP_SCALE_WEIGHT;
  // A part made elsewhere than QueryBuilder::build may not give its scale: weighed by Xapian.
  if (scaled != (part.scale != 1)) return "";
  const Xapian::Query leaf = scaled ? q.get_subquery(0) : q;
  if (leaf.get_type() != Xapian::Query::LEAF_TERM) return "";
  return *leaf.get_unique_terms_begin();
}

// SplitPlan::deferred_terms and deferred_others. A term in two leaves is weighed in each as if
// alone (Xapian 1.4: two leaves of one term in an OR weigh exactly twice one), so a single-term
// leaf is weighed from its postings whatever other leaves hold its term.
void separate_single_terms(TermMemo& terms, const std::vector<const QueryPart*>& deferred, SplitPlan& split) {
  std::vector<Xapian::Query> others;
  for (const QueryPart* part : deferred) {
    if (const std::string term = single_term(*part); !term.empty())
      split.deferred_terms.push_back({term, part->scale, terms.frequency(term)});
    else
      others.push_back(part->query);
  }
  if (!others.empty()) split.deferred_others = Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
}

// Each candidate's BM25 weights under `leaves`, from their postings (remembered in `postings`).
void add_term_weights(const Xapian::Database& db, PostingMemo& postings, const std::vector<DeferredTerm>& leaves,
                      std::vector<RankedDoc>& ranked) {
  std::vector<Xapian::docid> docs;
  docs.reserve(ranked.size());
  for (const auto& r : ranked) docs.push_back(r.doc);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<Xapian::termcount> lengths;
  lengths.reserve(docs.size());
  for (const Xapian::docid doc : docs) lengths.push_back(postings.length(db, doc));
  const double entries = double(db.get_doccount());
  const double average_length = db.get_avlength();
  std::vector<double> added(docs.size(), 0);
  for (const DeferredTerm& leaf : leaves) {
    const std::vector<Xapian::termcount> wdfs = postings.wdfs(db, leaf.term, docs);
    const Bm25Term bm25(leaf.factor, entries, average_length, double(leaf.frequency));
    for (size_t i = 0; i < docs.size(); ++i)
      if (wdfs[i] > 0) added[i] += bm25.weight(wdfs[i], lengths[i]);
  }
  for (auto& r : ranked) r.score += added[size_t(std::lower_bound(docs.begin(), docs.end(), r.doc) - docs.begin())];
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
  std::vector<FirstStageLeaf> first;
  std::vector<Xapian::Query> stand_ins;
  auto leaf_of = [](const QueryPart& part) { return FirstStageLeaf{part.query, part.scale, part.wildcard}; };
  std::vector<const QueryPart*> light, words, deferred;
  double light_postings = 0, word_postings = 0;
  double none_of_the_words = 1;  // the share of entries no waiting word leaf's commonest term is in
  const bool long_plan = plan.parts.size() >= weights.long_plan_parts;
  for (const auto& part : plan.parts) {
    if (part.first_stage) {
      deferred.push_back(&part);
      first.push_back({*part.first_stage, part.scale, std::nullopt});
      stand_ins.push_back(*part.first_stage);
      continue;
    }
    const std::string term = light_term(part);
    const double frequency = term.empty() ? 0 : double(terms.frequency(term));
    if (frequency > common || (long_plan && is_bigram(term))) {
      light.push_back(&part);
      light_postings += frequency;
    } else if (const WordFrequency word = term.empty() && words_may_wait ? word_frequency(terms, part) : WordFrequency{};
               word.most > common_word) {
      words.push_back(&part);
      word_postings += word.sum;
      none_of_the_words *= 1 - word.most / entries;
    } else {
      first.push_back(leaf_of(part));
    }
  }
  // Common words wait only while something else finds the candidates; otherwise they do (and
  // the light leaves may still wait for them).
  const bool words_wait = !first.empty() && !words.empty();
  if (words_wait) {
    light.insert(light.end(), words.begin(), words.end());
    light_postings += word_postings;
  } else {
    for (const QueryPart* part : words) first.push_back(leaf_of(*part));
  }
  // A second match costs more than it saves on a short query (measured: README "Performance").
  const bool light_waits = long_plan || light_postings >= weights.min_postings * entries;
  if (light_waits)
    deferred.insert(deferred.end(), light.begin(), light.end());
  else
    for (const QueryPart* part : light) first.push_back(leaf_of(*part));
  if (deferred.empty() || first.empty()) {
    SplitPlan whole{plan.query};
    for (const auto& part : plan.parts) whole.first_leaves.push_back(leaf_of(part));
    return whole;
  }
  std::vector<Xapian::Query> first_queries;
  for (const auto& leaf : first) first_queries.push_back(leaf.query);
  SplitPlan split{Xapian::Query(Xapian::Query::OP_OR, first_queries.begin(), first_queries.end()), std::move(first), or_of(deferred),
                  stand_ins.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, stand_ins.begin(), stand_ins.end()),
                  words_wait && light_waits ? 1 - none_of_the_words : 0};
  separate_single_terms(terms, deferred, split);
  return split;
}

std::vector<RankedDoc> add_deferred_weights(const Xapian::Database& db, std::vector<RankedDoc> first,
                                            const SplitPlan& split, bool remote_backend, PostingMemo* postings) {
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
  if (postings && !remote_backend && !split.deferred_terms.empty()) {
    add_term_weights(db, *postings, split.deferred_terms, ranked);
    if (!split.deferred_others.empty()) add_weights(split.deferred_others, 1);
  } else {
    add_weights(split.deferred, 1);
  }
  if (!split.stand_ins.empty()) add_weights(split.stand_ins, -1);
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedDoc& a, const RankedDoc& b) { return a.score > b.score; });
  return ranked;
}

}  // namespace madoguchi
