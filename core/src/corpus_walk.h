// Finds a corpus's entry files: one walk with openat/readdir/fstatat on names, which also takes
// each file's stamp (file_stamps.h). std::filesystem's iterator built several path objects per
// file, a quarter of an unchanged 100k load.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "madoguchi/file_stamps.h"
#include "madoguchi/status.h"

namespace madoguchi {

struct FoundFile {
  std::string rel;                 // relative to the root, '/'-separated (as EntryVersion::path)
  std::optional<FileStamp> stamp;  // stat() at the walk, before any read; nullopt if it failed
};

// Every *.md file under the canonical directory `root`, recursively, except README.md and names
// starting with '.' (hidden directories are not entered), sorted by path component by component.
// Symbolic links are followed to files inside the root; one leading outside, or to nothing, is
// refused with an error in `errors`; one to a directory is not entered (that directory is walked
// in place). A directory or link that cannot be read is an error too: the corpus is read whole or
// not at all.
std::vector<FoundFile> find_entry_files(const std::string& root, std::vector<Status>& errors);

}  // namespace madoguchi
