// F1: every shortcut, from the keymap itself, so the overlay can never disagree with the keys.
#include <imgui.h>

#include "draw_panels.h"
#include "keymap.h"
#include "ui_text.h"

namespace madoguchi::viewer {

void draw_help(const ViewState& s, Requests& out) {
  if (!s.help_open) return;
  const Palette& p = palette(s.theme);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  // As big as the list, within the window (it scrolls when the window is small).
  ImGui::SetNextWindowSizeConstraints(ImVec2(em * 10, em * 5), ImVec2(vp->WorkSize.x - em * 2, vp->WorkSize.y - em * 2));
  ImGui::SetNextWindowFocus();
  bool open = true;
  ImGui::Begin((std::string(text::kHelpTitle) + "###help").c_str(), &open,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_AlwaysAutoResize);
  std::string group;
  if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
    for (const HelpLine& line : help_lines()) {
      if (line.group != group) {
        group = line.group;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.heading));
        ImGui::TextUnformatted(group.c_str());
        ImGui::PopStyleColor();
      }
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.keys.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.description.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::TextUnformatted(text::kHelpMouse.data());
  ImGui::PopStyleColor();
  if (ImGui::Button(text::kHelpClose.data())) open = false;
  ImGui::End();
  if (!open) out.push_back({Action::kToggleHelp, 0, ""});
}

}  // namespace madoguchi::viewer
