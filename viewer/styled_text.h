// Styled text runs: what the Markdown parser produces and the rich-text drawer consumes.
//
// Thread rule: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace madoguchi::viewer {

enum TextStyle : uint16_t {
  kStylePlain = 0,
  kStyleBold = 1 << 0,
  kStyleItalic = 1 << 1,
  kStyleCode = 1 << 2,
  kStyleLink = 1 << 3,
  kStyleStrike = 1 << 4,
  kStyleHighlight = 1 << 5,  // a matched query word
  kStyleDim = 1 << 6,        // secondary text (a link's address)
  kStyleHeading = 1 << 7,
  kStyleInserted = 1 << 8,   // word diff: added by a release
  kStyleDeleted = 1 << 9,    // word diff: removed by a release
};

struct StyledRun {
  std::string text;  // UTF-8; '\n' is a hard line break
  uint16_t style = kStylePlain;
  friend bool operator==(const StyledRun&, const StyledRun&) = default;
};

using StyledText = std::vector<StyledRun>;

// Appends text to the last run when the style matches, else starts a new run.
void append_run(StyledText& runs, std::string_view text, uint16_t style);

// The text without styles.
std::string plain(const StyledText& runs);

// Splits `text` into runs, marking the byte ranges in `highlights` (sorted, non-overlapping, as
// core's Hit::highlights) with kStyleHighlight. Ranges are clamped to the text.
StyledText highlighted(const std::string& text, const std::vector<std::pair<size_t, size_t>>& highlights);

}  // namespace madoguchi::viewer
