#include "index_document.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "char_bigrams.h"
#include "madoguchi/schema.h"
#include "phrasing_words.h"

namespace madoguchi {
namespace {

using nlohmann::json;

constexpr size_t kMaxTermBytes = 240;  // Xapian's limit is 245 bytes including the prefix
constexpr unsigned kFieldGap = 100;    // keeps phrases from matching across fields

void add_term(Xapian::Document& doc, std::string_view prefix, const std::string& term, unsigned pos) {
  if (term.empty() || term.size() + prefix.size() > kMaxTermBytes) return;
  std::string t(prefix);
  t += term;
  if (pos) doc.add_posting(t, pos);
  else doc.add_term(t);
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& value) {
  if (value.empty() || value.size() + prefix.size() > kMaxTermBytes) return;
  doc.add_boolean_term(std::string(prefix) + value);
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

std::string uid_of(const std::string& id, Date effective) {
  return id + "@" + (effective.valid() ? effective.sortable_key() : std::string("00010101"));
}

std::string encode_data(const StoredVersion& s) {
  const EntryVersion& v = s.version;
  json siblings = json::array();
  for (const auto& sib : s.siblings)
    siblings.push_back({{"effective", sib.span.effective.yyyymmdd},
                        {"until", sib.span.until.yyyymmdd},
                        {"title", sib.title}});
  json j{{"id", v.id},
         {"type", to_string(v.type)},
         {"title", v.title},
         {"category", v.category},
         {"tags", v.tags},
         {"municipalities", v.municipalities},
         {"effective", v.effective.yyyymmdd},
         {"expires", v.expires.yyyymmdd},
         {"source", v.source},
         {"question", v.question},
         {"answer", v.answer},
         {"script", v.script},
         {"body", v.body},
         {"path", v.path},
         {"hash", v.content_hash},
         {"versions", siblings},
         {"self", s.self_index}};
  return j.dump();
}

Result<StoredVersion> decode_data(const std::string& data) {
  auto j = json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::corruption("document data is not JSON");
  try {
    StoredVersion s;
    EntryVersion& v = s.version;
    v.id = j.at("id").get<std::string>();
    v.type = parse_entry_type(j.at("type").get<std::string>()).value_or(EntryType::kFaq);
    v.title = j.at("title").get<std::string>();
    v.category = j.at("category").get<std::vector<std::string>>();
    v.tags = j.at("tags").get<std::vector<std::string>>();
    v.municipalities = j.at("municipalities").get<std::vector<std::string>>();
    v.effective = Date{j.at("effective").get<int>()};
    v.expires = Date{j.at("expires").get<int>()};
    v.source = j.at("source").get<std::string>();
    v.question = j.at("question").get<std::string>();
    v.answer = j.at("answer").get<std::string>();
    v.script = j.at("script").get<std::string>();
    v.body = j.at("body").get<std::string>();
    v.path = j.at("path").get<std::string>();
    v.content_hash = j.at("hash").get<uint64_t>();
    for (const auto& sib : j.at("versions")) {
      SiblingVersion sv;
      sv.span.effective = Date{sib.at("effective").get<int>()};
      sv.span.until = Date{sib.at("until").get<int>()};
      sv.title = sib.at("title").get<std::string>();
      s.siblings.push_back(std::move(sv));
    }
    for (size_t i = 0; i + 1 < s.siblings.size(); ++i) s.siblings[i].span.has_successor = true;
    s.self_index = j.at("self").get<int>();
    if (s.self_index < 0 || size_t(s.self_index) >= s.siblings.size())
      return Status::corruption("document data: bad version index");
    s.span = s.siblings[size_t(s.self_index)].span;
    return s;
  } catch (const json::exception& e) {
    return Status::corruption(std::string("document data: ") + e.what());
  }
}

void add_terms(Analyzer& analyzer, const EntryVersion& v, Xapian::Document& doc) {
  // Whole-text field (unprefixed) over every part; question field (XQ) over what the caller's
  // question is compared with; readings (XR) of every word so that kana finds kanji.
  struct Part {
    std::string text;
    bool question_like;
  };
  const std::vector<Part> parts = {
      {v.title, true},
      {join(v.tags, " "), true},
      {v.question, true},
      {v.answer, false},
      {v.script, false},
      {join(v.municipalities, " "), false},
      {join(v.category, " "), false},
  };
  unsigned base = 1;
  for (const auto& part : parts) {
    if (part.text.empty()) continue;
    unsigned last = base;
    std::string normalized;
    for (const Token& t : analyzer.analyze(part.text, &normalized)) {
      unsigned pos = base + unsigned(t.position);
      last = std::max(last, pos);
      add_term(doc, schema::kText, t.term, t.kind == TokenKind::kWord ? pos : 0);
      if (part.question_like) add_term(doc, schema::kQuestion, t.term, 0);
      if (!t.reading.empty() && t.kind != TokenKind::kNgram) {
        add_term(doc, schema::kReading, t.reading, 0);
        if (part.question_like) add_term(doc, schema::kQuestionReading, t.reading, 0);
        if (t.reading != t.term) add_boolean(doc, schema::kReadingOf, t.reading + " " + t.term);
      }
    }
    for (const auto& g : char_bigrams(normalized)) add_term(doc, schema::kBigram, g, 0);
    base = last + kFieldGap;
  }

  add_boolean(doc, schema::kUid, uid_of(v.id, v.effective));
  add_boolean(doc, schema::kId, v.id);
  add_boolean(doc, schema::kType, std::string(to_string(v.type)));
  add_boolean(doc, schema::kPath, v.path);
  for (const auto& c : v.category) add_boolean(doc, schema::kCategory, normalize_text(c));
  for (const auto& m : v.municipalities) add_boolean(doc, schema::kMunicipality, normalize_text(m));
}

Result<bool> move_to_path(Xapian::Document& doc, const std::string& path) {
  auto stored = decode_data(doc.get_data());
  if (!stored) return stored.status();
  if (stored->version.path == path) return false;
  const std::string old_term = std::string(schema::kPath) + stored->version.path;
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(old_term);
  if (t != doc.termlist_end() && *t == old_term) doc.remove_term(old_term);  // none when too long
  stored->version.path = path;
  add_boolean(doc, schema::kPath, path);
  doc.set_data(encode_data(*stored));
  return true;
}

void set_values(const StoredVersion& s, Xapian::Document& doc) {
  doc.add_value(schema::kSlotEffective, s.span.effective.sortable_key());
  doc.add_value(schema::kSlotUntil, s.span.until.sortable_key());
  doc.add_value(schema::kSlotId, s.version.id);
  doc.add_value(schema::kSlotFileHash, fmt::format("{:016x}", s.version.content_hash));
  set_question_words(doc);
}

void set_question_words(Xapian::Document& doc) {
  // How many distinct topic words the question side has (XQ terms, not their XQR readings): the
  // re-ranker's question length (reranker.h).
  const std::string xq(schema::kQuestion), xqr(schema::kQuestionReading);
  unsigned question_words = 0;
  auto t = doc.termlist_begin();
  for (t.skip_to(xq); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, xq.size(), xq) != 0) break;
    // Phrasing words (知る, 教える) are never query terms: they would cap the share below 1.
    if (term.compare(0, xqr.size(), xqr) != 0 && !is_phrasing_word(std::string_view(term).substr(xq.size())))
      ++question_words;
  }
  doc.add_value(schema::kSlotQuestionWords, Xapian::sortable_serialise(double(question_words)));
}

}  // namespace madoguchi
