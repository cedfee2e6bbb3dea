#include "config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace madoguchi::viewer {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Reads settings from one parsed file; warnings name the file and line ("viewer.toml:3: ...").
struct Reader {
  const toml::table& t;
  const std::string& path;
  std::vector<std::string>& warnings;

  template <class View>
  void warn(View node, std::string_view section, std::string_view key,
            const std::string& what) {
    warnings.push_back(path + ":" + std::to_string(node.node()->source().begin.line) + ": " + std::string(section) +
                       "." + std::string(key) + ": " + what);
  }

  template <class T>
  void number(std::string_view section, std::string_view key, T& out, T lo, T hi) {
    auto node = t[section][key];
    if (!node) return;
    std::optional<double> v = node.value<double>();
    if (!v) return warn(node, section, key, "expected a number");
    if (*v < double(lo) || *v > double(hi)) return warn(node, section, key, "out of range, using " + std::to_string(out));
    out = T(*v);
  }

  void string(std::string_view section, std::string_view key, std::string& out) {
    auto node = t[section][key];
    if (!node) return;
    if (auto v = node.value<std::string>()) out = *v;
    else warn(node, section, key, "expected a string");
  }
};

}  // namespace

std::string default_config_path() {
#if defined(_WIN32)
  const std::string base = env("APPDATA");
  return base.empty() ? "" : (fs::path(base) / "madoguchi" / "viewer.toml").string();
#elif defined(__APPLE__)
  const std::string home = env("HOME");
  return home.empty() ? "" : (fs::path(home) / "Library" / "Application Support" / "madoguchi" / "viewer.toml").string();
#else
  std::string base = env("XDG_CONFIG_HOME");
  if (base.empty()) {
    const std::string home = env("HOME");
    if (home.empty()) return "";
    base = (fs::path(home) / ".config").string();
  }
  return (fs::path(base) / "madoguchi" / "viewer.toml").string();
#endif
}

LoadedConfig load_config(const std::string& path) {
  LoadedConfig out;
  out.path = path;
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return out;
  out.existed = true;
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << path << ":" << e.source().begin.line << ": " << e.description();
    out.warnings.push_back(msg.str());
    return out;
  }
  ViewerConfig& c = out.config;
  Reader r{t, path, out.warnings};
  r.string("index", "path", c.db);
  r.string("font", "path", c.font_path);
  r.number("font", "index", c.font_index, 0, 64);
  r.string("font", "family", c.font_family);
  r.number("font", "size", c.font_size, 12.0f, 40.0f);
  std::string theme = c.theme == Theme::kDark ? "dark" : "light";
  r.string("window", "theme", theme);
  if (theme == "dark") c.theme = Theme::kDark;
  else if (theme == "light") c.theme = Theme::kLight;
  else r.warn(t["window"]["theme"], "window", "theme", "expected \"light\" or \"dark\"");
  r.number("window", "width", c.window_width, 320, 16384);
  r.number("window", "height", c.window_height, 240, 16384);
  r.number("search", "limit", c.result_limit, 5, 200);
  r.number("search", "badge_days", c.badge_days, 0, 365);
  r.number("releases", "stale_minutes", c.stale_minutes, 1, 24 * 60);
  return out;
}

Status save_config(const std::string& path, const ViewerConfig& c) {
  if (path.empty()) return Status::invalid_input("no config path");
  toml::table t;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    try {
      t = toml::parse_file(path);  // keep what we do not know about
    } catch (const toml::parse_error&) {
      // A broken file is replaced by a good one.
    }
  }
  auto section = [&](const char* name) -> toml::table& {
    if (!t[name].is_table()) t.insert_or_assign(name, toml::table{});
    return *t[name].as_table();
  };
  section("index").insert_or_assign("path", c.db);
  toml::table& font = section("font");
  font.insert_or_assign("path", c.font_path);
  font.insert_or_assign("index", c.font_index);
  font.insert_or_assign("family", c.font_family);
  font.insert_or_assign("size", double(c.font_size));
  toml::table& window = section("window");
  window.insert_or_assign("theme", c.theme == Theme::kDark ? "dark" : "light");
  window.insert_or_assign("width", c.window_width);
  window.insert_or_assign("height", c.window_height);
  toml::table& search = section("search");
  search.insert_or_assign("limit", c.result_limit);
  search.insert_or_assign("badge_days", c.badge_days);
  section("releases").insert_or_assign("stale_minutes", c.stale_minutes);

  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io_error("cannot write " + tmp);
    out << "# Madoguchi viewer settings (docs/viewer.md). The viewer rewrites this file on exit.\n";
    out << t << "\n";
    if (!out.flush()) return Status::io_error("cannot write " + tmp);
  }
  fs::rename(tmp, path, ec);
  if (ec) return Status::io_error("cannot replace " + path + ": " + ec.message());
  return Status();
}

}  // namespace madoguchi::viewer
