#include "options.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "madoguchi/date.h"

namespace madoguchi::viewer {

std::optional<int> parse_options(int argc, char** argv, ViewerOptions& o) {
  CLI::App app{"Madoguchi viewer: instant Japanese FAQ search for call-center operators", "madoguchi-viewer"};
  app.set_version_flag("--version", std::string(MADOGUCHI_VERSION));
  std::string size;
  app.add_option("--db", o.db, "Index directory (built with `madoguchi index`)");
  app.add_option("--query", o.query, "Search for this when the window opens");
  app.add_option("--screenshot", o.screenshot, "Save the window as PNG once results are drawn, then exit");
  app.add_option("--exit-after-frames", o.exit_after_frames, "Exit after drawing N frames once results are in")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--config", o.config, "Settings file (default: the platform's config directory)");
  app.add_flag("--no-config", o.no_config, "Use default settings; read and write no settings file");
  app.add_option("--font", o.font, "Font file to use instead of a fontconfig match");
  app.add_option("--font-size", o.font_size, "Font size in pixels")->check(CLI::Range(8.0f, 64.0f));
  app.add_option("--today", o.today, "Fix today's date (YYYY-MM-DD)");
  app.add_option("--as-of", o.as_of, "Start with results as of this date (YYYY-MM-DD)");
  app.add_option("--theme", o.theme, "light or dark")->check(CLI::IsMember({"light", "dark"}));
  app.add_option("--gl", o.gl, "OpenGL backend: auto (3, else 2), 3 or 2")->check(CLI::IsMember({"auto", "3", "2"}));
  app.add_option("--event-log", o.event_log, "Append JSON lines describing searches, selections and timings");
  app.add_option("--log-dir", o.log_dir, "Directory of this seat's search log (default: the user's data directory)");
  app.add_flag("--no-log", o.no_log, "Keep no search log");
  app.add_option("--panel", o.panel, "Open this panel at start: changes (F6) or history (Ctrl+H, of the first result)")
      ->check(CLI::IsMember({"changes", "history"}));
  app.add_option("--state-dir", o.state_dir,
                 "Directory of this seat's state: the release it acknowledged (default: the user's data directory)");
  app.add_option("--size", size, "Window size WxH (e.g. 1280x800)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return 0;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  for (const auto* opt : {&o.today, &o.as_of}) {
    // Given empty it would mean today without a word; 9999-12-31 is the index's "no end".
    const bool given = app.count(opt == &o.today ? "--today" : "--as-of") > 0;
    const auto date = Date::parse(*opt);
    if ((given || !opt->empty()) && (!date || date->yyyymmdd >= Date::kFarFuture)) {
      std::fprintf(stderr, "madoguchi-viewer: error: '%s' is not a date (YYYY-MM-DD, before 9999-12-31)\n", opt->c_str());
      return 2;
    }
  }
  if (!size.empty()) {
    char x = 0, tail = 0;
    if (std::sscanf(size.c_str(), "%d%c%d%c", &o.width, &x, &o.height, &tail) != 3 || (x != 'x' && x != 'X') ||
        o.width < 320 || o.height < 240 || o.width > 16384 || o.height > 16384) {
      std::fprintf(stderr, "madoguchi-viewer: error: --size expects WxH, at least 320x240 (got '%s')\n", size.c_str());
      return 2;
    }
  }
  return std::nullopt;
}

}  // namespace madoguchi::viewer
