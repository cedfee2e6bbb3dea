// Builds or updates an index from a corpus (DESIGN §5). Incremental: files whose content hash is
// unchanged are not analyzed again; entries whose files are gone are removed. Atomic: all changes
// go into one Xapian transaction, so a failure (or a kill) leaves the previous index serving.
//
// `index` is the editors' local build: it records no release and refuses a database that has
// releases (use publish, releases.h, which shares this write path and records every change).
//
// Thread rule: one IndexWriter per database at a time (Xapian's write lock enforces it).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/status.h"
#include "madoguchi/sudachi_synonyms.h"

namespace madoguchi {

struct IndexOptions {
  AnalyzerOptions analyzer;  // used when creating a new index; an existing one must match
  SudachiOptions sudachi;  // Sudachi's synonym groups, if any (the CLI: default_sudachi_options())
  // Called after the changes are staged and before the commit (tests use it to fail a build
  // midway and check that nothing changed). Returning a non-ok Status aborts the build.
  std::function<Status()> before_commit;
  // A new index is written by this many writers at once, then joined (sharded_build.h); 1: one
  // writer fed by the analysis threads; 0: one per core (at most 4).
  unsigned shards = 0;
};

struct IndexStats {
  int entries = 0;         // distinct ids in the index after the build
  int versions = 0;        // documents
  int analyzed = 0;        // files analyzed this run
  int unchanged = 0;       // files skipped because their hash matched
  int removed = 0;         // documents removed (files gone)
  int upgraded = 0;        // unchanged documents given a value slot added since they were written
  int synonym_groups = 0;
  int sudachi_pairs = 0;  // synonym-table pairs from Sudachi's dictionary
  int sudachi_keys_checked = 0;  // Sudachi keys looked up: all, or those whose words a small run changed
  double seconds = 0;
};

// The files the index at `db_dir` holds, by content hash, for CorpusOptions::known: load_corpus
// then skips parsing them. Empty when there is no index there, or when it was written by a build
// that did not record what incremental runs need (kMetaCharsetCounts); never fails.
KnownFiles known_files(const std::string& db_dir);

// Validates `corpus` against the index at `db_dir` (creating it if absent) and applies it.
// `corpus` may hold unparsed versions (CorpusOptions::known) of the files this index holds.
Result<IndexStats> build_index(const Corpus& corpus, const std::string& db_dir,
                               const IndexOptions& options = {});

}  // namespace madoguchi
