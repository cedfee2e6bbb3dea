// One query term's BM25 weight in a document, computed as Xapian 1.4's BM25Weight with its default
// parameters computes it (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5; no relevance set; the term once
// in the query), operation for operation, so that the result is the same double
// (tests/core/posting_memo_test.cpp compares them over an index's postings).
//
// Why: the second stage (deferred_parts.h) weighs common single-term leaves on 50 candidates, and
// through Xapian that means a match over their whole posting lists' chunks every keystroke; with
// the weights computed here, the postings read for one keystroke are remembered for the next
// (posting_memo.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <xapian.h>

namespace madoguchi {

class Bm25Term {
 public:
  // `factor`: the leaf's OP_SCALE_WEIGHT (1 for none). `entries`, `average_length`: the
  // database's document count and average length; `frequency`: the term's.
  Bm25Term(double factor, double entries, double average_length, double frequency) {
    double tw = (entries - frequency + 0.5) / (frequency + 0.5);
    // Xapian's guard against a negative weight for a term in more than half the documents.
    if (tw < 2) tw = tw * 0.5 + 1;
    tw = std::log(tw);
    tw *= (kK3 + 1) * kWqf / (kK3 + kWqf);
    termweight_ = tw * factor;
    termweight_ *= (kK1 + 1);
    length_factor_ = average_length != 0 ? 1 / average_length : 0;
  }

  // Xapian's bound on weight() (BM25Weight::get_maxpart), which its matcher prunes by: for a wdf
  // of at most `wdf_max` in documents at least `shortest` long.
  double upper_bound(Xapian::termcount wdf_max, Xapian::termcount shortest) const {
    double denominator = kK1;
    const double normalized_length = std::max(std::max(wdf_max, shortest) * length_factor_, kMinNormalizedLength);
    denominator *= (normalized_length * kB + (1 - kB));
    denominator += wdf_max;
    return termweight_ * (wdf_max / denominator);
  }

  double weight(Xapian::termcount wdf, Xapian::termcount length) const {
    const double normalized_length = std::max(length * length_factor_, kMinNormalizedLength);
    const double wdf_double = wdf;
    const double denominator = kK1 * (normalized_length * kB + (1 - kB)) + wdf_double;
    return termweight_ * (wdf_double / denominator);
  }

 private:
  static constexpr double kK1 = 1, kK3 = 1, kB = 0.5, kMinNormalizedLength = 0.5, kWqf = 1;
  double termweight_ = 0;
  double length_factor_ = 0;
};

}  // namespace madoguchi
