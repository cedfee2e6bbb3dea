// Real windows under a private Xvfb: the screenshot command, the OpenGL 2 fallback, typing
// Japanese with xdotool and copying the answer to the clipboard, idle CPU, clean shutdown.
#include <catch2/catch.hpp>
#include <signal.h>
#include <stb_image.h>  // the implementation is compiled into libstb

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "normalizer.h"
#include "glyph_set.h"
#include "process.h"
#include "search_log_events.h"
#include "viewer_fixture.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::TempDir;
using nlohmann::json;

// One UTF-8 encoder for the project: core's (utf8proc).
void encode_utf8(char32_t c, std::string& out) { madoguchi::append_utf8(out, c); }

const std::map<std::string, std::string> kAnswers = {
    {"hokenjo-hours", "保健所の電話受付は平日9時から17時までです。夜間と休日は受診相談センターにおかけください。"},
    {"routing-suita", "吹田市は中核市のため、吹田市保健所が対応します。電話番号をご案内してください。"},
    {"cough", "咳が二週間以上続く場合は、かかりつけ医か保健所にご相談ください。"},
};

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> px;
  bool load(const std::string& path) {
    int n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) return false;
    px.assign(data, data + size_t(w) * size_t(h) * 4);
    stbi_image_free(data);
    return true;
  }
  // Pixels within `tol` of an RGB color inside [x0,x1)×[y0,y1).
  long count(unsigned r, unsigned g, unsigned b, int tol, int x0, int y0, int x1, int y1) const {
    long n = 0;
    for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w, x1); ++x) {
        const unsigned char* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
        if (std::abs(p[0] - int(r)) <= tol && std::abs(p[1] - int(g)) <= tol && std::abs(p[2] - int(b)) <= tol) ++n;
      }
    return n;
  }
  // Text-colored pixels: darker than any background the light theme uses.
  long ink(int x0, int y0, int x1, int y1) const {
    long n = 0;
    for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w, x1); ++x) {
        const unsigned char* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
        if (std::max({p[0], p[1], p[2]}) < 0x90) ++n;
      }
    return n;
  }
};

std::string xclip_clipboard(const Env& env) {
  auto r = run({"xclip", "-o", "-selection", "clipboard"}, env, 10);
  return r.code == 0 ? r.output : "";
}

struct Session {
  TempDir tmp;
  std::string db;
  std::unique_ptr<Xvfb> x;
  std::string log = tmp.str("events.jsonl");
  explicit Session(std::vector<std::string> tools = {}) {
    tools.insert(tools.begin(), "Xvfb");
    skip_unless_gui_tools(tools);
    db = build_viewer_index(tmp);
  }
  void start_x() {
    std::string why;
    x = Xvfb::start(&why);
    if (!x) FAIL(why);
  }
  std::vector<std::string> args(std::vector<std::string> extra) const {
    std::vector<std::string> a = {MADOGUCHI_VIEWER, "--db", db, "--today", kToday, "--event-log", log,
                                  "--size", "1280x800"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

void check_screenshot_shows_results(const std::string& png) {
  Image img;
  REQUIRE(img.load(png));
  CHECK(img.w == 1280);
  CHECK(img.h == 800);
  // Matched words are drawn on the highlight color (#FFE066) in the results column...
  CHECK(img.count(0xFF, 0xE0, 0x66, 8, 0, 90, 560, 760) > 100);
  // ...with dark text over it and beside it; and the detail pane has text too.
  CHECK(img.ink(0, 90, 560, 300) > 1500);
  CHECK(img.ink(570, 90, 1280, 760) > 5000);
}

// Types `text` one character at a time, each like an IME commit, waiting for the viewer to search
// for the text so far before the next one. xdotool maps each character that is not on the keyboard
// onto a spare keycode and puts the keycode back afterwards; on a loaded machine the viewer may read
// the key after that and the character is lost. A lost character (the query did not change) is
// typed again, at most twice; anything else fails the test.
std::optional<json> type_and_wait(const Env& env, const std::string& log, const std::string& text) {
  auto last_query = [&] {
    std::string q;
    for (const auto& e : read_events(log)) {
      if (e.value("event", "") == "search") q = e.value("query", "");
      if (e.value("event", "") == "settle" && e.value("kind", "") == "cleared") q.clear();  // Esc: no search for ""
    }
    return q;
  };
  std::string typed;
  std::optional<json> found;
  for (char32_t c : decode_utf8(text)) {
    std::string ch;
    encode_utf8(c, ch);
    const std::string before = typed;
    typed += ch;
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (run({"xdotool", "type", "--delay", "150", ch}, env, 20).code != 0) return std::nullopt;
      if (wait_until([&] {
            found = find_event(log, "search", [&](const json& e) { return e["query"] == typed; });
            return found.has_value();
          }, 5))
        break;
      if (last_query() != before) break;  // not lost but garbled: give up below
      UNSCOPED_INFO("retyping a lost character after '" << before << "'");
    }
    if (!found) {
      UNSCOPED_INFO("no search for '" << typed << "'; the viewer's last query: '" << last_query() << "'");
      return std::nullopt;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("the screenshot command under Xvfb writes a PNG with Japanese results drawn", "[viewer][gui]") {
  Session s;
  const auto t0 = std::chrono::steady_clock::now();
  s.start_x();
  const std::string png = s.tmp.str("shot.png");
  auto r = run(s.args({"--no-config", "--query", "発熱", "--screenshot", png, "--exit-after-frames", "5"}), s.x->env(), 30);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  INFO(r.output);
  REQUIRE(r.code == 0);
  WARN("Xvfb start + viewer screenshot: " << seconds << " s");
  CHECK(seconds < 10);  // the target is 3 s on an idle machine; ctest may run tests in parallel
  auto shot = find_event(s.log, "screenshot");
  REQUIRE(shot);
  CHECK((*shot)["rows"].get<int>() >= 1);
  CHECK((*shot)["query"] == "発熱");
  auto ready = find_event(s.log, "ready");
  REQUIRE(ready);
  CHECK((*ready)["backend"] == "OpenGL3");
  CHECK((*ready)["glyphs_missing"] == 0);  // no tofu
  // The first frame bakes the core scripts, the labels and the corpus; JIS X 0208 and the symbols
  // follow right after it, before the screenshot.
  CHECK((*ready)["glyphs_baked"].get<int>() < 3000);
  auto full = find_event(s.log, "fonts", [](const json& e) { return e.value("complete", false); });
  REQUIRE(full);
  CHECK((*full)["glyphs_baked"].get<int>() > 7000);
  CHECK((*full)["glyphs_missing"] == 0);
  CHECK((*full)["ms"].get<double>() >= (*ready)["first_frame_ms"].get<double>());
  check_screenshot_shows_results(png);
}

TEST_CASE("without a GL 3 context the viewer falls back to the OpenGL 2 backend", "[viewer][gui]") {
  Session s;
  s.start_x();
  Env env = s.x->env();
  env["MESA_GL_VERSION_OVERRIDE"] = "2.1";  // Mesa then refuses GL 3 contexts, as many VDI drivers do
  const std::string png = s.tmp.str("gl2.png");
  auto r = run(s.args({"--no-config", "--query", "発熱", "--screenshot", png}), env, 30);
  INFO(r.output);
  REQUIRE(r.code == 0);
  auto ready = find_event(s.log, "ready");
  REQUIRE(ready);
  CHECK((*ready)["backend"] == "OpenGL2");
  CHECK((*ready)["gl_version"].get<std::string>().rfind("2.1", 0) == 0);
  check_screenshot_shows_results(png);
}

TEST_CASE("forcing the OpenGL 2 backend, and starting with no index configured", "[viewer][gui]") {
  Session s;
  s.start_x();
  const std::string png = s.tmp.str("noindex.png");
  auto r = run({MADOGUCHI_VIEWER, "--no-config", "--gl", "2", "--event-log", s.log, "--screenshot", png}, s.x->env(), 30);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK((*find_event(s.log, "ready"))["backend"] == "OpenGL2");
  Image img;
  REQUIRE(img.load(png));
  CHECK(img.count(0xFF, 0xE0, 0x66, 8, 0, 0, img.w, img.h) == 0);  // nothing highlighted: no results
}

TEST_CASE("end to end: type Japanese, move the selection, copy the answer to the clipboard", "[viewer][gui][e2e]") {
  Session s({"xdotool", "xclip"});
  s.start_x();
  const Env env = s.x->env();
  const std::string config = s.tmp.str("config/viewer.toml");
  const pid_t pid = spawn(s.args({"--config", config, "--no-log"}), env, s.tmp.str("viewer.out"));
  auto cleanup = [&] { kill(pid, SIGKILL); };
  REQUIRE(wait_until([&] { return find_event(s.log, "ready").has_value(); }, 20));
  auto win = run({"xdotool", "search", "--sync", "--pid", std::to_string(pid)}, env, 10);
  REQUIRE(win.code == 0);
  const std::string wid = win.output.substr(0, win.output.find('\n'));
  run({"xdotool", "windowfocus", "--sync", wid}, env, 5);

  // Type unconverted kana: it must find the kanji entries, searching on every keystroke.
  std::optional<json> searched = type_and_wait(env, s.log, "ほけんじょ");
  REQUIRE(searched);
  const auto hits = (*searched)["hits"].get<std::vector<std::string>>();
  REQUIRE(hits.size() >= 2);
  CHECK(std::count(hits.begin(), hits.end(), "hokenjo-hours") == 1);  // 保健所, found from kana
  CHECK(std::count(hits.begin(), hits.end(), "routing-suita") == 1);
  REQUIRE(kAnswers.count(hits[1]) == 1);
  CHECK(find_event(s.log, "search", [](const json& e) { return e["query"] == "ほけ"; }).has_value());

  // ↓ selects the second result; Ctrl+Shift+C copies its answer.
  REQUIRE(run({"xdotool", "key", "Down"}, env, 5).code == 0);
  REQUIRE(wait_until([&] {
    return find_event(s.log, "select", [&](const json& e) { return e["id"] == hits[1] && e["rank"] == 2; }).has_value();
  }, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the detail arrives from the worker
  REQUIRE(run({"xdotool", "key", "ctrl+shift+c"}, env, 5).code == 0);
  REQUIRE(wait_until([&] {
    return find_event(s.log, "settle", [&](const json& e) { return e["kind"] == "copied" && e["id"] == hits[1]; })
        .has_value();
  }, 10));
  std::string clip;
  wait_until([&] { return (clip = xclip_clipboard(env)) == kAnswers.at(hits[1]); }, 5);
  CHECK(clip == kAnswers.at(hits[1]));

  // Esc clears; a new query; Ctrl+1 opens the first result; F8 copies its Markdown answer as text.
  REQUIRE(run({"xdotool", "key", "Escape"}, env, 5).code == 0);
  REQUIRE(wait_until([&] {
    return find_event(s.log, "settle", [](const json& e) { return e["kind"] == "cleared"; }).has_value();
  }, 10));
  REQUIRE(type_and_wait(env, s.log, "発熱"));
  REQUIRE(run({"xdotool", "key", "ctrl+1"}, env, 5).code == 0);
  REQUIRE(wait_until([&] {
    return find_event(s.log, "settle", [](const json& e) { return e["kind"] == "opened" && e["id"] == "fever-consult"; })
        .has_value();
  }, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  REQUIRE(run({"xdotool", "key", "F8"}, env, 5).code == 0);
  wait_until([&] { return (clip = xclip_clipboard(env)) == kFeverAnswerPlain; }, 5);
  CHECK(clip == kFeverAnswerPlain);

  // Ctrl+= makes the text bigger; SIGTERM ends the viewer cleanly and the size is remembered.
  REQUIRE(run({"xdotool", "key", "ctrl+equal"}, env, 5).code == 0);
  // (The atlas also grows by itself after the first frame: only a rebuild at the new size counts.)
  REQUIRE(wait_until([&] {
    return find_event(s.log, "fonts", [](const json& e) { return e["pixel_size"] == 22; }).has_value();
  }, 10));
  kill(pid, SIGTERM);
  const int code = wait_exit(pid, 10);
  if (code < 0) cleanup();
  CHECK(code == 0);
  CHECK(find_event(s.log, "stats").has_value());
  std::ifstream in(config);
  std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(saved.find("size = 22") != std::string::npos);
}

TEST_CASE("a character outside every prepared glyph set is baked once it is typed", "[viewer][gui][fonts]") {
  Session s({"xdotool"});
  s.start_x();
  const Env env = s.x->env();
  const pid_t pid = spawn(s.args({"--no-config", "--no-log"}), env, s.tmp.str("viewer.out"));
  auto cleanup = [&] { kill(pid, SIGKILL); };
  // The full set (JIS X 0208 and the symbols) arrives after the first frame by itself.
  REQUIRE(wait_until([&] {
    return find_event(s.log, "fonts", [](const json& e) { return e.value("complete", false); }).has_value();
  }, 20));
  const int full = (*find_event(s.log, "fonts", [](const json& e) { return e.value("complete", false); }))
                       ["glyphs_requested"].get<int>();
  auto win = run({"xdotool", "search", "--sync", "--pid", std::to_string(pid)}, env, 10);
  REQUIRE(win.code == 0);
  run({"xdotool", "windowfocus", "--sync", win.output.substr(0, win.output.find('\n'))}, env, 5);

  // 髙 (the "ladder" 高 of names) is in none of them: an IBM extension, not JIS X 0208.
  REQUIRE(type_and_wait(env, s.log, "髙"));
  auto grown = find_event(s.log, "fonts", [&](const json& e) { return e["glyphs_requested"].get<int>() > full; });
  cleanup();
  REQUIRE(grown);
  CHECK((*grown)["glyphs_requested"] == full + 1);
  CHECK((*grown)["glyphs_baked"].get<int>() > (*find_event(s.log, "fonts", [](const json& e) {
                                                 return e.value("complete", false);
                                               }))["glyphs_baked"].get<int>());  // the font has it: no '?'
  CHECK((*grown)["glyphs_missing"] == 0);
}

TEST_CASE("left alone, the viewer uses (almost) no CPU", "[viewer][gui]") {
  Session s;
  s.start_x();
  const pid_t pid = spawn(s.args({"--no-config", "--no-log", "--query", "発熱"}), s.x->env());
  REQUIRE(wait_until([&] { return find_event(s.log, "ready").has_value(); }, 20));
  // The rest of the glyphs (JIS X 0208) are baked once after the first frame: a start-up cost.
  REQUIRE(wait_until([&] {
    return find_event(s.log, "fonts", [](const json& e) { return e.value("complete", false); }).has_value();
  }, 30));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // settling frames and the first search
  const double c0 = cpu_seconds(pid);
  const auto t0 = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(4));
  const double used = cpu_seconds(pid) - c0;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double percent = 100 * used / wall;
  WARN("idle CPU: " << percent << "% of one core");
  CHECK(percent <= 2.0);
  kill(pid, SIGTERM);
  CHECK(wait_exit(pid, 10) == 0);
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

// Issue 8: what operators settle on in a real viewer reaches the seat's search log, and
// `madoguchi report` merges it: zero-hit queries (digits masked) and opened entries.
TEST_CASE("searches settled in a real viewer reach the search log and the report", "[viewer][gui][searchlog]") {
  Session s({"xdotool"});
  s.start_x();
  Env env = s.x->env();
  const std::string logs = s.tmp.str("seat-logs");
  const pid_t pid = spawn(s.args({"--no-config", "--log-dir", logs}), env);
  REQUIRE(wait_until([&] { return find_event(s.log, "ready").has_value(); }, 20));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  // A query that finds nothing, with a caller's phone number in it, then cleared with Esc.
  REQUIRE(run({"xdotool", "type", "--delay", "60", "zqxw 09012345678"}, env, 20).code == 0);
  REQUIRE(wait_until([&] {
    return find_event(s.log, "search", [](const json& e) { return e["query"] == "zqxw 09012345678"; }).has_value();
  }, 10));
  REQUIRE(run({"xdotool", "key", "Escape"}, env, 5).code == 0);
  REQUIRE(wait_until([&] { return find_event(s.log, "settle", [](const json& e) { return e["kind"] == "cleared"; }).has_value(); }, 10));

  // A query that finds the fever entry, opened with Enter.
  REQUIRE(type_and_wait(env, s.log, "発熱"));
  REQUIRE(run({"xdotool", "key", "Return"}, env, 5).code == 0);
  std::optional<json> opened;
  REQUIRE(wait_until([&] {
    opened = find_event(s.log, "settle", [](const json& e) { return e["kind"] == "opened"; });
    return opened.has_value();
  }, 10));
  // F7: "this answer was not enough" on the open entry, with a short note (digits masked in the
  // log), recorded by Enter.
  REQUIRE(run({"xdotool", "key", "F7"}, env, 5).code == 0);
  REQUIRE(run({"xdotool", "type", "--delay", "60", "night no 0612345678"}, env, 20).code == 0);
  REQUIRE(run({"xdotool", "key", "Return"}, env, 5).code == 0);
  std::optional<json> feedback;
  REQUIRE(wait_until([&] {
    feedback = find_event(s.log, "feedback");
    return feedback.has_value();
  }, 10));
  CHECK((*feedback)["note"] == "night no 0612345678");
  kill(pid, SIGTERM);  // the log is flushed on SIGTERM
  REQUIRE(wait_exit(pid, 10) == 0);

  auto r = madoguchi::test::run_cli({"report", "--logs", logs, "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json report = json::parse(r.out);
  CHECK(report["searches"].get<int>() >= 2);
  REQUIRE_FALSE(report["zero_hit"].empty());
  const std::string example = report["zero_hit"][0]["examples"][0];
  CHECK(example == "zqxw ＃");
  CHECK(r.out.find("09012345678") == std::string::npos);
  REQUIRE_FALSE(report["opened"].empty());
  CHECK(report["opened"][0]["id"] == (*opened)["id"]);
  REQUIRE(report["feedback"].size() == 1);
  CHECK(report["feedback"][0]["id"] == (*opened)["id"]);
  CHECK(report["feedback"][0]["count"] == 1);
  CHECK(report["feedback"][0]["notes"] == json::array({"night no ＃"}));
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

// Issue 4: `madoguchi publish` while a real viewer is open. The viewer's watcher thread notices
// the release (checks once a second), wakes the window, shows the banner and searches the
// operator's query again on the new release, all without input. Measures publish -> banner.
TEST_CASE("a release published while a real viewer runs reaches it within seconds", "[viewer][gui][releases]") {
  Session s;
  // The fixture index becomes a live database: release 1.
  auto first = madoguchi::test::run_cli({"publish", s.tmp.str("corpus"), "--db", s.db, "--message", "初回"});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  s.start_x();
  const pid_t pid = spawn(s.args({"--no-config", "--no-log", "--state-dir", s.tmp.str("state"), "--query", "マスク"}),
                          s.x->env(), s.tmp.str("viewer.out"));
  REQUIRE(wait_until([&] { return find_event(s.log, "ready").has_value(); }, 20));
  REQUIRE(wait_until([&] {
    return find_event(s.log, "search", [](const json& e) { return e["query"] == "マスク" && e["hits"].empty(); })
        .has_value();
  }, 20));

  madoguchi::test::write_file(s.tmp.path() / "corpus" / "masks.md",
                              madoguchi::test::entry_md("masks", "マスクの着用", "マスクの着用は個人の判断です。",
                                                        "type: faq\ncategory: [感染対策]\neffective: 2023-03-13\n"));
  const auto wall_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const long long started = wall_ms();
  auto second = madoguchi::test::run_cli({"publish", s.tmp.str("corpus"), "--db", s.db, "--message", "マスクを追加"});
  const long long published = wall_ms();
  INFO(second.err);
  REQUIRE(second.exit_code == 0);

  std::optional<json> release;
  REQUIRE(wait_until([&] {
    release = find_event(s.log, "release");
    return release.has_value();
  }, 30));
  CHECK((*release)["number"] == 2);
  CHECK((*release)["banner"] == "リリース 2 を公開: 新規 1 件");
  // The operator's query, searched again on release 2, now finds the new entry.
  REQUIRE(wait_until([&] {
    return find_event(s.log, "search", [](const json& e) {
             return e["query"] == "マスク" && e["hits"] == json::array({"masks"});
           }).has_value();
  }, 10));
  const double seconds = double((*release)["t_ms"].get<long long>() - published) / 1000.0;
  WARN("publish (CLI, " << (published - started) << " ms) -> viewer banner: " << seconds
                        << " s after the commit (the watcher checks once a second)");
  CHECK(seconds < 5.0);  // about a second when the machine is idle; ctest runs tests in parallel

  kill(pid, SIGTERM);
  CHECK(wait_exit(pid, 10) == 0);
  // The seat's first run acknowledged release 1; release 2 is still unread.
  std::ifstream state(s.tmp.str("state") + "/seat-state-" + seat_name() + ".json");
  REQUIRE(state);
  const json doc = json::parse(state);
  CHECK(doc["acknowledged"][s.db]["release"] == 1);
}

}  // namespace madoguchi::viewer::test
