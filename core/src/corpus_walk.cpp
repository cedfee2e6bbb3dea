#include "corpus_walk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace madoguchi {
namespace {

bool is_inside(const fs::path& root, const fs::path& p) {
  auto r = root.lexically_normal().string();
  auto s = p.lexically_normal().string();
  return s.rfind(r, 0) == 0 && (s.size() == r.size() || s[r.size()] == '/');
}

bool is_entry_name(std::string_view name) {
  return name.size() > 3 && name.ends_with(".md") && name != "README.md";
}

struct Walk {
  const std::string& root;
  std::vector<FoundFile>& files;
  std::vector<Status>& errors;

  void add(int dir, const char* name, std::string rel) {
    struct stat st;
    std::optional<FileStamp> stamp;
    if (::fstatat(dir, name, &st, 0) == 0) stamp = stamp_from_stat(st);
    files.push_back({std::move(rel), stamp});
  }

  // What could not be read stops the run: a corpus read in part would withdraw the entries left
  // out (an unreadable directory used to be skipped, and publish then withdrew its entries).
  void cannot(const char* what, const std::string& rel) {
    const int error = errno;
    errors.push_back(Status::io_error(std::string(what) + ": " + std::strerror(error), {rel.empty() ? "." : rel, 0}));
  }

  // A link: followed only to a file inside the root (rare: the slow, careful path).
  void link(int dir, const char* name, std::string rel) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(fs::path(root) / rel, ec);
    if (ec) {
      errors.push_back(Status::invalid_input("cannot follow symbolic link: " + ec.message(), {rel, 0}));
      return;
    }
    if (!is_inside(root, target)) {
      errors.push_back(
          Status::invalid_input("symbolic link leads outside the corpus; refused, not followed", {rel, 0}));
      return;
    }
    struct stat st;
    if (::fstatat(dir, name, &st, 0) != 0) {
      if (errno == ENOENT) errors.push_back(Status::invalid_input("symbolic link target is missing", {rel, 0}));
      else cannot("cannot read symbolic link target", rel);
      return;
    }
    if (S_ISREG(st.st_mode) && is_entry_name(name)) add(dir, name, rel);
  }

  // Walks the open directory `fd` (taking ownership) whose relative path is `rel_dir`, its names
  // in byte order: a depth-first walk in that order yields paths sorted component by component
  // (as std::filesystem::path sorts them) without sorting whole paths.
  void directory(int fd, const std::string& rel_dir) {
    DIR* d = ::fdopendir(fd);
    if (!d) {
      cannot("cannot read directory", rel_dir);
      ::close(fd);
      return;
    }
    std::vector<std::pair<std::string, unsigned char>> names;
    while (const dirent* e = ::readdir(d)) {
      if (e->d_name[0] == '.') continue;  // hidden, and "." / ".."
      names.emplace_back(e->d_name, e->d_type);
    }
    std::sort(names.begin(), names.end());
    for (auto& [name, d_type] : names) {
      std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
      unsigned char type = d_type;
      if (type == DT_UNKNOWN) {  // file systems that do not fill d_type
        struct stat st;
        if (::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
          cannot("cannot read", rel);
          continue;
        }
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        const int sub = ::openat(::dirfd(d), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) directory(sub, rel);
        else cannot("cannot open directory", rel);
      } else if (type == DT_LNK) {
        link(::dirfd(d), name.c_str(), std::move(rel));
      } else if (type == DT_REG && is_entry_name(name)) {
        add(::dirfd(d), name.c_str(), std::move(rel));
      }
    }
    ::closedir(d);
  }
};

}  // namespace

std::vector<FoundFile> find_entry_files(const std::string& root, std::vector<Status>& errors) {
  std::vector<FoundFile> files;
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  Walk walk{root, files, errors};
  if (fd >= 0) walk.directory(fd, "");
  else walk.cannot("cannot open corpus directory", "");
  return files;
}

}  // namespace madoguchi
