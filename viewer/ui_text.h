// Every fixed string operators see, in one place (Japanese). The glyph builder bakes all of them
// and a test checks the font covers each one, so no label can turn into boxes.
//
// Thread rule: constants.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::viewer::text {

inline constexpr std::string_view kWindowTitle = "窓口 Madoguchi";
inline constexpr std::string_view kSearchHint = "検索語を入力（例: 発熱 相談、ほけんじょ）  F1: ショートカット一覧";
inline constexpr std::string_view kCategory = "分類";
inline constexpr std::string_view kType = "種別";
inline constexpr std::string_view kAsOf = "基準日";
inline constexpr std::string_view kAny = "すべて";
inline constexpr std::string_view kToday = "今日";
inline constexpr std::string_view kClearFilters = "絞り込み解除";
inline constexpr std::string_view kHelpButton = "ショートカット (F1)";
inline constexpr std::string_view kNoIndex = "索引が設定されていません。--db で索引のフォルダを指定するか、設定ファイルの [index] path に書いてください。";
inline constexpr std::string_view kIndexOpening = "索引を開いています…";
inline constexpr std::string_view kIndexFailed = "索引を開けませんでした";
inline constexpr std::string_view kTypeToSearch = "検索語を入力すると、ここに結果が出ます。かなのままでも検索できます。";
inline constexpr std::string_view kNoResults = "該当する項目がありません。言い換えるか、絞り込みを解除してください。";
inline constexpr std::string_view kSearching = "検索中…";
inline constexpr std::string_view kSearchFailed = "検索できませんでした。索引に接続できるか確認し、もう一度入力してください。";
inline constexpr std::string_view kSelectResult = "結果を選ぶと、ここに回答が表示されます。";
inline constexpr std::string_view kLoading = "読み込み中…";
inline constexpr std::string_view kQuestion = "質問";
inline constexpr std::string_view kAnswer = "回答";
inline constexpr std::string_view kScript = "トークスクリプト";
inline constexpr std::string_view kCopyAnswer = "回答をコピー";
inline constexpr std::string_view kCopyScript = "スクリプトをコピー";
inline constexpr std::string_view kCopied = "回答をコピーしました";
inline constexpr std::string_view kFeedbackRecorded = "「回答が不十分」と記録しました";
inline constexpr std::string_view kScriptCopied = "トークスクリプトをコピーしました";
inline constexpr std::string_view kNoScript = "この項目にはトークスクリプトがありません";
inline constexpr std::string_view kNothingToCopy = "コピーする回答がありません（結果を選んでください）";
inline constexpr std::string_view kStillLoading = "読み込み中です。少し待ってからもう一度押してください";
inline constexpr std::string_view kInForceSince = "から有効";
inline constexpr std::string_view kInForceUntil = "まで";
inline constexpr std::string_view kSinceAlways = "当初から有効";
inline constexpr std::string_view kValidity = "有効期間";
inline constexpr std::string_view kSource = "出典";
inline constexpr std::string_view kMunicipalities = "対象市町村";
inline constexpr std::string_view kTags = "タグ";
inline constexpr std::string_view kRouting = "振り分け先";
inline constexpr std::string_view kUpcomingNotice = "予定";
inline constexpr std::string_view kUpcomingChange = "から内容が変わります";
inline constexpr std::string_view kShowUpcoming = "予定の内容を表示 (Ctrl+U)";
inline constexpr std::string_view kHideUpcoming = "予定の内容を隠す (Ctrl+U)";
inline constexpr std::string_view kShowPrevious = "前の版を表示 (Ctrl+P)";
inline constexpr std::string_view kHidePrevious = "前の版を隠す (Ctrl+P)";
inline constexpr std::string_view kPreviousVersion = "前の版";
inline constexpr std::string_view kUpcomingVersion = "予定の版";
inline constexpr std::string_view kNoPrevious = "前の版はありません";
inline constexpr std::string_view kWithdrawnNotice = "この項目は廃止されています。案内しないでください。";
inline constexpr std::string_view kDeletedNotice = "表示していた項目は新しい版で削除されました（廃止）。案内しないでください。";
inline constexpr std::string_view kSelectedLeftResults = "表示中の項目が検索結果から外れました（新しい版または日付の変更）";
inline constexpr std::string_view kUpcomingOnlyNotice = "この項目はまだ有効ではありません（予定）。";
inline constexpr std::string_view kStatusIndex = "索引";
inline constexpr std::string_view kStatusRelease = "版";
inline constexpr std::string_view kStatusEntries = "登録";
inline constexpr std::string_view kStatusHits = "該当";
inline constexpr std::string_view kStatusUnit = "件";
inline constexpr std::string_view kAbout = "約";  // before a match count that is Xapian's estimate
inline constexpr std::string_view kStatusSearchTime = "検索";
inline constexpr std::string_view kStatusAsOf = "基準日";
inline constexpr std::string_view kStatusNoRelease = "未公開（ローカル索引）";
inline constexpr std::string_view kHelpTitle = "ショートカット一覧";
inline constexpr std::string_view kHelpClose = "閉じる (F1 / Esc)";
inline constexpr std::string_view kHelpMouse = "マウスでも操作できます: 結果をクリックで選択、ダブルクリックで開く。";
inline constexpr std::string_view kBadDate = "日付は YYYY-MM-DD の形で入力してください（例: 2023-05-08）";
inline constexpr std::string_view kPickCategoryTitle = "分類を選ぶ（↑↓ / Enter / Esc）";
inline constexpr std::string_view kPickTypeTitle = "種別を選ぶ（↑↓ / Enter / Esc）";
inline constexpr std::string_view kMoreResults = "件中";
inline constexpr std::string_view kShown = "件を表示";
inline constexpr std::string_view kOtherSections = "その他";
inline constexpr std::string_view kErrorPrefix = "エラー";
inline constexpr std::string_view kPastDateWarning = "過去の日付で表示中";
inline constexpr std::string_view kFutureDateWarning = "未来の日付で表示中";

// Releases (issue 4): banner, changes panel, history view, freshness in the status bar.
inline constexpr std::string_view kReleaseWord = "リリース";
inline constexpr std::string_view kPublishedSuffix = "を公開";
inline constexpr std::string_view kRollbackTo = "に戻す";
inline constexpr std::string_view kCountChanged = "更新";
inline constexpr std::string_view kCountAdded = "新規";
inline constexpr std::string_view kCountWithdrawn = "廃止";
inline constexpr std::string_view kSynonymsOnly = "同義語の更新";
inline constexpr std::string_view kNoEntryChanges = "項目の変更なし";
inline constexpr std::string_view kSinceAcknowledged = "前回確認した版以降の変更";
inline constexpr std::string_view kBannerHint = "F6: 変更を確認";
inline constexpr std::string_view kBannerButton = "変更を見る (F6)";
inline constexpr std::string_view kChangesTitle = "変更一覧（前回確認した版以降）";
inline constexpr std::string_view kChangesNone = "前回確認した版以降の変更はありません。";
inline constexpr std::string_view kChangesLoading = "変更を読み込み中…";
inline constexpr std::string_view kChangesNewerWaiting = "この後に新しい版が届いています。閉じて開き直すと表示します。";
inline constexpr std::string_view kChangesRange = "確認済み";
inline constexpr std::string_view kAcknowledge = "確認しました (Enter)";
inline constexpr std::string_view kAcknowledged = "までの変更を確認済みにしました";
inline constexpr std::string_view kPanelClose = "閉じる (Esc)";
inline constexpr std::string_view kHistoryTitle = "版の履歴";
inline constexpr std::string_view kHistoryLoading = "履歴を読み込み中…";
inline constexpr std::string_view kHistoryNone = "この項目の公開記録はありません（未公開の索引か、公開前からある項目です）。";
inline constexpr std::string_view kNothingSelected = "結果を選んでから押してください";
inline constexpr std::string_view kVersionAdded = "からの版を追加";
inline constexpr std::string_view kVersionChanged = "からの版を変更";
inline constexpr std::string_view kVersionWithdrawn = "からの版を削除";
inline constexpr std::string_view kVersionUndated = "日付なし";
inline constexpr std::string_view kComparedWith = "と比較";
inline constexpr std::string_view kFieldTitle = "題名";
inline constexpr std::string_view kFieldBody = "本文";
inline constexpr std::string_view kFieldEffective = "有効開始";
inline constexpr std::string_view kFieldExpires = "有効終了";
inline constexpr std::string_view kMarkRevised = "改訂";
inline constexpr std::string_view kMarkAdded = "追加";
inline constexpr std::string_view kLastChecked = "最終確認";
inline constexpr std::string_view kNeverChecked = "未確認";
inline constexpr std::string_view kStaleWarning = "【注意】新しい版を数分以上確認できていません。表示が最新でない可能性があります";
inline constexpr std::string_view kCheckFailing = "版を確認できません";
// F7 with a note (issue 8).
inline constexpr std::string_view kFeedbackTitle = "回答が不十分だったと記録";
inline constexpr std::string_view kFeedbackPrompt = "メモ（任意・短く）。Enter で記録、Esc で取り消し";
inline constexpr std::string_view kFeedbackSave = "記録 (Enter)";
inline constexpr std::string_view kFeedbackCancel = "取り消し (Esc)";
inline constexpr std::string_view kFeedbackCancelled = "記録を取り消しました";

// Badges (DESIGN §3) and entry types, as operators read them.
inline constexpr std::string_view kBadgeNew = "新規";
inline constexpr std::string_view kBadgeChanged = "更新";
inline constexpr std::string_view kBadgeUpcoming = "予定";
inline constexpr std::string_view kBadgeWithdrawn = "廃止";

// Type filter values ("" = any) and their labels, in picker order.
struct TypeLabel {
  std::string_view value;
  std::string_view label;
};
inline constexpr TypeLabel kTypes[] = {
    {"", "すべて"},           {"faq", "よくある質問"}, {"policy", "方針・制度"},
    {"routing", "振り分け"}, {"script", "応対スクリプト"}, {"notice", "お知らせ"},
};
std::string_view type_label(std::string_view value);  // the value itself when unknown

// Every string above (for glyph baking and the coverage test).
std::vector<std::string_view> all();

}  // namespace madoguchi::viewer::text
