// Issue 4, "viewer follows releases", driven through the view model against a real published
// index (real MeCab, real Xapian, the real CLI publishing): a new release reaches an open model
// through the release watcher, keeps the operator's query and selection, refreshes the results,
// shows the banner; the changes panel lists what changed since the acknowledged release with word
// diffs; acknowledging persists per seat; the history view; the stale-check warning. Also F7's
// note (issue 8).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "keymap.h"
#include "model_harness.h"
#include "release_watcher.h"
#include "seat_state.h"
#include "ui_text.h"
#include "view_model.h"
#include "viewer_fixture.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::entry_md;
using madoguchi::test::run_cli;
using madoguchi::test::TempDir;
using madoguchi::test::write_file;

// Polls `done` every 10 ms for up to `timeout_s` (generous: ctest runs tests in parallel on a loaded machine).
bool poll_until(const std::function<bool()>& done, double timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

constexpr std::time_t kWall = 1796128200;  // 2026-12-01 12:30:00 UTC = 21:30 in Japan

int index_of(const ViewState& s, const std::string& id) {
  for (size_t i = 0; i < s.hits.size(); ++i)
    if (s.hits[i].id == id) return int(i);
  return -1;
}

void publish(const TempDir& tmp, const std::string& message) {
  auto r = run_cli({"publish", tmp.str("corpus"), "--db", tmp.str("live"), "--message", message, "--author", "山田"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Release 2: one entry changed (opening hours), one added (masks), one withdrawn (cough).
void edit_corpus_for_release_2(const TempDir& tmp) {
  write_file(tmp.path() / "corpus" / "consult" / "hokenjo-hours.md",
             entry_md("hokenjo-hours", "保健所の受付時間",
                      "保健所の電話受付は平日8時30分から17時15分までです。夜間と休日は受診相談センターにおかけください。",
                      "type: faq\ncategory: [受診相談]\ntags: [保健所]\neffective: 2022-04-01\n"));
  write_file(tmp.path() / "corpus" / "masks.md",
             entry_md("masks", "マスクの着用", "マスクの着用は個人の判断です。",
                      "type: faq\ncategory: [感染対策]\neffective: 2023-03-13\n"));
  std::filesystem::remove(tmp.path() / "corpus" / "symptoms" / "cough.md");
}

// A seat on a published index: release 1 is out before the model opens.
struct Seat {
  TempDir tmp;
  std::string live = tmp.str("live");
  std::string state_path = tmp.str("seat/seat-state.json");
  FakeTime time;
  Seat() {
    write_viewer_corpus(tmp.path() / "corpus");
    publish(tmp, "初回");
  }
};

// One model instance on the seat (a viewer run), with the inline services.
struct Viewer {
  InlineSearchService service;
  InlineReleaseService releases;
  SeatState seat_state;
  RecordingEvents events;
  ViewModel model;
  explicit Viewer(Seat& seat)
      : service(seat.live, Clock::fixed(today())),
        releases(seat.live, Clock::fixed(today()), WatchOptions{.now = seat.time.fn(), .wall = [] { return kWall; }}),
        seat_state(seat.state_path),
        model(service, events, ViewModelOptions{.now = seat.time.fn()}, &releases, &seat_state) {
    model.set_index_path(seat.live);
    model.set_today(today());
    model.pump();
    poll();
  }
  void poll() {
    releases.poll();
    model.pump();
  }
  const ViewState& s() const { return model.state(); }
};

}  // namespace

TEST_CASE("a release published while the viewer is open shows a banner and keeps the query and selection",
          "[viewer][model][releases]") {
  Seat seat;
  Viewer v(seat);
  CHECK(v.s().index.release_number == 1);
  CHECK_FALSE(v.s().banner.visible);
  CHECK(v.s().watch.acknowledged == 1);  // a seat's first run: nothing missed yet
  CHECK(v.s().watch.last_checked == "21:30");

  type(v.model, "保健所");
  const int suita = index_of(v.s(), "routing-suita");
  REQUIRE(suita > 0);  // not the first row, so keeping it means something
  v.model.select(suita);
  v.model.pump();
  REQUIRE(v.s().detail.id == "routing-suita");
  REQUIRE(index_of(v.s(), "cough") >= 0);
  const size_t searches_before = v.events.searches.size();

  edit_corpus_for_release_2(seat.tmp);
  publish(seat.tmp, "受付時間の変更");
  v.poll();

  CHECK(v.s().banner.visible);
  CHECK(v.s().banner.text == "リリース 2 を公開: 更新 1 件・新規 1 件・廃止 1 件");
  REQUIRE(v.events.releases.size() == 1);
  CHECK(v.events.releases[0].first == 2);
  CHECK(v.s().index.release_number == 2);
  CHECK(v.s().index.release.rfind("第2版", 0) == 0);
  // Same query, searched again on the new release; the selection stayed on the same entry.
  CHECK(v.s().query == "保健所");
  CHECK(v.s().results_query == "保健所");
  CHECK(v.events.searches.size() == searches_before + 1);
  CHECK(index_of(v.s(), "cough") == -1);  // withdrawn by release 2
  REQUIRE(v.s().selected_hit());
  CHECK(v.s().selected_hit()->id == "routing-suita");
  CHECK(v.s().detail.id == "routing-suita");
  // The changed entry carries the release mark in results until acknowledged.
  CHECK(v.s().watch.changed_since_ack.count("hokenjo-hours") == 1);
  CHECK(v.s().watch.changed_since_ack.at("hokenjo-hours") == ChangeKind::kChanged);
  CHECK(v.s().watch.changed_since_ack.at("masks") == ChangeKind::kAdded);
  CHECK(v.s().watch.changed_since_ack.at("cough") == ChangeKind::kWithdrawn);

  // Nothing new: a further check changes nothing.
  v.poll();
  CHECK(v.events.releases.size() == 1);
}

TEST_CASE("the entry being read that a release withdraws stays in the detail, marked, with no other entry in its place",
          "[viewer][model][releases]") {
  Seat seat;
  Viewer v(seat);
  type(v.model, "保健所");
  const int cough = index_of(v.s(), "cough");
  REQUIRE(cough >= 0);
  v.model.select(cough);
  v.model.pump();
  REQUIRE(v.s().detail.entry.has_value());
  REQUIRE(v.s().detail.id == "cough");

  edit_corpus_for_release_2(seat.tmp);  // deletes cough.md
  publish(seat.tmp, "咳の項目を廃止");
  v.poll();
  REQUIRE(v.s().results_query == "保健所");
  CHECK(index_of(v.s(), "cough") == -1);
  CHECK(v.s().selected == -1);           // no other entry slipped in
  CHECK(v.s().detail.id == "cough");
  CHECK(v.s().detail.deleted);           // shown as deleted: 案内しないでください
  CHECK(v.s().notice == text::kSelectedLeftResults);
  v.model.apply({Action::kCopyAnswer, 0, ""});
  CHECK_FALSE(v.s().clipboard_request.has_value());  // nothing of it can be copied as an answer
  // Choosing a result shows it as usual.
  v.model.select(0);
  v.model.pump();
  CHECK_FALSE(v.s().detail.deleted);
  CHECK(v.s().detail.entry.has_value());
}

TEST_CASE("an entry that expires at midnight while read stays in the detail, marked withdrawn", "[viewer][model]") {
  TempDir tmp;
  write_viewer_corpus(tmp.path() / "corpus");
  write_file(tmp.path() / "corpus" / "ending.md",
             entry_md("ending", "保健所の臨時窓口", "臨時窓口は本日で終了します。",
                      "type: notice\ncategory: [受診相談]\neffective: 2022-04-01\nexpires: " + today().to_string() + "\n"));
  REQUIRE(run_cli({"index", tmp.str("corpus"), "--db", tmp.str("db")}).exit_code == 0);
  InlineSearchService service(tmp.str("db"), Clock::fixed(today()));
  RecordingEvents events;
  ViewModel m(service, events);
  m.set_index_path(tmp.str("db"));
  m.set_today(today());
  m.pump();
  type(m, "臨時窓口");
  int ending = -1;
  for (size_t i = 0; i < m.state().hits.size(); ++i)
    if (m.state().hits[i].id == "ending") ending = int(i);
  REQUIRE(ending >= 0);
  m.select(ending);
  m.pump();
  m.set_today(today().plus_days(1));  // midnight
  m.pump();
  CHECK(m.state().selected == -1);
  CHECK(m.state().detail.id == "ending");
  REQUIRE(m.state().detail.entry.has_value());
  REQUIRE(m.state().detail.entry->current.has_value());
  CHECK(m.state().detail.entry->current->status == VersionStatus::kWithdrawn);  // the red 廃止 box
}

TEST_CASE("a release's new characters reach the glyphs to bake with the first search on it", "[viewer][model][releases]") {
  Seat seat;
  Viewer v(seat);
  REQUIRE(v.s().index.charset_version == 1);
  CHECK(v.s().index.charset.find("髙") == std::string::npos);
  type(v.model, "保健所");
  CHECK(v.s().index.charset_version == 1);  // the same revision: the charset is not sent again

  // 髙 (outside JIS X 0208, so not in the full glyph set either) arrives with release 2.
  write_file(seat.tmp.path() / "corpus" / "takashimaya.md",
             entry_md("takashimaya", "髙島屋前臨時窓口", "髙島屋前の臨時窓口は土日も開いています。保健所の相談も受け付けます。",
                      "type: notice\ncategory: [受診相談]\neffective: 2023-03-13\n"));
  publish(seat.tmp, "臨時窓口");
  v.poll();  // the watcher reports release 2; the query is searched again on it
  CHECK(v.s().index.release_number == 2);
  CHECK(v.s().index.charset_version == 2);
  CHECK(v.s().index.charset.find("髙") != std::string::npos);
  CHECK(index_of(v.s(), "takashimaya") >= 0);
}

TEST_CASE("F6 lists the changes since the acknowledged release with word diffs, Enter acknowledges, persisted per seat",
          "[viewer][model][releases]") {
  Seat seat;
  {
    Viewer first(seat);  // the seat's first run acknowledges release 1
    CHECK(first.s().watch.acknowledged == 1);
  }
  CHECK(SeatState(seat.state_path).acknowledged(seat.live) == 1);
  edit_corpus_for_release_2(seat.tmp);
  publish(seat.tmp, "受付時間の変更");

  // The next shift: a new model instance on the same seat.
  Viewer v(seat);
  CHECK(v.s().watch.acknowledged == 1);
  CHECK(v.s().banner.visible);  // changes waiting since the last acknowledged release
  CHECK(v.s().banner.text == "リリース 2 を公開: 更新 1 件・新規 1 件・廃止 1 件");
  press(v.model, {Key::kF6});
  const ChangesPanel& c = v.s().changes;
  REQUIRE(c.visible);
  CHECK_FALSE(v.s().banner.visible);
  CHECK(c.from == 1);
  CHECK(c.to == 2);
  REQUIRE(c.releases.size() == 1);
  CHECK(c.releases[0].find("山田「受付時間の変更」") != std::string::npos);
  REQUIRE(c.items.size() == 3);
  CHECK(c.items[0].id == "cough");
  CHECK(c.items[0].kind == ChangeKind::kWithdrawn);
  CHECK(c.items[1].id == "hokenjo-hours");
  CHECK(c.items[1].heading.find("更新") == 0);
  // The word diff of the changed answer: 9時 → 8時30分, 17時 → 17時15分.
  std::string inserted, deleted;
  for (const FieldDiff& f : c.items[1].fields) {
    if (f.label != "本文") continue;
    for (const DiffPiece& p : f.diff) {
      if (p.op == DiffPiece::kInserted) inserted += p.text;
      if (p.op == DiffPiece::kDeleted) deleted += p.text;
    }
  }
  CHECK(inserted.find("30") != std::string::npos);
  CHECK(inserted.find("15") != std::string::npos);
  CHECK(deleted.find("9") != std::string::npos);
  CHECK(c.items[2].id == "masks");
  CHECK(c.items[2].kind == ChangeKind::kAdded);

  // Enter in the panel acknowledges: cleared, and remembered for the next run.
  press(v.model, {Key::kEnter});
  CHECK_FALSE(v.s().changes.visible);
  CHECK(v.s().watch.acknowledged == 2);
  CHECK(v.s().watch.changed_since_ack.empty());
  CHECK(v.s().notice.find("第2版") != std::string::npos);
  CHECK(SeatState(seat.state_path).acknowledged(seat.live) == 2);
  press(v.model, {Key::kF6});
  CHECK(v.s().changes.items.empty());
  press(v.model, {Key::kEscape});
  CHECK_FALSE(v.s().changes.visible);

  Viewer next(seat);
  CHECK(next.s().watch.acknowledged == 2);
  CHECK_FALSE(next.s().banner.visible);
  CHECK(next.s().watch.changed_since_ack.empty());
}

TEST_CASE("a release that arrives while the changes panel is open stays unread, and the banner covers every unread one",
          "[viewer][model][releases]") {
  Seat seat;
  { Viewer first(seat); }  // acknowledges release 1
  edit_corpus_for_release_2(seat.tmp);
  publish(seat.tmp, "受付時間の変更");  // 2: cough withdrawn, among others

  Viewer v(seat);
  REQUIRE(v.s().banner.text == "リリース 2 を公開: 更新 1 件・新規 1 件・廃止 1 件");
  // Release 3 arrives while the banner for 2 is up: the banner covers both, cough's 廃止 kept.
  write_file(seat.tmp.path() / "corpus" / "extra.md", entry_md("extra", "臨時の案内", "臨時の窓口を開設しました。"));
  publish(seat.tmp, "臨時窓口");
  v.poll();
  CHECK(v.s().banner.visible);
  CHECK(v.s().banner.text == "リリース 2〜3 を公開: 更新 1 件・新規 2 件・廃止 1 件");

  // The panel open on 1→3; release 4 arrives: what is shown (and acknowledged) stays 1→3.
  press(v.model, {Key::kF6});
  REQUIRE(v.s().changes.to == 3);
  const size_t shown = v.s().changes.items.size();
  write_file(seat.tmp.path() / "corpus" / "extra2.md", entry_md("extra2", "臨時の案内2", "二つ目の窓口を開設しました。"));
  publish(seat.tmp, "臨時窓口2");
  v.poll();
  CHECK(v.s().index.release_number == 4);
  CHECK(v.s().changes.visible);
  CHECK(v.s().changes.to == 3);
  CHECK(v.s().changes.items.size() == shown);
  CHECK(v.s().changes.newer_waiting);
  press(v.model, {Key::kEnter});
  CHECK(v.s().watch.acknowledged == 3);
  // Release 4 is still unread: its banner stays, and the panel shows it next time.
  CHECK(v.s().banner.visible);
  CHECK(v.s().banner.text == "リリース 4 を公開: 新規 1 件");
  press(v.model, {Key::kF6});
  CHECK(v.s().changes.from == 3);
  CHECK(v.s().changes.to == 4);
  CHECK_FALSE(v.s().changes.newer_waiting);
}

TEST_CASE("Ctrl+H shows the selected entry's history, newest release first, with diffs", "[viewer][model][releases]") {
  Seat seat;
  edit_corpus_for_release_2(seat.tmp);
  publish(seat.tmp, "受付時間の変更");
  Viewer v(seat);
  type(v.model, "保健所の受付");
  REQUIRE(v.s().selected_hit());
  REQUIRE(v.s().selected_hit()->id == "hokenjo-hours");
  press(v.model, {Key::kH, kModCtrl});
  const HistoryPanel& h = v.s().history;
  REQUIRE(h.visible);
  CHECK_FALSE(h.loading);
  CHECK(h.error.empty());
  CHECK(h.id == "hokenjo-hours");
  REQUIRE(h.steps.size() == 2);
  CHECK(h.steps[0].heading.rfind("第2版", 0) == 0);
  CHECK(h.steps[0].kind == ChangeKind::kChanged);
  REQUIRE_FALSE(h.steps[0].fields.empty());
  CHECK(h.steps[1].heading.rfind("第1版", 0) == 0);
  CHECK(h.steps[1].kind == ChangeKind::kAdded);
  press(v.model, {Key::kEscape});
  CHECK_FALSE(v.s().history.visible);
  CHECK(v.s().query == "保健所の受付");  // Esc closed the view, it did not clear the query
  // Nothing selected: Ctrl+H says so.
  type(v.model, "");
  press(v.model, {Key::kH, kModCtrl});
  CHECK_FALSE(v.s().history.visible);
  CHECK(v.s().notice == text::kNothingSelected);
}

TEST_CASE("the status bar warns when the seat could not check for releases for minutes", "[viewer][model][releases]") {
  TempDir tmp;
  write_viewer_corpus(tmp.path() / "corpus");
  const std::string live = tmp.str("live");  // nothing there yet: every check fails
  FakeTime time;
  std::time_t wall = kWall;
  InlineSearchService service(live, Clock::fixed(today()));
  InlineReleaseService releases(live, Clock::fixed(today()), WatchOptions{.now = time.fn(), .wall = [&] { return wall; }});
  RecordingEvents events;
  ViewModel m(service, events, ViewModelOptions{.stale_seconds = 180, .now = time.fn()}, &releases);
  m.pump();
  releases.poll();
  m.pump();
  CHECK_FALSE(m.state().watch.ok);
  CHECK(m.state().watch.last_checked.empty());
  CHECK_FALSE(m.state().watch.stale);
  REQUIRE(m.next_deadline().has_value());
  CHECK(*m.next_deadline() == Approx(time.now + 180));
  time.now += 179;
  CHECK_FALSE(m.tick());
  time.now += 2;
  CHECK(m.tick());  // the warning appears on its own timer
  CHECK(m.state().watch.stale);

  // The index appears (a replica arrived): the next good check clears the warning.
  auto r = run_cli({"publish", tmp.str("corpus"), "--db", live, "--message", "初回"});
  REQUIRE(r.exit_code == 0);
  wall += 200;
  REQUIRE(releases.poll());
  m.pump();
  CHECK(m.state().watch.ok);
  CHECK_FALSE(m.state().watch.stale);
  CHECK(m.state().watch.last_checked == "21:33");
  // Good checks within the same minute wake nobody; the next minute does (the status bar shows HH:MM).
  time.now += 1;
  CHECK_FALSE(releases.poll());
  wall += 60;
  CHECK(releases.poll());
}

TEST_CASE("the release watcher thread brings a new release to the model within seconds", "[viewer][model][releases]") {
  Seat seat;
  InlineSearchService service(seat.live, Clock::fixed(today()));
  std::atomic<int> wakes{0};
  ReleaseWatcher watcher(seat.live, Clock::fixed(today()), WatchOptions{.interval_seconds = 0.1}, [&] { ++wakes; });
  SeatState state("");
  RecordingEvents events;
  ViewModel m(service, events, {}, &watcher, &state);
  m.set_index_path(seat.live);
  m.set_today(today());
  m.pump();
  type(m, "マスク");
  CHECK(m.state().hits.empty());
  REQUIRE(poll_until([&] {
    m.pump();
    return !m.state().watch.last_checked.empty();
  }, 30));
  const int wakes_before = wakes.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(350));  // three quiet checks
  m.pump();
  CHECK(wakes.load() <= wakes_before + 1);  // a quiet check wakes nobody (one may cross a minute)

  edit_corpus_for_release_2(seat.tmp);
  publish(seat.tmp, "マスクを追加");
  const auto published = std::chrono::steady_clock::now();
  REQUIRE(poll_until([&] {
    m.pump();
    return m.state().banner.visible;
  }, 30));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - published).count();
  WARN("publish -> model banner (watcher every 0.1 s): " << seconds << " s");
  CHECK(m.state().banner.text == "リリース 2 を公開: 更新 1 件・新規 1 件・廃止 1 件");
  CHECK(m.state().results_query == "マスク");
  REQUIRE(m.state().hits.size() == 1);
  CHECK(m.state().hits[0].id == "masks");
}

TEST_CASE("F7 asks for an optional note: Enter records it, Esc cancels", "[viewer][model][searchlog]") {
  Seat seat;
  Viewer v(seat);
  type(v.model, "発熱");
  REQUIRE(v.s().selected_hit());
  press(v.model, {Key::kF7});
  REQUIRE(v.s().feedback.open);
  CHECK(v.s().feedback.id == "fever-consult");
  CHECK(v.events.feedbacks.empty());  // nothing stored until Enter
  // While the box is open, other keys do nothing to the search.
  press(v.model, {Key::kDown});
  v.model.apply({Action::kSetQuery, 0, "別の検索"});
  CHECK(v.s().query == "発熱");
  v.model.apply({Action::kSetFeedbackDraft, 0, "夜間の連絡先が載っていない 06-1234-5678 "});
  press(v.model, {Key::kEnter});
  CHECK_FALSE(v.s().feedback.open);
  REQUIRE(v.events.feedbacks.size() == 1);
  CHECK(v.events.feedbacks[0].id == "fever-consult");
  CHECK(v.events.feedbacks[0].query == "発熱");
  CHECK(v.events.feedbacks[0].note == "夜間の連絡先が載っていない 06-1234-5678");  // the log masks digits
  CHECK(v.s().notice == text::kFeedbackRecorded);

  // Enter with no note records the feedback without one.
  press(v.model, {Key::kF7});
  press(v.model, {Key::kEnter});
  REQUIRE(v.events.feedbacks.size() == 2);
  CHECK(v.events.feedbacks[1].note.empty());

  // Esc cancels: nothing recorded, the query stays.
  press(v.model, {Key::kF7});
  v.model.apply({Action::kSetFeedbackDraft, 0, "やっぱりやめる"});
  press(v.model, {Key::kEscape});
  CHECK_FALSE(v.s().feedback.open);
  CHECK(v.events.feedbacks.size() == 2);
  CHECK(v.s().query == "発熱");
  CHECK(v.s().notice == text::kFeedbackCancelled);
}

TEST_CASE("banner wording: counts left out when zero, several releases, a rollback", "[viewer][model][releases]") {
  ReleaseArrival a;
  a.from = 42;
  a.release.number = 43;
  a.changed = 3;
  a.added = 1;
  CHECK(banner_text(a) == "リリース 43 を公開: 更新 3 件・新規 1 件");
  a.from = 40;
  CHECK(banner_text(a) == "リリース 41〜43 を公開: 更新 3 件・新規 1 件");
  a.from = 42;
  a.changed = a.added = 0;
  a.release.kind = "rollback";
  a.release.rollback_to = 40;
  a.withdrawn = 2;
  CHECK(banner_text(a) == "リリース 43 を公開（第40版に戻す）: 廃止 2 件");
  a.withdrawn = 0;
  a.release.synonyms_changed = true;
  CHECK(banner_text(a) == "リリース 43 を公開（第40版に戻す）: 同義語の更新");
  CHECK(japan_clock(kWall) == "21:30");
}

TEST_CASE("a seat state file that is not JSON is ignored with a warning and rewritten", "[viewer][releases]") {
  TempDir tmp;
  const std::string path = tmp.str("seat-state.json");
  write_file(path, "not json {");
  std::string warning;
  SeatState s(path, &warning);
  CHECK_FALSE(warning.empty());
  CHECK_FALSE(s.acknowledged("/db").has_value());
  REQUIRE(s.acknowledge("/db", 7).ok());
  REQUIRE(s.acknowledge("/other", 3).ok());
  REQUIRE(s.flush().ok());
  SeatState again(path);
  CHECK(again.acknowledged("/db") == 7);
  CHECK(again.acknowledged("/other") == 3);
  CHECK_FALSE(again.acknowledged("/none").has_value());
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("an editor's local index that gets its first publish: release 1 is the seat's baseline",
          "[viewer][model][releases]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);  // `madoguchi index`: no release
  FakeTime time;
  InlineSearchService service(db, Clock::fixed(today()));
  InlineReleaseService releases(db, Clock::fixed(today()), WatchOptions{.now = time.fn(), .wall = [] { return kWall; }});
  SeatState seat(tmp.str("seat.json"));
  RecordingEvents events;
  ViewModel m(service, events, ViewModelOptions{.now = time.fn()}, &releases, &seat);
  m.set_index_path(db);
  m.pump();
  releases.poll();
  m.pump();
  CHECK(m.state().index.release_number == 0);
  CHECK_FALSE(m.state().watch.acknowledged.has_value());

  auto r = run_cli({"publish", tmp.str("corpus"), "--db", db, "--message", "初回"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  releases.poll();
  m.pump();
  CHECK(m.state().banner.visible);
  CHECK(m.state().banner.text.rfind("リリース 1 を公開", 0) == 0);
  CHECK(m.state().watch.acknowledged == 1);  // not every entry listed as new
  CHECK(m.state().watch.changed_since_ack.empty());
  CHECK(seat.acknowledged(db) == 1);
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("a seat whose acknowledged release is beyond the index's (rebuilt from scratch) takes the current one",
          "[viewer][model][releases]") {
  Seat seat;
  {
    SeatState state(seat.state_path);
    REQUIRE(state.acknowledge(seat.live, 7).ok());  // from an earlier life of this index
  }
  Viewer v(seat);
  CHECK(v.s().watch.acknowledged == 1);
  CHECK(SeatState(seat.state_path).acknowledged(seat.live) == 1);
  CHECK_FALSE(v.s().banner.visible);
  CHECK(v.s().changes.error.empty());
}

}  // namespace madoguchi::viewer::test
