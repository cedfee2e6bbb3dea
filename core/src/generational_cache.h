// A bounded map that forgets what has not been used lately, a generation at a time: new entries
// go into the current generation; when it is full it becomes the old one and the old one is
// dropped; an entry found in the old generation moves back into the current one.
//
// Why: the searcher's caches of decoded hits and of analysed snippet regions were emptied whole
// when full, and the next keystrokes, which mostly show the same hits, paid for all of them again
// (at 100k entries a quarter of the snippet analyses redid text analysed a few keystrokes before).
//
// Values do not move while they are in the cache (node-based storage), so a reference from find()
// or put() stays valid until the entry is dropped: at the earliest after `per_generation` more
// entries have been put or moved back.
//
// Thread rule: one owner; not thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>
#include <utility>

namespace madoguchi {

template <class Key, class Value, class Hash = std::hash<Key>>
class GenerationalCache {
 public:
  explicit GenerationalCache(size_t per_generation) : per_generation_(per_generation) {}

  bool contains(const Key& key) const { return current_.count(key) || old_.count(key); }

  // The entry for `key`, moved into the current generation if it was in the old one; null if none.
  Value* find(const Key& key) {
    if (auto it = current_.find(key); it != current_.end()) return &it->second;
    auto node = old_.extract(key);
    if (node.empty()) return nullptr;
    make_room(1);
    return &current_.insert(std::move(node)).position->second;
  }

  Value& put(Key key, Value value) {
    if (Value* known = find(key)) return *known = std::move(value);
    make_room(1);
    return current_.emplace(std::move(key), std::move(value)).first->second;
  }

  // Makes room for `count` more entries in the current generation, so that everything found or
  // put from now on stays until `count` entries have been (at most `per_generation`).
  void make_room(size_t count) {
    if (current_.size() + count <= per_generation_) return;
    old_ = std::move(current_);
    current_.clear();
  }

  void clear() {
    current_.clear();
    old_.clear();
  }

 private:
  size_t per_generation_;
  std::unordered_map<Key, Value, Hash> current_, old_;
};

}  // namespace madoguchi
