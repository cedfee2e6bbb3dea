#include "replay.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace bench {
namespace {

// CPU time of the calling thread: a keystroke's own cost, which other processes on the cores
// inflate less than wall time (shared caches still do).
double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = size_t(std::ceil(p / 100.0 * double(v.size()))) - (p > 0 ? 1 : 0);
  return v[std::min(i, v.size() - 1)];
}

double median(std::vector<double> v) { return percentile(std::move(v), 50); }

}  // namespace

std::vector<KeystrokeQuery> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<KeystrokeQuery> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    KeystrokeQuery q;
    if (std::getline(cols, q.set, '\t') && std::getline(cols, q.qid, '\t') && std::getline(cols, q.text) &&
        !q.text.empty())
      out.push_back(std::move(q));
  }
  return out;
}

std::vector<std::string> prefixes(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 1; i <= text.size(); ++i)
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(text.substr(0, i));
  return out;
}

double ndcg_at_10(const std::vector<std::string>& ids, const nlohmann::json& grades) {
  auto gain = [](int g) { return std::pow(2.0, g) - 1; };
  double dcg = 0;
  for (size_t r = 0; r < ids.size() && r < 10; ++r) {
    if (ids[r].rfind("lgfaq-", 0) != 0) continue;
    auto g = grades.find(ids[r].substr(6));
    if (g != grades.end()) dcg += gain(g->get<int>()) / std::log2(double(r) + 2);
  }
  std::vector<int> ideal;
  for (const auto& g : grades) ideal.push_back(g.get<int>());
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t r = 0; r < ideal.size() && r < 10; ++r) idcg += gain(ideal[r]) / std::log2(double(r) + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

nlohmann::json replay(const SearchFn& search, const std::vector<KeystrokeQuery>& all_queries,
                      const ReplayOptions& options) {
  std::vector<KeystrokeQuery> queries = all_queries;
  if (options.max_queries && queries.size() > options.max_queries) queries.resize(options.max_queries);
  nlohmann::json qrels = nlohmann::json::object();
  if (!options.qrels_path.empty()) {
    std::ifstream in(options.qrels_path);
    if (!in) throw std::runtime_error("cannot read " + options.qrels_path);
    in >> qrels;
  }

  std::vector<std::vector<std::string>> typed;  // per query, its prefixes
  size_t keystrokes = 0, short_keystrokes = 0;
  for (const auto& q : queries) {
    typed.push_back(prefixes(q.text));
    keystrokes += typed.back().size();
    short_keystrokes += std::min<size_t>(2, typed.back().size());
  }

  using Clock = std::chrono::steady_clock;
  std::vector<double> p50, p95, p99, maxima, means, full_p50;
  size_t answered = 0, full_answered = 0, dev_queries = 0;
  double ndcg_sum = 0;
  const auto& quality = options.quality_queries.empty() ? queries : options.quality_queries;
  for (const auto& q : quality) {
    std::vector<std::string> ids = search(q.text);
    if (!ids.empty()) ++full_answered;
    if (q.set != "dev") continue;
    ++dev_queries;
    auto g = qrels.find(q.qid);
    if (g != qrels.end()) ndcg_sum += ndcg_at_10(ids, *g);
  }
  const int passes = options.repetitions + (options.warm_up ? 1 : 0);
  for (int pass = 0; pass < passes; ++pass) {
    const bool timed = pass > 0 || !options.warm_up;
    const bool first_timed = pass == (options.warm_up ? 1 : 0);
    if (timed && options.before_timed_pass) options.before_timed_pass();
    std::vector<double> us, full_us;
    us.reserve(keystrokes);
    for (size_t qi = 0; qi < queries.size(); ++qi) {
      if (!timed && qi >= kWarmUpQueries) break;
      for (size_t k = 0; k < typed[qi].size(); ++k) {
        if (timed && options.pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.pause_ms));
        const double cpu0 = thread_cpu_us();
        const auto t0 = Clock::now();
        std::vector<std::string> ids = search(typed[qi][k]);
        const double elapsed = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
        const double cpu = thread_cpu_us() - cpu0;
        if (!timed) continue;
        us.push_back(elapsed);
        const bool full = k + 1 == typed[qi].size();
        if (full) full_us.push_back(elapsed);
        if (first_timed && !ids.empty()) ++answered;
        if (options.keystroke_log) *options.keystroke_log << pass << '\t' << queries[qi].qid << '\t' << k + 1 << '\t' << elapsed << '\t' << cpu << '\t' << typed[qi][k] << '\n';
      }
    }
    if (!timed) continue;
    p50.push_back(percentile(us, 50));
    p95.push_back(percentile(us, 95));
    p99.push_back(percentile(us, 99));
    maxima.push_back(percentile(us, 100));
    double sum = 0;
    for (double v : us) sum += v;
    means.push_back(us.empty() ? 0 : sum / double(us.size()));
    full_p50.push_back(percentile(full_us, 50));
  }

  return {
      {"queries", queries.size()},
      {"keystrokes", keystrokes},
      {"short_keystrokes", short_keystrokes},
      {"repetitions", options.repetitions},
      {"latency_us",
       {{"p50", median(p50)}, {"p95", median(p95)}, {"p99", median(p99)}, {"max", median(maxima)},
        {"mean", median(means)}, {"full_query_p50", median(full_p50)}}},
      {"latency_us_per_repetition", {{"p50", p50}, {"p99", p99}}},
      {"answered_share", keystrokes ? double(answered) / double(keystrokes) : 0},
      {"quality_queries", quality.size()},
      {"full_answered_share", quality.empty() ? 0 : double(full_answered) / double(quality.size())},
      {"dev_queries", dev_queries},
      {"ndcg10_dev", dev_queries ? ndcg_sum / double(dev_queries) : 0},
  };
}

}  // namespace bench
