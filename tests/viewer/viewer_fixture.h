// The viewer tests' own Japanese corpus (independent of corpus/): versions with a previous and an
// upcoming wording, Markdown with lists, a table, emphasis and a link, a talk script, routing, a
// withdrawn entry, new and upcoming-only entries, kana-findable kanji (保健所, 咳).
// "Today" for these tests is 2023-05-10.
#pragma once

#include <string>

#include "madoguchi/date.h"
#include "test_support.h"

namespace madoguchi::viewer::test {

inline constexpr const char* kToday = "2023-05-10";
inline Date today() { return *Date::parse(kToday); }

void write_viewer_corpus(const std::filesystem::path& dir);

// Writes the corpus under `tmp`/corpus and indexes it into `tmp`/db with the real CLI; returns
// the index directory. REQUIRES: the CLI built (tests depend on it).
std::string build_viewer_index(const madoguchi::test::TempDir& tmp);

// The answer of fever-consult's version in force on kToday, as the clipboard should receive it.
extern const char* const kFeverAnswerPlain;

}  // namespace madoguchi::viewer::test
