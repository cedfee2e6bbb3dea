// Loading evaluation data sets: the LocalgovFAQ JSON layout and a corpus's gold queries.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "madoguchi/evaluation.h"

namespace madoguchi {
namespace {

using nlohmann::json;

Result<json> read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::invalid_input("cannot read file", {path, 0});
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::invalid_input("not a JSON object", {path, 0});
  return j;
}

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws) == std::string::npos ? s.size() : s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

// "Question: ...\nAnswer: ..." -> (question, answer).
std::pair<std::string, std::string> split_qa(const std::string& text) {
  const std::string q = "Question:", a = "\nAnswer:";
  size_t qa = text.find(a);
  std::string question = qa == std::string::npos ? text : text.substr(0, qa);
  std::string answer = qa == std::string::npos ? "" : text.substr(qa + a.size());
  if (question.rfind(q, 0) == 0) question.erase(0, q.size());
  return {trim(question), trim(answer)};
}

}  // namespace

Result<EvalDataset> load_json_dataset(const std::string& dir) {
  auto corpus = read_json(dir + "/corpus.json");
  if (!corpus) return corpus.status();
  auto queries = read_json(dir + "/queries.json");
  if (!queries) return queries.status();
  auto qrels = read_json(dir + "/qrels.json");
  if (!qrels) return qrels.status();
  EvalDataset data;
  for (const auto& [id, text] : corpus->items()) {
    if (!text.is_string()) return Status::invalid_input("document " + id + " is not a string", {dir + "/corpus.json", 0});
    auto [question, answer] = split_qa(text.get<std::string>());
    data.documents.push_back({id, std::move(question), std::move(answer)});
  }
  for (const auto& [id, text] : queries->items()) {
    if (!text.is_string()) return Status::invalid_input("query " + id + " is not a string", {dir + "/queries.json", 0});
    data.queries.push_back({id, text.get<std::string>()});
  }
  for (const auto& [qid, grades] : qrels->items()) {
    if (!grades.is_object()) return Status::invalid_input("qrels of " + qid + " is not an object", {dir + "/qrels.json", 0});
    for (const auto& [doc, grade] : grades.items())
      if (grade.is_number_integer()) data.qrels[qid][doc] = grade.get<int>();
  }
  return data;
}

Result<EvalDataset> load_gold_dataset(const std::string& corpus_dir, const std::string& gold_tsv) {
  std::ifstream in(gold_tsv, std::ios::binary);
  if (!in) return Status::invalid_input("cannot read gold queries", {gold_tsv, 0});
  EvalDataset data;
  data.corpus_dir = corpus_dir;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos)
      return Status::invalid_input("expected 'query<TAB>id1,id2'", {gold_tsv, line_no});
    const std::string qid = std::to_string(line_no);
    data.queries.push_back({qid, trim(line.substr(0, tab))});
    std::stringstream ids(line.substr(tab + 1));
    for (std::string id; std::getline(ids, id, ',');)
      if (!trim(id).empty()) data.qrels[qid][trim(id)] = 1;
    if (!data.qrels.count(qid)) return Status::invalid_input("no relevant ids", {gold_tsv, line_no});
  }
  return data;
}

}  // namespace madoguchi
