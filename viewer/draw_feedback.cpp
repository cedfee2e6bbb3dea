// F7 "this answer was not enough": a small box for an optional note (issue 8). The model routes
// Enter (record, with or without a note) and Esc (cancel, nothing recorded); the box only edits.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "draw_panels.h"
#include "ui_text.h"

namespace madoguchi::viewer {

void draw_feedback(const ViewState& s, DrawScratch& scratch, Requests& out) {
  if (!s.feedback.open) {
    scratch.feedback_active = false;
    return;
  }
  const FeedbackNote& f = s.feedback;
  const Palette& p = palette(s.theme);
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool fresh = scratch.feedback_epoch != f.epoch;
  if (fresh) {
    scratch.feedback_epoch = f.epoch;
    scratch.feedback_buffer = f.draft;
    scratch.feedback_replace = true;
  }
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.35f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - em * 2, em * 32), 0), ImGuiCond_Always);
  ImGui::SetNextWindowFocus();
  ImGui::Begin((std::string(text::kFeedbackTitle) + "###feedback").c_str(), nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoResize);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(f.title.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_dim));
  ImGui::TextUnformatted(text::kFeedbackPrompt.data());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  if (fresh || !ImGui::IsAnyItemActive()) {
    ImGui::SetKeyboardFocusHere();
    scratch.feedback_caret_to_end = true;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  TextBoxSync sync{&scratch.feedback_replace, &scratch.feedback_caret_to_end, &f.draft};
  const bool edited =
      ImGui::InputText("##note", &scratch.feedback_buffer, ImGuiInputTextFlags_CallbackAlways, sync_text_box, &sync);
  scratch.feedback_active = ImGui::IsItemActive();
  if (!scratch.feedback_active) scratch.feedback_replace = false;  // the buffer itself holds the draft
  if (edited &&
      scratch.feedback_buffer != f.draft)
    out.push_back({Action::kSetFeedbackDraft, 0, scratch.feedback_buffer});
  if (ImGui::Button(text::kFeedbackSave.data())) out.push_back({Action::kCommitFeedback, 0, ""});
  ImGui::SameLine();
  if (ImGui::Button(text::kFeedbackCancel.data())) out.push_back({Action::kEscape, 0, ""});
  ImGui::End();
}

}  // namespace madoguchi::viewer
