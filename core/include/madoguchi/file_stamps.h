// Stat-first change detection for incremental runs (the way git's index avoids rehashing a work
// tree): what stat() said about each corpus file when its bytes were last hashed. A file whose
// size, mtime, ctime and inode are all unchanged is taken to hold the same bytes and is not read.
//
// The rule, and where it stops:
// - Every edit through the file system moves ctime to the current time, and nothing but the
//   kernel can set it back (utimensat restores mtime, not ctime); a replaced file (editors'
//   save-by-rename, git checkout) has a new inode. So an edit is seen even when the size and
//   mtime are restored.
// - Timestamps have a granularity (a few ms on ext4's clock tick; 1 or 2 s on some file
//   systems): a file changed twice within one tick, the second time after it was read, keeps its
//   stamp. A stamp is therefore recorded only for files whose mtime and ctime are older than the
//   start of the run by kRacyWindowNs; newer ("racy") files are read and hashed again next time.
// - What the check cannot see (a clock set back, a file system that does not maintain ctime, a
//   tool writing the block device): `--verify` reads and hashes every file.
//
// The stamps live in a cache file beside the Xapian tables (kStampsFile in the database
// directory), not in the index: they say nothing a search reads, any run may rewrite them, and a
// missing, stale or unreadable cache only costs the hashing it saves. They are keyed by the
// canonical corpus root, so a database fed from another checkout hashes everything.
//
// Thread rule: plain values and functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct stat;

namespace madoguchi {

struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

struct StampedFile {
  FileStamp stamp;
  uint64_t hash = 0;  // xxh64 of the bytes read while the file had `stamp`
  bool operator==(const StampedFile&) const = default;
};

// Whether `a` comes before `b` when paths are compared component by component ('/' before every
// other byte): the order the corpus walk yields files in.
bool path_less(std::string_view a, std::string_view b);

// The stamps of a corpus's files by path relative to the corpus root ('/'-separated, as
// EntryVersion::path), kept in path_less order, so that a load finds each walked file's stamp by
// stepping beside the walk (Cursor) instead of hashing 100k paths into a map.
class FileStamps {
 public:
  using Entry = std::pair<std::string, StampedFile>;

  FileStamps() = default;
  // Any order; a path given twice keeps its last stamp.
  explicit FileStamps(std::vector<Entry> entries);

  // Adds or replaces the stamp of `rel`: constant time when paths come in path_less order.
  void set(std::string rel, const StampedFile& stamp);
  const StampedFile* find(std::string_view rel) const;  // nullptr when there is none
  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void reserve(size_t n) { entries_.reserve(n); }
  bool operator==(const FileStamps&) const = default;

  // find() for paths asked in increasing path_less order, each in amortized constant time (a path
  // asked out of order is not found). `stamps` must outlive it.
  class Cursor {
   public:
    explicit Cursor(const FileStamps& stamps) : entries_(stamps.entries_) {}
    const StampedFile* find(std::string_view rel);

   private:
    const std::vector<Entry>& entries_;
    size_t at_ = 0;
  };

 private:
  std::vector<Entry> entries_;  // path_less order, no path twice
};

inline constexpr const char* kStampsFile = "madoguchi-stamps";
inline constexpr int64_t kRacyWindowNs = 2'000'000'000;

// stat() of `path` (symbolic links followed, as the loader reads them); nullopt when it fails.
std::optional<FileStamp> stamp_of(const std::string& path);

// The stamp of what `st` describes (for callers that already have a stat, e.g. from fstatat).
FileStamp stamp_from_stat(const struct stat& st);

// Whether a stamp may be kept: the file's mtime and ctime are both before `settled_before_ns`
// (normally the start of the run minus kRacyWindowNs).
bool stamp_is_settled(const FileStamp& stamp, int64_t settled_before_ns);

// CLOCK_REALTIME now, in ns since the epoch (the clock file times are set from).
int64_t wall_clock_ns();

// The stamps recorded for the corpus at `corpus_root` in the database directory `db_dir`; empty
// when there are none, they were recorded for another corpus root, or the cache is unreadable.
FileStamps load_file_stamps(const std::string& db_dir, const std::string& corpus_root);

// Replaces the cache (temporary file + rename, so a reader never sees half of it). Best effort:
// returns false and leaves the old cache when `db_dir` is not a writable directory.
bool save_file_stamps(const std::string& db_dir, const std::string& corpus_root, const FileStamps& stamps);

}  // namespace madoguchi
