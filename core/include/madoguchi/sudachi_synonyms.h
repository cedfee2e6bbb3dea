// Sudachi's synonym dictionary (npm package sudachi-synonyms-dictionary, Apache-2.0; DESIGN §5,
// §9): reads the package's JSON and turns its groups into synonym-table pairs restricted to the
// words a corpus uses, editors' synonyms.tsv taking precedence. Index time only: seats read the
// pairs from the index's synonym table like editors' ones.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi {

// Which words of a Sudachi group count as synonyms of each other.
enum class SudachiScope {
  kOff,
  kSpelling,  // one form's spellings only (表記ゆれ, 異表記): same lexeme, form and abbreviation flags
  kLexeme,    // one lexeme (語彙番号): spellings plus abbreviations, translations, other names
  kAll,       // the whole group
  kNouns,     // the whole group, 体言 only
};

std::optional<SudachiScope> parse_sudachi_scope(std::string_view name);  // off|spelling|lexeme|all|nouns
std::string_view sudachi_scope_name(SudachiScope scope);

struct SudachiWord {
  std::string text;  // 見出し, as in the dictionary
  int lexeme = 0;    // 語彙番号 within the group
  std::string form;  // 語形種別 + 略語・略称 flags: equal within one lexeme means a spelling variant
  bool trigger = true;  // 展開制御 0; 1 = only ever expanded to (words with 2 are not loaded)
  bool noun = false;    // 体言
};

struct SudachiGroup {
  std::string id;
  std::vector<SudachiWord> words;
};

struct SudachiDictionary {
  std::string path;
  std::string version;  // from the package.json beside the file; "" when absent
  std::string hash;     // xxh64 of the file's bytes, hex
  std::vector<SudachiGroup> groups;
};

// Whether and how an index build adds Sudachi's groups (the library's default: not at all).
struct SudachiOptions {
  SudachiScope scope = SudachiScope::kOff;
  std::string path;  // the package's JSON; empty: default_sudachi_path()
};
// What `index`, `publish`, `rollback` and `eval` build with unless told otherwise, the same for
// all four so that eval measures what editors build: spelling variants when the dictionary is
// installed at default_sudachi_path() (measured on the dev split, README "Search quality"),
// else off.
SudachiOptions default_sudachi_options();

// The package's JSON where tools/setup.sh installs it:
// ${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/npm/node_modules/sudachi-synonyms-dictionary/.
std::string default_sudachi_path();

// The file's bytes with its identity (groups empty), so a build can tell by the hash whether the
// sets it kept are still current without parsing. A missing file is kNotFound.
struct SudachiFile {
  SudachiDictionary identity;  // path, version, hash
  std::string bytes;
};
Result<SudachiFile> read_sudachi_file(const std::string& path);

// Parses the file. Malformed content is kInvalidInput naming the file and line.
Result<SudachiDictionary> parse_sudachi_file(const SudachiFile& file);

// Both of the above.
Result<SudachiDictionary> load_sudachi_dictionary(const std::string& path);

// A scope's synonym sets with every word analyzed into its index key (space-separated terms),
// distinct keys only, sets of two or more: what depends on the dictionary and the analyzer but
// not on the corpus, so an index keeps it (encoded) and later builds skip the parse and analysis.
struct SudachiKey {
  std::string key;
  bool trigger = true;  // false: only ever a synonym, never a key (展開制御 1)
};
using SudachiKeySets = std::vector<std::vector<SudachiKey>>;

// `key_of` analyzes a word into its key ("" when it has no word terms).
SudachiKeySets sudachi_key_sets(const SudachiDictionary& dictionary, SudachiScope scope,
                                const std::function<std::string(const std::string&)>& key_of);
std::string encode_key_sets(const SudachiKeySets& sets);
SudachiKeySets decode_key_sets(std::string_view text);
// Where each term of encode_key_sets()'s `text` is: the sets (lines) with a key that has it, so
// that a run which changed a few words decodes only the few sets they are in.
std::string index_key_terms(std::string_view text);
// The sets of `text` with a key that has one of `terms`, found through its index_key_terms().
SudachiKeySets key_sets_with_terms(std::string_view text, std::string_view index,
                                   const std::set<std::string, std::less<>>& terms);

// Synonym-table pairs (key, synonym) from the sets: `in_corpus` says whether the corpus uses a
// key; keys in `editors` (from synonyms.tsv) take no Sudachi synonyms and are nobody's.
std::vector<std::pair<std::string, std::string>> sudachi_pairs(const SudachiKeySets& sets,
                                                               const std::function<bool(const std::string&)>& in_corpus,
                                                               const std::set<std::string>& editors);

// sudachi_pairs() of all the sets, from their pairs `before` when only keys of the sets `touched`
// may have started or stopped being in the corpus, and `touched` holds every set those keys are
// in. Equal to sudachi_pairs() of all the sets with the same `in_corpus` and `editors` (which
// must be those `before` was made with).
std::vector<std::pair<std::string, std::string>> update_sudachi_pairs(
    const std::vector<std::pair<std::string, std::string>>& before, const SudachiKeySets& touched,
    const std::function<bool(const std::string&)>& in_corpus, const std::set<std::string>& editors);

}  // namespace madoguchi
