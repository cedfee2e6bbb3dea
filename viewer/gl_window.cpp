#include "gl_window.h"

#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl2.h>
#include <imgui_impl_opengl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>

namespace madoguchi::viewer {
namespace {

std::string g_glfw_errors;  // collected while creating the window; shown only if all attempts fail

void on_glfw_error(int code, const char* description) {
  g_glfw_errors += "GLFW error " + std::to_string(code) + ": " + (description ? description : "") + "\n";
}

GLFWwindow* try_create(const WindowOptions& o, bool gl3) {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  if (gl3) {
#if defined(__APPLE__)
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#endif
  }
  return glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
}

}  // namespace

Result<float> open_display() {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) return Status::io_error("cannot open a window (no display?)\n" + g_glfw_errors);
  float x = 1, y = 1;
  if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &x, &y);
  return x > 0 ? x : 1.0f;
}

Result<std::unique_ptr<GlWindow>> GlWindow::create(const WindowOptions& o) {
  if (auto opened = open_display(); !opened) return opened.status();  // a second glfwInit is a no-op
  std::unique_ptr<GlWindow> w(new GlWindow());
  if (o.gl != "2") w->window_ = try_create(o, true);
  if (w->window_) {
    w->backend_ = GlBackend::kOpenGL3;
  } else if (o.gl != "3") {
    w->window_ = try_create(o, false);  // whatever the driver offers; ImGui's GL2 backend needs 1.x-2.x calls
    w->backend_ = GlBackend::kOpenGL2;
  }
  if (!w->window_) {
    glfwTerminate();
    return Status::io_error("cannot create an OpenGL context\n" + g_glfw_errors);
  }
  glfwMakeContextCurrent(w->window_);
  glfwSwapInterval(1);
  if (const auto* v = reinterpret_cast<const char*>(glGetString(GL_VERSION))) w->gl_version_ = v;

  w->install_event_counters();  // before ImGui's backend, which chains to them
  return w;
}

void GlWindow::start_imgui(std::unique_ptr<ImFontAtlas> fonts) {
  IMGUI_CHECKVERSION();
  fonts_ = std::move(fonts);
  ImGui::CreateContext(fonts_.get());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // window layout is not persisted by ImGui; settings live in viewer.toml
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  if (backend_ == GlBackend::kOpenGL3) {
#if defined(__APPLE__)
    ImGui_ImplOpenGL3_Init("#version 150");
#else
    ImGui_ImplOpenGL3_Init("#version 130");
#endif
  } else {
    ImGui_ImplOpenGL2_Init();
  }
  imgui_ready_ = true;
}

void GlWindow::count_event(GLFWwindow* w) { ++static_cast<GlWindow*>(glfwGetWindowUserPointer(w))->input_events_; }

void GlWindow::install_event_counters() {
  glfwSetWindowUserPointer(window_, this);
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
    count_event(w);
    if (action == GLFW_PRESS || action == GLFW_REPEAT)
      static_cast<GlWindow*>(glfwGetWindowUserPointer(w))->key_presses_.push_back({key, mods});
  });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { count_event(w); });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { count_event(w); });
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { count_event(w); });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { count_event(w); });
  glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { count_event(w); });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { count_event(w); });
  glfwSetWindowSizeCallback(window_, [](GLFWwindow* w, int, int) { count_event(w); });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { count_event(w); });
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { count_event(w); });
  glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* w, float, float) { count_event(w); });
  glfwSetWindowIconifyCallback(window_, [](GLFWwindow* w, int) { count_event(w); });
}

GlWindow::~GlWindow() {
  if (imgui_ready_) {
    if (backend_ == GlBackend::kOpenGL3) ImGui_ImplOpenGL3_Shutdown();
    else ImGui_ImplOpenGL2_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

float GlWindow::content_scale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0 ? x : 1;
}

void GlWindow::upload_fonts() {
  // The first call creates the device objects, which uploads the atlas too; afterwards NewFrame()
  // finds them made and does not build the atlas again (which would fail once its CPU copy is
  // released). Later calls (a rebuilt atlas) replace only the texture: recreating the buffers
  // would leave ImGui 1.86's GL3 backend believing its new, empty vertex buffer is still sized,
  // and every draw after it is skipped (GL_INVALID_VALUE in glBufferSubData).
  if (backend_ == GlBackend::kOpenGL3) {
    if (!device_objects_) ImGui_ImplOpenGL3_CreateDeviceObjects();
    else {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
  } else {
    if (!device_objects_) ImGui_ImplOpenGL2_CreateDeviceObjects();
    else {
      ImGui_ImplOpenGL2_DestroyFontsTexture();
      ImGui_ImplOpenGL2_CreateFontsTexture();
    }
  }
  device_objects_ = true;
}

void GlWindow::new_frame() {
  if (backend_ == GlBackend::kOpenGL3) ImGui_ImplOpenGL3_NewFrame();
  else ImGui_ImplOpenGL2_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void GlWindow::render(ImDrawData* data, ImVec4 clear) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(clear.x, clear.y, clear.z, clear.w);
  glClear(GL_COLOR_BUFFER_BIT);
  if (backend_ == GlBackend::kOpenGL3) ImGui_ImplOpenGL3_RenderDrawData(data);
  else ImGui_ImplOpenGL2_RenderDrawData(data);
}

bool GlWindow::read_pixels(int& width, int& height, std::vector<unsigned char>& rgba) const {
  glfwGetFramebufferSize(window_, &width, &height);
  if (width <= 0 || height <= 0) return false;
  std::vector<unsigned char> raw(size_t(width) * size_t(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
  if (glGetError() != GL_NO_ERROR) return false;
  rgba.resize(raw.size());
  const size_t row = size_t(width) * 4;
  for (int y = 0; y < height; ++y)  // GL's first row is the bottom one
    std::copy_n(raw.data() + size_t(height - 1 - y) * row, row, rgba.data() + size_t(y) * row);
  for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;  // the window is opaque
  return true;
}

void GlWindow::swap() { glfwSwapBuffers(window_); }

}  // namespace madoguchi::viewer
