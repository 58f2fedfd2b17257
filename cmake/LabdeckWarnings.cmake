# Compile options shared by every Labdeck target.
add_library(labdeck_options INTERFACE)
target_compile_options(labdeck_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wformat=2)

# Production code (not tests) also builds without implicit string casts, so
# every user-visible text goes through tr() or is marked as a literal.
add_library(labdeck_strict INTERFACE)
target_link_libraries(labdeck_strict INTERFACE labdeck_options)
target_compile_definitions(labdeck_strict INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH
  QT_DISABLE_DEPRECATED_UP_TO=0x060400)
if(LABDECK_WERROR)
  target_compile_options(labdeck_options INTERFACE -Werror)
endif()
if(LABDECK_SANITIZE)
  target_compile_options(labdeck_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(labdeck_options INTERFACE -fsanitize=address,undefined)
endif()
if(LABDECK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LABDECK_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++ or use scripts/fuzz")
  endif()
  # Coverage for libFuzzer and both sanitizers in every Labdeck library; the
  # fuzz targets add libFuzzer's main. vptr and function checks are off:
  # Qt's own libraries are not instrumented and would be reported falsely.
  target_compile_options(labdeck_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=vptr,function
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(labdeck_options INTERFACE -fsanitize=address,undefined)
endif()
