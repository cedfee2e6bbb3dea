// Byte-level checks on files editors hand us: encoding, binary content, BOM and line ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct EncodingProblem {
  int line = 0;         // 1-based line of the first bad byte
  std::string message;  // what is wrong and what to do
};

// nullopt when `bytes` is text in UTF-8 (a BOM is allowed).
std::optional<EncodingProblem> check_utf8_text(std::string_view bytes);

// Drops a UTF-8 BOM and turns CRLF (and lone CR) into LF.
std::string clean_text(std::string_view bytes);

// 1-based line number of byte offset `offset` in `text`.
int line_of(std::string_view text, size_t offset);

}  // namespace madoguchi
