# Checks: real TLS servers (openssl-made test CA), Traefik router fixtures,
# the runner, the headless command.
labdeck_add_test(tst_checkcerts SOURCES tst_checkcerts.cpp LIBS labdeck_services)
labdeck_add_test(tst_checkroutes SOURCES tst_checkroutes.cpp LIBS labdeck_services)
labdeck_add_test(tst_checkrunner SOURCES tst_checkrunner.cpp LIBS labdeck_services)
