#include "markdown_checks.h"

#include <md4c.h>

#include <algorithm>

namespace madoguchi {
namespace {

struct Scan {
  std::string_view body;
  std::vector<BoldProblem> problems;
  int strong = 0;                      // depth of bold spans we are in
  const char* bold_text = nullptr;     // the current bold span's first text
  bool bold_reported = false;
};

bool in_body(const Scan& scan, const MD_CHAR* text, MD_SIZE size) {
  return text >= scan.body.data() && text + size <= scan.body.data() + scan.body.size();
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto* scan = static_cast<Scan*>(userdata);
  if (scan->strong > 0) {
    if (!scan->bold_text && type == MD_TEXT_NORMAL && in_body(*scan, text, size)) scan->bold_text = text;
    if (type == MD_TEXT_SOFTBR && scan->bold_text && !scan->bold_reported) {
      scan->problems.push_back({BoldProblem::kBoldAcrossLines, size_t(scan->bold_text - scan->body.data())});
      scan->bold_reported = true;
    }
  }
  // Code spans keep their asterisks on purpose. md4c hands out normal text as pointers into the
  // source: the offset is where the mark is.
  if (type != MD_TEXT_NORMAL || !in_body(*scan, text, size)) return 0;
  const std::string_view t(text, size);
  for (size_t pos = t.find("**"); pos != std::string_view::npos; pos = t.find("**", pos + 2))
    scan->problems.push_back({BoldProblem::kLiteralBold, size_t(text - scan->body.data()) + pos});
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* userdata) {
  auto* scan = static_cast<Scan*>(userdata);
  if (type == MD_SPAN_STRONG && scan->strong++ == 0) {
    scan->bold_text = nullptr;
    scan->bold_reported = false;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* userdata) {
  if (type == MD_SPAN_STRONG) --static_cast<Scan*>(userdata)->strong;
  return 0;
}

int ignore_block(MD_BLOCKTYPE, void*, void*) { return 0; }

}  // namespace

std::vector<BoldProblem> bold_problems(std::string_view body) {
  Scan scan{body, {}};
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;  // as the viewer (viewer/markdown.cpp)
  parser.enter_block = ignore_block;
  parser.leave_block = ignore_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(body.data(), MD_SIZE(body.size()), &parser, &scan);
  std::sort(scan.problems.begin(), scan.problems.end(),
            [](const BoldProblem& a, const BoldProblem& b) { return a.offset < b.offset; });
  return scan.problems;
}

}  // namespace madoguchi
