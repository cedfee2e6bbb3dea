// The one keymap: every key chord the viewer answers to, with the Japanese description the F1
// overlay shows. The drawing layer turns physical key presses into Chords; nothing else decides
// what a key does.
//
// Thread rule: immutable tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actions.h"

namespace madoguchi::viewer {

// Keys the viewer binds, independent of GLFW and ImGui key codes.
enum class Key {
  kUp, kDown, kPageUp, kPageDown, kEnter, kKeypadEnter, kEscape,
  kF1, kF2, kF3, kF4, kF5, kF6, kF7, kF8, kF9,
  kL, kP, kU, kC, kS, kH,
  k0, k1, k2, k3, k4, k5, k6, k7, k8, k9,
  kEqual, kMinus, kSemicolon, kKeypadAdd, kKeypadSubtract,
};

enum Modifier : uint8_t { kModNone = 0, kModCtrl = 1, kModShift = 2, kModAlt = 4 };

struct Chord {
  Key key;
  uint8_t mods = kModNone;
  friend bool operator==(const Chord&, const Chord&) = default;
};

struct Binding {
  Chord chord;
  Action action;
  int arg = 0;
  const char* group;        // heading in the F1 overlay
  const char* description;  // what it does, for operators
  bool in_help = true;      // false for variants the overlay need not list (Shift forms, keypad)
};

// Every binding, in the order the F1 overlay lists them.
const std::vector<Binding>& keymap();

// What a chord does, if anything. Chords not bound return nullopt (the key goes to ImGui).
std::optional<ActionRequest> action_for(Chord chord);

// Every key the keymap uses (the drawing layer polls exactly these).
std::vector<Key> bound_keys();

// "Ctrl+Shift+C", "↑", "F1": how the overlay spells a chord.
std::string chord_label(Chord chord);

// The F1 overlay's lines: bindings with the same description merged ("Ctrl+1～9").
struct HelpLine {
  std::string group;
  std::string keys;
  std::string description;
};
std::vector<HelpLine> help_lines();

}  // namespace madoguchi::viewer
