#include "dictionary_cache.h"

#include <map>
#include <mutex>

namespace madoguchi {

Result<std::shared_ptr<const Dictionary>> shared_dictionary(const AnalyzerOptions& options) {
  static std::mutex mutex;  // guards cache
  static std::map<std::string, std::weak_ptr<const Dictionary>> cache;
  const std::string key = options.profile + "\n" + options.dictionary_dir;
  std::lock_guard lock(mutex);
  if (auto alive = cache[key].lock()) return alive;
  auto opened = Dictionary::open(options);
  if (opened) cache[key] = *opened;
  return opened;
}

}  // namespace madoguchi
