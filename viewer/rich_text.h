// Draws styled, wrapped Japanese text at the ImGui cursor (ImGui has no rich text): highlights
// as colored backgrounds, bold as a double strike, links underlined, code on a tinted background.
// Advances the cursor past the text like any widget.
//
// Thread rule: UI thread, between NewFrame and Render.
#pragma once

#include <imgui.h>

#include "styled_text.h"
#include "text_layout.h"
#include "theme.h"

namespace madoguchi::viewer {

struct RichTextOptions {
  float wrap_width = 0;  // <= 0: up to the right edge of the content region
  int max_lines = 0;     // 0 = all; else cut with "…"
  ImU32 color = 0;       // base text color (0 = palette text)
};

// Returns the size drawn.
ImVec2 draw_rich_text(const StyledText& text, const Palette& palette, const RichTextOptions& options = {});

// The layout draw_rich_text would use (for measuring heights before drawing).
TextLayout layout_for_current_font(const StyledText& text, float wrap_width, int max_lines = 0);

// A small rounded label with a colored background (badges, type chips).
void draw_chip(std::string_view label, ImU32 background, ImU32 foreground);

}  // namespace madoguchi::viewer
