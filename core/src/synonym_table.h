// The index's synonym table as searchers read it: key (analyzed terms joined by spaces) -> its
// synonyms, in the synonym table's own order.
//
// Why a copy in the metadata: Xapian's remote backend (xapian-tcpsrv, how thin-client seats read
// a site's replica: README "A 50-seat, two-site deployment") answers synonym-table reads with
// nothing, so those seats searched without editors' groups and Sudachi's variants. Metadata does
// cross the remote protocol. An index written before the copy existed is read from its table.
//
// Thread rule: plain functions.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace madoguchi {

using SynonymTable = std::map<std::string, std::vector<std::string>, std::less<>>;

// The metadata value of `pairs` (key, synonym), for schema::kMetaSynonymPairs.
std::string encode_synonym_pairs(const std::vector<std::pair<std::string, std::string>>& pairs);

// The table from the metadata copy if the index has one, else from the synonym table.
SynonymTable read_synonym_table(const Xapian::Database& db);

}  // namespace madoguchi
