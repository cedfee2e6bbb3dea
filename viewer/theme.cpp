#include "theme.h"

#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

const Palette kLight = {
    .text = rgb(0x1F, 0x23, 0x28),
    .text_dim = rgb(0x5F, 0x67, 0x70),
    .heading = rgb(0x0B, 0x4F, 0x8A),
    .link = rgb(0x0A, 0x58, 0xCA),
    .highlight_bg = rgb(0xFF, 0xE0, 0x66),
    .highlight_text = rgb(0x1F, 0x23, 0x28),
    .code_bg = rgb(0xEE, 0xF0, 0xF3),
    .row_selected = rgb(0xD6, 0xE8, 0xFF),
    .row_hover = rgb(0xEE, 0xF4, 0xFC),
    .script_bg = rgb(0xEA, 0xF6, 0xEC),
    .warning_bg = rgb(0xFD, 0xE2, 0xE1),
    .upcoming_bg = rgb(0xFF, 0xF1, 0xD6),
    .badge_new = rgb(0x1E, 0x88, 0x3E),
    .badge_changed = rgb(0x15, 0x65, 0xC0),
    .badge_upcoming = rgb(0xD9, 0x6C, 0x00),
    .badge_withdrawn = rgb(0x8E, 0x1B, 0x1B),
    .badge_text = rgb(0xFF, 0xFF, 0xFF),
    .rank_text = rgb(0x8A, 0x93, 0x9C),
    .focus_border = rgb(0x3D, 0x8B, 0xFD),
    .diff_inserted_bg = rgb(0xC8, 0xF0, 0xCF),
    .diff_deleted_bg = rgb(0xFB, 0xD0, 0xCE),
    .banner_bg = rgb(0xD6, 0xE8, 0xFF),
};

const Palette kDark = {
    .text = rgb(0xE6, 0xE8, 0xEB),
    .text_dim = rgb(0x9A, 0xA3, 0xAD),
    .heading = rgb(0x8C, 0xC4, 0xFF),
    .link = rgb(0x79, 0xB8, 0xFF),
    .highlight_bg = rgb(0x8A, 0x6D, 0x00),
    .highlight_text = rgb(0xFF, 0xF8, 0xE1),
    .code_bg = rgb(0x2D, 0x33, 0x3B),
    .row_selected = rgb(0x1F, 0x3A, 0x5F),
    .row_hover = rgb(0x26, 0x2C, 0x34),
    .script_bg = rgb(0x1D, 0x33, 0x24),
    .warning_bg = rgb(0x4A, 0x1F, 0x1F),
    .upcoming_bg = rgb(0x4A, 0x36, 0x12),
    .badge_new = rgb(0x2E, 0xA0, 0x4E),
    .badge_changed = rgb(0x2F, 0x81, 0xF7),
    .badge_upcoming = rgb(0xE0, 0x82, 0x1E),
    .badge_withdrawn = rgb(0xC2, 0x3B, 0x3B),
    .badge_text = rgb(0xFF, 0xFF, 0xFF),
    .rank_text = rgb(0x76, 0x80, 0x8A),
    .focus_border = rgb(0x3D, 0x8B, 0xFD),
    .diff_inserted_bg = rgb(0x1E, 0x4D, 0x2B),
    .diff_deleted_bg = rgb(0x5C, 0x22, 0x22),
    .banner_bg = rgb(0x1F, 0x3A, 0x5F),
};

}  // namespace

const Palette& palette(Theme theme) { return theme == Theme::kDark ? kDark : kLight; }

void apply_theme(Theme theme, float scale) {
  ImGuiStyle style;  // fresh defaults, so that scaling never compounds
  if (theme == Theme::kDark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.GrabRounding = 4;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.WindowPadding = ImVec2(10, 8);
  style.ScrollbarSize = 16;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  ImVec4* c = style.Colors;
  if (theme == Theme::kLight) {
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.99f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.85f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kLight.text);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.15f, 1);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kDark.text);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

ImU32 badge_color(const Palette& p, std::string_view badge) {
  if (badge == text::kBadgeNew) return p.badge_new;
  if (badge == text::kBadgeChanged) return p.badge_changed;
  if (badge == text::kBadgeUpcoming) return p.badge_upcoming;
  if (badge == text::kBadgeWithdrawn) return p.badge_withdrawn;
  return 0;
}

}  // namespace madoguchi::viewer
