#include "styled_text.h"

#include <algorithm>

namespace madoguchi::viewer {

void append_run(StyledText& runs, std::string_view text, uint16_t style) {
  if (text.empty()) return;
  if (!runs.empty() && runs.back().style == style) {
    runs.back().text.append(text);
    return;
  }
  runs.push_back(StyledRun{std::string(text), style});
}

std::string plain(const StyledText& runs) {
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

StyledText highlighted(const std::string& text, const std::vector<std::pair<size_t, size_t>>& highlights) {
  StyledText runs;
  size_t at = 0;
  for (auto [begin, end] : highlights) {
    begin = std::clamp(begin, at, text.size());
    end = std::clamp(end, begin, text.size());
    append_run(runs, std::string_view(text).substr(at, begin - at), kStylePlain);
    append_run(runs, std::string_view(text).substr(begin, end - begin), kStyleHighlight);
    at = end;
  }
  append_run(runs, std::string_view(text).substr(at), kStylePlain);
  return runs;
}

}  // namespace madoguchi::viewer
