// Word-level diffs of Japanese text: MeCab morphemes (Analyzer::segment) compared with dtl.
#include <dtl/dtl.hpp>

#include "madoguchi/releases.h"

namespace madoguchi {
namespace {

std::vector<std::string> pieces(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [b, e] : analyzer.segment(text)) out.emplace_back(text.substr(b, e - b));
  return out;
}

void append(WordDiff& diff, DiffPiece::Op op, const std::string& text) {
  if (!diff.empty() && diff.back().op == op) diff.back().text += text;
  else diff.push_back({op, text});
}

}  // namespace

WordDiff word_diff(Analyzer& analyzer, std::string_view before, std::string_view after) {
  WordDiff out;
  if (before == after) {
    if (!before.empty()) out.push_back({DiffPiece::kSame, std::string(before)});
    return out;
  }
  const auto a = pieces(analyzer, before);
  const auto b = pieces(analyzer, after);
  dtl::Diff<std::string> diff(a, b);
  diff.onHuge();  // long bodies: bounded memory, still exact enough for reading
  diff.compose();
  // dtl lists a replacement as insertions then deletions at one point; readers expect the old
  // words first, so buffer and flush each run of edits as deleted-then-inserted.
  std::string deleted, inserted;
  auto flush = [&]() {
    if (!deleted.empty()) append(out, DiffPiece::kDeleted, deleted);
    if (!inserted.empty()) append(out, DiffPiece::kInserted, inserted);
    deleted.clear();
    inserted.clear();
  };
  for (const auto& [elem, info] : diff.getSes().getSequence()) {
    switch (info.type) {
      case dtl::SES_COMMON:
        flush();
        append(out, DiffPiece::kSame, elem);
        break;
      case dtl::SES_DELETE: deleted += elem; break;
      case dtl::SES_ADD: inserted += elem; break;
    }
  }
  flush();
  return out;
}

std::string render_plain(const WordDiff& diff) {
  std::string out;
  for (const auto& p : diff) {
    switch (p.op) {
      case DiffPiece::kSame: out += p.text; break;
      case DiffPiece::kDeleted: out += "[-" + p.text + "-]"; break;
      case DiffPiece::kInserted: out += "{+" + p.text + "+}"; break;
    }
  }
  return out;
}

}  // namespace madoguchi
