// Many seats on Xapian's own machinery (issue 4), on 127.0.0.1 only: a replica kept by
// xapian-replicate and a remote reader through xapian-tcpsrv, both started by the tools/ scripts,
// must answer like the live database and receive the next release. Waits are bounded.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "madoguchi/searcher.h"
#include "release_fixture.h"
#include "test_support.h"

using namespace madoguchi;
using namespace madoguchi::test;
using nlohmann::json;

namespace {

// The hits of a search, without the timing.
json hits(const std::string& db, const std::string& query) {
  auto r = run_cli({"search", "--db", db, "--json", "--today", "2026-11-25", query});
  if (r.exit_code != 0) return json(r.err);
  return json::parse(r.out)["hits"];
}

void publish_ok(const std::string& corpus, const std::string& db, const std::string& message) {
  auto r = run_cli({"publish", corpus, "--db", db, "-m", message});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

std::string tool(const std::string& name) { return source_dir() + "/tools/" + name; }

}  // namespace

TEST_CASE("a replica made by xapian-replicate answers like the live database and follows releases",
          "[releases][replication]") {
  TempDir dir;
  const std::string corpus = dir.str("corpus"), parent = dir.str("srv"), live = dir.str("srv/live");
  const std::string replicas = dir.str("seat"), replica = dir.str("seat/live");
  std::filesystem::create_directories(parent);
  write_generated_corpus(dir.path() / "corpus", 200, 0);
  publish_ok(corpus, live, "v0");

  const int port = free_port();
  Child server({tool("replicate-server.sh"), parent, std::to_string(port), "127.0.0.1"}, dir.str("server.log"));
  Child client({tool("replicate-client.sh"), "127.0.0.1", std::to_string(port), "live", replicas, "1"},
               dir.str("client.log"));
  INFO(read_text(dir.path() / "server.log") << read_text(dir.path() / "client.log"));
  REQUIRE(wait_until([&] { return latest_release_number(replica) == 1; }, 60));
  CHECK(hits(replica, "保健所 電話") == hits(live, "保健所 電話"));
  auto seat = Searcher::open(replica, Clock::fixed(Date{20261125}));
  REQUIRE(seat.has_value());
  CHECK((*seat)->release()->number == 1);

  write_file(dir.path() / "corpus/new.md", entry_md("new-rule", "新しい療養期間", "発症日から5日間に短縮されました。"));
  publish_ok(corpus, live, "v1");
  const auto published = std::chrono::steady_clock::now();
  REQUIRE(wait_until([&] { return latest_release_number(replica) == 2; }, 30));
  const double lag = std::chrono::duration<double>(std::chrono::steady_clock::now() - published).count();
  WARN("replica lag after publish: " << lag << " s");
  CHECK(hits(replica, "療養期間 短縮") == hits(live, "療養期間 短縮"));
  CHECK(hits(replica, "療養期間 短縮")[0]["id"] == "new-rule");
  // A seat's open searcher follows (reopen, or open anew when the replica was re-copied).
  REQUIRE(wait_until([&] { (*seat)->refresh(); return (*seat)->release()->number == 2; }, 10));
  auto r = (*seat)->search({.query = "療養期間 短縮"});
  REQUIRE(r.has_value());
  CHECK(r->hits.at(0).id == "new-rule");
  Child check({"xapian-check", replica + "/XAPIANDB"}, dir.str("check.log"));
  CHECK(check.wait() == 0);

  // Publishing or rolling back on the replica is refused: it would serve other answers than the
  // publisher's and break the next changeset applied to it.
  auto on_replica = run_cli({"publish", corpus, "--db", replica, "-m", "wrong host"});
  CHECK(on_replica.exit_code == 1);
  CHECK(on_replica.err.find("replica kept by xapian-replicate") != std::string::npos);
  CHECK(run_cli({"rollback", "--db", replica, "--to", "1", "-m", "wrong host"}).exit_code == 1);
  CHECK(latest_release_number(replica) == 2);
  CHECK(hits(replica, "療養期間 短縮") == hits(live, "療養期間 短縮"));
}

TEST_CASE("a remote reader through xapian-tcpsrv and a stub file answers and sees new releases",
          "[releases][remote]") {
  TempDir dir;
  const std::string corpus = dir.str("corpus"), live = dir.str("live"), stub = dir.str("madoguchi.stub");
  write_generated_corpus(dir.path() / "corpus", 200, 0);
  publish_ok(corpus, live, "v0");

  const int port = free_port();
  Child server({tool("remote-server.sh"), live, std::to_string(port), "127.0.0.1", "--stub", stub},
               dir.str("server.log"));
  INFO(read_text(dir.path() / "server.log"));
  REQUIRE(wait_until([&] { return latest_release_number(stub) == 1; }, 30));
  CHECK(read_text(stub) == "remote 127.0.0.1:" + std::to_string(port) + "\n");
  CHECK(hits(stub, "保健所 電話") == hits(live, "保健所 電話"));
  // A small index is counted exactly through the server too (it said 約200 for 40 entries).
  auto count = [](const std::string& db) {
    return json::parse(run_cli({"search", "--db", db, "--json", "--today", "2026-11-25", "保健所"}).out);
  };
  CHECK(count(stub)["total_is_exact"] == true);
  CHECK(count(stub)["estimated_total"] == count(live)["estimated_total"]);
  auto thin = Searcher::open(stub, Clock::fixed(Date{20261125}));
  REQUIRE(thin.has_value());

  write_file(dir.path() / "corpus/new.md", entry_md("new-rule", "新しい療養期間", "発症日から5日間に短縮されました。"));
  publish_ok(corpus, live, "v1");
  CHECK(hits(stub, "療養期間 短縮")[0]["id"] == "new-rule");
  auto releases = run_cli({"releases", "--db", stub, "--json"});
  REQUIRE(releases.exit_code == 0);
  CHECK(json::parse(releases.out)["current"] == 2);
  auto history = run_cli({"history", "--db", stub, "new-rule", "--json"});
  CHECK(history.exit_code == 0);
  REQUIRE(wait_until([&] { (*thin)->refresh(); return (*thin)->release() && (*thin)->release()->number == 2; }, 10));
}
