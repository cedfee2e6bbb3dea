// With _FORTIFY_SOURCE, <unistd.h> defines pread as an inline wrapper, which the definitions at
// the end of this file could not replace.
#undef _FORTIFY_SOURCE

#include "block_cache.h"

#include <cstring>
#include <new>
#include <sys/syscall.h>
#include <unistd.h>

namespace madoguchi {
namespace {

thread_local BlockCache* active_cache = nullptr;

#if MADOGUCHI_BLOCK_CACHE_SERVES_READS
// The system call itself, as the C library's pread makes it (no lookup of the library's own
// symbol, which could fail).
ssize_t kernel_pread(int fd, void* buf, size_t size, off_t offset) {
  return ssize_t(syscall(SYS_pread64, fd, buf, size, offset));
}

ssize_t cached_pread(int fd, void* buf, size_t size, off_t offset) {
  BlockCache* cache = BlockCache::active();
  if (!cache || !BlockCache::cacheable(size, offset)) return kernel_pread(fd, buf, size, offset);
  // The cache is optional: out of memory, the block is read and not kept.
  try {
    if (cache->copy_out(fd, offset, buf, size)) return ssize_t(size);
  } catch (const std::bad_alloc&) {
  }
  const ssize_t got = kernel_pread(fd, buf, size, offset);
  if (got == ssize_t(size)) {
    try {
      cache->keep(fd, offset, buf, size);
    } catch (const std::bad_alloc&) {
    }
  }
  return got;
}
#endif

}  // namespace

bool BlockCache::serves_reads() { return MADOGUCHI_BLOCK_CACHE_SERVES_READS; }

size_t BlockCache::hits() const {
  std::lock_guard lock(mu_);
  return hits_;
}

size_t BlockCache::misses() const {
  std::lock_guard lock(mu_);
  return misses_;
}

void BlockCache::clear() {
  std::lock_guard lock(mu_);
  newer_.clear();
  older_.clear();
  newer_bytes_ = 0;
}

BlockCache::Scope::Scope(BlockCache* cache) : outer_(active_cache) { active_cache = cache; }
BlockCache::Scope::~Scope() { active_cache = outer_; }

BlockCache* BlockCache::active() { return active_cache; }

bool BlockCache::cacheable(size_t size, off_t offset) {
  const bool power_of_two = (size & (size - 1)) == 0;
  return power_of_two && size >= 2048 && size <= 65536 && offset >= 0 && offset % off_t(size) == 0;
}

bool BlockCache::copy_out(int fd, off_t offset, void* out, size_t size) {
  std::lock_guard lock(mu_);
  const Key key{fd, offset};
  if (auto it = newer_.find(key); it != newer_.end() && it->second.size() == size) {
    std::memcpy(out, it->second.data(), size);
    ++hits_;
    return true;
  }
  if (auto it = older_.find(key); it != older_.end() && it->second.size() == size) {
    std::memcpy(out, it->second.data(), size);
    std::string block = std::move(it->second);
    older_.erase(it);
    insert_locked(key, std::move(block));
    ++hits_;
    return true;
  }
  ++misses_;
  return false;
}

void BlockCache::keep(int fd, off_t offset, const void* data, size_t size) {
  std::string block(static_cast<const char*>(data), size);
  std::lock_guard lock(mu_);
  insert_locked({fd, offset}, std::move(block));
}

void BlockCache::insert_locked(const Key& key, std::string block) {
  const size_t size = block.size();
  if (size > max_generation_bytes_) return;  // a cache smaller than two blocks keeps none
  if (newer_bytes_ + size > max_generation_bytes_) {
    older_ = std::move(newer_);
    newer_ = Generation();
    newer_bytes_ = 0;
  }
  auto [it, inserted] = newer_.try_emplace(key, std::move(block));
  if (!inserted) {
    newer_bytes_ -= it->second.size();
    it->second = std::move(block);
  }
  newer_bytes_ += size;
}

}  // namespace madoguchi

#if MADOGUCHI_BLOCK_CACHE_SERVES_READS
// The process's pread: libxapian's calls bind here (block_cache.h says why and when it caches).
extern "C" ssize_t pread(int fd, void* buf, size_t size, off_t offset) {
  return madoguchi::cached_pread(fd, buf, size, offset);
}
extern "C" ssize_t pread64(int fd, void* buf, size_t size, off_t offset) {
  return madoguchi::cached_pread(fd, buf, size, offset);
}
#endif
