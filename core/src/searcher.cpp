#include "madoguchi/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <xapian.h>

#include "as_of_filter.h"
#include "block_cache.h"
#include "bm25_leaf.h"
#include "deferred_parts.h"
#include "dictionary_cache.h"
#include "document_lengths.h"
#include "explain.h"
#include "generational_cache.h"
#include "helper_thread.h"
#include "index_document.h"
#include "index_identity.h"
#include "madoguchi/schema.h"
#include "markdown_text.h"
#include "match_memo.h"
#include "query_builder.h"
#include "release_store.h"
#include "reopen_database.h"
#include "reranker.h"
#include "second_analyzer.h"
#include "snippet.h"
#include "split_match.h"
#include "synonym_table.h"
#include "term_memo.h"
#include "text_checks.h"
#include "version_collapse.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

// Badges for operators (DESIGN §3), most urgent first.
std::string badge_for(const StoredVersion& s, Date as_of, VersionStatus status, int days) {
  if (status == VersionStatus::kWithdrawn || status == VersionStatus::kSuperseded) return "廃止";
  if (status == VersionStatus::kUpcoming) return "予定";
  const Date first = s.siblings.front().span.effective;
  if (as_of.days_since(first) < days && first <= as_of) return "新規";
  if (s.self_index > 0 && as_of.days_since(s.span.effective) < days) return "更新";
  if (size_t(s.self_index) + 1 < s.siblings.size()) return "予定";
  return "";
}

// Whether `v` has the category, type and municipality `req` asks for (as the match's filters do).
bool passes_filters(const EntryVersion& v, const SearchRequest& req) {
  auto has = [](const std::vector<std::string>& values, const std::string& wanted) {
    const std::string normalized = normalize_text(wanted);
    return std::any_of(values.begin(), values.end(), [&](const std::string& x) { return normalize_text(x) == normalized; });
  };
  return (req.category.empty() || has(v.category, req.category)) &&
         (req.type.empty() || std::string(to_string(v.type)) == req.type) &&
         (req.municipality.empty() || has(v.municipalities, req.municipality));
}

// A decoded version with the plain text its snippets are cut from (the Markdown-to-plain pass was
// ~5% of a keystroke at 2k, redone for every hit).
struct LoadedVersion {
  StoredVersion stored;
  std::string snippet_source;
};

std::string snippet_source_of(const StoredVersion& s) {
  std::string text = s.version.question.empty() ? "" : s.version.question + "\n";
  text += s.version.answer.empty() ? s.version.script : s.version.answer;
  return plain_text(text);
}

// A match's documents and how many matched: a count when `exact`, else Xapian's estimate.
struct Matched {
  std::vector<RankedDoc> docs;
  Xapian::doccount estimated = 0;
  bool exact = false;
};

}  // namespace

struct Searcher::Impl {
  Impl(std::string dir, Clock c, SearcherOptions o) : db_dir(std::move(dir)), clock(std::move(c)), options(std::move(o)) {}
  Impl(const Impl&) = delete;  // `terms` refers to this Impl's own `db`
  Impl& operator=(const Impl&) = delete;

  std::string db_dir;
  Clock clock;
  SearcherOptions options;
  Xapian::Database db;
  // db's blocks (and the split match's), for this revision: block_cache.h.
  BlockCache blocks{options.block_cache_bytes};
  BlockCache* blocks_in_use() { return options.block_cache_bytes ? &blocks : nullptr; }  // none: 0 bytes
  std::shared_ptr<const Dictionary> dictionary;
  std::unique_ptr<Analyzer> analyzer;
  SynonymTable synonyms;  // editors' groups and Sudachi's variants (synonym_table.h)
  int entries = 0;
  ReadingVocabulary readings;  // the index's readings: kana segmentation and typos
  std::optional<ReleaseInfo> release;  // the latest release when last (re)opened
  // Decoded document data by docid, for this revision only (emptied on reopen): a keystroke's
  // hits are mostly the previous keystroke's, and inflating + parsing their data was ~10% of it.
  GenerationalCache<Xapian::docid, std::shared_ptr<const LoadedVersion>> stored_cache{1024};
  TokenCache snippet_tokens;  // analysis of snippet regions (content-keyed: survives reopen)
  AsOfFilter as_of_filter;    // versions not ended by the as-of date, for this revision
  bool as_of_leaf = false;    // the backend refused the filter as a decider: use its value leaf
  bool decider_checked = false;  // asked the backend once whether it takes deciders
  MatchMemo recent_matches{size_t(std::max(0, options.recent_matches))};  // recent searches' matches, for this revision
  TermMemo terms{db};         // term frequencies asked while typing, for this revision
  QuestionMemo question_memo;  // the question lengths the re-ranker read, for this revision
  PostingMemo posting_memo;    // the postings the second stage and the re-ranker read, for this revision
  std::shared_ptr<const DocumentLengths> lengths;  // for this revision, once a search needs them
  Xapian::Registry leaf_registry;  // unserialises our leaves (bm25_leaf.h) on the split match's thread
  std::optional<bool> own_leaves_here;  // a local glass index: leaves of ours can be used
  // The second core's thread, shared by the split match and snippet analysis; declared before
  // them so that it outlives both.
  std::unique_ptr<HelperThread> helper;
  bool helper_refused = false;             // the system would not start its thread
  std::unique_ptr<SplitMatcher> split;     // the match's upper half, once the index is large enough
  std::unique_ptr<SecondAnalyzer> second;  // snippet analysis on the second core

  // Two-core work happens on a machine of two cores or more, unless matching was kept to one
  // thread (match_threads 1: the caller wants one core). The thread starts on first use, so
  // one-core machines never start it; when the system refuses it, all runs on this thread.
  HelperThread* helper_thread() {
    if (!helper && !helper_refused && options.match_threads >= 2 && std::thread::hardware_concurrency() >= 2) {
      try {
        helper = std::make_unique<HelperThread>(options.always_hand_over ? HandOverPolicy::always() : HandOverPolicy{});
      } catch (const std::system_error&) {
        helper_refused = true;
      }
    }
    return helper.get();
  }

  // The split match when it pays (split_match.h): a large index as well.
  SplitMatcher* split_matcher() {
    if (!split && db.get_doccount() >= Xapian::doccount(options.split_min_documents) && helper_thread())
      split = std::make_unique<SplitMatcher>(db_dir, *helper, blocks_in_use());
    return split.get();
  }

  SecondAnalyzer* second_analyzer() {
    if (!second && helper_thread()) second = std::make_unique<SecondAnalyzer>(dictionary, *helper);
    return second.get();
  }

  // Only Xapian's remote backend (xapian-tcpsrv, README's thin-client seats) refuses deciders:
  // there every posting-list or value-stream read is a network round trip.
  bool remote_backend() {
    if (!decider_checked) {
      decider_checked = true;  // the backend's kind does not change with a reopen of the same path
      as_of_leaf = as_of_leaf || !AsOfFilter::backend_takes_deciders(db);
    }
    return as_of_leaf;
  }

  // The first stage's query with its term, synonym and typed-word leaves weighed by us
  // (bm25_leaf.h), on a local glass index of one shard; elsewhere Xapian's.
  Xapian::Query first_stage_query(const SplitPlan& split) {
    if (!options.own_leaves || split.first_leaves.empty() || remote_backend()) return split.first;
    if (!own_leaves_here) own_leaves_here = is_one_glass_index();
    if (!*own_leaves_here) return split.first;
    if (!lengths) {
      lengths = DocumentLengths::read(db);
      register_leaves(leaf_registry, lengths);
    }
    std::vector<Xapian::Query> leaves;
    for (const FirstStageLeaf& leaf : split.first_leaves) {
      auto planned = plan_leaf(terms, leaf.query, leaf.scale, leaf.wildcard ? &*leaf.wildcard : nullptr);
      leaves.push_back(planned ? leaf_query(std::move(*planned), lengths) : leaf.query);
    }
    return Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
  }

  bool is_one_glass_index() {
    try {
      (void)db.get_revision();  // a database of several shards has none
    } catch (const Xapian::InvalidOperationError&) {
      return false;
    }
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::path(db_dir) / "iamglass", ec);
  }

  void load_revision_state() {
    blocks.clear();
    stored_cache.clear();
    as_of_filter.reset();
    recent_matches.clear();
    terms.clear();
    question_memo.clear();
    posting_memo.clear();
    lengths.reset();
    own_leaves_here.reset();  // the path may now hold another kind of database
    synonyms = read_synonym_table(db);
    readings.load(db, std::string(schema::kReading));
    entries = std::atoi(db.get_metadata(std::string(schema::kMetaEntryCount)).c_str());
    release = latest_release_info(db);
  }

  // Picks up the latest commit (reopen_database.h). Returns true when anything may have changed.
  bool reopen() {
    const BlockCache::Scope around_the_cache(nullptr);  // cleared below once the files are open
    bool changed = true;
    try {
      changed = reopen_or_open_anew(db, db_dir);
    } catch (...) {
      blocks.clear();  // some tables may have moved to new files before the error
      throw;
    }
    if (changed) load_revision_state();
    return changed;
  }

  // Runs `action`, reopening and retrying once if a writer moved the database underneath.
  template <class F>
  auto with_retry(F&& action) -> decltype(action()) {
    for (int attempt = 0;; ++attempt) {
      try {
        auto result = action();
        if (!result) blocks.clear();  // e.g. data that did not decode: read it again next time
        return result;
      } catch (const Xapian::DatabaseModifiedError&) {
        blocks.clear();  // a block a writer was rewriting may have been read: not kept
        if (attempt >= 2) return Status::io_error("index changes too fast to read", {db_dir, 0});
        try {
          reopen();
        } catch (const Xapian::Error& e) {
          return status_from_xapian(e, db_dir);
        }
      } catch (const Xapian::NetworkError& e) {
        if (attempt >= 1) return status_from_xapian(e, db_dir);
        try {
          reopen();  // the remote server dropped an idle connection: connect again
        } catch (const Xapian::Error& e2) {
          return status_from_xapian(e2, db_dir);
        }
      } catch (const Xapian::Error& e) {
        blocks.clear();  // e.g. DatabaseCorruptError from a torn block: the next search reads it again
        return status_from_xapian(e, db_dir);
      } catch (...) {
        blocks.clear();
        throw;
      }
    }
  }

  Result<StoredVersion> load(Xapian::docid id) {
    return decode_data(db.get_document(id).get_data());
  }

  // load(), remembered for this revision.
  Result<std::shared_ptr<const LoadedVersion>> load_cached(Xapian::docid id) {
    if (const auto* known = stored_cache.find(id)) return *known;
    auto stored = load(id);
    if (!stored) return stored.status();
    std::string source = snippet_source_of(*stored);
    auto shared = std::make_shared<const LoadedVersion>(LoadedVersion{std::move(*stored), std::move(source)});
    stored_cache.put(id, shared);
    return shared;
  }

  // The document of version `uid`, if the index has it.
  std::optional<Xapian::docid> find_uid(const std::string& uid) {
    const std::string term = std::string(schema::kUid) + uid;
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return std::nullopt;
    return *p;
  }

  // The best `size` documents matching `query` on date `d`, one per entry id, best first, and
  // Xapian's match estimate: the as-of date as a decider (as_of_filter.h), or as the value leaf it
  // replaces once the backend has refused a decider (remote databases). Where the decider leaves
  // few entries with several versions, they are collapsed here instead of by Xapian
  // (version_collapse.h: the same documents, without an id read per candidate).
  Matched match(const Xapian::Query& query, Date d, Xapian::doccount size, Xapian::doccount check_at_least) {
    // Xapian raises its weight floor, and so prunes, only once this many documents have matched.
    if (db.get_doccount() <= Xapian::doccount(std::max(0, options.exact_match_max_documents)))
      check_at_least = std::max(check_at_least, db.get_doccount());
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (!remote_backend()) {
      try {
        as_of_filter.prepare(db, d);
        const AsOfFilter::Decider not_ended(as_of_filter);
        // More than a page of droppable versions (a publish of many upcoming changes): a longer
        // match would cost more than Xapian's collapse.
        if (const Xapian::doccount extra = as_of_filter.redundant(); extra <= size) {
          const Xapian::doccount wanted = size ? size + extra : 0;
          std::optional<MatchPart> part;
          // Exhaustively: every document on this thread, then what was wanted.
          if (wanted && !options.exhaustive_match && split_matcher())
            part = split->match(db, query, wanted, check_at_least, as_of_filter, leaf_registry);
          if (!part)
            part = match_docid_range(db, query, 1, db.get_lastdocid(), asked(wanted),
                                     options.exhaustive_match ? db.get_doccount() : check_at_least, as_of_filter);
          if (part->docs.size() > wanted) part->docs.resize(wanted);
          // The count is of versions: an entry in force with an upcoming version is counted once,
          // when it is known how many such versions matched (or every match is in hand).
          Matched matched{collapse_versions(part->docs, as_of_filter, size), part->estimated, part->exact};
          if (matched.exact && part->collapsible) matched.estimated -= *part->collapsible;
          else if (matched.exact && part->docs.size() >= part->estimated)
            matched.estimated = Xapian::doccount(collapse_versions(part->docs, as_of_filter, part->estimated).size());
          else matched.exact = false;
          return matched;
        }
        enquire.set_collapse_key(schema::kSlotId);
        return ranked_of(enquire.get_mset(0, asked(size), asked(check_at_least), nullptr, &not_ended), size);
      } catch (const Xapian::UnimplementedError&) {
        as_of_leaf = true;
        as_of_filter.reset();
      }
    }
    enquire.set_collapse_key(schema::kSlotId);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, AsOfFilter::leaf(d)));
    // A small index is counted exactly here too: Xapian's collapsed estimate is not a count (約200
    // for 40 entries through xapian-tcpsrv), so every entry is asked for and counted.
    if (size && db.get_doccount() <= Xapian::doccount(std::max(0, options.exact_match_max_documents))) {
      const Xapian::MSet all = enquire.get_mset(0, db.get_doccount(), asked(check_at_least));
      Matched matched = ranked_of(all, size);
      matched.estimated = all.size();
      matched.exact = true;
      return matched;
    }
    return ranked_of(enquire.get_mset(0, asked(size), asked(check_at_least)), size);
  }

  // How many documents to ask Xapian for, when `n` are wanted: all of them to check its pruning.
  Xapian::doccount asked(Xapian::doccount n) const { return options.exhaustive_match && n ? db.get_doccount() : n; }

  // The first `size` documents of `mset`, matched with `size` (or, exhaustively, every match).
  static Matched ranked_of(const Xapian::MSet& mset, Xapian::doccount size) {
    Matched matched;
    for (auto it = mset.begin(); it != mset.end() && matched.docs.size() < size; ++it)
      matched.docs.push_back({*it, it.get_weight(), 0, it.get_collapse_key()});
    matched.estimated = mset.get_matches_estimated();
    matched.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    return matched;
  }

  Result<SearchResult> search(const SearchRequest& req) {
    const auto started = std::chrono::steady_clock::now();
    const BlockCache::Scope through_the_cache(blocks_in_use());
    if (auto problem = check_utf8_text(req.query))
      return Status::invalid_input("query is not valid UTF-8 (a Shift_JIS/CP932 file? convert it: iconv -f CP932 -t UTF-8)");
    SearchResult result;
    result.query = req.query;
    result.as_of = req.as_of.value_or(clock.today());
    const Date d = result.as_of;

    QueryBuilder builder(*analyzer, terms, synonyms, &readings);
    QueryPlan plan = builder.build(req.query, req.prefix_last_word);
    if (!plan.empty()) {
      const std::string memo_key = MatchMemo::key_of(plan, req, d);
      const MatchOutcome* outcome = recent_matches.find(memo_key);
      if (!outcome) {
        std::vector<Xapian::Query> filters;  // match() adds the as-of date
        if (!req.category.empty()) filters.emplace_back(std::string(schema::kCategory) + normalize_text(req.category));
        if (!req.type.empty()) filters.emplace_back(std::string(schema::kType) + req.type);
        if (!req.municipality.empty())
          filters.emplace_back(std::string(schema::kMunicipality) + normalize_text(req.municipality));
        // Common bigram and question leaves, and the commonest words, are weighed on the best
        // candidates only (deferred_parts.h).
        const DeferWeights defer_weights{.min_word_entries = Xapian::doccount(std::max(0, options.common_word_min_entries))};
        auto with_filters = [&](const Xapian::Query& q) {
          return filters.empty() ? q
                                 : Xapian::Query(Xapian::Query::OP_FILTER, q,
                                                 Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        };
        // BM25 finds the candidates; the re-ranker orders the best of them (reranker.h).
        const RerankWeights rerank_weights;
        const auto limit = Xapian::doccount(std::max(0, req.limit));
        const Xapian::doccount depth = std::max(limit, rerank_weights.depth);
        auto size_for = [&](const SplitPlan& s) { return s.deferred.empty() ? depth : std::max(depth, defer_weights.candidates); };
        SplitPlan split = split_common_parts(terms, plan, defer_weights);
        const Xapian::doccount size = size_for(split);
        Matched first = match(with_filters(first_stage_query(split)), d, limit ? size : 0, limit);
        if (split.deferred_word_share > 0 && limit && first.docs.size() < size) {
          // Too few candidates without the common words: the documents only they match count.
          DeferWeights no_words = defer_weights;
          no_words.word_common_share = 1;
          split = split_common_parts(terms, plan, no_words);
          first = match(with_filters(first_stage_query(split)), d, size_for(split), limit);
        }
        // The entries only the deferred common words hold, added as Xapian's OR estimate would
        // (not under a filter: the words' counts are over the whole index).
        if (filters.empty()) {
          const double unmatched = std::max(0.0, double(db.get_doccount()) - double(first.estimated));
          first.estimated += Xapian::doccount(std::lround(split.deferred_word_share * unmatched));
        }
        std::vector<RankedDoc> ranked = add_deferred_weights(db, std::move(first.docs), split, remote_backend(),
                                                             options.remember_postings ? &posting_memo : nullptr);
        if (ranked.size() > depth) ranked.resize(depth);
        outcome = &recent_matches.remember(
            memo_key, {rerank(db, plan, std::move(ranked), size_t(limit), rerank_weights, remote_backend(), &question_memo,
                            &posting_memo),
                       long(first.estimated),
                       // The entries only deferred common words hold are estimated. (The other deferred
                       // leaves only add weight: the entries listed are those the first stage found.)
                       first.exact && split.deferred_word_share == 0});
      }
      result.estimated_total = outcome->estimated_total;
      result.total_is_exact = outcome->total_is_exact;

      // The versions to show: an upcoming version that matched gives way to the entry's
      // version in force today.
      std::vector<std::shared_ptr<const LoadedVersion>> shown;
      for (const RankedDoc& ranked : outcome->ranked) {
        auto loaded = load_cached(ranked.doc);
        if (!loaded) return loaded.status();
        shown.push_back(shown_version(*loaded, d, req));
      }
      const size_t with_snippets = req.snippet_hits < 0 ? shown.size() : std::min(shown.size(), size_t(req.snippet_hits));
      std::vector<const std::string*> sources;
      for (size_t i = 0; i < with_snippets; ++i) sources.push_back(&shown[i]->snippet_source);
      prefetch_snippet_regions(*analyzer, second_analyzer(), snippet_tokens, sources, plan);
      for (size_t i = 0; i < shown.size(); ++i) {
        const RankedDoc& ranked = outcome->ranked[i];
        result.hits.push_back(make_hit(*shown[i], d, ranked.score, int(i) + 1, plan, i < with_snippets));
        if (req.explain)
          result.hits.back().explanation =
              explain_match(db, *analyzer, plan, ranked.doc, shown[i]->stored.version, ranked.score, ranked.extra);
      }
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
  }

  // The version to show for the matched `hit`: itself when it is in force on `d`; when it takes
  // effect later, its entry's version in force on `d`, or with none in force yet the next to take
  // effect (what `show` gives), as long as that version passes the request's filters too: the
  // entry was found through `hit`, and an operator filtering on 大浜市 must not be shown the
  // version for 青葉市 in force today.
  std::shared_ptr<const LoadedVersion> shown_version(std::shared_ptr<const LoadedVersion> hit, Date d,
                                                     const SearchRequest& req) {
    const StoredVersion& stored = hit->stored;
    if (!(d < stored.span.effective)) return hit;
    const SiblingVersion* shown = nullptr;
    for (const auto& sib : stored.siblings)
      if (sib.span.in_force_on(d)) shown = &sib;
    for (auto sib = stored.siblings.begin(); !shown && sib != stored.siblings.end(); ++sib)
      if (d < sib->span.effective) shown = &*sib;
    if (!shown || shown->span.effective == stored.span.effective) return hit;
    const Date effective = shown->span.effective == Date{VersionSpan::kAlways} ? Date{} : shown->span.effective;
    const auto docid = find_uid(uid_of(stored.version.id, effective));
    if (!docid) return hit;
    auto loaded = load_cached(*docid);  // may drop cached versions: `stored` is `hit`'s, which is held
    if (!loaded || !passes_filters((*loaded)->stored.version, req)) return hit;
    return *loaded;
  }

  Hit make_hit(const LoadedVersion& loaded, Date d, double score, int rank, const QueryPlan& plan, bool with_snippet) {
    const StoredVersion& s = loaded.stored;
    Hit h;
    h.rank = rank;
    h.id = s.version.id;
    h.type = s.version.type;
    h.title = s.version.title;
    h.category = s.version.category;
    h.municipalities = s.version.municipalities;
    h.effective = s.span.effective;
    h.until = s.span.until;
    h.status = s.span.status_on(d);
    h.score = score;
    for (size_t i = size_t(s.self_index) + 1; i < s.siblings.size(); ++i) {
      if (d < s.siblings[i].span.effective) {
        h.upcoming = UpcomingVersion{s.siblings[i].span.effective, s.siblings[i].title};
        break;
      }
    }
    h.badge = badge_for(s, d, h.status, options.badge_days);
    if (!with_snippet) return h;
    Snippet snippet = make_snippet(*analyzer, loaded.snippet_source, plan, kSnippetBytes, &snippet_tokens);
    h.snippet = std::move(snippet.text);
    h.highlights = std::move(snippet.highlights);
    return h;
  }

  Result<EntryDetail> show(const std::string& id, std::optional<Date> as_of) {
    EntryDetail detail;
    detail.id = id;
    detail.as_of = as_of.value_or(clock.today());
    const std::string term = std::string(schema::kId) + id;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      auto stored = load(*p);
      if (!stored) return stored.status();
      VersionDetail v{std::move(stored->version), stored->span, stored->span.status_on(detail.as_of)};
      detail.versions.push_back(std::move(v));
    }
    if (detail.versions.empty()) return Status::not_found("no entry with id '" + id + "'");
    std::sort(detail.versions.begin(), detail.versions.end(),
              [](const auto& a, const auto& b) { return a.span.effective < b.span.effective; });
    for (const auto& v : detail.versions)
      if (v.status == VersionStatus::kInForce) detail.current = v;
    if (!detail.current)
      for (const auto& v : detail.versions)
        if (v.status == VersionStatus::kUpcoming) {
          detail.current = v;
          break;
        }
    if (!detail.current) detail.current = detail.versions.back();  // withdrawn: its last words
    return detail;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& db_dir, const Clock& clock,
                                                 SearcherOptions options) {
  auto impl = std::make_unique<Impl>(db_dir, clock, options);
  try {
    impl->db = Xapian::Database(db_dir);
    auto stored = stored_identity(impl->db, db_dir);
    if (!stored) return stored.status();
    auto dictionary = shared_dictionary({.profile = stored->profile, .dictionary_dir = stored->dictionary_dir});
    if (!dictionary) return dictionary.status();
    if (auto s = check_identity(*stored, (*dictionary)->identity(), db_dir); !s.ok()) return s;
    impl->dictionary = *dictionary;
    impl->analyzer = std::make_unique<Analyzer>(impl->dictionary);
    impl->load_revision_state();
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, db_dir);
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResult> Searcher::search(const SearchRequest& request) {
  return impl_->with_retry([&]() -> Result<SearchResult> { return impl_->search(request); });
}

Result<EntryDetail> Searcher::show(const std::string& id, std::optional<Date> as_of) {
  return impl_->with_retry([&]() -> Result<EntryDetail> { return impl_->show(id, as_of); });
}

bool Searcher::refresh() {
  try {
    return impl_->reopen();
  } catch (const Xapian::Error&) {
    return false;
  }
}

int Searcher::entry_count() const { return impl_->entries; }
Date Searcher::today() const { return impl_->clock.today(); }
std::optional<ReleaseInfo> Searcher::release() const { return impl_->release; }
void Searcher::forget_recent_matches() { impl_->recent_matches.clear(); }
void Searcher::forget_cached_blocks() { impl_->blocks.clear(); }
std::vector<std::string> Searcher::categories() const {
  std::vector<std::string> out;
  const std::string prefix(schema::kCategory);
  try {
    for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t)
      out.push_back((*t).substr(prefix.size()));
  } catch (const Xapian::Error&) {
  }
  return out;
}

std::string Searcher::charset() const {
  try {
    return impl_->db.get_metadata(std::string(schema::kMetaCharset));
  } catch (const Xapian::Error&) {
    return "";
  }
}

}  // namespace madoguchi
