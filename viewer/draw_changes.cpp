// The changes panel (F6: what changed since the release this seat acknowledged) and the history
// view (Ctrl+H: every release that touched the selected entry), both as large overlays listing
// changes with word diffs: inserted words on green, deleted words struck through on red.
#include <imgui.h>

#include "draw_panels.h"
#include "rich_text.h"
#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

ImU32 kind_color(const Palette& p, ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded: return p.badge_new;
    case ChangeKind::kChanged: return p.badge_changed;
    case ChangeKind::kWithdrawn: return p.badge_withdrawn;
  }
  return p.badge_changed;
}

StyledText diff_text(const WordDiff& diff) {
  StyledText t;
  for (const DiffPiece& piece : diff) {
    const uint16_t style = piece.op == DiffPiece::kInserted  ? kStyleInserted
                           : piece.op == DiffPiece::kDeleted ? kStyleDeleted
                                                             : kStylePlain;
    append_run(t, piece.text, style);
  }
  return t;
}

void draw_item(const ChangeItem& item, const Palette& p) {
  ImGui::PushID(item.id.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kind_color(p, item.kind)));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(item.heading.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::Indent();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  for (const auto& note : item.notes) ImGui::TextUnformatted(note.c_str());
  ImGui::PopStyleColor();
  for (const FieldDiff& f : item.fields) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.heading));
    ImGui::TextUnformatted(f.label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    draw_rich_text(diff_text(f.diff), p);
  }
  ImGui::Unindent();
  ImGui::Separator();
  ImGui::PopID();
}

// A centered overlay window with a scrolling body; returns false when closed with its × button.
template <class Body, class Footer>
bool overlay(const char* title_id, const ViewState& s, uint64_t scroll_epoch, float scroll_pages, uint64_t& seen_epoch,
             Body&& body, Footer&& footer) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x - em * 3, vp->WorkSize.y - em * 3), ImGuiCond_Always);
  ImGui::SetNextWindowFocus();
  bool open = true;
  ImGui::Begin(title_id, &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoResize);
  const float footer_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##body", ImVec2(0, -footer_h), false);
  if (seen_epoch != scroll_epoch) {
    seen_epoch = scroll_epoch;
    if (scroll_pages == 0) ImGui::SetScrollY(0);
    else ImGui::SetScrollY(ImGui::GetScrollY() + scroll_pages * ImGui::GetWindowHeight());
  }
  body();
  ImGui::EndChild();
  footer();
  ImGui::End();
  (void)s;
  return open;
}

void dim_line(const Palette& p, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

void draw_changes(const ViewState& s, DrawScratch& scratch, Requests& out) {
  if (!s.changes.visible) return;
  const Palette& p = palette(s.theme);
  const ChangesPanel& c = s.changes;
  std::string title = std::string(text::kChangesTitle);
  if (c.to > c.from) title += "  第" + std::to_string(c.from) + "版 → 第" + std::to_string(c.to) + "版";
  const bool open = overlay(
      (title + "###changes").c_str(), s, c.scroll_epoch, c.scroll_pages, scratch.changes_scroll_epoch,
      [&] {
        if (!c.error.empty()) dim_line(p, std::string(text::kErrorPrefix) + ": " + c.error);
        if (c.loading) dim_line(p, std::string(text::kChangesLoading));
        else if (c.items.empty() && c.error.empty()) dim_line(p, std::string(text::kChangesNone));
        if (c.newer_waiting) dim_line(p, std::string(text::kChangesNewerWaiting));
        for (const auto& r : c.releases) dim_line(p, r);
        if (!c.releases.empty()) ImGui::Separator();
        for (const ChangeItem& item : c.items) draw_item(item, p);
      },
      [&] {
        if (ImGui::Button(text::kAcknowledge.data())) out.push_back({Action::kAcknowledge, 0, ""});
        ImGui::SameLine();
        if (ImGui::Button(text::kPanelClose.data())) out.push_back({Action::kToggleChanges, 0, ""});
      });
  if (!open) out.push_back({Action::kToggleChanges, 0, ""});
}

void draw_history(const ViewState& s, DrawScratch& scratch, Requests& out) {
  if (!s.history.visible) return;
  const Palette& p = palette(s.theme);
  const HistoryPanel& h = s.history;
  const std::string title = std::string(text::kHistoryTitle) + "  " + h.title + "  (" + h.id + ")";
  const bool open = overlay(
      (title + "###history").c_str(), s, h.scroll_epoch, h.scroll_pages, scratch.history_scroll_epoch,
      [&] {
        if (!h.error.empty()) dim_line(p, std::string(text::kErrorPrefix) + ": " + h.error);
        if (h.loading && h.steps.empty()) dim_line(p, std::string(text::kHistoryLoading));
        else if (!h.loading && h.steps.empty() && h.error.empty()) dim_line(p, std::string(text::kHistoryNone));
        for (const ChangeItem& step : h.steps) draw_item(step, p);
      },
      [&] {
        if (ImGui::Button((std::string(text::kPanelClose) + "###history-close").c_str()))
          out.push_back({Action::kToggleHistory, 0, ""});
      });
  if (!open) out.push_back({Action::kToggleHistory, 0, ""});
}

}  // namespace madoguchi::viewer
