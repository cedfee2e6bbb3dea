// One hit per entry without Xapian's collapse (core/src/version_collapse.h): the as-of filter
// groups exactly the versions of an entry that are all not ended, and collapsing an uncollapsed
// match by those groups gives Xapian's collapsed match, documents, weights and order.
#include <catch2/catch.hpp>
#include <map>
#include <xapian.h>

#include "as_of_filter.h"
#include "madoguchi/schema.h"
#include "split_match.h"
#include "test_support.h"
#include "version_collapse.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

struct Fixture {
  TempDir dir;
  Xapian::Database db;
  std::map<std::string, Xapian::docid> iso;  // effective date -> docid of that version

  Fixture() {
    const auto c = dir.path() / "corpus";
    // Three versions of one rule: on 2026-11-25 the 2022 one has ended, the 2026 one is in force
    // and the 2027 one is upcoming, so two versions of `iso` pass the as-of decider.
    write_file(c / "iso@2022-01-01.md", entry_md("iso", "療養期間", "療養期間は10日間です。", "effective: 2022-01-01\n"));
    write_file(c / "iso@2026-01-01.md", entry_md("iso", "療養期間", "療養期間は7日間です。", "effective: 2026-01-01\n"));
    write_file(c / "iso@2027-01-04.md",
               entry_md("iso", "療養期間の改定", "療養期間は5日間になります。療養期間の考え方。", "effective: 2027-01-04\n"));
    // A rule with one version left in force, and single-version entries that match the same words.
    write_file(c / "fee@2020-01-01.md", entry_md("fee", "療養の費用", "療養の費用は無料でした。", "effective: 2020-01-01\n"));
    write_file(c / "fee@2023-01-01.md", entry_md("fee", "療養の費用", "療養の費用は自己負担です。", "effective: 2023-01-01\n"));
    write_file(c / "work.md", entry_md("work", "療養中の仕事", "療養期間中は出勤できません。"));
    write_file(c / "school.md", entry_md("school", "療養中の登校", "療養期間が終わるまで登校できません。"));
    db = Xapian::Database(build_corpus_index(dir));
    const std::string term = std::string(schema::kId) + "iso";
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
      iso[db.get_document(*p).get_value(schema::kSlotEffective)] = *p;
  }
};

std::vector<std::pair<Xapian::docid, double>> docs_of(const std::vector<RankedDoc>& ranked) {
  std::vector<std::pair<Xapian::docid, double>> out;
  for (const auto& r : ranked) out.emplace_back(r.doc, r.score);
  return out;
}

}  // namespace

TEST_CASE("as-of filter: only an entry's versions that are all not ended form a group", "[searcher][as-of]") {
  Fixture f;
  REQUIRE(f.iso.size() == 3);
  const Xapian::docid ended = f.iso.at("20220101"), in_force = f.iso.at("20260101"), upcoming = f.iso.at("20270104");
  AsOfFilter filter;
  filter.prepare(f.db, *Date::parse("2026-11-25"));
  CHECK(filter.redundant() == 1);  // fee has one version in force, the single entries none
  CHECK(filter.group_of(in_force) != 0);
  CHECK(filter.group_of(in_force) == filter.group_of(upcoming));
  CHECK(filter.group_of(ended) == 0);

  // From the upcoming version's first day only it is left: nothing to collapse.
  filter.reset();
  filter.prepare(f.db, *Date::parse("2027-01-04"));
  CHECK(filter.redundant() == 0);
  CHECK(filter.group_of(upcoming) == 0);
  CHECK(filter.valid(upcoming));
}

TEST_CASE("collapse_versions: the same documents and weights as Xapian's collapse on the entry id", "[searcher][as-of]") {
  Fixture f;
  AsOfFilter filter;
  filter.prepare(f.db, *Date::parse("2026-11-25"));
  const AsOfFilter::Decider not_ended(filter);
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("療養"), Xapian::Query("期間"));
  for (Xapian::doccount size = 1; size <= 5; ++size) {
    INFO("size " << size);
    Xapian::Enquire collapsed(f.db);
    collapsed.set_query(query);
    collapsed.set_collapse_key(schema::kSlotId);
    std::vector<RankedDoc> expected;
    const Xapian::MSet want = collapsed.get_mset(0, size, 0, nullptr, &not_ended);
    for (auto it = want.begin(); it != want.end(); ++it) expected.push_back({*it, it.get_weight(), 0});

    const MatchPart plain = match_docid_range(f.db, query, 1, f.db.get_lastdocid(), size + filter.redundant(), 0, filter);
    const auto got = collapse_versions(plain.docs, filter, size);
    CHECK(docs_of(got) == docs_of(expected));
  }
  // Both live iso versions match; without the groups the page would show the entry twice.
  const MatchPart all = match_docid_range(f.db, query, 1, f.db.get_lastdocid(), 10, 0, filter);
  CHECK(all.docs.size() == 5);
  CHECK(collapse_versions(all.docs, filter, 10).size() == 4);
}
