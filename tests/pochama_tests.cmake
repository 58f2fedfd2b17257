# Compose, Tailscale, GPU and Ollama: parsers on the captured fixtures, the
# services over a fake transport and the demo lab, the panes offscreen.
labdeck_add_test(tst_composeparsing SOURCES tst_composeparsing.cpp LIBS labdeck_services)
labdeck_add_test(tst_composeservice SOURCES tst_composeservice.cpp LIBS labdeck_demolab labdeck_services)
labdeck_add_test(tst_ollamaclient SOURCES tst_ollamaclient.cpp LIBS labdeck_demolab labdeck_services Qt6::Network)
# The docks through the app's wiring (app/remoteservices.cpp is compiled in).
labdeck_add_test(tst_composeui SOURCES tst_composeui.cpp ${PROJECT_SOURCE_DIR}/app/remoteservices.cpp LIBS labdeck_demolab labdeck_ui labdeck_strict)
target_include_directories(tst_composeui PRIVATE ${PROJECT_SOURCE_DIR}/app)
