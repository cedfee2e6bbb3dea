# Precompiled headers for the costly headers that many files share (docs/building.md has the
# measurements). On by default only when no compiler launcher is set: ccache compiles, but does
# not cache, a file that uses a PCH unless it is configured for them (sloppiness pch_defines,
# time_macros, and -fpch-preprocess for g++), and a warm cache beats a PCH. A fresh build with no
# launcher, as in CI, gets them. -DMADOGUCHI_PCH=ON/OFF overrides.
if(CMAKE_CXX_COMPILER_LAUNCHER)
  set(madoguchi_pch_default OFF)
else()
  set(madoguchi_pch_default ON)
endif()
option(MADOGUCHI_PCH "Precompile the headers core shares (Xapian, json, fmt) with clang"
       ${madoguchi_pch_default})

# madoguchi_precompile(TARGET HEADER...): TARGET's files are compiled with HEADER... precompiled.
function(madoguchi_precompile target)
  if(MADOGUCHI_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
