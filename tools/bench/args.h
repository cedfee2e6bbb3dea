// Minimal "--name value" argument reading for the benchmark programs (they are driven by run.sh,
// not by people, so no help text beyond the usage line at the top of each program).
#pragma once

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace bench {

class Args {
 public:
  Args(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; i += 2) values_[argv[i]] = argv[i + 1];
    if (argc % 2 == 0) throw std::runtime_error(std::string("option without a value: ") + argv[argc - 1]);
  }
  std::string get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw std::runtime_error("missing " + name);
    return it->second;
  }
  std::string get(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
  }
  int get_int(const std::string& name, int fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : std::stoi(it->second);
  }
  // Writes to --out when given, else to stdout.
  void write_json(const nlohmann::json& j) const {
    const std::string path = get("--out", "");
    if (path.empty()) {
      std::cout << j.dump(1) << "\n";
      return;
    }
    std::ofstream out(path);
    out << j.dump(1) << "\n";
    if (!out) throw std::runtime_error("cannot write " + path);
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace bench
