#include "madoguchi/sudachi_synonyms.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "text_checks.h"
#include "whole_file.h"

namespace madoguchi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kScopeNames[] = {"off", "spelling", "lexeme", "all", "nouns"};

// Where a group is in the file: the JSON tree keeps no positions, so find its id's text.
int line_of_group(const std::string& bytes, const std::string& id) {
  for (const char* pattern : {"\"id\":\"{}\"", "\"id\": \"{}\""}) {
    size_t at = bytes.find(fmt::format(fmt::runtime(pattern), id));
    if (at != std::string::npos) return line_of(bytes, at);
  }
  return 0;
}

std::string string_field(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// One item of a group, or a message saying what is wrong with it. Words that are never to be
// expanded (展開制御 2: kept by Sudachi as a deletion record) come back with empty text.
std::optional<std::string> read_word(const json& item, SudachiWord& word) {
  if (!item.is_object()) return "an item is not an object";
  word.text = string_field(item, "midashi");
  if (word.text.empty()) return "an item has no \"midashi\" (the word)";
  auto control = item.find("expandControl");
  int expand = control != item.end() && control->is_number_integer() ? control->get<int>() : 0;
  if (expand < 0 || expand > 2) return "\"expandControl\" of '" + word.text + "' is not 0, 1 or 2";
  auto lexeme = item.find("vocabularyNumber");
  word.lexeme = lexeme != item.end() && lexeme->is_number_integer() ? lexeme->get<int>() : 0;
  word.form = string_field(item, "gokeiSyubetsu") + "/" + string_field(item, "ryakusyou");
  word.trigger = expand == 0;
  word.noun = string_field(item, "taigenYogen") == "体言";
  if (expand == 2) word.text.clear();
  return std::nullopt;
}

std::string package_version(const fs::path& json_path) {
  auto bytes = read_whole_file((json_path.parent_path() / "package.json").string());
  if (!bytes) return "";
  auto j = json::parse(*bytes, nullptr, false);
  return j.is_object() ? string_field(j, "version") : "";
}

// The sets of words a scope makes mutual synonyms within one group.
std::vector<std::vector<const SudachiWord*>> sets_of(const SudachiGroup& group, SudachiScope scope) {
  std::map<std::string, std::vector<const SudachiWord*>> sets;
  for (const auto& w : group.words) {
    switch (scope) {
      case SudachiScope::kOff: return {};
      case SudachiScope::kSpelling: sets[std::to_string(w.lexeme) + "|" + w.form].push_back(&w); break;
      case SudachiScope::kLexeme: sets[std::to_string(w.lexeme)].push_back(&w); break;
      case SudachiScope::kAll: sets[""].push_back(&w); break;
      case SudachiScope::kNouns:
        if (w.noun) sets[""].push_back(&w);
        break;
    }
  }
  std::vector<std::vector<const SudachiWord*>> out;
  for (auto& entry : sets)
    if (entry.second.size() >= 2) out.push_back(std::move(entry.second));
  return out;
}

// Whether a key takes part in the pairs: not an editors' one and in the corpus, each key looked
// up once (keys recur across sets).
class Usable {
 public:
  Usable(const std::function<bool(const std::string&)>& in_corpus, const std::set<std::string>& editors)
      : in_corpus_(in_corpus), editors_(editors) {}
  bool operator()(const std::string& key) {
    auto it = usable_.find(key);
    if (it == usable_.end()) it = usable_.emplace(key, !editors_.count(key) && in_corpus_(key)).first;
    return it->second;
  }

 private:
  const std::function<bool(const std::string&)>& in_corpus_;
  const std::set<std::string>& editors_;
  std::unordered_map<std::string, bool> usable_;
};

// Adds the pairs of `sets` between usable keys, a key only ever expanding when it is a trigger.
void add_pairs(const SudachiKeySets& sets, Usable& use, std::set<std::pair<std::string, std::string>>& pairs) {
  std::vector<const SudachiKey*> kept;
  for (const auto& set : sets) {
    kept.clear();
    for (const auto& k : set)
      if (use(k.key)) kept.push_back(&k);
    for (const SudachiKey* a : kept)
      for (const SudachiKey* b : kept)
        if (a->trigger && a != b) pairs.emplace(a->key, b->key);
  }
}

}  // namespace

std::optional<SudachiScope> parse_sudachi_scope(std::string_view name) {
  for (size_t i = 0; i < std::size(kScopeNames); ++i)
    if (kScopeNames[i] == name) return SudachiScope(i);
  return std::nullopt;
}

std::string_view sudachi_scope_name(SudachiScope scope) { return kScopeNames[size_t(scope)]; }

std::string default_sudachi_path() {
  fs::path cache;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) cache = x;
  else if (const char* h = std::getenv("HOME"); h && *h) cache = fs::path(h) / ".cache";
  else return "";
  return (cache / "madoguchi/npm/node_modules/sudachi-synonyms-dictionary/sudachi-synonyms-dictionary.json").string();
}

SudachiOptions default_sudachi_options() {
  const std::string path = default_sudachi_path();
  std::error_code ec;
  return {!path.empty() && fs::exists(path, ec) ? SudachiScope::kSpelling : SudachiScope::kOff, path};
}

Result<SudachiFile> read_sudachi_file(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::not_found("Sudachi synonym dictionary not found: " + path);
  auto bytes = read_whole_file(path);
  if (!bytes) return Status::io_error("cannot read the Sudachi synonym dictionary", {path, 0});
  SudachiFile file;
  file.identity.path = path;
  file.identity.version = package_version(path);
  file.identity.hash = fmt::format("{:016x}", XXH64(bytes->data(), bytes->size(), 0));
  file.bytes = std::move(*bytes);
  return file;
}

Result<SudachiDictionary> load_sudachi_dictionary(const std::string& path) {
  auto file = read_sudachi_file(path);
  if (!file) return file.status();
  return parse_sudachi_file(*file);
}

Result<SudachiDictionary> parse_sudachi_file(const SudachiFile& file) {
  const std::string& path = file.identity.path;
  const std::string* bytes = &file.bytes;
  SudachiDictionary dictionary = file.identity;
  json root;
  try {
    root = json::parse(*bytes);
  } catch (const json::parse_error& e) {
    return Status::invalid_input(fmt::format("not valid JSON at byte {}: {}", e.byte, e.what()),
                                 {path, line_of(*bytes, e.byte == 0 ? 0 : e.byte - 1)});
  }
  if (!root.is_array()) return Status::invalid_input("expected an array of synonym groups", {path, 1});
  dictionary.groups.reserve(root.size());
  for (const auto& g : root) {
    SudachiGroup group;
    group.id = g.is_object() ? string_field(g, "id") : "";
    auto items = g.is_object() ? g.find("items") : g.end();
    if (group.id.empty() || items == g.end() || !items->is_array())
      return Status::invalid_input(
          fmt::format("group {}: a group needs an \"id\" and an \"items\" array", dictionary.groups.size() + 1),
          {path, group.id.empty() ? 0 : line_of_group(*bytes, group.id)});
    for (const auto& item : *items) {
      SudachiWord word;
      if (auto problem = read_word(item, word))
        return Status::invalid_input("group " + group.id + ": " + *problem, {path, line_of_group(*bytes, group.id)});
      if (!word.text.empty()) group.words.push_back(std::move(word));
    }
    dictionary.groups.push_back(std::move(group));
  }
  return dictionary;
}

SudachiKeySets sudachi_key_sets(const SudachiDictionary& dictionary, SudachiScope scope,
                                const std::function<std::string(const std::string&)>& key_of) {
  std::map<std::string, std::string> keys;  // the same word is in many groups: analyze it once
  SudachiKeySets out;
  for (const auto& group : dictionary.groups) {
    for (const auto& set : sets_of(group, scope)) {
      std::vector<SudachiKey> distinct;
      for (const SudachiWord* w : set) {
        auto it = keys.find(w->text);
        if (it == keys.end()) it = keys.emplace(w->text, key_of(w->text)).first;
        if (it->second.empty()) continue;
        auto same = std::find_if(distinct.begin(), distinct.end(), [&](const SudachiKey& k) { return k.key == it->second; });
        if (same == distinct.end()) distinct.push_back({it->second, w->trigger});
        else same->trigger = same->trigger || w->trigger;
      }
      if (distinct.size() >= 2) out.push_back(std::move(distinct));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> sudachi_pairs(const SudachiKeySets& sets,
                                                               const std::function<bool(const std::string&)>& in_corpus,
                                                               const std::set<std::string>& editors) {
  Usable use(in_corpus, editors);
  std::set<std::pair<std::string, std::string>> pairs;
  add_pairs(sets, use, pairs);
  return {pairs.begin(), pairs.end()};
}

// A pair stays when both its keys are still usable: a key outside `touched` has not changed, and
// one inside is looked up again. Every pair between usable keys of a touched set is (re)added;
// those of untouched sets were all in `before` and stay.
std::vector<std::pair<std::string, std::string>> update_sudachi_pairs(
    const std::vector<std::pair<std::string, std::string>>& before, const SudachiKeySets& touched,
    const std::function<bool(const std::string&)>& in_corpus, const std::set<std::string>& editors) {
  Usable use(in_corpus, editors);
  std::set<std::string> gone;
  for (const auto& set : touched)
    for (const auto& k : set)
      if (!use(k.key)) gone.insert(k.key);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& p : before)
    if (!gone.count(p.first) && !gone.count(p.second)) pairs.insert(p);
  add_pairs(touched, use, pairs);
  return {pairs.begin(), pairs.end()};
}

}  // namespace madoguchi
