// Walks a corpus directory, parses every entry and synonyms.tsv, and checks what no single file
// can: duplicate (id, effective) pairs, links leading outside, an empty corpus.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "madoguchi/corpus.h"

namespace fs = std::filesystem;

namespace madoguchi {
namespace {

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read file", {path.string(), 0});
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool is_inside(const fs::path& root, const fs::path& p) {
  auto r = root.lexically_normal().string();
  auto s = p.lexically_normal().string();
  return s.rfind(r, 0) == 0 && (s.size() == r.size() || s[r.size()] == '/');
}

bool sort_by_location(const Status& a, const Status& b) {
  if (a.where().path != b.where().path) return a.where().path < b.where().path;
  return a.where().line < b.where().line;
}

}  // namespace

Result<Corpus> load_corpus(const std::string& root_dir, const CorpusOptions& options, CorpusReport& report) {
  std::error_code ec;
  if (!fs::is_directory(root_dir, ec))
    return Status::invalid_input("corpus directory not found", {root_dir, 0});
  const fs::path root = fs::canonical(root_dir, ec);

  Corpus corpus;
  corpus.root = root.string();
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    const std::string rel = p.lexically_relative(root).generic_string();
    if (it->is_symlink()) {
      fs::path target = fs::weakly_canonical(p, ec);
      if (ec || !is_inside(root, target)) {
        report.errors.push_back(
            Status::invalid_input("symbolic link leads outside the corpus; refused, not followed", {rel, 0}));
        continue;
      }
      if (fs::is_directory(target)) continue;  // the directory itself is walked in place
    }
    if (!it->is_regular_file(ec) || p.extension() != ".md") continue;
    if (name == "README.md") continue;  // documentation, not an entry
    files.push_back(p);
  }
  std::sort(files.begin(), files.end());

  std::map<std::pair<std::string, int>, std::string> seen;  // (id, effective) -> path
  for (const auto& p : files) {
    const std::string rel = p.lexically_relative(root).generic_string();
    auto size = fs::file_size(p, ec);
    if (!ec && size > options.max_file_bytes) {
      report.errors.push_back(Status::invalid_input(
          "file is " + std::to_string(size) + " bytes, over the limit of " +
              std::to_string(options.max_file_bytes) + " (raise it with --max-file-bytes)",
          {rel, 0}));
      continue;
    }
    auto bytes = read_file(p);
    if (!bytes) {
      report.errors.push_back(Status::io_error(bytes.status().message(), {rel, 0}));
      continue;
    }
    auto entry = parse_entry(rel, *bytes, &report.warnings);
    if (!entry) {
      report.errors.push_back(entry.status());
      continue;
    }
    auto key = std::make_pair(entry->id, entry->effective.yyyymmdd);
    if (auto [it, fresh] = seen.emplace(key, rel); !fresh) {
      report.errors.push_back(Status::invalid_input(
          "duplicate version: id '" + entry->id + "' with effective " +
              (entry->effective.valid() ? entry->effective.to_string() : std::string("(none)")) +
              " is also defined in " + it->second,
          {rel, 0}));
      continue;
    }
    corpus.versions.push_back(std::move(*entry));
  }

  const fs::path synonyms = root / "synonyms.tsv";
  if (fs::exists(synonyms, ec)) {
    auto bytes = read_file(synonyms);
    if (!bytes) {
      report.errors.push_back(bytes.status());
    } else if (auto groups = parse_synonyms("synonyms.tsv", *bytes); !groups) {
      report.errors.push_back(groups.status());
    } else {
      corpus.synonyms = std::move(*groups);
    }
  }

  if (corpus.versions.empty() && report.errors.empty())
    report.errors.push_back(Status::invalid_input("corpus has no entries (*.md files)", {corpus.root, 0}));

  std::stable_sort(report.errors.begin(), report.errors.end(), sort_by_location);
  std::stable_sort(report.warnings.begin(), report.warnings.end(), sort_by_location);
  if (!report.errors.empty())
    return Status::invalid_input(std::to_string(report.errors.size()) + " error(s) in corpus", {root_dir, 0});

  std::sort(corpus.versions.begin(), corpus.versions.end(), [](const auto& a, const auto& b) {
    return std::tie(a.id, a.effective) < std::tie(b.id, b.effective);
  });
  return corpus;
}

}  // namespace madoguchi
