#include "reading_vocabulary.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>
#include <xxhash.h>

#include "kana.h"
#include "normalizer.h"
#include "madoguchi/schema.h"
#include "phrasing_words.h"

namespace madoguchi {
namespace {

constexpr size_t kMinTypoLength = 3;   // a term of three or more kana (issue 10)
constexpr size_t kMaxWordLength = 16;  // longer readings are compounds of shorter ones
constexpr size_t kMaxWordsPerReading = 6;  // homophones beyond these are rare words
constexpr size_t kMaxTypoLength = 8;       // longer typed pieces: lookups cost more than they find
// An exact word also scores this × ln(1 + its document frequency): between splits that cover
// about as much, the one made of common words wins (ごみ|に, not ご|みに; はち|の, not は|ちの).
// Measured on the dev split (0 -> 0.05, 0.1, 0.2, 0.4, 0.5, 0.6, 1.0): hiragana 0.474 -> 0.486,
// 0.490, 0.489, 0.496, 0.497, 0.500, 0.498, both halves; kanji queries unchanged.
constexpr double kFrequencyWeight = 0.5;

uint64_t hash_of(const std::u32string& s) { return XXH3_64bits(s.data(), s.size() * sizeof(char32_t)); }

// Optimal string alignment distance, stopping early above 1.
bool within_one_edit(const std::u32string& a, const std::u32string& b) {
  if (a == b) return true;
  const size_t n = a.size(), m = b.size();
  if (n + 1 < m || m + 1 < n) return false;
  size_t i = 0;
  while (i < n && i < m && a[i] == b[i]) ++i;
  if (n == m) {
    if (a.compare(i + 1, std::u32string::npos, b, i + 1, std::u32string::npos) == 0) return true;  // wrong kana
    return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.compare(i + 2, std::u32string::npos, b, i + 2, std::u32string::npos) == 0;  // swapped
  }
  const std::u32string& longer = n > m ? a : b;
  const std::u32string& shorter = n > m ? b : a;
  return longer.compare(i + 1, std::u32string::npos, shorter, i, std::u32string::npos) == 0;  // missed/extra
}

// Decodes UTF-8 into `out`, reusing its storage (to_u32 allocates a string per call).
void decode_into(std::string_view text, std::u32string& out) {
  out.clear();
  for (size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
}

// Sorts the deletion index by hash, keeping equal hashes in the order given: load() adds them by
// ascending word id, so this is the order std::sort on the (hash, id) pairs gives. A stable LSD
// radix sort (four 16-bit digits): at 100k entries std::sort was 67 M of load()'s 172 M
// instructions, and load() is on the way to the first search and to every new revision.
void sort_by_hash(std::vector<std::pair<uint64_t, uint32_t>>& v) {
  std::vector<std::pair<uint64_t, uint32_t>> out(v.size());
  std::vector<size_t> start(size_t(1) << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(start.begin(), start.end(), 0);
    for (const auto& e : v) ++start[(e.first >> shift) & 0xFFFF];
    size_t sum = 0;
    for (size_t& s : start) sum += std::exchange(s, sum);
    for (const auto& e : v) out[start[(e.first >> shift) & 0xFFFF]++] = e;
    v.swap(out);
  }
}

}  // namespace

void ReadingVocabulary::load(const Xapian::Database& db, const std::string& prefix) {
  words_.clear();
  frequencies_.clear();
  deletions_.clear();
  max_length_ = 0;
  // allterms walks the terms in byte order, which is std::string's order: words_ comes out sorted.
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    std::string word = *t;
    word.erase(0, prefix.size());
    words_.push_back(std::move(word));
    frequencies_.push_back(t.get_termfreq());
  }
  assert(std::is_sorted(words_.begin(), words_.end()));
  std::u32string w, d;  // reused: no allocation per word or per deletion
  for (uint32_t id = 0; id < words_.size(); ++id) {
    decode_into(words_[id], w);
    if (w.size() > kMaxWordLength) continue;
    max_length_ = std::max(max_length_, w.size());
    if (w.size() < kMinTypoLength) continue;
    for (size_t i = 0; i < w.size(); ++i) {
      if (i > 0 && w[i] == w[i - 1]) continue;  // same deletion as the previous one
      d.assign(w, 0, i);
      d.append(w, i + 1);
      deletions_.emplace_back(hash_of(d), id);
    }
  }
  sort_by_hash(deletions_);

  // "reading word" pairs. A reading has no space, so all pairs of one reading share the prefix
  // "reading " and are consecutive in term order: each group is complete when the next begins,
  // with no map of every pair to build first.
  words_read_as_.clear();
  std::string reading;
  std::vector<std::pair<Xapian::doccount, std::string>> words;  // the current reading's, in term order
  auto finish_reading = [&] {
    if (words.empty()) return;
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    auto& out = words_read_as_[reading];
    for (size_t i = 0; i < words.size() && i < kMaxWordsPerReading; ++i) out.push_back(std::move(words[i].second));
    words.clear();
  };
  const std::string pair_prefix(schema::kReadingOf);
  for (auto t = db.allterms_begin(pair_prefix); t != db.allterms_end(pair_prefix); ++t) {
    const std::string term = *t;
    const std::string_view pair = std::string_view(term).substr(pair_prefix.size());
    const size_t space = pair.find(' ');
    if (space == std::string_view::npos) continue;
    if (pair.substr(0, space) != reading) {
      finish_reading();
      reading.assign(pair.substr(0, space));
    }
    words.emplace_back(t.get_termfreq(), std::string(pair.substr(space + 1)));
  }
  finish_reading();
}

const std::vector<std::string>& ReadingVocabulary::words_read_as(const std::string& reading) const {
  static const std::vector<std::string> kNone;
  auto it = words_read_as_.find(reading);
  return it == words_read_as_.end() ? kNone : it->second;
}

bool ReadingVocabulary::contains(std::string_view reading) const {
  return std::binary_search(words_.begin(), words_.end(), reading, std::less<>());
}

uint32_t ReadingVocabulary::frequency(std::string_view reading) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), reading, std::less<>());
  if (it == words_.end() || *it != reading) return 0;
  return frequencies_[size_t(it - words_.begin())];
}

bool ReadingVocabulary::has_prefix(std::string_view reading) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), reading, std::less<>());
  return it != words_.end() && std::string_view(*it).substr(0, reading.size()) == reading;
}

std::vector<std::string> ReadingVocabulary::one_edit_away(const std::u32string& word) const {
  std::vector<std::string> out;
  if (word.size() + 1 < kMinTypoLength) return out;
  auto add_words_with_deletion = [&](const std::u32string& key) {
    auto range = std::equal_range(deletions_.begin(), deletions_.end(), std::make_pair(hash_of(key), uint32_t(0)),
                                  [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = range.first; it != range.second; ++it) {
      const std::string& w = words_[it->second];
      if (std::find(out.begin(), out.end(), w) == out.end() && within_one_edit(to_u32(w), word)) out.push_back(w);
    }
  };
  add_words_with_deletion(word);  // a kana was missed
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;
    std::u32string d = word.substr(0, i) + word.substr(i + 1);
    // An extra kana, unless it is a particle kana inside the piece: はち|の|す is a bee's nest,
    // not はちす typed with a stray の.
    const bool particle_inside = i > 0 && i + 1 < word.size() && is_particle_kana(word[i]);
    if (d.size() >= kMinTypoLength && !particle_inside) {  // an extra kana
      std::string s = to_utf8(d);
      if (contains(s) && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    add_words_with_deletion(d);  // a wrong or swapped kana
  }
  std::string self = to_utf8(word);
  out.erase(std::remove(out.begin(), out.end(), self), out.end());
  return out;
}

std::vector<KanaSegment> ReadingVocabulary::segment(std::string_view run_text, bool typos, bool open_end,
                                                    size_t max_word,
                                                    const std::vector<MecabWord>& mecab_words) const {
  const std::u32string run = to_u32(run_text);
  const size_t n = run.size();
  // best[i]: best score of a segmentation of run[0, i); a word of length L scores L*L, so longer
  // words win, plus a little for common words (kFrequencyWeight); a typo match scores less than
  // an exact one of the same length.
  std::vector<double> best(n + 1, -1);
  std::vector<KanaSegment> via(n + 1);
  best[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (best[i] < 0) continue;
    if (best[i] > best[i + 1]) {  // leave one character out (a particle, or noise)
      best[i + 1] = best[i];
      via[i + 1] = {i, i + 1, "", false, {}, false};
    }
    for (const auto& c : mecab_words) {
      // At an open end the operator is still typing: かか is on its way to かかりつけ, not かかる.
      if (c.begin != i || c.end <= c.begin || c.end > n || (open_end && c.end == n)) continue;
      const size_t len = c.end - c.begin;
      const double score = double(len * len) + kFrequencyWeight * std::log(1.0 + double(frequency(c.reading)));
      if (best[i] + score > best[c.end]) {
        best[c.end] = best[i] + score;
        via[c.end] = {i, c.end, c.reading, false, {}, false};
      }
    }
    // No word starts with ん: a piece that would (ほけん|んじよ read as めんじよ) is a doubled ん.
    if (run[i] == U'ん') continue;
    const size_t max_len = std::min({n - i, std::max<size_t>(max_length_, 2) + (typos ? 1 : 0), max_word});
    for (size_t len = 2; len <= max_len; ++len) {
      const std::u32string piece = run.substr(i, len);
      const std::string s = to_utf8(piece);
      const bool at_end = i + len == n;
      double score = -1;
      KanaSegment seg{i, i + len, s, false, {}, false};
      // Phrasing words (どう, ください) are words too: the query drops them afterwards.
      if (const uint32_t df = frequency(s); df > 0 || is_phrasing_word(s)) {
        score = double(len * len) + kFrequencyWeight * std::log(1.0 + double(df));
      } else if (open_end && at_end && has_prefix(s)) {
        score = double(len * len) * 0.9;
        seg.prefix = true;
      } else if (typos && len >= kMinTypoLength && len <= kMaxTypoLength) {
        auto near = one_edit_away(piece);
        // Three typed kana are too little to guess from, unless a kana was missed from four.
        if (len == kMinTypoLength)
          near.erase(std::remove_if(near.begin(), near.end(), [&](const std::string& w) { return to_u32(w).size() <= len; }),
                     near.end());
        if (!near.empty()) {
          // Below the exact words the same kana could split into (じゅうみんひょう|うつし must
          // beat one typo across both).
          // A missed kana scores by the length of the word it was missed from: じゅうみんひょ is
          // じゅうみんひょう, not the exact じゅうみん and a stray ひょ.
          size_t fixed = len;
          for (const auto& w : near) fixed = std::max(fixed, to_u32(w).size());
          score = double(fixed * fixed) * 0.45;
          seg.reading = near.front();
          seg.typo = true;
          seg.near = std::move(near);
        }
      }
      if (score >= 0 && best[i] + score > best[i + len]) {
        best[i + len] = best[i] + score;
        via[i + len] = seg;
      }
    }
  }
  std::vector<KanaSegment> out;
  for (size_t end = n; end > 0;) {
    const KanaSegment& s = via[end];
    if (!s.reading.empty()) out.push_back(s);
    end = s.begin;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace madoguchi
