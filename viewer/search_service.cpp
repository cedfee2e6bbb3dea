#include "search_service.h"

#include <chrono>

namespace madoguchi::viewer {

namespace {
constexpr std::chrono::seconds kOpenRetry{2};
}  // namespace

OpenReply open_index(const std::string& db_dir, const Clock& clock, SearcherOptions options,
                     std::unique_ptr<Searcher>& out) {
  const auto started = std::chrono::steady_clock::now();
  OpenReply reply;
  reply.db_dir = db_dir;
  auto searcher = Searcher::open(db_dir, clock, options);
  if (!searcher) {
    reply.status = searcher.status();
  } else {
    out = std::move(*searcher);
    reply.entry_count = out->entry_count();
    reply.charset = out->charset();
    reply.categories = out->categories();
    reply.release = out->release();
  }
  reply.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return reply;
}

SearchReply run_search(Searcher& searcher, const SearchJob& job) {
  const bool moved = searcher.refresh();  // a newly committed index is picked up by the next keystroke
  SearchReply reply{job.generation, searcher.search(job.request), searcher.entry_count(), searcher.release()};
  if (moved) {  // a release may bring characters the glyphs lack, and categories
    reply.charset = searcher.charset();
    reply.categories = searcher.categories();
  }
  return reply;
}

SearchReply complete_snippets(Searcher& searcher, const SearchJob& job) {
  SearchRequest request = job.request;
  request.snippet_hits = -1;  // no refresh first: the same revision gives the same hits (match memo)
  SearchReply reply{job.generation, searcher.search(request), searcher.entry_count(), searcher.release()};
  reply.completes = true;
  return reply;
}

ShowReply run_show(Searcher& searcher, const ShowJob& job) {
  return ShowReply{job.generation, searcher.show(job.id, job.as_of)};
}

// ---------------------------------------------------------------------------------------------

InlineSearchService::InlineSearchService(const std::string& db_dir, const Clock& clock, SearcherOptions options)
    : db_dir_(db_dir), clock_(clock), options_(options) {
  replies_.push_back(open_index(db_dir, clock, options, searcher_));
}

// An index that did not open is tried again when asked for (a first publish to an empty folder,
// a server back up), so that a seat recovers without a restart.
bool InlineSearchService::opened() {
  if (!searcher_) {
    OpenReply reply = open_index(db_dir_, clock_, options_, searcher_);
    if (searcher_) replies_.push_back(std::move(reply));
  }
  return searcher_ != nullptr;
}

void InlineSearchService::submit(SearchJob job) {
  if (!opened()) return;
  replies_.push_back(run_search(*searcher_, job));
  if (job.snippets_after) replies_.push_back(complete_snippets(*searcher_, job));
}

void InlineSearchService::submit(ShowJob job) {
  if (opened()) replies_.push_back(run_show(*searcher_, job));
}

std::vector<Reply> InlineSearchService::drain() { return std::exchange(replies_, {}); }

// ---------------------------------------------------------------------------------------------

SearchWorker::SearchWorker(std::string db_dir, Clock clock, SearcherOptions options, std::function<void()> wake)
    : db_dir_(std::move(db_dir)),
      clock_(clock),
      options_(options),
      wake_(std::move(wake)),
      thread_([this] { run(); }) {}

SearchWorker::~SearchWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void SearchWorker::submit(SearchJob job) {
  {
    std::lock_guard lock(mu_);
    search_ = std::move(job);  // newest wins: a waiting older search is dropped unanswered
  }
  cv_.notify_one();
}

void SearchWorker::submit(ShowJob job) {
  {
    std::lock_guard lock(mu_);
    show_ = std::move(job);
  }
  cv_.notify_one();
}

std::vector<Reply> SearchWorker::drain() {
  std::lock_guard lock(mu_);
  return std::exchange(replies_, {});
}

bool SearchWorker::busy() const {
  std::lock_guard lock(mu_);
  return opening_ || running_ > 0 || search_ || show_ || completion_;
}

void SearchWorker::run() {
  std::unique_ptr<Searcher> searcher;
  OpenReply opened = open_index(db_dir_, clock_, options_, searcher);
  std::string open_error = opened.status.message();
  auto next_open_attempt = std::chrono::steady_clock::now() + kOpenRetry;
  {
    std::lock_guard lock(mu_);
    replies_.push_back(std::move(opened));
    opening_ = false;
  }
  if (wake_) wake_();

  for (;;) {
    std::optional<SearchJob> search;
    std::optional<ShowJob> show;
    std::optional<SearchJob> completion;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || search_ || show_ || completion_; });
      if (stop_) return;
      // Searches first: the results list is what the operator is waiting for while typing; then
      // the detail of the selected hit; the rest of a list's snippets last (dropped when a newer
      // search came meanwhile).
      if (search_) {
        search = std::exchange(search_, std::nullopt);
        completion_.reset();
      } else if (show_) {
        show = std::exchange(show_, std::nullopt);
      } else {
        completion = std::exchange(completion_, std::nullopt);
      }
      ++running_;
    }
    Reply reply = OpenReply{};
    if (!searcher && std::chrono::steady_clock::now() >= next_open_attempt) {
      // Tried again (at most every few seconds: a remote stub may take its timeout to fail), so
      // that a seat recovers without a restart when the index appears or its server is back.
      OpenReply reopened = open_index(db_dir_, clock_, options_, searcher);
      next_open_attempt = std::chrono::steady_clock::now() + kOpenRetry;
      if (searcher) {
        std::lock_guard lock(mu_);
        replies_.push_back(std::move(reopened));
      } else {
        open_error = reopened.status.message();
      }
    }
    if (!searcher) {
      // Answer every job with the failure so nothing waits forever.
      const Status failed = Status::io_error("index is not open: " + open_error);
      if (search) reply = SearchReply{search->generation, failed, 0, std::nullopt};
      else if (show) reply = ShowReply{show->generation, failed};
      else reply = SearchReply{completion->generation, failed, 0, std::nullopt};
    } else if (search) {
      reply = run_search(*searcher, *search);
    } else if (completion) {
      reply = complete_snippets(*searcher, *completion);
    } else {
      reply = run_show(*searcher, *show);
    }
    {
      std::lock_guard lock(mu_);
      replies_.push_back(std::move(reply));
      if (searcher && search && search->snippets_after) completion_ = std::move(search);
      --running_;
    }
    if (wake_) wake_();
  }
}

}  // namespace madoguchi::viewer
