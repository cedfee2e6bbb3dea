// The search box and the filter row under it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "draw_panels.h"
#include "glyph_set.h"
#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

std::string filter_label(std::string_view name, std::string_view value) {
  return std::string(name) + ": " + std::string(value);
}

// ImGui keeps a text box's characters as ImWchar; Debian's ImGui 1.86 has 16-bit ImWchar, so a
// character beyond U+FFFF (😷, 𠮷) is U+FFFD in the box, typed or pasted. Text put in while the
// box is active is counted in the UTF-8 bytes given and written back as the shorter U+FFFD,
// which left stray bytes at the end: give the box only what it can hold.
std::string as_box_holds(const std::string& text) {
  constexpr char32_t kMax = sizeof(ImWchar) == 2 ? 0xFFFF : 0x10FFFF;
  std::string out;
  for (char32_t c : decode_utf8(text)) append_utf8(out, c > kMax ? char32_t(0xFFFD) : c);
  return out;
}

}  // namespace

int sync_text_box(ImGuiInputTextCallbackData* data) {
  auto* sync = static_cast<TextBoxSync*>(data->UserData);
  if (*sync->replace) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, sync->text->c_str(), sync->text->c_str() + sync->text->size());
    *sync->replace = false;
    *sync->caret_to_end = true;
  }
  if (*sync->caret_to_end) {
    data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    *sync->caret_to_end = false;
  }
  return 0;
}

void draw_search_bar(const ViewState& s, DrawScratch& scratch, Requests& out) {
  const Palette& p = palette(s.theme);

  // --- The search box -------------------------------------------------------------------------
  if (scratch.query_epoch != s.query_epoch) {
    scratch.query_epoch = s.query_epoch;
    scratch.query_for_box = as_box_holds(s.query);
    scratch.query_buffer = scratch.query_for_box;
    scratch.replace_query = true;  // applied by the callback if the box is active
    // What is searched is what the operator sees in the box.
    if (scratch.query_for_box != s.query) out.push_back({Action::kSetQuery, 0, scratch.query_for_box});
  }
  const bool want_focus = s.focus == Focus::kSearch && scratch.focus_epoch != s.focus_epoch;
  if (want_focus) {
    ImGui::SetKeyboardFocusHere();
    scratch.caret_to_end = true;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetFontSize() * 0.6f, ImGui::GetFontSize() * 0.45f));
  ImGui::SetNextItemWidth(-FLT_MIN);
  TextBoxSync sync{&scratch.replace_query, &scratch.caret_to_end, &scratch.query_for_box};
  const bool edited = ImGui::InputTextWithHint("##query", text::kSearchHint.data(), &scratch.query_buffer,
                                               ImGuiInputTextFlags_CallbackAlways, sync_text_box, &sync);
  ImGui::PopStyleVar();
  if (!ImGui::IsItemActive()) scratch.replace_query = false;  // the buffer itself was rewritten
  if (ImGui::IsItemActivated() && s.focus != Focus::kSearch)
    out.push_back({Action::kFocusChanged, int(Focus::kSearch), ""});
  if (edited && scratch.query_buffer != s.query) out.push_back({Action::kSetQuery, 0, scratch.query_buffer});

  // --- Filters --------------------------------------------------------------------------------
  const std::string category = s.filters.category.empty() ? std::string(text::kAny) : s.filters.category;
  if (ImGui::Button((filter_label(text::kCategory, category) + " (F2)###category").c_str()))
    out.push_back({Action::kPickCategory, 0, ""});
  ImGui::SameLine();
  if (ImGui::Button((filter_label(text::kType, text::type_label(s.filters.type)) + " (F3)###type").c_str()))
    out.push_back({Action::kPickType, 0, ""});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted((std::string(text::kAsOf) + " (F4)").c_str());
  ImGui::SameLine();

  if (scratch.as_of_epoch != s.as_of_epoch) {
    scratch.as_of_epoch = s.as_of_epoch;
    scratch.as_of_buffer = s.as_of_draft;
    scratch.replace_as_of = true;
  }
  const bool want_date_focus = s.focus == Focus::kAsOfInput && scratch.focus_epoch != s.focus_epoch;
  if (want_date_focus) {
    ImGui::SetKeyboardFocusHere();
    scratch.as_of_caret_to_end = true;
  }
  const std::string today_hint = std::string(text::kToday) + " " + s.today.to_string();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00__").x + ImGui::GetFontSize() * 4);
  TextBoxSync date_sync{&scratch.replace_as_of, &scratch.as_of_caret_to_end, &s.as_of_draft};
  const bool date_edited = ImGui::InputTextWithHint("##asof", today_hint.c_str(), &scratch.as_of_buffer,
                                                    ImGuiInputTextFlags_CallbackAlways, sync_text_box, &date_sync);
  if (!ImGui::IsItemActive()) scratch.replace_as_of = false;
  if (ImGui::IsItemActivated() && s.focus != Focus::kAsOfInput)
    out.push_back({Action::kFocusChanged, int(Focus::kAsOfInput), ""});
  if (date_edited && scratch.as_of_buffer != s.as_of_draft)
    out.push_back({Action::kSetAsOfDraft, 0, scratch.as_of_buffer});
  // Leaving the box with the mouse commits what was typed, as Enter does.
  if (ImGui::IsItemDeactivated() && s.focus == Focus::kAsOfInput) out.push_back({Action::kCommitAsOf, 0, ""});

  if (s.filters.any()) {
    ImGui::SameLine();
    if (ImGui::Button((std::string(text::kClearFilters) + " (F5)").c_str())) out.push_back({Action::kClearFilters, 0, ""});
  }
  if (s.filters.as_of && s.today.valid() && *s.filters.as_of != s.today) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.badge_withdrawn));
    ImGui::TextUnformatted((*s.filters.as_of < s.today ? text::kPastDateWarning : text::kFutureDateWarning).data());
    ImGui::PopStyleColor();
  }
  const float help_w = ImGui::CalcTextSize(text::kHelpButton.data()).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - help_w));
  if (ImGui::Button(text::kHelpButton.data())) out.push_back({Action::kToggleHelp, 0, ""});
}

}  // namespace madoguchi::viewer
