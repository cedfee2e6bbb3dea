// Peer: SQLite FTS5 with the trigram tokenizer, bm25 ranking, top 10, in-process through
// libsqlite3. A typed text becomes the OR of its trigrams (each a quoted FTS5 string), since a
// phrase of the whole text would need the caller's exact wording. Trigram matches nothing under 3
// characters: such keystrokes fall back to LIKE '%text%' on title and body (unranked, first 10
// by rowid) and are counted in the output as "like_fallbacks_per_pass".
//
//   bench_peer_fts5 --docs docs.jsonl --db FILE --queries queries.tsv [--quality-queries all.tsv]
//                   [--qrels qrels.json]
//                   [--reps 3] [--out result.json]
#include <sqlite3.h>

#include <chrono>
#include <filesystem>

#include "args.h"
#include "docs.h"
#include "replay.h"

namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool is_space(const std::string& cp) { return cp == " " || cp == "\t" || cp == "\xE3\x80\x80"; }

// OR of the quoted trigrams of every whitespace-separated chunk; "" when no chunk has 3 characters.
std::string trigram_query(const std::string& text) {
  std::string out;
  std::vector<std::string> chunk;
  auto flush = [&] {
    for (size_t i = 0; i + 3 <= chunk.size(); ++i) {
      std::string tri = chunk[i] + chunk[i + 1] + chunk[i + 2], quoted = "\"";
      for (char c : tri) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += (out.empty() ? "" : " OR ") + quoted + "\"";
    }
    chunk.clear();
  };
  for (const auto& cp : code_points(text)) {
    if (is_space(cp)) flush();
    else chunk.push_back(cp);
  }
  flush();
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  bench::Args args(argc, argv);
  const std::string path = args.get("--db");
  const auto docs = bench::load_docs(args.get("--docs"));
  std::filesystem::remove(path);

  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  const auto t0 = std::chrono::steady_clock::now();
  exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
  exec(db, "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')");
  exec(db, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(db, "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", -1, &insert, nullptr), db, "prepare");
  for (const auto& d : docs) {
    sqlite3_bind_text(insert, 1, d.id.c_str(), int(d.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, d.title.c_str(), int(d.title.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, d.body.c_str(), int(d.body.size()), SQLITE_STATIC);
    check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  exec(db, "COMMIT");
  exec(db, "INSERT INTO docs(docs) VALUES ('optimize')");
  const double build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  sqlite3_stmt *match = nullptr, *like = nullptr;
  check(sqlite3_prepare_v2(db, "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", -1, &match, nullptr),
        db, "prepare match");
  check(sqlite3_prepare_v2(db, "SELECT id FROM docs WHERE title LIKE ?1 OR body LIKE ?1 LIMIT 10", -1, &like, nullptr),
        db, "prepare like");
  auto search = [&](const std::string& typed) {
    std::vector<std::string> ids;
    std::string q = trigram_query(typed);
    sqlite3_stmt* stmt = match;
    if (q.empty()) {
      std::string trimmed;
      for (const auto& cp : code_points(typed))
        if (!is_space(cp)) trimmed += cp;
      if (trimmed.empty()) return ids;
      q = "%" + trimmed + "%";
      stmt = like;
    }
    sqlite3_bind_text(stmt, 1, q.c_str(), int(q.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_reset(stmt);
    return ids;
  };

  bench::ReplayOptions options{.repetitions = args.get_int("--reps", 3), .qrels_path = args.get("--qrels", "")};
  const std::string quality = args.get("--quality-queries", "");
  if (!quality.empty()) options.quality_queries = bench::load_queries(quality);
  const auto queries = bench::load_queries(args.get("--queries"));
  size_t like_keystrokes = 0;
  for (const auto& q : queries)
    for (const auto& typed : bench::prefixes(q.text)) like_keystrokes += trigram_query(typed).empty();
  nlohmann::json out = bench::replay(search, queries, options);
  out["engine"] = "sqlite-fts5-trigram";
  out["like_fallbacks_per_pass"] = like_keystrokes;
  out["build"] = {{"docs", docs.size()}, {"seconds", build_seconds},
                  {"mb_per_s", double(bench::text_bytes(docs)) / 1e6 / build_seconds}};
  sqlite3_finalize(match);
  sqlite3_finalize(like);
  sqlite3_close(db);
  args.write_json(out);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_peer_fts5: %s\n", e.what());
  return 1;
}
