#include "madoguchi/status.h"

namespace madoguchi {

std::string Status::to_string() const {
  if (ok()) return "ok";
  std::string out;
  if (!where_.path.empty()) {
    out += where_.path;
    if (where_.line > 0) {
      out += ':';
      out += std::to_string(where_.line);
    }
    out += ": ";
  }
  out += "error: ";
  out += message_;
  return out;
}

}  // namespace madoguchi
