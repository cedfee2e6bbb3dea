// The viewer's logic: verbs on ViewState (set_query, move_selection, open_nth, ...), the dispatch
// of ActionRequests, and the application of search replies. No ImGui, no GLFW: tests drive it
// against a real index through InlineSearchService, exactly as key presses would.
//
// Thread rule: UI thread only. The SearchService and ViewEvents must outlive the model.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "actions.h"
#include "release_watcher.h"
#include "search_service.h"
#include "seat_state.h"
#include "view_events.h"
#include "view_state.h"

namespace madoguchi::viewer {

struct ViewModelOptions {
  int result_limit = 30;          // hits asked for per search
  int first_page = 10;            // of them, those whose snippets come in the first reply (the rest right after)
  double pause_seconds = 2.0;     // typing pause on results that counts as a settle point
  double notice_seconds = 4.0;    // how long a status notice stays
  float default_font_size = 20;   // Ctrl+0 returns here
  float min_font_size = 12;
  float max_font_size = 40;
  float font_step = 2;
  double stale_seconds = 180;     // no good release check for this long: the status bar warns
  std::function<double()> now;    // monotonic seconds; default: steady_clock
};

class ViewModel {
 public:
  // `releases` (the release watcher) and `seat` (where the acknowledged release is kept) are
  // optional: without them the model follows no releases. Both must outlive the model.
  ViewModel(SearchService& service, ViewEvents& events, ViewModelOptions options = {},
            ReleaseService* releases = nullptr, SeatState* seat = nullptr);

  const ViewState& state() const { return state_; }

  // Carries out one request (from the keymap, the mouse or a widget).
  void apply(const ActionRequest& request);

  // --- Verbs --------------------------------------------------------------------------------
  void set_query(const std::string& text);      // the search box changed (typing, IME commit)
  void replace_query(const std::string& text);  // the model rewrites the box (--query, type-ahead)
  void clear_query();
  void type_ahead(const std::string& text);
  void escape();
  void focus(Focus where);
  void move_selection(int delta);
  void select(int index);
  void open_selected();
  void open_nth(int rank);  // 1-based
  void copy_answer();
  void record_feedback();                          // F7: opens the note box
  void set_feedback_draft(const std::string& text);
  void commit_feedback();                          // Enter in the note box: records, with the note
  void toggle_changes();                           // F6
  void acknowledge();                              // Enter in the changes panel
  void toggle_history();                           // Ctrl+H
  void dismiss_banner();
  void copy_script();
  void toggle_previous();
  void toggle_upcoming();
  void scroll_detail(float pages);
  void open_picker(Picker::Kind kind);
  void picker_choose(int row);
  void set_category(const std::string& category);
  void set_type(const std::string& type);
  void edit_as_of();
  void set_as_of_draft(const std::string& text);
  bool commit_as_of();  // false (and a notice) when the draft is not a date
  void set_as_of(std::optional<Date> date);
  void clear_filters();
  void set_font_size(float size);
  void change_font_size(int steps);
  void set_theme(Theme theme);
  void toggle_help();
  void set_index_path(const std::string& path);  // shown in the status bar; state kOpening

  // --- Plumbing -----------------------------------------------------------------------------
  // Applies replies from the search service and reports from the release watcher. Returns true
  // when the state changed.
  bool pump();
  // Flushes what the seat records (the acknowledged release) to disk: window close, signals.
  void flush();
  // Fires timers that are due (the pause settle point, notice expiry). Returns true when
  // something visible changed (a notice went away).
  bool tick();
  // When tick() next has something to do (ViewModel clock seconds); nullopt = nothing pending.
  std::optional<double> next_deadline() const;
  // Tells the model today's date; results for "today" are searched again when it changes.
  void set_today(Date today);
  // The text to put on the clipboard, once.
  std::optional<std::string> take_clipboard_request();
  bool busy() const { return service_.busy(); }
  double now() const { return options_.now(); }

 private:
  void submit_search();
  void request_detail();
  void on_open(OpenReply& reply);
  void on_search(SearchReply& reply);
  void complete_snippets(SearchReply& reply);
  void on_show(ShowReply& reply);
  void on_watch(WatchReport& report);
  void on_changes(ChangesReply& reply);
  void on_history(HistoryReply& reply);
  void learn_release(int number);   // the first release the seat saw: the baseline
  void request_changes();           // what changed since the acknowledged release, if anything
  void set_acknowledged(int number, bool persist);
  bool update_stale();
  void notify(std::string_view message);
  void request_focus(Focus where);
  void settle(SettleKind kind, const Hit* hit);
  void keep_entry_that_left(const std::string& id);
  void clear_results();
  void close_changes();
  std::optional<Date> effective_as_of() const;  // the as-of filter, else today

  SearchService& service_;
  ViewEvents& events_;
  ViewModelOptions options_;
  ViewState state_;

  uint64_t search_generation_ = 0;  // newest search submitted; older replies are dropped
  uint64_t show_generation_ = 0;
  std::string detail_for_;          // id + as-of the detail was last requested for
  std::optional<double> pause_deadline_;
  std::string paused_query_;        // last query a pause settle was reported for

  ReleaseService* releases_ = nullptr;
  SeatState* seat_ = nullptr;
  int announced_ = -1;              // the release the seat has shown (-1 = none seen yet)
  uint64_t changes_generation_ = 0;
  std::pair<int, int> changes_asked_{-1, -1};  // (from, to) last requested
  uint64_t history_generation_ = 0;
  double watch_since_ = 0;          // model clock when the first report arrived
};

// 「リリース 43 を公開: 更新 3 件・新規 1 件」: the banner for a release reaching the seat.
std::string banner_text(const ReleaseArrival& arrival);
// 「第43版（2026-12-01 21:30 公開）山田「療養期間の短縮」」: a release in the changes panel and history.
std::string release_line(const ReleaseInfo& release);
// An EntryChange as the changes panel shows it (unchanged stretches of long texts shortened).
ChangeItem change_item(const EntryChange& change);
// "21:31": a wall time in Japan time.
std::string japan_clock(std::time_t t);

// "第12版（2026-11-25 14:12 公開）": a release as the status bar shows it, in Japan time.
std::string release_label(const ReleaseInfo& release);

// Parses what an operator types as a date: YYYY-MM-DD, with '/' or full-width digits accepted.
std::optional<Date> parse_operator_date(const std::string& text);

}  // namespace madoguchi::viewer
