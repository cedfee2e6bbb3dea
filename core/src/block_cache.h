// Xapian's blocks kept in memory while a Searcher reads them (issue 6).
//
// Why: Xapian 1.4's glass backend reads every B-tree block with pread(2) and keeps no cache of
// its own beyond each cursor's path. A keystroke at 100k entries makes about 280 such reads, of
// about 120 distinct blocks, and most blocks come back keystroke after keystroke; on a
// paravirtualised machine each read is a ~2 µs kernel entry (docs/performance.md, "A new
// machine: every block read is a system call").
//
// How: block_cache.cpp defines pread() and pread64() for the process (64-bit Linux with glibc),
// and the dynamic linker binds libxapian's calls to them: an executable's definitions come first.
// They serve from a BlockCache only on a thread inside a BlockCache::Scope, and only reads of a
// whole aligned block (a power of two from 2 to 64 KiB); every other call, and every call on any
// other thread, makes the system call as the C library would. A Searcher opens a Scope around its
// search, whose only reads of whole blocks are its own Databases' (MeCab maps its dictionary,
// the search log writes on its own thread). On other platforms nothing feeds the cache
// (serves_reads()). Sanitizer runtimes (clang's linked in, GCC's libasan loaded first) have their
// pread interceptor replaced too: they no longer check libxapian's pread buffers.
//
// Why it stays right:
// - Entries are keyed by descriptor and offset. The owner clears the cache whenever it opens
//   or reopens one of the Databases it reads through the cache, or a read or reopen fails, so a
//   descriptor number never outlives the file it named, no block of an older revision is served
//   after a reopen, and a block torn by a writer is not kept past the error it caused. (Closing
//   a Database happens only in those events or with the owner.)
// - Between reopens, a block read once is the block of the revision the reader is at: glass
//   never rewrites a live revision's block in place, and a block a writer reused afterwards
//   reaches the reader either from the cache (the old revision's content, which is what it
//   wanted) or from the file (newer content, which Xapian detects by the block's revision and
//   reports as DatabaseModifiedError, whereupon the owner reopens and clears).
// - Data is copied, not mapped: a file truncated under the reader cannot raise SIGBUS.
//
// Memory: at most `max_bytes` of blocks, in two generations of half each; a hit in the older
// moves the block to the newer, and when the newer fills, the older is dropped.
//
// Thread rule: lookups and inserts may come from several threads at once (the split match's
// two halves); clear() only between searches or from inside the owner's own Scope.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <unordered_map>

// ELF interposition with 64-bit offsets: 64-bit Linux with glibc (macOS binds each library's
// calls to the library it named).
#if defined(__linux__) && defined(__GLIBC__) && defined(__LP64__)
#define MADOGUCHI_BLOCK_CACHE_SERVES_READS 1
#else
#define MADOGUCHI_BLOCK_CACHE_SERVES_READS 0
#endif

namespace madoguchi {

class BlockCache {
 public:
  explicit BlockCache(size_t max_bytes) : max_generation_bytes_(max_bytes / 2) {}
  BlockCache(const BlockCache&) = delete;
  BlockCache& operator=(const BlockCache&) = delete;

  // Whether this platform's reads go through the cache at all.
  static bool serves_reads();

  void clear();

  // While a Scope lives, this thread's block reads go through `cache` (nullptr: none).
  class Scope {
   public:
    explicit Scope(BlockCache* cache);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    BlockCache* outer_;
  };

  // The cache this thread's reads go through, if any.
  static BlockCache* active();

  // A read the cache keeps: a whole block of glass's sizes (2 to 64 KiB), at a block boundary.
  static bool cacheable(size_t size, off_t offset);

  // Copies the block at (fd, offset) into `out` if held; false if not.
  bool copy_out(int fd, off_t offset, void* out, size_t size);
  void keep(int fd, off_t offset, const void* data, size_t size);

  size_t hits() const;  // for tests and measurements
  size_t misses() const;

 private:
  struct Key {
    int fd;
    off_t offset;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return std::hash<int64_t>()(int64_t(k.offset) * 1031 + k.fd); }
  };
  using Generation = std::unordered_map<Key, std::string, KeyHash>;
  void insert_locked(const Key& key, std::string block);

  const size_t max_generation_bytes_;
  mutable std::mutex mu_;
  Generation newer_, older_;  // GUARDED_BY(mu_)
  size_t newer_bytes_ = 0;    // GUARDED_BY(mu_)
  size_t hits_ = 0, misses_ = 0;  // GUARDED_BY(mu_)
};

}  // namespace madoguchi
