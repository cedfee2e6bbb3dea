# Every external dependency, found the Debian way (CMake config or pkg-config). Nothing vendored.

find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Xapian REQUIRED)

pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

# MeCab ships no pkg-config file or CMake config; mecab-config is its official query tool.
find_path(MECAB_INCLUDE_DIR mecab.h REQUIRED)
find_library(MECAB_LIBRARY mecab REQUIRED)
add_library(MeCab::MeCab UNKNOWN IMPORTED)
set_target_properties(MeCab::MeCab PROPERTIES
  IMPORTED_LOCATION ${MECAB_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${MECAB_INCLUDE_DIR})

# Xapian's config exports variables, not a target.
add_library(Xapian::Xapian INTERFACE IMPORTED)
set_target_properties(Xapian::Xapian PROPERTIES
  INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}"
  INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")

# Local stores (the seat's search log).
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)

# Markdown as the viewer renders it and as `validate` checks it (bold that would show as "**").
# md4c's CMake config also imports md4c-html, whose library is a separate Debian package that may
# be missing: pkg-config names just the parser.
pkg_check_modules(MADOGUCHI_MD4C REQUIRED IMPORTED_TARGET GLOBAL md4c)
