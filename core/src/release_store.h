// How releases are laid out in Xapian metadata (names in schema.h, docs/releases.md): encoding
// and decoding only, shared by the publisher, ReleaseLog and the Searcher's release() accessor.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "index_writer_internal.h"
#include "madoguchi/releases.h"

namespace madoguchi {

std::string release_info_key(int number);     // madoguchi.releases.00000042
std::string release_changes_key(int number);  // madoguchi.changes.00000042
std::string entry_history_key(const std::string& id);

std::string encode_release_info(const ReleaseInfo& info);
Result<ReleaseInfo> decode_release_info(const std::string& json);

std::string encode_changes(const std::vector<EntryChangeRecord>& changes);
Result<std::vector<EntryChangeRecord>> decode_changes(const std::string& json);

// The latest release number (0 when nothing was published). Throws Xapian::Error.
int latest_release(const Xapian::Database& db);
// The latest release's info, or nullopt. Throws Xapian::Error.
std::optional<ReleaseInfo> latest_release_info(const Xapian::Database& db);

std::string utc_now_iso();

}  // namespace madoguchi
