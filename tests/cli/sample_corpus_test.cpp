// The bundled sample corpus (corpus/): it validates, is big enough, and its gold queries find
// their answers through the normal search path (MRR@10 floor).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
namespace fs = std::filesystem;

namespace {

struct GoldQuery {
  std::string query;
  std::vector<std::string> ids;
};

std::vector<GoldQuery> read_gold(const fs::path& path) {
  std::vector<GoldQuery> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    GoldQuery g{line.substr(0, tab), {}};
    std::string ids = line.substr(tab + 1);
    size_t pos = 0;
    while (pos <= ids.size()) {
      size_t comma = ids.find(',', pos);
      if (comma == std::string::npos) comma = ids.size();
      std::string id = ids.substr(pos, comma - pos);
      while (!id.empty() && (id.back() == ' ' || id.back() == '\r')) id.pop_back();
      while (!id.empty() && id.front() == ' ') id.erase(0, 1);
      if (!id.empty()) g.ids.push_back(id);
      pos = comma + 1;
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

TEST_CASE("the sample corpus validates and has at least 200 entry files", "[corpus][sample]") {
  const std::string corpus = source_dir() + "/corpus";
  auto r = run_cli({"validate", corpus});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus))
    if (e.path().extension() == ".md" && e.path().filename() != "README.md") ++files;
  CHECK(files >= 200);
}

TEST_CASE("gold queries find their answers (MRR@10 >= 0.8)", "[corpus][sample][quality]") {
  const fs::path corpus = fs::path(source_dir()) / "corpus";
  auto gold = read_gold(corpus / "gold" / "queries.tsv");
  REQUIRE(gold.size() >= 100);
  TempDir dir;
  CorpusReport report;
  auto loaded = load_corpus(corpus.string(), {}, report);
  REQUIRE(loaded.has_value());
  REQUIRE(build_index(*loaded, dir.str("db")).has_value());
  auto searcher = Searcher::open(dir.str("db"), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(searcher.has_value());
  double rr_sum = 0;
  int top1 = 0;
  std::string misses;
  for (const auto& g : gold) {
    auto r = (*searcher)->search({.query = g.query, .limit = 10});
    REQUIRE(r.has_value());
    double rr = 0;
    for (const auto& h : r->hits)
      if (std::find(g.ids.begin(), g.ids.end(), h.id) != g.ids.end()) {
        rr = 1.0 / h.rank;
        break;
      }
    if (rr == 1.0) ++top1;
    if (rr < 0.5) misses += g.query + " -> " + (r->hits.empty() ? "(none)" : r->hits[0].id) + "\n";
    rr_sum += rr;
  }
  const double mrr = rr_sum / double(gold.size());
  INFO("MRR@10 = " << mrr << ", top-1 " << top1 << "/" << gold.size() << "\nweak queries:\n" << misses);
  CHECK(mrr >= 0.8);
  WARN("gold MRR@10 = " << mrr << " over " << gold.size() << " queries");
}
