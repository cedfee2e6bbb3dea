// The window, its OpenGL context and ImGui's platform and renderer backends, chosen in this one
// place: an OpenGL 3 context with the OpenGL3 backend, or, when a GL 3 context cannot be created
// (remote desktops, VDI, old drivers), a plain context with the OpenGL2 backend.
//
// Thread rule: main thread only (GLFW and GL). Owns GLFW's lifetime, the ImGui context and its
// font atlas.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "madoguchi/status.h"
#include "shortcuts.h"

struct GLFWwindow;

namespace madoguchi::viewer {

enum class GlBackend { kOpenGL3, kOpenGL2 };

struct WindowOptions {
  int width = 1280;
  int height = 800;
  std::string title;
  std::string gl = "auto";  // auto | 3 | 2
};

// Initializes GLFW and returns the primary monitor's HiDPI scale (1 on ordinary screens): what
// the first font atlas is baked at while the window is made. Fails with kIOError without a display.
Result<float> open_display();

class GlWindow {
 public:
  // Initializes GLFW if open_display() did not, creates the window and its GL context. Fails with
  // kIOError when there is no display or no usable OpenGL at all.
  static Result<std::unique_ptr<GlWindow>> create(const WindowOptions& options);
  ~GlWindow();  // backends, ImGui context, atlas, window, GLFW: in reverse order

  // Creates the ImGui context and backends around `fonts`, an atlas built before (on another
  // thread while the window was made), or ImGui's own empty one when null. Call once, before the
  // first frame and before any other ImGui call: no ImGui context may exist while another thread
  // builds an atlas (ImGui's allocator counts into the current context).
  void start_imgui(std::unique_ptr<ImFontAtlas> fonts);
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return window_; }
  GlBackend backend() const { return backend_; }
  std::string backend_name() const { return backend_ == GlBackend::kOpenGL3 ? "OpenGL3" : "OpenGL2"; }
  const std::string& gl_version() const { return gl_version_; }

  // Counts input and window events (keys, characters, mouse, resize, focus, expose). The loop
  // compares it across a wake-up to tell input from a timer that changed nothing on screen.
  uint64_t input_events() const { return input_events_; }

  // Key presses (and auto-repeats) since the last call, in order, with their modifiers.
  std::vector<KeyPress> take_key_presses() { return std::exchange(key_presses_, {}); }

  // HiDPI: how much larger than 96 dpi the monitor is (1 on ordinary screens).
  float content_scale() const;

  // (Re)creates the GPU font texture from ImGui's atlas. Call after building the atlas.
  void upload_fonts();
  void new_frame();
  void render(ImDrawData* data, ImVec4 clear_color);
  // The back buffer as tightly packed RGBA rows, top row first. Call after render(), before swap().
  bool read_pixels(int& width, int& height, std::vector<unsigned char>& rgba) const;
  void swap();

 private:
  GlWindow() = default;
  GLFWwindow* window_ = nullptr;
  GlBackend backend_ = GlBackend::kOpenGL3;
  std::string gl_version_;
  std::unique_ptr<ImFontAtlas> fonts_;  // outlives the ImGui context, which only borrows it
  bool imgui_ready_ = false;
  bool device_objects_ = false;  // upload_fonts() made the backend's shaders and buffers
  uint64_t input_events_ = 0;
  std::vector<KeyPress> key_presses_;
  void install_event_counters();
  static void count_event(GLFWwindow* window);
};

}  // namespace madoguchi::viewer
