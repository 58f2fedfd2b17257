# Every dependency is found here, and a missing one stops configuring with
# the Debian 12 package that provides it.

function(labdeck_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR
      "${what} was not found. On Debian 12 install it with:\n"
      "    sudo apt-get install ${package}\n"
      "or run scripts/install-deps, which installs everything Labdeck needs.")
  endif()
endfunction()

find_package(Qt6 6.4 QUIET COMPONENTS Core)
labdeck_require(Qt6_FOUND "Qt 6 (Core)" "qt6-base-dev")

foreach(_component Gui Widgets Network Svg Test DBus Sql)
  find_package(Qt6${_component} QUIET)
  if(_component STREQUAL "Svg")
    set(_pkg "qt6-svg-dev")
  else()
    set(_pkg "qt6-base-dev")
  endif()
  labdeck_require(Qt6${_component}_FOUND "Qt 6 ${_component}" "${_pkg}")
endforeach()

# Qt Charts needs Qt OpenGL's CMake files on Debian 12, which come from a
# package that qt6-charts-dev does not pull in.
find_package(Qt6OpenGL QUIET)
labdeck_require(Qt6OpenGL_FOUND "Qt 6 OpenGL (needed by Qt Charts)" "libqt6opengl6-dev libgl-dev libxkbcommon-dev")
find_package(Qt6Charts QUIET)
labdeck_require(Qt6Charts_FOUND "Qt 6 Charts" "qt6-charts-dev libqt6opengl6-dev")

find_package(Qt6LinguistTools QUIET)
labdeck_require(Qt6LinguistTools_FOUND "Qt 6 Linguist tools (lupdate, lrelease)" "qt6-tools-dev qt6-l10n-tools")

find_package(Qt6Keychain QUIET)
labdeck_require(Qt6Keychain_FOUND "QtKeychain for Qt 6" "qtkeychain-qt6-dev")

find_package(yaml-cpp QUIET)
labdeck_require(yaml-cpp_FOUND "yaml-cpp" "libyaml-cpp-dev")

find_package(libssh QUIET)
labdeck_require(libssh_FOUND "libssh" "libssh-dev")

qt_standard_project_setup()
