// Line breaking for styled Japanese text: breaks between any two Japanese characters, keeps Latin
// words whole, honours basic kinsoku (no line starts with 。、」ー… and none ends with 「（), and
// stops after a number of lines when asked (result rows show two). Pure: widths come from a
// function, so tests run without fonts.
//
// Thread rule: pure functions over values.
#pragma once

#include <functional>
#include <vector>

#include "styled_text.h"

namespace madoguchi::viewer {

struct LayoutPiece {
  size_t run = 0;    // index into the StyledText
  size_t begin = 0;  // byte range inside that run's text
  size_t end = 0;
  float x = 0;       // offset from the line start
  float width = 0;
};

struct LayoutLine {
  std::vector<LayoutPiece> pieces;
  float width = 0;
};

struct TextLayout {
  std::vector<LayoutLine> lines;
  bool truncated = false;  // max_lines cut the text short
};

using AdvanceFn = std::function<float(char32_t c, uint16_t style)>;

// Lays out `text` in lines of at most `wrap_width` (a line holding a single character that is wider
// still has that character). `max_lines` > 0 stops after that many lines; the last of them is
// kept `reserve` narrower, room for an ellipsis.
TextLayout layout_text(const StyledText& text, float wrap_width, const AdvanceFn& advance, int max_lines = 0,
                       float reserve = 0);

// Kinsoku classes.
bool is_line_start_forbidden(char32_t c);  // 、。」ー and small kana must not begin a line
bool is_line_end_forbidden(char32_t c);    // 「（ must not end a line

}  // namespace madoguchi::viewer
