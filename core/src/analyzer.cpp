#include "madoguchi/analyzer.h"

#include <cstdlib>
#include <fstream>
#include <mecab.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <xxhash.h>
#include <fmt/format.h>
#include <filesystem>

#include "dictionary_profile.h"
#include "kana.h"
#include "normalizer.h"
#include <utf8proc.h>

namespace madoguchi {
namespace {

Result<std::string> hash_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read dictionary file " + path);
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    XXH64_update(state, buf.data(), size_t(in.gcount()));
  }
  auto digest = XXH64_digest(state);
  XXH64_freeState(state);
  return fmt::format("{:016x}", digest);
}

bool is_punctuation_only(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = next_code_point(s, pos);
    auto cat = utf8proc_category(utf8proc_int32_t(cp));
    bool punct = (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO) ||
                 (cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO) ||
                 (cat >= UTF8PROC_CATEGORY_ZS && cat <= UTF8PROC_CATEGORY_ZP) || cp == 0xFFFD;
    if (!punct) return false;
  }
  return true;
}

bool has_non_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

class MecabDictionary final : public Dictionary {
 public:
  MecabDictionary(MeCab::Model* model, AnalyzerIdentity identity)
      : model_(model), identity_(std::move(identity)) {}
  ~MecabDictionary() override { delete model_; }
  const AnalyzerIdentity& identity() const override { return identity_; }
  MeCab::Model* model() const { return model_; }

 private:
  MeCab::Model* model_;
  AnalyzerIdentity identity_;
};

}  // namespace

AnalyzerOptions AnalyzerOptions::from_environment() {
  AnalyzerOptions o;
  if (const char* p = std::getenv("MADOGUCHI_DICTIONARY"); p && *p) o.profile = p;
  if (const char* d = std::getenv("MADOGUCHI_DICDIR"); d && *d) o.dictionary_dir = d;
  return o;
}

std::string AnalyzerIdentity::to_json() const {
  nlohmann::json j{{"profile", profile},
                   {"dictionary_dir", dictionary_dir},
                   {"sys_dic_xxh64", sys_dic_hash},
                   {"analysis_version", analysis_version}};
  return j.dump();
}

Result<AnalyzerIdentity> AnalyzerIdentity::from_json(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::corruption("analyzer identity is not JSON");
  AnalyzerIdentity id;
  id.profile = j.value("profile", "");
  id.dictionary_dir = j.value("dictionary_dir", "");
  id.sys_dic_hash = j.value("sys_dic_xxh64", "");
  id.analysis_version = j.value("analysis_version", 0);
  return id;
}

Result<std::shared_ptr<const Dictionary>> Dictionary::open(const AnalyzerOptions& options) {
  auto profile = find_profile(options.profile);
  if (!profile)
    return Status::invalid_input("unknown dictionary profile '" + options.profile +
                                 "' (expected ipadic or unidic)");
  std::string dir = options.dictionary_dir.empty() ? profile->default_dir : options.dictionary_dir;
  std::error_code ec;
  if (!std::filesystem::exists(dir + "/sys.dic", ec))
    return Status::invalid_input("MeCab dictionary for profile '" + profile->name + "' not found at " +
                                 dir + " (install " +
                                 (profile->name == "ipadic" ? "mecab-ipadic-utf8" : "unidic-mecab") + ")");
  auto hash = hash_file(dir + "/sys.dic");
  if (!hash) return hash.status();

  // -r /dev/null: never consult /etc/mecabrc, whose dicdir is a Debian alternative.
  std::string args = "-r /dev/null -d " + dir;
  MeCab::Model* model = MeCab::createModel(args.c_str());
  if (!model) return Status::io_error(std::string("MeCab cannot load ") + dir + ": " + MeCab::getLastError());
  AnalyzerIdentity identity{profile->name, dir, *hash, kAnalysisVersion};
  return std::shared_ptr<const Dictionary>(std::make_shared<MecabDictionary>(model, std::move(identity)));
}

struct Analyzer::Impl {
  std::shared_ptr<const Dictionary> dictionary;
  DictionaryProfile profile;
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
};

Analyzer::Analyzer(std::shared_ptr<const Dictionary> dictionary) : impl_(std::make_unique<Impl>()) {
  auto* mecab = static_cast<const MecabDictionary*>(dictionary.get());
  impl_->profile = *find_profile(dictionary->identity().profile);
  impl_->tagger.reset(mecab->model()->createTagger());
  impl_->lattice.reset(mecab->model()->createLattice());
  impl_->dictionary = std::move(dictionary);
}

Analyzer::~Analyzer() = default;

const AnalyzerIdentity& Analyzer::identity() const { return impl_->dictionary->identity(); }

namespace {

// Builds tokens from MeCab's morphemes: content words, noun-run compounds, n-grams of unknowns.
class TokenBuilder {
 public:
  TokenBuilder(const NormalizedText& norm, std::vector<Token>& out) : norm_(norm), out_(out) {}

  void add_word(std::string_view surface, size_t nbegin, std::string term, std::string reading,
                bool unknown, bool noun, bool suffix) {
    Token t;
    t.term = std::move(term);
    t.surface = std::string(surface);
    t.reading = std::move(reading);
    t.begin = norm_.to_original_begin(nbegin);
    t.end = norm_.to_original_end(nbegin + surface.size());
    t.kind = TokenKind::kWord;
    t.position = position_++;
    t.unknown = unknown;
    t.noun = noun;
    t.suffix = suffix;
    out_.push_back(t);
    if (unknown && has_non_ascii(surface)) add_bigrams(surface, nbegin, t.position);
  }

  // A morpheme that may be part of a compound noun (or ends one when `joins` is false).
  void run_part(bool joins, std::string_view surface, size_t nbegin, std::string_view reading) {
    if (!joins) {
      flush_run();
      return;
    }
    if (run_.empty()) run_position_ = position_;
    run_.push_back({surface, nbegin, std::string(reading)});
  }

  void flush_run() {
    if (run_.size() >= 2) {
      Token t;
      bool readable = true;
      for (auto& p : run_) {
        t.surface += p.surface;
        if (p.reading.empty()) readable = false;
        t.reading += p.reading;
      }
      if (!readable) t.reading.clear();
      t.term = t.surface;
      t.begin = norm_.to_original_begin(run_.front().nbegin);
      t.end = norm_.to_original_end(run_.back().nbegin + run_.back().surface.size());
      t.kind = TokenKind::kCompound;
      t.position = run_position_;
      out_.push_back(std::move(t));
    }
    run_.clear();
  }

 private:
  void add_bigrams(std::string_view surface, size_t nbegin, int position) {
    std::vector<size_t> starts;
    size_t pos = 0;
    while (pos < surface.size()) {
      starts.push_back(pos);
      next_code_point(surface, pos);
    }
    starts.push_back(surface.size());
    if (starts.size() < 4) return;  // fewer than 3 characters: the word itself is enough
    for (size_t i = 0; i + 2 < starts.size(); ++i) {
      Token g;
      g.surface = std::string(surface.substr(starts[i], starts[i + 2] - starts[i]));
      g.term = g.surface;
      g.begin = norm_.to_original_begin(nbegin + starts[i]);
      g.end = norm_.to_original_end(nbegin + starts[i + 2]);
      g.kind = TokenKind::kNgram;
      g.position = position;
      g.unknown = true;
      out_.push_back(std::move(g));
    }
  }

  struct Part {
    std::string_view surface;
    size_t nbegin;
    std::string reading;
  };
  const NormalizedText& norm_;
  std::vector<Token>& out_;
  std::vector<Part> run_;
  int position_ = 0;
  int run_position_ = 0;
};

std::string field_or_empty(const std::vector<std::string_view>& f, int i) {
  if (i < 0 || size_t(i) >= f.size() || f[size_t(i)] == "*") return "";
  return std::string(f[size_t(i)]);
}

}  // namespace

std::vector<Token> Analyzer::analyze(std::string_view text, std::string* normalized) {
  std::vector<Token> out;
  NormalizedText norm = normalize_with_offsets(text);
  if (normalized) *normalized = norm.text;
  if (norm.text.empty()) return out;

  MeCab::Lattice* lattice = impl_->lattice.get();
  lattice->set_sentence(norm.text.data(), norm.text.size());
  if (!impl_->tagger->parse(lattice)) return out;

  const char* base = lattice->sentence();
  const auto& profile = impl_->profile;
  TokenBuilder builder(norm, out);
  std::vector<std::string_view> f;
  for (const MeCab::Node* node = lattice->bos_node(); node; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    std::string_view surface(node->surface, node->length);
    size_t nbegin = size_t(node->surface - base);
    const bool spaced = node->rlength != node->length;  // whitespace before it ends a compound
    if (spaced) builder.flush_run();

    split_features(node->feature, f);
    const bool unknown = node->stat == MECAB_UNK_NODE;
    WordClass cls = classify(profile.name, f);
    if (is_punctuation_only(surface)) cls = WordClass::kDrop;
    else if (unknown && cls == WordClass::kDrop) cls = WordClass::kContent;  // never lose unknowns

    const bool joins = cls == WordClass::kPrefix || cls == WordClass::kNounSuffix ||
                       (cls == WordClass::kContent && is_noun(profile.name, f));
    const bool word = cls == WordClass::kContent || cls == WordClass::kNounSuffix;
    // A particle, auxiliary or symbol (a third of a Japanese text's morphemes) only ends a
    // compound: no reading or base form to fold.
    if (!joins && !word) {
      builder.run_part(false, surface, nbegin, "");
      continue;
    }
    // Readings are folded (kana.h) so that variant spellings of one reading meet.
    std::string reading = fold_reading(field_or_empty(f, profile.reading_field));
    if (reading.empty() && is_kana_only(surface)) reading = fold_reading(surface);
    builder.run_part(joins, surface, nbegin, reading);
    if (word) {
      std::string term = field_or_empty(f, profile.base_field);
      if (profile.name == "unidic") term = term.substr(0, term.find('-'));  // ワクチン-vaccine
      term = term.empty() ? std::string(surface) : normalize_text(term);
      const bool suffix = cls == WordClass::kNounSuffix;
      builder.add_word(surface, nbegin, std::move(term), std::move(reading), unknown, suffix || is_noun(profile.name, f),
                       suffix);
    }
  }
  builder.flush_run();
  return out;
}

std::vector<std::pair<size_t, size_t>> Analyzer::segment(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  if (text.empty()) return out;
  MeCab::Lattice* lattice = impl_->lattice.get();
  lattice->set_sentence(text.data(), text.size());
  size_t pos = 0;
  if (impl_->tagger->parse(lattice)) {
    const char* base = lattice->sentence();
    for (const MeCab::Node* node = lattice->bos_node(); node; node = node->next) {
      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0) continue;
      const size_t begin = size_t(node->surface - base);
      if (begin < pos || begin + node->length > text.size()) continue;
      if (begin > pos) out.emplace_back(pos, begin);  // whitespace MeCab skipped
      out.emplace_back(begin, begin + node->length);
      pos = begin + node->length;
    }
  }
  if (pos < text.size()) out.emplace_back(pos, text.size());
  return out;
}

}  // namespace madoguchi
