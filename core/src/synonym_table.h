// The index's synonym table as searchers read it: key (analyzed terms joined by spaces) -> its
// synonyms, in the synonym table's own order.
//
// Why a copy in the metadata: Xapian's remote backend (xapian-tcpsrv, how thin-client seats read
// a site's replica: README "A 50-seat, two-site deployment") answers synonym-table reads with
// nothing, so those seats searched without editors' groups and Sudachi's variants. Metadata does
// cross the remote protocol. The copy is stamped with the synonym hash it was made for: an index
// written before the copy existed, or whose table an older binary rewrote since, is read from its
// table.
//
// Thread rule: plain functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <xapian.h>

namespace madoguchi {

using SynonymTable = std::map<std::string, std::vector<std::string>, std::less<>>;

// The metadata value of `pairs` (key, synonym), for schema::kMetaSynonymPairs, made from the table
// whose schema::kMetaSynonymsHash is `synonyms_hash`.
std::string encode_synonym_pairs(const std::vector<std::pair<std::string, std::string>>& pairs,
                                 std::string_view synonyms_hash);
// Whether the index's copy was made for the table with `synonyms_hash`.
bool synonym_copy_current(const Xapian::Database& db, std::string_view synonyms_hash);

// The table from the metadata copy if the index has one, else from the synonym table.
SynonymTable read_synonym_table(const Xapian::Database& db);

}  // namespace madoguchi
