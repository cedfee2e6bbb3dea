// Finding a Japanese font without hard-coded paths: fontconfig on Linux (Noto Sans CJK JP,
// IPAexGothic, ... or any font claiming Japanese), the system fonts on Windows and macOS. A font
// file given by the operator (config or --font) wins. Also finds fallback faces for characters the
// chosen face lacks, so that no character of the corpus is drawn as a box.
//
// Thread rule: call from one thread at a time (fontconfig's default configuration is global).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi::viewer {

struct FontFace {
  std::string path;
  int index = 0;       // face index inside a .ttc collection
  std::string family;  // as the font names itself ("" when unknown)
};

struct FontRequest {
  std::string file;    // explicit font file (config font.path or --font); "" = discover
  int file_index = 0;  // face index for a .ttc file
  std::string family;  // preferred family ("" = the built-in preference list)
};

// The face to use. Fails with kNotFound when no Japanese font is installed (install
// fonts-noto-cjk or fonts-ipaexfont-gothic) and kInvalidInput when `file` does not exist.
Result<FontFace> find_japanese_font(const FontRequest& request);

// A face's character coverage, read once from the file (FcFreeTypeQuery walks the whole cmap of a
// CJK font: worth doing once, not per question).
class FaceCoverage {
 public:
  FaceCoverage() = default;
  explicit FaceCoverage(const FontFace& face);
  // The characters of `chars` the face has no glyph for (empty when coverage is unknown, e.g.
  // without fontconfig).
  std::vector<char32_t> missing(const std::vector<char32_t>& chars) const;

 private:
  std::shared_ptr<void> charset_;  // FcCharSet*, kept out of this header
};

// The characters of `chars` that `face` has no glyph for (see FaceCoverage::missing).
std::vector<char32_t> missing_glyphs(const FontFace& face, const std::vector<char32_t>& chars);

struct FallbackFace {
  FontFace face;
  std::vector<char32_t> chars;  // the characters to take from it
};

// Faces (at most `max_faces`) that cover characters in `missing`; `still_missing` gets the rest.
std::vector<FallbackFace> find_fallbacks(const std::vector<char32_t>& missing, int max_faces,
                                         std::vector<char32_t>* still_missing);

}  // namespace madoguchi::viewer
