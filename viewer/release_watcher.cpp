#include "release_watcher.h"

#include <chrono>

namespace madoguchi::viewer {
namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::time_t wall_now() { return std::time(nullptr); }

}  // namespace

ReleaseProbe::ReleaseProbe(std::string db_dir, Clock clock, WatchOptions options)
    : db_dir_(std::move(db_dir)), clock_(clock), options_(std::move(options)) {
  if (!options_.now) options_.now = steady_seconds;
  if (!options_.wall) options_.wall = wall_now;
}

ReleaseProbe::~ReleaseProbe() = default;

ReleaseLog* ReleaseProbe::log(std::string* error) {
  if (log_) return log_.get();
  auto opened = ReleaseLog::open(db_dir_);
  if (!opened) {
    if (error) *error = opened.status().to_string();
    return nullptr;
  }
  log_ = std::move(*opened);
  return log_.get();
}

std::optional<WatchReport> ReleaseProbe::check() {
  WatchReport r = current_;
  r.arrival.reset();
  r.today = clock_.today();
  std::string error;
  if (ReleaseLog* rl = log(&error)) {
    auto latest = rl->check();
    if (latest) {
      r.ok = true;
      r.error.clear();
      r.release = *latest;
      r.last_ok = options_.now();
      r.last_ok_wall = options_.wall();
    } else {
      r.ok = false;
      r.error = latest.status().to_string();
      // A remote that went away or a replica re-copied under us: open anew next time.
      log_.reset();
    }
  } else {
    r.ok = false;
    r.error = error;
  }

  const int before = current_.release ? current_.release->number : 0;
  const int after = r.release ? r.release->number : 0;
  if (last_ && r.ok && after != before) {
    ReleaseArrival a;
    a.from = before;
    a.release = *r.release;
    if (after == before + 1) {
      a.added = r.release->added;
      a.changed = r.release->changed;
      a.withdrawn = r.release->withdrawn;
    } else if (auto diff = log_->changes(before, after)) {  // several at once: count what changed overall
      for (const EntryChange& e : diff->entries) {
        if (e.kind == ChangeKind::kAdded) ++a.added;
        else if (e.kind == ChangeKind::kWithdrawn) ++a.withdrawn;
        else ++a.changed;
      }
    } else {
      a.added = r.release->added;
      a.changed = r.release->changed;
      a.withdrawn = r.release->withdrawn;
    }
    r.arrival = a;
  }
  current_ = r;

  const bool visible = !last_ || r.arrival || r.ok != last_->ok || r.today != last_->today ||
                       r.error != last_->error || (r.ok && r.last_ok_wall / 60 != last_->last_ok_wall / 60);
  if (!visible) return std::nullopt;
  last_ = r;
  return r;
}

ChangesReply ReleaseProbe::run(const ChangesJob& job) {
  ChangesReply reply{job.generation, job.from, job.to, Status::internal("")};
  std::string error;
  if (ReleaseLog* rl = log(&error)) reply.diff = rl->changes(job.from, job.to);
  else reply.diff = Status::io_error(error);
  return reply;
}

HistoryReply ReleaseProbe::run(const HistoryJob& job) {
  HistoryReply reply{job.generation, job.id, Status::internal("")};
  std::string error;
  if (ReleaseLog* rl = log(&error)) {
    rl->refresh();  // the history of an entry the operator has just seen change
    reply.history = rl->history(job.id);
  } else {
    reply.history = Status::io_error(error);
  }
  return reply;
}

// ---------------------------------------------------------------------------------------------

InlineReleaseService::InlineReleaseService(const std::string& db_dir, const Clock& clock, WatchOptions options)
    : probe_(db_dir, clock, std::move(options)) {}

bool InlineReleaseService::poll() {
  auto report = probe_.check();
  if (report) replies_.push_back(std::move(*report));
  return report.has_value();
}

// ---------------------------------------------------------------------------------------------

ReleaseWatcher::ReleaseWatcher(std::string db_dir, Clock clock, WatchOptions options, std::function<void()> wake)
    : wake_(std::move(wake)), probe_(std::move(db_dir), clock, std::move(options)), thread_([this] { run(); }) {}

ReleaseWatcher::~ReleaseWatcher() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ReleaseWatcher::submit(ChangesJob job) {
  {
    std::lock_guard lock(mu_);
    changes_ = std::move(job);
  }
  cv_.notify_one();
}

void ReleaseWatcher::submit(HistoryJob job) {
  {
    std::lock_guard lock(mu_);
    history_ = std::move(job);
  }
  cv_.notify_one();
}

std::vector<ReleaseReply> ReleaseWatcher::drain() {
  std::lock_guard lock(mu_);
  return std::exchange(replies_, {});
}

void ReleaseWatcher::run() {
  const auto interval = std::chrono::duration<double>(probe_.options().interval_seconds);
  auto next_check = std::chrono::steady_clock::now();
  for (;;) {
    std::optional<ChangesJob> changes;
    std::optional<HistoryJob> history;
    {
      std::unique_lock lock(mu_);
      cv_.wait_until(lock, next_check, [&] { return stop_ || changes_ || history_; });
      if (stop_) return;
      if (history_) history = std::exchange(history_, std::nullopt);  // the operator asked: first
      else if (changes_) changes = std::exchange(changes_, std::nullopt);
    }
    auto deliver = [this](ReleaseReply reply) {
      std::lock_guard lock(mu_);
      replies_.push_back(std::move(reply));
    };
    if (history) {
      deliver(probe_.run(*history));
    } else if (changes) {
      deliver(probe_.run(*changes));
    } else {
      next_check = std::chrono::steady_clock::now() +
                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
      auto report = probe_.check();
      if (!report) continue;
      deliver(std::move(*report));
    }
    if (wake_) wake_();
  }
}

}  // namespace madoguchi::viewer
