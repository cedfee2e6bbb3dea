// Writes RGBA pixels to a PNG file (stb_image_write, from Debian's libstb).
//
// Thread rule: any thread.
#pragma once

#include <string>
#include <vector>

#include "madoguchi/status.h"

namespace madoguchi::viewer {

Status write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace madoguchi::viewer
