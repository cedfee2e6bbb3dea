#include "csv_import_rows.h"

#include <csv.h>
#include <memory>

namespace madoguchi {
namespace {

struct RowSink {
  std::vector<CsvRow> rows;
  CsvRow current;
  int row_start = 0;  // line the row in progress started on (0: none in progress)
  int line = 0;       // line being fed
};

void on_cell(void* data, size_t len, void* sink_ptr) {
  auto* sink = static_cast<RowSink*>(sink_ptr);
  // A row that began after a lone CR (old Mac line ends) inside the line being fed.
  if (sink->row_start == 0) sink->row_start = sink->line;
  sink->current.cells.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void on_row_end(int /*terminator*/, void* sink_ptr) {
  auto* sink = static_cast<RowSink*>(sink_ptr);
  sink->current.line = sink->row_start != 0 ? sink->row_start : sink->line;
  sink->rows.push_back(std::move(sink->current));
  sink->current = CsvRow{};
  sink->row_start = 0;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

Result<std::vector<CsvRow>> read_csv_rows(std::string_view path, std::string_view text) {
  csv_parser parser;
  // Strict: a quote inside an unquoted cell or an unclosed quote is an error, not a guess.
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return Status::internal("libcsv init failed");
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
  RowSink sink;
  auto error_at = [&](int line, const std::string& what) {
    return Status::invalid_input("CSV " + what, {std::string(path), line});
  };
  // Feeding one line at a time tells which line a row starts on; libcsv keeps its state across.
  int line = 0;
  int last_start = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string_view::npos ? text.size() : eol + 1;
    std::string_view chunk = text.substr(pos, end - pos);
    sink.line = ++line;
    if (sink.row_start == 0 && !is_blank(chunk)) sink.row_start = line;
    if (sink.row_start != 0) last_start = sink.row_start;
    if (csv_parse(&parser, chunk.data(), chunk.size(), on_cell, on_row_end, &sink) != chunk.size())
      return error_at(line, std::string(csv_strerror(csv_error(&parser))) +
                                " (a quote inside an unquoted cell? quote the whole cell and double inner quotes)");
    pos = end;
  }
  if (sink.row_start == 0) sink.row_start = line;
  if (csv_fini(&parser, on_cell, on_row_end, &sink) != 0)
    return error_at(last_start, "quoted cell starting on this row is never closed");
  return std::move(sink.rows);
}

}  // namespace madoguchi
