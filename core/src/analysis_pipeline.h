// Full builds spend most of their time analyzing text (MeCab, NFKC, term generation) while only
// one thread may write to a Xapian database: this turns entry versions into whole Xapian documents
// (terms, data, values) on worker threads, ahead of the one thread that writes them, in the order
// they were given, so that the writer only adds them (docs/performance.md, "parallel analysis",
// "Full build, fourth look").
//
// Thread rule: one AnalysisPipeline per writer; next() from the owning thread only. Each worker
// owns its Analyzer over the shared, immutable Dictionary (analyzer.h); a Xapian::Document is
// built by one worker and handed over under the mutex, never shared.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>
#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "index_document.h"

namespace madoguchi {

// The versions of one id whose documents are written, whole, with what each version's data
// records of its siblings (spans, titles).
struct VersionGroup {
  std::vector<const EntryVersion*> versions;  // oldest first: the corpus's, or `reparsed`
  // Unparsed versions read again (incremental runs); reserved for the whole group before the first
  // is added, so `versions` can point into it (a deque costs ~600 bytes even empty: +60 MB at 100k).
  std::vector<EntryVersion> reparsed;
  std::vector<VersionSpan> spans;
  std::vector<SiblingVersion> siblings;

  // Fills spans and siblings from `versions`.
  void complete();
  StoredVersion stored(size_t k) const;  // version k as its document data records it
};

// One document to build: version `self` of `group` (which must outlive the pipeline).
struct DocumentJob {
  const VersionGroup* group;
  size_t self;
};

// The whole document of a job: add_terms(), then its data and values.
void build_document(Analyzer& analyzer, const DocumentJob& job, Xapian::Document& doc);

class AnalysisPipeline {
 public:
  // Analyzes `jobs` (each must outlive the pipeline) with `threads` workers, at most `window`
  // documents ahead of next(). threads == 0 analyzes inside next() with `inline_analyzer`.
  AnalysisPipeline(std::shared_ptr<const Dictionary> dictionary, Analyzer& inline_analyzer,
                   std::vector<DocumentJob> jobs, unsigned threads, size_t window = 256);
  ~AnalysisPipeline();  // stops the workers and joins them (also after an early return)
  AnalysisPipeline(const AnalysisPipeline&) = delete;
  AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

  // The document (build_document()) of the next job, in order. REQUIRES: a job is left.
  // Rethrows what a worker threw.
  Xapian::Document next();

  // Picks the number of workers for `jobs` versions: none for a few (an incremental run), else
  // one per hardware thread (the writer mostly waits on them).
  static unsigned threads_for(size_t jobs);

 private:
  void work(Analyzer& analyzer);

  std::vector<DocumentJob> jobs_;
  Analyzer& inline_analyzer_;
  const size_t window_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;  // one per worker
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::optional<Xapian::Document>> ready_;  // GUARDED_BY(mutex_): ring of `window_`
  size_t claimed_ = 0;                                    // GUARDED_BY(mutex_)
  size_t taken_ = 0;                                      // GUARDED_BY(mutex_)
  bool stop_ = false;                                     // GUARDED_BY(mutex_)
  std::exception_ptr error_;                              // GUARDED_BY(mutex_)
  std::vector<std::thread> workers_;
};

}  // namespace madoguchi
