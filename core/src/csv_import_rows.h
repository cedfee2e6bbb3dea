// Splits CSV text into rows of cells with libcsv, remembering the line each row starts on (a quoted
// cell may span lines). Internal to csv_import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> cells;
};

// Rows in order; blank lines produce no row. Malformed quoting is an error at its line.
Result<std::vector<CsvRow>> read_csv_rows(std::string_view path, std::string_view text);

}  // namespace madoguchi
