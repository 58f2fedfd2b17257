# Prometheus: the client and chart model against a real prometheus.
labdeck_add_test(tst_prometheus SOURCES tst_prometheus.cpp LIBS labdeck_models labdeck_testsupport)
labdeck_add_test(tst_chartsui SOURCES tst_chartsui.cpp LIBS labdeck_demolab labdeck_ui)
