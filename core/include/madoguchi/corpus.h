// The corpus model (DESIGN §3): Markdown entries with YAML front matter, their versions, and the
// editors' synonym groups. Loading validates everything and reports every problem, not the first.
//
// Thread rule: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "madoguchi/date.h"
#include "madoguchi/file_stamps.h"
#include "madoguchi/status.h"

namespace madoguchi {

enum class EntryType { kFaq, kPolicy, kRouting, kScript, kNotice };
std::string_view to_string(EntryType type);
std::optional<EntryType> parse_entry_type(std::string_view text);

// One file: one version of an entry.
struct EntryVersion {
  std::string id;
  EntryType type = EntryType::kFaq;
  std::string title;
  std::vector<std::string> category;
  std::vector<std::string> tags;
  std::vector<std::string> municipalities;
  Date effective;  // unset: in force since always
  Date expires;    // unset: no end (last day in force, inclusive)
  std::string source;

  std::string question;  // "## 質問" section (Markdown)
  std::string answer;    // "## 回答" section
  std::string script;    // "## トークスクリプト" section
  std::string body;      // the whole Markdown body after the front matter

  std::string path;           // relative to the corpus root, '/'-separated
  uint64_t content_hash = 0;  // xxh64 of the file bytes: drives incremental indexing

  // True when the loader did not parse the file because an index already holds these exact
  // bytes (CorpusOptions::known): only id, effective, path and content_hash are set. Only the
  // index writer accepts such versions; it re-reads the file if it needs more.
  bool unparsed = false;
  // True when the file's stamp matched the stamp cache's record (file_stamps.h), so it is at the
  // path the index recorded; otherwise the writer checks the path (a file moved or renamed).
  bool path_recorded = false;
};

// A file an index already holds, by the xxh64 of its bytes (index_writer.h, known_files()).
struct KnownFile {
  std::string id;
  Date effective;
};
using KnownFiles = std::unordered_map<uint64_t, KnownFile>;

struct SynonymGroup {
  std::vector<std::string> members;  // as written by editors
  int line = 0;
};

struct Corpus {
  std::string root;
  std::vector<EntryVersion> versions;  // sorted by (id, effective)
  std::vector<SynonymGroup> synonyms;
  // The stamp of every entry file whose bytes are known settled (file_stamps.h), for the next
  // run's CorpusOptions::stamps: those read this run and those trusted from the options.
  FileStamps stamps;
};

struct CorpusOptions {
  // Files bigger than this are refused (an entry is a page, not a manual).
  uint64_t max_file_bytes = 1024 * 1024;
  // Files whose bytes hash to a key here are not parsed (they were valid when indexed): their
  // versions come back `unparsed`. An incremental `index` or `publish` of a large corpus then
  // costs reading and hashing its files, not parsing them. Null: parse everything.
  const KnownFiles* known = nullptr;
  // Stat-first (file_stamps.h): a file whose stamp equals its record here is taken to hold the
  // recorded bytes and is not even read, when `known` has the recorded hash. Null (`--verify`):
  // read and hash every file.
  const FileStamps* stamps = nullptr;
  // Files changed at or after this instant (ns since the epoch, CLOCK_REALTIME) get no stamp in
  // Corpus::stamps: they are racy (file_stamps.h). 0: the start of the load minus kRacyWindowNs.
  int64_t settled_before_ns = 0;
};

// What loading found wrong. Errors make the corpus unusable; warnings do not.
struct CorpusReport {
  std::vector<Status> errors;    // sorted by path, then line
  std::vector<Status> warnings;  // e.g. unknown front-matter fields
  int files_read = 0;            // entry files whose bytes were read (the rest: stamp unchanged)
  bool ok() const { return errors.empty(); }
};

// Loads and validates every entry under `root` (recursively, *.md except README.md at the root)
// and root/synonyms.tsv. Returns the corpus when there are no errors; otherwise a Status whose
// message summarizes, with every problem in `report`.
Result<Corpus> load_corpus(const std::string& root, const CorpusOptions& options, CorpusReport& report);

// Reads and parses the file at root/path (relative, as EntryVersion::path), with no known files.
Result<EntryVersion> load_entry(const std::string& root, const std::string& path);

// Parses one entry file's text (exposed for tests and fuzzing). `path` is used in messages.
Result<EntryVersion> parse_entry(std::string_view path, std::string_view bytes,
                                 std::vector<Status>* warnings = nullptr);

// Parses synonyms.tsv text: one group per line, members separated by tabs, '#' comments.
// A line with one member is an error; with `more_errors`, every such line after the first (which
// is the returned status) is appended there, so that validate lists them all.
Result<std::vector<SynonymGroup>> parse_synonyms(std::string_view path, std::string_view text,
                                                 std::vector<Status>* more_errors = nullptr);

}  // namespace madoguchi
