// Turns this frame's key presses into ActionRequests through the keymap (keymap.h), and characters
// typed while no text box has focus into a type-ahead request for the search box. Call right after
// ImGui::NewFrame(), before any widget.
//
// Key presses come from the GLFW key callback (GlWindow queues them), not from ImGui's key state:
// ImGui 1.86 samples keys once per frame, so a quick tap whose press and release arrive together
// (xdotool, remote desktops, fast typists while a frame renders) would never be seen.
//
// Thread rule: UI thread, between NewFrame and Render.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actions.h"

namespace madoguchi::viewer {

struct KeyPress {
  int key = 0;   // GLFW_KEY_*
  int mods = 0;  // GLFW_MOD_* bits
};

// Presses put in `deferred` wait for the next frame: an Enter that arrives in the same frame as
// characters still queued (xdotool, a fast typist on a loaded machine) would otherwise act on the
// text without them (a box reads its characters while drawing, after the shortcuts ran, and
// type-ahead is handed out after the keys).
// `note_box_waiting`: the F7 note box is open but has not taken keyboard focus yet (it does so a
// frame after it opens); queued characters then go to the model as type-ahead, which the model
// puts into the note, instead of the search box that is still active.
std::vector<ActionRequest> poll_shortcuts(const std::vector<KeyPress>& presses,
                                          std::vector<KeyPress>* deferred = nullptr, bool note_box_waiting = false);

}  // namespace madoguchi::viewer
