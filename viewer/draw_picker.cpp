// The filter picker (F2 category, F3 type): a small list under the filter buttons, driven by the
// model (↑↓ move, Enter chooses, Esc closes) and clickable.
#include <imgui.h>

#include "draw_panels.h"
#include "ui_text.h"

namespace madoguchi::viewer {

void draw_picker(const ViewState& s, Requests& out) {
  if (!s.picker.open()) return;
  const Palette& p = palette(s.theme);
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + em, vp->WorkPos.y + em * 4.5f));
  const float rows = float(std::min<size_t>(s.picker.labels.size(), 14));
  ImGui::SetNextWindowSize(ImVec2(em * 18, (rows + 1.6f) * ImGui::GetTextLineHeightWithSpacing() + em));
  ImGui::SetNextWindowFocus();
  const std::string_view title =
      s.picker.kind == Picker::Kind::kCategory ? text::kPickCategoryTitle : text::kPickTypeTitle;
  ImGui::Begin((std::string(title) + "###picker").c_str(), nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove);
  ImGui::PushStyleColor(ImGuiCol_Header, ImGui::ColorConvertU32ToFloat4(p.row_selected));
  for (size_t i = 0; i < s.picker.labels.size(); ++i) {
    ImGui::PushID(int(i));
    const bool hl = int(i) == s.picker.index;
    if (ImGui::Selectable(s.picker.labels[i].c_str(), hl)) out.push_back({Action::kPickerChoose, int(i), ""});
    if (hl) ImGui::SetScrollHereY();
    ImGui::PopID();
  }
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace madoguchi::viewer
