// The view model against a real index (real MeCab, real Xapian), driven exactly as key presses
// drive it: through the keymap's ActionRequests. No window.
#include <catch2/catch.hpp>

#include <map>

#include "keymap.h"
#include "model_harness.h"
#include "release_fixture.h"
#include "test_support.h"
#include "ui_text.h"
#include "view_model.h"
#include "viewer_fixture.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::TempDir;

std::vector<std::string> ids(const ViewState& s) {
  std::vector<std::string> out;
  for (const auto& h : s.hits) out.push_back(h.id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A model over the fixture index with the inline (synchronous) service.
struct Fixture {
  TempDir tmp;
  std::string db = build_viewer_index(tmp);
  InlineSearchService service{db, Clock::fixed(today())};
  RecordingEvents events;
  FakeTime time;
  ViewModel model{service, events, ViewModelOptions{.now = time.fn()}};
  Fixture() {
    model.set_index_path(db);
    model.set_today(today());
    model.pump();
  }
  const ViewState& s() const { return model.state(); }
};

}  // namespace

TEST_CASE("opening the index reports its size and the characters it uses", "[viewer][model]") {
  Fixture f;
  CHECK(f.s().index.state == IndexState::kOpen);
  CHECK(f.s().index.entry_count == 8);
  CHECK(f.s().index.charset.find("咳") != std::string::npos);
  CHECK(f.s().hits.empty());
  CHECK(f.s().focus == Focus::kSearch);
}

TEST_CASE("every keystroke searches and the first result is selected with its detail", "[viewer][model]") {
  Fixture f;
  type(f.model, "発");
  type(f.model, "発熱");
  REQUIRE(f.events.searches.size() == 2);
  REQUIRE_FALSE(f.s().hits.empty());
  CHECK(f.s().hits[0].id == "fever-consult");
  CHECK(f.s().selected == 0);
  CHECK(f.s().results_query == "発熱");
  REQUIRE(f.s().detail.entry.has_value());
  CHECK(f.s().detail.id == "fever-consult");
  CHECK_FALSE(f.s().detail.loading);
}

TEST_CASE("the ideographic space an IME types is searched as a space, and alone is blank", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱\u3000相談");
  REQUIRE(f.events.searches.size() == 1);
  CHECK(f.events.searches.back().query == "発熱 相談");
  CHECK(f.s().query == "発熱\u3000相談");  // the search box keeps what was typed
  CHECK_FALSE(f.s().hits.empty());
  type(f.model, "\u3000\u3000");
  CHECK(f.events.searches.size() == 1);  // nothing to search
  CHECK(f.s().hits.empty());
}

TEST_CASE("the word being typed matches as a prefix and unconverted kana finds kanji", "[viewer][model]") {
  Fixture f;
  type(f.model, "ほけんじょ");
  auto found = ids(f.s());
  CHECK(has(found, "hokenjo-hours"));
  CHECK(has(found, "routing-suita"));
  type(f.model, "ほけん");  // a prefix of ほけんじょ, still being typed
  CHECK(has(ids(f.s()), "hokenjo-hours"));
  type(f.model, "せき");
  CHECK(has(ids(f.s()), "cough"));
}

TEST_CASE("results carry the badges operators see", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  CHECK(f.s().hits[0].badge == "更新");  // a new version took effect two days ago
  type(f.model, "ワクチン");
  std::map<std::string, std::string> badge;
  for (const auto& h : f.s().hits) badge[h.id] = h.badge;
  CHECK(badge["vaccine-spring"] == "新規");
  CHECK(badge["vaccine-summer"] == "予定");
  // Highlights are byte ranges into the snippet.
  for (const auto& h : f.s().hits)
    for (auto [b, e] : h.highlights) CHECK(e <= h.snippet.size());
}

TEST_CASE("stale replies are dropped: the newest query wins", "[viewer][model]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  HeldService service(db, Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.pump();
  m.apply({Action::kSetQuery, 0, "発"});
  m.apply({Action::kSetQuery, 0, "保健所"});
  REQUIRE(service.searches.size() == 2);
  CHECK(m.state().searching);
  service.answer_search(1);  // the newer one comes back first
  m.pump();
  CHECK(m.state().results_query == "保健所");
  service.answer_search(0);  // the older one arrives late: ignored
  m.pump();
  CHECK(m.state().results_query == "保健所");
  CHECK(events.searches.size() == 1);
  CHECK_FALSE(m.state().searching);
}

TEST_CASE("arrow keys move the selection, clamped, and the detail follows", "[viewer][model]") {
  Fixture f;
  type(f.model, "ほけんじょ");
  REQUIRE(f.s().hits.size() >= 2);
  press(f.model, {Key::kUp});
  CHECK(f.s().selected == 0);
  const auto epoch = f.s().selection_epoch;
  press(f.model, {Key::kDown});
  CHECK(f.s().selected == 1);
  CHECK(f.s().selection_epoch > epoch);
  CHECK(f.s().detail.id == f.s().hits[1].id);
  for (int i = 0; i < 20; ++i) press(f.model, {Key::kDown});
  CHECK(f.s().selected == int(f.s().hits.size()) - 1);
  CHECK(f.events.selections.back() == f.s().hits.back().id);
}

TEST_CASE("Enter opens the selected result and records a settle point", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  press(f.model, {Key::kEnter});
  CHECK(f.s().focus == Focus::kDetail);
  REQUIRE(f.events.count(SettleKind::kOpened) == 1);
  CHECK(f.events.settles.back().id == "fever-consult");
  CHECK(f.events.settles.back().rank == 1);
  CHECK(f.events.settles.back().query == "発熱");
}

TEST_CASE("Ctrl+1..9 open the n-th result, out of range does nothing", "[viewer][model]") {
  Fixture f;
  type(f.model, "ほけんじょ");
  REQUIRE(f.s().hits.size() >= 2);
  press(f.model, {Key::k2, kModCtrl});
  CHECK(f.s().selected == 1);
  CHECK(f.s().focus == Focus::kDetail);
  CHECK(f.s().detail.id == f.s().hits[1].id);
  press(f.model, {Key::k9, kModCtrl});
  CHECK(f.s().selected == 1);
}

TEST_CASE("Esc clears the query, a second Esc returns focus to the search box", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  press(f.model, {Key::kEnter});
  REQUIRE(f.s().focus == Focus::kDetail);
  const auto query_epoch = f.s().query_epoch;
  press(f.model, {Key::kEscape});
  CHECK(f.s().query.empty());
  CHECK(f.s().query_epoch > query_epoch);  // the search box is told to empty itself
  CHECK(f.s().hits.empty());
  CHECK_FALSE(f.s().detail.entry.has_value());
  CHECK(f.events.count(SettleKind::kCleared) == 1);
  // Focus moved away with the mouse; the second Esc brings it back.
  f.model.apply({Action::kFocusChanged, int(Focus::kDetail), ""});
  const auto focus_epoch = f.s().focus_epoch;
  press(f.model, {Key::kEscape});
  CHECK(f.s().focus == Focus::kSearch);
  CHECK(f.s().focus_epoch > focus_epoch);
  CHECK(f.events.count(SettleKind::kCleared) == 1);
}

TEST_CASE("Esc closes the help overlay and pickers before touching the query", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  press(f.model, {Key::kF1});
  CHECK(f.s().help_open);
  press(f.model, {Key::kEscape});
  CHECK_FALSE(f.s().help_open);
  CHECK(f.s().query == "発熱");
  press(f.model, {Key::kF3});
  CHECK(f.s().picker.open());
  press(f.model, {Key::kEscape});
  CHECK_FALSE(f.s().picker.open());
  CHECK(f.s().query == "発熱");
}

TEST_CASE("Ctrl+L focuses the search box", "[viewer][model]") {
  Fixture f;
  f.model.apply({Action::kFocusChanged, int(Focus::kResults), ""});
  const auto epoch = f.s().focus_epoch;
  press(f.model, {Key::kL, kModCtrl});
  CHECK(f.s().focus == Focus::kSearch);
  CHECK(f.s().focus_epoch > epoch);
}

TEST_CASE("typing while the search box lacks focus goes to the search box", "[viewer][model]") {
  Fixture f;
  type(f.model, "発");
  f.model.apply({Action::kFocusChanged, int(Focus::kDetail), ""});
  const auto epoch = f.s().query_epoch;
  f.model.apply({Action::kTypeAhead, 0, "熱"});
  f.model.pump();
  CHECK(f.s().query == "発熱");
  CHECK(f.s().query_epoch > epoch);
  CHECK(f.s().focus == Focus::kSearch);
  CHECK(f.s().results_query == "発熱");
}

TEST_CASE("copying the answer gives plain text with list markers and table cells", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  press(f.model, {Key::kC, kModCtrl | kModShift});
  auto clip = f.model.take_clipboard_request();
  REQUIRE(clip.has_value());
  CHECK(*clip == kFeverAnswerPlain);
  CHECK_FALSE(f.model.take_clipboard_request().has_value());  // once
  CHECK(f.s().notice == text::kCopied);
  CHECK(f.events.count(SettleKind::kCopied) == 1);
  press(f.model, {Key::kF8});  // the one-key alternative
  CHECK(f.model.take_clipboard_request() == std::optional<std::string>(kFeverAnswerPlain));
  press(f.model, {Key::kS, kModCtrl | kModShift});
  CHECK(f.model.take_clipboard_request() ==
        std::optional<std::string>("「お熱が出ているのですね。まず、かかりつけのお医者様はいらっしゃいますか。」"));
}

TEST_CASE("copying before the detail has arrived copies nothing and says so", "[viewer][model]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  HeldService service(db, Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.pump();
  m.apply({Action::kSetQuery, 0, "発熱"});
  service.answer_search(0);
  m.pump();
  REQUIRE(m.state().detail.loading);
  m.apply({Action::kCopyAnswer, 0, ""});
  CHECK_FALSE(m.take_clipboard_request().has_value());
  CHECK(m.state().notice == text::kStillLoading);
  service.answer_all();
  m.pump();
  m.apply({Action::kCopyAnswer, 0, ""});
  CHECK(m.take_clipboard_request().has_value());
}

TEST_CASE("the detail carries versions: in force since, upcoming change, previous wording", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  const DetailView& d = f.s().detail;
  REQUIRE(d.entry.has_value());
  const auto& cur = d.entry->versions[size_t(d.current.index)];
  CHECK(cur.version.effective.to_string() == "2023-05-08");
  CHECK(cur.status == VersionStatus::kInForce);
  REQUIRE(d.upcoming.has_value());
  CHECK(d.entry->versions[size_t(d.upcoming->index)].version.effective.to_string() == "2023-06-01");
  REQUIRE(d.previous.has_value());
  CHECK(to_plain_text(d.previous->answer) == "かかりつけ医に相談してください。");
  // Sections beyond question/answer/script are kept.
  REQUIRE(d.current.other_sections.size() == 1);
  CHECK(d.current.other_sections[0].first == "備考");
  CHECK_FALSE(d.show_previous);
  press(f.model, {Key::kP, kModCtrl});
  CHECK(f.s().detail.show_previous);
  press(f.model, {Key::kU, kModCtrl});
  CHECK(f.s().detail.show_upcoming);
  // Moving to another entry and back starts folded again.
  press(f.model, {Key::kP, kModCtrl});
  CHECK_FALSE(f.s().detail.show_previous);
}

TEST_CASE("F2 offers every category of the index, before any search", "[viewer][model]") {
  Fixture f;
  press(f.model, {Key::kF2});
  const Picker& p = f.s().picker;
  REQUIRE(p.kind == Picker::Kind::kCategory);
  CHECK(p.values.size() == 7);  // any, and the fixture's six
  for (const char* c : {"振り分け", "受診相談", "症状", "検査", "ワクチン", "トーク"})
    CHECK(std::find(p.values.begin(), p.values.end(), c) != p.values.end());
}

TEST_CASE("category filter from the keyboard: F2, arrows, Enter", "[viewer][model]") {
  Fixture f;
  type(f.model, "ほけんじょ");
  REQUIRE(ids(f.s()).size() >= 2);
  press(f.model, {Key::kF2});
  const Picker& p = f.s().picker;
  REQUIRE(p.kind == Picker::Kind::kCategory);
  CHECK(p.labels[0] == text::kAny);
  const auto it = std::find(p.values.begin(), p.values.end(), "振り分け");
  REQUIRE(it != p.values.end());
  const int target = int(it - p.values.begin());
  for (int i = 0; i < target; ++i) press(f.model, {Key::kDown});
  press(f.model, {Key::kEnter});
  CHECK_FALSE(f.s().picker.open());
  CHECK(f.s().filters.category == "振り分け");
  CHECK(ids(f.s()) == std::vector<std::string>{"routing-suita"});
  CHECK(f.s().focus == Focus::kSearch);
  press(f.model, {Key::kF5});  // clear filters
  CHECK(f.s().filters.category.empty());
  CHECK(ids(f.s()).size() >= 2);
}

TEST_CASE("type filter from the keyboard: F3 lists the types operators know", "[viewer][model]") {
  Fixture f;
  type(f.model, "ワクチン");
  press(f.model, {Key::kF3});
  REQUIRE(f.s().picker.kind == Picker::Kind::kType);
  CHECK(f.s().picker.labels.size() == 6);
  f.model.apply({Action::kPickerChoose, 1, ""});  // よくある質問 (faq), as a click would
  f.model.pump();
  CHECK(f.s().filters.type == "faq");
  CHECK(f.s().hits.empty());  // the vaccine entries are notices
  press(f.model, {Key::kF3});
  f.model.apply({Action::kPickerChoose, 5, ""});  // お知らせ (notice)
  f.model.pump();
  CHECK(has(ids(f.s()), "vaccine-spring"));
}

TEST_CASE("as-of date from the keyboard: F4, a date, Enter, bad dates are refused", "[viewer][model]") {
  Fixture f;
  type(f.model, "PCR");
  CHECK_FALSE(has(ids(f.s()), "free-pcr"));  // withdrawn after 2023-03-31
  press(f.model, {Key::kF4});
  CHECK(f.s().focus == Focus::kAsOfInput);
  f.model.apply({Action::kSetAsOfDraft, 0, "2023/13/01"});
  press(f.model, {Key::kEnter});
  CHECK(f.s().notice == text::kBadDate);
  CHECK_FALSE(f.s().filters.as_of.has_value());
  CHECK(f.s().focus == Focus::kAsOfInput);
  f.model.apply({Action::kSetAsOfDraft, 0, "２０２３－０１－１０"});  // full-width, as an IME types it
  press(f.model, {Key::kEnter});
  REQUIRE(f.s().filters.as_of.has_value());
  CHECK(f.s().filters.as_of->to_string() == "2023-01-10");
  CHECK(f.s().as_of_draft == "2023-01-10");
  CHECK(has(ids(f.s()), "free-pcr"));
  CHECK(f.s().focus == Focus::kSearch);
  // An empty box means today again.
  press(f.model, {Key::kF4});
  f.model.apply({Action::kSetAsOfDraft, 0, ""});
  press(f.model, {Key::kEnter});
  CHECK_FALSE(f.s().filters.as_of.has_value());
  // A refused date, or one typed without Enter, does not stay in the box once the operator leaves
  // it: the box shows the date the results are for (today: empty).
  for (const char* draft : {"2023-02-30", "2023-01-10"}) {
    press(f.model, {Key::kF4});
    f.model.apply({Action::kSetAsOfDraft, 0, draft});
    if (std::string(draft) == "2023-02-30") press(f.model, {Key::kEnter});
    const uint64_t epoch = f.s().as_of_epoch;
    f.model.apply({Action::kFocusChanged, int(Focus::kResults), ""});
    CHECK(f.s().as_of_draft.empty());
    CHECK(f.s().as_of_epoch > epoch);  // the box is rewritten
    CHECK_FALSE(f.s().filters.as_of.has_value());
  }
}

TEST_CASE("the as-of date also picks which version the detail shows", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  f.model.set_as_of(Date::parse("2023-01-01"));
  f.model.pump();
  REQUIRE(f.s().detail.entry.has_value());
  const auto& v = f.s().detail.entry->versions[size_t(f.s().detail.current.index)];
  CHECK(v.version.effective.to_string() == "2022-09-07");
}

TEST_CASE("a new query starts at the top, the same query searched again keeps the selection", "[viewer][model]") {
  Fixture f;
  type(f.model, "ほけんじょ");
  press(f.model, {Key::kDown});
  const std::string chosen = f.s().selected_hit()->id;
  f.model.set_type("");  // unchanged filter: nothing happens
  f.model.set_as_of(today());  // same results, searched again
  f.model.pump();
  CHECK(f.s().selected_hit()->id == chosen);
  type(f.model, "保健所 受付");
  CHECK(f.s().selected == 0);
}

TEST_CASE("midnight: a running viewer searches again with the new date", "[viewer][model]") {
  Fixture f;
  type(f.model, "ワクチン");
  const size_t before = f.events.searches.size();
  f.model.set_today(*Date::parse("2023-07-01"));
  f.model.pump();
  REQUIRE(f.events.searches.size() == before + 1);
  CHECK(f.events.searches.back().as_of.to_string() == "2023-07-01");
}

TEST_CASE("a pause on results is a settle point, reported once per query", "[viewer][model]") {
  Fixture f;
  type(f.model, "発熱");
  REQUIRE(f.model.next_deadline().has_value());
  f.time.now += 1.0;
  f.model.tick();
  CHECK(f.events.count(SettleKind::kPaused) == 0);
  f.time.now += 1.5;
  f.model.tick();
  CHECK(f.events.count(SettleKind::kPaused) == 1);
  CHECK(f.events.settles.back().query == "発熱");
  f.time.now += 10;
  f.model.tick();
  CHECK(f.events.count(SettleKind::kPaused) == 1);
}

TEST_CASE("notices expire on their own timer", "[viewer][model]") {
  Fixture f;
  f.model.apply({Action::kCopyAnswer, 0, ""});
  CHECK(f.s().notice == text::kNothingToCopy);
  f.time.now += 10;
  f.model.tick();
  CHECK(f.s().notice.empty());
}

TEST_CASE("font size keys step, clamp and reset, F9 switches the theme", "[viewer][model]") {
  Fixture f;
  const float start = f.s().font_size;
  press(f.model, {Key::kEqual, kModCtrl});
  CHECK(f.s().font_size == start + 2);
  press(f.model, {Key::kSemicolon, kModCtrl});  // Ctrl++ on a JIS keyboard
  CHECK(f.s().font_size == start + 4);
  for (int i = 0; i < 30; ++i) press(f.model, {Key::kMinus, kModCtrl});
  CHECK(f.s().font_size == 12);
  press(f.model, {Key::k0, kModCtrl});
  CHECK(f.s().font_size == 20);
  CHECK(f.s().theme == Theme::kLight);
  press(f.model, {Key::kF9});
  CHECK(f.s().theme == Theme::kDark);
}

TEST_CASE("an index that cannot be opened is reported, and typing is harmless", "[viewer][model]") {
  TempDir tmp;
  madoguchi::test::write_file(tmp.path() / "not-an-index" / "README", "x");
  InlineSearchService service(tmp.str("not-an-index"), Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.set_index_path(tmp.str("not-an-index"));
  m.pump();
  CHECK(m.state().index.state == IndexState::kFailed);
  CHECK_FALSE(m.state().index.error.empty());
  m.apply({Action::kSetQuery, 0, "発熱"});
  m.pump();
  CHECK(m.state().hits.empty());
}

TEST_CASE("a seat whose index could not be opened opens it once it is there", "[viewer][model]") {
  TempDir tmp;
  const std::string db = tmp.str("live");  // nothing published yet
  InlineSearchService service(db, Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.set_index_path(db);
  m.set_today(today());
  m.pump();
  REQUIRE(m.state().index.state == IndexState::kFailed);
  write_viewer_corpus(tmp.path() / "corpus");
  REQUIRE(madoguchi::test::run_cli({"publish", tmp.str("corpus"), "--db", db, "-m", "初回"}).exit_code == 0);
  m.apply({Action::kSetQuery, 0, "保健所"});
  m.pump();
  CHECK(m.state().index.state == IndexState::kOpen);
  CHECK(m.state().index.release_number == 1);
  CHECK_FALSE(m.state().hits.empty());
}

TEST_CASE("a search that fails clears the results of the query before, and says so", "[viewer][model][remote]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp), stub = tmp.str("seat.stub");
  const int port = madoguchi::test::free_port();
  auto server = std::make_unique<madoguchi::test::Child>(
      std::vector<std::string>{madoguchi::test::source_dir() + "/tools/remote-server.sh", db, std::to_string(port),
                               "127.0.0.1", "--stub", stub},
      tmp.str("server.log"));
  REQUIRE(madoguchi::test::wait_until([&] { return madoguchi::test::latest_release_number(stub) >= 0; }, 30));
  InlineSearchService service(stub, Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.set_index_path(stub);
  m.pump();
  REQUIRE(m.state().index.state == IndexState::kOpen);
  m.apply({Action::kSetQuery, 0, "保健所"});
  m.pump();
  REQUIRE_FALSE(m.state().hits.empty());
  REQUIRE(m.state().detail.entry.has_value());

  // The network goes away: the server and the child it forked for this seat's connection.
  server->kill_now();
  REQUIRE(std::system(("pkill -KILL -f 'xapian-tcpsrv --interface 127.0.0.1 --port " + std::to_string(port) + " '")
                          .c_str()) >= 0);
  m.apply({Action::kSetQuery, 0, "ワクチン"});
  m.pump();
  CHECK_FALSE(m.state().search_error.empty());
  CHECK(m.state().hits.empty());  // not 保健所's answers under ワクチン
  CHECK(m.state().selected == -1);
  CHECK_FALSE(m.state().detail.entry.has_value());
  CHECK(m.state().estimated_total == 0);
}

TEST_CASE("operators' dates: separators and full-width digits", "[viewer][model]") {
  CHECK(parse_operator_date("2023-05-08")->to_string() == "2023-05-08");
  CHECK(parse_operator_date("2023/5/8")->to_string() == "2023-05-08");
  CHECK(parse_operator_date("２０２３／０５／０８")->to_string() == "2023-05-08");
  CHECK_FALSE(parse_operator_date("2023-02-30").has_value());
  CHECK_FALSE(parse_operator_date("昨日").has_value());
  CHECK_FALSE(parse_operator_date("2023-05-08x").has_value());
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("the status bar names the published release in Japan time", "[viewer][model]") {
  ReleaseInfo r;
  r.number = 12;
  r.time = "2026-11-25T16:05:00Z";
  CHECK(release_label(r) == "第12版（2026-11-26 01:05 公開）");
  r.time = "";
  CHECK(release_label(r) == "第12版");

  TempDir tmp;
  write_viewer_corpus(tmp.path() / "corpus");
  auto published = madoguchi::test::run_cli(
      {"publish", tmp.str("corpus"), "--db", tmp.str("live"), "--message", "初回", "--author", "test"});
  INFO(published.err);
  REQUIRE(published.exit_code == 0);
  InlineSearchService service(tmp.str("live"), Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.pump();
  CHECK(m.state().index.release.rfind("第1版", 0) == 0);
  // A local build has no release.
  Fixture f;
  CHECK(f.s().index.release.empty());
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("a rebuilt index is picked up by the next keystroke", "[viewer][model]") {
  Fixture f;
  type(f.model, "マスク");
  CHECK(f.s().hits.empty());
  madoguchi::test::write_file(f.tmp.path() / "corpus" / "masks.md",
                              madoguchi::test::entry_md("masks", "マスクの着用", "マスクの着用は個人の判断です。",
                                                        "type: faq\ncategory: [感染対策]\neffective: 2023-03-13\n"));
  auto r = madoguchi::test::run_cli({"index", f.tmp.str("corpus"), "--db", f.db});
  REQUIRE(r.exit_code == 0);
  type(f.model, "マスクの");
  CHECK(ids(f.s()) == std::vector<std::string>{"masks"});
  CHECK(f.s().index.entry_count == 9);
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("the first page's snippets come first, the rest follow without a second search event", "[viewer][model]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  InlineSearchService service{db, Clock::fixed(today())};
  RecordingEvents events;
  FakeTime time;
  ViewModel model{service, events, ViewModelOptions{.first_page = 1, .now = time.fn()}};
  model.set_index_path(db);
  model.set_today(today());
  model.pump();
  type(model, "保健所 相談");
  const ViewState& s = model.state();
  REQUIRE(s.hits.size() >= 2);
  for (const auto& h : s.hits) CHECK_FALSE(h.snippet.empty());  // the second reply filled them in
  REQUIRE(events.searches.size() == 1);                        // one search, logged once
  CHECK_FALSE(events.searches[0].hits[0].snippet.empty());     // as first answered: the page...
  CHECK(events.searches[0].hits[1].snippet.empty());           // ...and no more
  CHECK(s.selected == 0);
}

}  // namespace madoguchi::viewer::test
