// What the operator sees, as plain data: the query, filters, results, selection, focus, the
// detail of the selected entry and the status line. No ImGui or GLFW here: view_model.cpp changes
// it through verbs, draw_*.cpp read it, and tests inspect it without a window.
//
// Thread rule: owned by the UI thread (ViewModel); nothing else touches it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/releases.h"
#include "madoguchi/searcher.h"
#include "markdown.h"

namespace madoguchi::viewer {

// Which part of the window keyboard input belongs to.
enum class Focus { kSearch, kResults, kDetail, kAsOfInput, kFeedbackNote };

enum class Theme { kLight, kDark };

enum class IndexState { kNone, kOpening, kOpen, kFailed };

struct IndexInfo {
  IndexState state = IndexState::kNone;
  std::string path;
  int entry_count = 0;
  std::string error;    // why the index could not be opened (Japanese for operators + detail)
  std::string release;  // "第12版（… 公開）"; "" for a local index that was never published
  long release_number = 0;  // 0 for a local index
  std::string charset;  // every character the corpus uses (the glyphs to bake)
  int charset_version = 0;  // counts the charsets received: at open, then with newer revisions
  double open_ms = 0;   // how long opening took
};

struct Filters {
  std::string category;       // "" = any
  std::string type;           // "" = any; else faq | policy | routing | script | notice
  std::optional<Date> as_of;  // unset = today
  bool any() const { return !category.empty() || !type.empty() || as_of.has_value(); }
};

// A modal list for choosing a filter value from the keyboard (F2 category, F3 type) or the mouse.
struct Picker {
  enum class Kind { kNone, kCategory, kType };
  Kind kind = Kind::kNone;
  std::vector<std::string> values;  // values[0] is "" (= any)
  std::vector<std::string> labels;  // what operators read, parallel to values
  int index = 0;                    // highlighted row
  bool open() const { return kind != Kind::kNone; }
};

// One version's Markdown sections, parsed once when the detail arrives (not every frame).
struct VersionView {
  int index = -1;  // into EntryDetail::versions
  MdDocument question, answer, script;
  std::vector<std::pair<std::string, MdDocument>> other_sections;  // "## 備考" and the like
};

struct DetailView {
  std::string id;       // the entry asked for ("" = nothing selected)
  bool loading = false;
  std::string error;
  std::optional<EntryDetail> entry;  // as core returned it
  VersionView current;
  std::optional<VersionView> previous;  // the version before `current`, when one exists
  std::optional<VersionView> upcoming;  // the next version not yet in force, when one exists
  bool show_previous = false;           // Ctrl+P: the previous version's wording
  bool show_upcoming = false;           // Ctrl+U: the upcoming version's wording
  uint64_t scroll_epoch = 0;            // bumped with a scroll request for the draw layer
  float scroll_pages = 0;               // requested scroll, in pages (negative = up)
  bool scroll_to_top = false;
  // The entry was being read when it left the same query's results (a release, midnight): shown
  // with no row selected; `deleted` when its files were removed from the corpus.
  bool left_results = false;
  bool deleted = false;
};

// One changed field with its word-level diff (long unchanged stretches shortened with "…").
struct FieldDiff {
  std::string label;  // what operators read: 本文, 題名, 有効開始, ...
  WordDiff diff;
};

// One entry in the changes panel or one step of the history view.
struct ChangeItem {
  std::string id;
  std::string title;
  ChangeKind kind = ChangeKind::kChanged;
  std::string heading;  // 「更新」「新規」「廃止」 + title, or the release for a history step
  std::vector<std::string> notes;  // one line per version change (「2023-06-01 からの版を追加」)
  std::vector<FieldDiff> fields;
};

// Shown when a new release reaches the seat (issue 4): 「リリース 43 を公開: 更新 3 件・新規 1 件」.
// Stays until the operator opens the changes panel or acknowledges.
struct ReleaseBanner {
  bool visible = false;
  int number = 0;
  std::string text;
};

// F6: what changed since the release this seat last acknowledged, each change with its diff.
struct ChangesPanel {
  bool visible = false;
  bool loading = false;
  std::string error;
  int from = 0;  // the acknowledged release
  int to = 0;    // the release the diff goes up to (the current one once loaded)
  std::vector<std::string> releases;  // 「第43版 2026-12-01 21:30 公開 山田「療養期間の短縮」」, oldest first
  std::vector<ChangeItem> items;      // sorted by id
  bool newer_waiting = false;         // a release arrived while open: shown after closing
  uint64_t scroll_epoch = 0;          // bumped with a scroll request
  float scroll_pages = 0;
};

// Ctrl+H: every release that touched the selected entry, newest first, with diffs.
struct HistoryPanel {
  bool visible = false;
  bool loading = false;
  std::string id;
  std::string title;
  std::string error;
  std::vector<ChangeItem> steps;  // newest first
  uint64_t scroll_epoch = 0;
  float scroll_pages = 0;
};

// How fresh this seat's release is (DESIGN §7): the status bar shows when it last checked
// successfully and warns when it could not for several minutes.
struct ReleaseWatch {
  bool watching = false;     // a watcher reports for this seat
  bool ok = true;            // the last check read the index
  std::string error;         // why it did not
  std::string last_checked;  // "21:31" (Japan time) of the last good check; "" = never
  double last_ok = 0;        // model clock seconds of the last good check
  bool stale = false;        // no good check for ViewModelOptions::stale_seconds
  std::optional<int> acknowledged;  // the release this seat acknowledged (nullopt: not known yet)
  std::map<std::string, ChangeKind> changed_since_ack;  // entry id -> change, for the marks in results
};

// F7 "this answer was not enough": a small box for an optional note. Enter records (with or
// without a note), Esc cancels and records nothing.
struct FeedbackNote {
  bool open = false;
  std::string id;     // the entry it is about
  std::string title;
  std::string query;  // the query it was found with
  std::string draft;
  uint64_t epoch = 0;  // bumped when the box opens or the model rewrites the draft (the draw layer reloads it)
};

struct ViewState {
  // Search.
  std::string query;
  uint64_t query_epoch = 0;  // bumped when the model itself rewrites the query (clear, type-ahead)
  Filters filters;
  std::string as_of_draft;   // what the operator is typing into the as-of box
  uint64_t as_of_epoch = 0;  // bumped when the model rewrites as_of_draft
  bool searching = false;    // a search is in flight for the current query and filters
  std::vector<Hit> hits;
  long estimated_total = 0;
  bool total_is_exact = false;  // estimated_total is a count, not Xapian's estimate (shown as 約N)
  double took_ms = 0;
  Date as_of;                // the date the shown results are for
  std::string search_error;
  std::string results_query;  // the query the shown hits answer (may lag `query` by one search)

  // Selection and focus.
  int selected = -1;               // index into hits, -1 = none
  uint64_t selection_epoch = 0;    // bumped on keyboard selection changes: scroll it into view
  Focus focus = Focus::kSearch;
  uint64_t focus_epoch = 1;        // bumped with each focus request; starts at 1 = focus on first frame

  DetailView detail;
  Picker picker;

  // Index and status line.
  IndexInfo index;
  Date today;
  std::string notice;          // transient message (copied, bad date, ...)
  double notice_until = 0;     // seconds (ViewModel's clock) when `notice` stops being shown
  std::vector<std::string> known_categories;  // the index's categories (Searcher::categories), sorted

  // Appearance.
  float font_size = 20;  // pixels before HiDPI scaling
  Theme theme = Theme::kLight;
  bool help_open = false;

  // For the platform layer: text to put on the clipboard after this frame.
  std::optional<std::string> clipboard_request;

  // Releases (issue 4) and feedback notes (issue 8).
  ReleaseBanner banner;
  ChangesPanel changes;
  HistoryPanel history;
  ReleaseWatch watch;
  FeedbackNote feedback;

  const Hit* selected_hit() const {
    return selected >= 0 && selected < int(hits.size()) ? &hits[size_t(selected)] : nullptr;
  }
};

}  // namespace madoguchi::viewer
