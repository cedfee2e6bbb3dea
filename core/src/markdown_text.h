// What core reads from an entry's Markdown, with md4c as the viewer renders it: the plain text
// snippets are cut from, and bold that does not render as its author meant.
//
// Thread rule: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// CommonMark closes bold only after a letter or before a space or punctuation, so in
// `**小児救急電話相談（#8000）**で` (a bracket before, a letter after) the second "**" closes
// nothing: alone on its line the asterisks are shown to operators and copied into answers
// (kLiteralBold); with another "**" further on, bold runs from one to the other across the line
// break (kBoldAcrossLines).
struct BoldProblem {
  enum Kind { kLiteralBold, kBoldAcrossLines };
  Kind kind;
  size_t offset;  // in the body: the literal "**", or the first text of the bold that runs on
};
std::vector<BoldProblem> bold_problems(std::string_view body);

// The text a reader sees, for snippets: markup dropped (a link keeps its text, not its URL; a
// table its cells; a numbered step its number), blocks and lines joined by one space.
std::string plain_text(std::string_view markdown);

}  // namespace madoguchi
