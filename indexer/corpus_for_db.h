// How `index` and `publish` read the corpus they are about to write into a database: files the
// database already holds are not parsed again (hash before parse), and files whose stamp did not
// change since the last run are not even read (stat first, file_stamps.h), unless --verify.
#pragma once

#include <string>

#include "madoguchi/corpus.h"
#include "madoguchi/file_stamps.h"

namespace madoguchi::cli {

inline constexpr const char* kVerifyHelp =
    "Read and hash every file, not only those whose size, times or inode changed since the last run";

class CorpusForDb {
 public:
  CorpusForDb(std::string db, bool verify) : db_(std::move(db)), verify_(verify) {}

  Result<Corpus> load(const std::string& root, CorpusOptions options, CorpusReport& report);
  // After a successful write: keeps the corpus's stamps for the next run. A cache, rewritten
  // only when a stamp changed; failing to write it costs time only.
  void remember(const Corpus& corpus) const;

 private:
  std::string db_;
  bool verify_;
  FileStamps previous_;
};

}  // namespace madoguchi::cli
