#include "screenshot.h"

#include <stb_image_write.h>  // the implementation is compiled into libstb

namespace madoguchi::viewer {

Status write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba) {
  if (rgba.size() < size_t(width) * size_t(height) * 4) return Status::internal("short pixel buffer");
  stbi_write_png_compression_level = 9;
  if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4))
    return Status::io_error("cannot write " + path);
  return Status();
}

}  // namespace madoguchi::viewer
