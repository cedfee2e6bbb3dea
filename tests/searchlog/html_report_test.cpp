// The HTML report renders in a real browser (headless Chromium) with its charts drawn.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include "madoguchi/log_report.h"
#include "madoguchi/search_log.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

TEST_CASE("the HTML report is self-contained and holds its charts", "[searchlog][report]") {
  LogReport r;
  r.searches = 10;
  r.days = {{"2026-11-20", 6, 2}, {"2026-11-21", 4, 1}};
  r.hours[9] = 6;
  r.zero_hit = {{"発熱", {"熱が出た", "発熱"}, 2}};
  std::string html = report_html(r, {});
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // nothing fetched at view time
  CHECK(html.find("熱が出た") != std::string::npos);
}

TEST_CASE("headless Chromium renders the report's bars", "[searchlog][report][browser]") {
  const char* chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium)) {
    WARN("chromium is not installed (tools/setup.sh installs it)");
    std::exit(77);
  }
  TempDir dir;
  {
    auto log = SearchLog::open(dir.str("seat.sqlite"), "seat");
    REQUIRE(log.has_value());
    for (int i = 0; i < 30; ++i)
      (*log)->record(SearchRecord{.query = i % 3 ? "発熱 相談" : "ワクチン", .hits = i % 4 ? 3 : 0,
                                  .time = "2026-11-2" + std::to_string(i % 3) + "T1" + std::to_string(i % 6) + ":00:00+09:00"});
  }
  const std::string html = dir.str("report.html"), png = dir.str("report.png");
  REQUIRE(run_cli({"report", "--logs", dir.str("seat.sqlite"), "--html", html}).exit_code == 0);
  const std::string cmd = std::string(chromium) +
                          " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir=" + dir.str("profile") + " --window-size=1000,900 --screenshot=" + png +
                          " file://" + html + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  if (const char* keep = std::getenv("MADOGUCHI_KEEP_SCREENSHOT")) std::filesystem::copy_file(png, keep, std::filesystem::copy_options::overwrite_existing);
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &n, 3);
  REQUIRE(pixels);
  long blue = 0, red = 0;
  for (long i = 0; i < long(w) * h; ++i) {
    const unsigned char* p = pixels + i * 3;
    if (p[0] == 0x2a && p[1] == 0x6e && p[2] == 0xbb) ++blue;  // bars
    if (p[0] == 0xd9 && p[1] == 0x53 && p[2] == 0x4f) ++red;   // zero-hit share
  }
  stbi_image_free(pixels);
  CHECK(blue > 2000);
  CHECK(red > 200);
}
