// The indexing floor: raw MeCab tokenization of the same files `madoguchi index` reads, in the
// same run. Each file's bytes are parsed whole with a lattice (the thread-safe path) and every
// node's surface and feature are touched, as any indexer must; nothing else is done.
//
//   bench_mecab_floor --corpus DIR [--dicdir /var/lib/mecab/dic/ipadic-utf8] [--threads 1]
//                     [--out result.json]
#include <mecab.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <ctime>
#include <thread>
#include <vector>

#include "args.h"

namespace fs = std::filesystem;

// CPU time of the whole process (all threads): unlike wall time, it does not grow when other
// processes take the cores, so it is the figure to compare on a loaded machine.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

int main(int argc, char** argv) try {
  bench::Args args(argc, argv);
  const std::string dicdir = args.get("--dicdir", "/var/lib/mecab/dic/ipadic-utf8");
  const int threads = std::max(1, args.get_int("--threads", 1));

  std::vector<std::string> texts;
  size_t bytes = 0;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(args.get("--corpus")))
    if (e.is_regular_file() && e.path().extension() == ".md") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }

  std::unique_ptr<MeCab::Model> model(MeCab::createModel(("-d " + dicdir).c_str()));
  if (!model) throw std::runtime_error(std::string("MeCab: ") + MeCab::getLastError());

  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = cpu_seconds();
  std::vector<size_t> tokens(size_t(threads), 0), checksum(size_t(threads), 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::unique_ptr<MeCab::Tagger> tagger(model->createTagger());
      std::unique_ptr<MeCab::Lattice> lattice(model->createLattice());
      for (size_t i = size_t(t); i < texts.size(); i += size_t(threads)) {
        lattice->set_sentence(texts[i].c_str());
        if (!tagger->parse(lattice.get())) continue;
        for (const MeCab::Node* n = lattice->bos_node(); n; n = n->next) {
          ++tokens[size_t(t)];
          checksum[size_t(t)] += n->length + (n->feature ? size_t(n->feature[0]) : 0);
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpu_seconds() - cpu0;

  size_t total_tokens = 0;
  for (size_t n : tokens) total_tokens += n;
  args.write_json({{"engine", "mecab"},
                   {"threads", threads},
                   {"files", texts.size()},
                   {"bytes", bytes},
                   {"tokens", total_tokens},
                   {"seconds", seconds},
                   {"files_per_s", double(texts.size()) / seconds},
                   {"mb_per_s", double(bytes) / 1e6 / seconds},
                   {"cpu_seconds", cpu},
                   {"mb_per_cpu_s", double(bytes) / 1e6 / cpu}});
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_mecab_floor: %s\n", e.what());
  return 1;
}
