// Reads a whole file into a string with stdio (one 64 KiB buffer, no iostreams): the corpus
// walk calls it for every changed entry, so it stays cheap.
#pragma once

#include <optional>
#include <string>

namespace madoguchi {

// The file's bytes, or nullopt if it cannot be opened or read.
std::optional<std::string> read_whole_file(const std::string& path);

}  // namespace madoguchi
