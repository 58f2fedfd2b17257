# Checks: real TLS servers (openssl-made test CA), Traefik router fixtures,
# the runner, the headless command.
labdeck_add_test(tst_checkcerts SOURCES tst_checkcerts.cpp LIBS labdeck_demolab labdeck_services)
labdeck_add_test(tst_checkroutes SOURCES tst_checkroutes.cpp LIBS labdeck_demolab labdeck_services labdeck_testsupport)
labdeck_add_test(tst_checkrunner SOURCES tst_checkrunner.cpp LIBS labdeck_demolab labdeck_services)
labdeck_add_test(tst_checkcommand SOURCES tst_checkcommand.cpp LIBS labdeck_demolab labdeck_services labdeck_sshdharness)
add_dependencies(tst_checkcommand labdeck)
target_compile_definitions(tst_checkcommand PRIVATE LABDECK_BINARY="$<TARGET_FILE:labdeck>")
labdeck_add_test(tst_checkui SOURCES tst_checkui.cpp LIBS labdeck_ui)
labdeck_add_test(tst_labchecks SOURCES tst_labchecks.cpp LIBS labdeck_demolab labdeck_ssh labdeck_services labdeck_testsupport labdeck_sshdharness)
labdeck_add_test(tst_agreement SOURCES tst_agreement.cpp LIBS labdeck_demolab labdeck_models labdeck_services)
# The exporter: `check --serve` under a real prometheus, promtool on the text
# format and the shipped alert rules, the schedule and the HTTP server.
labdeck_add_test(tst_exporter SOURCES tst_exporter.cpp LIBS labdeck_services labdeck_testsupport)
add_dependencies(tst_exporter labdeck)
target_compile_definitions(tst_exporter PRIVATE LABDECK_BINARY="$<TARGET_FILE:labdeck>")
