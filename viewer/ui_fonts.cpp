#include "ui_fonts.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <chrono>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

// Every label and help line the viewer draws: baked in the first atlas.
void add_labels(GlyphSet& glyphs) {
  for (auto s : text::all()) glyphs.add_utf8(s);
  for (const auto& line : help_lines()) {
    glyphs.add_utf8(line.group);
    glyphs.add_utf8(line.keys);
    glyphs.add_utf8(line.description);
  }
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

Result<UiFonts> UiFonts::prepare(const FontRequest& request) {
  auto face = find_japanese_font(request);
  if (!face) return face.status();
  UiFonts f;
  f.primary_ = *face;
  f.coverage_ = FaceCoverage(f.primary_);

  // Characters that must never be boxes get a face now (one fontconfig pass), so complete() only
  // has to widen what is baked: every label, what operators type; want() places the corpus's.
  GlyphSet all(kMaxChar);
  all.add_range(0x20, 0x7E);
  all.add_range(0x3041, 0x3096);  // hiragana
  all.add_range(0x30A1, 0x30FA);  // katakana
  all.add_jis_x0208();
  add_labels(all);
  f.place(all.chars());

  f.glyphs_.add_core_scripts();
  add_labels(f.glyphs_);
  return f;
}

void UiFonts::place(const std::vector<char32_t>& chars) {
  std::vector<char32_t> fresh;
  for (char32_t c : chars)
    if (c <= kMaxChar && !placed_.contains(c)) {
      placed_.add(c);
      fresh.push_back(c);
    }
  const auto lacking = coverage_.missing(fresh);
  if (lacking.empty()) return;
  std::vector<char32_t> none;
  for (FallbackFace& found : find_fallbacks(lacking, 4, &none)) {
    auto same = std::find_if(fallbacks_.begin(), fallbacks_.end(), [&](const FallbackFace& f) {
      return f.face.path == found.face.path && f.face.index == found.face.index;
    });
    if (same == fallbacks_.end()) fallbacks_.push_back(std::move(found));
    else same->chars.insert(same->chars.end(), found.chars.begin(), found.chars.end());
  }
  missing_.insert(missing_.end(), none.begin(), none.end());
}

bool UiFonts::want(const std::vector<char32_t>& chars) {
  std::vector<char32_t> fresh;
  for (char32_t c : chars)
    if ((c >= 0x20 || c == '\t') && (c < 0xD800 || c > 0xDFFF) && c <= kMaxChar && !glyphs_.contains(c))
      fresh.push_back(c);
  if (fresh.empty()) return false;
  place(fresh);
  for (char32_t c : fresh) glyphs_.add(c);
  return true;
}

bool UiFonts::want_utf8(std::string_view text) { return want(decode_utf8(text)); }

bool UiFonts::complete() {
  if (complete_) return false;
  complete_ = true;
  GlyphSet rest(kMaxChar);
  rest.add_operator_basics();
  const size_t before = glyphs_.size();
  glyphs_.add(rest);
  return glyphs_.size() != before;
}

Status UiFonts::build(ImFontAtlas& target, float pixel_size, AtlasStats* stats) {
  const auto started = std::chrono::steady_clock::now();
  ImFontAtlas* atlas = &target;
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
  ranges_ = to_imgui_ranges(glyphs_.ranges());
  if (!atlas->AddFontFromFileTTF(primary_.path.c_str(), pixel_size, &cfg, ranges_.data()))
    return Status::io_error("cannot load font " + primary_.path);
  fallback_ranges_.clear();
  for (const FallbackFace& fb : fallbacks_) {
    std::vector<char32_t> baked;  // only what this atlas bakes
    for (char32_t c : fb.chars)
      if (glyphs_.contains(c)) baked.push_back(c);
    std::sort(baked.begin(), baked.end());
    fallback_ranges_.push_back(ranges_of(baked));
  }
  for (size_t i = 0; i < fallbacks_.size(); ++i) {
    if (fallback_ranges_[i].size() == 1) continue;  // nothing from this face yet
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
    stats->complete = complete_;
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

void UiFonts::return_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace madoguchi::viewer
