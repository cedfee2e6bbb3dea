// Excel Q&A sheet -> corpus entries: header recognition, cell cleanup, stable ids, Markdown output.
#include "madoguchi/csv_import.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include "csv_import_decode.h"
#include "corpus_walk.h"
#include "csv_import_rows.h"
#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/date.h"
#include "text_checks.h"

namespace fs = std::filesystem;

namespace madoguchi {
namespace {

const char* const kFields[] = {"id",      "title", "question", "answer", "category",       "tags",
                               "effective", "expires", "type", "source", "script", "municipalities"};

// Headers as they appear in municipal sheets, after normalize_key (NFKC, case-folded, no spaces).
const std::map<std::string, std::string, std::less<>> kHeaders = {
    {"id", "id"}, {"番号", "id"}, {"no", "id"}, {"no.", "id"}, {"管理番号", "id"},
    {"質問", "question"}, {"問い", "question"}, {"問", "question"}, {"q", "question"},
    {"質問内容", "question"}, {"question", "question"},
    {"回答", "answer"}, {"答え", "answer"}, {"答", "answer"}, {"a", "answer"}, {"回答内容", "answer"},
    {"answer", "answer"},
    {"タイトル", "title"}, {"件名", "title"}, {"見出し", "title"}, {"title", "title"},
    {"カテゴリ", "category"}, {"カテゴリー", "category"}, {"分類", "category"}, {"category", "category"},
    {"タグ", "tags"}, {"キーワード", "tags"}, {"tags", "tags"}, {"keywords", "tags"},
    {"施行日", "effective"}, {"適用開始日", "effective"}, {"適用日", "effective"}, {"effective", "effective"},
    {"適用終了日", "expires"}, {"終了日", "expires"}, {"expires", "expires"},
    {"種別", "type"}, {"type", "type"},
    {"出典", "source"}, {"根拠", "source"}, {"source", "source"},
    {"トークスクリプト", "script"}, {"script", "script"},
    {"市町村", "municipalities"}, {"対象市町村", "municipalities"}, {"municipalities", "municipalities"},
};

bool is_field(std::string_view f) {
  for (const char* k : kFields)
    if (f == k) return true;
  return false;
}

std::string normalize_key(std::string_view header) {
  std::string n = normalize_text(header);
  std::string out;
  for (char c : n)
    if (c != ' ' && c != '\t' && c != '\n') out.push_back(c);
  while (!out.empty() && out.back() == ':') out.pop_back();
  return out;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(ws);
  std::string out(s.substr(b, e - b + 1));
  // Ideographic spaces (U+3000) around a cell are padding too.
  while (out.rfind("\u3000", 0) == 0) out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, "\u3000") == 0) out.resize(out.size() - 3);
  return out;
}

// Whether Markdown reads `line` as a heading: one to six '#' and then a space or nothing. Only such
// a line needs its escape; #7119 (the emergency advice line) is text, and an escape there would
// show as a backslash to operators.
bool reads_as_heading(std::string_view line) {
  const size_t hashes = line.find_first_not_of('#');
  const size_t n = hashes == std::string_view::npos ? line.size() : hashes;
  return n >= 1 && n <= 6 && (n == line.size() || line[n] == ' ' || line[n] == '\t');
}

// Cell text as it goes into Markdown: LF line ends, no trailing blanks, and a line that would
// open a new "## " section (or any heading) is escaped so the answer is never cut short.
std::string clean_cell(std::string_view cell) {
  std::string text = trim(clean_text(cell));
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (reads_as_heading(line)) line = "\\" + line;
    out += line;
    if (eol < text.size()) out += '\n';
    pos = eol + 1;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::string s(cell);
  for (const char* sep : {"、", "，", "；", "\n"}) {
    size_t at;
    while ((at = s.find(sep)) != std::string::npos) s.replace(at, std::string_view(sep).size(), 1, ',');
  }
  for (char& c : s)
    if (c == ';') c = ',';
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item = trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// 2022-09-07, 2022/9/7, 2022.9.7, 2022年9月7日, with an optional time after a space (Excel).
std::optional<Date> parse_sheet_date(std::string_view cell) {
  std::string s = normalize_text(trim(cell));
  if (auto sp = s.find(' '); sp != std::string::npos) s.resize(sp);
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (n < 3) {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 5) parts[n] = parts[n] * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    ++n;
    if (i == s.size()) break;
    static const std::string_view kSeps[] = {"-", "/", ".", "年", "月", "日"};
    bool matched = false;
    for (auto sep : kSeps)
      if (s.compare(i, sep.size(), sep) == 0) {
        i += sep.size();
        matched = true;
        break;
      }
    if (!matched) return std::nullopt;
  }
  if (n != 3 || (i < s.size() && s.substr(i) != "日")) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0] % 10000, parts[1] % 100, parts[2] % 100);
  return Date::parse(buf);
}

std::string hex12(std::string_view text) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH64(text.data(), text.size(), 0)));
  return std::string(buf, 12);
}

// The sheet's own id made into [a-z0-9-]+; Japanese-only ids fall back to a hash of the cell.
std::string id_from_cell(std::string_view cell) {
  std::string n = normalize_text(trim(cell));
  std::string slug;
  for (char c : n) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.push_back(c);
    else if (!slug.empty() && slug.back() != '-') slug.push_back('-');
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 64) slug = slug.substr(0, 51) + "-" + hex12(n);
  if (slug.empty()) return "q-" + hex12(n);
  if (slug.find_first_not_of("0123456789-") == std::string::npos) return "q-" + slug;
  return slug;
}

std::string first_line(std::string_view text, size_t max_chars) {
  std::string line(text.substr(0, text.find('\n')));
  if (line.rfind("\\#", 0) == 0) line.erase(0, 1);
  // Cut at a code-point boundary.
  size_t chars = 0, i = 0;
  while (i < line.size() && chars < max_chars) {
    auto c = static_cast<unsigned char>(line[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return trim(line.substr(0, std::min(i, line.size())));
}

// A title cell as one line (a YAML title has one): its lines joined by a space, as typed.
std::string joined_lines(std::string_view text) {
  std::string out;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string line = trim(text.substr(start, end - start));
    if (line.rfind("\\#", 0) == 0) line.erase(0, 1);  // the heading escape is for the body only
    if (!line.empty()) out += (out.empty() ? "" : " ") + line;
    start = end + 1;
  }
  return out;
}

struct Columns {
  std::vector<std::string> field_of;  // per column index; "" = ignored
};

Result<Columns> map_columns(std::string_view path, const CsvRow& header, const CsvImportOptions& options,
                            std::vector<Status>& warnings) {
  std::map<std::string, std::string, std::less<>> overrides;
  for (const auto& [column, field] : options.map) {
    if (field != "-" && !is_field(field))
      return Status::invalid_input("--map " + column + "=" + field + ": unknown field '" + field +
                                   "' (id, title, question, answer, category, tags, effective, expires, type, "
                                   "source, script, municipalities, or - to ignore)");
    overrides[normalize_key(column)] = field;
  }
  Columns cols;
  std::map<std::string, std::string> used;  // field -> header
  for (const auto& cell : header.cells) {
    const std::string key = normalize_key(cell);
    std::string field;
    if (auto o = overrides.find(key); o != overrides.end()) field = o->second == "-" ? "" : o->second;
    else if (auto h = kHeaders.find(key); h != kHeaders.end()) field = h->second;
    else if (!key.empty())
      warnings.push_back(Status::invalid_input(
          "column '" + trim(cell) + "' ignored (use --map '" + trim(cell) + "=FIELD' to import it)",
          {std::string(path), header.line}));
    if (!field.empty() && field != "tags" && field != "category" && used.count(field))
      return Status::invalid_input("columns '" + used[field] + "' and '" + trim(cell) + "' are both " + field +
                                       " (use --map to choose one)",
                                   {std::string(path), header.line});
    if (!field.empty()) used[field] = trim(cell);
    cols.field_of.push_back(field);
  }
  if (!used.count("answer") && !used.count("script"))
    return Status::invalid_input("no answer column: name one 回答, 答え or A (or --map COLUMN=answer)",
                                 {std::string(path), header.line});
  if (!used.count("question") && !used.count("title"))
    return Status::invalid_input("no question column: name one 質問, 問い or Q (or --map COLUMN=question)",
                                 {std::string(path), header.line});
  return cols;
}

std::string emit_entry(const std::map<std::string, std::string>& f, const std::vector<std::string>& category,
                       const std::vector<std::string>& tags, const std::vector<std::string>& municipalities,
                       const std::string& id, const std::string& title, const Date& effective, const Date& expires) {
  YAML::Emitter y;
  y << YAML::BeginMap;
  y << YAML::Key << "id" << YAML::Value << id;
  if (auto t = f.find("type"); t != f.end() && !t->second.empty()) y << YAML::Key << "type" << YAML::Value << t->second;
  y << YAML::Key << "title" << YAML::Value << title;
  auto list = [&](const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    y << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& i : items) y << i;
    y << YAML::EndSeq;
  };
  list("category", category);
  list("tags", tags);
  if (effective.valid()) y << YAML::Key << "effective" << YAML::Value << effective.to_string();
  if (expires.valid()) y << YAML::Key << "expires" << YAML::Value << expires.to_string();
  if (auto s = f.find("source"); s != f.end() && !s->second.empty())
    y << YAML::Key << "source" << YAML::Value << first_line(s->second, 200);
  list("municipalities", municipalities);
  y << YAML::EndMap;

  std::string out = "---\n" + std::string(y.c_str()) + "\n---\n";
  auto section = [&](const char* heading, const char* key) {
    auto it = f.find(key);
    if (it == f.end() || it->second.empty()) return;
    out += std::string("## ") + heading + "\n" + it->second + "\n\n";
  };
  section("質問", "question");
  section("回答", "answer");
  section("トークスクリプト", "script");
  out.pop_back();  // one trailing newline
  return out;
}

}  // namespace

Result<CsvImport> import_csv(std::string_view path, std::string_view bytes, const CsvImportOptions& options) {
  const std::string p(path);
  auto decoded = decode_csv_bytes(path, bytes, options.encoding);
  if (!decoded) return decoded.status();
  auto rows = read_csv_rows(path, decoded->text);
  if (!rows) return rows.status();
  if (rows->empty()) return Status::invalid_input("sheet is empty: no header row", {p, 1});

  CsvImport result;
  result.encoding = decoded->encoding;
  auto columns = map_columns(path, rows->front(), options, result.warnings);
  if (!columns) return columns.status();

  std::map<std::pair<std::string, int>, int> seen;  // (id, effective) -> line
  for (size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    auto error = [&](std::string msg) { result.errors.push_back(Status::invalid_input(std::move(msg), {p, row.line})); };
    std::map<std::string, std::string> f;
    std::vector<std::string> category, tags, municipalities;
    bool extra = false;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const std::string& field = c < columns->field_of.size() ? columns->field_of[c] : std::string();
      if (c >= columns->field_of.size() && !trim(row.cells[c]).empty()) extra = true;
      if (field.empty()) continue;
      if (field == "category") for (auto& i : split_list(row.cells[c])) category.push_back(i);
      else if (field == "tags") for (auto& i : split_list(row.cells[c])) tags.push_back(i);
      else if (field == "municipalities") municipalities = split_list(row.cells[c]);
      else f[field] = clean_cell(row.cells[c]);
    }
    bool blank = category.empty() && tags.empty() && municipalities.empty();
    for (const auto& [k, v] : f) blank = blank && v.empty();
    if (blank) continue;  // empty rows and rows of empty cells
    if (extra) result.warnings.push_back(Status::invalid_input("cells beyond the header's columns ignored", {p, row.line}));

    if (f["answer"].empty() && f["script"].empty()) {
      error("row has no answer (回答)");
      continue;
    }
    // A question stands in for a missing title by its first line; a title cell is kept whole.
    std::string title = f["title"].empty() ? first_line(f["question"], 120) : joined_lines(f["title"]);
    if (title.empty()) {
      error("row has no question (質問) or title");
      continue;
    }
    Date effective, expires;
    if (!f["effective"].empty()) {
      auto d = parse_sheet_date(f["effective"]);
      if (!d) { error("施行日 '" + f["effective"] + "' is not a date (2022-09-07, 2022/9/7 or 2022年9月7日)"); continue; }
      effective = *d;
    }
    if (!f["expires"].empty()) {
      auto d = parse_sheet_date(f["expires"]);
      if (!d) { error("終了日 '" + f["expires"] + "' is not a date (2022-09-07, 2022/9/7 or 2022年9月7日)"); continue; }
      expires = *d;
    }
    if (!f["type"].empty()) {
      f["type"] = normalize_key(f["type"]);
      if (!parse_entry_type(f["type"])) { error("種別 '" + f["type"] + "' must be faq, policy, routing, script or notice"); continue; }
    }
    const std::string id = !f["id"].empty() ? id_from_cell(f["id"])
                                            : "q-" + hex12(normalize_text(f["question"].empty() ? title : f["question"]));
    auto [it, fresh] = seen.emplace(std::make_pair(id, effective.yyyymmdd), row.line);
    if (!fresh) {
      error("same entry as line " + std::to_string(it->second) + " (id '" + id + "'" +
            (effective.valid() ? ", 施行日 " + effective.to_string() : std::string()) +
            "): give the rows different IDs or 施行日");
      continue;
    }
    ImportedEntry entry;
    entry.line = row.line;
    entry.file_name = id + (effective.valid() ? "@" + effective.to_string() : std::string()) + ".md";
    entry.content = emit_entry(f, category, tags, municipalities, id, title, effective, expires);
    // The output must validate: check it here so a sheet never yields a corpus that does not.
    if (auto check = parse_entry(entry.file_name, entry.content); !check) {
      error("row cannot become a valid entry: " + check.status().message());
      continue;
    }
    result.entries.push_back(std::move(entry));
  }
  if (result.entries.empty() && result.errors.empty())
    return Status::invalid_input("sheet has a header row but no Q&A rows", {p, rows->front().line});
  return result;
}

namespace {

// The id an imported file name carries: "q-2.md" and "q-2@2024-04-01.md" -> "q-2".
std::string id_of_file_name(const std::string& name) {
  const size_t at = name.find('@');
  return at != std::string::npos ? name.substr(0, at) : name.substr(0, name.size() - 3);
}

// The entry files under `dir`, found as the corpus loader finds them (corpus_walk.h), relative
// path by id. Files that do not parse, and links the walk refuses, are the corpus's own problems.
std::multimap<std::string, std::string> entry_ids_in(const fs::path& dir) {
  std::multimap<std::string, std::string> ids;
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec)) return ids;
  std::vector<Status> refused;
  for (const FoundFile& file : find_entry_files(root.string(), refused)) {
    std::ifstream in(root / file.rel, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (auto entry = parse_entry(file.rel, bytes.str())) ids.emplace(entry->id, file.rel);
  }
  return ids;
}

}  // namespace

Result<int> write_imported_entries(const CsvImport& imported, const std::string& out_dir,
                                   std::vector<Status>* warnings) {
  std::error_code ec;
  const auto existing = entry_ids_in(out_dir);
  std::set<std::string> imported_names;
  for (const auto& e : imported.entries) imported_names.insert(e.file_name);
  for (const auto& e : imported.entries) {
    const std::string id = id_of_file_name(e.file_name);
    for (auto [it, end] = existing.equal_range(id); it != end; ++it) {
      const std::string& other = it->second;
      if (imported_names.count(other)) continue;
      if (id_of_file_name(fs::path(other).filename().string()) != id)
        return Status::invalid_input("has id '" + id + "', which the sheet's row on line " + std::to_string(e.line) +
                                         " also gives: nothing written (give one of them another id)",
                                     {(fs::path(out_dir) / other).string(), 0});
      if (warnings)
        warnings->push_back(Status::invalid_input(
            "another version of '" + id + "' is not in this sheet: remove it if the sheet replaced it",
            {(fs::path(out_dir) / other).string(), 0}));
    }
  }
  fs::create_directories(out_dir, ec);
  if (ec) return Status::io_error("cannot create directory: " + ec.message(), {out_dir, 0});
  int written = 0;
  for (const auto& e : imported.entries) {
    const fs::path target = fs::path(out_dir) / e.file_name;
    {
      std::ifstream in(target, std::ios::binary);
      if (in) {
        std::ostringstream ss;
        ss << in.rdbuf();
        if (ss.str() == e.content) continue;  // idempotent: same bytes stay untouched
      }
    }
    // A hidden temporary name: a crash leaves a dot-file that corpus loading skips.
    const fs::path tmp = fs::path(out_dir) / ("." + e.file_name + ".tmp");
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << e.content;
      out.flush();
      if (!out) return Status::io_error("cannot write file", {tmp.string(), 0});
    }
    fs::rename(tmp, target, ec);
    if (ec) return Status::io_error("cannot rename into place: " + ec.message(), {target.string(), 0});
    ++written;
  }
  return written;
}

}  // namespace madoguchi
