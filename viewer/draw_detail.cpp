// The detail pane: the selected entry's title, badges, validity, source, routing, the question,
// answer and talk script (Markdown), an upcoming change and, on request, the previous wording.
#include <imgui.h>

#include "draw_panels.h"
#include "rich_text.h"
#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

bool has_end(const VersionSpan& span) { return span.until.yyyymmdd != Date::kFarFuture; }
bool since_always(const VersionSpan& span) { return span.effective.yyyymmdd == VersionSpan::kAlways; }

std::string validity(const VersionSpan& span) {
  std::string s = since_always(span) ? std::string(text::kSinceAlways)
                                     : span.effective.to_string() + " " + std::string(text::kInForceSince);
  if (has_end(span)) s += "（" + span.until.plus_days(-1).to_string() + " " + std::string(text::kInForceUntil) + "）";
  return s;
}

std::string badge_for_detail(const VersionDetail& v, const Hit* hit) {
  if (hit && !hit->badge.empty()) return hit->badge;
  if (v.status == VersionStatus::kUpcoming) return std::string(text::kBadgeUpcoming);
  if (v.status == VersionStatus::kWithdrawn || v.status == VersionStatus::kSuperseded)
    return std::string(text::kBadgeWithdrawn);
  return "";
}

// A section title with a rule under it and, optionally, a small button at its right end.
// Returns true when the button was pressed.
bool section_heading(std::string_view title, const Palette& p, std::string_view button = {}) {
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.2f));
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  bool pressed = false;
  if (!button.empty()) {
    const float bw = ImGui::CalcTextSize(button.data(), button.data() + button.size()).x +
                     ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - bw, start.y));
    pressed = ImGui::SmallButton(std::string(button).c_str());
    ImGui::SetCursorScreenPos(start);
  }
  draw_rich_text(StyledText{{std::string(title), kStyleHeading}}, p);
  const float y = ImGui::GetItemRectMax().y + 1;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(start.x, y), ImVec2(start.x + width, y), ImGui::GetColorU32(ImGuiCol_Separator));
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.1f));
  return pressed;
}

void meta_row(std::string_view label, const std::string& value, const Palette& p) {
  if (value.empty()) return;
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopStyleColor();
  ImGui::TableNextColumn();
  draw_rich_text(StyledText{{value, kStylePlain}}, p);
}

void version_body(const VersionView& v, const Palette& p, bool with_question) {
  if (with_question && !v.question.empty()) {
    section_heading(text::kQuestion, p);
    draw_markdown(v.question, p);
  }
  section_heading(text::kAnswer, p);
  draw_markdown(v.answer, p);
}

}  // namespace

void draw_detail(const ViewState& s, DrawScratch& scratch, Requests& out) {
  const Palette& p = palette(s.theme);
  const DetailView& d = s.detail;
  const bool focused = s.focus == Focus::kDetail;
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(focused ? p.focus_border : ImGui::GetColorU32(ImGuiCol_Border)));
  ImGui::BeginChild("detail", ImVec2(0, 0), true);
  ImGui::PopStyleColor();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      s.focus != Focus::kDetail)
    out.push_back({Action::kFocusChanged, int(Focus::kDetail), ""});
  if (scratch.detail_scroll_epoch != d.scroll_epoch) {
    scratch.detail_scroll_epoch = d.scroll_epoch;
    if (d.scroll_to_top) ImGui::SetScrollY(0);
    else ImGui::SetScrollY(ImGui::GetScrollY() + d.scroll_pages * ImGui::GetWindowHeight());
  }

  const Hit* hit = s.selected_hit();
  if (d.deleted) {
    boxed(p.warning_bg, [&](float) { ImGui::TextUnformatted(text::kDeletedNotice.data()); });
    ImGui::EndChild();
    return;
  }
  if (!d.entry || !d.entry->current) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
    ImGui::PushTextWrapPos(0);
    if (!d.error.empty()) ImGui::TextUnformatted((std::string(text::kErrorPrefix) + ": " + d.error).c_str());
    else if (d.loading) ImGui::TextUnformatted(text::kLoading.data());
    else if (!s.hits.empty() || s.query.empty()) ImGui::TextUnformatted(text::kSelectResult.data());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    return;
  }
  const EntryDetail& e = *d.entry;
  const VersionDetail& cur = e.versions[size_t(d.current.index)];
  const EntryVersion& v = cur.version;
  const bool hit_matches = hit && hit->id == e.id;

  // Title line.
  const std::string badge = badge_for_detail(cur, hit_matches ? hit : nullptr);
  if (ImU32 bc = badge_color(p, badge)) {
    draw_chip(badge, bc, p.badge_text);
    ImGui::SameLine();
  }
  draw_rich_text(StyledText{{v.title, kStyleBold | kStyleHeading}}, p);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::TextUnformatted(e.id.c_str());
  ImGui::PopStyleColor();

  if (cur.status == VersionStatus::kWithdrawn || cur.status == VersionStatus::kSuperseded)
    boxed(p.warning_bg, [&](float) { ImGui::TextUnformatted(text::kWithdrawnNotice.data()); });
  else if (cur.status == VersionStatus::kUpcoming)
    boxed(p.upcoming_bg, [&](float) { ImGui::TextUnformatted(text::kUpcomingOnlyNotice.data()); });

  // Facts about this version.
  if (ImGui::BeginTable("##meta", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    meta_row(text::kType, std::string(text::type_label(to_string(v.type))), p);
    meta_row(text::kCategory, join(v.category, "、"), p);
    meta_row(text::kValidity, validity(cur.span), p);
    meta_row(text::kSource, v.source, p);
    meta_row(v.type == EntryType::kRouting ? text::kRouting : text::kMunicipalities, join(v.municipalities, "、"), p);
    meta_row(text::kTags, join(v.tags, "、"), p);
    ImGui::EndTable();
  }

  // An upcoming change: operators must know today's answer stops being true on that date.
  if (d.upcoming) {
    const VersionDetail& up = e.versions[size_t(d.upcoming->index)];
    boxed(p.upcoming_bg, [&](float) {
      draw_chip(text::kUpcomingNotice, p.badge_upcoming, p.badge_text);
      ImGui::SameLine();
      draw_rich_text(StyledText{{up.span.effective.to_string() + " " + std::string(text::kUpcomingChange) + "「" +
                                     up.version.title + "」",
                                 kStyleBold}},
                     p);
      if (ImGui::SmallButton((d.show_upcoming ? text::kHideUpcoming : text::kShowUpcoming).data()))
        out.push_back({Action::kToggleUpcoming, 0, ""});
      if (d.show_upcoming) version_body(*d.upcoming, p, true);
    });
  }

  // Question, answer, script.
  if (!d.current.question.empty()) {
    section_heading(text::kQuestion, p);
    draw_markdown(d.current.question, p);
  }
  if (section_heading(text::kAnswer, p, std::string(text::kCopyAnswer) + " (F8)"))
    out.push_back({Action::kCopyAnswer, 0, ""});
  draw_markdown(d.current.answer, p);

  if (!d.current.script.empty()) {
    if (section_heading(text::kScript, p, std::string(text::kCopyScript) + " (Ctrl+Shift+S)"))
      out.push_back({Action::kCopyScript, 0, ""});
    boxed(p.script_bg, [&](float) { draw_markdown(d.current.script, p); });
  }
  for (const auto& [heading, doc] : d.current.other_sections) {
    section_heading(heading.empty() ? text::kOtherSections : std::string_view(heading), p);
    draw_markdown(doc, p);
  }

  // The previous version's wording, on request (Ctrl+P).
  if (d.previous) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
    if (ImGui::SmallButton((d.show_previous ? text::kHidePrevious : text::kShowPrevious).data()))
      out.push_back({Action::kTogglePrevious, 0, ""});
    if (d.show_previous) {
      const VersionDetail& prev = e.versions[size_t(d.previous->index)];
      boxed(p.code_bg, [&](float) {
        draw_rich_text(StyledText{{std::string(text::kPreviousVersion) + "  " + validity(prev.span), kStyleBold},
                                  {"  " + prev.version.title, kStyleDim}},
                       p);
        version_body(*d.previous, p, true);
      });
    }
  }
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  ImGui::EndChild();
}

}  // namespace madoguchi::viewer
