#include "markdown_text.h"

#include <md4c.h>

#include <algorithm>
#include <string>
#include <utility>

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

struct Plain {
  std::string out;
  bool space = false;        // a block or line boundary since the last text
  std::vector<int> lists;    // per open list: the next item's number (0: a bulleted list)
  std::string item_number;   // "2. ", put before the item's first text
};

void plain_break(Plain& p) { p.space = !p.out.empty(); }

int plain_text_of(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto* p = static_cast<Plain*>(userdata);
  switch (type) {
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR: plain_break(*p); return 0;
    case MD_TEXT_NULLCHAR: return 0;
    default: break;
  }
  if (size == 0) return 0;
  if (p->space) p->out += ' ';
  p->space = false;
  p->out += std::exchange(p->item_number, "");
  if (type == MD_TEXT_ENTITY) {
    const std::string_view e(text, size);
    p->out += e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : e == "&nbsp;" ? " " : e;
  } else {
    p->out.append(text, size);
  }
  return 0;
}

// Steps keep their numbers ("1. 熱が出たら…"); bullets are dropped.
int enter_plain_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  auto* p = static_cast<Plain*>(userdata);
  plain_break(*p);
  if (type == MD_BLOCK_OL) p->lists.push_back(int(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start));
  if (type == MD_BLOCK_UL) p->lists.push_back(0);
  if (type == MD_BLOCK_LI && !p->lists.empty() && p->lists.back() > 0)
    p->item_number = std::to_string(p->lists.back()++) + ". ";
  return 0;
}

int leave_plain_block(MD_BLOCKTYPE type, void*, void* userdata) {
  auto* p = static_cast<Plain*>(userdata);
  plain_break(*p);
  if ((type == MD_BLOCK_OL || type == MD_BLOCK_UL) && !p->lists.empty()) p->lists.pop_back();
  return 0;
}

int ignore_span_edge(MD_SPANTYPE, void*, void*) { return 0; }

// One md4c pass over `markdown` with these callbacks, read as the viewer reads it.
void parse(std::string_view markdown, int (*enter_block)(MD_BLOCKTYPE, void*, void*),
           int (*leave_block)(MD_BLOCKTYPE, void*, void*), int (*enter_span)(MD_SPANTYPE, void*, void*),
           int (*leave_span)(MD_SPANTYPE, void*, void*), int (*text)(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*),
           void* userdata) {
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;  // as viewer/markdown.cpp
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  md_parse(markdown.data(), MD_SIZE(markdown.size()), &parser, userdata);
}

}  // namespace

std::string plain_text(std::string_view markdown) {
  Plain plain;
  plain.out.reserve(markdown.size());
  parse(markdown, enter_plain_block, leave_plain_block, ignore_span_edge, ignore_span_edge, plain_text_of, &plain);
  return plain.out;
}

std::vector<BoldProblem> bold_problems(std::string_view body) {
  Scan scan{body, {}};
  parse(body, ignore_block, ignore_block, enter_span, leave_span, on_text, &scan);
  std::sort(scan.problems.begin(), scan.problems.end(),
            [](const BoldProblem& a, const BoldProblem& b) { return a.offset < b.offset; });
  return scan.problems;
}

}  // namespace madoguchi
