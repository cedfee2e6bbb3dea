// Markdown blocks (markdown.h) drawn with rich text: headings, paragraphs, nested lists, quotes,
// code, rules and tables.
#include <imgui.h>

#include <string>

#include "draw_panels.h"
#include "rich_text.h"

namespace madoguchi::viewer {

void draw_markdown(const MdDocument& doc, const Palette& p) {
  const float em = ImGui::GetFontSize();
  const float left = ImGui::GetCursorPosX();
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const MdBlock& b = doc.blocks[i];
    ImGui::PushID(int(i));
    switch (b.kind) {
      case BlockKind::kHeading:
        ImGui::Dummy(ImVec2(0, em * 0.15f));
        draw_rich_text(b.runs, p);
        break;
      case BlockKind::kParagraph: {
        ImGui::SetCursorPosX(left + float(b.indent) * em * 1.2f);
        draw_rich_text(b.runs, p);
        break;
      }
      case BlockKind::kListItem: {
        const float indent = float(b.indent) * em * 1.2f;
        const float marker_w = std::max(em, ImGui::CalcTextSize(b.marker.c_str()).x + em * 0.3f);
        ImGui::SetCursorPosX(left + indent);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(pos, p.text_dim, b.marker.c_str());
        ImGui::SetCursorPosX(left + indent + marker_w);
        draw_rich_text(b.runs, p);
        break;
      }
      case BlockKind::kQuote: {
        ImGui::SetCursorPosX(left + em * 0.8f);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        draw_rich_text(b.runs, p, {.color = p.text_dim});
        const float bottom = ImGui::GetItemRectMax().y;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x - em * 0.5f, top.y), ImVec2(top.x - em * 0.3f, bottom),
                                                  p.text_dim);
        break;
      }
      case BlockKind::kCode: {
        // Tinted per line rather than boxed(): a code block may sit inside a box already.
        StyledText code = b.runs;
        for (auto& run : code) run.style |= kStyleCode;
        ImGui::SetCursorPosX(left + em * 0.5f);
        draw_rich_text(code, p);
        break;
      }
      case BlockKind::kRule:
        ImGui::Separator();
        break;
      case BlockKind::kTable: {
        int cols = 0;
        for (const auto& row : b.rows) cols = std::max(cols, int(row.size()));
        if (cols == 0) break;
        if (ImGui::BeginTable("##table", cols,
                              ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
          for (size_t r = 0; r < b.rows.size(); ++r) {
            const bool header = int(r) < b.header_rows;
            ImGui::TableNextRow(header ? ImGuiTableRowFlags_Headers : ImGuiTableRowFlags_None);
            for (int c = 0; c < cols; ++c) {
              ImGui::TableSetColumnIndex(c);
              if (size_t(c) >= b.rows[r].size()) continue;
              StyledText cell = b.rows[r][size_t(c)];
              if (header)
                for (auto& run : cell) run.style |= kStyleBold;
              draw_rich_text(cell, p);
            }
          }
          ImGui::EndTable();
        }
        break;
      }
    }
    ImGui::PopID();
  }
}

}  // namespace madoguchi::viewer
