// What every subcommand shares: exit codes (DESIGN §8), printing a Status, JSON of core types.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "madoguchi/date.h"
#include "madoguchi/searcher.h"
#include "madoguchi/status.h"

namespace madoguchi::cli {

enum Exit : int { kExitOk = 0, kExitBadInput = 1, kExitUsage = 2, kExitFailure = 3 };

int exit_code_for(const Status& status);
// Prints "path:line: error: message" to stderr and returns the exit code for it.
int report(const Status& status);
// Prints "path:line: warning: ..." to stderr.
void print_warning(const Status& warning);
// Prints errors and warnings to stderr in one list sorted by path, then line.
void print_problems(const std::vector<Status>& errors, const std::vector<Status>& warnings);

// CLI11's check for --as-of and --today: a date the index can answer for. An empty value is
// refused too (it used to mean today, unnoticed), and so is 9999-12-31, the index's "no end".
CLI::Validator date_check();

// Parses a --as-of / --today value; prints a usage error when malformed.
std::optional<Date> parse_date_option(const std::string& text, const char* option, bool& ok);

// The clock for this run: --today when given, else MADOGUCHI_TODAY, else Japan's date.
Clock make_clock(const std::string& today_option, bool& ok);

nlohmann::json hit_json(const Hit& hit);
nlohmann::json version_json(const VersionDetail& v);

// Marks highlight ranges for a terminal: bold when stdout is a TTY, 【】 otherwise.
std::string mark_highlights(const std::string& text, const std::vector<std::pair<size_t, size_t>>& ranges);

}  // namespace madoguchi::cli
