// Test doubles around the real search path: an event recorder, a service that holds jobs until
// the test releases them (to reorder or delay replies), a fake clock, and the two ways tests
// drive a model (a key chord, typing).
#pragma once

#include <catch2/catch.hpp>
#include <deque>
#include <string>
#include <vector>

#include "keymap.h"
#include "search_service.h"
#include "view_events.h"
#include "view_model.h"

namespace madoguchi::viewer::test {

class RecordingEvents final : public ViewEvents {
 public:
  std::vector<SearchResult> searches;
  std::vector<std::string> selections;
  std::vector<SettleEvent> settles;
  struct Feedback {
    std::string id, query, note;
  };
  std::vector<Feedback> feedbacks;
  std::vector<std::pair<int, std::string>> releases;  // (number, banner)
  int flushes = 0;
  void feedback(const std::string& id, const std::string& query, const std::string& note) override {
    feedbacks.push_back({id, query, note});
  }
  void release_arrived(int number, const std::string& banner) override { releases.emplace_back(number, banner); }
  void searched(const SearchResult& r) override { searches.push_back(r); }
  void selected(const Hit& h) override { selections.push_back(h.id); }
  void settled(const SettleEvent& e) override { settles.push_back(e); }
  void flush() override { ++flushes; }
  int count(SettleKind kind) const {
    int n = 0;
    for (const auto& s : settles) n += s.kind == kind;
    return n;
  }
};

// Runs jobs on the real index only when told to, in the order the test wants.
class HeldService final : public SearchService {
 public:
  HeldService(const std::string& db, const Clock& clock) : inner_(db, clock) {}
  void submit(SearchJob job) override { searches.push_back(std::move(job)); }
  void submit(ShowJob job) override { shows.push_back(std::move(job)); }
  std::vector<Reply> drain() override { return inner_.drain(); }
  bool busy() const override { return !searches.empty() || !shows.empty(); }
  // Answers the held search at `index` (0 = oldest) and forgets it.
  void answer_search(size_t index) {
    SearchJob job = searches.at(index);
    searches.erase(searches.begin() + long(index));
    inner_.submit(std::move(job));
  }
  void answer_all() {
    while (!searches.empty()) answer_search(0);
    while (!shows.empty()) {
      ShowJob job = shows.front();
      shows.pop_front();
      inner_.submit(std::move(job));
    }
  }
  std::deque<SearchJob> searches;
  std::deque<ShowJob> shows;

 private:
  InlineSearchService inner_;
};

struct FakeTime {
  double now = 1000;
  std::function<double()> fn() {
    return [this] { return now; };
  }
};

// What pressing `chord` does, then the replies it caused.
inline void press(ViewModel& m, Chord chord) {
  auto action = action_for(chord);
  REQUIRE(action.has_value());
  m.apply(*action);
  m.pump();
}

// The search box's text becoming `text`, then the replies it caused.
inline void type(ViewModel& m, const std::string& text) {
  m.apply({Action::kSetQuery, 0, text});
  m.pump();
}

}  // namespace madoguchi::viewer::test
