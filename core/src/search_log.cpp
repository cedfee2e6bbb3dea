#include "madoguchi/search_log.h"

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <variant>

#include "sqlite_util.h"

namespace madoguchi {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS searches(
  id INTEGER PRIMARY KEY, seat TEXT NOT NULL, time TEXT NOT NULL, query TEXT NOT NULL,
  hits INTEGER NOT NULL, reason TEXT NOT NULL, entry_id TEXT NOT NULL, release INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS feedback(
  id INTEGER PRIMARY KEY, seat TEXT NOT NULL, time TEXT NOT NULL, entry_id TEXT NOT NULL,
  query TEXT NOT NULL, note TEXT NOT NULL, release INTEGER NOT NULL);
)sql";

// Japan time, ISO 8601 with offset: reports group by the center's local day and hour.
std::string now_japan() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + 9 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+09:00", &tm);
  return buf;
}

struct Queued {
  std::string time;
  std::variant<SearchRecord, FeedbackRecord> record;
};

}  // namespace

struct SearchLog::Impl {
  std::string path;
  std::string seat;
  SqliteDb db;

  std::mutex mutex;  // guards queue, written, stop
  std::condition_variable wake;
  std::condition_variable done;
  std::deque<Queued> queue;
  unsigned long long queued = 0, written = 0;
  bool stop = false;
  std::thread writer;

  void run() {
    std::unique_lock lock(mutex);
    while (true) {
      // Batch what arrives within half a second into one transaction.
      wake.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop || !queue.empty(); });
      if (queue.empty()) {
        if (stop) return;
        continue;
      }
      std::deque<Queued> batch;
      batch.swap(queue);
      lock.unlock();
      write(batch);
      lock.lock();
      written += batch.size();
      done.notify_all();
    }
  }

  void write(const std::deque<Queued>& batch) {
    sqlite3_exec(db.get(), "BEGIN", nullptr, nullptr, nullptr);
    for (const auto& q : batch) {
      sqlite3_stmt* raw = nullptr;
      if (auto* s = std::get_if<SearchRecord>(&q.record)) {
        sqlite3_prepare_v2(db.get(),
                           "INSERT INTO searches(seat,time,query,hits,reason,entry_id,release) VALUES(?,?,?,?,?,?,?)",
                           -1, &raw, nullptr);
        SqliteStatement st(raw);
        if (!st) continue;
        const std::string masked = mask_query(s->query);
        const std::string reason(to_string(s->reason));
        sqlite3_bind_text(raw, 1, seat.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 2, q.time.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 3, masked.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(raw, 4, s->hits);
        sqlite3_bind_text(raw, 5, reason.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 6, s->entry_id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(raw, 7, s->release);
        sqlite3_step(raw);
      } else {
        const auto& f = std::get<FeedbackRecord>(q.record);
        sqlite3_prepare_v2(db.get(),
                           "INSERT INTO feedback(seat,time,entry_id,query,note,release) VALUES(?,?,?,?,?,?)", -1,
                           &raw, nullptr);
        SqliteStatement st(raw);
        if (!st) continue;
        const std::string query = mask_query(f.query), note = mask_query(f.note, 200);
        sqlite3_bind_text(raw, 1, seat.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 2, q.time.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 3, f.entry_id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 4, query.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 5, note.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(raw, 6, f.release);
        sqlite3_step(raw);
      }
    }
    sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
  }

  void push(Queued q) {
    {
      std::lock_guard lock(mutex);
      queue.push_back(std::move(q));
      ++queued;
    }
    wake.notify_one();
  }
};

SearchLog::SearchLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  impl_->writer = std::thread([this] { impl_->run(); });
}

SearchLog::~SearchLog() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stop = true;
  }
  impl_->wake.notify_one();
  impl_->writer.join();
}

Result<std::unique_ptr<SearchLog>> SearchLog::open(const std::string& path, const std::string& seat) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                           nullptr);
  SqliteDb db(raw);
  if (rc != SQLITE_OK) return sqlite_status(raw, path, "cannot open search log");
  sqlite3_busy_timeout(raw, 2000);
  if (Status s = sqlite_exec(raw, path, kSchema); !s.ok()) return s;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->seat = seat;
  impl->db = std::move(db);
  return std::unique_ptr<SearchLog>(new SearchLog(std::move(impl)));
}

void SearchLog::record(const SearchRecord& record) {
  impl_->push({record.time.empty() ? now_japan() : record.time, record});
}
void SearchLog::record(const FeedbackRecord& record) {
  impl_->push({record.time.empty() ? now_japan() : record.time, record});
}

Status SearchLog::flush() {
  std::unique_lock lock(impl_->mutex);
  const auto target = impl_->queued;
  impl_->wake.notify_one();
  if (!impl_->done.wait_for(lock, std::chrono::seconds(5), [&] { return impl_->written >= target; }))
    return Status::io_error("search log did not flush within 5 s", {impl_->path, 0});
  return Status();
}

}  // namespace madoguchi
