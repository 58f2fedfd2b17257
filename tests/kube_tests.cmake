# Kubernetes backend tests (included from tests/CMakeLists.txt).
labdeck_add_test(tst_kubeconfig SOURCES tst_kubeconfig.cpp LIBS labdeck_services)
labdeck_add_test(tst_credentials SOURCES tst_credentials.cpp LIBS labdeck_services)
labdeck_add_test(tst_keyedtablemodel SOURCES tst_keyedtablemodel.cpp LIBS labdeck_models)
labdeck_add_test(tst_reflector SOURCES tst_reflector.cpp LIBS labdeck_services Qt6::Network)
