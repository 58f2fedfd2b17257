# Demo lab: the Kubernetes API simulator over real HTTP(S), and the real
# kubectl against it (skips with a message when kubectl is not installed).
# The simulator split by area: its seed, gets and discovery; reads, watches and
# logs; writes and controllers; the server (kubeconfig, TLS, its own thread,
# 10,000 pods, injected failures).
foreach(area seed reads writes server)
  labdeck_add_test(tst_demolab_${area} SOURCES tst_demolab_${area}.cpp
    LIBS labdeck_demolab labdeck_services labdeck_testsupport Qt6::Network)
endforeach()
labdeck_add_test(tst_demolab_kubectl SOURCES tst_demolab_kubectl.cpp LIBS labdeck_demolab labdeck_services labdeck_testsupport Qt6::Network)
# The "Simulate failure" switches: real API layouts over HTTP, the real
# kubectl in each state, and the Demo menu driven offscreen.
labdeck_add_test(tst_demofailures SOURCES tst_demofailures.cpp
  LIBS labdeck_ui labdeck_testsupport Qt6::Network)
set_tests_properties(tst_demofailures PROPERTIES TIMEOUT 300)
# The composition root on the demo lab and on a real lab's inventory.
labdeck_add_test(tst_lab SOURCES tst_lab.cpp LIBS labdeck_lab labdeck_models)
# The demo lab's seed: its built-in data files read, and the objects they make
# equal to the golden ones.
labdeck_add_test(tst_demoseed SOURCES tst_demoseed.cpp LIBS labdeck_demolab labdeck_services labdeck_testsupport)
