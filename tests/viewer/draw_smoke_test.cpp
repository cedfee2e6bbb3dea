// The drawing layer without a window (ImGui's example_null shape): a real font atlas, a real
// model over a real index, every panel drawn, and key presses turned into the keymap's actions.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <GLFW/glfw3.h>  // key codes only: ImGui 1.86's GLFW backend indexes keys by them

#include "draw_frame.h"
#include "draw_panels.h"
#include "model_harness.h"
#include "release_watcher.h"
#include "seat_state.h"
#include "shortcuts.h"
#include "theme.h"
#include "ui_fonts.h"
#include "viewer_fixture.h"
#include "view_model.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::TempDir;

class Headless {
 public:
  explicit Headless(const std::string& charset) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    const std::pair<ImGuiKey, int> keys[] = {
        {ImGuiKey_Tab, GLFW_KEY_TAB},         {ImGuiKey_LeftArrow, GLFW_KEY_LEFT}, {ImGuiKey_RightArrow, GLFW_KEY_RIGHT},
        {ImGuiKey_UpArrow, GLFW_KEY_UP},      {ImGuiKey_DownArrow, GLFW_KEY_DOWN}, {ImGuiKey_PageUp, GLFW_KEY_PAGE_UP},
        {ImGuiKey_PageDown, GLFW_KEY_PAGE_DOWN}, {ImGuiKey_Home, GLFW_KEY_HOME}, {ImGuiKey_End, GLFW_KEY_END},
        {ImGuiKey_Delete, GLFW_KEY_DELETE},   {ImGuiKey_Backspace, GLFW_KEY_BACKSPACE}, {ImGuiKey_Space, GLFW_KEY_SPACE},
        {ImGuiKey_Enter, GLFW_KEY_ENTER},     {ImGuiKey_Escape, GLFW_KEY_ESCAPE}, {ImGuiKey_KeyPadEnter, GLFW_KEY_KP_ENTER},
        {ImGuiKey_A, GLFW_KEY_A}, {ImGuiKey_C, GLFW_KEY_C}, {ImGuiKey_V, GLFW_KEY_V}, {ImGuiKey_X, GLFW_KEY_X},
        {ImGuiKey_Y, GLFW_KEY_Y}, {ImGuiKey_Z, GLFW_KEY_Z}};
    for (auto [k, code] : keys) io.KeyMap[k] = code;
    auto fonts = UiFonts::prepare({});
    REQUIRE(fonts.has_value());
    fonts->want_utf8(charset);
    fonts->complete();
    AtlasStats stats;
    REQUIRE(fonts->build(*ImGui::GetIO().Fonts, 20, &stats).ok());
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    glyphs = stats.glyphs_baked;
    apply_theme(Theme::kLight, 1);
  }
  ~Headless() { ImGui::DestroyContext(); }

  // One frame: keys pressed (seen by ImGui too, as the GLFW backend would report them),
  // characters typed, then the model's requests applied.
  std::vector<ActionRequest> frame(ViewModel& m, std::initializer_list<int> keys = {}, bool ctrl = false,
                                   const char* typed = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    for (int k : keys) io.KeysDown[k] = true;
    io.KeyCtrl = ctrl;
    if (typed) io.AddInputCharactersUTF8(typed);
    ImGui::NewFrame();
    std::vector<KeyPress> presses;
    for (int k : keys) presses.push_back({k, ctrl ? GLFW_MOD_CONTROL : 0});
    auto shortcuts = poll_shortcuts(presses);
    for (const auto& a : shortcuts) m.apply(a);
    auto requests = draw_frame(m.state(), scratch);
    ImGui::Render();
    for (int k : keys) io.KeysDown[k] = false;
    io.KeyCtrl = false;
    for (const auto& r : requests) m.apply(r);
    m.pump();
    last_shortcuts = shortcuts;
    vertices = ImGui::GetDrawData()->TotalVtxCount;
    return requests;
  }

  DrawScratch scratch;
  std::vector<ActionRequest> last_shortcuts;
  int vertices = 0;
  int glyphs = 0;
};

bool contains(const std::vector<ActionRequest>& v, Action a) {
  for (const auto& r : v)
    if (r.action == a) return true;
  return false;
}

struct Scene {
  TempDir tmp;
  std::string db = build_viewer_index(tmp);
  InlineSearchService service{db, Clock::fixed(today())};
  RecordingEvents events;
  ViewModel model{service, events};
  std::unique_ptr<Headless> ui;
  Scene() {
    model.set_index_path(db);
    model.set_today(today());
    model.pump();
    ui = std::make_unique<Headless>(model.state().index.charset);
  }
};

}  // namespace

TEST_CASE("every panel draws from real states without a window", "[viewer][draw]") {
  Scene s;
  CHECK(s.ui->glyphs > 7000);
  for (int i = 0; i < 3; ++i) s.ui->frame(s.model);  // empty query
  CHECK(s.ui->vertices > 0);
  s.model.replace_query("発熱");
  s.model.pump();
  for (int i = 0; i < 3; ++i) s.ui->frame(s.model);
  CHECK(s.ui->scratch.rows_drawn >= 1);
  s.model.toggle_previous();
  s.model.toggle_upcoming();
  for (int i = 0; i < 2; ++i) s.ui->frame(s.model);
  s.model.apply({Action::kToggleHelp, 0, ""});
  s.ui->frame(s.model);
  s.model.apply({Action::kToggleHelp, 0, ""});
  s.model.apply({Action::kPickCategory, 0, ""});
  s.ui->frame(s.model);
  s.model.apply({Action::kEscape, 0, ""});
  s.model.apply({Action::kEditAsOf, 0, ""});
  s.ui->frame(s.model);
  s.model.set_theme(Theme::kDark);
  apply_theme(Theme::kDark, 2.0f);
  for (int i = 0; i < 2; ++i) s.ui->frame(s.model);
  s.model.replace_query("該当しないはずの語句ｘｙｚ");
  s.model.pump();
  s.ui->frame(s.model);
  CHECK(s.ui->scratch.rows_drawn == 0);
}

TEST_CASE("the match count is written as a count, or with 約 when it is Xapian's estimate", "[viewer][draw]") {
  Scene s;
  s.model.replace_query("発熱");
  s.model.pump();
  const ViewState& state = s.model.state();
  REQUIRE_FALSE(state.hits.empty());
  CHECK(state.total_is_exact);  // eight entries: matched without pruning (exact_match_max_documents)
  CHECK(results_total(state) == std::to_string(state.estimated_total));
  ViewState estimated;
  estimated.estimated_total = 12345;
  CHECK(results_total(estimated) == "約12,345");
  estimated.total_is_exact = true;
  CHECK(results_total(estimated) == "12,345");
}

TEST_CASE("key presses in a frame become the keymap's actions", "[viewer][draw]") {
  Scene s;
  s.model.replace_query("ほけんじょ");
  s.model.pump();
  s.ui->frame(s.model);
  s.ui->frame(s.model, {GLFW_KEY_DOWN});
  CHECK(contains(s.ui->last_shortcuts, Action::kMoveDown));
  CHECK(s.model.state().selected == 1);
  s.ui->frame(s.model);
  s.ui->frame(s.model, {GLFW_KEY_1}, /*ctrl=*/true);
  CHECK(contains(s.ui->last_shortcuts, Action::kOpenNth));
  CHECK(s.model.state().selected == 0);
  s.ui->frame(s.model);
  s.ui->frame(s.model, {GLFW_KEY_F1});
  CHECK(s.model.state().help_open);
}

TEST_CASE("typing reaches the model, Esc clears the box instead of reverting it", "[viewer][draw]") {
  Scene s;
  s.ui->frame(s.model);  // the first frame focuses the search box
  s.ui->frame(s.model);
  auto typed = s.ui->frame(s.model, {}, false, "発熱");
  CHECK(contains(typed, Action::kSetQuery));
  CHECK(s.model.state().query == "発熱");
  REQUIRE_FALSE(s.model.state().hits.empty());
  auto esc = s.ui->frame(s.model, {GLFW_KEY_ESCAPE});
  CHECK(contains(s.ui->last_shortcuts, Action::kEscape));
  CHECK_FALSE(contains(esc, Action::kSetQuery));  // ImGui never saw the Escape
  CHECK(s.model.state().query.empty());
  s.ui->frame(s.model);
  s.ui->frame(s.model);
  CHECK(s.ui->scratch.query_buffer.empty());
  // The box still has focus: typing goes on.
  s.ui->frame(s.model, {}, false, "咳");
  CHECK(s.model.state().query == "咳");
}

TEST_CASE("a query with characters beyond the box's plane is shown and searched as the box holds it",
          "[viewer][draw]") {
  // Debian's ImGui 1.86 keeps 16-bit characters: 😷 and 𠮷 (U+20BB7) become U+FFFD in the box.
  // Put there with --query (the text replaced while the box is active), the box used to end in
  // stray bytes ("? マスク ?8") and the search failed as not UTF-8.
  Scene s;
  s.ui->frame(s.model);  // the first frame focuses the search box
  s.ui->frame(s.model);
  s.model.replace_query("😷 マスク 𠮷");
  s.model.pump();
  for (int i = 0; i < 4; ++i) s.ui->frame(s.model);
  const std::string held = "\uFFFD マスク \uFFFD";
  CHECK(s.ui->scratch.query_buffer == held);
  CHECK(s.model.state().query == held);
  CHECK(s.model.state().search_error.empty());
  // Typing on keeps what the box holds.
  s.ui->frame(s.model, {}, false, "着用");
  CHECK(s.model.state().query == held + "着用");
}

TEST_CASE("characters typed outside the search box are redirected to it", "[viewer][draw]") {
  Scene s;
  s.ui->frame(s.model);
  s.ui->frame(s.model, {}, false, "ほけんじょ");
  REQUIRE_FALSE(s.model.state().hits.empty());
  s.ui->frame(s.model, {GLFW_KEY_ENTER});  // opens the result; ImGui lets go of the box
  CHECK(s.model.state().focus == Focus::kDetail);
  s.ui->frame(s.model);
  s.ui->frame(s.model, {}, false, " 受付");
  CHECK(contains(s.ui->last_shortcuts, Action::kTypeAhead));
  CHECK(s.model.state().query == "ほけんじょ 受付");
  CHECK(s.model.state().focus == Focus::kSearch);
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

// Issue 4 and 8's overlays: the banner, the changes panel with word diffs, the history view and
// the F7 note box, drawn from a model over a published index with an unread release.
TEST_CASE("the release banner, changes panel, history view and note box draw without a window", "[viewer][draw][releases]") {
  TempDir tmp;
  write_viewer_corpus(tmp.path() / "corpus");
  const std::string live = tmp.str("live");
  auto publish = [&](const std::string& message) {
    auto r = madoguchi::test::run_cli({"publish", tmp.str("corpus"), "--db", live, "--message", message});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  };
  publish("初回");
  SeatState seat(tmp.str("seat.json"));
  REQUIRE(seat.acknowledge(live, 1).ok());
  madoguchi::test::write_file(tmp.path() / "corpus" / "symptoms" / "cough.md",
                              madoguchi::test::entry_md("cough", "咳が続くとき",
                                                        "咳が三週間以上続く場合は、かかりつけ医にご相談ください。",
                                                        "type: faq\ncategory: [症状]\neffective: 2022-04-01\n",
                                                        "咳が止まりません。"));
  publish("咳の目安を変更");

  InlineSearchService service(live, Clock::fixed(today()));
  InlineReleaseService releases(live, Clock::fixed(today()));
  RecordingEvents events;
  ViewModel model(service, events, {}, &releases, &seat);
  model.set_index_path(live);
  model.set_today(today());
  model.pump();
  releases.poll();
  model.pump();
  Headless ui(model.state().index.charset);
  model.replace_query("咳");
  model.pump();
  REQUIRE(model.state().banner.visible);
  for (int i = 0; i < 2; ++i) ui.frame(model);
  CHECK(ui.scratch.rows_drawn >= 1);
  model.apply({Action::kToggleChanges, 0, ""});
  model.pump();
  REQUIRE(model.state().changes.items.size() == 1);
  for (int i = 0; i < 2; ++i) ui.frame(model);
  model.apply({Action::kToggleChanges, 0, ""});
  model.apply({Action::kToggleHistory, 0, ""});
  model.pump();
  REQUIRE(model.state().history.steps.size() == 2);
  for (int i = 0; i < 2; ++i) ui.frame(model);
  model.apply({Action::kEscape, 0, ""});
  // F7: the box takes focus; characters typed at once, before the box had focus (type-ahead into the
  // draft), and after it (through the box), all end up in the note, in order.
  model.apply({Action::kFeedback, 0, ""});
  ui.frame(model, {}, false, "説");
  ui.frame(model, {}, false, "明");
  ui.frame(model, {}, false, "不足");
  for (int i = 0; i < 2; ++i) ui.frame(model);
  CHECK(model.state().feedback.draft == "説明不足");
  model.apply({Action::kOpenSelected, 0, ""});
  REQUIRE(events.feedbacks.size() == 1);
  CHECK(events.feedbacks[0].note == "説明不足");
  // The dark theme draws the diff colors too.
  model.set_theme(Theme::kDark);
  apply_theme(Theme::kDark, 1.0f);
  model.apply({Action::kToggleChanges, 0, ""});
  model.pump();
  ui.frame(model);
  apply_theme(Theme::kLight, 1.0f);
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("an Enter that arrives with characters still queued waits for the next frame", "[viewer][draw]") {
  Scene s;
  s.ui->frame(s.model);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("発熱");
  ImGui::NewFrame();
  std::vector<KeyPress> deferred;
  const auto now = poll_shortcuts({{GLFW_KEY_ENTER, 0}, {GLFW_KEY_F1, 0}}, &deferred);
  CHECK_FALSE(contains(now, Action::kOpenSelected));
  CHECK_FALSE(contains(now, Action::kToggleHelp));  // keys after the Enter keep their order
  REQUIRE(deferred.size() == 2);
  CHECK(deferred[0].key == GLFW_KEY_ENTER);
  ImGui::Render();
  // Next frame, nothing queued: the Enter acts.
  ImGui::NewFrame();
  std::vector<KeyPress> none;
  const auto later = poll_shortcuts(deferred, &none);
  CHECK(contains(later, Action::kOpenSelected));
  CHECK(contains(later, Action::kToggleHelp));
  CHECK(none.empty());
  ImGui::Render();
}

}  // namespace madoguchi::viewer::test
