// The status bar: index and release, entry count, hit count, search time, as-of date, and the
// latest notice (copied, bad date) or error.
#include <imgui.h>

#include <filesystem>

#include "draw_panels.h"
#include "ui_text.h"

namespace madoguchi::viewer {

std::string with_thousands(long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string results_total(const ViewState& s) {
  return (s.total_is_exact ? "" : std::string(text::kAbout)) + with_thousands(s.estimated_total);
}

float status_bar_height() { return ImGui::GetFrameHeightWithSpacing(); }

void draw_status_bar(const ViewState& s, Requests&) {
  const Palette& p = palette(s.theme);
  std::string index_name = std::filesystem::path(s.index.path).filename().string();
  if (index_name.empty()) index_name = s.index.path;
  std::string line = std::string(text::kStatusIndex) + " " + (index_name.empty() ? "—" : index_name);
  // An index that did not open has no release to name: "未公開（ローカル索引）" would say it is a
  // local build that opened.
  line += "   " + std::string(text::kStatusRelease) + " " +
          (s.index.state == IndexState::kFailed ? std::string(text::kIndexFailed)
           : s.index.release.empty()            ? std::string(text::kStatusNoRelease)
                                                : s.index.release);
  if (s.watch.watching)
    line += "  " + std::string(text::kLastChecked) + " " +
            (s.watch.last_checked.empty() ? std::string(text::kNeverChecked) : s.watch.last_checked);
  // While the index opens (the window is up before it) its size is not known yet: no "0 件".
  if (s.index.state == IndexState::kOpen)
    line += "   " + std::string(text::kStatusEntries) + " " + with_thousands(s.index.entry_count) + " " +
            std::string(text::kStatusUnit);
  if (!s.results_query.empty()) {
    line += "   " + std::string(text::kStatusHits) + " " + results_total(s) + " " +
            std::string(text::kStatusUnit);
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f ms", s.took_ms);
    line += "   " + std::string(text::kStatusSearchTime) + " " + ms;
  }
  const Date as_of = s.filters.as_of.value_or(s.today);
  line += "   " + std::string(text::kStatusAsOf) + " " + as_of.to_string();
  if (!s.filters.as_of) line += "（" + std::string(text::kToday) + "）";

  std::string right;
  ImU32 color = p.heading;
  if (s.watch.stale) {
    // Never hidden behind a notice: an operator must not take a stale release for today's.
    right = std::string(text::kStaleWarning);
    color = p.badge_withdrawn;
  } else if (!s.notice.empty()) {  // (a failed search is said in the results pane, in full)
    right = s.notice;
  } else if (s.watch.watching && !s.watch.ok) {
    right = std::string(text::kCheckFailing);
    color = p.badge_upcoming;
  } else if (s.index.state == IndexState::kOpening) {
    right = std::string(text::kIndexOpening);  // what is typed meanwhile is searched once it is open
    color = p.text_dim;
  } else if (s.searching) {
    right = std::string(text::kSearching);
    color = p.text_dim;
  }
  // The right side (a warning, an error, a notice) is drawn whole; the left line gives way to it,
  // cut at its edge, when the window is too narrow for both.
  ImGui::Separator();
  const float right_w = right.empty() ? 0 : ImGui::CalcTextSize(right.c_str()).x;
  const float right_x = ImGui::GetWindowContentRegionMax().x - right_w;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float left_end = ImGui::GetWindowPos().x + right_x - (right.empty() ? 0 : ImGui::GetFontSize());
  ImGui::PushClipRect(start, ImVec2(left_end, start.y + ImGui::GetTextLineHeightWithSpacing()), true);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopStyleColor();
  ImGui::PopClipRect();
  if (!right.empty()) {
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right_x));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
    ImGui::TextUnformatted(right.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace madoguchi::viewer
