#include "rich_text.h"

#include <algorithm>

namespace madoguchi::viewer {
namespace {

constexpr const char* kEllipsis = "…";

}  // namespace

TextLayout layout_for_current_font(const StyledText& text, float wrap_width, int max_lines) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const float ellipsis = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, kEllipsis).x;
  auto advance = [font, scale](char32_t c, uint16_t) {
    return font->GetCharAdvance(ImWchar(c <= 0xFFFF ? c : 0xFFFD)) * scale;
  };
  return layout_text(text, wrap_width, advance, max_lines, max_lines > 0 ? ellipsis : 0);
}

ImVec2 draw_rich_text(const StyledText& text, const Palette& p, const RichTextOptions& o) {
  const float wrap = o.wrap_width > 0 ? o.wrap_width : ImGui::GetContentRegionAvail().x;
  const TextLayout layout = layout_for_current_font(text, std::max(wrap, 1.0f), o.max_lines);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 base = o.color ? o.color : p.text;
  float max_w = 0;

  for (size_t li = 0; li < layout.lines.size(); ++li) {
    const LayoutLine& line = layout.lines[li];
    const ImVec2 line_pos(origin.x, origin.y + float(li) * line_h);
    max_w = std::max(max_w, line.width);
    if (!ImGui::IsRectVisible(line_pos, ImVec2(line_pos.x + wrap, line_pos.y + line_h))) continue;
    for (const LayoutPiece& piece : line.pieces) {
      const StyledRun& run = text[piece.run];
      const char* b = run.text.data() + piece.begin;
      const char* e = run.text.data() + piece.end;
      const ImVec2 pos(line_pos.x + piece.x, line_pos.y);
      const ImVec2 end(pos.x + piece.width, pos.y + size);
      ImU32 color = base;
      if (run.style & kStyleHeading) color = p.heading;
      if (run.style & kStyleLink) color = p.link;
      if (run.style & (kStyleDim | kStyleItalic)) color = (run.style & kStyleItalic) ? p.heading : p.text_dim;
      if (run.style & kStyleHighlight) {
        dl->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(end.x + 1, end.y + 1), p.highlight_bg, 3.0f);
        color = p.highlight_text;
      }
      if (run.style & kStyleInserted) dl->AddRectFilled(ImVec2(pos.x, pos.y), ImVec2(end.x, end.y + 1), p.diff_inserted_bg);
      if (run.style & kStyleDeleted) dl->AddRectFilled(ImVec2(pos.x, pos.y), ImVec2(end.x, end.y + 1), p.diff_deleted_bg);
      if (run.style & kStyleCode) dl->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(end.x + 1, end.y + 1), p.code_bg, 2.0f);
      dl->AddText(font, size, pos, color, b, e);
      if (run.style & (kStyleBold | kStyleHeading)) dl->AddText(font, size, ImVec2(pos.x + 1, pos.y), color, b, e);
      if (run.style & kStyleLink) dl->AddLine(ImVec2(pos.x, end.y), ImVec2(end.x, end.y), color);
      if (run.style & (kStyleStrike | kStyleDeleted)) {
        const float mid = pos.y + size * 0.55f;
        dl->AddLine(ImVec2(pos.x, mid), ImVec2(end.x, mid), color);
      }
    }
    if (layout.truncated && li + 1 == layout.lines.size())
      dl->AddText(font, size, ImVec2(line_pos.x + line.width, line_pos.y), p.text_dim, kEllipsis);
  }
  const float height = layout.lines.empty() ? 0 : float(layout.lines.size()) * line_h - ImGui::GetStyle().ItemSpacing.y;
  const ImVec2 sz(max_w, std::max(height, 0.0f));
  ImGui::Dummy(ImVec2(wrap, sz.y));
  return sz;
}

void draw_chip(std::string_view label, ImU32 background, ImU32 foreground) {
  const float pad_x = ImGui::GetFontSize() * 0.3f;
  const ImVec2 text_size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size(text_size.x + pad_x * 2, ImGui::GetTextLineHeight());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), background, size.y * 0.25f);
  dl->AddText(ImVec2(pos.x + pad_x, pos.y), foreground, label.data(), label.data() + label.size());
  ImGui::Dummy(size);
}

}  // namespace madoguchi::viewer
