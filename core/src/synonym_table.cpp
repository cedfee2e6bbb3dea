#include "synonym_table.h"

#include <algorithm>

#include "madoguchi/schema.h"

namespace madoguchi {
namespace {

// "v1 HASH\n": the synonym hash (schema::kMetaSynonymsHash) of the table the copy was made from.
std::string header_of(std::string_view synonyms_hash) { return "v1 " + std::string(synonyms_hash) + "\n"; }

}  // namespace

std::string encode_synonym_pairs(const std::vector<std::pair<std::string, std::string>>& pairs,
                                 std::string_view synonyms_hash) {
  std::string out = header_of(synonyms_hash);
  for (const auto& [key, synonym] : pairs) out += key + "\t" + synonym + "\n";
  return out;
}

bool synonym_copy_current(const Xapian::Database& db, std::string_view synonyms_hash) {
  const std::string header = header_of(synonyms_hash);
  return db.get_metadata(std::string(schema::kMetaSynonymPairs)).compare(0, header.size(), header) == 0;
}

SynonymTable read_synonym_table(const Xapian::Database& db) {
  SynonymTable table;
  const std::string copy = db.get_metadata(std::string(schema::kMetaSynonymPairs));
  const std::string header = header_of(db.get_metadata(std::string(schema::kMetaSynonymsHash)));
  if (copy.compare(0, header.size(), header) != 0) {
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
      auto& synonyms = table[*k];
      for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) synonyms.push_back(*s);
    }
    return table;
  }
  std::string_view rest = std::string_view(copy).substr(header.size());
  while (!rest.empty()) {
    const size_t eol = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    table[std::string(line.substr(0, tab))].emplace_back(line.substr(tab + 1));
  }
  // The synonym table's order (sorted, each synonym once), so that both sources plan alike.
  for (auto& [key, synonyms] : table) {
    std::sort(synonyms.begin(), synonyms.end());
    synonyms.erase(std::unique(synonyms.begin(), synonyms.end()), synonyms.end());
  }
  return table;
}

}  // namespace madoguchi
