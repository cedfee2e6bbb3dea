#include "sharded_build.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <xapian.h>

#include "core_count.h"

namespace madoguchi {
namespace {

// The bytes a job's analysis and document grow with: splits the jobs into runs of about equal
// work, so that no shard is left running alone at the end.
size_t weight(const DocumentJob& job) {
  const EntryVersion& v = *job.group->versions[job.self];
  return 256 + v.title.size() + v.body.size();
}

// Where runs start: bounds[n] .. bounds[n + 1] for shard n, of about equal weight.
std::vector<size_t> split(const std::vector<DocumentJob>& jobs, unsigned shards) {
  size_t total = 0;
  for (const auto& job : jobs) total += weight(job);
  std::vector<size_t> bounds{0};
  size_t sum = 0;
  for (size_t k = 0; k < jobs.size() && bounds.size() < shards; ++k) {
    sum += weight(jobs[k]);
    if (sum * shards >= total * bounds.size()) bounds.push_back(k + 1);
  }
  while (bounds.size() <= shards) bounds.push_back(jobs.size());
  return bounds;
}

// Writes jobs [from, to) into a new database at `dir`, analyzing on this thread (each shard has a
// core). Durability is not needed: the shard is read once, by the compactor, in this process.
void write_shard(std::shared_ptr<const Dictionary> dictionary, const std::vector<DocumentJob>& jobs, size_t from,
                 size_t to, const std::string& dir) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  Analyzer analyzer(dictionary);
  for (size_t k = from; k < to; ++k) {
    Xapian::Document doc;
    build_document(analyzer, jobs[k], doc);
    db.add_document(doc);
  }
  db.commit();
  db.close();
}

}  // namespace

unsigned shards_for(size_t jobs, unsigned requested) {
  const unsigned wanted = requested ? requested : std::min(core_count(), kMaxAutoShards);
  return unsigned(std::max<size_t>(1, std::min<size_t>(wanted, jobs)));
}

std::string shard_dir(const std::string& out_dir, unsigned n) { return out_dir + ".shard-" + std::to_string(n); }

void build_sharded(std::shared_ptr<const Dictionary> dictionary, const std::vector<DocumentJob>& jobs,
                   const std::string& out_dir, unsigned shards) {
  namespace fs = std::filesystem;
  struct RemoveShards {
    const std::string& out_dir;
    unsigned shards;
    ~RemoveShards() {
      std::error_code ec;
      for (unsigned n = 0; n < shards; ++n) fs::remove_all(shard_dir(out_dir, n), ec);
    }
  } remove_shards{out_dir, shards};

  const std::vector<size_t> bounds = split(jobs, shards);
  std::vector<std::exception_ptr> errors(shards);
  std::vector<std::thread> threads;
  for (unsigned n = 0; n < shards; ++n)
    threads.emplace_back([&, n] {
      try {
        write_shard(dictionary, jobs, bounds[n], bounds[n + 1], shard_dir(out_dir, n));
      } catch (...) {
        errors[n] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);

  Xapian::Database all;
  for (unsigned n = 0; n < shards; ++n) all.add_database(Xapian::Database(shard_dir(out_dir, n)));
  all.compact(out_dir);  // renumbers: shard n's documents follow shard n - 1's
}

}  // namespace madoguchi
