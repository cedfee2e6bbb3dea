// One MeCab model per dictionary per process, shared by every Searcher and thread.
#pragma once

#include <memory>

#include "madoguchi/analyzer.h"

namespace madoguchi {

// Thread-safe. Opens the dictionary on first use and keeps it while anyone holds it.
Result<std::shared_ptr<const Dictionary>> shared_dictionary(const AnalyzerOptions& options);

}  // namespace madoguchi
