// Everything the operator can ask for, as values. Key chords (keymap.h), mouse clicks and widget
// edits (draw_*.cpp) all become ActionRequests; ViewModel::apply() carries them out. Tests drive
// the viewer by applying exactly the requests a keypress would produce.
//
// Thread rule: plain values.
#pragma once

#include <string>

namespace madoguchi::viewer {

enum class Action {
  kNone,
  // Search box and selection.
  kSetQuery,       // text: the search box's new content (typing, IME commit, paste)
  kTypeAhead,      // text: characters typed while the search box did not have focus
  kEscape,         // close an overlay / picker, else clear the query, else focus the search box
  kFocusSearch,
  kMoveUp,
  kMoveDown,
  kSelect,         // arg: 0-based row (mouse)
  kOpenSelected,   // Enter: open the selected result in the detail pane and focus it
  kOpenNth,        // arg: 1-based rank (Ctrl+1..9), also double click
  kFocusChanged,   // arg: Focus the operator moved to with the mouse
  // Detail pane.
  kCopyAnswer,
  kCopyScript,
  kFeedback,       // "this answer was not enough" on the open entry: opens the note box (issue 8)
  kSetFeedbackDraft,  // text: the note box's content
  kCommitFeedback,    // record the feedback with the note (Enter in the note box, its button)
  kTogglePrevious,
  kToggleUpcoming,
  kScrollDetailUp,
  kScrollDetailDown,
  // Filters.
  kPickCategory,   // open the category picker
  kPickType,       // open the type picker
  kPickerChoose,   // arg: row in the open picker (mouse); Enter chooses the highlighted row
  kEditAsOf,       // focus the as-of date box
  kSetAsOfDraft,   // text: the as-of box's content
  kCommitAsOf,     // apply the as-of box (Enter in it); empty = today
  kClearFilters,
  // Appearance and help.
  kFontBigger,
  kFontSmaller,
  kFontReset,
  kToggleTheme,
  kToggleHelp,
  // Releases (issue 4).
  kToggleChanges,  // F6: what changed since the release this seat last acknowledged
  kAcknowledge,    // mark those changes as read (Enter in the changes panel, its button)
  kToggleHistory,  // Ctrl+H: the selected entry's history with diffs
  kDismissBanner,  // hide the release banner without reading the changes
};

struct ActionRequest {
  Action action = Action::kNone;
  int arg = 0;
  std::string text;
};

}  // namespace madoguchi::viewer
