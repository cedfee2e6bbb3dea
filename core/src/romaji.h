// Romaji typed with the IME off, read as hiragana by the rules people type with (issue 10):
// shi/si, tsu/tu, chi/ti, fu/hu, ji/zi, n/nn/n', a doubled consonant for っ, `-` for ー, wo for
// を, x/l for small kana.
//
// Thread rule: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

struct RomajiReading {
  // Every plausible kana reading, best guess first. "nn" before a vowel is ambiguous (ん + a
  // vowel, as in げんいん, or ん + な-row, as in あんない): both are kept, up to a small bound,
  // for the caller to choose against its vocabulary.
  std::vector<std::string> kana;
  bool complete = false;  // every letter was read
  std::string pending;    // an unfinished last syllable ("j" of "hokenj"), when not complete
};

// `text`: lowercase ASCII letters, '-' and '\''. Letters that cannot be read (pcr, covid) leave
// `complete` false and `kana` empty, unless only a syllable's start remains at the end.
RomajiReading read_romaji(std::string_view text);

// The kana an unfinished syllable can still become ("j" -> じ, "k" -> か き く け こ), shortest
// first; syllables covered by a shorter one (じゃ by じ) are left out.
std::vector<std::string> pending_kana(std::string_view pending);

}  // namespace madoguchi
