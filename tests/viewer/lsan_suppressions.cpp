// fontconfig (2.14, Debian 12) leaks a few hundred bytes while parsing its own configuration, with
// no caller of ours on the stack. LeakSanitizer asks for this function when the tests run under
// `tools/test.sh --sanitize`; in other builds nothing calls it.
extern "C" __attribute__((used, visibility("default"))) const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
