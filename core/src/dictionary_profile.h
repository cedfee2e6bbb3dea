// How to read one MeCab dictionary's feature CSV: the column layout and part-of-speech names
// differ between IPADIC and UniDic (DESIGN §4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

struct DictionaryProfile {
  std::string name;
  std::string default_dir;
  int base_field;     // 原形 / 語彙素
  int reading_field;  // katakana reading of the surface
};

std::optional<DictionaryProfile> find_profile(std::string_view name);

// Splits MeCab's feature string on commas (features never contain quoted commas in these
// dictionaries, except UniDic's own quoting of surface commas, which we do not need).
std::vector<std::string_view> split_features(std::string_view feature);
// The same into `out` (cleared first), whose capacity is reused: one call per morpheme.
void split_features(std::string_view feature, std::vector<std::string_view>& out);

// What a morpheme is for indexing purposes, from its first POS columns.
enum class WordClass {
  kContent,     // index it
  kNounSuffix,  // index it, and it extends a compound
  kPrefix,      // not on its own, but it starts a compound (再|発行)
  kDrop,        // particles, auxiliary verbs, symbols, pronouns, dependent words
};
WordClass classify(std::string_view profile, const std::vector<std::string_view>& f);
bool is_noun(std::string_view profile, const std::vector<std::string_view>& f);

}  // namespace madoguchi
