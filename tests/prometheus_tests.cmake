# Prometheus: the client and chart model against a real prometheus.
labdeck_add_test(tst_prometheus SOURCES tst_prometheus.cpp LIBS labdeck_models labdeck_testsupport)
labdeck_add_test(tst_chartsui SOURCES tst_chartsui.cpp LIBS labdeck_demolab labdeck_ui)
# The charts' axes, crosshair, zoom and grid, in English and in Japanese (the
# translation embedded in the executable, and the font Japanese gets).
labdeck_add_test(tst_chartaxes SOURCES tst_chartaxes.cpp LIBS labdeck_demolab labdeck_ui)
add_dependencies(tst_chartaxes labdeck)
target_compile_definitions(tst_chartaxes PRIVATE
  LABDECK_QM_FILE="${CMAKE_BINARY_DIR}/app/labdeck_ja.qm")
add_test(NAME tst_chartaxes_ja COMMAND tst_chartaxes)
set_tests_properties(tst_chartaxes_ja PROPERTIES TIMEOUT 120 ENVIRONMENT
  "QT_QPA_PLATFORM=offscreen;LANG=ja_JP.UTF-8;LC_ALL=;LC_CTYPE=;LC_MESSAGES=;LANGUAGE=")
