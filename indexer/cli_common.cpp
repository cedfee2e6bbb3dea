#include "cli_common.h"

#include <algorithm>
#include <tuple>

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace madoguchi::cli {

int exit_code_for(const Status& status) {
  switch (status.code()) {
    case Code::kOk: return kExitOk;
    case Code::kInvalidInput:
    case Code::kNotFound:
    case Code::kIncompatibleIndex: return kExitBadInput;
    case Code::kIOError:
    case Code::kCorruption:
    case Code::kInternal: return kExitFailure;
  }
  return kExitFailure;
}

int report(const Status& status) {
  fmt::print(stderr, "{}\n", status.to_string());
  return exit_code_for(status);
}

CLI::Validator date_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto d = Date::parse(text);
        if (!d) return "'" + text + "' is not a date (YYYY-MM-DD)";
        if (d->yyyymmdd >= Date::kFarFuture) return "'" + text + "' is the index's \"no end\" date: give an earlier one";
        return "";
      },
      "YYYY-MM-DD");
}

std::optional<Date> parse_date_option(const std::string& text, const char* option, bool& ok) {
  if (text.empty()) return std::nullopt;
  auto d = Date::parse(text);
  if (!d) {
    fmt::print(stderr, "error: {} '{}' is not a date (YYYY-MM-DD)\n", option, text);
    ok = false;
  }
  return d;
}

void print_warning(const Status& warning) {
  std::string s = warning.to_string();
  if (auto p = s.find("error: "); p != std::string::npos) s.replace(p, 7, "warning: ");
  fmt::print(stderr, "{}\n", s);
}

void print_problems(const std::vector<Status>& errors, const std::vector<Status>& warnings) {
  std::vector<std::pair<const Status*, bool>> all;  // (problem, is a warning)
  for (const auto& e : errors) all.emplace_back(&e, false);
  for (const auto& w : warnings) all.emplace_back(&w, true);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->where().path, a.first->where().line) < std::tie(b.first->where().path, b.first->where().line);
  });
  for (const auto& [problem, warning] : all) {
    if (warning) print_warning(*problem);
    else fmt::print(stderr, "{}\n", problem->to_string());
  }
}

Clock make_clock(const std::string& today_option, bool& ok) {
  if (auto d = parse_date_option(today_option, "--today", ok)) return Clock::fixed(*d);
  if (!today_option.empty()) return Clock::system();  // refused above
  auto clock = Clock::from_environment();
  if (clock) return *clock;
  fmt::print(stderr, "error: {}\n", clock.status().message());
  ok = false;
  return Clock::system();
}

nlohmann::json hit_json(const Hit& h) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [b, e] : h.highlights) highlights.push_back({b, e});
  nlohmann::json j{{"rank", h.rank},
                   {"id", h.id},
                   {"type", std::string(to_string(h.type))},
                   {"title", h.title},
                   {"category", h.category},
                   {"effective", h.effective.yyyymmdd == VersionSpan::kAlways ? "" : h.effective.to_string()},
                   {"status", std::string(to_string(h.status))},
                   {"score", h.score},
                   {"snippet", h.snippet},
                   {"highlights", highlights},
                   {"badge", h.badge},
                   {"until", h.until.yyyymmdd == Date::kFarFuture ? "" : h.until.to_string()},
                   {"municipalities", h.municipalities}};
  if (h.upcoming)
    j["upcoming"] = {{"effective", h.upcoming->effective.to_string()}, {"title", h.upcoming->title}};
  else
    j["upcoming"] = nullptr;
  return j;
}

nlohmann::json version_json(const VersionDetail& d) {
  const EntryVersion& v = d.version;
  nlohmann::json j{{"id", v.id},
                   {"type", std::string(to_string(v.type))},
                   {"title", v.title},
                   {"category", v.category},
                   {"tags", v.tags},
                   {"municipalities", v.municipalities},
                   {"effective", v.effective.to_string()},
                   {"expires", v.expires.to_string()},
                   {"until", d.span.until.yyyymmdd == Date::kFarFuture ? "" : d.span.until.to_string()},
                   {"status", std::string(to_string(d.status))},
                   {"source", v.source},
                   {"question", v.question},
                   {"answer", v.answer},
                   {"script", v.script},
                   {"path", v.path}};
  return j;
}

std::string mark_highlights(const std::string& text, const std::vector<std::pair<size_t, size_t>>& ranges) {
  const bool tty = isatty(STDOUT_FILENO);
  const char* open = tty ? "\033[1;33m" : "【";
  const char* close = tty ? "\033[0m" : "】";
  std::string out;
  size_t pos = 0;
  for (const auto& [b, e] : ranges) {
    if (b < pos || e > text.size()) continue;
    out.append(text, pos, b - pos);
    out += open;
    out.append(text, b, e - b);
    out += close;
    pos = e;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace madoguchi::cli
