# History (included from tests/CMakeLists.txt): a real SQLite file in a temp
# dir, a second process writing it (SIGKILLed mid-burst) or holding it
# locked, damaged files, a full disk, and `labdeck history` after
# `labdeck check --record`.
qt_add_executable(historywriter support/historywriter.cpp)
target_link_libraries(historywriter PRIVATE labdeck_history labdeck_options)

labdeck_add_test(tst_history SOURCES tst_history.cpp LIBS labdeck_history Qt6::Sql)
add_dependencies(tst_history historywriter)
target_compile_definitions(tst_history PRIVATE
  LABDECK_HISTORY_WRITER="$<TARGET_FILE:historywriter>")

labdeck_add_test(tst_historycommand SOURCES tst_historycommand.cpp LIBS labdeck_history Qt6::Sql)
add_dependencies(tst_historycommand labdeck)
target_compile_definitions(tst_historycommand PRIVATE LABDECK_BINARY="$<TARGET_FILE:labdeck>")
set_tests_properties(tst_historycommand PROPERTIES TIMEOUT 180)

# The window's history: the Details strip, the History dock, the recorder.
labdeck_add_test(tst_historyui SOURCES tst_historyui.cpp LIBS labdeck_ui)
