// What the operator sees, as plain data: the query, filters, results, selection, focus, the
// detail of the selected entry and the status line. No ImGui or GLFW here: view_model.cpp changes
// it through verbs, draw_*.cpp read it, and tests inspect it without a window.
//
// Thread rule: owned by the UI thread (ViewModel); nothing else touches it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/searcher.h"
#include "markdown.h"

namespace madoguchi::viewer {

// Which part of the window keyboard input belongs to.
enum class Focus { kSearch, kResults, kDetail, kAsOfInput };

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
};

// Reserved for issue 4 (releases): a banner when a new release arrives and a panel listing what
// changed since the operator's last shift. Not filled in yet; draw_banner.cpp draws nothing for it.
struct ReleaseBanner {
  bool visible = false;
  std::string text;
};
struct ChangesPanel {
  bool visible = false;
  std::vector<std::string> lines;
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
  std::vector<std::string> known_categories;  // every category seen in results, sorted

  // Appearance.
  float font_size = 20;  // pixels before HiDPI scaling
  Theme theme = Theme::kLight;
  bool help_open = false;

  // For the platform layer: text to put on the clipboard after this frame.
  std::optional<std::string> clipboard_request;

  // Reserved for issue 4.
  ReleaseBanner banner;
  ChangesPanel changes;

  const Hit* selected_hit() const {
    return selected >= 0 && selected < int(hits.size()) ? &hits[size_t(selected)] : nullptr;
  }
};

}  // namespace madoguchi::viewer
