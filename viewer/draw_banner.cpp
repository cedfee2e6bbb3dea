// The new-release banner (issue 4): 「リリース 43 を公開: 更新 3 件・新規 1 件」 above the search box,
// with a button for the changes panel (F6). It stays until the operator reads or dismisses it.
#include <imgui.h>

#include "draw_panels.h"
#include "ui_text.h"

namespace madoguchi::viewer {

void draw_banner(const ViewState& s, Requests& out) {
  if (!s.banner.visible) return;
  const Palette& p = palette(s.theme);
  boxed(p.banner_bg, [&](float) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.heading));
    ImGui::TextUnformatted(s.banner.text.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (ImGui::SmallButton((std::string(text::kBannerButton) + "###banner-changes").c_str()))
      out.push_back({Action::kToggleChanges, 0, ""});
    ImGui::SameLine();
    if (ImGui::SmallButton("×###banner-close")) out.push_back({Action::kDismissBanner, 0, ""});
  });
}

}  // namespace madoguchi::viewer
