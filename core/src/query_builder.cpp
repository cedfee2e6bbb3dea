#include "query_builder.h"

#include <algorithm>
#include <set>

#include "char_bigrams.h"
#include "kana.h"
#include "madoguchi/schema.h"
#include "normalizer.h"
#include "phrasing_words.h"
#include "romaji.h"
#include "word_parts.h"

namespace madoguchi {
namespace {

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

constexpr size_t kMinCompoundSplit = 6;  // kana
constexpr size_t kWholeRun = 64;         // segment()'s default longest word, for a whole run
constexpr size_t kMaxTypoReadings = 4;   // a typo read as more readings than these matches the readings only

bool is_ascii_letter(char c) { return c >= 'a' && c <= 'z'; }

// How well a kana reading fits the vocabulary: squared lengths of the exact words it splits into.
double fit(const ReadingVocabulary& vocabulary, const std::string& kana) {
  double score = 0;
  for (const auto& s : vocabulary.segment(fold_reading(kana), false, false))
    score += double((s.end - s.begin) * (s.end - s.begin));
  return score;
}

// The query text with romaji runs read as kana (issue 10: `hokenjo`, `PCR kensa`).
struct Romanized {
  std::string text;
  std::vector<std::pair<size_t, size_t>> kana_ranges;  // byte ranges of `text` read from romaji
  std::vector<std::string> latin;                      // runs kept as Latin index terms
  std::string pending;                                 // the last run's unfinished syllable ("j")
};

Romanized read_romaji_runs(const std::string& text, TermMemo& terms, const ReadingVocabulary* vocabulary) {
  Romanized out;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_letter(text[i])) {
      out.text += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && (is_ascii_letter(text[j]) || text[j] == '\'' ||
                               (text[j] == '-' && j > i && is_ascii_letter(text[j - 1]))))
      ++j;
    const std::string run = text.substr(i, j - i);
    std::string word = run;
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    const bool latin_term = terms.exists(word);
    RomajiReading r = read_romaji(run);
    const bool at_end = j == text.size();
    // A Latin index term that does not read completely as romaji (covid) stays Latin.
    if (!r.kana.empty() && !r.kana.front().empty() && (r.complete || (at_end && !latin_term))) {
      size_t best = 0;
      if (vocabulary && r.kana.size() > 1) {
        double best_fit = -1;
        for (size_t k = 0; k < r.kana.size(); ++k)
          if (double f = fit(*vocabulary, r.kana[k]); f > best_fit) best_fit = f, best = k;
      }
      if (latin_term) out.latin.push_back(word);
      const size_t begin = out.text.size();
      out.text += r.kana[best];
      out.kana_ranges.emplace_back(begin, out.text.size());
      if (at_end && !r.complete) out.pending = r.pending;
    } else {
      out.text += run;  // a Latin word (PCR, COVID): matched as it is
    }
    i = j;
  }
  return out;
}

// Hiragana (and ー) is what an operator leaves unconverted; kanji and katakana are converted.
bool is_unconverted(char32_t cp) { return is_hiragana(cp) || cp == 0x30FC; }
bool is_converted(char32_t cp) { return is_kanji(cp) || (is_katakana(cp) && cp != 0x30FC); }

// A run of hiragana that stands on its own (not okurigana beside kanji): unconverted input.
struct KanaRun {
  std::string text;  // folded hiragana, spaces between kana chunks removed
  size_t begin = 0;  // byte range in the query text
  size_t end = 0;
  bool at_end = false;
  bool romaji = false;
};

// Words MeCab reads inside a run that the vocabulary split cannot find on its own (issue 5):
// - a conjugated verb or adjective (くらくて: くらく, a form of くらい) whose base form's reading
//   the vocabulary has: the index reads each word as written (暗く -> くらく), so a kana query's
//   conjugation found only entries that conjugate it alike;
// - a one-kana noun that a particle ends (はちのすが: 巣), which words of two or more kana miss.
std::vector<MecabWord> mecab_words(const KanaRun& run, const std::string& text, const std::vector<Token>& tokens,
                                   const ReadingVocabulary& vocabulary) {
  std::vector<MecabWord> out;
  const std::u32string folded_run = to_u32(run.text);
  for (const Token& t : tokens) {
    if (t.begin < run.begin || t.end > run.end || t.kind != TokenKind::kWord || !is_kana_only(t.surface)) continue;
    const std::string base = fold_reading(t.term);
    const std::u32string piece = to_u32(fold_reading(t.surface));
    // Where the token starts in run.text: the run before it without spaces, folded as run.text is
    // (folding can shorten it: ゔぁ is ば).
    std::string before = text.substr(run.begin, t.begin - run.begin);
    before.erase(std::remove(before.begin(), before.end(), ' '), before.end());
    const size_t begin = to_u32(fold_reading(before)).size();
    const size_t end = begin + piece.size();
    // A token folded alone can differ from the run folded whole (ゝ repeats the kana before it):
    // then the span is left to the vocabulary.
    if (end > folded_run.size() || folded_run.compare(begin, piece.size(), piece) != 0) continue;
    // Also one-kana stems (み of 見る, し of する): a phrasing word read so is dropped afterwards, and
    // the piece keeps its kana from being read into the words around it (requiring two kana: one
    // typo 0.5028 -> 0.5019 on the dev split).
    const bool conjugated = !t.noun && to_utf8(piece) != base && vocabulary.contains(base);
    const bool one_kana_noun = t.noun && !t.suffix && !t.unknown && piece.size() == 1 && end < folded_run.size() &&
                               is_particle_kana(folded_run[end]) && !vocabulary.words_read_as(base).empty();
    if (conjugated || one_kana_noun) out.push_back({begin, end, base});
  }
  return out;
}

std::vector<KanaRun> standalone_kana_runs(const std::string& text, const Romanized& romanized) {
  std::vector<KanaRun> runs;
  const std::u32string cps = to_u32(text);
  std::vector<size_t> byte_at;  // byte offset of each code point
  for (size_t pos = 0, k = 0; k < cps.size(); ++k) {
    byte_at.push_back(pos);
    std::string tmp;
    append_utf8(tmp, cps[k]);
    pos += tmp.size();
  }
  byte_at.push_back(text.size());
  auto from_romaji = [&](size_t byte) {
    for (const auto& [b, e] : romanized.kana_ranges)
      if (byte >= b && byte < e) return true;
    return false;
  };
  size_t i = 0;
  while (i < cps.size()) {
    if (!is_unconverted(cps[i])) {
      ++i;
      continue;
    }
    const bool after_kanji = i > 0 && is_converted(cps[i - 1]);
    std::u32string run;
    bool romaji = false;
    size_t j = i;
    while (j < cps.size()) {
      if (is_unconverted(cps[j])) {
        romaji = romaji || from_romaji(byte_at[j]);
        run.push_back(cps[j++]);
      } else if (cps[j] == U' ' && j + 1 < cps.size() && is_unconverted(cps[j + 1])) {
        ++j;  // "hoken jo": chunks typed apart still form one reading
      } else {
        break;
      }
    }
    const bool before_kanji = j < cps.size() && is_converted(cps[j]);
    if (!after_kanji && !before_kanji && run.size() >= 2)
      runs.push_back({fold_reading(to_utf8(run)), byte_at[i], byte_at[j], j == cps.size(), romaji});
    i = j;
  }
  return runs;
}

Xapian::Query prefixed(std::string_view prefix, const std::string& term) {
  return Xapian::Query(std::string(prefix) + term);
}

}  // namespace

Xapian::Query QueryBuilder::member_query(const std::string& key) const {
  auto words = split_words(key);
  if (words.size() == 1) return Xapian::Query(words[0]);
  std::vector<Xapian::Query> parts;
  for (const auto& w : words) parts.emplace_back(w);
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), Xapian::termcount(words.size()));
}

QueryPlan QueryBuilder::build(const std::string& raw, bool prefix_last_word) {
  QueryPlan plan;
  const std::string normalized = normalize_text(raw);
  const bool typing =
      prefix_last_word && !normalized.empty() && normalized.back() != ' ' && normalized.back() != '\t';
  const Romanized romanized = read_romaji_runs(normalized, terms_, readings_);
  const std::string& text = romanized.text;
  std::vector<Token> tokens = analyzer_.analyze(text);

  std::set<std::string> seen;  // one leaf per index term: Xapian weighs a repeated term differently
  auto scaled = [](Xapian::Query q, double scale) {
    return scale == 1.0 || q.empty() ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, scale);
  };
  auto add = [&](std::string term, std::string_view field, std::string route, Xapian::Query q, double scale,
                 const std::string& key) {
    if (q.empty() || !seen.insert(key).second) return false;
    plan.parts.push_back({std::move(term), std::string(field), std::move(route), scaled(std::move(q), scale), {}, scale});
    return true;
  };
  // A prefix of two or more characters that no index term starts with adds no leaf (its highlight
  // prefix stays): while the tail of a sentence is typed the query then stays the same, and the
  // searcher reuses the match.
  auto one_character = [](const std::string& stem) { return to_u32(stem).size() <= 1; };
  auto expansion_limit = [&](const std::string& stem) {
    return Xapian::termcount(one_character(stem) ? weights_.max_prefix_expansion_one_character
                                                 : weights_.max_prefix_expansion);
  };
  auto wildcard = [&](std::string_view prefix, const std::string& stem) {
    const std::string pattern = std::string(prefix) + stem;
    // One typed character nearly always starts some term, and asking would list every term that
    // does (the whole list crosses the network from a remote backend); a wildcard that expands
    // to nothing matches nothing anyway.
    if (!one_character(stem) && !terms_.any_starting_with(pattern)) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, expansion_limit(stem),
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  };
  // The word being typed, as a prefix of `field`'s terms (`prefix`); its highlight prefix stays
  // where no term starts with it.
  auto add_prefix = [&](const std::string& stem, std::string_view field, std::string_view prefix, double scale) {
    if (add(stem, field, "prefix", wildcard(prefix, stem), scale, std::string("*").append(prefix).append(stem)))
      plan.parts.back().wildcard = Wildcard{std::string(prefix) + stem, expansion_limit(stem)};
    plan.prefixes.push_back(stem);
  };
  // A word and its synonyms (editors' groups, Sudachi's spelling variants) in the whole text; the
  // single-word variants in the question field too, below the word itself (ゴミ also finds the
  // question that writes ごみ, and the re-ranker counts it), measured in README "Search quality".
  // A multi-word member is an OP_PHRASE, whose positions Xapian reads for every entry holding all
  // its words: when even the rarest of them is common (高齢 者), the group is weighed on the first
  // stage's candidates only, and the first stage matches a stand-in for it: the group's single
  // words and each phrase's rarest word, which every entry the phrase finds holds.
  auto add_group = [&](const std::string& key, double scale, const std::string& route) {
    std::vector<Xapian::Query> alternatives;
    std::set<std::string> stand_in;
    bool costly_phrase = false;
    auto add_member = [&](const std::string& member) {
      alternatives.push_back(member_query(member));
      const auto words = split_words(member);
      if (words.empty()) return words;
      const std::string& rarest = *std::min_element(words.begin(), words.end(), [&](const auto& a, const auto& b) {
        return terms_.frequency(a) < terms_.frequency(b);
      });
      stand_in.insert(rarest);
      if (words.size() > 1 && terms_.frequency(rarest) > weights_.costly_phrase_postings) costly_phrase = true;
      return words;
    };
    add_member(key);
    std::vector<std::string> question_variants;
    if (const auto group = synonyms_.find(key); group != synonyms_.end())
      for (const std::string& s : group->second) {  // by reference: no copy of the group per keystroke
        const auto members = add_member(s);
        if (members.size() == 1) question_variants.push_back(s);
        for (const auto& w : members) plan.terms.insert(w);
      }
    const bool added = add(key, "text", route,
                           Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end()), scale,
                           "synonym:" + key);
    if (added && costly_phrase)
      plan.parts.back().first_stage =
          scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, stand_in.begin(), stand_in.end()), scale);
    // One leaf per variant, so that a common one is weighed on the best candidates only
    // (deferred_parts.h).
    if (weights_.question_synonyms > 0)
      for (const auto& v : question_variants)
        add(key, "question", route, prefixed(schema::kQuestion, v), weights_.question * weights_.question_synonyms * scale,
            "qsynonym:" + v);
  };
  // The index words inside a word the dictionary keeps whole (粗大ごみ -> ごみ, word_parts.h), in
  // the whole text (with their synonyms) and the question field, as the index holds a noun run's parts.
  auto add_parts = [&](const std::string& word, double scale) {
    if (scale <= 0) return;
    for (const auto& part : word_parts(terms_, word)) {
      if (is_phrasing_word(part)) continue;
      if (synonyms_.count(part))
        add_group(part, scale, "part");
      else
        add(part, "text", "part", Xapian::Query(part), scale, part);
      add(part, "question", "part", prefixed(schema::kQuestion, part), weights_.question * scale,
          std::string(schema::kQuestion) + part);
      plan.terms.insert(part);
    }
  };
  // Readings standing for more words than this are too ambiguous to split each of them.
  constexpr size_t kMaxReadingWordsSplit = 2;

  // `in_kana_run`: read from unconverted kana (a run split against the vocabulary), not one of
  // MeCab's kana words in converted text.
  // `one_kana`: a one-kana piece MeCab found in a run (mecab_words); no other one-kana reading is used.
  auto add_reading = [&](const std::string& reading, const std::string& route, double scale, bool in_kana_run,
                         bool one_kana = false) {
    if (reading.empty() || is_phrasing_word(reading) || (to_u32(reading).size() < 2 && !one_kana)) return;
    add(reading, "reading", route, prefixed(schema::kReading, reading), weights_.reading * scale,
        std::string(schema::kReading) + reading);
    add(reading, "question", route, prefixed(schema::kQuestionReading, reading), weights_.question * scale,
        std::string(schema::kQuestionReading) + reading);
    plan.terms.insert(reading);
    // The words the index reads this way, scored as if typed in kanji (めんじよ -> 免除).
    if (!readings_ || weights_.reading_words <= 0) return;
    std::vector<std::string> words = readings_->words_read_as(reading);
    // A one-kana word (す: 巣) does not stand for a phrasing word read so (す, an old form of する).
    if (one_kana)
      words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return is_phrasing_word(w); }),
                  words.end());
    // Inside unconverted kana, a word the index holds in kana (ごみ, たばこ) is one of the words
    // it reads as, too.
    if (in_kana_run && std::find(words.begin(), words.end(), reading) == words.end() && terms_.exists(reading))
      words.push_back(reading);
    if (words.empty()) return;
    std::vector<Xapian::Query> text_terms, question_terms;
    for (const auto& w : words) {
      if (in_kana_run || !seen.count(w)) text_terms.emplace_back(w);
      if (in_kana_run || !seen.count(std::string(schema::kQuestion) + w)) question_terms.push_back(prefixed(schema::kQuestion, w));
      plan.terms.insert(w);
    }
    if (!text_terms.empty())
      add(words.front(), "text", route, Xapian::Query(Xapian::Query::OP_SYNONYM, text_terms.begin(), text_terms.end()),
          weights_.reading_words * scale, "words:" + reading);
    if (!question_terms.empty())
      add(words.front(), "question", route,
          Xapian::Query(Xapian::Query::OP_SYNONYM, question_terms.begin(), question_terms.end()),
          weights_.reading_words * weights_.question * scale, "qwords:" + reading);
    // Their parts too: ばすてい -> バス停 -> バス (kana and romaji input: +0.009 and +0.010).
    if (words.size() <= kMaxReadingWordsSplit)
      for (const auto& w : words) add_parts(w, weights_.reading_parts * scale / double(words.size()));
  };

  // A corrected compound's reading (じうみんひよう -> じゆうみんひよう) also finds its parts, as an
  // exact one does below: six or more kana that split whole into known words.
  auto add_compound_parts = [&](const std::string& reading, const std::string& route, double scale) {
    const size_t length = to_u32(reading).size();
    if (length < kMinCompoundSplit) return;
    auto parts = readings_->segment(reading, false, false, length - 1);
    size_t covered = 0;
    for (const auto& part : parts) covered += part.end - part.begin;
    if (covered == length)
      for (const auto& part : parts) add_reading(part.reading, route, scale, true);
  };

  for (const auto& latin : romanized.latin) {
    add(latin, "text", "exact", Xapian::Query(latin), 1.0, latin);
    add(latin, "question", "exact", prefixed(schema::kQuestion, latin), weights_.question,
        std::string(schema::kQuestion) + latin);
    plan.terms.insert(latin);
  }

  const auto runs = standalone_kana_runs(text, romanized);
  auto in_run = [&](const Token& t) {
    for (const auto& r : runs)
      if (t.begin >= r.begin && t.end <= r.end) return true;
    return false;
  };

  // How many words from `terms[i]` on (up to four, the longest first) make a key of the synonym
  // table that `wanted` accepts; the group is added. 0: none.
  auto add_longest_group = [&](const std::vector<std::string>& terms, size_t i, auto&& wanted) -> size_t {
    for (size_t len = std::min<size_t>(4, terms.size() - i); len >= 1; --len) {
      std::string key;
      for (size_t k = i; k < i + len; ++k) {
        if (k > i) key += ' ';
        key += terms[k];
      }
      if (!synonyms_.count(key) || !wanted(key)) continue;
      add_group(key, 1.0, "synonym");
      return len;
    }
    return 0;
  };

  // Editors' groups reach unconverted kana too (もふもふ with うさぎ): the run's own words, as the
  // synonym table keys them, matched greedily as below; the run is still read for readings.
  for (const auto& run : runs) {
    std::vector<std::string> run_words;
    for (const Token& t : tokens)
      if (t.begin >= run.begin && t.end <= run.end && t.kind == TokenKind::kWord && !is_phrasing_word(t.term))
        run_words.push_back(t.term);
    // Only for words no entry writes: the others are found by their readings already, and their
    // groups cost up to 44% more instructions on a keystroke (こどもが at 100k).
    for (size_t i = 0; i < run_words.size();)
      i += std::max<size_t>(1, add_longest_group(run_words, i, [&](const std::string& key) { return !terms_.exists(key); }));
  }

  // Words, with synonym groups matched greedily (longest span of query words first).
  std::vector<const Token*> words;
  for (const Token& t : tokens) {
    if (is_phrasing_word(t.term) || in_run(t)) continue;
    if (t.kind == TokenKind::kWord) {
      words.push_back(&t);
    } else {
      // compounds and n-grams add precision for exact phrasing
      add(t.term, "text", t.kind == TokenKind::kCompound ? "compound" : "ngram", Xapian::Query(t.term), 1.0, t.term);
      plan.terms.insert(t.term);
    }
    add(t.term, "question", "exact", prefixed(schema::kQuestion, t.term), weights_.question,
        std::string(schema::kQuestion) + t.term);
  }
  std::vector<std::string> word_terms;
  for (const Token* w : words) word_terms.push_back(w->term);
  for (size_t i = 0; i < words.size();) {
    size_t matched = add_longest_group(word_terms, i, [](const std::string&) { return true; });
    if (!matched) {
      add(words[i]->term, "text", "exact", Xapian::Query(words[i]->term), 1.0, words[i]->term);
      if (words[i]->noun) add_parts(words[i]->term, weights_.parts);
      // A word no entry writes is read aloud: the index words read the same way (鳩 -> ハト,
      // 障碍 -> 障害, 寄付 -> 寄附), as an unconverted reading would find them, below the word.
      if (weights_.unseen_reading > 0 && !words[i]->reading.empty() && !terms_.exists(words[i]->term))
        add_reading(words[i]->reading, "sound", weights_.unseen_reading, false);
      matched = 1;
    }
    for (size_t k = i; k < i + matched; ++k) plan.terms.insert(words[k]->term);
    i += matched;
  }

  // Kana words match readings: MeCab's readings of kana words, and standalone kana runs split
  // against the index's own reading vocabulary (ほけんじょ -> 保健所), one typo tolerated.
  const std::string route_of_kana = romanized.kana_ranges.empty() ? "reading" : "romaji";
  // MeCab guesses badly inside unconverted kana (ほけんじょ -> ほけん|じょ): there the
  // vocabulary segmentation below decides.
  for (const Token& t : tokens)
    if (!t.reading.empty() && is_kana_only(t.surface) && t.kind != TokenKind::kNgram && !in_run(t) &&
        !is_phrasing_word(t.term))
      add_reading(t.reading, route_of_kana, 1.0, false);
  for (const auto& run : runs) {
    if (!(typing && run.at_end && !romanized.pending.empty())) add_reading(run.text, run.romaji ? "romaji" : "reading", 1.0, true);
    if (!readings_) continue;
    const bool open_end = typing && run.at_end;
    const bool unfinished = open_end && !romanized.pending.empty();
    const size_t run_length = to_u32(run.text).size();
    const auto mecab = mecab_words(run, text, tokens, *readings_);
    for (const auto& seg : readings_->segment(run.text, true, open_end, kWholeRun, mecab)) {
      if (unfinished && seg.end == run_length) continue;  // "hokenj": ほけん goes on, see below
      if (seg.prefix) {
        add_prefix(seg.reading, "reading", schema::kReading, weights_.reading);
      } else if (seg.typo) {
        if (is_phrasing_word(seg.reading)) continue;
        if (seg.near.size() <= kMaxTypoReadings) {
          // Few readings fit: each scores as if typed (reading, question and the words it stands
          // for, so the re-ranker sees them too), sharing the typo weight. Measured on the dev
          // split's one-typo variant: 0.425 -> 0.433, both halves; other variants unchanged.
          for (const auto& w : seg.near) add_reading(w, "typo", weights_.typo / double(seg.near.size()), true);
          // Measured on the dev split's one-typo variant: 0.460 -> 0.474, both halves.
          for (const auto& w : seg.near) add_compound_parts(w, "typo", weights_.typo / double(seg.near.size()));
          continue;
        }
        std::vector<Xapian::Query> near;
        for (const auto& w : seg.near) {
          near.push_back(prefixed(schema::kReading, w));
          plan.terms.insert(w);
        }
        add(seg.near.front(), "reading", "typo", Xapian::Query(Xapian::Query::OP_SYNONYM, near.begin(), near.end()),
            weights_.reading * weights_.typo, "~" + seg.near.front());
      } else {
        add_reading(seg.reading, run.romaji ? "romaji" : "reading", 1.0, true, seg.end - seg.begin == 1);
        // A compound's reading (めんじょしんせい) also finds its parts, as the index holds both.
        // Only words of six or more kana that split whole into known words: ほけんじょ stays whole.
        const size_t length = to_u32(seg.reading).size();  // a conjugated piece is read as its base form
        if (length >= kMinCompoundSplit) {
          auto parts = readings_->segment(seg.reading, false, false, length - 1);
          size_t covered = 0;
          for (const auto& part : parts) covered += part.end - part.begin;
          if (covered == length)
            for (const auto& part : parts) add_reading(part.reading, run.romaji ? "romaji" : "reading", 1.0, true);
        }
      }
    }
    if (open_end && !romanized.pending.empty()) {
      // "hokenj": the kana so far and a syllable starting with j (じ) start a reading.
      for (const auto& next : pending_kana(romanized.pending)) {
        add_prefix(run.text + fold_reading(next), "reading", schema::kReading, weights_.reading);
      }
    }
  }

  // The word being typed: a prefix of index terms (and of readings when it is kana).
  const auto chunks = split_words(text);
  if (typing && !chunks.empty()) {
    const std::string& last = chunks.back();
    const Token* tail = nullptr;
    for (const Token& t : tokens)
      if (t.kind == TokenKind::kWord && t.end == text.size()) tail = &t;
    if (tail && !is_phrasing_word(tail->term)) {
      add_prefix(tail->surface, "text", schema::kText, 1.0);
    } else if (!tail && !is_kana_only(last)) {
      add_prefix(last, "text", schema::kText, 1.0);
    }
    if (is_kana_only(last)) {
      add_prefix(fold_reading(last), "reading", schema::kReading, weights_.reading);
    }
  }

  // Character bigrams of what was typed, weighted lightly (char_bigrams.h).
  if (weights_.bigram > 0)
    for (const auto& g : char_bigrams(text))
      add(g, "text", "ngram", prefixed(schema::kBigram, g), weights_.bigram, std::string(schema::kBigram) + g);

  std::vector<Xapian::Query> all;
  for (const auto& p : plan.parts) all.push_back(p.query);
  if (!all.empty()) plan.query = Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end());
  return plan;
}

}  // namespace madoguchi
