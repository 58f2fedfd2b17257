# Kubernetes backend tests (included from tests/CMakeLists.txt).
# kubeconfig split by area: loading real files and merging; parsing and
# resolving; TLS.
foreach(area loading parsing tls)
  labdeck_add_test(tst_kubeconfig_${area} SOURCES tst_kubeconfig_${area}.cpp
    LIBS labdeck_services labdeck_testsupport)
endforeach()
labdeck_add_test(tst_credentials SOURCES tst_credentials.cpp LIBS labdeck_services labdeck_testsupport)
labdeck_add_test(tst_verdicts SOURCES tst_verdicts.cpp LIBS labdeck_models labdeck_services labdeck_testsupport)
labdeck_add_test(tst_keyedtablemodel SOURCES tst_keyedtablemodel.cpp LIBS labdeck_models)
# Differential: the live models (KubeSession -> ClusterModels) against kubectl
# on the demo lab, over a seeded random sequence of actions.
labdeck_add_test(tst_livemodel SOURCES tst_livemodel.cpp LIBS labdeck_demolab labdeck_models labdeck_services labdeck_testsupport Qt6::Network)
# About a minute on two cores (two when the machine is busy); room for CI.
set_tests_properties(tst_livemodel PROPERTIES TIMEOUT 240)
labdeck_add_test(tst_reflector SOURCES tst_reflector.cpp LIBS labdeck_services Qt6::Network)
# Credentials never follow a redirect to another origin nor go over plain http.
labdeck_add_test(tst_kubesecurity SOURCES tst_kubesecurity.cpp LIBS labdeck_services Qt6::Network)
# The exec-plugin approval dialog, offscreen.
labdeck_add_test(tst_execapprovalui SOURCES tst_execapprovalui.cpp LIBS labdeck_ui)
# Settings: remembered exec-plugin answers listed by name and revocable.
labdeck_add_test(tst_settingsui SOURCES tst_settingsui.cpp LIBS labdeck_ui)
# The one HTTP job: timeouts, deadline, body and line caps, the words of a failed reply.
labdeck_add_test(tst_httpjob SOURCES tst_httpjob.cpp LIBS labdeck_services Qt6::Network)
# The poller base of the monitors: interval, no overlap, fetchedAt, stale after N periods.
labdeck_add_test(tst_poller SOURCES tst_poller.cpp LIBS labdeck_services)
