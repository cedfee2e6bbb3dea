// The document data format (core/src/index_document.h): what encode_data writes, decode_data
// gives back field for field; data that is not JSON, lacks a field or has one of the wrong type
// is refused as corruption; unknown keys are skipped (a newer writer's data stays readable).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "index_document.h"

using namespace madoguchi;

namespace {

StoredVersion sample() {
  StoredVersion s;
  EntryVersion& v = s.version;
  v.id = "fever-consult";
  v.type = EntryType::kPolicy;
  v.title = "発熱時の相談先「かかりつけ医」\"引用\"";
  v.category = {"受診", "相談"};
  v.tags = {"発熱", "PCR検査", "\\バックスラッシュ"};
  v.municipalities = {"尼崎市"};
  v.effective = Date{20221001};
  v.expires = Date{20231231};
  v.source = "https://example.jp/a?b=1&c=2";
  v.question = "熱が出たら\nどこに電話すればいいですか";
  v.answer = "まず「かかりつけ医」へ。\t夜間は 0120-000-000 へ。😷";
  v.script = "お電話ありがとうございます。\n症状を伺います。";
  v.body = "## 質問\n熱が出たら…\n## 回答\nまず…";
  v.path = "consult/fever.md";
  v.content_hash = 0xF123456789ABCDEFull;  // above 2^63
  s.siblings = {{{Date{20200101}, Date{20221001}, true}, "旧：発熱時の相談先"},
                {{Date{20221001}, Date{20240101}, false}, "発熱時の相談先"}};
  s.self_index = 1;
  s.span = s.siblings[1].span;
  return s;
}

}  // namespace

TEST_CASE("decode_data gives back every field encode_data wrote", "[index][data]") {
  const StoredVersion in = sample();
  auto out = decode_data(encode_data(in));
  REQUIRE(out.has_value());
  const EntryVersion &a = in.version, &b = out->version;
  CHECK(b.id == a.id);
  CHECK(b.type == a.type);
  CHECK(b.title == a.title);
  CHECK(b.category == a.category);
  CHECK(b.tags == a.tags);
  CHECK(b.municipalities == a.municipalities);
  CHECK(b.effective == a.effective);
  CHECK(b.expires == a.expires);
  CHECK(b.source == a.source);
  CHECK(b.question == a.question);
  CHECK(b.answer == a.answer);
  CHECK(b.script == a.script);
  CHECK(b.body == a.body);
  CHECK(b.path == a.path);
  CHECK(b.content_hash == a.content_hash);
  REQUIRE(out->siblings.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(out->siblings[i].title == in.siblings[i].title);
    CHECK(out->siblings[i].span.effective == in.siblings[i].span.effective);
    CHECK(out->siblings[i].span.until == in.siblings[i].span.until);
  }
  CHECK(out->siblings[0].span.has_successor);
  CHECK_FALSE(out->siblings[1].span.has_successor);
  CHECK(out->self_index == 1);
  CHECK(out->span.effective == Date{20221001});
  CHECK(out->span.until == Date{20240101});
}

TEST_CASE("decode_data refuses broken data and skips unknown keys", "[index][data]") {
  const std::string good = encode_data(sample());
  auto edited = [&](auto change) {
    auto j = nlohmann::json::parse(good);
    change(j);
    return j.dump();
  };
  CHECK_FALSE(decode_data("").has_value());
  CHECK_FALSE(decode_data("{\"id\": ").has_value());
  CHECK_FALSE(decode_data("[1, 2]").has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j.erase("answer"); })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j.erase("versions"); })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["title"] = 3; })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["effective"] = "2022-10-01"; })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["tags"] = "発熱"; })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["versions"][0].erase("until"); })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["self"] = 2; })).has_value());
  CHECK_FALSE(decode_data(edited([](auto& j) { j["id"] = nullptr; })).has_value());

  auto extra = decode_data(edited([](auto& j) {
    j["later"] = {{"nested", {1, 2, {{"deep", "x"}}}}, {"flag", true}};
    j["note"] = "x";
    j["list"] = {"a", {{"b", 1}}};
    j["versions"][1]["author"] = "editor";
    j["versions"][1]["extra"] = {{"k", {1, 2}}};
  }));
  REQUIRE(extra.has_value());
  CHECK(extra->version.answer == sample().version.answer);
  CHECK(extra->version.content_hash == sample().version.content_hash);
  CHECK(extra->siblings.size() == 2);
  CHECK(extra->siblings[1].title == "発熱時の相談先");
}
