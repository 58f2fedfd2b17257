# Compose, Tailscale, GPU and Ollama: parsers on the captured fixtures, the
# services over a fake transport and the demo lab, the panes offscreen.
labdeck_add_test(tst_composeparsing SOURCES tst_composeparsing.cpp LIBS labdeck_services)
labdeck_add_test(tst_composeservice SOURCES tst_composeservice.cpp LIBS labdeck_services)
labdeck_add_test(tst_ollamaclient SOURCES tst_ollamaclient.cpp LIBS labdeck_services Qt6::Network)
