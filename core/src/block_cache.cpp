#include "block_cache.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#if MADOGUCHI_BLOCK_CACHE_SERVES_READS
#include <dlfcn.h>
#endif

namespace madoguchi {
namespace {

thread_local BlockCache* active_cache = nullptr;

#if MADOGUCHI_BLOCK_CACHE_SERVES_READS
// The C library's pread, which the definitions at the end of this file stand in front of.
ssize_t libc_pread(int fd, void* buf, size_t size, off64_t offset) {
  using Pread = ssize_t (*)(int, void*, size_t, off64_t);
  static const Pread next = [] {
    auto found = reinterpret_cast<Pread>(dlsym(RTLD_NEXT, "pread64"));
    if (!found) {
      std::fputs("madoguchi: the C library's pread64 was not found\n", stderr);
      std::abort();
    }
    return found;
  }();
  return next(fd, buf, size, offset);
}

ssize_t cached_pread(int fd, void* buf, size_t size, off64_t offset) {
  BlockCache* cache = BlockCache::active();
  if (!cache || !BlockCache::cacheable(size, off_t(offset))) return libc_pread(fd, buf, size, offset);
  if (cache->copy_out(fd, off_t(offset), buf, size)) return ssize_t(size);
  const ssize_t got = libc_pread(fd, buf, size, offset);
  if (got == ssize_t(size)) cache->keep(fd, off_t(offset), buf, size);
  return got;
}
#endif

}  // namespace

bool BlockCache::serves_reads() { return MADOGUCHI_BLOCK_CACHE_SERVES_READS; }

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
  if (newer_bytes_ + block.size() > max_generation_bytes_) {
    older_ = std::move(newer_);
    newer_ = Generation();
    newer_bytes_ = 0;
  }
  newer_bytes_ += block.size();
  auto [it, inserted] = newer_.try_emplace(key, std::move(block));
  if (!inserted) {
    newer_bytes_ -= it->second.size();
    it->second = std::move(block);
  }
}

}  // namespace madoguchi

#if MADOGUCHI_BLOCK_CACHE_SERVES_READS
// The process's pread: libxapian's calls bind here (block_cache.h says why and when it caches).
extern "C" ssize_t pread(int fd, void* buf, size_t size, off_t offset) {
  return madoguchi::cached_pread(fd, buf, size, offset);
}
extern "C" ssize_t pread64(int fd, void* buf, size_t size, off64_t offset) {
  return madoguchi::cached_pread(fd, buf, size, offset);
}
#endif
