// The background search worker: its own Searcher on its own thread, newest job wins, every reply
// wakes the UI, and it shuts down cleanly even while busy.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "search_service.h"
#include "viewer_fixture.h"

namespace madoguchi::viewer::test {
namespace {

using madoguchi::test::TempDir;

// Drains replies until `done` says so or 10 s pass.
template <class Done>
std::vector<Reply> collect(SearchService& s, Done done) {
  std::vector<Reply> all;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done(all) && std::chrono::steady_clock::now() < deadline) {
    for (auto& r : s.drain()) all.push_back(std::move(r));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return all;
}

SearchJob search(uint64_t gen, const std::string& q) {
  SearchJob j;
  j.generation = gen;
  j.request.query = q;
  return j;
}

}  // namespace

TEST_CASE("the worker opens the index, answers searches and wakes the UI each time", "[viewer][worker]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  std::atomic<int> wakes{0};
  SearchWorker worker(db, Clock::fixed(today()), {}, [&] { ++wakes; });
  worker.submit(search(1, "発熱"));
  auto replies = collect(worker, [](const auto& all) { return all.size() >= 2; });
  REQUIRE(replies.size() == 2);
  const auto* opened = std::get_if<OpenReply>(&replies[0]);
  REQUIRE(opened);
  CHECK(opened->status.ok());
  CHECK(opened->entry_count == 8);
  const auto* found = std::get_if<SearchReply>(&replies[1]);
  REQUIRE(found);
  REQUIRE(found->result.has_value());
  CHECK(found->generation == 1);
  CHECK(found->result->hits.at(0).id == "fever-consult");
  CHECK(wakes >= 2);
  CHECK_FALSE(worker.busy());
}

TEST_CASE("a burst of keystrokes is answered for the newest query, waiting ones are dropped", "[viewer][worker]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  SearchWorker worker(db, Clock::fixed(today()), {}, nullptr);
  const std::vector<std::string> keystrokes = {"ほ", "ほけ", "ほけん", "ほけんじ", "ほけんじょ"};
  uint64_t gen = 0;
  for (const auto& q : keystrokes) worker.submit(search(++gen, q));
  worker.submit(ShowJob{7, "hokenjo-hours", std::nullopt});
  auto replies = collect(worker, [&](const auto& all) {
    bool last = false, shown = false;
    for (const auto& r : all) {
      if (auto* s = std::get_if<SearchReply>(&r); s && s->generation == gen) last = true;
      if (std::get_if<ShowReply>(&r)) shown = true;
    }
    return last && shown;
  });
  size_t searches = 0;
  uint64_t previous = 0;
  for (const auto& r : replies)
    if (auto* s = std::get_if<SearchReply>(&r)) {
      ++searches;
      CHECK(s->generation > previous);  // never out of order
      previous = s->generation;
    }
  CHECK(searches >= 1);
  CHECK(searches <= keystrokes.size());
  CHECK(previous == gen);
  CHECK_FALSE(worker.busy());
}

TEST_CASE("a worker on a missing index says so and answers every job with an error", "[viewer][worker]") {
  TempDir tmp;
  SearchWorker worker(tmp.str("missing"), Clock::fixed(today()), {}, nullptr);
  worker.submit(search(1, "発熱"));
  auto replies = collect(worker, [](const auto& all) { return all.size() >= 2; });
  REQUIRE(replies.size() == 2);
  CHECK_FALSE(std::get<OpenReply>(replies[0]).status.ok());
  CHECK_FALSE(std::get<SearchReply>(replies[1]).result.has_value());
}

TEST_CASE("a worker whose index was missing opens it once it is there", "[viewer][worker]") {
  TempDir tmp;
  const std::string db = tmp.str("late");
  SearchWorker worker(db, Clock::fixed(today()), {}, nullptr);
  worker.submit(search(1, "発熱"));
  auto failed = collect(worker, [](const auto& all) { return all.size() >= 2; });
  REQUIRE(failed.size() == 2);
  CHECK_FALSE(std::get<OpenReply>(failed[0]).status.ok());
  const auto& error = std::get<SearchReply>(failed[1]).result;
  REQUIRE_FALSE(error.has_value());
  CHECK(error.status().message().find("index is not open") != std::string::npos);

  const std::string built = build_viewer_index(tmp);  // an index appears at the seat's path
  std::filesystem::rename(built, db);
  std::vector<Reply> replies;
  uint64_t gen = 1;
  // Retried at most every 2 s: keep typing until it opens (bounded).
  for (int i = 0; i < 40 && replies.size() < 2; ++i) {
    worker.submit(search(++gen, "発熱"));
    auto got = collect(worker, [](const auto& all) { return !all.empty(); });
    for (auto& r : got)
      if (auto* o = std::get_if<OpenReply>(&r); o && o->status.ok()) replies.push_back(std::move(r));
      else if (auto* s = std::get_if<SearchReply>(&r); s && s->result && !replies.empty()) replies.push_back(std::move(r));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  REQUIRE(replies.size() >= 2);
  CHECK(std::get<OpenReply>(replies[0]).entry_count == 8);
  CHECK(std::get<SearchReply>(replies[1]).result->hits.at(0).id == "fever-consult");
}

TEST_CASE("destroying a busy worker waits for it and returns", "[viewer][worker]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  auto worker = std::make_unique<SearchWorker>(db, Clock::fixed(today()), SearcherOptions{}, nullptr);
  for (int i = 0; i < 50; ++i) worker->submit(search(uint64_t(i + 1), "受診相談"));
  worker.reset();  // must not hang or crash
  SUCCEED();
}

}  // namespace madoguchi::viewer::test

namespace madoguchi::viewer::test {

TEST_CASE("a search asked with its first page's snippets is answered again with every snippet", "[viewer][worker]") {
  TempDir tmp;
  const std::string db = build_viewer_index(tmp);
  SearchWorker worker(db, Clock::fixed(today()), {}, nullptr);
  SearchJob job = search(1, "保健所 相談");
  job.request.snippet_hits = 1;
  job.snippets_after = true;
  worker.submit(job);
  auto replies = collect(worker, [](const auto& all) {
    for (const auto& r : all)
      if (auto* s = std::get_if<SearchReply>(&r); s && s->completes) return true;
    return false;
  });
  std::vector<const SearchReply*> searches;
  for (const auto& r : replies)
    if (auto* s = std::get_if<SearchReply>(&r)) searches.push_back(s);
  REQUIRE(searches.size() == 2);
  REQUIRE(searches[0]->result.has_value());
  REQUIRE(searches[1]->result.has_value());
  const auto& first = searches[0]->result->hits;
  const auto& all = searches[1]->result->hits;
  CHECK_FALSE(searches[0]->completes);
  REQUIRE(first.size() >= 2);
  CHECK_FALSE(first[0].snippet.empty());
  for (size_t i = 1; i < first.size(); ++i) CHECK(first[i].snippet.empty());
  REQUIRE(all.size() == first.size());
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].id == first[i].id);
    CHECK(all[i].score == first[i].score);
    CHECK_FALSE(all[i].snippet.empty());
  }
  CHECK(all[0].snippet == first[0].snippet);
  CHECK_FALSE(worker.busy());
}

}  // namespace madoguchi::viewer::test
