// Markdown (md4c, GitHub dialect) turned into a flat list of blocks of styled runs that the detail
// pane draws and the clipboard copies. Parsed once per detail, never per frame.
//
// Supported: headings, paragraphs, bullet and numbered lists (nested), block quotes, code blocks,
// horizontal rules, tables, emphasis, strong, strikethrough, inline code, links (shown as text
// followed by their address), images (their alt text). Raw HTML is shown as text.
//
// Thread rule: pure functions over values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "styled_text.h"

namespace madoguchi::viewer {

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kCode, kRule, kTable };

struct MdBlock {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;   // heading level 1-6
  int indent = 0;  // list nesting depth (0 = top level)
  std::string marker;  // list item marker as drawn: "・" or "3."
  StyledText runs;     // content (not used for tables)
  // Tables: rows of cells; the first `header_rows` rows are headers.
  std::vector<std::vector<StyledText>> rows;
  int header_rows = 0;
};

struct MdDocument {
  std::vector<MdBlock> blocks;
  bool empty() const { return blocks.empty(); }
};

MdDocument parse_markdown(std::string_view markdown);

// Plain text for the clipboard: list markers kept, table cells separated by tabs, links as
// "text (address)", blocks separated by newlines.
std::string to_plain_text(const MdDocument& doc);

// Splits a Markdown body into its "## " sections, in order: {heading, content}. Text before the
// first "## " heading has an empty heading. Fenced code blocks are respected.
std::vector<std::pair<std::string, std::string>> split_sections(std::string_view body);

}  // namespace madoguchi::viewer
