#include "ui_fonts.h"

#include <imgui_freetype.h>

#include <chrono>

#include "keymap.h"
#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

std::vector<ImWchar> to_imgui_ranges(const std::vector<std::pair<char32_t, char32_t>>& ranges) {
  std::vector<ImWchar> out;
  out.reserve(ranges.size() * 2 + 1);
  for (auto [first, last] : ranges) {
    out.push_back(ImWchar(first));
    out.push_back(ImWchar(last));
  }
  out.push_back(0);
  return out;
}

std::vector<ImWchar> ranges_of(const std::vector<char32_t>& chars) {
  std::vector<std::pair<char32_t, char32_t>> r;
  for (char32_t c : chars) {
    if (!r.empty() && r.back().second + 1 == c) r.back().second = c;
    else r.emplace_back(c, c);
  }
  return to_imgui_ranges(r);
}

}  // namespace

Result<UiFonts> UiFonts::prepare(const FontRequest& request, const std::string& charset) {
  auto face = find_japanese_font(request);
  if (!face) return face.status();
  UiFonts f;
  f.primary_ = *face;

  // Characters that must never be boxes: the corpus, every label, what operators type.
  GlyphSet must(sizeof(ImWchar) == 2 ? char32_t(0xFFFF) : char32_t(0x10FFFF));
  must.add_utf8(charset);
  for (auto s : text::all()) must.add_utf8(s);
  for (const auto& line : help_lines()) {
    must.add_utf8(line.group);
    must.add_utf8(line.keys);
    must.add_utf8(line.description);
  }
  must.add_range(0x20, 0x7E);
  must.add_range(0x3041, 0x3096);  // hiragana
  must.add_range(0x30A1, 0x30FA);  // katakana
  must.add_jis_x0208();

  f.glyphs_.add_operator_basics();
  f.glyphs_.add_utf8(charset);
  for (char32_t c : must.chars()) f.glyphs_.add(c);

  const auto missing = missing_glyphs(f.primary_, must.chars());
  if (!missing.empty()) f.fallbacks_ = find_fallbacks(missing, 4, &f.missing_);
  f.ranges_ = to_imgui_ranges(f.glyphs_.ranges());
  for (const auto& fb : f.fallbacks_) f.fallback_ranges_.push_back(ranges_of(fb.chars));
  return f;
}

Status UiFonts::build(float pixel_size, AtlasStats* stats) {
  const auto started = std::chrono::steady_clock::now();
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
#if IMGUI_VERSION_NUM < 19200
  atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
#endif
  atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

  ImFontConfig cfg;
  cfg.FontNo = primary_.index;
  cfg.OversampleH = cfg.OversampleV = 1;  // FreeType renders at the target size; no need
  cfg.PixelSnapH = true;
  if (!atlas->AddFontFromFileTTF(primary_.path.c_str(), pixel_size, &cfg, ranges_.data()))
    return Status::io_error("cannot load font " + primary_.path);
  for (size_t i = 0; i < fallbacks_.size(); ++i) {
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    merge.FontNo = fallbacks_[i].face.index;
    atlas->AddFontFromFileTTF(fallbacks_[i].face.path.c_str(), pixel_size, &merge, fallback_ranges_[i].data());
  }
  if (!atlas->Build()) return Status::internal("font atlas build failed");

  if (stats) {
    stats->pixel_size = pixel_size;
    stats->glyphs_requested = glyphs_.size();
    stats->glyphs_baked = atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size;
    stats->missing = missing_.size();
    stats->beyond_bmp = glyphs_.dropped();
    stats->texture_width = atlas->TexWidth;
    stats->texture_height = atlas->TexHeight;
    stats->font = primary_.path + ":" + std::to_string(primary_.index);
    stats->fallback_faces = int(fallbacks_.size());
    stats->build_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  }
  return Status();
}

void UiFonts::release_cpu_copies() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->ClearTexData();
  atlas->ClearInputData();
}

}  // namespace madoguchi::viewer
