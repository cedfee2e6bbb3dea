// Issue 7.6: several threads search, each with its own Searcher, while another thread rebuilds
// the index over and over, alternating between two corpora whose every title carries its
// revision's marker. No error may reach a caller and no result set may mix the two revisions.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "generated_corpus.h"
#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

Corpus load(const std::filesystem::path& dir) {
  CorpusReport report;
  auto c = load_corpus(dir.string(), {}, report);
  REQUIRE(c.has_value());
  return std::move(*c);
}

}  // namespace

TEST_CASE("searchers never see an error or a mix of revisions while the index is rebuilt", "[robustness][concurrency]") {
  TempDir dir;
  // Different sizes too: 甲 has 120 entries, 乙 80, so a mixed set could also show in the ids.
  write_generated_corpus(dir.path() / "a", 120, "甲版", 1);
  write_generated_corpus(dir.path() / "b", 80, "乙版", 2);
  const Corpus a = load(dir.path() / "a"), b = load(dir.path() / "b");
  const std::string db = dir.str("db");
  REQUIRE(build_index(a, db).has_value());

  constexpr int kReaders = 4;
  constexpr int kRebuilds = 16;
  std::atomic<bool> done{false};
  std::atomic<long> searches{0}, seen_a{0}, seen_b{0}, empty{0}, refreshed{0};
  std::atomic<int> failures{0};
  std::mutex failure_mutex;
  std::vector<std::string> failure_messages;
  auto fail = [&](std::string why) {
    ++failures;
    std::lock_guard lock(failure_mutex);
    if (failure_messages.size() < 10) failure_messages.push_back(std::move(why));
  };

  std::vector<std::thread> readers;
  for (int t = 0; t < kReaders; ++t) {
    readers.emplace_back([&, t] {
      auto s = Searcher::open(db, Clock::fixed(Date{20261125}));
      if (!s) return fail("open: " + s.status().to_string());
      const char* queries[] = {"案内", "保健所 発熱", "ワクチン接種", "証明書", "ほけんじょ", "窓口で"};
      for (int i = 0; !done.load(); ++i) {
        if ((*s)->refresh()) ++refreshed;
        auto r = (*s)->search({.query = queries[(i + t) % 6], .limit = 30});
        ++searches;
        if (!r) {
          fail("search: " + r.status().to_string());
          continue;
        }
        int from_a = 0, from_b = 0;
        for (const auto& h : r->hits) {
          from_a += h.title.find("甲版") != std::string::npos;
          from_b += h.title.find("乙版") != std::string::npos;
          // 乙 has no gen-80 and above: such an id next to 乙 titles is a mix.
          if (h.title.find("乙版") != std::string::npos && std::stoi(h.id.substr(4)) >= 80) fail("乙 title on 甲-only id");
        }
        if (from_a && from_b) fail("mixed result set: " + std::to_string(from_a) + " 甲 and " + std::to_string(from_b) + " 乙");
        if (from_a + from_b != int(r->hits.size())) fail("hit without a revision marker");
        if (r->hits.empty()) ++empty;
        if (from_a) ++seen_a;
        if (from_b) ++seen_b;
      }
    });
  }

  int rebuilds = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRebuilds; ++i) {
    auto stats = build_index(i % 2 == 0 ? b : a, db);
    if (!stats) fail("rebuild: " + stats.status().to_string());
    else ++rebuilds;
  }
  done = true;
  for (auto& r : readers) r.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const auto& m : failure_messages) UNSCOPED_INFO(m);
  WARN("concurrency: " << kReaders << " readers, " << rebuilds << " rebuilds in " << seconds << " s, "
                       << searches.load() << " searches (" << seen_a.load() << " 甲, " << seen_b.load() << " 乙, "
                       << empty.load() << " empty), " << refreshed.load() << " reopen(s) with changes");
  CHECK(failures.load() == 0);
  CHECK(rebuilds == kRebuilds);
  CHECK(searches.load() > kReaders * kRebuilds);
  CHECK(seen_a.load() > 0);  // both revisions were really observed
  CHECK(seen_b.load() > 0);
}
