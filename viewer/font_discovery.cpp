#include "font_discovery.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#if defined(MADOGUCHI_HAVE_FONTCONFIG)
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#endif

namespace madoguchi::viewer {
namespace {

// Characters any Japanese UI font must have; used to reject a fontconfig "best match" that is
// really a Latin font.
constexpr char32_t kProbe[] = {U'あ', U'ア', U'漢', U'字', U'窓', U'口', U'咳'};

#if defined(MADOGUCHI_HAVE_FONTCONFIG)

struct FcPatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

FontFace face_of(FcPattern* p) {
  FontFace f;
  FcChar8* file = nullptr;
  if (FcPatternGetString(p, FC_FILE, 0, &file) == FcResultMatch) f.path = reinterpret_cast<char*>(file);
  int index = 0;
  if (FcPatternGetInteger(p, FC_INDEX, 0, &index) == FcResultMatch) f.index = index;
  FcChar8* family = nullptr;
  if (FcPatternGetString(p, FC_FAMILY, 0, &family) == FcResultMatch) f.family = reinterpret_cast<char*>(family);
  return f;
}

// The face's character coverage, read from the file itself.
PatternPtr query_file(const FontFace& face) {
  int count = 0;
  return PatternPtr(FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(face.path.c_str()), face.index, nullptr, &count));
}

bool covers_probe(FcPattern* p) {
  FcCharSet* cs = nullptr;
  if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch) return false;
  for (char32_t c : kProbe)
    if (!FcCharSetHasChar(cs, FcChar32(c))) return false;
  return true;
}

// The best regular-weight match for `spec` (fontconfig pattern syntax), if it is Japanese and,
// when `family` is given, really that family.
std::optional<FontFace> match(const std::string& spec, const std::string& family) {
  PatternPtr pat(FcNameParse(reinterpret_cast<const FcChar8*>(spec.c_str())));
  if (!pat) return std::nullopt;
  FcPatternAddInteger(pat.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pat.get(), FcMatchPattern);
  FcDefaultSubstitute(pat.get());
  FcResult result;
  PatternPtr found(FcFontMatch(nullptr, pat.get(), &result));
  if (!found || !covers_probe(found.get())) return std::nullopt;
  FontFace f = face_of(found.get());
  if (f.path.empty()) return std::nullopt;
  if (!family.empty()) {
    bool same = false;
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(found.get(), FC_FAMILY, i, &name) == FcResultMatch; ++i)
      if (family == reinterpret_cast<char*>(name)) same = true;
    if (!same) return std::nullopt;
  }
  return f;
}

#endif

}  // namespace

Result<FontFace> find_japanese_font(const FontRequest& request) {
  if (!request.file.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(request.file, ec))
      return Status::invalid_input("font file not found: " + request.file);
    FontFace f{request.file, request.file_index, ""};
#if defined(MADOGUCHI_HAVE_FONTCONFIG)
    if (PatternPtr p = query_file(f)) f.family = face_of(p.get()).family;
#endif
    return f;
  }
#if defined(MADOGUCHI_HAVE_FONTCONFIG)
  FcInit();
  std::vector<std::string> families;
  if (!request.family.empty()) families.push_back(request.family);
  for (const char* f : {"Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
                        "TakaoGothic", "VL Gothic", "Migu 1P"})
    families.emplace_back(f);
  for (const auto& fam : families)
    if (auto f = match(fam + ":lang=ja", fam)) return *f;
  if (auto f = match("sans-serif:lang=ja", "")) return *f;  // whatever Japanese font there is
  return Status::not_found(
      "no Japanese font found through fontconfig (install fonts-noto-cjk or fonts-ipaexfont-gothic, "
      "or set font.path in the config file)");
#else
  // Windows and macOS ship Japanese fonts at well-known places.
  std::vector<FontFace> candidates;
#if defined(_WIN32)
  std::string windir = std::getenv("WINDIR") ? std::getenv("WINDIR") : "C:\\Windows";
  candidates = {{windir + "\\Fonts\\YuGothM.ttc", 0, "Yu Gothic Medium"},
                {windir + "\\Fonts\\meiryo.ttc", 0, "Meiryo"},
                {windir + "\\Fonts\\msgothic.ttc", 0, "MS Gothic"}};
#elif defined(__APPLE__)
  candidates = {{"/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", 0, "Hiragino Sans"},
                {"/System/Library/Fonts/Hiragino Sans GB.ttc", 0, "Hiragino Sans GB"},
                {"/Library/Fonts/Osaka.ttf", 0, "Osaka"}};
#endif
  for (const auto& c : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(c.path, ec)) return c;
  }
  return Status::not_found("no Japanese system font found (set font.path in the config file)");
#endif
}

FaceCoverage::FaceCoverage(const FontFace& face) {
#if defined(MADOGUCHI_HAVE_FONTCONFIG)
  PatternPtr p = query_file(face);
  FcCharSet* cs = nullptr;
  if (p && FcPatternGetCharSet(p.get(), FC_CHARSET, 0, &cs) == FcResultMatch)
    charset_ = std::shared_ptr<void>(FcCharSetCopy(cs), [](void* c) { FcCharSetDestroy(static_cast<FcCharSet*>(c)); });
#else
  (void)face;
#endif
}

std::vector<char32_t> FaceCoverage::missing(const std::vector<char32_t>& chars) const {
  std::vector<char32_t> out;
#if defined(MADOGUCHI_HAVE_FONTCONFIG)
  if (!charset_) return out;
  const auto* cs = static_cast<const FcCharSet*>(charset_.get());
  for (char32_t c : chars)
    if (c >= 0x20 && !FcCharSetHasChar(cs, FcChar32(c))) out.push_back(c);
#else
  (void)chars;
#endif
  return out;
}

std::vector<char32_t> missing_glyphs(const FontFace& face, const std::vector<char32_t>& chars) {
  return FaceCoverage(face).missing(chars);
}

std::vector<FallbackFace> find_fallbacks(const std::vector<char32_t>& missing, int max_faces,
                                         std::vector<char32_t>* still_missing) {
  std::vector<FallbackFace> faces;
  std::vector<char32_t> rest;
#if defined(MADOGUCHI_HAVE_FONTCONFIG)
  FcInit();
  std::vector<FcCharSet*> sets;  // parallel to faces, owned
  for (char32_t c : missing) {
    bool placed = false;
    for (size_t i = 0; i < faces.size() && !placed; ++i)
      if (FcCharSetHasChar(sets[i], FcChar32(c))) {
        faces[i].chars.push_back(c);
        placed = true;
      }
    if (placed) continue;
    if (int(faces.size()) >= max_faces) {
      rest.push_back(c);
      continue;
    }
    PatternPtr pat(FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif:lang=ja")));
    FcCharSet* want = FcCharSetCreate();
    FcCharSetAddChar(want, FcChar32(c));
    FcPatternAddCharSet(pat.get(), FC_CHARSET, want);
    FcCharSetDestroy(want);
    FcConfigSubstitute(nullptr, pat.get(), FcMatchPattern);
    FcDefaultSubstitute(pat.get());
    FcResult result;
    PatternPtr found(FcFontMatch(nullptr, pat.get(), &result));
    FcCharSet* cs = nullptr;
    if (found && FcPatternGetCharSet(found.get(), FC_CHARSET, 0, &cs) == FcResultMatch &&
        FcCharSetHasChar(cs, FcChar32(c))) {
      FontFace f = face_of(found.get());
      // The same file may already be a fallback under another match: reuse it.
      auto same = std::find_if(faces.begin(), faces.end(), [&](const FallbackFace& ff) {
        return ff.face.path == f.path && ff.face.index == f.index;
      });
      if (same != faces.end()) {
        same->chars.push_back(c);
        continue;
      }
      faces.push_back({f, {c}});
      sets.push_back(FcCharSetCopy(cs));
    } else {
      rest.push_back(c);
    }
  }
  for (FcCharSet* s : sets) FcCharSetDestroy(s);
#else
  (void)max_faces;
  rest = missing;
#endif
  if (still_missing) *still_missing = std::move(rest);
  return faces;
}

}  // namespace madoguchi::viewer
