# New-service wizard and manifests apply (included from tests/CMakeLists.txt).
labdeck_add_test(tst_manifest SOURCES tst_manifest.cpp LIBS labdeck_services yaml-cpp labdeck_testsupport)
labdeck_add_test(tst_apply SOURCES tst_apply.cpp LIBS labdeck_demolab labdeck_services labdeck_testsupport Qt6::Network)
labdeck_add_test(tst_wizard SOURCES tst_wizard.cpp LIBS labdeck_demolab labdeck_ui labdeck_testsupport)
