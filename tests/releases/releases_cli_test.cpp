// The issue 4 scenario through the real CLI and its JSON (docs/releases.md).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace madoguchi::test;
using nlohmann::json;

namespace {
json parse(const CommandResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}
}  // namespace

TEST_CASE("publish, change, diff, history and rollback from the command line", "[releases][cli]") {
  TempDir dir;
  const std::string corpus = dir.str("corpus"), db = dir.str("live");
  write_file(dir.path() / "corpus/fever.md", entry_md("fever", "発熱の相談先", "かかりつけ医に電話で相談してください。"));
  write_file(dir.path() / "corpus/isolation.md", entry_md("isolation", "療養期間", "発症日から7日間です。"));
  write_file(dir.path() / "corpus/voucher.md", entry_md("voucher", "商品券の使い方", "加盟店で使えます。"));

  auto first = parse(run_cli({"publish", corpus, "--db", db, "--message", "初回公開", "--author", "alice", "--json"}));
  CHECK(first["release"]["number"] == 1);
  auto same = parse(run_cli({"publish", corpus, "--db", db, "--message", "同じ", "--json"}));
  CHECK(same["unchanged"] == true);

  write_file(dir.path() / "corpus/isolation.md", entry_md("isolation", "療養期間", "発症日から5日間です。"));
  write_file(dir.path() / "corpus/vaccine.md", entry_md("vaccine", "ワクチン接種会場", "集団接種会場で受けられます。"));
  std::filesystem::remove(dir.path() / "corpus/voucher.md");
  auto second = parse(run_cli({"publish", corpus, "--db", db, "-m", "療養期間の短縮", "--author", "bob", "--json"}));
  CHECK(second["release"]["number"] == 2);

  auto releases = parse(run_cli({"releases", "--db", db, "--json"}));
  CHECK(releases["current"] == 2);
  REQUIRE(releases["releases"].size() == 2);
  CHECK(releases["releases"][0]["author"] == "alice");
  CHECK(releases["releases"][1]["message"] == "療養期間の短縮");

  auto diff = parse(run_cli({"diff", "--db", db, "--from", "1", "--to", "2", "--json"}));
  std::map<std::string, std::string> changes;
  for (const auto& e : diff["entries"]) changes[e["id"]] = e["change"];
  CHECK(changes == std::map<std::string, std::string>{{"isolation", "changed"}, {"vaccine", "added"}, {"voucher", "withdrawn"}});
  CHECK(diff["counts"]["changed"] == 1);

  auto history = parse(run_cli({"history", "--db", db, "isolation", "--json"}));
  REQUIRE(history["versions"].size() == 2);
  CHECK(history["versions"][0]["removed_in"] == 2);
  CHECK(history["versions"][1]["live"] == true);
  CHECK(history["releases"][1]["change"]["versions"][0]["fields"][0]["diff"].dump().find("[\"-\",\"7\"]") !=
        std::string::npos);

  auto back = run_cli({"rollback", "--db", db, "--to", "1", "--message", "誤りのため戻す"});
  INFO(back.err);
  REQUIRE(back.exit_code == 0);
  CHECK(parse(run_cli({"releases", "--db", db, "--json"}))["current"] == 3);
  auto found = parse(run_cli({"search", "--db", db, "--json", "商品券"}));
  REQUIRE(found["hits"].size() == 1);
  CHECK(found["hits"][0]["id"] == "voucher");
  CHECK(parse(run_cli({"search", "--db", db, "--json", "ワクチン"}))["hits"].empty());
  CHECK(parse(run_cli({"history", "--db", db, "voucher", "--json"}))["releases"].size() == 3);
  // After the rollback the first text of isolation is live again, in a second stretch.
  auto restored = parse(run_cli({"history", "--db", db, "isolation", "--json"}))["versions"];
  CHECK(restored[0]["live"] == true);
  CHECK(restored[0]["removed_in"] == nullptr);
  CHECK(restored[0]["spans"] == nlohmann::json::parse(
                                    R"([{"published_in":1,"removed_in":2},{"published_in":3,"removed_in":null}])"));
  CHECK(restored[1]["live"] == false);
  auto text = run_cli({"history", "--db", db, "isolation"}).out;
  CHECK(text.find("isolation (no date)  療養期間  published in 1, removed in 2; published in 3, live") != std::string::npos);
  CHECK(text.find("00010101") == std::string::npos);
}

TEST_CASE("release commands report bad input and usage with the contract's exit codes", "[releases][cli]") {
  TempDir dir;
  write_file(dir.path() / "corpus/a.md", entry_md("a", "題", "本文"));
  CHECK(run_cli({"releases", "--db", dir.str("missing")}).exit_code == 1);
  CHECK(run_cli({"publish", dir.str("missing"), "--db", dir.str("live"), "-m", "x"}).exit_code == 1);
  CHECK(run_cli({"publish", dir.str("corpus"), "--db", dir.str("live")}).exit_code == 2);  // no message
  CHECK(run_cli({"diff", "--db", dir.str("live"), "--from", "x", "--to", "1"}).exit_code == 2);
  REQUIRE(run_cli({"publish", dir.str("corpus"), "--db", dir.str("live"), "-m", "1"}).exit_code == 0);
  auto far = run_cli({"diff", "--db", dir.str("live"), "--from", "1", "--to", "7"});
  CHECK(far.exit_code == 1);
  CHECK(far.err.find("no release 7") != std::string::npos);
  CHECK(run_cli({"rollback", "--db", dir.str("live"), "--to", "5", "-m", "x"}).exit_code == 1);
  CHECK(run_cli({"history", "--db", dir.str("live"), "nope"}).exit_code == 1);
  // A broken corpus publishes nothing.
  write_file(dir.path() / "corpus/b.md", "---\nid: B!\n---\n");
  auto bad = run_cli({"publish", dir.str("corpus"), "--db", dir.str("live"), "-m", "2"});
  CHECK(bad.exit_code == 1);
  CHECK(parse(run_cli({"releases", "--db", dir.str("live"), "--json"}))["current"] == 1);
}
