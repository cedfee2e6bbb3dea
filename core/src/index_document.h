// One Xapian document per entry version: its terms (DESIGN §5, names in schema.h) and the data a
// hit needs for display. Shared by the index writer and the searcher so both read one format.
#pragma once

#include <string>
#include <vector>
#include <xapian.h>

#include "madoguchi/analyzer.h"
#include "madoguchi/corpus.h"
#include "madoguchi/versions.h"

namespace madoguchi {

// A sibling version as recorded in every version's document data.
struct SiblingVersion {
  VersionSpan span;
  std::string title;
};

struct StoredVersion {
  EntryVersion version;
  VersionSpan span;
  std::vector<SiblingVersion> siblings;  // every version of this id, oldest first (self included)
  int self_index = 0;
};

std::string uid_of(const std::string& id, Date effective);  // "id@YYYYMMDD"

std::string encode_data(const StoredVersion& stored);
Result<StoredVersion> decode_data(const std::string& data);

// Adds text, question, reading and boolean terms for `v` to `doc`.
void add_terms(Analyzer& analyzer, const EntryVersion& v, Xapian::Document& doc);

// Records that the version `doc` holds now lives in the file at `path` (moved or renamed, bytes
// unchanged): its data and its path term. False when it already did (nothing changed).
Result<bool> move_to_path(Xapian::Document& doc, const std::string& path);

// Sets the value slots (validity, id, hash, question length) for `stored`; after add_terms().
void set_values(const StoredVersion& stored, Xapian::Document& doc);

// Sets the question length slot (the re-ranker's) from the XQ terms `doc` already has.
void set_question_words(Xapian::Document& doc);

}  // namespace madoguchi
