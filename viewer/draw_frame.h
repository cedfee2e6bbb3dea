// Drawing: one function from the view state to ImGui calls for the whole window, returning what
// the operator asked for (clicks, edits). The main loop applies the requests after the frame.
//
// Thread rule: UI thread, between ImGui::NewFrame and ImGui::Render.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actions.h"
#include "view_state.h"

namespace madoguchi::viewer {

// What ImGui widgets need to remember between frames that is not view state: text buffers for
// the input boxes and which model requests (focus, scroll, rewrites) have been carried out.
struct DrawScratch {
  std::string query_buffer;
  std::string query_for_box;  // the model's query as the box can hold it (see draw_search_bar.cpp)
  uint64_t query_epoch = ~uint64_t(0);
  std::string as_of_buffer;
  uint64_t as_of_epoch = ~uint64_t(0);
  uint64_t focus_epoch = 0;
  uint64_t selection_epoch = 0;
  uint64_t detail_scroll_epoch = 0;
  // For the search box's callback: text to put in while it is active, and the caret to move to
  // the end (a focus request must not select everything, or the next key would replace it).
  bool replace_query = false;
  bool caret_to_end = false;
  bool replace_as_of = false;
  bool as_of_caret_to_end = false;
  uint64_t changes_scroll_epoch = 0;
  uint64_t history_scroll_epoch = 0;
  std::string feedback_buffer;  // the F7 note box
  uint64_t feedback_epoch = 0;
  bool feedback_caret_to_end = false;
  bool feedback_replace = false;
  bool feedback_active = false;  // the note box had keyboard focus in the last frame
  // Visible result rows in the last frame (the screenshot test reads it through the event log).
  int rows_drawn = 0;
};

std::vector<ActionRequest> draw_frame(const ViewState& state, DrawScratch& scratch);

}  // namespace madoguchi::viewer
