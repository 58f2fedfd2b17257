# Kubernetes backend tests (included from tests/CMakeLists.txt).
labdeck_add_test(tst_kubeconfig SOURCES tst_kubeconfig.cpp LIBS labdeck_services)
labdeck_add_test(tst_credentials SOURCES tst_credentials.cpp LIBS labdeck_services)
labdeck_add_test(tst_verdicts SOURCES tst_verdicts.cpp LIBS labdeck_models labdeck_services)
