// Where searches run. The view model submits jobs and later drains replies; it never calls a
// Searcher itself. Two implementations:
//  - SearchWorker: a background thread with its own Searcher (the viewer). The newest job of each
//    kind replaces an older one still waiting, so a fast typist never queues stale searches; each
//    reply wakes the UI through the `wake` callback (glfwPostEmptyEvent).
//  - InlineSearchService: runs each job on the caller's thread at submit (tests, benchmarks).
//
// Thread rule: submit() and drain() are called from one thread (the UI thread). SearchWorker's
// own thread owns its Searcher.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/releases.h"
#include "madoguchi/searcher.h"
#include "madoguchi/status.h"

namespace madoguchi::viewer {

struct SearchJob {
  uint64_t generation = 0;  // echoed in the reply: the model drops replies older than its newest
  SearchRequest request;
  // `request.snippet_hits` covers the first page only: once no newer search is waiting, the same
  // search is answered again with every snippet (a second reply, `completes` set). The page the
  // operator sees comes first; the rest of the list costs nothing while keys are still coming.
  bool snippets_after = false;
};

struct ShowJob {
  uint64_t generation = 0;
  std::string id;
  std::optional<Date> as_of;
};

struct OpenReply {
  Status status;  // ok when the index opened
  std::string db_dir;
  int entry_count = 0;
  std::string charset;  // every character the corpus uses (glyphs to bake)
  std::vector<std::string> categories;  // for the category filter (F2)
  std::optional<ReleaseInfo> release;  // the published release, nullopt for a local index
  double took_ms = 0;
};

struct SearchReply {
  uint64_t generation = 0;
  Result<SearchResult> result = Status::internal("no result");
  int entry_count = 0;  // after refreshing to the newest committed revision
  std::optional<ReleaseInfo> release;
  std::optional<std::string> charset;  // set when the search moved to a newer revision
  std::optional<std::vector<std::string>> categories;  // likewise
  bool completes = false;  // the same search with every snippet (SearchJob::snippets_after)
};

struct ShowReply {
  uint64_t generation = 0;
  Result<EntryDetail> detail = Status::internal("no detail");
};

using Reply = std::variant<OpenReply, SearchReply, ShowReply>;

class SearchService {
 public:
  virtual ~SearchService() = default;
  virtual void submit(SearchJob job) = 0;
  virtual void submit(ShowJob job) = 0;
  // Replies that arrived since the last call, oldest first.
  virtual std::vector<Reply> drain() = 0;
  // True while a submitted job has not been answered yet.
  virtual bool busy() const = 0;
};

class InlineSearchService final : public SearchService {
 public:
  // Opens the index at once; the OpenReply is the first reply drained.
  InlineSearchService(const std::string& db_dir, const Clock& clock, SearcherOptions options = {});
  void submit(SearchJob job) override;
  void submit(ShowJob job) override;
  std::vector<Reply> drain() override;
  bool busy() const override { return false; }

 private:
  bool opened();

  std::string db_dir_;
  Clock clock_;
  SearcherOptions options_;
  std::unique_ptr<Searcher> searcher_;
  std::vector<Reply> replies_;
};

class SearchWorker final : public SearchService {
 public:
  // Starts the thread, which opens the index and replies with an OpenReply. `wake` is called on
  // the worker thread after each reply is queued; it must be thread-safe.
  SearchWorker(std::string db_dir, Clock clock, SearcherOptions options, std::function<void()> wake);
  ~SearchWorker() override;  // finishes the job in progress (if any), drops waiting ones, joins
  SearchWorker(const SearchWorker&) = delete;
  SearchWorker& operator=(const SearchWorker&) = delete;

  void submit(SearchJob job) override;
  void submit(ShowJob job) override;
  std::vector<Reply> drain() override;
  bool busy() const override;

 private:
  void run();

  const std::string db_dir_;
  const Clock clock_;
  const SearcherOptions options_;
  const std::function<void()> wake_;

  mutable std::mutex mu_;
  std::condition_variable cv_;          // signalled on submit and stop
  std::optional<SearchJob> search_;     // GUARDED_BY(mu_): waiting search (newest only)
  std::optional<ShowJob> show_;         // GUARDED_BY(mu_): waiting show (newest only)
  std::vector<Reply> replies_;          // GUARDED_BY(mu_)
  std::optional<SearchJob> completion_;  // GUARDED_BY(mu_): a search still owing its other snippets
  int running_ = 0;                     // GUARDED_BY(mu_): jobs taken but not yet answered
  bool opening_ = true;                 // GUARDED_BY(mu_)
  bool stop_ = false;                   // GUARDED_BY(mu_)

  std::thread thread_;  // last: starts after every member above is ready
};

// Runs one job against a Searcher (shared by both services).
SearchReply run_search(Searcher& searcher, const SearchJob& job);
// The second reply of a job with `snippets_after`: the same search, same revision, every snippet.
SearchReply complete_snippets(Searcher& searcher, const SearchJob& job);
ShowReply run_show(Searcher& searcher, const ShowJob& job);
OpenReply open_index(const std::string& db_dir, const Clock& clock, SearcherOptions options,
                     std::unique_ptr<Searcher>& out);

}  // namespace madoguchi::viewer
