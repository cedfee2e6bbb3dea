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

template <class T>
void read_number(const toml::table& t, std::string_view section, std::string_view key, T& out, T lo, T hi,
                 std::vector<std::string>& warnings) {
  auto node = t[section][key];
  if (!node) return;
  std::optional<double> v = node.value<double>();
  if (!v) {
    warnings.push_back(std::string(section) + "." + std::string(key) + ": expected a number");
    return;
  }
  if (*v < double(lo) || *v > double(hi)) {
    warnings.push_back(std::string(section) + "." + std::string(key) + ": out of range, using " + std::to_string(out));
    return;
  }
  out = T(*v);
}

void read_string(const toml::table& t, std::string_view section, std::string_view key, std::string& out,
                 std::vector<std::string>& warnings) {
  auto node = t[section][key];
  if (!node) return;
  if (auto v = node.value<std::string>()) out = *v;
  else warnings.push_back(std::string(section) + "." + std::string(key) + ": expected a string");
}

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
  auto& w = out.warnings;
  read_string(t, "index", "path", c.db, w);
  read_string(t, "font", "path", c.font_path, w);
  read_number(t, "font", "index", c.font_index, 0, 64, w);
  read_string(t, "font", "family", c.font_family, w);
  read_number(t, "font", "size", c.font_size, 12.0f, 40.0f, w);
  std::string theme = c.theme == Theme::kDark ? "dark" : "light";
  read_string(t, "window", "theme", theme, w);
  if (theme == "dark") c.theme = Theme::kDark;
  else if (theme == "light") c.theme = Theme::kLight;
  else w.push_back("window.theme: expected \"light\" or \"dark\"");
  read_number(t, "window", "width", c.window_width, 320, 16384, w);
  read_number(t, "window", "height", c.window_height, 240, 16384, w);
  read_number(t, "search", "limit", c.result_limit, 5, 200, w);
  read_number(t, "search", "badge_days", c.badge_days, 0, 365, w);
  read_number(t, "releases", "stale_minutes", c.stale_minutes, 1, 24 * 60, w);
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
