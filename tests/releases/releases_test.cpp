// Releases through the core API: what a release records, diffs, history, rollback, and what
// readers see (tests run real MeCab and real Xapian in a temp dir).
#include <catch2/catch.hpp>
#include <xapian.h>

#include "madoguchi/corpus.h"
#include "madoguchi/index_writer.h"
#include "madoguchi/releases.h"
#include "madoguchi/schema.h"
#include "madoguchi/searcher.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

Corpus load(const TempDir& dir) {
  CorpusReport report;
  auto corpus = load_corpus(dir.str("corpus"), {}, report);
  REQUIRE(corpus.has_value());
  return *corpus;
}

void write_three(const TempDir& dir) {
  write_file(dir.path() / "corpus/fever.md", entry_md("fever", "発熱の相談先", "まずはかかりつけ医に電話で相談してください。"));
  write_file(dir.path() / "corpus/isolation.md", entry_md("isolation", "療養期間", "発症日から7日間です。"));
  write_file(dir.path() / "corpus/voucher.md", entry_md("voucher", "商品券の使い方", "加盟店で使えます。"));
}

// Release 2: isolation changed, vaccine added, voucher deleted.
void change_three(const TempDir& dir) {
  write_file(dir.path() / "corpus/isolation.md", entry_md("isolation", "療養期間", "発症日から5日間です。"));
  write_file(dir.path() / "corpus/vaccine.md", entry_md("vaccine", "ワクチン接種会場", "集団接種会場で受けられます。"));
  std::filesystem::remove(dir.path() / "corpus/voucher.md");
}

// Release 1 of the three entries in dir/live, then the corpus changed as change_three says
// (not yet published); returns the database path.
std::string publish_three_then_change(const TempDir& dir) {
  write_three(dir);
  const std::string db = dir.str("live");
  REQUIRE(publish(load(dir), db, {.message = "1"}).has_value());
  change_three(dir);
  return db;
}

std::vector<std::string> hit_ids(Searcher& s, const std::string& q) {
  auto r = s.search({.query = q});
  REQUIRE(r.has_value());
  std::vector<std::string> ids;
  for (const auto& h : r->hits) ids.push_back(h.id);
  return ids;
}

const Clock kClock = Clock::fixed(Date{20261125});

}  // namespace

TEST_CASE("publish records numbered releases with author, message and per-entry changes", "[releases]") {
  TempDir dir;
  write_three(dir);
  const std::string db = dir.str("live");
  auto first = publish(load(dir), db, {.message = "初回", .author = "alice"});
  REQUIRE(first.has_value());
  CHECK_FALSE(first->unchanged);
  CHECK(first->release.number == 1);
  CHECK(first->release.added == 3);

  change_three(dir);
  auto second = publish(load(dir), db, {.message = "療養期間の短縮", .author = "bob"});
  REQUIRE(second.has_value());
  CHECK(second->release.number == 2);
  CHECK(second->release.added == 1);
  CHECK(second->release.changed == 1);
  CHECK(second->release.withdrawn == 1);

  auto log = ReleaseLog::open(db);
  REQUIRE(log.has_value());
  auto list = (*log)->list();
  REQUIRE(list.has_value());
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].author == "alice");
  CHECK((*list)[1].message == "療養期間の短縮");
  CHECK((*log)->current()->number == 2);

  auto diff = (*log)->changes(1, 2);
  REQUIRE(diff.has_value());
  REQUIRE(diff->entries.size() == 3);
  CHECK(diff->entries[0].id == "isolation");
  CHECK(diff->entries[0].kind == ChangeKind::kChanged);
  CHECK(diff->entries[1].id == "vaccine");
  CHECK(diff->entries[1].kind == ChangeKind::kAdded);
  CHECK(diff->entries[2].id == "voucher");
  CHECK(diff->entries[2].kind == ChangeKind::kWithdrawn);
  // The withdrawn entry's previous content is still there to show.
  REQUIRE(diff->entries[2].versions.size() == 1);
  REQUIRE(diff->entries[2].versions[0].before.has_value());
  CHECK(diff->entries[2].versions[0].before->answer.find("加盟店") != std::string::npos);
  // The changed entry carries a word-level diff of its body: 7 -> 5.
  const auto& fields = diff->entries[0].versions.at(0).fields;
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].field == "body");
  CHECK(render_plain(fields[0].diff).find("[-7-]{+5+}") != std::string::npos);

  // Backwards: what a rollback to 1 would change.
  auto back = (*log)->changes(2, 1);
  REQUIRE(back.has_value());
  CHECK(back->entries[1].kind == ChangeKind::kWithdrawn);  // vaccine goes
  CHECK(back->entries[2].kind == ChangeKind::kAdded);      // voucher returns
  CHECK_FALSE((*log)->changes(0, 3).has_value());
}

TEST_CASE("publishing an unchanged corpus makes no release", "[releases]") {
  TempDir dir;
  write_three(dir);
  const std::string db = dir.str("live");
  REQUIRE(publish(load(dir), db, {.message = "初回"}).has_value());
  auto again = publish(load(dir), db, {.message = "同じ"});
  REQUIRE(again.has_value());
  CHECK(again->unchanged);
  CHECK(again->release.number == 1);
  CHECK((*ReleaseLog::open(db))->list()->size() == 1);
  CHECK_FALSE(publish(load(dir), db, {.message = ""}).has_value());  // a release needs a message
}

TEST_CASE("history shows every version and release of an entry, even after it was withdrawn", "[releases]") {
  TempDir dir;
  const std::string db = publish_three_then_change(dir);
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());
  auto opened = ReleaseLog::open(db);
  REQUIRE(opened.has_value());
  auto& log = *opened;

  auto iso = log->history("isolation");
  REQUIRE(iso.has_value());
  REQUIRE(iso->versions.size() == 2);
  CHECK(iso->versions[0].spans.at(0).published_in == 1);
  CHECK(iso->versions[0].spans.at(0).removed_in == 2);
  CHECK(iso->versions[0].content.answer.find("7日間") != std::string::npos);
  CHECK(iso->versions[1].spans.at(0).published_in == 2);
  CHECK(iso->versions[1].live());
  REQUIRE(iso->releases.size() == 2);
  CHECK(iso->releases[1].change.kind == ChangeKind::kChanged);

  auto gone = log->history("voucher");
  REQUIRE(gone.has_value());
  CHECK(gone->versions.at(0).spans.at(0).removed_in == 2);
  CHECK(gone->releases.back().change.kind == ChangeKind::kWithdrawn);
  CHECK(log->history("no-such-entry").status().code() == Code::kNotFound);
}

TEST_CASE("a new dated version is diffed against the version it follows", "[releases]") {
  TempDir dir;
  write_file(dir.path() / "corpus/isolation.md",
             entry_md("isolation", "療養期間", "発症日から7日間です。", "effective: 2022-09-07\n"));
  const std::string db = dir.str("live");
  REQUIRE(publish(load(dir), db, {.message = "1"}).has_value());
  write_file(dir.path() / "corpus/isolation@2026-12-01.md",
             entry_md("isolation", "療養期間", "発症日から5日間です。", "effective: 2026-12-01\n"));
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());
  auto diff = (*ReleaseLog::open(db))->changes(1, 2);
  REQUIRE(diff.has_value());
  REQUIRE(diff->entries.size() == 1);
  REQUIRE(diff->entries[0].versions.size() == 1);
  const auto& v = diff->entries[0].versions[0];
  CHECK(v.kind == ChangeKind::kAdded);
  CHECK(v.uid == "isolation@20261201");
  CHECK(v.compared_with == "isolation@20220907");
  bool body_diff = false;
  for (const auto& f : v.fields)
    if (f.field == "body") body_diff = render_plain(f.diff).find("[-7-]{+5+}") != std::string::npos;
  CHECK(body_diff);
}

TEST_CASE("rollback publishes a new release with an earlier release's state", "[releases]") {
  TempDir dir;
  write_three(dir);
  write_file(dir.path() / "corpus/synonyms.tsv", "発熱\t熱\n");
  const std::string db = dir.str("live");
  REQUIRE(publish(load(dir), db, {.message = "1"}).has_value());
  change_three(dir);
  write_file(dir.path() / "corpus/synonyms.tsv", "接種\t予防接種\n");
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());

  auto back = rollback(db, 1, {.message = "戻す", .author = "carol"});
  REQUIRE(back.has_value());
  CHECK(back->release.number == 3);
  CHECK(back->release.kind == "rollback");
  CHECK(back->release.rollback_to == 1);
  CHECK(back->release.synonyms_changed);

  auto s = Searcher::open(db, kClock);
  REQUIRE(s.has_value());
  CHECK(hit_ids(**s, "商品券") == std::vector<std::string>{"voucher"});  // deleted one is back
  CHECK(hit_ids(**s, "ワクチン").empty());                              // added one is gone
  auto iso = (*s)->show("isolation");
  REQUIRE(iso.has_value());
  CHECK(iso->current->version.answer.find("7日間") != std::string::npos);

  // Release 3 equals release 1: nothing between them.
  auto same = (*ReleaseLog::open(db))->changes(1, 3);
  REQUIRE(same.has_value());
  CHECK(same->entries.empty());
  CHECK_FALSE(same->synonyms_changed);  // changed in 2, changed back in 3
  CHECK((*ReleaseLog::open(db))->changes(1, 2)->synonyms_changed);
  CHECK((*ReleaseLog::open(db))->changes(3, 1)->synonyms_changed == false);
  CHECK(rollback(db, 3, {.message = "again"})->unchanged);
  CHECK(rollback(db, 9, {.message = "x"}).status().code() == Code::kNotFound);
}

TEST_CASE("history shows each stretch a version was live, also when its content came back", "[releases]") {
  TempDir dir;
  const std::string db = publish_three_then_change(dir);
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());
  REQUIRE(rollback(db, 1, {.message = "3"}).has_value());
  REQUIRE(publish(load(dir), db, {.message = "4"}).has_value());
  write_three(dir);
  REQUIRE(publish(load(dir), db, {.message = "5"}).has_value());
  auto log = std::move(*ReleaseLog::open(db));

  // The corpus alternates (4 publishes release 2's files again, 5 release 1's): isolation's
  // 7日間 was live in 1, from the rollback (3) and from 5 on; 5日間 in 2 and 4.
  auto iso = log->history("isolation");
  REQUIRE(iso.has_value());
  REQUIRE(iso->versions.size() == 2);
  const auto& seven = iso->versions[0];
  CHECK(seven.content.answer.find("7日間") != std::string::npos);
  REQUIRE(seven.spans.size() == 3);
  CHECK((seven.spans[0].published_in == 1 && seven.spans[0].removed_in == 2));
  CHECK((seven.spans[1].published_in == 3 && seven.spans[1].removed_in == 4));
  CHECK((seven.spans[2].published_in == 5 && seven.spans[2].removed_in == 0));
  CHECK(seven.live());
  const auto& five = iso->versions[1];
  REQUIRE(five.spans.size() == 2);
  CHECK((five.spans[0].published_in == 2 && five.spans[0].removed_in == 3));
  CHECK((five.spans[1].published_in == 4 && five.spans[1].removed_in == 5));
  CHECK_FALSE(five.live());

  // voucher: live in 1, withdrawn in 2, back in 3, withdrawn in 4, back in 5: the gaps show.
  auto voucher = log->history("voucher");
  REQUIRE(voucher.has_value());
  REQUIRE(voucher->versions.size() == 1);
  const auto& spans = voucher->versions[0].spans;
  REQUIRE(spans.size() == 3);
  CHECK((spans[0].published_in == 1 && spans[0].removed_in == 2));
  CHECK((spans[1].published_in == 3 && spans[1].removed_in == 4));
  CHECK((spans[2].published_in == 5 && spans[2].removed_in == 0));
  CHECK(voucher->versions[0].live());
}

TEST_CASE("a publish that fails before its commit leaves the previous release serving", "[releases]") {
  TempDir dir;
  const std::string db = publish_three_then_change(dir);
  auto failed = publish(load(dir), db, {.message = "2", .before_commit = [] { return Status::io_error("disk full"); }});
  CHECK_FALSE(failed.has_value());
  auto opened = ReleaseLog::open(db);
  REQUIRE(opened.has_value());
  auto& log = *opened;
  CHECK(log->current()->number == 1);
  auto s = Searcher::open(db, kClock);
  CHECK(hit_ids(**s, "商品券") == std::vector<std::string>{"voucher"});
}

TEST_CASE("a second publisher fails clearly while the first holds the write lock", "[releases]") {
  TempDir dir;
  const std::string db = publish_three_then_change(dir);
  Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);  // the "first publisher"
  auto second = publish(load(dir), db, {.message = "2"});
  REQUIRE_FALSE(second.has_value());
  CHECK(second.status().code() == Code::kIOError);
  CHECK(second.status().message().find("locked") != std::string::npos);
  holder.close();
  CHECK(publish(load(dir), db, {.message = "2"}).has_value());
}

TEST_CASE("index refuses a live database so that no change escapes the release log", "[releases]") {
  TempDir dir;
  const std::string db = publish_three_then_change(dir);
  auto built = build_index(load(dir), db);
  REQUIRE_FALSE(built.has_value());
  CHECK(built.status().code() == Code::kInvalidInput);
}

TEST_CASE("the first publish to a database built by index records it as release 1", "[releases]") {
  TempDir dir;
  write_three(dir);
  const std::string db = dir.str("live");
  REQUIRE(build_index(load(dir), db).has_value());
  auto first = publish(load(dir), db, {.message = "baseline"});
  REQUIRE(first.has_value());
  CHECK_FALSE(first->unchanged);
  CHECK(first->release.number == 1);
  change_three(dir);
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());
  auto h = (*ReleaseLog::open(db))->history("voucher");
  REQUIRE(h.has_value());
  CHECK(h->versions.at(0).spans.at(0).published_in == 0);  // known before the first release
  CHECK(h->versions.at(0).spans.at(0).removed_in == 2);
}

TEST_CASE("a searcher reports its release and follows new ones, one that fell behind retries", "[releases]") {
  TempDir dir;
  write_three(dir);
  const std::string db = dir.str("live");
  REQUIRE(publish(load(dir), db, {.message = "初回", .author = "alice"}).has_value());
  auto s = Searcher::open(db, kClock);
  REQUIRE(s.has_value());
  REQUIRE((*s)->release().has_value());
  CHECK((*s)->release()->number == 1);
  CHECK((*s)->release()->message == "初回");
  CHECK(hit_ids(**s, "商品券") == std::vector<std::string>{"voucher"});

  // Several releases go by without the reader refreshing: its next search must still answer.
  // Whether the revision it holds is still readable or it must reopen and retry
  // (DatabaseModifiedError) depends on which of Xapian's blocks the commits reused, so the search
  // may answer from either; one refresh then brings it to the newest release, and a second finds
  // nothing newer.
  change_three(dir);
  REQUIRE(publish(load(dir), db, {.message = "2"}).has_value());
  for (int i = 0; i < 3; ++i) {
    write_file(dir.path() / "corpus/extra.md", entry_md("extra", "追加" + std::to_string(i), "本文" + std::to_string(i)));
    REQUIRE(publish(load(dir), db, {.message = "more"}).has_value());
  }
  auto r = (*s)->search({.query = "ワクチン"});
  REQUIRE(r.has_value());
  (*s)->refresh();
  CHECK_FALSE((*s)->refresh());
  CHECK((*s)->release()->number == 5);
  CHECK(hit_ids(**s, "ワクチン") == std::vector<std::string>{"vaccine"});
}
