// Parses one entry file: YAML front matter (yaml-cpp) and the Markdown sections after it.
#include <algorithm>
#include <map>
#include <set>
#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include "madoguchi/corpus.h"
#include "markdown_text.h"
#include "text_checks.h"

namespace madoguchi {
namespace {

const std::set<std::string, std::less<>> kKnownFields = {
    "id", "type", "title", "category", "tags", "effective", "expires", "source", "municipalities"};

struct FrontMatter {
  std::string yaml;
  int first_line = 0;  // file line of the first YAML line
  std::string body;
  int body_line = 0;
};

Result<FrontMatter> split_front_matter(std::string_view path, const std::string& text) {
  auto error = [&](std::string msg, int line) {
    return Status::invalid_input(std::move(msg), {std::string(path), line});
  };
  if (text.rfind("---\n", 0) != 0 && text != "---")
    return error("missing front matter: the file must start with a '---' line", 1);
  size_t start = 4;
  size_t pos = start;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line(text.data() + pos, (eol == std::string::npos ? text.size() : eol) - pos);
    if (line == "---" || line == "...") {
      FrontMatter fm;
      fm.yaml = text.substr(start, pos - start);
      fm.first_line = 2;
      fm.body = eol == std::string::npos ? "" : text.substr(eol + 1);
      fm.body_line = line_of(text, pos) + 1;
      return fm;
    }
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  return error("front matter is not closed: add a '---' line after the fields", 1);
}

constexpr size_t kMaxIdBytes = 200;

// [a-z0-9]+(-[a-z0-9]+)*, by hand: libstdc++'s std::regex recurses per character and overflows
// the stack on a long id (tests/robustness/hostile_input_test.cpp).
bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> as_list(const YAML::Node& node) {
  std::vector<std::string> out;
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (item.IsScalar() && !item.Scalar().empty()) out.push_back(item.Scalar());
  } else if (node.IsScalar() && !node.Scalar().empty()) {
    out.push_back(node.Scalar());
  }
  return out;
}

// Splits "## heading" sections; returns the text of the one named `name` (trimmed).
std::string section(const std::string& body, std::string_view name) {
  std::string heading = "## " + std::string(name);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string::npos) eol = body.size();
    std::string_view line(body.data() + pos, eol - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == heading) {
      size_t begin = eol + 1;
      size_t end = begin;
      while (end < body.size()) {
        size_t next = body.find('\n', end);
        if (next == std::string::npos) next = body.size();
        if (body.compare(end, 3, "## ") == 0) break;
        end = next + 1;
      }
      if (begin >= body.size()) return "";
      std::string s = body.substr(begin, std::min(end, body.size()) - begin);
      while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
      size_t first = s.find_first_not_of("\n ");
      return first == std::string::npos ? "" : s.substr(first);
    }
    pos = eol + 1;
  }
  return "";
}

// Warns of body text that section() never returns, so search never finds: text before the first
// section or under a heading other than 質問, 回答 and トークスクリプト (the viewer shows it), and
// a second heading of one of those (shown nowhere). `first_line` is the body's first line.
void warn_of_unused_text(const std::string& body, const std::string& path, int first_line,
                         std::vector<Status>& warnings) {
  static const std::set<std::string, std::less<>> kSections = {"質問", "回答", "トークスクリプト"};
  std::set<std::string, std::less<>> seen;
  bool any_heading = false;
  int line = first_line;
  for (size_t pos = 0; pos < body.size(); ++line) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string::npos) eol = body.size();
    std::string_view text(body.data() + pos, eol - pos);
    pos = eol + 1;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.starts_with("## ")) {
      const std::string_view name = text.substr(3);
      any_heading = true;
      if (!kSections.count(name))
        warnings.push_back(Status::invalid_input(
            "section '## " + std::string(name) + "' is shown but not searched (searched: 質問, 回答, トークスクリプト)",
            {path, line}));
      else if (!seen.insert(std::string(name)).second)
        warnings.push_back(Status::invalid_input(
            "a second '## " + std::string(name) + "' section is neither shown nor searched: merge it into the first",
            {path, line}));
    } else if (!any_heading && !text.empty()) {
      any_heading = true;  // one warning for the text before the first heading
      warnings.push_back(Status::invalid_input(
          "text before the first '## ' section is shown but not searched: put it under '## 回答'", {path, line}));
    }
  }
}

// Warns of bold that does not render as written (markdown_checks.h), with its line.
void warn_of_bold_problems(const std::string& body, const std::string& path, int first_line,
                           std::vector<Status>& warnings) {
  static constexpr const char* kHow =
      "Markdown ends bold only after a letter or before a space or punctuation (write "
      "**小児救急電話相談**（#8000）で, not **小児救急電話相談（#8000）**で)";
  int line = first_line, warned = 0;
  size_t counted = 0;
  for (const BoldProblem& problem : bold_problems(body)) {
    line += int(std::count(body.begin() + long(counted), body.begin() + long(problem.offset), '\n'));
    counted = problem.offset;
    if (std::exchange(warned, line) == line) continue;  // one warning per line
    warnings.push_back(Status::invalid_input(
        std::string(problem.kind == BoldProblem::kLiteralBold ? "'**' is shown as is, not bold: "
                                                               : "bold runs on to the next line: an '**' closes nothing: ") +
            kHow,
        {path, line}));
  }
}

Result<EntryVersion> parse_entry_unguarded(std::string_view path, std::string_view bytes,
                                           std::vector<Status>* warnings) {
  const std::string p(path);
  if (auto problem = check_utf8_text(bytes)) return Status::invalid_input(problem->message, {p, problem->line});
  const std::string text = clean_text(bytes);
  auto fm = split_front_matter(path, text);
  if (!fm) return fm.status();

  YAML::Node root;
  try {
    root = YAML::Load(fm->yaml);
  } catch (const YAML::ParserException& e) {
    // yaml-cpp reports unclosed brackets at the end of the stream: point at the last field instead.
    const int yaml_lines = line_of(fm->yaml, fm->yaml.size()) - 1;
    const int line = std::min(std::max(0, e.mark.line), std::max(0, yaml_lines - 1));
    return Status::invalid_input("front matter is not valid YAML: " + e.msg, {p, fm->first_line + line});
  }
  if (!root.IsMap())
    return Status::invalid_input("front matter must be 'field: value' lines", {p, fm->first_line});

  auto line_of_key = [&](const char* key) {
    auto n = root[key];
    return n && n.Mark().line >= 0 ? fm->first_line + n.Mark().line : fm->first_line;
  };
  auto scalar = [&](const char* key) -> std::string {
    auto n = root[key];
    return n && n.IsScalar() ? n.Scalar() : "";
  };
  auto error = [&](std::string msg, const char* key) {
    return Status::invalid_input(std::move(msg), {p, key ? line_of_key(key) : fm->first_line});
  };

  EntryVersion v;
  v.path = p;
  v.content_hash = XXH64(bytes.data(), bytes.size(), 0);

  // A field given twice (YAML keeps the first, so an edit on the second line would be ignored)
  // and a field of the wrong shape (a list for the type, a map among the tags) are errors: read
  // leniently they became defaults without a word.
  std::map<std::string, int> key_lines;
  for (const auto& kv : root) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const int line = fm->first_line + kv.first.Mark().line;
    if (const auto [at, fresh] = key_lines.emplace(key, line); !fresh)
      return Status::invalid_input("field '" + key + "' is given twice (also on line " + std::to_string(at->second) + ")",
                                   {p, line});
    const bool is_list_field = key == "category" || key == "tags" || key == "municipalities";
    if (kKnownFields.count(key) && !is_list_field && !kv.second.IsScalar() && !kv.second.IsNull())
      return Status::invalid_input("field '" + key + "' must be one value, not a list or a map", {p, line});
    if (is_list_field) {
      const bool flat = kv.second.IsNull() || kv.second.IsScalar() ||
                        (kv.second.IsSequence() && std::all_of(kv.second.begin(), kv.second.end(), [](const YAML::Node& n) {
                           return n.IsScalar() || n.IsNull();
                         }));
      if (!flat) return Status::invalid_input("field '" + key + "' must be a list of words: [a, b]", {p, line});
    }
    if (!kKnownFields.count(key) && warnings)
      warnings->push_back(Status::invalid_input("unknown field '" + key + "' (ignored)", {p, line}));
  }

  v.id = scalar("id");
  if (!root["id"]) return error("missing required field 'id'", nullptr);
  if (!is_valid_id(v.id))
    return error("id '" + v.id + "' must be lowercase letters, digits and single hyphens ([a-z0-9-]+)", "id");
  // The index finds an entry's versions by a term made of its id, and Xapian caps a term's length.
  if (v.id.size() > kMaxIdBytes)
    return error("id '" + v.id.substr(0, 40) + "...' is " + std::to_string(v.id.size()) + " characters long: at most " +
                     std::to_string(kMaxIdBytes),
                 "id");

  v.title = scalar("title");
  if (v.title.find_first_not_of(" \t\u3000") == std::string::npos)  // blank, ideographic spaces too
    return error("missing required field 'title'", root["title"] ? "title" : nullptr);

  std::string type = scalar("type");
  if (type.empty()) type = "faq";
  auto t = parse_entry_type(type);
  if (!t) return error("type '" + type + "' must be one of faq, policy, routing, script, notice", "type");
  v.type = *t;

  v.category = as_list(root["category"]);
  v.tags = as_list(root["tags"]);
  v.municipalities = as_list(root["municipalities"]);
  v.source = scalar("source");

  for (const char* key : {"effective", "expires"}) {
    if (!root[key]) continue;
    std::string s = scalar(key);
    auto d = Date::parse(s);
    if (!d) return error(std::string(key) + " '" + s + "' is not a date (YYYY-MM-DD)", key);
    (std::string_view(key) == "effective" ? v.effective : v.expires) = *d;
  }
  if (v.effective.valid() && v.expires.valid() && v.expires < v.effective)
    return error("expires " + v.expires.to_string() + " is before effective " + v.effective.to_string(),
                 "expires");

  v.body = fm->body;
  v.question = section(v.body, "質問");
  v.answer = section(v.body, "回答");
  v.script = section(v.body, "トークスクリプト");
  if (warnings) {
    warn_of_unused_text(v.body, p, fm->body_line, *warnings);
    warn_of_bold_problems(v.body, p, fm->body_line, *warnings);
  }
  if (v.answer.empty() && v.script.empty())
    return Status::invalid_input("missing '## 回答' section (the answer operators read)", {p, fm->body_line});
  return v;
}

}  // namespace

Result<EntryVersion> parse_entry(std::string_view path, std::string_view bytes, std::vector<Status>* warnings) {
  // yaml-cpp reports misuse and odd documents by throwing; none of it may cross core's API.
  try {
    return parse_entry_unguarded(path, bytes, warnings);
  } catch (const std::exception& e) {
    return Status::invalid_input(std::string("front matter cannot be read: ") + e.what(), {std::string(path), 1});
  }
}

Result<std::vector<SynonymGroup>> parse_synonyms(std::string_view path, std::string_view bytes,
                                                 std::vector<Status>* more_errors) {
  const std::string p(path);
  if (auto problem = check_utf8_text(bytes)) return Status::invalid_input(problem->message, {p, problem->line});
  std::string text = clean_text(bytes);
  std::vector<SynonymGroup> groups;
  std::vector<Status> errors;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    SynonymGroup g;
    g.line = line_no;
    size_t start = 0;
    while (start <= line.size()) {
      size_t tab = line.find('\t', start);
      if (tab == std::string::npos) tab = line.size();
      std::string member = line.substr(start, tab - start);
      while (!member.empty() && member.back() == ' ') member.pop_back();
      while (!member.empty() && member.front() == ' ') member.erase(0, 1);
      if (!member.empty()) g.members.push_back(member);
      start = tab + 1;
    }
    if (g.members.empty()) continue;
    if (g.members.size() < 2)
      errors.push_back(
          Status::invalid_input("a synonym group needs two or more members separated by tabs", {p, line_no}));
    else
      groups.push_back(std::move(g));
  }
  if (errors.empty()) return groups;
  if (more_errors) more_errors->insert(more_errors->end(), errors.begin() + 1, errors.end());
  return errors.front();
}

std::string_view to_string(EntryType type) {
  switch (type) {
    case EntryType::kFaq: return "faq";
    case EntryType::kPolicy: return "policy";
    case EntryType::kRouting: return "routing";
    case EntryType::kScript: return "script";
    case EntryType::kNotice: return "notice";
  }
  return "faq";
}

std::optional<EntryType> parse_entry_type(std::string_view text) {
  for (auto t : {EntryType::kFaq, EntryType::kPolicy, EntryType::kRouting, EntryType::kScript, EntryType::kNotice})
    if (to_string(t) == text) return t;
  return std::nullopt;
}

}  // namespace madoguchi
