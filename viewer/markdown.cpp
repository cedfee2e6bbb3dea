#include "markdown.h"

#include "glyph_set.h"

#include <md4c.h>

#include <cstdlib>

namespace madoguchi::viewer {
namespace {

bool is_ascii_word_char(unsigned char c) { return c < 0x80 && c != ' ' && c != '\n'; }

// Decodes the few entities Markdown authors actually write; others stay as written.
std::string decode_entity(std::string_view e) {
  if (e == "&amp;") return "&";
  if (e == "&lt;") return "<";
  if (e == "&gt;") return ">";
  if (e == "&quot;") return "\"";
  if (e == "&apos;") return "'";
  if (e == "&nbsp;") return " ";
  if (e.size() > 3 && e[1] == '#') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
    const unsigned long cp = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    if (cp == 0 || cp > 0x10FFFF) return std::string(e);
    std::string out;
    append_utf8(out, char32_t(cp));
    return out;
  }
  return std::string(e);
}

struct ListFrame {
  bool ordered = false;
  unsigned next_number = 1;
};

// Collects md4c callbacks into MdDocument blocks.
class Builder {
 public:
  MdDocument doc;

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC: break;
      case MD_BLOCK_QUOTE: ++quote_depth_; break;
      case MD_BLOCK_UL: lists_.push_back({false, 1}); break;
      case MD_BLOCK_OL: lists_.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start}); break;
      case MD_BLOCK_LI: {
        MdBlock b;
        b.kind = BlockKind::kListItem;
        b.indent = int(lists_.size()) - 1;
        if (!lists_.empty() && lists_.back().ordered) b.marker = std::to_string(lists_.back().next_number++) + ".";
        else b.marker = "・";
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (li && li->is_task) b.marker = (li->task_mark == ' ') ? "□" : "■";
        start(std::move(b));
        item_fresh_ = true;
        break;
      }
      case MD_BLOCK_HR: {
        MdBlock b;
        b.kind = BlockKind::kRule;
        doc.blocks.push_back(std::move(b));
        break;
      }
      case MD_BLOCK_H: {
        MdBlock b;
        b.kind = BlockKind::kHeading;
        b.level = int(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        start(std::move(b));
        break;
      }
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML: {
        MdBlock b;
        b.kind = BlockKind::kCode;
        start(std::move(b));
        break;
      }
      case MD_BLOCK_P: {
        // The first paragraph of a list item is the item's text (loose lists wrap it in <p>).
        if (current_ && current_->kind == BlockKind::kListItem && item_fresh_) break;
        MdBlock b;
        b.kind = quote_depth_ > 0 ? BlockKind::kQuote : BlockKind::kParagraph;
        b.indent = int(lists_.size());
        start(std::move(b));
        break;
      }
      case MD_BLOCK_TABLE: {
        MdBlock b;
        b.kind = BlockKind::kTable;
        table_ = std::move(b);
        in_table_ = true;
        break;
      }
      case MD_BLOCK_THEAD: in_head_ = true; break;
      case MD_BLOCK_TBODY: in_head_ = false; break;
      case MD_BLOCK_TR:
        table_.rows.emplace_back();
        if (in_head_) ++table_.header_rows;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (!table_.rows.empty()) table_.rows.back().emplace_back();
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_QUOTE: --quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (!lists_.empty()) lists_.pop_back();
        break;
      case MD_BLOCK_LI:
        finish();
        item_fresh_ = false;
        break;
      case MD_BLOCK_H:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        finish();
        break;
      case MD_BLOCK_P:
        if (current_ && current_->kind == BlockKind::kListItem) {
          item_fresh_ = false;  // later paragraphs of the item become their own blocks
          finish_item_text();
        } else {
          finish();
        }
        break;
      case MD_BLOCK_TABLE:
        in_table_ = false;
        doc.blocks.push_back(std::move(table_));
        table_ = MdBlock{};
        break;
      default: break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: style_ |= kStyleItalic; break;
      case MD_SPAN_STRONG: style_ |= kStyleBold; break;
      case MD_SPAN_CODE: style_ |= kStyleCode; break;
      case MD_SPAN_DEL: style_ |= kStyleStrike; break;
      case MD_SPAN_U: style_ |= kStyleItalic; break;
      case MD_SPAN_A: {
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        hrefs_.emplace_back(a->href.text, a->href.size);
        link_text_start_ = plain(target()).size();
        style_ |= kStyleLink;
        break;
      }
      case MD_SPAN_IMG: style_ |= kStyleDim; break;
      default: break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    switch (type) {
      case MD_SPAN_EM: style_ &= uint16_t(~kStyleItalic); break;
      case MD_SPAN_STRONG: style_ &= uint16_t(~kStyleBold); break;
      case MD_SPAN_CODE: style_ &= uint16_t(~kStyleCode); break;
      case MD_SPAN_DEL: style_ &= uint16_t(~kStyleStrike); break;
      case MD_SPAN_U: style_ &= uint16_t(~kStyleItalic); break;
      case MD_SPAN_A: {
        style_ &= uint16_t(~kStyleLink);
        if (!hrefs_.empty()) {
          const std::string href = hrefs_.back();
          hrefs_.pop_back();
          const std::string text = plain(target()).substr(link_text_start_);
          // Operators cannot click through to a page while talking: show where the link goes.
          if (!href.empty() && text != href && "mailto:" + text != href)
            append_run(target(), " (" + href + ")", kStyleDim);
        }
        break;
      }
      case MD_SPAN_IMG: style_ &= uint16_t(~kStyleDim); break;
      default: break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    std::string_view t(text, size);
    switch (type) {
      case MD_TEXT_NULLCHAR: append("\xEF\xBF\xBD"); break;
      case MD_TEXT_BR: append("\n"); break;
      case MD_TEXT_SOFTBR: {
        // A source line break inside a paragraph: Japanese joins lines with nothing, Latin
        // text with a space.
        const std::string so_far = plain(target());
        if (!so_far.empty() && is_ascii_word_char(static_cast<unsigned char>(so_far.back()))) pending_space_ = true;
        break;
      }
      case MD_TEXT_ENTITY: append(decode_entity(t)); break;
      case MD_TEXT_CODE:
      case MD_TEXT_HTML:
      case MD_TEXT_NORMAL:
      default: append(t); break;
    }
    return 0;
  }

 private:
  StyledText& target() {
    if (in_table_) {
      if (table_.rows.empty()) table_.rows.emplace_back();
      if (table_.rows.back().empty()) table_.rows.back().emplace_back();
      return table_.rows.back().back();
    }
    if (!current_) {
      MdBlock b;
      b.kind = BlockKind::kParagraph;
      start(std::move(b));
    }
    return current_->runs;
  }

  void append(std::string_view t) {
    if (t.empty()) return;
    if (pending_space_) {
      pending_space_ = false;
      if (is_ascii_word_char(static_cast<unsigned char>(t.front()))) append_run(target(), " ", style_);
    }
    uint16_t style = style_;
    if (current_ && current_->kind == BlockKind::kHeading) style |= kStyleHeading;
    append_run(target(), t, style);
  }

  void start(MdBlock b) {
    // A list item's nested list starts while the item is open: close the item's text first.
    if (current_) finish_item_text();
    pending_space_ = false;
    open_.push_back(std::move(b));
    current_ = &open_.back();
  }

  // Emits the open item's text as a block, leaving nothing open.
  void finish_item_text() {
    if (!current_) return;
    doc.blocks.push_back(std::move(*current_));
    open_.clear();
    current_ = nullptr;
  }

  void finish() {
    if (!current_) return;
    // Code blocks end with the newline of their last line.
    if (current_->kind == BlockKind::kCode && !current_->runs.empty()) {
      auto& last = current_->runs.back().text;
      while (!last.empty() && last.back() == '\n') last.pop_back();
    }
    doc.blocks.push_back(std::move(*current_));
    open_.clear();
    current_ = nullptr;
  }

  std::vector<MdBlock> open_;  // at most one: blocks are emitted flat
  MdBlock* current_ = nullptr;
  std::vector<ListFrame> lists_;
  std::vector<std::string> hrefs_;
  size_t link_text_start_ = 0;
  uint16_t style_ = kStylePlain;
  int quote_depth_ = 0;
  bool item_fresh_ = false;
  bool pending_space_ = false;
  bool in_table_ = false;
  bool in_head_ = false;
  MdBlock table_;
};

}  // namespace

MdDocument parse_markdown(std::string_view markdown) {
  Builder builder;
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_block(t, d); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_span(t, d); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Builder*>(u)->text(t, s, n); };
  md_parse(markdown.data(), MD_SIZE(markdown.size()), &parser, &builder);
  // Drop blocks that ended up empty (e.g. a list item holding only a nested list).
  std::vector<MdBlock> kept;
  for (auto& b : builder.doc.blocks) {
    const bool empty_text = b.kind != BlockKind::kRule && b.kind != BlockKind::kTable && plain(b.runs).empty();
    if (empty_text) continue;
    kept.push_back(std::move(b));
  }
  builder.doc.blocks = std::move(kept);
  return std::move(builder.doc);
}

std::string to_plain_text(const MdDocument& doc) {
  std::string out;
  for (const MdBlock& b : doc.blocks) {
    if (!out.empty()) out += "\n";
    switch (b.kind) {
      case BlockKind::kRule: out += "----"; break;
      case BlockKind::kListItem:
        out += std::string(size_t(b.indent) * 2, ' ') + b.marker + (b.marker == "・" ? "" : " ") + plain(b.runs);
        break;
      case BlockKind::kQuote: out += "> " + plain(b.runs); break;
      case BlockKind::kTable:
        for (size_t r = 0; r < b.rows.size(); ++r) {
          if (r > 0) out += "\n";
          for (size_t c = 0; c < b.rows[r].size(); ++c) {
            if (c > 0) out += "\t";
            out += plain(b.rows[r][c]);
          }
        }
        break;
      default: out += plain(b.runs); break;
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> split_sections(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> sections;
  sections.emplace_back("", "");
  bool in_fence = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") in_fence = !in_fence;
    if (!in_fence && line.size() > 3 && line.substr(0, 3) == "## ") {
      std::string heading(line.substr(3));
      while (!heading.empty() && (heading.back() == ' ' || heading.back() == '\r' || heading.back() == '#')) heading.pop_back();
      sections.emplace_back(heading, "");
    } else {
      sections.back().second.append(line);
      sections.back().second += '\n';
    }
    pos = eol + 1;
  }
  for (auto& s : sections) {
    auto& t = s.second;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ' || t.back() == '\r')) t.pop_back();
    size_t lead = 0;
    while (lead < t.size() && t[lead] == '\n') ++lead;
    t.erase(0, lead);
  }
  if (sections.front().second.empty()) sections.erase(sections.begin());
  return sections;
}

}  // namespace madoguchi::viewer
