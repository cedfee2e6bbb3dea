// madoguchi-viewer's command line (DESIGN §8), parsed with CLI11. Usage errors exit 2, --help and
// --version exit 0; CLI11's own exit codes never reach the user.
//
// Thread rule: plain values and functions.
#pragma once

#include <optional>
#include <string>

namespace madoguchi::viewer {

struct ViewerOptions {
  std::string db;              // --db: index directory (overrides the config file)
  std::string query;           // --query: initial search
  std::string screenshot;      // --screenshot: write the framebuffer as PNG, then exit
  int exit_after_frames = -1;  // --exit-after-frames: frames to draw once results are in (-1 = run)
  std::string config;          // --config: settings file ("" = the platform default)
  bool no_config = false;      // --no-config: defaults only, nothing read or written
  std::string font;            // --font: font file (overrides the config and fontconfig)
  float font_size = 0;         // --font-size: pixels (0 = config)
  std::string today;           // --today: fix today's date (YYYY-MM-DD)
  std::string as_of;           // --as-of: initial as-of date filter
  std::string theme;           // --theme: light | dark
  std::string gl = "auto";     // --gl: auto | 3 | 2
  std::string event_log;       // --event-log: JSON lines of what happened (tests, benchmarks)
  std::string log_dir;         // --log-dir: where the seat's search log lives (issue 8)
  bool no_log = false;         // --no-log: keep no search log
  std::string panel;           // --panel changes|history: open it at start (documentation screenshots)
  std::string state_dir;       // --state-dir: where the seat keeps its acknowledged release (issue 4)
  int width = 0;               // --size WxH
  int height = 0;
};

// Parses argv. Returns an exit code when the program should stop now (help, version, usage
// error: message already printed), nullopt to run.
std::optional<int> parse_options(int argc, char** argv, ViewerOptions& out);

}  // namespace madoguchi::viewer
