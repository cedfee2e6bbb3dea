// The ranked results list: rank, badge, title, category and a two-line snippet with the matched
// words highlighted. Rows have a fixed height so ImGuiListClipper draws only the visible ones.
#include <imgui.h>

#include <algorithm>

#include "draw_panels.h"
#include "rich_text.h"
#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

void centered_message(std::string_view message, ImU32 color) {
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(message.data(), message.data() + message.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void draw_row(const ViewState& s, int i, float row_h, const Palette& p, Requests& out) {
  const Hit& hit = s.hits[size_t(i)];
  ImGui::PushID(hit.id.c_str());  // identity by entry id: survives reordering and retitling
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool selected = i == s.selected;
  if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(width, row_h))) {
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) out.push_back({Action::kOpenNth, i + 1, ""});
    else out.push_back({Action::kSelect, i, ""});
    out.push_back({Action::kFocusChanged, int(Focus::kResults), ""});
  }
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (selected) dl->AddRectFilled(top, ImVec2(top.x + ImGui::GetFontSize() * 0.2f, top.y + row_h), p.focus_border);

  const float pad = ImGui::GetFontSize() * 0.35f;
  const float rank_w = ImGui::CalcTextSize("00").x + pad;
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad * 0.5f));
  // Line 1: rank (Ctrl+n opens it), badge, title; category and type on the right.
  const std::string rank = std::to_string(i + 1);
  dl->AddText(ImGui::GetCursorScreenPos(), p.rank_text, rank.c_str());
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad + rank_w, ImGui::GetCursorScreenPos().y));
  ImGui::BeginGroup();
  const float text_left = ImGui::GetCursorScreenPos().x;
  const float text_w = top.x + width - text_left - pad;
  if (ImU32 bc = badge_color(p, hit.badge)) {
    draw_chip(hit.badge, bc, p.badge_text);
    ImGui::SameLine(0, pad);
  }
  // Changed by a release this seat has not acknowledged yet (F6 lists them).
  if (auto it = s.watch.changed_since_ack.find(hit.id); it != s.watch.changed_since_ack.end()) {
    draw_chip(it->second == ChangeKind::kAdded ? text::kMarkAdded : text::kMarkRevised, p.focus_border, p.badge_text);
    ImGui::SameLine(0, pad);
  }
  // Categories, then the type (not for FAQ, the usual one, nor twice: routing entries are often
  // in a category named 振り分け too). A narrow window keeps the title and drops the categories.
  const std::string type = hit.type == EntryType::kFaq ? "" : std::string(text::type_label(to_string(hit.type)));
  std::vector<std::string> categories;
  for (const auto& c : hit.category)
    if (c != type) categories.push_back(c);
  std::string right = join(categories, "・");
  if (!type.empty()) right += (right.empty() ? "" : "  ") + type;
  if (ImGui::CalcTextSize(right.c_str()).x + pad > text_w * 0.4f) right = type;
  const float right_w = right.empty() ? 0 : ImGui::CalcTextSize(right.c_str()).x + pad;
  const float title_w = std::max(1.0f, text_left + text_w - ImGui::GetCursorScreenPos().x - right_w);
  StyledText title{{hit.title, kStyleBold}};
  draw_rich_text(title, p, {.wrap_width = title_w, .max_lines = 1});
  if (!right.empty())
    dl->AddText(ImVec2(text_left + text_w - right_w + pad, top.y + pad * 0.5f), p.text_dim, right.c_str());
  // Lines 2-3: the snippet.
  ImGui::SetCursorScreenPos(ImVec2(text_left, top.y + pad * 0.5f + ImGui::GetTextLineHeightWithSpacing()));
  draw_rich_text(highlighted(hit.snippet, hit.highlights), p, {.wrap_width = text_w, .max_lines = 2, .color = p.text_dim});
  ImGui::EndGroup();
  ImGui::SetCursorScreenPos(after);
  ImGui::PopID();
}

}  // namespace

void draw_results(const ViewState& s, DrawScratch& scratch, Requests& out) {
  const Palette& p = palette(s.theme);
  scratch.rows_drawn = 0;
  const bool focused = s.focus == Focus::kResults;
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(focused ? p.focus_border : ImGui::GetColorU32(ImGuiCol_Border)));
  ImGui::BeginChild("results", ImVec2(0, 0), true);
  ImGui::PopStyleColor();

  if (s.index.state == IndexState::kNone) {
    centered_message(text::kNoIndex, p.text_dim);
  } else if (s.index.state == IndexState::kOpening) {
    centered_message(text::kIndexOpening, p.text_dim);
  } else if (s.index.state == IndexState::kFailed) {
    centered_message(std::string(text::kIndexFailed) + "\n" + s.index.error, p.badge_withdrawn);
  } else if (s.query.empty()) {
    centered_message(text::kTypeToSearch, p.text_dim);
  } else if (s.hits.empty() && !s.search_error.empty() && !s.searching) {
    centered_message(std::string(text::kSearchFailed) + "\n" + s.search_error, p.badge_withdrawn);
  } else if (s.hits.empty()) {
    centered_message(s.searching ? text::kSearching : text::kNoResults, p.text_dim);
  } else {
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float row_h = line * 3 + ImGui::GetFontSize() * 0.35f;
    const float row_stride = row_h + ImGui::GetStyle().ItemSpacing.y;
    // Keep the keyboard selection in view.
    if (scratch.selection_epoch != s.selection_epoch && s.selected >= 0) {
      const float top = float(s.selected) * row_stride;
      const float view = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y * 2;
      if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
      else if (top + row_h > ImGui::GetScrollY() + view) ImGui::SetScrollY(top + row_h - view);
    }
    ImGui::PushStyleColor(ImGuiCol_Header, ImGui::ColorConvertU32ToFloat4(p.row_selected));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImGui::ColorConvertU32ToFloat4(p.row_hover));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImGui::ColorConvertU32ToFloat4(p.row_selected));
    ImGuiListClipper clipper;
    clipper.Begin(int(s.hits.size()), row_stride);
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        draw_row(s, i, row_h, p, out);
        ++scratch.rows_drawn;
      }
    clipper.End();
    ImGui::PopStyleColor(3);
    if (s.estimated_total > long(s.hits.size())) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
      ImGui::Text("%s %s %d %s", results_total(s).c_str(), text::kMoreResults.data(),
                  int(s.hits.size()), text::kShown.data());
      ImGui::PopStyleColor();
    }
  }
  scratch.selection_epoch = s.selection_epoch;
  ImGui::EndChild();
}

}  // namespace madoguchi::viewer
