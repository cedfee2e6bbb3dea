// Peer "Xapian without MeCab": Xapian's own CJK n-gram mode (TermGenerator FLAG_CJK_NGRAM: CJK
// text as unigrams and bigrams), BM25, top 10. Builds its index from docs.jsonl, then replays the
// keystrokes. The typed text goes through the same TermGenerator and its terms are ORed: Xapian
// 1.4's QueryParser with FLAG_CJK_NGRAM ANDs every n-gram of a CJK run (国 AND 国民 AND 民 ...),
// which answers about a quarter of the keystrokes of natural questions. Returns ids only.
//
//   bench_peer_xapian_ngram --docs docs.jsonl --db DIR --queries queries.tsv [--quality-queries all.tsv]
//                   [--qrels qrels.json]
//                           [--reps 3] [--out result.json]
#include <xapian.h>

#include <chrono>
#include <filesystem>

#include "args.h"
#include "docs.h"
#include "replay.h"

int main(int argc, char** argv) try {
  bench::Args args(argc, argv);
  const std::string db_dir = args.get("--db");
  const auto docs = bench::load_docs(args.get("--docs"));

  const auto t0 = std::chrono::steady_clock::now();
  {
    std::filesystem::remove_all(db_dir);
    Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    for (const auto& d : docs) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(d.title);
      tg.increase_termpos();
      tg.index_text(d.body);
      doc.set_data(d.id);
      db.add_document(doc);
    }
    db.commit();
  }
  const double build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  Xapian::Database db(db_dir);
  Xapian::Enquire enquire(db);
  Xapian::TermGenerator query_terms;
  query_terms.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  auto search = [&](const std::string& typed) {
    std::vector<std::string> ids;
    Xapian::Document scratch;
    query_terms.set_document(scratch);
    query_terms.index_text(typed);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, scratch.termlist_begin(), scratch.termlist_end()));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
    return ids;
  };

  bench::ReplayOptions options{.repetitions = args.get_int("--reps", 3), .qrels_path = args.get("--qrels", "")};
  const std::string quality = args.get("--quality-queries", "");
  if (!quality.empty()) options.quality_queries = bench::load_queries(quality);
  nlohmann::json out = bench::replay(search, bench::load_queries(args.get("--queries")), options);
  out["engine"] = "xapian-ngram";
  out["build"] = {{"docs", docs.size()}, {"seconds", build_seconds},
                  {"mb_per_s", double(bench::text_bytes(docs)) / 1e6 / build_seconds}};
  args.write_json(out);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_peer_xapian_ngram: %s\n", e.what());
  return 1;
} catch (const Xapian::Error& e) {
  std::fprintf(stderr, "bench_peer_xapian_ngram: %s\n", e.get_description().c_str());
  return 1;
}
