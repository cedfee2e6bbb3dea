// Sanitizer defaults for the viewer executable only (tools/test.sh --sanitize). The GL driver
// (Mesa, loaded and unloaded with dlopen) and fontconfig keep allocations for the life of the
// process that no caller can free, and LeakSanitizer would fail every windowed run on them. The
// viewer's own logic is leak-checked in viewer_tests, which run the same model without a window.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MADOGUCHI_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MADOGUCHI_ASAN 1
#endif

#ifdef MADOGUCHI_ASAN
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }
#endif
