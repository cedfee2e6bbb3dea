// The viewer's settings file (TOML, read with toml++): index location, font, size, theme, last
// window size, result count. Every key is optional; no file at all means the defaults below.
//
//   ~/.config/madoguchi/viewer.toml  ($XDG_CONFIG_HOME on Linux)
//   %APPDATA%\madoguchi\viewer.toml  (Windows)
//   ~/Library/Application Support/madoguchi/viewer.toml  (macOS)
//
// Thread rule: plain values and functions.
#pragma once

#include <string>
#include <vector>

#include "madoguchi/status.h"
#include "view_state.h"

namespace madoguchi::viewer {

struct ViewerConfig {
  // [index]
  std::string db;               // path = index directory ("" = none; --db overrides)
  // [font]
  std::string font_path;        // path = a font file ("" = find one through fontconfig)
  int font_index = 0;           // index = face inside a .ttc
  std::string font_family;      // family = preferred family ("" = Noto Sans CJK JP, IPAexGothic, ...)
  float font_size = 20;         // size = pixels at 100% scaling (12-40)
  // [window]
  Theme theme = Theme::kLight;  // theme = "light" | "dark"
  int window_width = 1280;      // width, height = last window size
  int window_height = 800;
  // [search]
  int result_limit = 30;        // limit = results per search (5-200)
  int badge_days = 14;          // badge_days = 新規 / 更新 for changes within this many days
  // [releases]
  int stale_minutes = 3;        // stale_minutes = warn when no release check succeeded this long

  friend bool operator==(const ViewerConfig&, const ViewerConfig&) = default;
};

struct LoadedConfig {
  ViewerConfig config;
  std::string path;
  bool existed = false;
  std::vector<std::string> warnings;  // unreadable file, wrong types, out-of-range values
};

// The platform's config file path ("" when no home directory is known).
std::string default_config_path();

// Reads `path`. A missing file gives the defaults with no warning; a malformed one gives the
// defaults with a warning (the viewer must start even with a broken config).
LoadedConfig load_config(const std::string& path);

// Writes `config` to `path` atomically (temporary file + rename), keeping keys it does not know.
Status save_config(const std::string& path, const ViewerConfig& config);

}  // namespace madoguchi::viewer
