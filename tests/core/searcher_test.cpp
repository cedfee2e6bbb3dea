// Searcher: ranking sanity, filters, as-of dates, prefixes, kana, synonyms, snippets.
#include <algorithm>
#include <catch2/catch.hpp>
#include <xapian.h>

#include "madoguchi/index_writer.h"
#include "madoguchi/searcher.h"
#include "markdown_text.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

Searcher& searcher() {
  static auto s = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  return **s;
}

SearchResult run(SearchRequest req) {
  auto r = searcher().search(req);
  REQUIRE(r.has_value());
  return std::move(*r);
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

}  // namespace

TEST_CASE("the entry about the asked topic ranks first", "[searcher]") {
  CHECK(ids(run({.query = "発熱 相談"})).at(0) == "fever-consult");
  CHECK(ids(run({.query = "濃厚接触者 待機"})).at(0) == "close-contact");
  CHECK(ids(run({.query = "保健所 受付時間"})).at(0) == "hokenjo-hours");
}

TEST_CASE("a caller's own phrasing finds the answer", "[searcher]") {
  CHECK(ids(run({.query = "熱が出たのですがどこに相談すればいいですか"})).at(0) == "fever-consult");
}

TEST_CASE("unconverted hiragana and katakana match kanji text through readings", "[searcher]") {
  auto r = run({.query = "ほけんじょ"});
  REQUIRE_FALSE(r.hits.empty());
  CHECK((r.hits[0].id == "hokenjo-hours" || r.hits[0].id == "fever-consult"));
  CHECK(ids(run({.query = "ホケンジョ"})) == ids(r));
  CHECK(ids(run({.query = "のうこうせっしょくしゃ"})).at(0) == "close-contact");
}

TEST_CASE("the word being typed matches as a prefix, a finished word does not", "[searcher]") {
  CHECK(ids(run({.query = "濃厚接"})).at(0) == "close-contact");
  CHECK(ids(run({.query = "ほけんじ"})).size() >= 1);
  CHECK(ids(run({.query = "濃厚接", .prefix_last_word = false})).empty() == false);  // 濃厚 still matches
  // A space ends the word: no prefix (too short for a typo match either; かかりつ now finds
  // かかりつけ as one missed kana, tests/eval/typo_test.cpp).
  CHECK(ids(run({.query = "ほけ "})).empty());
}

TEST_CASE("synonyms match, including multi-word members as phrases", "[searcher]") {
  CHECK(ids(run({.query = "コロナ 濃厚接触者"})).at(0) == "close-contact");
  auto covid = ids(run({.query = "COVID-19 待機"}));
  REQUIRE_FALSE(covid.empty());
  CHECK(covid.at(0) == "close-contact");
  CHECK(ids(run({.query = "予防接種 予約"})).at(0) == "vaccine-autumn");
}

TEST_CASE("one hit per entry id, the version in force on the as-of date", "[searcher]") {
  auto only_isolation = [](const SearchResult& r) {
    REQUIRE_FALSE(r.hits.empty());
    const auto found = ids(r);
    CHECK(std::count(found.begin(), found.end(), "isolation-period") == 1);
    CHECK(r.hits[0].id == "isolation-period");
    return r.hits[0];
  };
  Hit today = only_isolation(run({.query = "療養期間 発症日"}));
  CHECK(today.title == "陽性者の療養期間（短縮）");
  CHECK(today.status == VersionStatus::kInForce);
  REQUIRE(today.upcoming.has_value());
  CHECK(today.upcoming->effective == *Date::parse("2027-01-04"));

  Hit past = only_isolation(run({.query = "療養期間 発症日", .as_of = Date::parse("2022-05-01")}));
  CHECK(past.title == "陽性者の療養期間");

  Hit future = only_isolation(run({.query = "療養期間 発症日", .as_of = Date::parse("2027-02-01")}));
  CHECK(future.title == "陽性者の療養期間（改定予定）");
}

TEST_CASE("the upcoming version's words still find the entry in force", "[searcher]") {
  auto r = run({.query = "5日間 目安"});
  auto it = std::find_if(r.hits.begin(), r.hits.end(), [](const Hit& h) { return h.id == "isolation-period"; });
  REQUIRE(it != r.hits.end());
  CHECK(it->status == VersionStatus::kInForce);
  CHECK(it->title == "陽性者の療養期間（短縮）");
}

TEST_CASE("withdrawn entries are gone today and found on a past date", "[searcher]") {
  const auto today = ids(run({.query = "無料 PCR検査"}));
  CHECK(std::find(today.begin(), today.end(), "free-pcr") == today.end());
  auto past = run({.query = "無料 PCR検査", .as_of = Date::parse("2022-06-01")});
  CHECK(ids(past).at(0) == "free-pcr");
}

TEST_CASE("entries not yet in force are found as upcoming", "[searcher]") {
  auto r = run({.query = "ワクチン 接種券", .as_of = Date::parse("2026-11-01")});
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "vaccine-autumn");
  CHECK(r.hits[0].status == VersionStatus::kUpcoming);
  CHECK(r.hits[0].badge == "予定");
}

TEST_CASE("badges: 新規 for a new entry, 予定 for a coming change", "[searcher]") {
  auto fresh = run({.query = "接種券 予約"});
  REQUIRE_FALSE(fresh.hits.empty());
  CHECK(fresh.hits[0].badge == "新規");
  auto iso = run({.query = "療養期間 発症日"});
  CHECK(iso.hits[0].badge == "予定");
  auto updated = run({.query = "療養期間 発症日", .as_of = Date::parse("2022-09-10")});
  CHECK(updated.hits[0].badge == "更新");
}

TEST_CASE("filters by category, type and municipality", "[searcher]") {
  for (const auto& h : run({.query = "保健所", .category = "療養"}).hits) CHECK(h.category.at(0) == "療養");
  auto routing = run({.query = "保健所", .type = "routing"});
  REQUIRE(routing.hits.size() == 1);
  CHECK(routing.hits[0].id == "routing-suita");
  CHECK(ids(run({.query = "保健所", .municipality = "吹田市"})) == std::vector<std::string>{"routing-suita"});
}

TEST_CASE("snippets highlight the matched words by byte range", "[searcher]") {
  auto r = run({.query = "保健所"});
  REQUIRE_FALSE(r.hits.empty());
  const Hit& h = r.hits[0];
  REQUIRE_FALSE(h.highlights.empty());
  for (const auto& [b, e] : h.highlights) {
    REQUIRE(e <= h.snippet.size());
    CHECK(h.snippet.substr(b, e - b) == "保健所");
  }
}

TEST_CASE("snippets show the text a reader sees, not Markdown markup", "[searcher]") {
  CHECK(plain_text("## 回答\n詳しくは[県のホームページ](https://example.jp/a)をご覧ください。\n\n"
                   "- **小児救急電話相談**（#8000）\n- `#7119`\n\n| 時間帯 | 連絡先 |\n|---|---|\n| 夜間 | センター |\n"
                   "A&amp;B\n\n1. 熱を測る\n2. 電話する\n   - 平日\n") ==
        "回答 詳しくは県のホームページをご覧ください。 小児救急電話相談（#8000） #7119 時間帯 連絡先 夜間 センター A&B "
        "1. 熱を測る 2. 電話する 平日");
  TempDir dir;
  write_file(dir.path() / "corpus/link.md",
             entry_md("link", "給付金の申請書", "申請書は**ダウンロード**できます。[県のホームページ](https://example.jp/kyufu/form.pdf)をご覧ください。"));
  const std::string db = build_corpus_index(dir);
  auto s = Searcher::open(db, Clock::fixed(*Date::parse("2026-11-25")));
  REQUIRE(s.has_value());
  auto r = (*s)->search({.query = "申請書 ダウンロード"});
  REQUIRE(r.has_value());
  REQUIRE_FALSE(r->hits.empty());
  INFO(r->hits[0].snippet);
  CHECK(r->hits[0].snippet.find("申請書はダウンロードできます。県のホームページをご覧ください。") != std::string::npos);
  CHECK(r->hits[0].snippet.find("https") == std::string::npos);
}

TEST_CASE("show gives the version in force on a date and every version", "[searcher]") {
  auto d = searcher().show("isolation-period", Date::parse("2022-05-01"));
  REQUIRE(d.has_value());
  CHECK(d->current->version.answer.find("10日間") != std::string::npos);
  CHECK(d->versions.size() == 3);
  auto missing = searcher().show("no-such-entry");
  CHECK(missing.status().code() == Code::kNotFound);
}

TEST_CASE("queries with nothing to search return no hits, not an error", "[searcher]") {
  CHECK(run({.query = ""}).hits.empty());
  CHECK(run({.query = "、。"}).hits.empty());
  CHECK(run({.query = "zzzzqqq"}).hits.empty());
}

TEST_CASE("common words weighed on the candidates: too few candidates, and the whole plan is matched", "[searcher][deferred]") {
  // Every word in more than 30% of the entries waits for the candidates (deferred_parts.h); on
  // this small index the rest finds fewer than the candidates wanted, so the searcher matches the
  // whole plan: the same hits, scores and estimate as without deferring.
  Xapian::Database db(fixture_corpus_db());
  REQUIRE(double(db.get_termfreq("相談")) > 0.3 * double(db.get_doccount()));
  auto plain = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")));
  auto deferring = Searcher::open(fixture_corpus_db(), Clock::fixed(*Date::parse("2026-11-25")), {.common_word_min_entries = 0});
  REQUIRE(plain.has_value());
  REQUIRE(deferring.has_value());
  for (const std::string q : {"発熱の相談", "保健所に相談したい", "熱が出たのですがどこに相談すればいいですか", "相談"}) {
    INFO(q);
    auto a = (*plain)->search({.query = q});
    auto b = (*deferring)->search({.query = q});
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    REQUIRE_FALSE(a->hits.empty());
    CHECK(a->estimated_total == b->estimated_total);
    REQUIRE(a->hits.size() == b->hits.size());
    for (size_t i = 0; i < a->hits.size(); ++i) {
      CHECK(a->hits[i].id == b->hits[i].id);
      CHECK(a->hits[i].score == b->hits[i].score);
    }
  }
}
