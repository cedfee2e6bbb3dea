// The index's own reading vocabulary (every XR term), loaded once per revision: segments long
// unconverted kana runs against real readings instead of MeCab's guesses, completes the kana
// being typed, and finds readings one typo away (issue 10, items 3 and 5).
//
// Thread rule: immutable after load(); share between readers of the same revision.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace madoguchi {

struct KanaSegment {
  size_t begin = 0;  // code-point range in the segmented run
  size_t end = 0;
  std::string reading;  // the vocabulary reading matched ("" for a character left over)
  bool typo = false;    // matched one edit away (missed, extra, swapped or wrong kana)
  std::vector<std::string> near;  // with `typo`: every reading one edit away (`reading` is one)
  bool prefix = false;  // the run's unfinished end: a prefix of `reading`-starting words
};

// A span of the run that MeCab read as a word the vocabulary split would miss: a conjugated verb
// or adjective (くらく, read as its base form's reading くらい) or a one-kana noun (す, 巣).
struct MecabWord {
  size_t begin = 0;  // code-point range in the run
  size_t end = 0;
  std::string reading;  // what the piece is read as
};

class ReadingVocabulary {
 public:
  // Reads every term with `prefix` (the reading field) from `db`. Throws Xapian::Error.
  void load(const Xapian::Database& db, const std::string& prefix);

  // The index words read as `reading` (保健所 for ほけんじよ), most documents first; at most a few.
  const std::vector<std::string>& words_read_as(const std::string& reading) const;

  bool contains(std::string_view reading) const;
  // How many documents hold `reading` (0 if none): breaks ties between equally long splits.
  uint32_t frequency(std::string_view reading) const;
  bool has_prefix(std::string_view reading) const;  // some reading starts with it
  size_t size() const { return words_.size(); }

  // Readings within one edit (OSA distance) of `word`, for words of 3 or more kana.
  std::vector<std::string> one_edit_away(const std::u32string& word) const;

  // Best segmentation of a hiragana run (folded, no spaces): vocabulary words of two or more kana,
  // longest cover first, then words found in more documents; with `typos`, words one edit away where nothing exact fits; with
  // `open_end`, the last piece may be a prefix of a word (the operator is still typing).
  // `max_word`: longest word (in kana) to use, e.g. to split a compound's reading into its parts.
  // `mecab_words`: spans that may also be one piece each, scored as an exact word of their length.
  std::vector<KanaSegment> segment(std::string_view run, bool typos, bool open_end, size_t max_word = 64,
                                   const std::vector<MecabWord>& mecab_words = {}) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> words_read_as_;
  std::vector<std::string> words_;                        // sorted
  std::vector<uint32_t> frequencies_;                     // document frequency of words_[i]
  std::vector<std::pair<uint64_t, uint32_t>> deletions_;  // hash(word minus one kana) -> word, sorted
  size_t max_length_ = 0;                                 // in code points
};

}  // namespace madoguchi
