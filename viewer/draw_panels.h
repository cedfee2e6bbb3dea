// The panels draw_frame() composes, one file each. Internal to the drawing layer.
//
// Thread rule: UI thread, between ImGui::NewFrame and ImGui::Render.
#pragma once

#include <imgui.h>
#include <string>
#include <vector>

#include "actions.h"
#include "draw_frame.h"
#include "markdown.h"
#include "theme.h"
#include "view_state.h"

namespace madoguchi::viewer {

using Requests = std::vector<ActionRequest>;

void draw_banner(const ViewState& state, Requests& out);
void draw_search_bar(const ViewState& state, DrawScratch& scratch, Requests& out);
void draw_results(const ViewState& state, DrawScratch& scratch, Requests& out);
void draw_detail(const ViewState& state, DrawScratch& scratch, Requests& out);
void draw_status_bar(const ViewState& state, Requests& out);
void draw_picker(const ViewState& state, Requests& out);
void draw_help(const ViewState& state, Requests& out);
void draw_changes(const ViewState& state, DrawScratch& scratch, Requests& out);
void draw_history(const ViewState& state, DrawScratch& scratch, Requests& out);
void draw_feedback(const ViewState& state, DrawScratch& scratch, Requests& out);

// Markdown blocks at the cursor, wrapped to the available width.
void draw_markdown(const MdDocument& doc, const Palette& palette);

// Height the status bar needs (the frame reserves it below the panes).
float status_bar_height();

// "1,234"
std::string with_thousands(long n);
// The results' match count: "1,234", or "約1,234" when it is an estimate.
std::string results_total(const ViewState& state);

// Keeps an ImGui text box in step with the model. Passed as UserData to InputText with
// ImGuiInputTextFlags_CallbackAlways and sync_text_box as the callback: while the box is active
// it keeps its own copy of the text, so a text the model rewrote (`*replace`) is put in here, and
// after a focus request (which selects the whole text in ImGui 1.86, where the next key would
// replace it) the caret goes to the end instead (`*caret_to_end`).
struct TextBoxSync {
  bool* replace;
  bool* caret_to_end;
  const std::string* text;
};
int sync_text_box(ImGuiInputTextCallbackData* data);

// A tinted rounded box around whatever `body` draws.
template <class F>
void boxed(ImU32 background, F&& body);

}  // namespace madoguchi::viewer

#include "draw_boxed.inl"
