// JSON and text shapes of releases, diffs and histories (docs/releases.md), shared by publish,
// releases, diff, history and rollback.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "madoguchi/releases.h"

namespace madoguchi::cli {

nlohmann::json release_json(const ReleaseInfo& r);
nlohmann::json entry_change_json(const EntryChange& c);
nlohmann::json publish_json(const PublishResult& r);

std::string release_line(const ReleaseInfo& r);        // one line for people
// A version's uid for people: "isolation@20220907", or "isolation (no date)" for a version with no
// effective date (stored as 0001-01-01, which reads like a real date).
std::string uid_for_people(const std::string& uid);
void print_entry_change(const EntryChange& c);         // word diffs, colored on a terminal
void print_publish(const PublishResult& r, const std::string& db);

// Sets XAPIAN_MAX_CHANGESETS (unless the environment already does) so that replicas receive
// changesets instead of full copies: Xapian reads it when the publisher opens the database.
void enable_changesets();

// The author when --author is not given: $MADOGUCHI_AUTHOR, $USER, $LOGNAME, or "unknown".
std::string default_author();

}  // namespace madoguchi::cli
