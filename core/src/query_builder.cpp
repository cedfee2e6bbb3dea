#include "query_builder.h"

#include "madoguchi/schema.h"
#include "normalizer.h"

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
  const std::string text = normalize_text(raw);
  const bool typing = prefix_last_word && !text.empty() && text.back() != ' ' && text.back() != '\t';
  std::vector<Token> tokens = analyzer_.analyze(text);

  std::vector<Xapian::Query> whole, question, reading;
  std::vector<const Token*> words;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord) words.push_back(&t);
    else {
      whole.emplace_back(t.term);  // compounds and n-grams add precision for exact phrasing
      plan.terms.insert(t.term);
    }
    question.push_back(prefixed(schema::kQuestion, t.term));
  }

  // Words, with synonym groups matched greedily (longest span of query words first).
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (size_t len = std::min<size_t>(4, words.size() - i); len >= 1 && !matched; --len) {
      std::string key;
      for (size_t k = i; k < i + len; ++k) key += (k > i ? " " : "") + words[k]->term;
      if (!synonym_keys_.count(key)) continue;
      std::vector<Xapian::Query> alternatives{member_query(key)};
      for (auto s = db_.synonyms_begin(key); s != db_.synonyms_end(key); ++s) {
        alternatives.push_back(member_query(*s));
        for (const auto& w : split_words(*s)) plan.terms.insert(w);
      }
      whole.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
      matched = len;
    }
    if (!matched) {
      whole.emplace_back(words[i]->term);
      matched = 1;
    }
    for (size_t k = i; k < i + matched; ++k) plan.terms.insert(words[k]->term);
    i += matched;
  }

  // Kana words match readings, whole (ほけんじょ -> 保健所) and word by word.
  const auto chunks = split_words(text);
  for (const auto& chunk : chunks) {
    if (!is_kana_only(chunk)) continue;
    std::string r = to_hiragana(chunk);
    reading.push_back(prefixed(schema::kReading, r));
    plan.terms.insert(r);
  }
  for (const Token& t : tokens)
    if (!t.reading.empty() && is_kana_only(t.surface)) reading.push_back(prefixed(schema::kReading, t.reading));

  // The word being typed: a prefix of index terms (and of readings when it is kana).
  if (typing && !chunks.empty()) {
    const std::string& last = chunks.back();
    const Token* tail = nullptr;
    for (const Token& t : tokens)
      if (t.kind == TokenKind::kWord && t.end == text.size()) tail = &t;
    auto wildcard = [&](std::string_view prefix, const std::string& stem) {
      return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix) + stem,
                           Xapian::termcount(weights_.max_prefix_expansion),
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    };
    if (tail) {
      whole.push_back(wildcard(schema::kText, tail->surface));
      plan.prefixes.push_back(tail->surface);
    } else if (!is_kana_only(last)) {
      whole.push_back(wildcard(schema::kText, last));
      plan.prefixes.push_back(last);
    }
    if (is_kana_only(last)) {
      std::string r = to_hiragana(last);
      reading.push_back(wildcard(schema::kReading, r));
      plan.prefixes.push_back(r);
    }
  }

  std::vector<Xapian::Query> all;
  if (!whole.empty()) all.emplace_back(Xapian::Query::OP_OR, whole.begin(), whole.end());
  if (!question.empty() && weights_.question > 0)
    all.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                     Xapian::Query(Xapian::Query::OP_OR, question.begin(), question.end()), weights_.question);
  if (!reading.empty())
    all.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                     Xapian::Query(Xapian::Query::OP_OR, reading.begin(), reading.end()), weights_.reading);
  if (!all.empty()) plan.query = Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end());
  return plan;
}

}  // namespace madoguchi
