// A fresh full build on every core. Only one thread may write a Xapian database, and adding the
// documents (inverting them, zlib of every termlist and document data) is about half of a build:
// one writer thread was the bottleneck however many analysis threads fed it. So a new database's
// documents are written into several temporary databases ("shards") at once, each by its own
// thread over a consecutive run of the jobs, and Xapian::Compactor joins them in that order: its
// renumbering gives the documents the ids one writer would have given (docs/performance.md,
// "Full build, fourth look").
//
// Thread rule: call from one thread; it starts and joins its own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis_pipeline.h"
#include "madoguchi/analyzer.h"
#include "madoguchi/status.h"

namespace madoguchi {

// How many shards a fresh build of `jobs` documents is written in: `requested` (IndexOptions::shards),
// or with 0 one per core, at most kMaxAutoShards, never more than there are jobs. On two idle
// cores two shards took 116 -> 65 s at 100k entries, 19.2 -> 14.6 s at 20k, 2.7 -> 1.95 s at 2k
// and no longer for the 266-entry sample (0.68 -> 0.64 s): the writer was the bottleneck
// (docs/performance.md, "Full build on every core").
// Each shard buffers up to Xapian's flush threshold of documents (10,000) before writing them:
// peak memory grows with the shards (100k entries: 633 MB with one writer, 713 MB with two).
inline constexpr unsigned kMaxAutoShards = 4;
unsigned shards_for(size_t jobs, unsigned requested);

// The temporary database directories of a build into `out_dir`: "<out_dir>.shard-N".
std::string shard_dir(const std::string& out_dir, unsigned n);

// Builds the documents of `jobs` into `shards` temporary databases and compacts them, in order,
// into a new database at `out_dir` (which must not exist). The shards are removed, also on
// failure. Throws what a shard's analysis threw; Xapian errors as Xapian::Error.
void build_sharded(std::shared_ptr<const Dictionary> dictionary, const std::vector<DocumentJob>& jobs,
                   const std::string& out_dir, unsigned shards);

}  // namespace madoguchi
