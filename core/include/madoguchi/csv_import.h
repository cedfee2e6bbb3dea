// Importing Excel Q&A sheets saved as CSV (CP932 or UTF-8, with or without BOM) into corpus
// entries (DESIGN §3). The header row names the columns; common Japanese headers are recognized
// (質問/問い/Q, 回答/答え/A, カテゴリ/分類, タグ/キーワード, ID/番号, 施行日/適用開始日, ...) and
// `map` adds or overrides column -> field pairs.
//
// Ids: a sheet's own ID/番号 column is turned into [a-z0-9-]+ (digits get a "q-" prefix); rows
// without one get "q-" + a hash of their normalized question (or title), so re-importing the same
// sheet yields the same files with the same bytes, and an edited answer keeps its id. Rows sharing
// a question with different 施行日 become versions of one entry.
//
// Thread rule: plain functions over values.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi {

enum class CsvEncoding { kAuto, kCp932, kUtf8 };
// Reads "auto", "cp932" (or "sjis", "shift_jis"), "utf-8" (or "utf8"); false for other names.
bool parse_csv_encoding(std::string_view name, CsvEncoding& out);

struct CsvImportOptions {
  CsvEncoding encoding = CsvEncoding::kAuto;  // auto: UTF-8 when the bytes are valid UTF-8, else CP932
  // Column header -> entry field (id, title, question, answer, category, tags, effective, expires,
  // type, source, script, municipalities); "-" ignores the column. Overrides recognized headers.
  std::vector<std::pair<std::string, std::string>> map;
};

struct ImportedEntry {
  std::string file_name;  // "ID.md" or "ID@YYYY-MM-DD.md"
  std::string content;    // the Markdown entry, UTF-8, LF line ends
  int line = 0;           // CSV line where the row starts (1-based)
};

struct CsvImport {
  std::vector<ImportedEntry> entries;  // in sheet order
  std::vector<Status> errors;          // per-row problems (FILE:LINE); nothing may be written then
  std::vector<Status> warnings;        // ignored columns and cells
  bool ok() const { return errors.empty(); }
  std::string encoding;                // what was read: "utf-8" or "cp932"
};

// Parses a whole CSV file. A failure of the whole file (encoding, CSV syntax, header) is returned
// as a Status; problems in single rows are collected in `errors`. Both name `path` and the CSV
// line (a row may span lines: the line it starts on). Every produced entry is checked with
// parse_entry, so the output validates.
Result<CsvImport> import_csv(std::string_view path, std::string_view bytes, const CsvImportOptions& options);

// Writes the entries into `out_dir` (created if absent). Each file is written to a temporary name
// and renamed into place; a file whose bytes are already there is left untouched. Returns how
// many files were written (new or changed). An entry whose id a file already in `out_dir` has
// under a name the import would not give it (other.md holding id q-2) is an error and nothing is
// written: the corpus would not validate. Another version's file of an imported id (an earlier
// import's q-2@2023-04-01.md) is a warning in `warnings`: the sheet may have replaced it.
// REQUIRES: imported.ok()
Result<int> write_imported_entries(const CsvImport& imported, const std::string& out_dir,
                                   std::vector<Status>* warnings = nullptr);

}  // namespace madoguchi
