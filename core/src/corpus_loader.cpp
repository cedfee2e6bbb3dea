// Walks a corpus directory, parses every entry and synonyms.tsv, and checks what no single file
// can: duplicate (id, effective) pairs, links leading outside, an empty corpus.
#include <algorithm>
#include <filesystem>
#include <string_view>
#include <tuple>
#include <vector>
#include <xxhash.h>

#include "madoguchi/corpus.h"
#include "corpus_walk.h"
#include "whole_file.h"

namespace fs = std::filesystem;

namespace madoguchi {
namespace {

Result<std::string> read_file(const fs::path& path) {
  auto bytes = read_whole_file(path.string());
  if (!bytes) return Status::io_error("cannot read file", {path.string(), 0});
  return std::move(*bytes);
}

// The order of `versions` by (id, effective), as indexes into it. Ties keep path order, so that
// of two versions with the same (id, effective) the first by path is the one kept and the other
// is reported (a sort instead of a map of every key seen). The keys are copied out into one
// compact array: comparing through the ~400-byte EntryVersions missed the cache on every step
// (the sort was a tenth of an unchanged 20k load).
std::vector<size_t> version_order(const std::vector<EntryVersion>& versions) {
  struct Key {
    std::string_view id;
    int effective;
    size_t index;
    bool operator<(const Key& o) const { return std::tie(id, effective, index) < std::tie(o.id, o.effective, o.index); }
  };
  std::vector<Key> keys;
  keys.reserve(versions.size());
  for (size_t i = 0; i < versions.size(); ++i) keys.push_back({versions[i].id, versions[i].effective.yyyymmdd, i});
  // Corpora are mostly laid out by id, so the walk's path order comes in a few sorted runs
  // (~20 at 20k): merging them (bottom-up) costs n log(runs) comparisons, not std::sort's n log n.
  std::vector<size_t> runs{0};  // where each run starts, then the end
  for (size_t i = 1; i < keys.size(); ++i)
    if (keys[i] < keys[i - 1]) runs.push_back(i);
  runs.push_back(keys.size());
  while (runs.size() > 2) {
    std::vector<size_t> merged{0};
    for (size_t r = 1; r + 1 < runs.size(); r += 2) {
      std::inplace_merge(keys.begin() + ptrdiff_t(runs[r - 1]), keys.begin() + ptrdiff_t(runs[r]),
                         keys.begin() + ptrdiff_t(runs[r + 1]));
      merged.push_back(runs[r + 1]);
    }
    if (runs.size() % 2 == 0) merged.push_back(runs.back());  // an odd number of runs: the last waits
    runs = std::move(merged);
  }
  std::vector<size_t> order;
  order.reserve(keys.size());
  for (const Key& k : keys) order.push_back(k.index);
  return order;
}

// Puts versions[order[k]] at position k, in place, following each cycle of the permutation:
// every misplaced version moves once and those already in place not at all (a sorted copy made
// a second ~40 MB array at 100k entries, and moved every version).
void permute(std::vector<EntryVersion>& versions, const std::vector<size_t>& order) {
  std::vector<bool> placed(order.size());
  for (size_t start = 0; start < order.size(); ++start) {
    if (placed[start] || order[start] == start) continue;
    EntryVersion held = std::move(versions[start]);
    size_t at = start;
    while (order[at] != start) {
      versions[at] = std::move(versions[order[at]]);
      placed[at] = true;
      at = order[at];
    }
    versions[at] = std::move(held);
    placed[at] = true;
  }
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
  std::vector<FoundFile> files = find_entry_files(corpus.root, report.errors);

  // Reserved: growing them moved every EntryVersion several times (a sixth of an unchanged 100k
  // run's CPU in memmove, move constructors and page faults).
  corpus.versions.reserve(files.size());
  corpus.stamps.reserve(files.size());
  const int64_t settled_before =
      options.settled_before_ns ? options.settled_before_ns : wall_clock_ns() - kRacyWindowNs;
  // The walk's order is the stamps' (path_less): each lookup steps forward.
  std::optional<FileStamps::Cursor> previous;
  if (options.stamps) previous.emplace(*options.stamps);
  for (auto& file : files) {  // stamps taken by the walk, before reading: a change moves them
    const std::string& rel = file.rel;  // not a structured binding: clang 14 cannot capture one in a lambda
    const std::optional<FileStamp>& stamp = file.stamp;
    if (stamp && stamp->size > options.max_file_bytes) {
      report.errors.push_back(Status::invalid_input(
          "file is " + std::to_string(stamp->size) + " bytes, over the limit of " +
              std::to_string(options.max_file_bytes) + " (raise it with --max-file-bytes)",
          {rel, 0}));
      continue;
    }
    StampedFile stamped{stamp.value_or(FileStamp{}), 0};
    // The index holds a file's bytes (by hash): it parsed, and to this id and date. Its version
    // is built in place: moving ~400-byte EntryVersions through optionals and Results was most of
    // the per-file cost of an unchanged load.
    auto add_known = [&](uint64_t hash) {
      if (!options.known) return false;
      auto k = options.known->find(hash);
      if (k == options.known->end()) return false;
      EntryVersion& v = corpus.versions.emplace_back();
      v.id = k->second.id;
      v.effective = k->second.effective;
      v.path = rel;
      v.content_hash = hash;
      v.unparsed = true;
      return true;
    };
    const StampedFile* recorded = stamp && previous ? previous->find(rel) : nullptr;
    if (recorded && recorded->stamp == *stamp && add_known(recorded->hash)) {
      stamped.hash = recorded->hash;
      corpus.versions.back().path_recorded = true;
    } else {
      auto bytes = read_file(root / rel);
      if (!bytes) {
        report.errors.push_back(Status::io_error(bytes.status().message(), {rel, 0}));
        continue;
      }
      ++report.files_read;
      stamped.hash = XXH64(bytes->data(), bytes->size(), 0);
      if (!add_known(stamped.hash)) {
        Result<EntryVersion> entry = parse_entry(rel, *bytes, &report.warnings);
        if (!entry) {
          report.errors.push_back(entry.status());
          continue;
        }
        corpus.versions.push_back(std::move(*entry));
      }
    }
    if (stamp && stamp_is_settled(*stamp, settled_before)) corpus.stamps.set(rel, stamped);
  }

  const std::vector<size_t> order = version_order(corpus.versions);
  for (size_t k = 1, first = 0; k < order.size(); ++k) {
    const auto& kept = corpus.versions[order[first]];
    const auto& v = corpus.versions[order[k]];
    if (v.id != kept.id || v.effective.yyyymmdd != kept.effective.yyyymmdd) {
      first = k;
      continue;
    }
    report.errors.push_back(Status::invalid_input(
        "duplicate version: id '" + v.id + "' with effective " +
            (v.effective.valid() ? v.effective.to_string() : std::string("(none)")) + " is also defined in " +
            kept.path,
        {v.path, 0}));
  }

  const fs::path synonyms = root / "synonyms.tsv";
  if (fs::exists(synonyms, ec)) {
    auto bytes = read_file(synonyms);
    if (!bytes) {
      report.errors.push_back(bytes.status());
    } else if (std::vector<Status> more; auto groups = parse_synonyms("synonyms.tsv", *bytes, &more)) {
      corpus.synonyms = std::move(*groups);
    } else {
      report.errors.push_back(groups.status());
      report.errors.insert(report.errors.end(), more.begin(), more.end());
    }
  } else {
    // A deleted file would drop every editors' group from the next publish without a word.
    report.warnings.push_back(Status::invalid_input(
        "no synonyms.tsv: no editors' synonym groups (an empty file says the corpus has none)", {"synonyms.tsv", 0}));
  }

  if (corpus.versions.empty() && report.errors.empty())
    report.errors.push_back(Status::invalid_input("corpus has no entries (*.md files)", {corpus.root, 0}));

  std::stable_sort(report.errors.begin(), report.errors.end(), sort_by_location);
  std::stable_sort(report.warnings.begin(), report.warnings.end(), sort_by_location);
  if (!report.errors.empty())
    return Status::invalid_input(std::to_string(report.errors.size()) + " error(s) in corpus", {root_dir, 0});

  permute(corpus.versions, order);
  return corpus;
}

Result<EntryVersion> load_entry(const std::string& root, const std::string& path) {
  auto bytes = read_file(fs::path(root) / path);
  if (!bytes) return Status::io_error(bytes.status().message(), {path, 0});
  return parse_entry(path, *bytes);
}

}  // namespace madoguchi
