// Names that reach disk: Xapian term prefixes, value slots and metadata keys. They are read back
// by older and newer builds alike: NEVER renumber or rename; add new ones at the end and bump
// kSchemaVersion when the meaning of stored data changes. docs/index-schema.md has the table.
#pragma once

#include <string_view>

namespace madoguchi::schema {

inline constexpr int kSchemaVersion = 1;

// Term prefixes (free text).
inline constexpr std::string_view kText = "";            // all searchable text: base forms
inline constexpr std::string_view kQuestion = "XQ";      // title + question + tags
inline constexpr std::string_view kReading = "XR";       // hiragana readings of every content word
inline constexpr std::string_view kQuestionReading = "XQR";  // readings of title + question + tags
inline constexpr std::string_view kBigram = "XB";        // character bigrams of every searchable part
inline constexpr std::string_view kReadingOf = "XK";     // boolean: "reading term" pairs (kana -> words)
// Boolean filter terms.
inline constexpr std::string_view kUid = "Q";            // one per version: "id@YYYYMMDD"
inline constexpr std::string_view kId = "XID";           // entry id (shared by its versions)
inline constexpr std::string_view kCategory = "XCAT";
inline constexpr std::string_view kType = "XTYPE";
inline constexpr std::string_view kMunicipality = "XMUNI";
inline constexpr std::string_view kPath = "XPATH";       // source file, for incremental builds

// Value slots.
inline constexpr unsigned kSlotEffective = 0;  // YYYYMMDD, inclusive
inline constexpr unsigned kSlotUntil = 1;      // YYYYMMDD, exclusive; 99991231 = no end
inline constexpr unsigned kSlotId = 2;         // entry id: collapse key (one hit per id)
inline constexpr unsigned kSlotFileHash = 3;   // xxh64 hex of the source file
inline constexpr unsigned kSlotQuestionWords = 4;  // distinct XQ terms (sortable_serialise): for re-ranking

// Metadata keys.
inline constexpr std::string_view kMetaAnalyzer = "madoguchi.analyzer";   // AnalyzerIdentity JSON
inline constexpr std::string_view kMetaSchema = "madoguchi.schema";       // kSchemaVersion
inline constexpr std::string_view kMetaCharset = "madoguchi.charset";     // every character used
inline constexpr std::string_view kMetaEntryCount = "madoguchi.entries";  // distinct ids
inline constexpr std::string_view kMetaBuiltAt = "madoguchi.built_at";    // ISO time of last write
// Per character of kMetaCharset, how many versions use it ("hex count" lines): keeps the charset
// exact on incremental runs that do not parse unchanged files (absent in older indexes).
inline constexpr std::string_view kMetaCharsetCounts = "madoguchi.charset_counts";

// Releases (issue 4, docs/releases.md). All written in the same transaction as the documents.
inline constexpr std::string_view kMetaRelease = "madoguchi.release";             // latest release number
inline constexpr std::string_view kMetaReleaseInfo = "madoguchi.releases.";       // + %08d: ReleaseInfo JSON
inline constexpr std::string_view kMetaReleaseChanges = "madoguchi.changes.";     // + %08d: entry changes JSON
inline constexpr std::string_view kMetaEntryHistory = "madoguchi.history.";       // + id: release numbers
inline constexpr std::string_view kMetaContent = "madoguchi.content.";            // + hash: previous document data
inline constexpr std::string_view kMetaSynonymsHash = "madoguchi.synonyms_hash";  // xxh64 of the groups
inline constexpr std::string_view kMetaSynonyms = "madoguchi.synonyms.";          // + hash: groups JSON
// The synonym table again, as "key\tsynonym" lines after a "v1 SYNONYMS_HASH" line: the remote backend
// (xapian-tcpsrv) returns no synonyms, metadata it does (synonym_table.h).
inline constexpr std::string_view kMetaSynonymPairs = "madoguchi.synonym_pairs";
inline constexpr std::string_view kMetaSudachi = "madoguchi.sudachi";  // Sudachi dictionary version, hash, scope
inline constexpr std::string_view kMetaSudachiKeys = "madoguchi.sudachi_keys";  // its analyzed sets (encode_key_sets)
// Where each term of those sets is (index_key_terms), after the xxh64 of the sets it indexes.
inline constexpr std::string_view kMetaSudachiTerms = "madoguchi.sudachi_terms";

}  // namespace madoguchi::schema
