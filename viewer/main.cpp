// madoguchi-viewer: the operators' window (issue 3, docs/viewer.md).
//
// The shape of ImGui's example_glfw_opengl3: set up; then wait for an event, new frame, draw,
// render, swap; shut down in reverse. Idle costs nothing: the loop sleeps in glfwWaitEvents and
// is woken by input, by the search worker (glfwPostEmptyEvent) or by a timer the model asks for.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "draw_frame.h"
#include "event_log.h"
#include "release_watcher.h"
#include "search_log_events.h"
#include "seat_state.h"
#include "frame_stats.h"
#include "gl_window.h"
#include "options.h"
#include "screenshot.h"
#include "shortcuts.h"
#include "signals.h"
#include "theme.h"
#include "ui_fonts.h"
#include "ui_text.h"
#include "view_model.h"

namespace {

using namespace madoguchi;
using namespace madoguchi::viewer;
using SteadyClock = std::chrono::steady_clock;

constexpr int kSettleFrames = 2;  // frames drawn after any change (ImGui settles hover and layout in 2)
constexpr double kDateCheckSeconds = 60;  // "today" is re-read at least this often while idle

double ms_since(SteadyClock::time_point t) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - t).count();
}

void warn(const std::string& message) { std::fprintf(stderr, "madoguchi-viewer: warning: %s\n", message.c_str()); }
int fail(int code, const std::string& message) {
  std::fprintf(stderr, "madoguchi-viewer: error: %s\n", message.c_str());
  return code;
}

// No index configured: nothing to search, the window explains how to set one.
class NoIndexService final : public SearchService {
 public:
  void submit(SearchJob) override {}
  void submit(ShowJob) override {}
  std::vector<Reply> drain() override { return {}; }
  bool busy() const override { return false; }
};

class NoEvents final : public ViewEvents {};

// The font atlas at the current size and HiDPI scale.
struct Fonts {
  std::optional<UiFonts> japanese;  // unset when no Japanese font was found
  float built_px = 0;
  AtlasStats stats;
};

// Glyphs are rasterized at the monitor's scale (on macOS the framebuffer's, drawn back at
// FontGlobalScale 1/scale), so text stays sharp on HiDPI screens.
float font_pixels(float size, float scale) { return size * scale; }

// Spacing scales with the monitor where window coordinates are pixels (Windows, X11); on macOS
// they are points already.
float style_scale(float scale) {
#if defined(__APPLE__)
  (void)scale;
  return 1.0f;
#else
  return scale;
#endif
}

// Hands the atlas just built to the GPU and frees its CPU copies.
void upload_fonts(Fonts& fonts, GlWindow& window, float px, float scale) {
#if defined(__APPLE__)
  ImGui::GetIO().FontGlobalScale = 1.0f / scale;
#else
  (void)scale;
#endif
  window.upload_fonts();
  UiFonts::release_cpu_copies();
  fonts.built_px = px;
}

void rebuild_fonts(Fonts& fonts, GlWindow& window, float size, float scale) {
  const float px = font_pixels(size, scale);
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  Status built = fonts.japanese ? fonts.japanese->build(atlas, px, &fonts.stats) : Status::not_found("no Japanese font");
  if (!built.ok()) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = px;
    io.Fonts->AddFontDefault(&cfg);
    io.Fonts->Build();
  }
  upload_fonts(fonts, window, px, scale);
}

// The first frame's atlas, found and baked on a thread while the display is opened and the window
// made: the core scripts, the labels and `texts` (the index's path, a query from the command line),
// at the pixel size `px` gives once the display is open (0: no display, nothing to bake).
struct FirstFonts {
  Fonts fonts;
  std::unique_ptr<ImFontAtlas> atlas;  // null when there is no Japanese font or it failed to build
  std::string warning;
  SteadyClock::time_point done;  // when the atlas was ready (the event log's fonts_ready_ms)
};

FirstFonts bake_first_fonts(const FontRequest& request, std::future<float> px_when_known,
                            const std::vector<std::string>& texts) {
  FirstFonts first;
  auto prepared = UiFonts::prepare(request);
  if (!prepared) {
    first.warning = prepared.status().message() + " (Japanese text will not be readable)";
    return first;
  }
  first.fonts.japanese = std::move(*prepared);
  for (const auto& text : texts) first.fonts.japanese->want_utf8(text);
  const float px = px_when_known.get();
  if (px <= 0) return first;
  auto atlas = std::make_unique<ImFontAtlas>();
  if (Status built = first.fonts.japanese->build(*atlas, px, &first.fonts.stats); !built.ok()) {
    first.warning = built.message();  // the UI thread tries again, then falls back to ImGui's font
    return first;
  }
  first.atlas = std::move(atlas);
  first.fonts.built_px = px;
  first.done = SteadyClock::now();
  return first;
}

// For the event log's "first_frame".
const char* index_state_name(IndexState state) {
  switch (state) {
    case IndexState::kNone: return "none";
    case IndexState::kOpening: return "opening";
    case IndexState::kOpen: return "open";
    case IndexState::kFailed: return "failed";
  }
  return "?";
}

// Whether the frame shows text from the corpus, whose characters must be baked before it is drawn.
bool shows_corpus_text(const ViewState& s) {
  return !s.hits.empty() || s.changes.visible || s.history.visible || s.feedback.open || s.picker.open();
}

ImVec4 clear_color() { return ImGui::GetStyle().Colors[ImGuiCol_WindowBg]; }

nlohmann::json percentiles_json(const std::vector<double>& samples) {
  const Percentiles p = percentiles(samples);
  return {{"median", p.median}, {"p99", p.p99}, {"max", p.max}, {"count", p.count}};
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = SteadyClock::now();
  ViewerOptions opt;
  if (auto code = parse_options(argc, argv, opt)) return *code;
  SignalWatcher signals;  // before any other thread exists, so all of them block SIGINT/SIGTERM
  // X input methods (and characters typed by xdotool) need a UTF-8 character locale.
  if (!std::setlocale(LC_CTYPE, "") || std::string(std::setlocale(LC_CTYPE, nullptr)) == "C")
    std::setlocale(LC_CTYPE, "C.UTF-8");

  // --- Settings: the config file, then the command line -------------------------------------
  const std::string config_path = opt.no_config ? "" : !opt.config.empty() ? opt.config : default_config_path();
  const LoadedConfig loaded = load_config(config_path);
  for (const auto& w : loaded.warnings) warn(w);
  ViewerConfig cfg = loaded.config;
  if (!opt.db.empty()) {
    std::error_code ec;
    // A directory (local index, replica) or a stub file (remote backend: `remote HOST:PORT`).
    if (!std::filesystem::exists(opt.db, ec)) return fail(1, "index directory not found: " + opt.db);
    cfg.db = std::filesystem::absolute(opt.db).lexically_normal().string();
  }
  if (!opt.font.empty()) {
    cfg.font_path = opt.font;
    cfg.font_index = 0;
  }
  if (opt.font_size > 0) cfg.font_size = opt.font_size;
  if (!opt.theme.empty()) cfg.theme = opt.theme == "dark" ? Theme::kDark : Theme::kLight;
  if (opt.width > 0) {
    cfg.window_width = opt.width;
    cfg.window_height = opt.height;
  }
  const auto clock_or = opt.today.empty() ? Clock::from_environment() : Result<Clock>(Clock::fixed(*Date::parse(opt.today)));
  if (!clock_or) {
    std::fprintf(stderr, "madoguchi-viewer: %s\n", clock_or.status().message().c_str());
    return 2;
  }
  const Clock clock = *clock_or;

  std::unique_ptr<EventLog> log;
  if (!opt.event_log.empty()) {
    std::string error;
    log = EventLog::open(opt.event_log, error);
    if (!log) return fail(1, error);
  }
  NoEvents no_events;
  ViewEvents& base_events = log ? static_cast<ViewEvents&>(*log) : no_events;
  // The seat's search log (issue 8). Screenshot and measurement runs keep none unless asked.
  std::unique_ptr<SearchLogEvents> search_log;
  const bool measuring = !opt.screenshot.empty() || opt.exit_after_frames >= 0;
  if (!opt.no_log && (!opt.log_dir.empty() || !measuring)) {
    const std::string dir = opt.log_dir.empty() ? default_log_dir() : opt.log_dir;
    auto opened = SearchLog::open(dir + "/search-log-" + seat_name() + ".sqlite", seat_name());
    if (opened) search_log = std::make_unique<SearchLogEvents>(std::move(*opened), base_events);
    else std::fprintf(stderr, "madoguchi-viewer: warning: no search log: %s\n", opened.status().to_string().c_str());
  }
  ViewEvents& events = search_log ? static_cast<ViewEvents&>(*search_log) : base_events;

  // --- The search worker first (it opens the index while the window and GL context are made) --
  std::atomic<bool> glfw_ready{false};  // wake-ups before glfwInit would be errors
  auto wake = [&glfw_ready] {
    if (glfw_ready.load()) glfwPostEmptyEvent();
  };
  std::unique_ptr<SearchService> service;
  const double index_open_started_ms = ms_since(started);  // the worker opens it from here on
  if (cfg.db.empty()) service = std::make_unique<NoIndexService>();
  else service = std::make_unique<SearchWorker>(cfg.db, clock, SearcherOptions{.badge_days = cfg.badge_days}, wake);
  // Releases (issue 4): a watcher thread with its own ReleaseLog checks once a second.
  std::unique_ptr<ReleaseWatcher> releases;
  if (!cfg.db.empty()) releases = std::make_unique<ReleaseWatcher>(cfg.db, clock, WatchOptions{}, wake);
  // The release this seat acknowledged. Measurement and --no-config runs keep it in memory only.
  std::string state_path;
  if (!opt.state_dir.empty()) state_path = seat_state_path(opt.state_dir);
  else if (!measuring && !opt.no_config) state_path = seat_state_path(opt.log_dir.empty() ? default_log_dir() : opt.log_dir);
  std::string seat_warning;
  SeatState seat(state_path, &seat_warning);
  if (!seat_warning.empty()) warn(seat_warning);

  // Finding the font (fontconfig, the face's coverage) and baking the first atlas need neither the
  // window nor ImGui: they run beside the display's opening and the window's creation, at the
  // primary monitor's scale.
  std::promise<float> first_px;
  auto first_fonts = std::async(std::launch::async, bake_first_fonts,
                                FontRequest{cfg.font_path, cfg.font_index, cfg.font_family}, first_px.get_future(),
                                std::vector<std::string>{cfg.db, opt.query});
  auto display_scale = open_display();
  first_px.set_value(display_scale ? font_pixels(cfg.font_size, *display_scale) : 0.0f);
  if (!display_scale) return fail(3, display_scale.status().message());

  auto window_or = GlWindow::create({cfg.window_width, cfg.window_height, std::string(text::kWindowTitle), opt.gl});
  if (!window_or) return fail(3, window_or.status().message());
  std::unique_ptr<GlWindow> window = std::move(*window_or);
  glfw_ready.store(true);
  signals.on_signal([] { glfwPostEmptyEvent(); });
  const double window_ms = ms_since(started);

  ViewModel model(*service, events,
                  ViewModelOptions{.result_limit = cfg.result_limit,
                                   .default_font_size = ViewerConfig{}.font_size,
                                   .stale_seconds = cfg.stale_minutes * 60.0},
                  releases.get(), &seat);
  model.set_index_path(cfg.db);
  model.set_font_size(cfg.font_size);
  model.set_theme(cfg.theme);
  model.set_today(clock.today());
  if (!opt.as_of.empty()) model.set_as_of(Date::parse(opt.as_of));
  if (!opt.query.empty()) model.replace_query(opt.query);

  // The first frame waits for the first atlas only. The index opens on the search thread meanwhile:
  // the window shows at once with the search box focused and says the index is opening; keys typed
  // before it is open make the query, which the worker searches as soon as it is (a job submitted
  // while it opens waits in its queue, the newest one wins).
  FirstFonts first = first_fonts.get();
  if (!first.warning.empty()) warn(first.warning);
  Fonts fonts = std::move(first.fonts);
  const bool first_atlas = first.atlas != nullptr;
  const double fonts_ready_ms = first_atlas ? std::chrono::duration<double, std::milli>(first.done - started).count() : 0;
  window->start_imgui(std::move(first.atlas));
  // The corpus's characters wait for corpus text (see the loop). A window on a monitor of another
  // scale than the primary one gets its atlas rebuilt there, before the first frame.
  float scale = window->content_scale();
  if (first_atlas) upload_fonts(fonts, *window, fonts.built_px, scale);
  else rebuild_fonts(fonts, *window, model.state().font_size, scale);
  if (fonts.japanese && !fonts.japanese->missing().empty())
    warn(std::to_string(fonts.japanese->missing().size()) + " characters have no glyph in any installed font");
  Theme theme = model.state().theme;
  apply_theme(theme, style_scale(scale));

  // --- The loop -------------------------------------------------------------------------------
  DrawScratch scratch;
  FrameStats stats;
  const bool automation = opt.exit_after_frames >= 0 || !opt.screenshot.empty();
  const int frames_wanted = std::max(1, opt.exit_after_frames >= 0 ? opt.exit_after_frames : 3);
  const auto automation_deadline = started + std::chrono::seconds(60);
  int frames_ready = 0;
  int settle = kSettleFrames;
  int exit_code = 0;
  // first_frame_ms: the first frame on screen (the search box; the index may still be opening);
  // first_ready_ms: the first one on screen that can answer (what automation counts).
  std::optional<double> first_frame_ms, first_ready_ms, index_ready_ms;
  int charset_baked = 0;  // the charset_version whose characters are in the atlas

  uint64_t inputs_seen = window->input_events();
  std::vector<KeyPress> deferred_keys;  // an Enter waiting for the characters typed before it
  std::string pending_panel = opt.panel;  // --panel: opened once the index (and a result) is there
  while (!glfwWindowShouldClose(window->handle()) && !signals.fired()) {
    // Automation draws frame after frame once the worker is idle; while the index opens or a search
    // runs it waits for the worker's wake-up like an operator's window, so that its frames (tens
    // of ms each under software GL) do not take a core from the index opening on 2 cores.
    const bool worker_busy = model.busy();
    if ((automation && !worker_busy) || settle > 0) {
      glfwPollEvents();
    } else {
      double timeout = kDateCheckSeconds;
      if (auto deadline = model.next_deadline()) timeout = std::clamp(*deadline - model.now(), 0.0, timeout);
      if (automation) timeout = std::min(timeout, 0.1);  // its time limit is checked at least this often
      glfwWaitEventsTimeout(timeout);
    }
    const auto frame_start = SteadyClock::now();
    const bool input = window->input_events() != inputs_seen;
    inputs_seen = window->input_events();
    const bool replies = model.pump();
    if (!index_ready_ms && model.state().index.state != IndexState::kOpening) index_ready_ms = ms_since(started);
    if (search_log) search_log->set_release(model.state().index.release_number);  // recorded with searches
    const bool timer_visible = model.tick();
    const Date today_before = model.state().today;
    model.set_today(clock.today());
    const bool woke_for_something = input || replies || timer_visible || model.state().today != today_before;
    // A timer that changed nothing on screen (the pause settle point, the date check) draws no frame:
    // under software GL (VDI) a frame costs tens of milliseconds of CPU.
    if ((!automation || worker_busy) && settle == 0 && !woke_for_something) {
      if (automation && SteadyClock::now() > automation_deadline) {
        exit_code = fail(3, "timed out waiting for results");
        break;
      }
      continue;
    }
    if (woke_for_something) settle = kSettleFrames;

    const float now_scale = window->content_scale();
    // Glyphs the atlas still lacks, baked before they are drawn: characters typed this frame
    // (ImGui reads them in NewFrame) or standing in the query (pasted, type-ahead); the corpus's,
    // from the frame after the first one that can answer or the first one that shows corpus text,
    // and again when a search moved to a newer revision (a release may add characters); and, once
    // a frame that can answer is up and nothing is waiting, the rest of what operators may type.
    // (Baking before the first answering frame would delay it: the index opens after the first
    // frame, and the frame that receives it is the first that can answer.)
    bool grow = false;
    if (fonts.japanese) {
      const ImVector<ImWchar>& queued = ImGui::GetIO().InputQueueCharacters;
      grow = fonts.japanese->want(std::vector<char32_t>(queued.begin(), queued.end()));
      grow = fonts.japanese->want_utf8(model.state().query) || grow;
      if (charset_baked != model.state().index.charset_version && model.state().index.state == IndexState::kOpen &&
          (first_ready_ms || shows_corpus_text(model.state()))) {
        const size_t missing_before = fonts.japanese->missing().size();
        grow = fonts.japanese->want_utf8(model.state().index.charset) || grow;
        charset_baked = model.state().index.charset_version;
        if (fonts.japanese->missing().size() > missing_before)
          warn(std::to_string(fonts.japanese->missing().size() - missing_before) +
               " characters of the index have no glyph in any installed font");
      }
      if (first_ready_ms && !input && !model.busy()) grow = fonts.japanese->complete() || grow;
    }
    if (grow || font_pixels(model.state().font_size, now_scale) != fonts.built_px) {
      rebuild_fonts(fonts, *window, model.state().font_size, now_scale);
      if (fonts.stats.complete) UiFonts::return_freed_memory();  // the large atlases; the first frame is up
      if (log)
        log->write("fonts", {{"pixel_size", fonts.stats.pixel_size}, {"build_ms", fonts.stats.build_ms},
                             {"glyphs_requested", fonts.stats.glyphs_requested},
                             {"glyphs_baked", fonts.stats.glyphs_baked}, {"glyphs_missing", fonts.stats.missing},
                             {"complete", fonts.stats.complete}, {"ms", ms_since(started)}});
    }
    if (theme != model.state().theme || scale != now_scale) {
      theme = model.state().theme;
      scale = now_scale;
      apply_theme(theme, style_scale(scale));
    }

    window->new_frame();
    ImGui::NewFrame();
    std::vector<KeyPress> presses = std::exchange(deferred_keys, {});
    for (const KeyPress& k : window->take_key_presses()) presses.push_back(k);
    const bool note_box_waiting = model.state().feedback.open && !scratch.feedback_active;
    const auto keys = poll_shortcuts(presses, &deferred_keys, note_box_waiting);
    for (const auto& k : keys) model.apply(k);
    const auto requests = draw_frame(model.state(), scratch);
    ImGui::Render();
    window->render(ImGui::GetDrawData(), clear_color());
    const double work_ms = ms_since(frame_start);

    if (!pending_panel.empty() && model.state().index.state == IndexState::kOpen && !model.busy() &&
        (pending_panel == "changes" || model.state().selected_hit())) {
      model.apply({pending_panel == "changes" ? Action::kToggleChanges : Action::kToggleHistory, 0, ""});
      pending_panel.clear();
      settle = kSettleFrames;
    }
    const bool ready = model.state().index.state != IndexState::kOpening && !model.busy() && pending_panel.empty() &&
                       !model.state().changes.loading && !model.state().history.loading;
    if (automation && ready) ++frames_ready;
    const bool finish = automation && ready && frames_ready >= frames_wanted;
    if (finish && !opt.screenshot.empty()) {
      int w = 0, h = 0;
      std::vector<unsigned char> rgba;
      Status written = window->read_pixels(w, h, rgba) ? write_png(opt.screenshot, w, h, rgba)
                                                       : Status::io_error("cannot read the framebuffer");
      if (!written.ok()) exit_code = fail(3, written.message());
      if (log)
        log->write("screenshot", {{"path", opt.screenshot}, {"width", w}, {"height", h},
                                  {"rows", scratch.rows_drawn}, {"hits", model.state().hits.size()},
                                  {"query", model.state().results_query}, {"ms", ms_since(started)}});
    }
    window->swap();
    const double total_ms = ms_since(frame_start);

    for (const auto& r : requests) model.apply(r);
    if (auto text = model.take_clipboard_request()) glfwSetClipboardString(window->handle(), text->c_str());

    const bool changed = replies || input || !keys.empty() || !requests.empty();
    if (first_frame_ms) {
      stats.work_ms.push_back(work_ms);
      stats.total_ms.push_back(total_ms);
      if (changed) stats.busy_ms.push_back(work_ms);
    } else {
      first_frame_ms = ms_since(started);
      if (log)
        log->write("first_frame", {{"ms", *first_frame_ms}, {"index_state", index_state_name(model.state().index.state)},
                                   {"window_ms", window_ms}, {"fonts_ready_ms", fonts_ready_ms},
                                   {"glyphs_baked", fonts.stats.glyphs_baked}});
    }
    if (ready && !first_ready_ms) {
      // index_opened_ms: when the worker had the index open; index_ready_ms: when this thread took
      // its reply (never before the window exists). Both from the process's start, like the rest.
      first_ready_ms = ms_since(started);
      if (log)
        log->write("ready", {{"backend", window->backend_name()}, {"gl_version", window->gl_version()},
                             {"window_ms", window_ms}, {"fonts_ready_ms", fonts_ready_ms},
                             {"first_frame_ms", *first_frame_ms}, {"first_ready_ms", *first_ready_ms},
                             {"index_open_ms", model.state().index.open_ms},
                             {"index_opened_ms", index_open_started_ms + model.state().index.open_ms},
                             {"index_ready_ms", index_ready_ms.value_or(0)},
                             {"index", model.state().index.path}, {"entries", model.state().index.entry_count},
                             {"font", fonts.stats.font}, {"font_px", fonts.stats.pixel_size},
                             {"glyphs_requested", fonts.stats.glyphs_requested},
                             {"glyphs_baked", fonts.stats.glyphs_baked}, {"glyphs_missing", fonts.stats.missing},
                             {"atlas_width", fonts.stats.texture_width}, {"atlas_height", fonts.stats.texture_height},
                             {"atlas_build_ms", fonts.stats.build_ms}, {"fallback_faces", fonts.stats.fallback_faces},
                             {"content_scale", scale}});
    }
    settle = std::max(0, settle - 1);
    if (!requests.empty() || !deferred_keys.empty()) settle = std::max(settle, 1);  // applied after drawing: show their effect
    if (finish) break;
    if (automation && SteadyClock::now() > automation_deadline) {
      exit_code = fail(3, "timed out waiting for results");
      break;
    }
  }

  // --- Shut down: record, save settings, stop threads, close the window -----------------------
  events.flush();
  model.flush();
  if (log)
    log->write("stats", {{"first_frame_ms", first_frame_ms.value_or(0)}, {"first_ready_ms", first_ready_ms.value_or(0)},
                         {"frame_work_ms", percentiles_json(stats.work_ms)},
                         {"frame_total_ms", percentiles_json(stats.total_ms)},
                         {"frame_busy_ms", percentiles_json(stats.busy_ms)},
                         {"frame_ms", stats.work_ms},  // every frame's work before the swap (tools/bench)
                         {"rss_kib", rss_kib()},
                         {"peak_rss_kib", peak_rss_kib()}, {"signal", signals.signal()}});
  if (!automation && !config_path.empty()) {
    ViewerConfig to_save = loaded.config;  // command-line-only choices (--font, --gl) are not saved
    int w = 0, h = 0;
    glfwGetWindowSize(window->handle(), &w, &h);
    if (w > 0 && h > 0) {
      to_save.window_width = int(float(w) / scale + 0.5f);
      to_save.window_height = int(float(h) / scale + 0.5f);
    }
    to_save.font_size = model.state().font_size;
    to_save.theme = model.state().theme;
    if (!cfg.db.empty()) to_save.db = cfg.db;
    if (!(to_save == loaded.config) || !loaded.existed)
      if (Status s = save_config(config_path, to_save); !s.ok()) warn(s.message());
  }
  signals.on_signal(nullptr);
  releases.reset();  // joins the watcher and the worker, whose wake-ups need GLFW alive
  service.reset();
  window.reset();
  return exit_code;
}
