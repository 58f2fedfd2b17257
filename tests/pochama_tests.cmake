# Compose, Tailscale, GPU and Ollama: parsers on the captured fixtures, the
# services over a fake transport and the demo lab, the panes offscreen.
labdeck_add_test(tst_composeparsing SOURCES tst_composeparsing.cpp LIBS labdeck_services labdeck_testsupport)
labdeck_add_test(tst_composeservice SOURCES tst_composeservice.cpp LIBS labdeck_demolab labdeck_services labdeck_testsupport)
labdeck_add_test(tst_ollamaclient SOURCES tst_ollamaclient.cpp LIBS labdeck_demolab labdeck_services Qt6::Network labdeck_testsupport)
# The docks on the demo lab's monitors, built by the composition root.
labdeck_add_test(tst_composeui SOURCES tst_composeui.cpp LIBS labdeck_ui labdeck_lab labdeck_strict)
