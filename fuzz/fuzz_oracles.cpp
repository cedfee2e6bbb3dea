#include "fuzz_oracles.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <unistd.h>
#include <utf8proc.h>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/csv_import.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "text_checks.h"

namespace madoguchi::fuzz {
namespace {

// NUL is valid UTF-8 (check_utf8_text refuses it only as a sign of a binary file).
bool valid_utf8(std::string_view s) {
  std::string copy(s);
  for (char& c : copy)
    if (c == '\0') c = ' ';
  return !check_utf8_text(copy).has_value();
}

// `s` with each NUL, and each byte that starts no valid UTF-8 sequence, replaced by a space.
std::string as_utf8(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                    utf8proc_ssize_t(s.size() - pos), &cp);
    if (n <= 0 || cp == 0) {
      out += ' ';
      ++pos;
    } else {
      out.append(s.substr(pos, size_t(n)));
      pos += size_t(n);
    }
  }
  return out;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos) return false;
  return id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
}

std::string check_entry(std::string_view bytes) {
  std::vector<Status> warnings;
  auto e = parse_entry("fuzz.md", bytes, &warnings);
  if (!e) {
    if (e.status().where().path != "fuzz.md") return "error does not name the file";
    if (e.status().message().empty()) return "error without a message";
    return "";
  }
  if (!valid_id(e->id)) return "accepted an invalid id: " + e->id;
  if (e->title.empty()) return "accepted an empty title";
  if (e->answer.empty() && e->script.empty()) return "accepted an entry without an answer";
  return "";
}

Analyzer& analyzer() {
  static auto dictionary = Dictionary::open({});
  if (!dictionary) std::abort();  // the fuzz machine lacks mecab-ipadic-utf8
  static Analyzer a(*dictionary);
  return a;
}

std::string check_analyzer(std::string_view bytes) {
  for (const auto& t : analyzer().analyze(bytes)) {
    if (t.term.empty()) return "empty term";
    if (!valid_utf8(t.term) || !valid_utf8(t.reading)) return "term or reading is not UTF-8";
    if (t.begin > t.end || t.end > bytes.size()) return "token range outside the text";
  }
  return "";
}

// A tiny index in a temporary directory, built once per process and removed at exit.
Searcher& searcher() {
  static std::string dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "madoguchi-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    return tmpl;
  }();
  static std::unique_ptr<Searcher> s = [] {
    Corpus corpus;
    corpus.root = dir;
    const char* entries[] = {
        ("---\nid: fever\ntitle: 発熱したときの相談先\ncategory: [受診相談]\ntags: [発熱]\n---\n## 質問\n熱が出ました。\n"
         "## 回答\nかかりつけ医か保健所に電話で相談してください。\n"),
        "---\nid: isolation\ntype: policy\ntitle: 療養期間\neffective: 2022-09-07\n---\n## 回答\n発症日から7日間です。\n",
        "---\nid: isolation\ntype: policy\ntitle: 療養期間（改定予定）\neffective: 2030-01-01\n---\n## 回答\n5日間です。\n",
        "---\nid: route\ntype: routing\ntitle: 吹田市の方\nmunicipalities: [吹田市]\n---\n## 回答\n吹田市保健所へ。COVID-19 PCR\n",
    };
    for (const char* text : entries) {
      auto e = parse_entry("f.md", text);
      if (!e) std::abort();
      corpus.versions.push_back(std::move(*e));
    }
    corpus.synonyms.push_back({{"コロナ", "新型コロナウイルス", "COVID-19"}, 1});
    if (!build_index(corpus, dir + "/db")) std::abort();
    auto opened = Searcher::open(dir + "/db", Clock::fixed(Date{20261125}));
    if (!opened) std::abort();
    std::atexit([] { std::error_code ec; std::filesystem::remove_all(dir, ec); });
    return std::move(*opened);
  }();
  return *s;
}

std::string check_query(std::string_view bytes) {
  // The first byte picks options so the fuzzer reaches filters and the no-prefix path too.
  SearchRequest request;
  if (!bytes.empty()) {
    const auto flags = static_cast<unsigned char>(bytes[0]);
    request.prefix_last_word = flags & 1;
    if (flags & 2) request.category = "受診相談";
    if (flags & 4) request.type = "policy";
    if (flags & 8) request.municipality = "吹田市";
    if (flags & 16) request.as_of = Date{20220101};
    bytes.remove_prefix(1);
  }
  // A query that is not UTF-8 is refused as bad input; its UTF-8 remainder is searched, so that the
  // fuzzer still reaches the search paths with the bytes it found.
  request.query = as_utf8(bytes);
  if (request.query != bytes) {
    SearchRequest raw = request;
    raw.query = std::string(bytes);
    auto refused = searcher().search(raw);
    if (refused || refused.status().code() != Code::kInvalidInput) return "a query that is not UTF-8 was not refused";
  }
  auto r = searcher().search(request);
  if (!r) return "search failed: " + r.status().to_string();
  for (const auto& h : r->hits) {
    if (!valid_utf8(h.snippet)) return "snippet is not UTF-8";
    for (auto [b, e] : h.highlights)
      if (b >= e || e > h.snippet.size()) return "highlight outside the snippet";
  }
  return "";
}

std::string check_csv(std::string_view bytes) {
  auto r = import_csv("fuzz.csv", bytes, {});
  if (!r) return r.status().where().path == "fuzz.csv" ? "" : "error does not name the file";
  for (const auto& e : r->errors)
    if (e.where().path != "fuzz.csv" || e.where().line < 1) return "row error without FILE:LINE";
  for (const auto& e : r->entries) {
    std::string_view name = e.file_name;
    if (name.size() < 4 || name.substr(name.size() - 3) != ".md") return "bad file name " + e.file_name;
    name.remove_suffix(3);
    if (auto at = name.find('@'); at != std::string_view::npos) name = name.substr(0, at);
    if (!valid_id(name)) return "bad id in file name " + e.file_name;
    if (!parse_entry(e.file_name, e.content)) return "imported entry does not validate: " + e.file_name;
  }
  return "";
}

}  // namespace

std::string check_input(std::string_view target, std::string_view bytes) {
  if (target == "entry") return check_entry(bytes);
  if (target == "analyzer") return check_analyzer(bytes);
  if (target == "query") return check_query(bytes);
  if (target == "csv") return check_csv(bytes);
  return "unknown fuzz target";
}

}  // namespace madoguchi::fuzz
