// Turns a CSV file's bytes into UTF-8 text with glibc's iconv (CP932 is what Excel writes for
// Japanese on Windows). Internal to csv_import.
#pragma once

#include <string>
#include <string_view>

#include "madoguchi/csv_import.h"

namespace madoguchi {

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, line ends untouched
  std::string encoding;  // "utf-8" or "cp932"
};

// kAuto: UTF-8 when the bytes (after a BOM) are valid UTF-8, else CP932. An invalid byte is an
// error naming `path` and its line.
Result<DecodedText> decode_csv_bytes(std::string_view path, std::string_view bytes, CsvEncoding encoding);

}  // namespace madoguchi
