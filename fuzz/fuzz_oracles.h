// What each fuzz target checks, shared with tests/robustness/fuzz_regressions_test.cpp so that a
// saved crash input is replayed through exactly the code and invariants that found it.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::fuzz {

// Targets: "entry" (parse_entry), "analyzer" (Analyzer::analyze), "query" (Searcher::search on a
// small fixture index built on first use), "csv" (import_csv). Returns "" when every invariant
// holds, else what broke. A crash is a crash: no oracle catches it.
std::string check_input(std::string_view target, std::string_view bytes);

}  // namespace madoguchi::fuzz
