// Status and Result: how core/ reports failure. No exception crosses core's public API.
//
// Thread rule: plain values; copy freely.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace madoguchi {

// Never renumber: the CLI maps these to exit codes (DESIGN §8).
enum class Code {
  kOk = 0,
  kInvalidInput,       // bad corpus, bad query, missing path given by the user -> exit 1
  kNotFound,           // an id or release that does not exist -> exit 1
  kIncompatibleIndex,  // index built with another analyzer or schema -> exit 1
  kIOError,            // disk, database lock, network -> exit 3
  kCorruption,         // an index or log that cannot be read back -> exit 3
  kInternal,           // a bug or an unexpected library failure -> exit 3
};

// Where a problem is: a file and, when known, a 1-based line (0 = whole file).
struct Location {
  std::string path;
  int line = 0;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status ok_status() { return Status(); }
  static Status invalid_input(std::string msg, Location where = {}) {
    return Status(Code::kInvalidInput, std::move(msg), std::move(where));
  }
  static Status not_found(std::string msg) { return Status(Code::kNotFound, std::move(msg), {}); }
  static Status incompatible_index(std::string msg) {
    return Status(Code::kIncompatibleIndex, std::move(msg), {});
  }
  static Status io_error(std::string msg, Location where = {}) {
    return Status(Code::kIOError, std::move(msg), std::move(where));
  }
  static Status corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg), {}); }
  static Status internal(std::string msg) { return Status(Code::kInternal, std::move(msg), {}); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  // "path:line: error: message" (or "path: error: ..." / "error: ..."), as editors' tools print.
  std::string to_string() const;

 private:
  Status(Code code, std::string message, Location where)
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  Code code_ = Code::kOk;
  std::string message_;
  Location where_;
};

// A value or the Status saying why there is none. Shaped like std::expected so that C++23 can
// replace it.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                    // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }
  // REQUIRES: has_value()
  T& value() & { assert(value_); return *value_; }
  const T& value() const& { assert(value_); return *value_; }
  T&& value() && { assert(value_); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Status& status() const { return status_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace madoguchi
