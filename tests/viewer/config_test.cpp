// The settings file: defaults without one, every key read, broken files survive, saving keeps
// what it does not know.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config.h"
#include "test_support.h"

namespace madoguchi::viewer {
namespace {

using madoguchi::test::TempDir;
using madoguchi::test::write_file;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("no config file: sensible defaults, no warnings", "[viewer][config]") {
  TempDir tmp;
  LoadedConfig c = load_config(tmp.str("absent.toml"));
  CHECK_FALSE(c.existed);
  CHECK(c.warnings.empty());
  CHECK(c.config == ViewerConfig{});
  CHECK(c.config.font_size == 20);
  CHECK(c.config.theme == Theme::kLight);
  CHECK(c.config.db.empty());
}

TEST_CASE("every setting is read from the TOML file", "[viewer][config]") {
  TempDir tmp;
  write_file(tmp.path() / "viewer.toml",
             "[index]\npath = \"/srv/madoguchi/db\"\n"
             "[font]\npath = \"/fonts/ipaexg.ttf\"\nindex = 1\nfamily = \"IPAexGothic\"\nsize = 24\n"
             "[window]\ntheme = \"dark\"\nwidth = 1600\nheight = 900\n"
             "[search]\nlimit = 50\nbadge_days = 7\n[releases]\nstale_minutes = 10\n");
  LoadedConfig c = load_config(tmp.str("viewer.toml"));
  CHECK(c.warnings.empty());
  CHECK(c.config.db == "/srv/madoguchi/db");
  CHECK(c.config.font_path == "/fonts/ipaexg.ttf");
  CHECK(c.config.font_index == 1);
  CHECK(c.config.font_family == "IPAexGothic");
  CHECK(c.config.font_size == 24);
  CHECK(c.config.theme == Theme::kDark);
  CHECK(c.config.window_width == 1600);
  CHECK(c.config.window_height == 900);
  CHECK(c.config.result_limit == 50);
  CHECK(c.config.badge_days == 7);
  CHECK(c.config.stale_minutes == 10);
}

TEST_CASE("a broken or out-of-range config warns and falls back to defaults", "[viewer][config]") {
  TempDir tmp;
  write_file(tmp.path() / "bad.toml", "[font\nsize = 24\n");
  LoadedConfig broken = load_config(tmp.str("bad.toml"));
  REQUIRE(broken.warnings.size() == 1);
  CHECK(broken.warnings[0].find("bad.toml:1") != std::string::npos);
  CHECK(broken.config == ViewerConfig{});

  write_file(tmp.path() / "range.toml", "[font]\nsize = 400\n[window]\ntheme = \"blue\"\n[search]\nlimit = \"many\"\n");
  LoadedConfig range = load_config(tmp.str("range.toml"));
  REQUIRE(range.warnings.size() == 3);
  // Each names the file and line, as docs/viewer.md says.
  CHECK(range.warnings[0].find("range.toml:2: font.size: out of range") != std::string::npos);
  CHECK(range.warnings[1].find("range.toml:4: window.theme") != std::string::npos);
  CHECK(range.warnings[2].find("range.toml:6: search.limit: expected a number") != std::string::npos);
  CHECK(range.config.font_size == 20);
  CHECK(range.config.theme == Theme::kLight);
  CHECK(range.config.result_limit == 30);
}

TEST_CASE("saving writes atomically, round-trips and keeps unknown keys", "[viewer][config]") {
  TempDir tmp;
  const std::string path = tmp.str("sub/dir/viewer.toml");
  write_file(path, "[index]\npath = \"/old\"\n[future]\nsetting = true\n");
  ViewerConfig c;
  c.db = "/srv/db";
  c.font_size = 26;
  c.theme = Theme::kDark;
  c.window_width = 1000;
  c.window_height = 700;
  REQUIRE(save_config(path, c).ok());
  LoadedConfig back = load_config(path);
  CHECK(back.warnings.empty());
  CHECK(back.config == c);
  CHECK(read(path).find("[future]") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_CASE("the config file lives in the user's config directory", "[viewer][config]") {
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old ? old : "";
  setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  CHECK(default_config_path() == "/tmp/xdg-test/madoguchi/viewer.toml");
  if (old) setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
  else unsetenv("XDG_CONFIG_HOME");
}

}  // namespace madoguchi::viewer
