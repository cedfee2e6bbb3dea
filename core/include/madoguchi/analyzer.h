// Japanese text analysis shared by the indexer and the searcher: NFKC + case folding (utf8proc),
// then MeCab. Index and query text MUST go through the same Analyzer, and the index records the
// Dictionary identity so that a mismatch is refused instead of silently returning bad results.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi {

// Bump when normalization or term generation changes what terms a text produces: indexes built
// with another version are refused (kIncompatibleIndex) and must be rebuilt.
inline constexpr int kAnalysisVersion = 4;

struct AnalyzerOptions {
  // "ipadic" (mecab-ipadic-utf8, the default: see README "Dictionary") or "unidic".
  std::string profile = "ipadic";
  // Dictionary directory; empty means the profile's Debian directory. Never /etc/mecabrc's
  // "debian" alternative, which silently switches when unidic-mecab is installed.
  std::string dictionary_dir;

  // Reads MADOGUCHI_DICTIONARY (profile) and MADOGUCHI_DICDIR (directory) when set.
  static AnalyzerOptions from_environment();
};

// What an index records about the analyzer that built it.
struct AnalyzerIdentity {
  std::string profile;
  std::string dictionary_dir;
  std::string sys_dic_hash;  // xxh64 of sys.dic, hex: MeCab's own info is the same for both
  int analysis_version = kAnalysisVersion;

  std::string to_json() const;
  static Result<AnalyzerIdentity> from_json(std::string_view json);
  bool operator==(const AnalyzerIdentity&) const = default;
};

enum class TokenKind {
  kWord,      // one MeCab morpheme kept as a content word
  kCompound,  // a run of adjacent nouns joined (濃厚接触者), besides its parts
  kNgram,     // character bigram of an unknown word, so that it is never lost
};

struct Token {
  std::string term;     // normalized base form (原形), the index term
  std::string surface;  // normalized surface form
  std::string reading;  // folded hiragana reading, small kana as large ("" when the dictionary has none)
  size_t begin = 0;     // byte range in the ORIGINAL text given to analyze()
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  int position = 0;     // word position (compounds and n-grams share their first part's)
  bool unknown = false; // MeCab had no dictionary entry for it
  bool noun = false;    // a noun (or a noun suffix), not a verb, adjective or adverb
  bool suffix = false;  // a noun suffix (さ of だるさ, 市 of 尼崎市)
};

// The loaded MeCab model. Immutable after open(): share one per process across threads.
class Dictionary {
 public:
  static Result<std::shared_ptr<const Dictionary>> open(const AnalyzerOptions& options);
  virtual ~Dictionary() = default;
  virtual const AnalyzerIdentity& identity() const = 0;
};

// One per thread (owns a MeCab tagger and lattice). Cheap to create from a shared Dictionary.
class Analyzer {
 public:
  explicit Analyzer(std::shared_ptr<const Dictionary> dictionary);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Content tokens of `text` in order (particles, auxiliary verbs and symbols dropped; numbers
  // and Latin words kept), plus compounds and n-grams. Invalid UTF-8 is replaced, never fatal.
  // `normalized`, when given, receives normalize_text(text) (the indexer needs both).
  std::vector<Token> analyze(std::string_view text, std::string* normalized = nullptr);

  // Every morpheme of `text` as written (no normalization, nothing dropped), plus the spaces
  // MeCab skips, as byte ranges that tile `text` exactly: for word-level diffs, not for indexing.
  std::vector<std::pair<size_t, size_t>> segment(std::string_view text);

  const AnalyzerIdentity& identity() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Text helpers shared by analysis and search (same rules on both sides).
std::string normalize_text(std::string_view text);   // NFKC + case fold
std::string to_hiragana(std::string_view text);      // katakana -> hiragana, others unchanged
bool is_kana_only(std::string_view text);            // hiragana/katakana/ー only, non-empty

}  // namespace madoguchi
