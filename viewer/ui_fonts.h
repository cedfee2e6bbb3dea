// The font atlas: a Japanese face found through font_discovery, rasterized with FreeType at the
// current size for exactly the characters that can appear (the index's charset, what operators
// type, the UI labels), plus fallback faces merged in for characters the main face lacks.
//
// ImGui 1.86 bakes glyphs up front, and baking all of JIS X 0208 (~8000 glyphs) costs a few
// hundred milliseconds. So the first atlas holds what the first frame can show (the core scripts,
// the labels, the corpus's characters); complete() adds the rest of what operators may type and
// want() adds any other character typed or pasted, each followed by a rebuild between frames.
// 1.92 (vcpkg builds) loads glyphs on demand and renamed the builder API, hence the
// IMGUI_VERSION_NUM guards in ui_fonts.cpp.
//
// Thread rule: one thread at a time; the UI thread once ImGui's context uses the atlas.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "font_discovery.h"
#include "glyph_set.h"
#include "madoguchi/status.h"

namespace madoguchi::viewer {

struct AtlasStats {
  float pixel_size = 0;
  size_t glyphs_requested = 0;  // characters asked for
  int glyphs_baked = 0;         // glyphs in the atlas (the font has them)
  size_t missing = 0;           // characters no installed font has (drawn as '?')
  size_t beyond_bmp = 0;        // characters ImWchar cannot hold (16-bit build)
  int texture_width = 0;
  int texture_height = 0;
  double build_ms = 0;
  std::string font;             // path and face index
  int fallback_faces = 0;
  bool complete = false;        // complete() was applied (JIS X 0208 and the symbols are in)
};

class UiFonts {
 public:
  // Finds the font; the glyphs to bake start as the core scripts and every UI label.
  static Result<UiFonts> prepare(const FontRequest& request);

  // Adds characters to bake (the corpus's charset, text typed or pasted). True when any is new:
  // then build() again before drawing them.
  bool want(const std::vector<char32_t>& chars);
  bool want_utf8(std::string_view text);
  // Adds everything operators may type (JIS X 0208, symbols). False when already done.
  bool complete();
  bool is_complete() const { return complete_; }

  // Clears `atlas` and builds it at `pixel_size`: ImGui's (UI thread), or one not yet given to
  // any ImGui context (any thread). The renderer backend must upload the texture afterwards; then
  // call release_cpu_copies().
  Status build(ImFontAtlas& atlas, float pixel_size, AtlasStats* stats);

  // Frees the TTF bytes and the CPU-side texture once the GPU has it (tens of MB for CJK fonts).
  static void release_cpu_copies();
  // Gives the memory those copies held back to the system. glibc keeps large blocks freed at once
  // in the heap for reuse (its mmap threshold grows after the first large free): after the full
  // atlas that is ~35 MB of RSS. Takes a few ms, so not before the first frame.
  static void return_freed_memory();

  const FontFace& face() const { return primary_; }
  const GlyphSet& glyphs() const { return glyphs_; }
  const std::vector<char32_t>& missing() const { return missing_; }

 private:
  UiFonts() = default;
  // Finds a face for each of `chars` that is new to `placed_`: the primary or a fallback.
  void place(const std::vector<char32_t>& chars);

  static constexpr char32_t kMaxChar = sizeof(ImWchar) == 2 ? char32_t(0xFFFF) : char32_t(0x10FFFF);
  FontFace primary_;
  FaceCoverage coverage_;
  std::vector<FallbackFace> fallbacks_;
  GlyphSet glyphs_{kMaxChar};  // what the next build() bakes
  GlyphSet placed_{kMaxChar};  // characters whose face is known (primary, a fallback or none)
  std::vector<char32_t> missing_;
  bool complete_ = false;
  std::vector<ImWchar> ranges_;
  std::vector<std::vector<ImWchar>> fallback_ranges_;
};

}  // namespace madoguchi::viewer
