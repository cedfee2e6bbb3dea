#include "romaji.h"

#include <array>
#include <string_view>

namespace madoguchi {
namespace {

struct Syllable {
  std::string_view romaji;
  std::string_view kana;
};

// Longest first within each length class is not needed: lookup tries 4, 3, 2, 1 letters.
constexpr std::array kTable = std::to_array<Syllable>({
    {"a", "あ"}, {"i", "い"}, {"u", "う"}, {"e", "え"}, {"o", "お"},
    {"ka", "か"}, {"ki", "き"}, {"ku", "く"}, {"ke", "け"}, {"ko", "こ"},
    {"kya", "きゃ"}, {"kyu", "きゅ"}, {"kyo", "きょ"}, {"kye", "きぇ"},
    {"ga", "が"}, {"gi", "ぎ"}, {"gu", "ぐ"}, {"ge", "げ"}, {"go", "ご"},
    {"gya", "ぎゃ"}, {"gyu", "ぎゅ"}, {"gyo", "ぎょ"},
    {"sa", "さ"}, {"si", "し"}, {"shi", "し"}, {"su", "す"}, {"se", "せ"}, {"so", "そ"},
    {"sha", "しゃ"}, {"shu", "しゅ"}, {"sho", "しょ"}, {"she", "しぇ"},
    {"sya", "しゃ"}, {"syu", "しゅ"}, {"syo", "しょ"}, {"sye", "しぇ"},
    {"za", "ざ"}, {"zi", "じ"}, {"ji", "じ"}, {"zu", "ず"}, {"ze", "ぜ"}, {"zo", "ぞ"},
    {"ja", "じゃ"}, {"ju", "じゅ"}, {"jo", "じょ"}, {"je", "じぇ"},
    {"zya", "じゃ"}, {"zyu", "じゅ"}, {"zyo", "じょ"}, {"jya", "じゃ"}, {"jyu", "じゅ"}, {"jyo", "じょ"},
    {"ta", "た"}, {"ti", "ち"}, {"chi", "ち"}, {"tu", "つ"}, {"tsu", "つ"}, {"te", "て"}, {"to", "と"},
    {"cha", "ちゃ"}, {"chu", "ちゅ"}, {"cho", "ちょ"}, {"che", "ちぇ"},
    {"tya", "ちゃ"}, {"tyu", "ちゅ"}, {"tyo", "ちょ"}, {"cya", "ちゃ"}, {"cyu", "ちゅ"}, {"cyo", "ちょ"},
    {"thi", "てぃ"}, {"thu", "てゅ"}, {"twu", "とぅ"},
    {"da", "だ"}, {"di", "ぢ"}, {"du", "づ"}, {"de", "で"}, {"do", "ど"},
    {"dya", "ぢゃ"}, {"dyu", "ぢゅ"}, {"dyo", "ぢょ"}, {"dhi", "でぃ"}, {"dhu", "でゅ"}, {"dwu", "どぅ"},
    {"na", "な"}, {"ni", "に"}, {"nu", "ぬ"}, {"ne", "ね"}, {"no", "の"},
    {"nya", "にゃ"}, {"nyu", "にゅ"}, {"nyo", "にょ"},
    {"ha", "は"}, {"hi", "ひ"}, {"hu", "ふ"}, {"fu", "ふ"}, {"he", "へ"}, {"ho", "ほ"},
    {"hya", "ひゃ"}, {"hyu", "ひゅ"}, {"hyo", "ひょ"},
    {"fa", "ふぁ"}, {"fi", "ふぃ"}, {"fe", "ふぇ"}, {"fo", "ふぉ"}, {"fyu", "ふゅ"},
    {"ba", "ば"}, {"bi", "び"}, {"bu", "ぶ"}, {"be", "べ"}, {"bo", "ぼ"},
    {"bya", "びゃ"}, {"byu", "びゅ"}, {"byo", "びょ"},
    {"pa", "ぱ"}, {"pi", "ぴ"}, {"pu", "ぷ"}, {"pe", "ぺ"}, {"po", "ぽ"},
    {"pya", "ぴゃ"}, {"pyu", "ぴゅ"}, {"pyo", "ぴょ"},
    {"ma", "ま"}, {"mi", "み"}, {"mu", "む"}, {"me", "め"}, {"mo", "も"},
    {"mya", "みゃ"}, {"myu", "みゅ"}, {"myo", "みょ"},
    {"ya", "や"}, {"yu", "ゆ"}, {"yo", "よ"}, {"ye", "いぇ"},
    {"ra", "ら"}, {"ri", "り"}, {"ru", "る"}, {"re", "れ"}, {"ro", "ろ"},
    {"rya", "りゃ"}, {"ryu", "りゅ"}, {"ryo", "りょ"},
    {"wa", "わ"}, {"wi", "うぃ"}, {"we", "うぇ"}, {"wo", "を"}, {"wyi", "ゐ"}, {"wye", "ゑ"},
    {"va", "ゔぁ"}, {"vi", "ゔぃ"}, {"vu", "ゔ"}, {"ve", "ゔぇ"}, {"vo", "ゔぉ"},
    {"ca", "か"}, {"cu", "く"}, {"co", "こ"},
    {"xa", "ぁ"}, {"xi", "ぃ"}, {"xu", "ぅ"}, {"xe", "ぇ"}, {"xo", "ぉ"},
    {"la", "ぁ"}, {"li", "ぃ"}, {"lu", "ぅ"}, {"le", "ぇ"}, {"lo", "ぉ"},
    {"xtu", "っ"}, {"ltu", "っ"}, {"xtsu", "っ"}, {"ltsu", "っ"},
    {"xya", "ゃ"}, {"xyu", "ゅ"}, {"xyo", "ょ"}, {"lya", "ゃ"}, {"lyu", "ゅ"}, {"lyo", "ょ"},
    {"xwa", "ゎ"}, {"lwa", "ゎ"}, {"xn", "ん"},
    {"-", "ー"},
});

std::string_view lookup(std::string_view s) {
  for (const auto& syl : kTable)
    if (syl.romaji == s) return syl.kana;
  return {};
}

bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// Could `rest` still become a syllable with more letters (the word being typed)?
bool starts_a_syllable(std::string_view rest) {
  if (rest.empty() || rest.size() > 3) return false;
  for (const auto& syl : kTable)
    if (syl.romaji.size() > rest.size() && syl.romaji.substr(0, rest.size()) == rest) return true;
  return false;
}

constexpr size_t kMaxAlternatives = 8;

}  // namespace

RomajiReading read_romaji(std::string_view text) {
  RomajiReading r;
  std::vector<std::string> outs{""};
  auto append = [&](std::string_view kana) {
    for (auto& o : outs) o += kana;
  };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '\'') {
      ++i;
      continue;
    }
    if (c == 'n') {
      if (next == '\'') {
        append("ん");
        i += 2;
        continue;
      }
      if (next == 'n') {
        const char after = i + 2 < text.size() ? text[i + 2] : '\0';
        // "nn" + vowel: ん + vowel (the typing rule) or ん + な-row ("n" then "na").
        if ((is_vowel(after) || after == 'y') && outs.size() * 2 <= kMaxAlternatives) {
          std::vector<std::string> with_na;
          auto na = lookup(text.substr(i + 1, after == 'y' ? 3 : 2));
          if (!na.empty()) {
            for (const auto& o : outs) with_na.push_back(o + "ん" + std::string(na));
            append("ん");
            // The second reading consumed the syllable after "nn" too: continue both from there
            // by finishing the first reading's syllable now.
            auto vowel = lookup(text.substr(i + 2, after == 'y' ? 2 : 1));
            if (!vowel.empty()) {
              append(vowel);
              with_na.insert(with_na.end(), outs.begin(), outs.end());  // ん + な-row first (onna)
              outs = std::move(with_na);
              i += after == 'y' ? 4 : 3;
              continue;
            }
          }
        }
        append("ん");
        i += 2;
        continue;
      }
      if (next == '\0' || (!is_vowel(next) && next != 'y')) {
        append("ん");
        ++i;
        continue;
      }
    }
    // A doubled consonant is a small tsu (kk, tt, ss, pp; tch for っち).
    if (is_letter(c) && !is_vowel(c) && c != 'n' && (next == c || (c == 't' && next == 'c'))) {
      append("っ");
      ++i;
      continue;
    }
    bool matched = false;
    for (size_t len = std::min<size_t>(4, text.size() - i); len >= 1; --len) {
      auto kana = lookup(text.substr(i, len));
      if (kana.empty()) continue;
      append(kana);
      i += len;
      matched = true;
      break;
    }
    if (matched) continue;
    if (starts_a_syllable(text.substr(i))) {
      r.pending = std::string(text.substr(i));
      r.kana = std::move(outs);
      return r;
    }
    return r;  // not romaji: kana stays empty
  }
  r.complete = true;
  r.kana = std::move(outs);
  return r;
}

std::vector<std::string> pending_kana(std::string_view pending) {
  std::vector<std::string> out;
  if (pending.empty()) return out;
  for (const auto& syl : kTable) {
    if (syl.romaji.size() <= pending.size() || syl.romaji.substr(0, pending.size()) != pending) continue;
    std::string k(syl.kana);
    bool covered = false;  // じ covers じゃ, じゅ, じょ
    for (const auto& o : out) covered = covered || k.compare(0, o.size(), o) == 0;
    if (!covered) out.push_back(k);
  }
  return out;
}

}  // namespace madoguchi
