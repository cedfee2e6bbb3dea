// Releases of a live database (DESIGN §7, docs/releases.md): `publish` applies a corpus as ONE
// Xapian transaction that also records the release (number, time, author, message, and every
// entry added, changed or withdrawn with its previous content); `rollback` publishes a new
// release restoring an old state; ReleaseLog reads releases, diffs between any two of them and
// the history of one entry, for the CLI and the viewer (banner, changes panel, history view).
//
// Thread rule: publish()/rollback() take Xapian's write lock (a second publisher fails with
// kIOError at once, nothing interleaves). ReleaseLog is one per thread: it owns a Database.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/status.h"

namespace madoguchi {

struct ReleaseInfo {
  int number = 0;          // 1, 2, 3 ... (our own metadata, not Xapian's revision)
  std::string time;        // UTC, ISO 8601 ("2026-11-25T05:12:00Z")
  std::string author;
  std::string message;
  std::string kind = "publish";  // publish | rollback
  int rollback_to = 0;     // for kind == rollback: the release whose state was restored
  int added = 0;           // entries (ids), not versions
  int changed = 0;
  int withdrawn = 0;
  bool synonyms_changed = false;
  std::string synonyms_hash;  // identifies the synonym groups in force after this release
};

enum class ChangeKind { kAdded, kChanged, kWithdrawn };
std::string_view to_string(ChangeKind kind);  // added | changed | withdrawn

// Word-level diff: pieces in order; kSame pieces appear in both texts.
struct DiffPiece {
  enum Op { kSame, kDeleted, kInserted };
  Op op = kSame;
  std::string text;
};
using WordDiff = std::vector<DiffPiece>;

// Diffs two Japanese texts morpheme by morpheme (Analyzer::segment + dtl); adjacent pieces of the
// same kind are merged.
WordDiff word_diff(Analyzer& analyzer, std::string_view before, std::string_view after);
// git --word-diff=plain style: "[-削除-]{+追加+}".
std::string render_plain(const WordDiff& diff);

struct FieldChange {
  std::string field;  // title | body | type | category | tags | municipalities | effective | expires | source
  std::string before;
  std::string after;
  WordDiff diff;
};

struct VersionChange {
  std::string uid;  // "id@YYYYMMDD" (00010101 = no effective date)
  ChangeKind kind = ChangeKind::kChanged;  // added: a new version; withdrawn: the version is gone
  std::optional<EntryVersion> before;
  std::optional<EntryVersion> after;
  // For an added version of an existing entry, the diff is against the version it follows
  // (a policy update is usually a new dated version); empty when there is nothing to compare.
  std::string compared_with;
  std::vector<FieldChange> fields;  // only the fields that differ
};

struct EntryChange {
  std::string id;
  std::string title;  // the latest title (before the change, if withdrawn)
  ChangeKind kind = ChangeKind::kChanged;
  std::vector<VersionChange> versions;
};

struct ReleaseDiff {
  int from = 0;
  int to = 0;
  std::vector<ReleaseInfo> releases;  // the releases in between (from, to], oldest first
  std::vector<EntryChange> entries;   // sorted by id; entries changed and changed back are omitted
  bool synonyms_changed = false;
};

// Releases in which one version's content was live: from published_in up to removed_in.
struct LiveSpan {
  int published_in = 0;  // release that brought the content in (0: before the first release)
  int removed_in = 0;    // release that replaced or withdrew it (0: still live)
};

// One version of an entry as it ever existed in a release.
struct HistoricVersion {
  std::string uid;
  std::string hash;  // content hash (xxh64 of the source file, hex)
  EntryVersion content;
  // Oldest first; more than one when the same content came back (a rollback, an edit undone,
  // an entry withdrawn and added again).
  std::vector<LiveSpan> spans;
  bool live() const { return !spans.empty() && spans.back().removed_in == 0; }
};

struct EntryHistory {
  std::string id;
  std::vector<HistoricVersion> versions;  // in order of publication
  struct Touch {
    ReleaseInfo release;
    EntryChange change;
  };
  std::vector<Touch> releases;  // every release that touched the entry, oldest first
};

struct PublishOptions {
  std::string message;  // required
  std::string author;
  AnalyzerOptions analyzer;  // for a new database; an existing one must match
  SudachiOptions sudachi;    // as IndexOptions::sudachi
  // Called after everything is staged, before the commit; a non-ok Status aborts (tests).
  std::function<Status()> before_commit;
};

struct PublishResult {
  bool unchanged = false;  // nothing to publish: no release was made
  ReleaseInfo release;     // the new release (when !unchanged), or the current one
  IndexStats stats;
};

// Validated corpus in, one release out (or `unchanged`). A crash at any point leaves the
// previous release whole. kIOError when another publisher holds the lock.
Result<PublishResult> publish(const Corpus& corpus, const std::string& db_dir, const PublishOptions& options);

// Publishes a new release whose entries and synonyms are those of release `to`.
// kNotFound when `to` is not a release of this database.
Result<PublishResult> rollback(const std::string& db_dir, int to, const PublishOptions& options);

class ReleaseLog {
 public:
  // Opens read-only (a local directory, a replica or a remote stub).
  static Result<std::unique_ptr<ReleaseLog>> open(const std::string& db_dir);
  ~ReleaseLog();

  // Picks up newer releases (reopen, or open anew for a re-copied replica). True if changed.
  bool refresh();
  // refresh() that says whether the database could be read at all, for a seat that must show
  // when it last checked successfully (DESIGN §7): the latest release after picking up new
  // commits (nullopt: nothing published yet), or the error (kIOError for an unreachable remote,
  // a replica gone missing). A failed check leaves the previous state readable.
  Result<std::optional<ReleaseInfo>> check();

  std::optional<ReleaseInfo> current();  // nullopt: nothing published yet
  Result<std::vector<ReleaseInfo>> list();  // oldest first
  Result<ReleaseInfo> info(int number);
  // What changed from release `from` to release `to` (0 = before the first release); `from` may
  // be greater than `to` (what a rollback would change). The viewer's changes panel calls
  // changes(acknowledged, current()->number).
  Result<ReleaseDiff> changes(int from, int to);
  // Every version of `id` and every release that touched it, even after it was withdrawn.
  Result<EntryHistory> history(const std::string& id);

 private:
  struct Impl;
  explicit ReleaseLog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace madoguchi
