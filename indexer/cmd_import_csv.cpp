#include <fmt/format.h>
#include <set>
#include <fstream>
#include <sstream>

#include "cli_common.h"
#include "commands.h"
#include "madoguchi/csv_import.h"

namespace madoguchi::cli {

namespace {

Run add_import_csv(CLI::App& app) {
  struct Options {
    std::string file, out, encoding = "auto";
    std::vector<std::string> maps;
  };
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->file, "CSV file saved from Excel (CP932 or UTF-8)")->required();
  app.add_option("--out", o->out, "Corpus directory to write entries into (created if absent)")->required();
  app.add_option("--encoding", o->encoding, "auto (default), cp932 or utf-8");
  app.add_option("--map", o->maps, "COLUMN=FIELD: import a column as an entry field (- ignores it)");
  return [o]() {
    CsvImportOptions options;
    if (!parse_csv_encoding(o->encoding, options.encoding)) {
      fmt::print(stderr, "error: --encoding '{}' must be auto, cp932 or utf-8\n", o->encoding);
      return int(kExitUsage);
    }
    for (const auto& m : o->maps) {
      auto eq = m.rfind('=');
      if (eq == std::string::npos || eq == 0) {
        fmt::print(stderr, "error: --map '{}' must be COLUMN=FIELD\n", m);
        return int(kExitUsage);
      }
      options.map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
    }
    std::ifstream in(o->file, std::ios::binary);
    if (!in) return report(Status::invalid_input("cannot read CSV file", {o->file, 0}));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto imported = import_csv(o->file, bytes.str(), options);
    if (!imported) return report(imported.status());
    print_problems(imported->errors, imported->warnings);
    if (!imported->ok()) {
      fmt::print(stderr, "nothing written: {} error(s)\n", imported->errors.size());
      return exit_code_for(imported->errors.front());
    }
    std::vector<Status> warnings;
    auto written = write_imported_entries(*imported, o->out, &warnings);
    if (!written) return report(written.status());
    for (const auto& w : warnings) print_warning(w);
    // A row is one version of an entry: rows sharing an id with other 施行日 are one entry.
    std::set<std::string> ids;
    for (const auto& e : imported->entries) ids.insert(e.file_name.substr(0, e.file_name.find_first_of("@.")));
    fmt::print("imported {} entries ({} versions) from {} ({}) into {}: {} files written, {} unchanged\n", ids.size(),
               imported->entries.size(), o->file, imported->encoding, o->out, *written,
               int(imported->entries.size()) - *written);
    return int(kExitOk);
  };
}

const Registration kImportCsvRegistration("import-csv", "Import an Excel Q&A sheet (CSV, CP932 or UTF-8) as corpus entries",
                                 add_import_csv);

}  // namespace
}  // namespace madoguchi::cli
