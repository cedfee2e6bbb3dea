#include "shortcuts.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>
#include <GLFW/glfw3.h>  // key and modifier constants only

#include "glyph_set.h"
#include "keymap.h"

namespace madoguchi::viewer {
namespace {

struct KeyCode {
  Key key;
  int glfw;
};

constexpr KeyCode kKeyCodes[] = {
    {Key::kUp, GLFW_KEY_UP},           {Key::kDown, GLFW_KEY_DOWN},       {Key::kPageUp, GLFW_KEY_PAGE_UP},
    {Key::kPageDown, GLFW_KEY_PAGE_DOWN}, {Key::kEnter, GLFW_KEY_ENTER}, {Key::kKeypadEnter, GLFW_KEY_KP_ENTER},
    {Key::kEscape, GLFW_KEY_ESCAPE},   {Key::kF1, GLFW_KEY_F1},           {Key::kF2, GLFW_KEY_F2},
    {Key::kF3, GLFW_KEY_F3},           {Key::kF4, GLFW_KEY_F4},           {Key::kF5, GLFW_KEY_F5},
    {Key::kF6, GLFW_KEY_F6}, {Key::kF7, GLFW_KEY_F7}, {Key::kF8, GLFW_KEY_F8},           {Key::kF9, GLFW_KEY_F9},           {Key::kL, GLFW_KEY_L},
    {Key::kP, GLFW_KEY_P},             {Key::kU, GLFW_KEY_U},             {Key::kC, GLFW_KEY_C},
    {Key::kS, GLFW_KEY_S},             {Key::kH, GLFW_KEY_H},             {Key::k0, GLFW_KEY_0},             {Key::k1, GLFW_KEY_1},
    {Key::k2, GLFW_KEY_2},             {Key::k3, GLFW_KEY_3},             {Key::k4, GLFW_KEY_4},
    {Key::k5, GLFW_KEY_5},             {Key::k6, GLFW_KEY_6},             {Key::k7, GLFW_KEY_7},
    {Key::k8, GLFW_KEY_8},             {Key::k9, GLFW_KEY_9},             {Key::kEqual, GLFW_KEY_EQUAL},
    {Key::kMinus, GLFW_KEY_MINUS},     {Key::kSemicolon, GLFW_KEY_SEMICOLON}, {Key::kKeypadAdd, GLFW_KEY_KP_ADD},
    {Key::kKeypadSubtract, GLFW_KEY_KP_SUBTRACT},
};

std::optional<Key> key_of(int glfw) {
  for (const auto& k : kKeyCodes)
    if (k.glfw == glfw) return k.key;
  return std::nullopt;
}

// Keeps a text box from also seeing this Escape: ImGui's InputText would revert its text to what it
// was when it got focus and drop focus, while Escape here means "clear the query".
void swallow_escape() {
#if IMGUI_VERSION_NUM < 18700
  const int i = ImGui::GetIO().KeyMap[ImGuiKey_Escape];
  if (i >= 0 && i < 512) ImGui::GetIO().KeysDownDuration[i] = 0.001f;  // held, not just pressed
#else
  ImGui::GetKeyData(ImGuiKey_Escape)->DownDuration = 0.001f;
#endif
}

}  // namespace

std::vector<ActionRequest> poll_shortcuts(const std::vector<KeyPress>& presses, std::vector<KeyPress>* deferred,
                                          bool note_box_waiting) {
  std::vector<ActionRequest> out;
  bool escape = false;
  // Characters still queued go to the active box while it draws, or become type-ahead below: either
  // way after this frame's keys. An Enter behind them waits a frame.
  const bool text_pending = ImGui::GetIO().InputQueueCharacters.Size > 0;
  for (size_t i = 0; i < presses.size(); ++i) {
    const KeyPress& p = presses[i];
    if (deferred && text_pending && (p.key == GLFW_KEY_ENTER || p.key == GLFW_KEY_KP_ENTER)) {
      deferred->insert(deferred->end(), presses.begin() + long(i), presses.end());
      break;
    }
    const auto key = key_of(p.key);
    if (!key) continue;
    uint8_t mods = kModNone;
    if (p.mods & GLFW_MOD_CONTROL) mods |= kModCtrl;
    if (p.mods & GLFW_MOD_SHIFT) mods |= kModShift;
    if (p.mods & GLFW_MOD_ALT) mods |= kModAlt;
    if (auto action = action_for(Chord{*key, mods})) {
      out.push_back(*action);
      if (*key == Key::kEscape) escape = true;
    }
  }
  if (escape) swallow_escape();

  // Characters typed while no text box has focus (after a click on a result, in the detail pane):
  // they belong to the search box, so an operator can just keep typing. Characters that arrive
  // with F7, or before the note box it opens has taken focus, were typed for the note: left
  // queued, the search box (still active until then) would swallow them.
  ImGuiIO& io = ImGui::GetIO();
  const bool opens_note = std::any_of(out.begin(), out.end(), [](const ActionRequest& r) { return r.action == Action::kFeedback; });
  if ((opens_note || note_box_waiting || !io.WantTextInput) && io.InputQueueCharacters.Size > 0) {
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters)
      if (c >= 0x20 && c != 0x7F) append_utf8(typed, c);
    io.InputQueueCharacters.resize(0);
    if (!typed.empty()) out.push_back({Action::kTypeAhead, 0, typed});
  }
  return out;
}

}  // namespace madoguchi::viewer
