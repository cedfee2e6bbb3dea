// Light and dark looks: ImGui's style plus the viewer's own colors (badges, highlights, panes).
//
// Thread rule: UI thread (touches ImGui's current style).
#pragma once

#include <imgui.h>

#include <string_view>

#include "view_state.h"

namespace madoguchi::viewer {

struct Palette {
  ImU32 text;
  ImU32 text_dim;
  ImU32 heading;
  ImU32 link;
  ImU32 highlight_bg;   // matched query words
  ImU32 highlight_text;
  ImU32 code_bg;
  ImU32 row_selected;
  ImU32 row_hover;
  ImU32 script_bg;      // the talk script box
  ImU32 warning_bg;     // withdrawn / past-date notices
  ImU32 upcoming_bg;    // upcoming change box
  ImU32 badge_new;
  ImU32 badge_changed;
  ImU32 badge_upcoming;
  ImU32 badge_withdrawn;
  ImU32 badge_text;
  ImU32 rank_text;
  ImU32 focus_border;
  ImU32 diff_inserted_bg;  // word diffs: text a release added
  ImU32 diff_deleted_bg;   // and text it removed (also struck through)
  ImU32 banner_bg;         // the new-release banner
};

const Palette& palette(Theme theme);

// Applies ImGui colors and sizes for `theme` at `scale` (HiDPI content scale).
void apply_theme(Theme theme, float scale);

// The badge color for 新規 / 更新 / 予定 / 廃止 (0 when the badge is unknown).
ImU32 badge_color(const Palette& p, std::string_view badge);

}  // namespace madoguchi::viewer
