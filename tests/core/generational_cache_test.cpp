// The searcher's bounded caches (core/src/generational_cache.h): what was used lately stays when
// the cache fills, what was not is forgotten, and an entry does not move while it is kept.
#include <catch2/catch.hpp>
#include <string>

#include "generational_cache.h"

using namespace madoguchi;

TEST_CASE("a generational cache keeps what was used lately and forgets the rest", "[searcher][cache]") {
  GenerationalCache<int, std::string> cache(3);
  cache.put(1, "one");
  cache.put(2, "two");
  cache.put(3, "three");
  cache.put(4, "four");  // the first three become the old generation
  CHECK(cache.contains(1));
  const std::string* one = cache.find(1);  // used again: back into the current generation
  REQUIRE(one != nullptr);
  CHECK(*one == "one");
  cache.put(5, "five");
  cache.put(6, "six");  // current full (4, 1, 5): it becomes old, 2 and 3 are dropped
  CHECK_FALSE(cache.contains(2));
  CHECK_FALSE(cache.contains(3));
  CHECK(cache.find(2) == nullptr);
  CHECK(cache.find(1) == one);  // the same value, not a copy
  CHECK(cache.contains(4));
  CHECK(cache.contains(6));
}

TEST_CASE("room made before a page of lookups keeps every entry found or put in it", "[searcher][cache]") {
  GenerationalCache<int, int> cache(4);
  for (int i = 0; i < 4; ++i) cache.put(i, i);
  cache.make_room(3);  // the page will need three: the full generation becomes old now
  const int* zero = cache.find(0);
  cache.put(10, 10);
  const int* three = cache.find(3);
  REQUIRE(zero != nullptr);
  REQUIRE(three != nullptr);
  CHECK(cache.contains(0));
  CHECK(cache.contains(10));
  CHECK(*zero == 0);
  CHECK(*three == 3);
  cache.clear();
  CHECK_FALSE(cache.contains(0));
  CHECK(cache.find(3) == nullptr);
}
