// The text form an index keeps Sudachi's analyzed sets in (kMetaSudachiKeys), and the index of
// their terms (kMetaSudachiTerms) through which a small run decodes only the sets it touched.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "madoguchi/sudachi_synonyms.h"

namespace madoguchi {
namespace {

// Calls `f` with each line of `text` (encode_key_sets(): one set per line).
template <typename F>
void for_each_line(std::string_view text, F f) {
  while (!text.empty()) {
    size_t eol = std::min(text.find('\n'), text.size());
    f(text.substr(0, eol));
    text.remove_prefix(std::min(eol + 1, text.size()));
  }
}

// Calls `f` with each term of each key of one line of encode_key_sets().
template <typename F>
void for_each_term(std::string_view line, F f) {
  for (size_t from = 0; from < line.size();) {
    size_t to = std::min(line.find_first_of(" \t", from), line.size());
    std::string_view term = line.substr(from, to - from);
    if (!term.empty() && term.front() == '\x01') term.remove_prefix(1);
    if (!term.empty()) f(term);
    from = to + 1;
  }
}

// The line of index_key_terms()'s `index` for `term` ("" when no key has it): a binary search on
// the sorted lines, without splitting the index up.
std::string_view index_line(std::string_view index, std::string_view term) {
  size_t lo = 0, hi = index.size();  // both at line starts (or the end)
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const size_t start = mid == 0 ? 0 : index.rfind('\n', mid - 1) + 1;  // npos + 1 == 0
    const size_t end = std::min(index.find('\n', mid), index.size());
    const std::string_view line = index.substr(start, end - start);
    const std::string_view key = line.substr(0, line.find('\t'));
    if (key == term) return line;
    if (key < term) lo = end + 1;
    else hi = start;
  }
  return {};
}

// Appends the set one line of encode_key_sets() holds.
void add_decoded(std::string_view line, SudachiKeySets& out) {
  std::vector<SudachiKey> set;
  while (true) {
    size_t tab = std::min(line.find('\t'), line.size());
    std::string_view key = line.substr(0, tab);
    const bool trigger = key.empty() || key.front() != '\x01';
    if (!trigger) key.remove_prefix(1);
    if (!key.empty()) set.push_back({std::string(key), trigger});
    if (tab == line.size()) break;
    line.remove_prefix(tab + 1);
  }
  if (set.size() >= 2) out.push_back(std::move(set));
}

}  // namespace

// One set per line, keys separated by tabs, a non-trigger key marked by a leading \x01.
std::string encode_key_sets(const SudachiKeySets& sets) {
  std::string out;
  for (const auto& set : sets) {
    for (size_t i = 0; i < set.size(); ++i) {
      if (i) out += '\t';
      if (!set[i].trigger) out += '\x01';
      out += set[i].key;
    }
    out += '\n';
  }
  return out;
}

SudachiKeySets decode_key_sets(std::string_view text) {
  SudachiKeySets out;
  for_each_line(text, [&](std::string_view line) { add_decoded(line, out); });
  return out;
}

// One line per term, sorted: the term, a tab, and the byte offsets in `text` of the lines (sets)
// with a key that has the term, comma-separated.
std::string index_key_terms(std::string_view text) {
  std::map<std::string_view, std::vector<size_t>> lines;
  size_t at = 0;
  for_each_line(text, [&](std::string_view line) {
    for_each_term(line, [&](std::string_view term) {
      auto& offsets = lines[term];
      if (offsets.empty() || offsets.back() != at) offsets.push_back(at);
    });
    at += line.size() + 1;
  });
  std::string out;
  for (const auto& [term, offsets] : lines) {
    out += term;
    for (size_t i = 0; i < offsets.size(); ++i) {
      out += i ? ',' : '\t';
      out += std::to_string(offsets[i]);
    }
    out += '\n';
  }
  return out;
}

SudachiKeySets key_sets_with_terms(std::string_view text, std::string_view index,
                                   const std::set<std::string, std::less<>>& terms) {
  std::set<size_t> offsets;  // a set with two of the terms is decoded once
  for (const auto& term : terms) {
    std::string_view line = index_line(index, term);
    if (line.empty()) continue;
    line.remove_prefix(term.size() + 1);
    while (!line.empty()) {
      const size_t comma = std::min(line.find(','), line.size());
      size_t at = 0;
      std::from_chars(line.data(), line.data() + comma, at);
      offsets.insert(at);
      line.remove_prefix(std::min(comma + 1, line.size()));
    }
  }
  SudachiKeySets out;
  for (size_t at : offsets)
    if (at < text.size()) add_decoded(text.substr(at, std::min(text.find('\n', at), text.size()) - at), out);
  return out;
}

}  // namespace madoguchi
