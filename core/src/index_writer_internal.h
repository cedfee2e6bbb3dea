// The one write path shared by `index` (build_index) and `publish`/`rollback`: applies a corpus to
// a database inside ONE Xapian transaction and reports what changed per entry, so that publish
// can record the release in the same transaction.
#pragma once

#include <functional>
#include <string>
#include <vector>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/releases.h"

namespace madoguchi {

// One version's identity: its uid and the hash of its content (hex, as value slot 3 holds it).
struct VersionRef {
  std::string uid;
  std::string hash;
  bool operator==(const VersionRef&) const = default;
};

struct EntryChangeRecord {
  std::string id;
  ChangeKind kind = ChangeKind::kChanged;
  std::vector<VersionRef> before;  // sorted by uid
  std::vector<VersionRef> after;
};

struct WritePlan {
  std::vector<EntryChangeRecord> changes;  // sorted by id
  bool synonyms_changed = false;
  std::string synonyms_hash;
  std::string synonyms_json;  // the groups, for the release log
};

struct WriteOptions {
  AnalyzerOptions analyzer;
  std::function<Status()> before_commit;
  SudachiOptions sudachi;
  unsigned shards = 0;  // IndexOptions::shards
  // Keep the document data of every version that leaves the index under kMetaContent.
  bool keep_previous = false;
  // Called inside the transaction once documents are staged. Returning kOk with `*skip` set
  // cancels the transaction (publishing an unchanged corpus makes no release).
  std::function<Status(Xapian::WritableDatabase&, const WritePlan&, bool* skip)> record;
};

struct WriteResult {
  IndexStats stats;
  WritePlan plan;
  bool skipped = false;
};

Result<WriteResult> write_corpus(const Corpus& corpus, const std::string& db_dir, const WriteOptions& options);

}  // namespace madoguchi
