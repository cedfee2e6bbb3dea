#include "release_json.h"

#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

#include "madoguchi/date.h"

namespace madoguchi::cli {
namespace {

using nlohmann::json;

json diff_json(const WordDiff& diff) {
  json out = json::array();
  for (const auto& p : diff)
    out.push_back({p.op == DiffPiece::kSame ? "=" : p.op == DiffPiece::kDeleted ? "-" : "+", p.text});
  return out;
}

json content_json(const EntryVersion& v) {
  return {{"id", v.id},
          {"type", std::string(to_string(v.type))},
          {"title", v.title},
          {"category", v.category},
          {"tags", v.tags},
          {"municipalities", v.municipalities},
          {"effective", v.effective.to_string()},
          {"expires", v.expires.to_string()},
          {"source", v.source},
          {"question", v.question},
          {"answer", v.answer},
          {"script", v.script},
          {"body", v.body},
          {"path", v.path}};
}

json optional_content(const std::optional<EntryVersion>& v) { return v ? content_json(*v) : json(nullptr); }

std::string colored(const WordDiff& diff) {
  if (!isatty(STDOUT_FILENO)) return render_plain(diff);
  std::string out;
  for (const auto& p : diff) {
    if (p.op == DiffPiece::kSame) out += p.text;
    else if (p.op == DiffPiece::kDeleted) out += "\033[31m[-" + p.text + "-]\033[0m";
    else out += "\033[32m{+" + p.text + "+}\033[0m";
  }
  return out;
}

}  // namespace

json release_json(const ReleaseInfo& r) {
  return {{"number", r.number},
          {"time", r.time},
          {"author", r.author},
          {"message", r.message},
          {"kind", r.kind},
          {"rollback_to", r.kind == "rollback" ? json(r.rollback_to) : json(nullptr)},
          {"added", r.added},
          {"changed", r.changed},
          {"withdrawn", r.withdrawn},
          {"synonyms_changed", r.synonyms_changed}};
}

json entry_change_json(const EntryChange& c) {
  json versions = json::array();
  for (const auto& v : c.versions) {
    json fields = json::array();
    for (const auto& f : v.fields)
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}, {"diff", diff_json(f.diff)}});
    versions.push_back({{"uid", v.uid},
                        {"change", std::string(to_string(v.kind))},
                        {"compared_with", v.compared_with.empty() ? json(nullptr) : json(v.compared_with)},
                        {"fields", fields},
                        {"before", optional_content(v.before)},
                        {"after", optional_content(v.after)}});
  }
  return {{"id", c.id}, {"title", c.title}, {"change", std::string(to_string(c.kind))}, {"versions", versions}};
}

json publish_json(const PublishResult& r) {
  return {{"unchanged", r.unchanged},
          {"release", r.unchanged && r.release.number == 0 ? json(nullptr) : release_json(r.release)},
          {"stats",
           {{"entries", r.stats.entries},
            {"versions", r.stats.versions},
            {"analyzed", r.stats.analyzed},
            {"unchanged", r.stats.unchanged},
            {"removed", r.stats.removed},
            {"upgraded", r.stats.upgraded},
            {"seconds", r.stats.seconds}}}};
}

std::string release_line(const ReleaseInfo& r) {
  std::string kind = r.kind == "rollback" ? fmt::format(" (rollback to {})", r.rollback_to) : "";
  return fmt::format("{:>4}  {}  {:<12}  +{} ~{} -{}{}  {}{}", r.number, r.time, r.author, r.added, r.changed,
                     r.withdrawn, r.synonyms_changed ? " syn" : "", r.message, kind);
}

std::string uid_for_people(const std::string& uid) {
  constexpr std::string_view kUndated = "@00010101";
  if (!uid.ends_with(kUndated)) return uid;
  return uid.substr(0, uid.size() - kUndated.size()) + " (no date)";
}

void print_entry_change(const EntryChange& c) {
  fmt::print("{} {}  {}\n", c.kind == ChangeKind::kAdded ? "+" : c.kind == ChangeKind::kWithdrawn ? "-" : "~", c.id,
             c.title);
  for (const auto& v : c.versions) {
    std::string against =
        v.kind == ChangeKind::kAdded && !v.compared_with.empty() ? " (compared with " + uid_for_people(v.compared_with) + ")" : "";
    fmt::print("    {} {}{}\n", to_string(v.kind), uid_for_people(v.uid), against);
    for (const auto& f : v.fields) {
      std::string text = colored(f.diff);
      for (size_t pos = 0; (pos = text.find('\n', pos)) != std::string::npos; pos += 7) text.replace(pos, 1, "\n      ");
      fmt::print("      {}: {}\n", f.field, text);
    }
  }
}

void print_publish(const PublishResult& r, const std::string& db) {
  if (r.unchanged) {
    if (r.release.number > 0)
      fmt::print("unchanged: the corpus is what release {} published; no release made\n", r.release.number);
    else
      fmt::print("unchanged: nothing to publish; no release made\n");
    return;
  }
  const auto& rel = r.release;
  fmt::print("{} release {} to {}: {} added, {} changed, {} withdrawn{} ({} versions analyzed, {:.2f} s)\n",
             rel.kind == "rollback" ? "rolled back with" : "published", rel.number, db, rel.added, rel.changed,
             rel.withdrawn, rel.synonyms_changed ? ", synonyms changed" : "", r.stats.analyzed, r.stats.seconds);
}

void enable_changesets() { setenv("XAPIAN_MAX_CHANGESETS", "100", 0); }

std::string default_author() {
  for (const char* name : {"MADOGUCHI_AUTHOR", "USER", "LOGNAME"})
    if (const char* v = std::getenv(name); v && *v) return v;
  return "unknown";
}

}  // namespace madoguchi::cli
