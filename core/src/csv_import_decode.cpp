#include "csv_import_decode.h"

#include <cerrno>
#include <iconv.h>

#include "text_checks.h"

namespace madoguchi {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Result<std::string> cp932_to_utf8(std::string_view path, std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) return Status::internal("iconv cannot convert from CP932 on this system");
  std::string out(bytes.size() * 3 + 16, '\0');  // CP932 -> UTF-8 grows by at most 3/2 per byte
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  const int err = errno;
  iconv_close(cd);
  if (rc == size_t(-1)) {
    // 0x0A is never a CP932 trail byte, so counting it in the raw bytes gives the line.
    const size_t at = size_t(in_ptr - bytes.data());
    return Status::invalid_input(err == EINVAL ? "file ends inside a CP932 character"
                                               : "byte sequence is neither UTF-8 nor CP932 (Shift_JIS)",
                                 {std::string(path), line_of(bytes, at)});
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

Result<DecodedText> decode_csv_bytes(std::string_view path, std::string_view bytes, CsvEncoding encoding) {
  const bool bom = bytes.substr(0, kBom.size()) == kBom;
  if (bom) bytes.remove_prefix(kBom.size());
  if (bytes.find('\0') != std::string_view::npos)
    return Status::invalid_input("binary file (contains NUL bytes), not a CSV sheet",
                                 {std::string(path), line_of(bytes, bytes.find('\0'))});
  if (encoding == CsvEncoding::kAuto) {
    encoding = (bom || !check_utf8_text(bytes)) ? CsvEncoding::kUtf8 : CsvEncoding::kCp932;
  }
  if (encoding == CsvEncoding::kUtf8) {
    if (auto problem = check_utf8_text(bytes))
      return Status::invalid_input(problem->message + " (use --encoding cp932 for Shift_JIS sheets)",
                                   {std::string(path), problem->line});
    return DecodedText{std::string(bytes), "utf-8"};
  }
  auto text = cp932_to_utf8(path, bytes);
  if (!text) return text.status();
  return DecodedText{std::move(*text), "cp932"};
}

bool parse_csv_encoding(std::string_view name, CsvEncoding& out) {
  if (name == "auto") out = CsvEncoding::kAuto;
  else if (name == "cp932" || name == "sjis" || name == "shift_jis") out = CsvEncoding::kCp932;
  else if (name == "utf-8" || name == "utf8") out = CsvEncoding::kUtf8;
  else return false;
  return true;
}

}  // namespace madoguchi
