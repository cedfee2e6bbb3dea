#include "phrasing_words.h"

#include <algorithm>
#include <array>

namespace madoguchi {
namespace {

// Base forms and their readings (the readings serve unconverted kana input), sorted at first use.
std::array kWords = std::to_array<std::string_view>({
    // asking and knowing
    "教える", "おしえる", "おしえ", "知る", "しる", "しり", "しりたい", "分かる", "わかる", "わかり", "解る",
    "聞く", "きく", "きき", "伺う", "うかがう", "うかがい", "尋ねる", "たずねる", "質問", "しつもん",
    "思う", "おもう", "おもい", "考える", "かんがえる", "願う", "ねがう", "ねがい", "お願い", "おねがい",
    "頂く", "いただく", "いただき", "下さる", "くださる", "ください", "くださ", "申す", "もうす",
    "困る", "こまる", "こまっ", "こまり", "言う", "いう",
    // light verbs and adjectives of any request
    "する", "ある", "いる", "なる", "できる", "出来る", "でき", "おる", "ござる", "いい", "よい", "良い",
    "欲しい", "ほしい", "たい",
    // readings of the light verbs' inflected forms, as unconverted kana arrives
    "した", "して", "しま", "すれ", "され", "させ", "しよう", "しよ", "もらう", "もらえ", "もらい", "くれ", "くれる",
    "おねがい", "どうし", "どうすれ", "なり", "なる", "あり", "あれ", "いれ",
    // nouns of manner and circumstance
    "方法", "ほうほう", "場合", "ばあい", "仕方", "しかた", "やり方", "やりかた", "こと", "事", "もの", "物",
    "とき", "時", "ため", "為", "よう", "様", "方", "ほう", "際", "さい", "件", "けん", "点", "内容",
    "ないよう", "詳細", "しょうさい", "具体", "ぐたい", "具体的", "ぐたいてき", "今", "いま", "現在", "げんざい",
    // interrogatives and fillers
    "どう", "どの", "どんな", "どうして", "なぜ", "何故", "いつ", "どこ", "だれ", "誰", "いくら", "何",
    "なに", "なん", "ちょっと", "少し", "すこし", "とても", "また", "もう", "まだ", "よく", "一応",
    "いちおう", "特に", "とくに", "大丈夫", "だいじょうぶ",
});

}  // namespace

bool is_phrasing_word(std::string_view term) {
  static const bool sorted = [] {
    std::sort(kWords.begin(), kWords.end());
    return true;
  }();
  (void)sorted;
  return std::binary_search(kWords.begin(), kWords.end(), term);
}

}  // namespace madoguchi
