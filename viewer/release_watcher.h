// Following releases (issue 4, DESIGN §7): a thread with its own ReleaseLog checks about once a
// second whether a new release was published (reopen, or open anew for a re-copied replica or a
// dropped remote connection) and whether the date changed, and wakes the UI only when something
// the seat shows changed. The same thread answers the changes panel's and the history view's
// questions (word diffs take MeCab time; searches never wait behind them).
//
// Two implementations of ReleaseService, like SearchService:
//  - ReleaseWatcher: the thread (the viewer).
//  - InlineReleaseService: checks when the caller says poll(), answers jobs at submit (tests).
//
// Thread rule: submit(), drain() and poll() from one thread (the UI thread). ReleaseWatcher's
// own thread owns its ReleaseLog.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <ctime>
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
#include "madoguchi/status.h"

namespace madoguchi::viewer {

// A new release (or several) reached the seat: what the banner says.
struct ReleaseArrival {
  int from = 0;         // the release the seat had before
  ReleaseInfo release;  // the newest one
  // Entries changed from `from` to release.number: the release record's counts when exactly one
  // release arrived, else counted from ReleaseLog::changes().
  int added = 0;
  int changed = 0;
  int withdrawn = 0;
};

// What the last check found. Sent to the UI when something visible changed.
struct WatchReport {
  bool ok = false;                     // the last check read the database
  std::string error;                   // why not (when !ok)
  std::optional<ReleaseInfo> release;  // the latest release seen (kept from the last good check)
  double last_ok = 0;                  // the watcher's clock (monotonic seconds) at the last good check; 0 = never
  std::time_t last_ok_wall = 0;        // the same moment, wall time (status bar)
  Date today;                          // from the Clock, at this check
  std::optional<ReleaseArrival> arrival;  // set when the release number changed since the previous report
};

struct ChangesJob {
  uint64_t generation = 0;
  int from = 0;  // the acknowledged release
  int to = 0;    // the current release
};

struct ChangesReply {
  uint64_t generation = 0;
  int from = 0;
  int to = 0;
  Result<ReleaseDiff> diff = Status::internal("no diff");
};

struct HistoryJob {
  uint64_t generation = 0;
  std::string id;
};

struct HistoryReply {
  uint64_t generation = 0;
  std::string id;
  Result<EntryHistory> history = Status::internal("no history");
};

using ReleaseReply = std::variant<WatchReport, ChangesReply, HistoryReply>;

class ReleaseService {
 public:
  virtual ~ReleaseService() = default;
  virtual void submit(ChangesJob job) = 0;
  virtual void submit(HistoryJob job) = 0;
  // Reports and replies since the last call, oldest first.
  virtual std::vector<ReleaseReply> drain() = 0;
};

struct WatchOptions {
  double interval_seconds = 1.0;  // between checks
  std::function<double()> now;    // monotonic seconds; default steady_clock (share the ViewModel's)
  std::function<std::time_t()> wall;  // default std::time(nullptr)
};

// One check at a time, on whichever thread owns it: the state both services share.
class ReleaseProbe {
 public:
  ReleaseProbe(std::string db_dir, Clock clock, WatchOptions options);
  ~ReleaseProbe();
  // Checks the database and the date. Returns a report when the seat should redraw: the first
  // check, a new release, a new date, a check failing or working again, or the minute of the last
  // good check moving on (the status bar shows it as HH:MM).
  std::optional<WatchReport> check();
  // The ReleaseLog (opened on first use); nullptr with `error` set when it cannot be opened.
  ReleaseLog* log(std::string* error = nullptr);
  ChangesReply run(const ChangesJob& job);
  HistoryReply run(const HistoryJob& job);
  const WatchOptions& options() const { return options_; }

 private:
  const std::string db_dir_;
  const Clock clock_;
  WatchOptions options_;
  std::unique_ptr<ReleaseLog> log_;
  std::optional<WatchReport> last_;  // as last reported
  WatchReport current_;
};

class InlineReleaseService final : public ReleaseService {
 public:
  InlineReleaseService(const std::string& db_dir, const Clock& clock, WatchOptions options = {});
  // Runs one check now; true when it queued a report.
  bool poll();
  void submit(ChangesJob job) override { replies_.push_back(probe_.run(job)); }
  void submit(HistoryJob job) override { replies_.push_back(probe_.run(job)); }
  std::vector<ReleaseReply> drain() override { return std::exchange(replies_, {}); }

 private:
  ReleaseProbe probe_;
  std::vector<ReleaseReply> replies_;
};

class ReleaseWatcher final : public ReleaseService {
 public:
  // Starts the thread; its first check runs at once. `wake` is called on the watcher thread
  // after each report or reply is queued; it must be thread-safe.
  ReleaseWatcher(std::string db_dir, Clock clock, WatchOptions options, std::function<void()> wake);
  ~ReleaseWatcher() override;  // finishes the check or job in progress, joins
  ReleaseWatcher(const ReleaseWatcher&) = delete;
  ReleaseWatcher& operator=(const ReleaseWatcher&) = delete;

  void submit(ChangesJob job) override;
  void submit(HistoryJob job) override;
  std::vector<ReleaseReply> drain() override;

 private:
  void run();

  const std::function<void()> wake_;
  ReleaseProbe probe_;  // used by the thread only

  std::mutex mu_;
  std::condition_variable cv_;            // signalled on submit and stop
  std::optional<ChangesJob> changes_;     // GUARDED_BY(mu_): newest only
  std::optional<HistoryJob> history_;     // GUARDED_BY(mu_): newest only
  std::vector<ReleaseReply> replies_;     // GUARDED_BY(mu_)
  bool stop_ = false;                     // GUARDED_BY(mu_)

  std::thread thread_;  // last: starts after every member above is ready
};

}  // namespace madoguchi::viewer
