#include "dictionary_profile.h"

namespace madoguchi {

std::optional<DictionaryProfile> find_profile(std::string_view name) {
  if (name == "ipadic") return DictionaryProfile{"ipadic", "/var/lib/mecab/dic/ipadic-utf8", 6, 7};
  // unidic-mecab: lemma (語彙素) in column 7, its reading (語彙素読み) in column 6.
  if (name == "unidic") return DictionaryProfile{"unidic", "/var/lib/mecab/dic/unidic", 7, 6};
  return std::nullopt;
}

void split_features(std::string_view feature, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  while (true) {
    size_t comma = feature.find(',', start);
    if (comma == std::string_view::npos) {
      out.push_back(feature.substr(start));
      return;
    }
    out.push_back(feature.substr(start, comma - start));
    start = comma + 1;
  }
}

std::vector<std::string_view> split_features(std::string_view feature) {
  std::vector<std::string_view> out;
  split_features(feature, out);
  return out;
}

namespace {

std::string_view at(const std::vector<std::string_view>& f, size_t i) { return i < f.size() ? f[i] : ""; }

WordClass classify_ipadic(const std::vector<std::string_view>& f) {
  auto pos1 = at(f, 0), pos2 = at(f, 1);
  if (pos1 == "名詞") {
    if (pos2 == "非自立" || pos2 == "代名詞") return WordClass::kDrop;
    if (pos2 == "接尾") return WordClass::kNounSuffix;
    return WordClass::kContent;
  }
  if (pos1 == "動詞" || pos1 == "形容詞") return pos2 == "自立" ? WordClass::kContent : WordClass::kDrop;
  if (pos1 == "副詞") return WordClass::kContent;
  if (pos1 == "接頭詞") return WordClass::kPrefix;
  return WordClass::kDrop;  // 助詞 助動詞 記号 連体詞 接続詞 感動詞 フィラー その他
}

WordClass classify_unidic(const std::vector<std::string_view>& f) {
  auto pos1 = at(f, 0), pos2 = at(f, 1);
  if (pos1 == "名詞") return pos2 == "助動詞語幹" ? WordClass::kDrop : WordClass::kContent;
  if (pos1 == "接尾辞") return pos2 == "名詞的" ? WordClass::kNounSuffix : WordClass::kDrop;
  if (pos1 == "接頭辞") return WordClass::kPrefix;
  if (pos1 == "動詞" || pos1 == "形容詞") return pos2 == "非自立可能" ? WordClass::kDrop : WordClass::kContent;
  if (pos1 == "形状詞" || pos1 == "副詞") return WordClass::kContent;
  return WordClass::kDrop;  // 助詞 助動詞 補助記号 記号 代名詞 連体詞 接続詞 感動詞 空白
}

}  // namespace

WordClass classify(std::string_view profile, const std::vector<std::string_view>& f) {
  return profile == "unidic" ? classify_unidic(f) : classify_ipadic(f);
}

bool is_noun(std::string_view profile, const std::vector<std::string_view>& f) {
  auto pos1 = at(f, 0);
  if (profile == "unidic") return pos1 == "名詞" || pos1 == "接尾辞";
  return pos1 == "名詞";
}

}  // namespace madoguchi
