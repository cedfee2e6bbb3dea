// The stamp cache (file_stamps.h). Text, one file a line, so that it can be read by eye:
//   madoguchi-stamps 1 <corpus root>
//   <xxh64 hex> <size> <mtime_ns> <ctime_ns> <inode> <relative path>
#include "madoguchi/file_stamps.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "whole_file.h"

namespace madoguchi {
namespace {

constexpr std::string_view kHeader = "madoguchi-stamps 1 ";

int64_t ns_of(const struct timespec& t) { return int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

// Reads the unsigned decimal or hex number at `p`, advancing past one following space.
// std::from_chars, not strtoull: no locale or base prefixes (strtoull's handling of them was most
// of loading the cache at 100k files), and a number too large is refused, not wrapped.
bool next_number(const char*& p, const char* end, int base, uint64_t& out) {
  uint64_t value = 0;
  const auto [stop, err] = std::from_chars(p, end, value, base);
  if (err != std::errc() || stop >= end || *stop != ' ') return false;
  out = value;
  p = stop + 1;
  return true;
}

// Appends `value` in `base`, zero-padded to `width` digits (fmt's general formatting was a third
// of writing the cache).
void append_number(std::string& out, uint64_t value, int base = 10, size_t width = 0) {
  char buf[24];
  const auto [stop, err] = std::to_chars(buf, buf + sizeof buf, value, base);
  const size_t digits = size_t(stop - buf);
  if (digits < width) out.append(width - digits, '0');
  out.append(buf, digits);
}

}  // namespace

bool path_less(std::string_view a, std::string_view b) {
  const auto [pa, pb] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (pa == a.end() || pb == b.end()) return pa == a.end() && pb != b.end();
  auto rank = [](char c) { return c == '/' ? 0 : int(static_cast<unsigned char>(c)) + 1; };
  return rank(*pa) < rank(*pb);
}

FileStamps::FileStamps(std::vector<Entry> entries) : entries_(std::move(entries)) {
  auto less = [](const Entry& a, const Entry& b) { return path_less(a.first, b.first); };
  if (std::is_sorted(entries_.begin(), entries_.end(), less) &&
      std::adjacent_find(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return a.first == b.first;
      }) == entries_.end())
    return;
  std::stable_sort(entries_.begin(), entries_.end(), less);
  // Of equal paths the last one given wins: keep the last of each run.
  std::vector<Entry> unique;
  unique.reserve(entries_.size());
  for (auto& e : entries_) {
    if (!unique.empty() && unique.back().first == e.first) unique.back() = std::move(e);
    else unique.push_back(std::move(e));
  }
  entries_ = std::move(unique);
}

void FileStamps::set(std::string rel, const StampedFile& stamp) {
  if (entries_.empty() || path_less(entries_.back().first, rel)) {
    entries_.emplace_back(std::move(rel), stamp);
    return;
  }
  auto at = std::lower_bound(entries_.begin(), entries_.end(), rel,
                             [](const Entry& e, const std::string& r) { return path_less(e.first, r); });
  if (at != entries_.end() && at->first == rel) at->second = stamp;
  else entries_.emplace(at, std::move(rel), stamp);
}

const StampedFile* FileStamps::find(std::string_view rel) const {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), rel,
                             [](const Entry& e, std::string_view r) { return path_less(e.first, r); });
  return at != entries_.end() && at->first == rel ? &at->second : nullptr;
}

const StampedFile* FileStamps::Cursor::find(std::string_view rel) {
  while (at_ < entries_.size() && path_less(entries_[at_].first, rel)) ++at_;
  return at_ < entries_.size() && entries_[at_].first == rel ? &entries_[at_].second : nullptr;
}

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_from_stat(st);
}

FileStamp stamp_from_stat(const struct stat& st) {
  return FileStamp{uint64_t(st.st_size), ns_of(st.st_mtim), ns_of(st.st_ctim), uint64_t(st.st_ino)};
}

bool stamp_is_settled(const FileStamp& stamp, int64_t settled_before_ns) {
  return stamp.mtime_ns < settled_before_ns && stamp.ctime_ns < settled_before_ns;
}

int64_t wall_clock_ns() {
  struct timespec t;
  ::clock_gettime(CLOCK_REALTIME, &t);
  return ns_of(t);
}

FileStamps load_file_stamps(const std::string& db_dir, const std::string& corpus_root) {
  std::vector<FileStamps::Entry> out;  // in the file's order: the walk's, as save_file_stamps wrote it
  const std::string path = (std::filesystem::path(db_dir) / kStampsFile).string();
  const std::optional<std::string> bytes = read_whole_file(path);
  if (!bytes) return {};
  const std::string& text = *bytes;
  std::error_code ec;
  const std::string header = std::string(kHeader) + std::filesystem::weakly_canonical(corpus_root, ec).string() + "\n";
  if (ec || text.compare(0, header.size(), header) != 0) return {};
  out.reserve(size_t(std::count(text.begin() + ptrdiff_t(header.size()), text.end(), '\n')));
  size_t pos = header.size();
  while (pos < text.size()) {
    const size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) return {};  // truncated: trust none of it
    const char* p = text.data() + pos;
    const char* end = text.data() + eol;
    StampedFile s;
    uint64_t mtime, ctime;
    if (!next_number(p, end, 16, s.hash) || !next_number(p, end, 10, s.stamp.size) ||
        !next_number(p, end, 10, mtime) || !next_number(p, end, 10, ctime) ||
        !next_number(p, end, 10, s.stamp.inode) || p >= end)
      return {};
    s.stamp.mtime_ns = int64_t(mtime);
    s.stamp.ctime_ns = int64_t(ctime);
    out.emplace_back(std::string(p, end), s);
    pos = eol + 1;
  }
  return FileStamps(std::move(out));
}

bool save_file_stamps(const std::string& db_dir, const std::string& corpus_root, const FileStamps& stamps) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(db_dir, ec)) return false;
  const std::string root = fs::weakly_canonical(corpus_root, ec).string();
  if (ec || root.find('\n') != std::string::npos) return false;
  std::string text = std::string(kHeader) + root + "\n";
  text.reserve(stamps.size() * 96);
  for (const auto& [rel, s] : stamps.entries()) {
    if (rel.find('\n') != std::string::npos) continue;  // not representable; hashed every run
    append_number(text, s.hash, 16, 16);
    for (uint64_t n : {s.stamp.size, uint64_t(s.stamp.mtime_ns), uint64_t(s.stamp.ctime_ns), s.stamp.inode}) {
      text += ' ';
      append_number(text, n);
    }
    text += ' ';
    text += rel;
    text += '\n';
  }
  const fs::path final_path = fs::path(db_dir) / kStampsFile;
  const fs::path temp = fs::path(db_dir) / (std::string(kStampsFile) + ".tmp");
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return false;
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) {
    fs::remove(temp, ec);
    return false;
  }
  fs::rename(temp, final_path, ec);
  if (!ec) return true;
  fs::remove(temp, ec);
  return false;
}

}  // namespace madoguchi
