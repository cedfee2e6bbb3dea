// The one keymap: the shortcuts exist, no chord means two things, the F1 list is whole.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "test_support.h"

#include "keymap.h"

namespace madoguchi::viewer {

TEST_CASE("the shortcuts operators rely on are bound", "[viewer][keymap]") {
  auto is = [](Chord c, Action a, int arg = 0) {
    auto r = action_for(c);
    return r && r->action == a && r->arg == arg;
  };
  CHECK(is({Key::kUp}, Action::kMoveUp));
  CHECK(is({Key::kDown}, Action::kMoveDown));
  CHECK(is({Key::kEnter}, Action::kOpenSelected));
  CHECK(is({Key::kKeypadEnter}, Action::kOpenSelected));
  CHECK(is({Key::kEscape}, Action::kEscape));
  CHECK(is({Key::kL, kModCtrl}, Action::kFocusSearch));
  const Key digits[] = {Key::k1, Key::k2, Key::k3, Key::k4, Key::k5, Key::k6, Key::k7, Key::k8, Key::k9};
  for (int n = 1; n <= 9; ++n) CHECK(is({digits[n - 1], kModCtrl}, Action::kOpenNth, n));
  CHECK(is({Key::kEqual, kModCtrl}, Action::kFontBigger));
  CHECK(is({Key::kMinus, kModCtrl}, Action::kFontSmaller));
  CHECK(is({Key::kF1}, Action::kToggleHelp));
  CHECK(is({Key::kF2}, Action::kPickCategory));
  CHECK(is({Key::kF3}, Action::kPickType));
  CHECK(is({Key::kF4}, Action::kEditAsOf));
  CHECK(is({Key::kF8}, Action::kCopyAnswer));
  CHECK(is({Key::kC, kModCtrl | kModShift}, Action::kCopyAnswer));
  // Plain Ctrl+C stays with the text box (copying the query), never the answer.
  CHECK_FALSE(action_for({Key::kC, kModCtrl}).has_value());
  CHECK_FALSE(action_for({Key::kL}).has_value());  // a bare letter is typing
}

TEST_CASE("no chord is bound twice", "[viewer][keymap]") {
  std::set<std::pair<int, int>> seen;
  for (const Binding& b : keymap()) {
    INFO(chord_label(b.chord));
    CHECK(seen.insert({int(b.chord.key), int(b.chord.mods)}).second);
  }
}

TEST_CASE("the F1 overlay lists every binding, merged by what it does", "[viewer][keymap]") {
  const auto lines = help_lines();
  std::set<std::string> descriptions;
  for (const auto& l : lines) {
    CHECK_FALSE(l.keys.empty());
    CHECK_FALSE(l.group.empty());
    descriptions.insert(l.description);
  }
  for (const Binding& b : keymap()) CHECK(descriptions.count(b.description) == 1);
  bool nth = false;
  for (const auto& l : lines) nth |= l.keys == "Ctrl+1～9";
  CHECK(nth);
  CHECK(chord_label({Key::kC, kModCtrl | kModShift}) == "Ctrl+Shift+C");
  CHECK(chord_label({Key::kDown}) == "↓");
}

}  // namespace madoguchi::viewer

namespace madoguchi::viewer {

TEST_CASE("docs/viewer.md lists every shortcut the F1 overlay shows", "[viewer][keymap]") {
  std::ifstream in(madoguchi::test::source_dir() + "/docs/viewer.md");
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  for (const auto& line : help_lines()) {
    std::stringstream keys(line.keys);
    std::string key;
    while (std::getline(keys, key, '/')) {
      while (!key.empty() && key.front() == ' ') key.erase(key.begin());
      while (!key.empty() && key.back() == ' ') key.pop_back();
      if (const auto jis = key.find("（JIS）"); jis != std::string::npos) key.erase(jis);
      INFO(line.description);
      CHECK(doc.str().find(key) != std::string::npos);
    }
  }
}

}  // namespace madoguchi::viewer
