#include "keymap.h"

#include <algorithm>

namespace madoguchi::viewer {
namespace {

constexpr const char* kGroupSearch = "検索と選択";
constexpr const char* kGroupDetail = "詳細";
constexpr const char* kGroupFilter = "絞り込み";
constexpr const char* kGroupView = "表示";
constexpr const char* kGroupRelease = "版の更新";

std::vector<Binding> make_keymap() {
  std::vector<Binding> m = {
      {{Key::kL, kModCtrl}, Action::kFocusSearch, 0, kGroupSearch, "検索欄へ移動"},
      {{Key::kEscape}, Action::kEscape, 0, kGroupSearch, "検索語を消去（空のときは検索欄へ戻る）"},
      {{Key::kUp}, Action::kMoveUp, 0, kGroupSearch, "前の結果を選択"},
      {{Key::kDown}, Action::kMoveDown, 0, kGroupSearch, "次の結果を選択"},
      {{Key::kEnter}, Action::kOpenSelected, 0, kGroupSearch, "選択した結果を開く（詳細へ移動）"},
      {{Key::kKeypadEnter}, Action::kOpenSelected, 0, kGroupSearch, "選択した結果を開く（詳細へ移動）", false},
  };
  const Key digits[] = {Key::k1, Key::k2, Key::k3, Key::k4, Key::k5, Key::k6, Key::k7, Key::k8, Key::k9};
  for (int n = 1; n <= 9; ++n)
    m.push_back({{digits[n - 1], kModCtrl}, Action::kOpenNth, n, kGroupSearch, "n 番目の結果を開く"});
  const std::vector<Binding> rest = {
      {{Key::kC, kModCtrl | kModShift}, Action::kCopyAnswer, 0, kGroupDetail, "回答をコピー"},
      {{Key::kF8}, Action::kCopyAnswer, 0, kGroupDetail, "回答をコピー"},
      {{Key::kF7}, Action::kFeedback, 0, kGroupDetail, "この回答では不十分だったと記録（メモを入れて Enter、Esc で取り消し）"},
      {{Key::kH, kModCtrl}, Action::kToggleHistory, 0, kGroupDetail, "選択した項目の版の履歴（差分つき）を表示／隠す"},
      {{Key::kS, kModCtrl | kModShift}, Action::kCopyScript, 0, kGroupDetail, "トークスクリプトをコピー"},
      {{Key::kP, kModCtrl}, Action::kTogglePrevious, 0, kGroupDetail, "前の版の内容を表示／隠す"},
      {{Key::kU, kModCtrl}, Action::kToggleUpcoming, 0, kGroupDetail, "予定の版の内容を表示／隠す"},
      {{Key::kPageUp}, Action::kScrollDetailUp, 0, kGroupDetail, "詳細を上へスクロール"},
      {{Key::kPageDown}, Action::kScrollDetailDown, 0, kGroupDetail, "詳細を下へスクロール"},
      {{Key::kF2}, Action::kPickCategory, 0, kGroupFilter, "分類で絞り込む（↑↓で選び Enter）"},
      {{Key::kF3}, Action::kPickType, 0, kGroupFilter, "種別で絞り込む（↑↓で選び Enter）"},
      {{Key::kF4}, Action::kEditAsOf, 0, kGroupFilter, "基準日を入力（YYYY-MM-DD、空欄で今日）"},
      {{Key::kF5}, Action::kClearFilters, 0, kGroupFilter, "絞り込みをすべて解除"},
      {{Key::kF6}, Action::kToggleChanges, 0, kGroupRelease, "前回確認した版以降の変更一覧を表示／隠す（一覧で Enter: 確認済みにする）"},
      {{Key::kEqual, kModCtrl}, Action::kFontBigger, 0, kGroupView, "文字を大きく"},
      {{Key::kEqual, kModCtrl | kModShift}, Action::kFontBigger, 0, kGroupView, "文字を大きく", false},
      {{Key::kSemicolon, kModCtrl}, Action::kFontBigger, 0, kGroupView, "文字を大きく"},
      {{Key::kSemicolon, kModCtrl | kModShift}, Action::kFontBigger, 0, kGroupView, "文字を大きく", false},
      {{Key::kKeypadAdd, kModCtrl}, Action::kFontBigger, 0, kGroupView, "文字を大きく", false},
      {{Key::kMinus, kModCtrl}, Action::kFontSmaller, 0, kGroupView, "文字を小さく"},
      {{Key::kKeypadSubtract, kModCtrl}, Action::kFontSmaller, 0, kGroupView, "文字を小さく", false},
      {{Key::k0, kModCtrl}, Action::kFontReset, 0, kGroupView, "文字の大きさを元に戻す"},
      {{Key::kF9}, Action::kToggleTheme, 0, kGroupView, "明るい／暗い表示の切り替え"},
      {{Key::kF1}, Action::kToggleHelp, 0, kGroupView, "ショートカット一覧を表示／隠す"},
  };
  m.insert(m.end(), rest.begin(), rest.end());
  return m;
}

}  // namespace

const std::vector<Binding>& keymap() {
  static const std::vector<Binding> map = make_keymap();
  return map;
}

std::optional<ActionRequest> action_for(Chord chord) {
  for (const Binding& b : keymap())
    if (b.chord == chord) return ActionRequest{b.action, b.arg, ""};
  return std::nullopt;
}

std::vector<Key> bound_keys() {
  std::vector<Key> keys;
  for (const Binding& b : keymap())
    if (std::find(keys.begin(), keys.end(), b.chord.key) == keys.end()) keys.push_back(b.chord.key);
  return keys;
}

std::string chord_label(Chord chord) {
  std::string s;
  if (chord.mods & kModCtrl) s += "Ctrl+";
  if (chord.mods & kModAlt) s += "Alt+";
  if (chord.mods & kModShift) s += "Shift+";
  switch (chord.key) {
    case Key::kUp: return s + "↑";
    case Key::kDown: return s + "↓";
    case Key::kPageUp: return s + "PageUp";
    case Key::kPageDown: return s + "PageDown";
    case Key::kEnter: return s + "Enter";
    case Key::kKeypadEnter: return s + "テンキーEnter";
    case Key::kEscape: return s + "Esc";
    case Key::kF1: return s + "F1";
    case Key::kF2: return s + "F2";
    case Key::kF3: return s + "F3";
    case Key::kF4: return s + "F4";
    case Key::kF5: return s + "F5";
    case Key::kF6: return s + "F6";
    case Key::kF7: return s + "F7";
    case Key::kF8: return s + "F8";
    case Key::kF9: return s + "F9";
    case Key::kL: return s + "L";
    case Key::kP: return s + "P";
    case Key::kU: return s + "U";
    case Key::kC: return s + "C";
    case Key::kS: return s + "S";
    case Key::kH: return s + "H";
    case Key::k0: return s + "0";
    case Key::k1: return s + "1";
    case Key::k2: return s + "2";
    case Key::k3: return s + "3";
    case Key::k4: return s + "4";
    case Key::k5: return s + "5";
    case Key::k6: return s + "6";
    case Key::k7: return s + "7";
    case Key::k8: return s + "8";
    case Key::k9: return s + "9";
    case Key::kEqual: return s + "=";
    case Key::kMinus: return s + "-";
    case Key::kSemicolon: return s + ";";
    case Key::kKeypadAdd: return s + "テンキー+";
    case Key::kKeypadSubtract: return s + "テンキー-";
  }
  return s;
}

std::vector<HelpLine> help_lines() {
  std::vector<HelpLine> lines;
  const auto& map = keymap();
  for (size_t i = 0; i < map.size(); ++i) {
    const Binding& b = map[i];
    if (!b.in_help) continue;
    if (b.action == Action::kOpenNth) {
      if (b.arg == 1) lines.push_back({b.group, "Ctrl+1～9", b.description});
      continue;
    }
    if (!lines.empty() && lines.back().description == b.description && lines.back().group == b.group) {
      // Ctrl+; is Ctrl++ on a Japanese (JIS) keyboard, where + is Shift+;.
      lines.back().keys += " / " + chord_label(b.chord) + (b.chord.key == Key::kSemicolon ? "（JIS）" : "");
      continue;
    }
    lines.push_back({b.group, chord_label(b.chord), b.description});
  }
  return lines;
}

}  // namespace madoguchi::viewer
