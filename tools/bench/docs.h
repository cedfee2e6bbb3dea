// The peers' view of a benchmark corpus: docs.jsonl as written by gen_corpus.py, one file per line
// with its entry id, title and plain body text (question + answer).
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

struct Doc {
  std::string id;
  std::string title;
  std::string body;
};

inline std::vector<Doc> load_docs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Doc> docs;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    docs.push_back({j.at("id").get<std::string>(), j.at("title").get<std::string>(), j.at("body").get<std::string>()});
  }
  return docs;
}

inline size_t text_bytes(const std::vector<Doc>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.title.size() + d.body.size();
  return n;
}

}  // namespace bench
