#include "view_model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "ui_text.h"

namespace madoguchi::viewer {
namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool blank(const std::string& s) {
  for (unsigned char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// IME users type the ideographic space (U+3000) between words: treat it as a space.
std::string with_ascii_spaces(std::string s) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (size_t pos = 0; (pos = s.find(kIdeographicSpace, pos)) != std::string::npos; ++pos)
    s.replace(pos, kIdeographicSpace.size(), 1, ' ');
  return s;
}

VersionView make_version_view(const EntryDetail& entry, int index) {
  VersionView v;
  v.index = index;
  const EntryVersion& ver = entry.versions[size_t(index)].version;
  v.question = parse_markdown(ver.question);
  v.answer = parse_markdown(ver.answer);
  v.script = parse_markdown(ver.script);
  for (auto& [heading, content] : split_sections(ver.body)) {
    if (heading == text::kQuestion || heading == text::kAnswer || heading == text::kScript) continue;
    if (content.empty()) continue;
    v.other_sections.emplace_back(heading, parse_markdown(content));
  }
  return v;
}

// UTF-8 code points of `s`, as byte offsets of each character's start.
std::vector<size_t> char_starts(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

// Long unchanged stretches between changes keep a little context on each side ("…" between), so
// that a one-word change in a long answer reads at a glance.
constexpr size_t kContextChars = 24;

std::string keep_tail(const std::string& s, size_t chars) {
  const auto starts = char_starts(s);
  if (starts.size() <= chars) return s;
  return "…" + s.substr(starts[starts.size() - chars]);
}

std::string keep_head(const std::string& s, size_t chars) {
  const auto starts = char_starts(s);
  if (starts.size() <= chars) return s;
  return s.substr(0, starts[chars]) + "…";
}

std::string keep_both(const std::string& s, size_t chars) {
  const auto starts = char_starts(s);
  if (starts.size() <= chars * 2 + 1) return s;
  return s.substr(0, starts[chars]) + "…" + s.substr(starts[starts.size() - chars]);
}

// Line breaks (Markdown paragraphs) become spaces: a diff reads as one wrapped paragraph instead of
// a column of blank lines.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

WordDiff shortened(const WordDiff& diff) {
  WordDiff out = diff;
  for (DiffPiece& piece : out) piece.text = one_line(piece.text);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].op != DiffPiece::kSame) continue;
    const bool first = i == 0, last = i + 1 == out.size();
    if (first && last) out[i].text = keep_both(out[i].text, kContextChars);
    else if (first) out[i].text = keep_tail(out[i].text, kContextChars);
    else if (last) out[i].text = keep_head(out[i].text, kContextChars);
    else out[i].text = keep_both(out[i].text, kContextChars);
  }
  return out;
}

std::string_view field_label(const std::string& field) {
  if (field == "title") return text::kFieldTitle;
  if (field == "body") return text::kFieldBody;
  if (field == "type") return text::kType;
  if (field == "category") return text::kCategory;
  if (field == "tags") return text::kTags;
  if (field == "municipalities") return text::kMunicipalities;
  if (field == "effective") return text::kFieldEffective;
  if (field == "expires") return text::kFieldExpires;
  if (field == "source") return text::kSource;
  return field;
}

std::string_view kind_label(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded: return text::kCountAdded;
    case ChangeKind::kChanged: return text::kCountChanged;
    case ChangeKind::kWithdrawn: return text::kCountWithdrawn;
  }
  return text::kCountChanged;
}

std::string version_note(const VersionChange& v) {
  Date effective;
  if (v.after) effective = v.after->effective;
  else if (v.before) effective = v.before->effective;
  std::string note = effective.valid() ? effective.to_string() + " " : std::string(text::kVersionUndated) + " ";
  switch (v.kind) {
    case ChangeKind::kAdded: note += text::kVersionAdded; break;
    case ChangeKind::kChanged: note += text::kVersionChanged; break;
    case ChangeKind::kWithdrawn: note += text::kVersionWithdrawn; break;
  }
  if (v.kind == ChangeKind::kAdded && !v.compared_with.empty() && v.compared_with != v.uid) {
    const auto at = v.compared_with.find('@');
    const std::string ymd = at == std::string::npos ? "" : v.compared_with.substr(at + 1);
    std::string when = ymd;
    if (ymd.size() == 8 && ymd != "00010101") when = ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
    else if (ymd == "00010101") when = std::string(text::kVersionUndated);
    note += "（" + when + " の版" + std::string(text::kComparedWith) + "）";
  }
  return note;
}

}  // namespace

std::string japan_clock(std::time_t t) {
  if (t <= 0) return "";
  const std::time_t jst_t = t + 9 * 3600;
  std::tm tm{};
  gmtime_r(&jst_t, &tm);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
  return buf;
}

std::string banner_text(const ReleaseArrival& a) {
  const int n = a.release.number;
  std::string t = std::string(text::kReleaseWord) + " ";
  if (a.from > 0 && n > a.from + 1) t += std::to_string(a.from + 1) + "〜" + std::to_string(n);
  else t += std::to_string(n);
  t.append(" ").append(text::kPublishedSuffix);
  if (a.release.kind == "rollback" && a.release.rollback_to > 0)
    t += "（第" + std::to_string(a.release.rollback_to) + "版" + std::string(text::kRollbackTo) + "）";
  std::string counts;
  auto add = [&](std::string_view label, int count) {
    if (count <= 0) return;
    if (!counts.empty()) counts += "・";
    counts += std::string(label) + " " + std::to_string(count) + " 件";
  };
  add(text::kCountChanged, a.changed);
  add(text::kCountAdded, a.added);
  add(text::kCountWithdrawn, a.withdrawn);
  if (counts.empty()) counts = std::string(a.release.synonyms_changed ? text::kSynonymsOnly : text::kNoEntryChanges);
  return t + ": " + counts;
}

std::string release_line(const ReleaseInfo& r) {
  std::string line = release_label(r);
  if (!r.author.empty()) line += " " + r.author;
  if (!r.message.empty()) line += "「" + r.message + "」";
  return line;
}

ChangeItem change_item(const EntryChange& change) {
  ChangeItem item;
  item.id = change.id;
  item.title = change.title;
  item.kind = change.kind;
  item.heading = std::string(kind_label(change.kind)) + "  " + change.title + "  (" + change.id + ")";
  for (const VersionChange& v : change.versions) {
    if (change.versions.size() > 1 || change.kind == ChangeKind::kChanged) item.notes.push_back(version_note(v));
    // An added or withdrawn entry would list every field in full: its body says enough.
    if (change.kind != ChangeKind::kChanged) continue;
    for (const FieldChange& f : v.fields) item.fields.push_back({std::string(field_label(f.field)), shortened(f.diff)});
  }
  if (change.kind != ChangeKind::kChanged && !change.versions.empty()) {
    // The beginning of the latest version's text, all inserted (added) or all deleted (withdrawn).
    const VersionChange& v = change.versions.back();
    const auto& content = change.kind == ChangeKind::kAdded ? v.after : v.before;
    if (content && !content->body.empty()) {
      const DiffPiece::Op op = change.kind == ChangeKind::kAdded ? DiffPiece::kInserted : DiffPiece::kDeleted;
      item.fields.push_back({std::string(text::kFieldBody), {{op, keep_head(one_line(content->body), kContextChars * 4)}}});
    }
  }
  return item;
}

std::string release_label(const ReleaseInfo& r) {
  std::string label = "第" + std::to_string(r.number) + "版";
  // Published at (UTC, ISO 8601) shown in Japan time: operators compare it with the wall clock.
  int y, mo, d, h, mi;
  if (std::sscanf(r.time.c_str(), "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) == 5) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h + 9;
    tm.tm_min = mi;
    const std::time_t t = timegm(&tm);  // normalizes the +9 hours across midnight
    std::tm jst{};
    gmtime_r(&t, &jst);
    char buf[96];
    std::snprintf(buf, sizeof buf, "（%04d-%02d-%02d %02d:%02d 公開）", jst.tm_year + 1900, jst.tm_mon + 1, jst.tm_mday,
                  jst.tm_hour, jst.tm_min);
    label += buf;
  }
  return label;
}

std::optional<Date> parse_operator_date(const std::string& input) {
  std::string ascii;
  for (size_t i = 0; i < input.size();) {
    const unsigned char c = static_cast<unsigned char>(input[i]);
    // Full-width digits U+FF10..FF19 are EF BC 90..99; full-width '／' EF BC 8F, '－' EF BC 8D.
    if (c == 0xEF && i + 2 < input.size() && static_cast<unsigned char>(input[i + 1]) == 0xBC) {
      const unsigned char d = static_cast<unsigned char>(input[i + 2]);
      if (d >= 0x90 && d <= 0x99) ascii += char('0' + (d - 0x90));
      else if (d == 0x8F || d == 0x8D) ascii += '-';
      else return std::nullopt;
      i += 3;
    } else if (c == 0xE3 && input.compare(i, 3, "\xE3\x83\xBC") == 0) {  // 'ー' typed for '-'
      ascii += '-';
      i += 3;
    } else if (c == '/' || c == '.') {
      ascii += '-';
      ++i;
    } else if (c == ' ') {
      ++i;
    } else {
      ascii += char(c);
      ++i;
    }
  }
  // Accept 2023-5-8 as well as 2023-05-08.
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(ascii.c_str(), "%d-%d-%d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return Date::parse(buf);
}

ViewModel::ViewModel(SearchService& service, ViewEvents& events, ViewModelOptions options, ReleaseService* releases,
                     SeatState* seat)
    : service_(service), events_(events), options_(std::move(options)), releases_(releases), seat_(seat) {
  if (!options_.now) options_.now = steady_seconds;
  state_.font_size = options_.default_font_size;
  state_.watch.watching = releases_ != nullptr;
}

void ViewModel::apply(const ActionRequest& r) {
  // The note box is modal: only its own actions (and Esc, Enter) reach the model while it is open.
  if (state_.feedback.open) {
    switch (r.action) {
      case Action::kSetFeedbackDraft: set_feedback_draft(r.text); break;
      case Action::kTypeAhead:  // typed before the box had focus: it belongs to the note
        state_.feedback.draft += r.text;
        ++state_.feedback.epoch;
        break;
      case Action::kCommitFeedback:
      case Action::kOpenSelected: commit_feedback(); break;
      case Action::kEscape:
        state_.feedback = FeedbackNote{.epoch = state_.feedback.epoch};
        notify(text::kFeedbackCancelled);
        break;
      default: break;
    }
    return;
  }
  switch (r.action) {
    case Action::kNone: break;
    case Action::kSetQuery: set_query(r.text); break;
    case Action::kTypeAhead: type_ahead(r.text); break;
    case Action::kEscape: escape(); break;
    case Action::kFocusSearch: request_focus(Focus::kSearch); break;
    case Action::kMoveUp: move_selection(-1); break;
    case Action::kMoveDown: move_selection(+1); break;
    case Action::kSelect: select(r.arg); break;
    case Action::kOpenSelected: open_selected(); break;
    case Action::kOpenNth: open_nth(r.arg); break;
    case Action::kFocusChanged: focus(static_cast<Focus>(r.arg)); break;
    case Action::kCopyAnswer: copy_answer(); break;
    case Action::kFeedback: record_feedback(); break;
    case Action::kSetFeedbackDraft: break;  // the box is closed
    case Action::kCommitFeedback: break;
    case Action::kToggleChanges: toggle_changes(); break;
    case Action::kAcknowledge: acknowledge(); break;
    case Action::kToggleHistory: toggle_history(); break;
    case Action::kDismissBanner: dismiss_banner(); break;
    case Action::kCopyScript: copy_script(); break;
    case Action::kTogglePrevious: toggle_previous(); break;
    case Action::kToggleUpcoming: toggle_upcoming(); break;
    case Action::kScrollDetailUp: scroll_detail(-0.8f); break;
    case Action::kScrollDetailDown: scroll_detail(+0.8f); break;
    case Action::kPickCategory: open_picker(Picker::Kind::kCategory); break;
    case Action::kPickType: open_picker(Picker::Kind::kType); break;
    case Action::kPickerChoose: picker_choose(r.arg); break;
    case Action::kEditAsOf: edit_as_of(); break;
    case Action::kSetAsOfDraft: set_as_of_draft(r.text); break;
    case Action::kCommitAsOf: commit_as_of(); break;
    case Action::kClearFilters: clear_filters(); break;
    case Action::kFontBigger: change_font_size(+1); break;
    case Action::kFontSmaller: change_font_size(-1); break;
    case Action::kFontReset: set_font_size(options_.default_font_size); break;
    case Action::kToggleTheme: set_theme(state_.theme == Theme::kLight ? Theme::kDark : Theme::kLight); break;
    case Action::kToggleHelp: toggle_help(); break;
  }
}

// --- Query ------------------------------------------------------------------------------------

void ViewModel::set_query(const std::string& text) {
  if (text == state_.query) return;
  const bool was_blank = blank(with_ascii_spaces(state_.query));
  const std::string previous = state_.query;
  state_.query = text;
  if (blank(with_ascii_spaces(text))) {
    if (!was_blank) {
      SettleEvent e{SettleKind::kCleared, previous, "", 0, state_.estimated_total};
      events_.settled(e);
    }
    ++search_generation_;  // whatever is in flight is now stale
    state_.searching = false;
    state_.search_error.clear();
    clear_results();
    return;
  }
  submit_search();
}

void ViewModel::replace_query(const std::string& text) {
  ++state_.query_epoch;
  set_query(text);
}

void ViewModel::clear_query() { replace_query(""); }

void ViewModel::type_ahead(const std::string& text) {
  replace_query(state_.query + text);
  request_focus(Focus::kSearch);
}

void ViewModel::escape() {
  if (state_.history.visible) {
    state_.history.visible = false;
    return;
  }
  if (state_.changes.visible) {
    close_changes();
    return;
  }
  if (state_.help_open) {
    state_.help_open = false;
    return;
  }
  if (state_.picker.open()) {
    state_.picker = Picker{};
    return;
  }
  if (state_.focus == Focus::kAsOfInput) {
    state_.as_of_draft = state_.filters.as_of ? state_.filters.as_of->to_string() : "";
    ++state_.as_of_epoch;
    request_focus(Focus::kSearch);
    return;
  }
  if (!state_.query.empty()) clear_query();
  request_focus(Focus::kSearch);
}

void ViewModel::submit_search() {
  SearchJob job;
  job.generation = ++search_generation_;
  job.request.query = with_ascii_spaces(state_.query);
  job.request.limit = options_.result_limit;
  // The rows the window shows first get their snippets at once, the others in a second reply
  // when no newer key is waiting: 30 snippets made a keystroke at 100k entries 38% slower at p50.
  if (options_.first_page < options_.result_limit) {
    job.request.snippet_hits = options_.first_page;
    job.snippets_after = true;
  }
  job.request.as_of = effective_as_of();
  job.request.category = state_.filters.category;
  job.request.type = state_.filters.type;
  state_.searching = true;
  pause_deadline_.reset();
  service_.submit(std::move(job));
}

std::optional<Date> ViewModel::effective_as_of() const {
  // The model's idea of today (set from the clock by the main loop) rules, so that results and the
  // status bar agree on the date even across midnight.
  if (state_.filters.as_of) return state_.filters.as_of;
  if (state_.today.valid()) return state_.today;
  return std::nullopt;
}

// --- Focus and selection ------------------------------------------------------------------------

void ViewModel::request_focus(Focus where) {
  focus(where);
  ++state_.focus_epoch;
}

// The operator moved the focus; no request. Leaving the date box without Enter (or after a date
// it refused) puts back the date in use: the box must never show a date the results are not for.
void ViewModel::focus(Focus where) {
  if (state_.focus == Focus::kAsOfInput && where != Focus::kAsOfInput) {
    const std::string in_use = state_.filters.as_of ? state_.filters.as_of->to_string() : "";
    if (state_.as_of_draft != in_use) {
      state_.as_of_draft = in_use;
      ++state_.as_of_epoch;
    }
  }
  state_.focus = where;
}

void ViewModel::move_selection(int delta) {
  if (state_.picker.open()) {
    const int n = int(state_.picker.values.size());
    state_.picker.index = std::clamp(state_.picker.index + delta, 0, std::max(0, n - 1));
    return;
  }
  if (state_.hits.empty()) return;
  const int next = std::clamp(state_.selected + delta, 0, int(state_.hits.size()) - 1);
  if (next == state_.selected) return;
  select(next);
  ++state_.selection_epoch;
}

void ViewModel::select(int index) {
  if (index < 0 || index >= int(state_.hits.size())) return;
  const bool changed = index != state_.selected;
  state_.selected = index;
  if (changed) {
    events_.selected(state_.hits[size_t(index)]);
    request_detail();
  }
}

void ViewModel::open_selected() {
  if (state_.changes.visible && !state_.history.visible) {
    acknowledge();
    return;
  }
  if (state_.history.visible) return;
  if (state_.picker.open()) {
    picker_choose(state_.picker.index);
    return;
  }
  if (state_.focus == Focus::kAsOfInput) {
    commit_as_of();
    return;
  }
  const Hit* hit = state_.selected_hit();
  if (!hit) return;
  request_focus(Focus::kDetail);
  settle(SettleKind::kOpened, hit);
}

void ViewModel::open_nth(int rank) {
  if (rank < 1 || rank > int(state_.hits.size())) return;
  select(rank - 1);
  ++state_.selection_epoch;
  request_focus(Focus::kDetail);
  settle(SettleKind::kOpened, state_.selected_hit());
}

void ViewModel::settle(SettleKind kind, const Hit* hit) {
  SettleEvent e;
  e.kind = kind;
  e.query = state_.results_query;
  e.total = state_.estimated_total;
  if (hit) {
    e.id = hit->id;
    e.rank = hit->rank;
  }
  events_.settled(e);
}

// --- Detail -----------------------------------------------------------------------------------

void ViewModel::request_detail() {
  const Hit* hit = state_.selected_hit();
  if (!hit) {
    state_.detail = DetailView{};
    detail_for_.clear();
    return;
  }
  const auto as_of = effective_as_of();
  const std::string key = hit->id + "@" + (as_of ? as_of->to_string() : "");
  if (key == detail_for_ && (state_.detail.entry || state_.detail.loading)) return;
  detail_for_ = key;
  const bool same_entry = state_.detail.id == hit->id;
  const bool keep_previous = same_entry && state_.detail.show_previous;
  const bool keep_upcoming = same_entry && state_.detail.show_upcoming;
  if (!same_entry) {
    // Keep showing the old entry until the new one arrives (no flicker), but mark it loading.
    state_.detail.scroll_to_top = true;
    ++state_.detail.scroll_epoch;
  }
  state_.detail.id = hit->id;
  state_.detail.loading = true;
  state_.detail.left_results = state_.detail.deleted = false;
  state_.detail.show_previous = keep_previous;
  state_.detail.show_upcoming = keep_upcoming;
  service_.submit(ShowJob{++show_generation_, hit->id, effective_as_of()});
}

void ViewModel::copy_answer() {
  const Hit* hit = state_.selected_hit();
  if (!hit) return notify(text::kNothingToCopy);
  if (state_.detail.loading || !state_.detail.entry || state_.detail.id != hit->id) return notify(text::kStillLoading);
  state_.clipboard_request = to_plain_text(state_.detail.current.answer);
  notify(text::kCopied);
  settle(SettleKind::kCopied, hit);
}

void ViewModel::record_feedback() {
  const Hit* hit = state_.selected_hit();
  if (!hit) return notify(text::kNothingToCopy);
  FeedbackNote& f = state_.feedback;
  f.open = true;
  f.id = hit->id;
  f.title = hit->title;
  f.query = state_.query;
  f.draft.clear();
  ++f.epoch;
}

void ViewModel::set_feedback_draft(const std::string& text) {
  if (state_.feedback.open) state_.feedback.draft = text;
}

void ViewModel::commit_feedback() {
  FeedbackNote& f = state_.feedback;
  if (!f.open) return;
  // Trimmed; the search log masks digits and cuts it like a query.
  std::string note = f.draft;
  while (!note.empty() && (note.back() == ' ' || note.back() == '\n')) note.pop_back();
  size_t lead = 0;
  while (lead < note.size() && note[lead] == ' ') ++lead;
  note.erase(0, lead);
  if (blank(with_ascii_spaces(note))) note.clear();
  events_.feedback(f.id, f.query, note);
  state_.feedback = FeedbackNote{.epoch = f.epoch};
  notify(text::kFeedbackRecorded);
}

void ViewModel::copy_script() {
  const Hit* hit = state_.selected_hit();
  if (!hit) return notify(text::kNothingToCopy);
  if (state_.detail.loading || !state_.detail.entry || state_.detail.id != hit->id) return notify(text::kStillLoading);
  if (state_.detail.current.script.empty()) return notify(text::kNoScript);
  state_.clipboard_request = to_plain_text(state_.detail.current.script);
  notify(text::kScriptCopied);
}

void ViewModel::toggle_previous() {
  if (!state_.detail.entry) return;
  if (!state_.detail.previous) return notify(text::kNoPrevious);
  state_.detail.show_previous = !state_.detail.show_previous;
}

void ViewModel::toggle_upcoming() {
  if (!state_.detail.entry || !state_.detail.upcoming) return;
  state_.detail.show_upcoming = !state_.detail.show_upcoming;
}

void ViewModel::scroll_detail(float pages) {
  if (state_.history.visible) {
    state_.history.scroll_pages = pages;
    ++state_.history.scroll_epoch;
    return;
  }
  if (state_.changes.visible) {
    state_.changes.scroll_pages = pages;
    ++state_.changes.scroll_epoch;
    return;
  }
  state_.detail.scroll_pages = pages;
  state_.detail.scroll_to_top = false;
  ++state_.detail.scroll_epoch;
}

// --- Filters ----------------------------------------------------------------------------------

void ViewModel::open_picker(Picker::Kind kind) {
  if (state_.picker.kind == kind) {  // the same key again closes it
    state_.picker = Picker{};
    return;
  }
  Picker p;
  p.kind = kind;
  std::string current;
  if (kind == Picker::Kind::kCategory) {
    p.values.push_back("");
    p.labels.emplace_back(text::kAny);
    for (const auto& c : state_.known_categories) {
      p.values.push_back(c);
      p.labels.push_back(c);
    }
    current = state_.filters.category;
  } else {
    for (const auto& t : text::kTypes) {
      p.values.emplace_back(t.value);
      p.labels.emplace_back(t.label);
    }
    current = state_.filters.type;
  }
  auto it = std::find(p.values.begin(), p.values.end(), current);
  p.index = it == p.values.end() ? 0 : int(it - p.values.begin());
  state_.picker = std::move(p);
}

void ViewModel::picker_choose(int row) {
  if (!state_.picker.open() || row < 0 || row >= int(state_.picker.values.size())) return;
  const Picker p = std::exchange(state_.picker, Picker{});
  if (p.kind == Picker::Kind::kCategory) set_category(p.values[size_t(row)]);
  else set_type(p.values[size_t(row)]);
  request_focus(Focus::kSearch);
}

void ViewModel::set_category(const std::string& category) {
  if (state_.filters.category == category) return;
  state_.filters.category = category;
  if (!state_.query.empty()) submit_search();
}

void ViewModel::set_type(const std::string& type) {
  if (state_.filters.type == type) return;
  state_.filters.type = type;
  if (!state_.query.empty()) submit_search();
}

void ViewModel::edit_as_of() {
  state_.picker = Picker{};
  state_.as_of_draft = state_.filters.as_of ? state_.filters.as_of->to_string() : "";
  ++state_.as_of_epoch;
  request_focus(Focus::kAsOfInput);
}

void ViewModel::set_as_of_draft(const std::string& text) { state_.as_of_draft = text; }

bool ViewModel::commit_as_of() {
  std::optional<Date> date;
  if (!blank(with_ascii_spaces(state_.as_of_draft))) {
    date = parse_operator_date(state_.as_of_draft);
    if (!date) {
      notify(text::kBadDate);
      return false;
    }
  }
  state_.as_of_draft = date ? date->to_string() : "";
  ++state_.as_of_epoch;
  set_as_of(date);
  request_focus(Focus::kSearch);
  return true;
}

void ViewModel::set_as_of(std::optional<Date> date) {
  if (state_.filters.as_of == date) return;
  state_.filters.as_of = date;
  state_.as_of_draft = date ? date->to_string() : "";
  if (!state_.query.empty()) submit_search();
  request_detail();
}

void ViewModel::clear_filters() {
  const bool had = state_.filters.any();
  state_.filters = Filters{};
  state_.as_of_draft.clear();
  ++state_.as_of_epoch;
  state_.picker = Picker{};
  if (had && !state_.query.empty()) submit_search();
  if (had) request_detail();
}

// --- Appearance -------------------------------------------------------------------------------

void ViewModel::set_font_size(float size) {
  state_.font_size = std::clamp(std::round(size), options_.min_font_size, options_.max_font_size);
}

void ViewModel::change_font_size(int steps) { set_font_size(state_.font_size + float(steps) * options_.font_step); }

void ViewModel::set_theme(Theme theme) { state_.theme = theme; }

void ViewModel::toggle_help() { state_.help_open = !state_.help_open; }

void ViewModel::set_index_path(const std::string& path) {
  state_.index.path = path;
  state_.index.state = path.empty() ? IndexState::kNone : IndexState::kOpening;
}

// --- Replies and timers -----------------------------------------------------------------------

bool ViewModel::pump() {
  bool any = false;
  // Applying a reply may submit a job (a search selects a result, which asks for its detail; a new
  // release searches again); inline services answer at once, so drain until nothing is left.
  for (bool more = true; more;) {
    more = false;
    for (Reply& r : service_.drain()) {
      more = true;
      if (auto* o = std::get_if<OpenReply>(&r)) on_open(*o);
      else if (auto* s = std::get_if<SearchReply>(&r)) on_search(*s);
      else if (auto* d = std::get_if<ShowReply>(&r)) on_show(*d);
    }
    if (releases_)
      for (ReleaseReply& r : releases_->drain()) {
        more = true;
        if (auto* w = std::get_if<WatchReport>(&r)) on_watch(*w);
        else if (auto* c = std::get_if<ChangesReply>(&r)) on_changes(*c);
        else if (auto* h = std::get_if<HistoryReply>(&r)) on_history(*h);
      }
    any = any || more;
  }
  return any;
}

void ViewModel::flush() {
  if (seat_)
    if (Status s = seat_->flush(); !s.ok()) notify(s.message());
}

// --- Releases (issue 4) -------------------------------------------------------------------------

void ViewModel::learn_release(int number) {
  if (announced_ >= 0) return;
  announced_ = number;
  if (!seat_ || number <= 0) return;
  if (auto ack = seat_->acknowledged(state_.index.path)) {
    state_.watch.acknowledged = *ack;
    request_changes();
  } else {
    // A seat's first run on this index: nothing it could have missed yet.
    set_acknowledged(number, true);
  }
}

void ViewModel::on_watch(WatchReport& report) {
  ReleaseWatch& w = state_.watch;
  w.watching = true;
  if (watch_since_ == 0) watch_since_ = options_.now();
  w.ok = report.ok;
  w.error = report.error;
  if (report.last_ok > 0) {
    w.last_ok = report.last_ok;
    w.last_checked = japan_clock(report.last_ok_wall);
  }
  update_stale();
  if (report.today.valid()) set_today(report.today);
  if (!report.ok) return;

  const int number = report.release ? report.release->number : 0;
  if (announced_ < 0) {
    learn_release(number);
    return;
  }
  if (number == announced_) return;
  if (!report.release) {
    // The index was replaced by one never published (an editor's local build): nothing to announce.
    announced_ = 0;
    state_.index.release.clear();
    state_.index.release_number = 0;
    return;
  }
  // A new release reached the seat: say so, show it in the status bar, refresh what is on screen
  // (same query: the selection is kept by entry id; the detail and history are asked again).
  ReleaseArrival arrival;
  if (report.arrival && report.arrival->from == announced_) {
    arrival = *report.arrival;
  } else {
    arrival.from = announced_;
    arrival.release = *report.release;
    arrival.added = report.release->added;
    arrival.changed = report.release->changed;
    arrival.withdrawn = report.release->withdrawn;
  }
  announced_ = number;
  state_.banner = ReleaseBanner{true, number, banner_text(arrival)};
  events_.release_arrived(number, state_.banner.text);
  state_.index.release = release_label(*report.release);
  state_.index.release_number = number;
  if (!blank(with_ascii_spaces(state_.query))) submit_search();
  detail_for_.clear();
  request_detail();
  if (state_.history.visible && !state_.history.id.empty())
    releases_->submit(HistoryJob{++history_generation_, state_.history.id});
  // A seat that knew no release yet (a local build that got its first publish): the first release
  // is its baseline, not a list of every entry as new.
  if (!state_.watch.acknowledged && seat_) set_acknowledged(arrival.from > 0 ? arrival.from : number, true);
  // An open changes panel keeps what the operator is reading (and what Enter acknowledges); it
  // says a newer release is waiting and catches up when closed.
  if (state_.changes.visible) state_.changes.newer_waiting = true;
  else request_changes();
}

void ViewModel::request_changes() {
  if (!releases_ || !state_.watch.acknowledged || announced_ < 0) return;
  // An acknowledged release beyond the current one: the index was rebuilt from scratch and its
  // numbers started again. Its current release is the new baseline.
  if (*state_.watch.acknowledged > announced_) set_acknowledged(announced_, true);
  const int from = *state_.watch.acknowledged, to = announced_;
  if (from == to) {
    state_.changes.items.clear();
    state_.changes.releases.clear();
    state_.changes.error.clear();
    state_.changes.loading = false;
    state_.changes.from = state_.changes.to = to;
    state_.watch.changed_since_ack.clear();
    changes_asked_ = {from, to};
    return;
  }
  if (changes_asked_ == std::make_pair(from, to)) return;
  changes_asked_ = {from, to};
  state_.changes.loading = true;
  releases_->submit(ChangesJob{++changes_generation_, from, to});
}

void ViewModel::on_changes(ChangesReply& reply) {
  if (reply.generation != changes_generation_) return;
  ChangesPanel& c = state_.changes;
  c.loading = false;
  if (!reply.diff) {
    c.error = reply.diff.status().to_string();
    changes_asked_ = {-1, -1};  // ask again next time
    return;
  }
  c.error.clear();
  c.from = reply.from;
  c.to = reply.to;
  c.releases.clear();
  for (const ReleaseInfo& r : reply.diff->releases) c.releases.push_back(release_line(r));
  c.items.clear();
  state_.watch.changed_since_ack.clear();
  int added = 0, changed = 0, withdrawn = 0;
  for (const EntryChange& e : reply.diff->entries) {
    c.items.push_back(change_item(e));
    state_.watch.changed_since_ack[e.id] = e.kind;
    added += e.kind == ChangeKind::kAdded;
    changed += e.kind == ChangeKind::kChanged;
    withdrawn += e.kind == ChangeKind::kWithdrawn;
  }
  // Everything not yet acknowledged, in one banner: shown once for changes waiting since an
  // earlier shift, and a banner already up for the newest release only (announced on arrival)
  // grows to cover the unread releases before it.
  const bool new_banner = !state_.banner.visible && state_.banner.number != reply.to;
  if ((state_.banner.visible || new_banner) && !c.visible && !reply.diff->releases.empty()) {
    ReleaseArrival a;
    a.from = reply.from;
    a.release = reply.diff->releases.back();
    a.added = added;
    a.changed = changed;
    a.withdrawn = withdrawn;
    state_.banner = ReleaseBanner{true, reply.to, banner_text(a)};
  }
}

void ViewModel::set_acknowledged(int number, bool persist) {
  state_.watch.acknowledged = number;
  if (persist && seat_ && !state_.index.path.empty())
    if (Status s = seat_->acknowledge(state_.index.path, number); !s.ok()) notify(s.message());
}

void ViewModel::toggle_changes() {
  if (state_.changes.visible) {
    close_changes();
    return;
  }
  state_.help_open = false;
  state_.picker = Picker{};
  state_.history.visible = false;
  state_.changes.visible = true;
  state_.banner.visible = false;  // the operator is reading them now
  ++state_.changes.scroll_epoch;
  state_.changes.scroll_pages = 0;
  request_changes();
}

void ViewModel::acknowledge() {
  if (!state_.watch.acknowledged || state_.changes.loading) return;
  // What the panel shows is what was read: a release that arrived meanwhile stays unread.
  const int upto = state_.changes.to > 0 ? state_.changes.to : announced_;
  if (upto <= 0) {
    state_.changes.visible = false;
    return;
  }
  set_acknowledged(upto, true);
  if (state_.banner.number <= upto) state_.banner.visible = false;
  notify("第" + std::to_string(upto) + "版" + std::string(text::kAcknowledged));
  close_changes();
}

void ViewModel::close_changes() {
  state_.changes.visible = false;
  state_.changes.newer_waiting = false;
  request_changes();  // catches up with releases that arrived while it was open
}

void ViewModel::toggle_history() {
  if (state_.history.visible) {
    state_.history.visible = false;
    return;
  }
  const Hit* hit = state_.selected_hit();
  if (!hit) return notify(text::kNothingSelected);
  if (!releases_) return notify(text::kHistoryNone);
  if (state_.changes.visible) close_changes();
  state_.help_open = false;
  HistoryPanel& h = state_.history;
  const bool same = h.id == hit->id;
  h.visible = true;
  h.id = hit->id;
  h.title = hit->title;
  if (!same) {
    h.steps.clear();
    h.error.clear();
  }
  h.loading = true;
  ++h.scroll_epoch;
  h.scroll_pages = 0;
  releases_->submit(HistoryJob{++history_generation_, hit->id});
}

void ViewModel::on_history(HistoryReply& reply) {
  if (reply.generation != history_generation_) return;
  HistoryPanel& h = state_.history;
  h.loading = false;
  if (!reply.history) {
    h.error = reply.history.status().to_string();
    return;
  }
  h.error.clear();
  h.steps.clear();
  const auto& touches = reply.history->releases;
  for (auto it = touches.rbegin(); it != touches.rend(); ++it) {
    ChangeItem step = change_item(it->change);
    step.heading = release_line(it->release) + "  " + std::string(kind_label(it->change.kind));
    h.steps.push_back(std::move(step));
  }
  if (!touches.empty() && !touches.back().change.title.empty()) h.title = touches.back().change.title;
}

void ViewModel::dismiss_banner() { state_.banner.visible = false; }

bool ViewModel::update_stale() {
  ReleaseWatch& w = state_.watch;
  if (!w.watching || watch_since_ == 0) return false;
  const double since = w.last_ok > 0 ? w.last_ok : watch_since_;
  const bool stale = options_.now() - since >= options_.stale_seconds;
  if (stale == w.stale) return false;
  w.stale = stale;
  return true;
}

void ViewModel::on_open(OpenReply& reply) {
  state_.index.path = reply.db_dir;
  if (!reply.status.ok()) {
    state_.index.state = IndexState::kFailed;
    state_.index.error = reply.status.message();
    return;
  }
  state_.index.state = IndexState::kOpen;
  state_.index.entry_count = reply.entry_count;
  state_.index.charset = std::move(reply.charset);
  ++state_.index.charset_version;
  state_.known_categories = std::move(reply.categories);
  state_.index.release = reply.release ? release_label(*reply.release) : "";
  state_.index.release_number = reply.release ? reply.release->number : 0;
  state_.index.open_ms = reply.took_ms;
  learn_release(int(state_.index.release_number));
}

void ViewModel::on_search(SearchReply& reply) {
  if (reply.charset) {  // even from a stale search: the worker stays on the newer revision
    state_.index.charset = std::move(*reply.charset);
    ++state_.index.charset_version;
  }
  if (reply.categories) state_.known_categories = std::move(*reply.categories);
  if (reply.generation != search_generation_) return;  // stale: a newer query is on its way
  if (reply.completes) {
    complete_snippets(reply);
    return;
  }
  state_.searching = false;
  if (!reply.result) {
    // The results on screen answer another query (or another date, filter or release): never
    // leave them under this one. The results pane says the search failed.
    state_.search_error = reply.result.status().message();
    clear_results();
    ++state_.selection_epoch;
    events_.search_failed(state_.query, reply.result.status());
    return;
  }
  SearchResult& result = *reply.result;
  state_.search_error.clear();
  state_.index.entry_count = reply.entry_count;
  state_.index.release = reply.release ? release_label(*reply.release) : "";
  state_.index.release_number = reply.release ? reply.release->number : 0;
  const std::string selected_id = state_.selected_hit() ? state_.selected_hit()->id : "";
  const bool same_query = result.query == state_.results_query;
  state_.hits = std::move(result.hits);
  state_.estimated_total = result.estimated_total;
  state_.total_is_exact = result.total_is_exact;
  state_.took_ms = result.took_ms;
  state_.as_of = result.as_of;
  state_.results_query = result.query;
  result.hits = state_.hits;  // for the event sink
  events_.searched(result);

  // The same query searched again (a filter, the date or the index changed): keep the entry the
  // operator was looking at. A new query starts from the top.
  int next = state_.hits.empty() ? -1 : 0;
  bool kept = false;
  if (same_query && !selected_id.empty())
    for (size_t i = 0; i < state_.hits.size(); ++i)
      if (state_.hits[i].id == selected_id) next = int(i), kept = true;
  if (same_query && !selected_id.empty() && !kept) return keep_entry_that_left(selected_id);
  state_.selected = next;
  ++state_.selection_epoch;
  if (next >= 0) {
    if (state_.hits[size_t(next)].id != selected_id) events_.selected(state_.hits[size_t(next)]);
    request_detail();
  } else {
    state_.detail = DetailView{};
    detail_for_.clear();
  }
  pause_deadline_ = options_.now() + options_.pause_seconds;
}

// No results, no selection, no detail: the box was emptied, or the search failed.
void ViewModel::clear_results() {
  state_.hits.clear();
  state_.estimated_total = 0;
  state_.total_is_exact = false;
  state_.took_ms = 0;
  state_.results_query.clear();
  state_.selected = -1;
  state_.detail = DetailView{};
  detail_for_.clear();
  pause_deadline_.reset();
}

// The entry the operator was reading left the results of the same query (a release withdrew or
// changed it, or it expired at midnight). Another entry must not slip into the detail in its
// place while they read aloud: no row is selected, the detail shows that entry as it is now (its
// status box says when it is no longer to be quoted, or that it was deleted), and a notice says
// why the list changed under them.
void ViewModel::keep_entry_that_left(const std::string& id) {
  state_.selected = -1;
  ++state_.selection_epoch;
  state_.detail.left_results = true;
  detail_for_ = id + "@left";
  state_.detail.id = id;
  state_.detail.loading = true;
  service_.submit(ShowJob{++show_generation_, id, effective_as_of()});
  notify(text::kSelectedLeftResults);
  pause_deadline_ = options_.now() + options_.pause_seconds;
}

// The second reply of a search: the same hits, now each with its snippet. Only snippets change,
// so nothing the operator selected or scrolled to moves, and no event repeats the search.
void ViewModel::complete_snippets(SearchReply& reply) {
  if (!reply.result || reply.result->query != state_.results_query) return;
  std::vector<Hit>& hits = reply.result->hits;
  if (hits.size() != state_.hits.size()) return;
  for (size_t i = 0; i < hits.size(); ++i) {
    if (hits[i].id != state_.hits[i].id) return;  // the index moved in between: keep what is shown
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    state_.hits[i].snippet = std::move(hits[i].snippet);
    state_.hits[i].highlights = std::move(hits[i].highlights);
  }
}

void ViewModel::on_show(ShowReply& reply) {
  if (reply.generation != show_generation_) return;
  DetailView& d = state_.detail;
  d.loading = false;
  if (!reply.detail) {
    d.deleted = d.left_results && reply.detail.status().code() == Code::kNotFound;
    d.error = d.deleted ? "" : reply.detail.status().to_string();
    d.entry.reset();
    return;
  }
  d.error.clear();
  d.entry = std::move(*reply.detail);
  const EntryDetail& e = *d.entry;
  int current = int(e.versions.size()) - 1;
  for (size_t i = 0; i < e.versions.size(); ++i)
    if (e.current && e.versions[i].span.effective == e.current->span.effective) current = int(i);
  d.current = make_version_view(e, current);
  d.previous.reset();
  d.upcoming.reset();
  if (current > 0) d.previous = make_version_view(e, current - 1);
  for (size_t i = size_t(current) + 1; i < e.versions.size(); ++i)
    if (e.versions[i].status == VersionStatus::kUpcoming) {
      d.upcoming = make_version_view(e, int(i));
      break;
    }
  if (!d.previous) d.show_previous = false;
  if (!d.upcoming) d.show_upcoming = false;
}

void ViewModel::notify(std::string_view message) {
  state_.notice = std::string(message);
  state_.notice_until = options_.now() + options_.notice_seconds;
}

bool ViewModel::tick() {
  const double t = options_.now();
  bool visible = update_stale();
  if (!state_.notice.empty() && t >= state_.notice_until) {
    state_.notice.clear();
    visible = true;
  }
  if (pause_deadline_ && t >= *pause_deadline_) {
    pause_deadline_.reset();
    if (!state_.results_query.empty() && state_.results_query != paused_query_ && !state_.searching) {
      paused_query_ = state_.results_query;
      settle(SettleKind::kPaused, nullptr);
    }
  }
  return visible;
}

std::optional<double> ViewModel::next_deadline() const {
  std::optional<double> d = pause_deadline_;
  if (!state_.notice.empty()) d = d ? std::min(*d, state_.notice_until) : state_.notice_until;
  if (state_.watch.watching && watch_since_ > 0 && !state_.watch.stale) {
    // When the stale warning is due if no good check comes first.
    const double since = state_.watch.last_ok > 0 ? state_.watch.last_ok : watch_since_;
    const double due = since + options_.stale_seconds;
    d = d ? std::min(*d, due) : due;
  }
  return d;
}

void ViewModel::set_today(Date today) {
  if (state_.today == today) return;
  const bool first = !state_.today.valid();
  state_.today = today;
  // "Today" moved on (midnight in Japan): a rule effective from today must show at once.
  if (!first && !state_.filters.as_of && !state_.query.empty()) {
    submit_search();
    detail_for_.clear();
  }
}

std::optional<std::string> ViewModel::take_clipboard_request() {
  return std::exchange(state_.clipboard_request, std::nullopt);
}

}  // namespace madoguchi::viewer
