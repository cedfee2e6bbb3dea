#include "bm25_leaf.h"

#include <algorithm>
#include <cstring>

namespace madoguchi {
namespace {

struct Frequencies {
  Xapian::doccount min = 0, est = 0, max = 0;
};

// OrPostList's bounds and estimate for two lists.
Frequencies either(const Frequencies& l, const Frequencies& r, Xapian::doccount db_size) {
  Frequencies f;
  f.min = std::max(l.min, r.min);
  f.max = std::min(l.max + r.max, db_size);
  const double lest = static_cast<double>(l.est), rest = static_cast<double>(r.est);
  const double est = lest + rest - (lest * rest / db_size);
  f.est = static_cast<Xapian::doccount>(est + 0.5);
  return f;
}

// Xapian's estimate for an OR of `lists` in this order, combined as OrContext::postlist() combines
// them: the two with the smallest estimates first, through the same heap operations (ties too).
Frequencies or_tree(std::vector<Frequencies> lists, Xapian::doccount db_size) {
  if (lists.size() == 1) return lists[0];
  const auto ascending = [](const Frequencies& a, const Frequencies& b) { return a.est > b.est; };
  std::make_heap(lists.begin(), lists.end(), ascending);
  while (true) {
    const Frequencies r = lists.front();
    std::pop_heap(lists.begin(), lists.end(), ascending);
    lists.pop_back();
    const Frequencies combined = either(lists.front(), r, db_size);
    if (lists.size() == 1) return combined;
    std::pop_heap(lists.begin(), lists.end(), ascending);
    lists.back() = combined;
    std::push_heap(lists.begin(), lists.end(), ascending);
  }
}

struct Expansion {
  std::string term;
  Frequencies frequencies;
};

// The completions OP_WILDCARD with WILDCARD_LIMIT_MOST_FREQUENT keeps, in the order it keeps
// them: every term starting with the pattern in term order, cut by nth_element on frequency.
std::vector<Expansion> expand(const Xapian::Database& db, const Wildcard& wildcard) {
  std::vector<Expansion> all;
  for (auto t = db.allterms_begin(wildcard.pattern); t != db.allterms_end(wildcard.pattern); ++t) {
    const Xapian::doccount n = t.get_termfreq();
    all.push_back({*t, {n, n, n}});
  }
  if (all.size() > wildcard.limit) {
    std::nth_element(all.begin(), all.begin() + wildcard.limit - 1, all.end(),
                     [](const Expansion& a, const Expansion& b) { return a.frequencies.est > b.frequencies.est; });
    all.resize(wildcard.limit);
  }
  return all;
}

void put_u32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

uint32_t get_u32(const std::string& in, size_t& at) {
  uint32_t v = 0;
  if (at + sizeof v > in.size()) throw Xapian::SerialisationError("Bm25Leaf: truncated");
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

}  // namespace

std::optional<LeafPlan> plan_leaf(TermMemo& terms, const Xapian::Query& query, double scale,
                                  const Wildcard* wildcard) {
  const bool scaled = query.get_type() == Xapian::Query::OP_SCALE_WEIGHT;
  if (scaled != (scale != 1)) return std::nullopt;  // a scale we were not told
  const Xapian::Query leaf = scaled ? query.get_subquery(0) : query;
  const Xapian::Database& db = terms.database();
  LeafPlan plan;
  plan.factor = scale;
  std::vector<Frequencies> lists;
  switch (leaf.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *leaf.get_terms_begin();
      const Xapian::doccount n = terms.frequency(term);
      if (n == 0) return std::nullopt;  // an empty list: nothing to save
      plan.terms = {term};
      plan.min = plan.est = plan.max = n;
      return plan;
    }
    case Xapian::Query::OP_SYNONYM:
      for (size_t i = 0; i < leaf.get_num_subqueries(); ++i) {
        const Xapian::Query member = leaf.get_subquery(i);
        if (member.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
        const std::string term = *member.get_terms_begin();
        const Xapian::doccount n = terms.frequency(term);
        plan.terms.push_back(term);
        lists.push_back({n, n, n});
      }
      break;
    case Xapian::Query::OP_WILDCARD:
      if (!wildcard || wildcard->limit == 0) return std::nullopt;  // 0: Xapian keeps no completion
      for (auto& e : expand(db, *wildcard)) {
        plan.terms.push_back(std::move(e.term));
        lists.push_back(e.frequencies);
      }
      break;
    default:
      return std::nullopt;
  }
  if (lists.empty()) return std::nullopt;
  const Frequencies f = or_tree(std::move(lists), db.get_doccount());
  if (f.max == 0) return std::nullopt;  // Xapian leaves such an OR unweighted
  plan.synonym = true;
  plan.min = f.min, plan.est = f.est, plan.max = f.max;
  return plan;
}

void Bm25Leaf::init(const Xapian::Database& db) {
  db_ = db;
  members_.clear();
  docs_.clear();
  waiting_.clear();
  at_current_.clear();
  for (const auto& term : plan_->terms) members_.push_back(db.postlist_begin(term));
  docs_.resize(members_.size(), 0);
  started_ = false;
  current_ = 0;
  bm25_ = Bm25Term(plan_->factor, double(db.get_doccount()), db.get_avlength(), double(plan_->est));
  Xapian::termcount wdf_max = 0;
  if (plan_->synonym) {
    wdf_max = db.get_doclength_upper_bound();  // Weight::init_'s bound for a synonym
  } else if (members_[0] != Xapian::PostingIterator()) {
    // glass's bound for a term: its collection frequency less its first wdf, or that wdf.
    const Xapian::termcount first = members_[0].get_wdf(), all = db.get_collection_freq(plan_->terms[0]);
    wdf_max = std::max(all - first, first);
  }
  set_maxweight(bm25_.upper_bound(wdf_max, db.get_doclength_lower_bound()));
}

namespace {
struct LaterFirst {
  const std::vector<Xapian::docid>* docs;
  bool operator()(uint32_t a, uint32_t b) const { return (*docs)[a] > (*docs)[b]; }
};
}  // namespace

void Bm25Leaf::push(uint32_t member) {
  if (members_[member] == Xapian::PostingIterator()) return;
  docs_[member] = *members_[member];
  waiting_.push_back(member);
  std::push_heap(waiting_.begin(), waiting_.end(), LaterFirst{&docs_});
}

uint32_t Bm25Leaf::pop_lowest() {
  const uint32_t member = waiting_.front();
  std::pop_heap(waiting_.begin(), waiting_.end(), LaterFirst{&docs_});
  waiting_.pop_back();
  return member;
}

void Bm25Leaf::settle() {
  at_current_.clear();
  current_ = waiting_.empty() ? 0 : docs_[waiting_.front()];
  while (!waiting_.empty() && docs_[waiting_.front()] == current_) at_current_.push_back(pop_lowest());
}

void Bm25Leaf::settle_term() {
  current_ = members_[0] == Xapian::PostingIterator() ? 0 : *members_[0];
}

void Bm25Leaf::next(double) {
  if (!plan_->synonym) {  // one term: its own postings
    if (started_) ++members_[0];
    started_ = true;
    settle_term();
    return;
  }
  if (!started_) {
    started_ = true;
    for (uint32_t m = 0; m < members_.size(); ++m) push(m);
  } else {
    for (const uint32_t m : at_current_) {
      ++members_[m];
      push(m);
    }
  }
  settle();
}

void Bm25Leaf::skip_to(Xapian::docid did, double) {
  if (!plan_->synonym) {
    if (started_ && (current_ == 0 || did <= current_)) return;
    started_ = true;
    members_[0].skip_to(did);
    settle_term();
    return;
  }
  if (!started_) {
    started_ = true;
    for (uint32_t m = 0; m < members_.size(); ++m) {
      if (members_[m] != Xapian::PostingIterator()) members_[m].skip_to(did);
      push(m);
    }
  } else {
    if (current_ == 0 || did <= current_) return;  // at the end, or already there
    for (const uint32_t m : at_current_) {
      members_[m].skip_to(did);
      push(m);
    }
    while (!waiting_.empty() && docs_[waiting_.front()] < did) {
      const uint32_t m = pop_lowest();
      members_[m].skip_to(did);
      push(m);
    }
  }
  settle();
}

double Bm25Leaf::get_weight() const {
  const Xapian::termcount length = lengths_->of(db_, current_);
  if (!plan_->synonym) return bm25_.weight(members_[0].get_wdf(), length);
  Xapian::termcount wdf = 0;
  for (const uint32_t m : at_current_) wdf += members_[m].get_wdf();
  // SynonymPostList clamps a synonym's wdf to the length (a term repeated in the group).
  return bm25_.weight(std::min(wdf, length), length);
}

std::string Bm25Leaf::serialise() const {
  std::string out(1, plan_->synonym ? '1' : '0');
  out.append(reinterpret_cast<const char*>(&plan_->factor), sizeof plan_->factor);
  put_u32(out, plan_->min);
  put_u32(out, plan_->est);
  put_u32(out, plan_->max);
  put_u32(out, uint32_t(plan_->terms.size()));
  for (const auto& t : plan_->terms) {
    put_u32(out, uint32_t(t.size()));
    out += t;
  }
  return out;
}

Bm25Leaf* Bm25Leaf::unserialise(const std::string& in) const {
  auto plan = std::make_shared<LeafPlan>();
  if (in.size() < 1 + sizeof plan->factor) throw Xapian::SerialisationError("Bm25Leaf: truncated");
  plan->synonym = in[0] == '1';
  std::memcpy(&plan->factor, in.data() + 1, sizeof plan->factor);
  size_t at = 1 + sizeof plan->factor;
  plan->min = get_u32(in, at);
  plan->est = get_u32(in, at);
  plan->max = get_u32(in, at);
  for (uint32_t n = get_u32(in, at); n > 0; --n) {
    const uint32_t size = get_u32(in, at);
    if (at + size > in.size()) throw Xapian::SerialisationError("Bm25Leaf: truncated");
    plan->terms.emplace_back(in, at, size);
    at += size;
  }
  return new Bm25Leaf(std::move(plan), lengths_);
}

std::string Bm25Leaf::get_description() const {
  std::string d = plan_->synonym ? "Bm25Leaf(SYNONYM" : "Bm25Leaf(";
  for (const auto& t : plan_->terms) d += " " + t;
  return d + " * " + std::to_string(plan_->factor) + ")";
}

Xapian::Query leaf_query(LeafPlan plan, std::shared_ptr<const DocumentLengths> lengths) {
  return Xapian::Query((new Bm25Leaf(std::make_shared<const LeafPlan>(std::move(plan)), std::move(lengths)))->release());
}

void register_leaves(Xapian::Registry& registry, std::shared_ptr<const DocumentLengths> lengths) {
  registry.register_posting_source(Bm25Leaf(std::make_shared<const LeafPlan>(), std::move(lengths)));
}

}  // namespace madoguchi
