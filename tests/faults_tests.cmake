# Fault injection (included from tests/CMakeLists.txt): servers the tests
# start misbehave on purpose, and Labdeck must fail clearly, with bounded
# memory and nothing lost or half-written.

# An HTTPS server that streams huge replies at the client's pace, trickles,
# or resets the connection.
add_library(labdeck_faultserver STATIC support/faultserver.h support/faultserver.cpp)
target_include_directories(labdeck_faultserver PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(labdeck_faultserver PUBLIC Qt6::Network labdeck_testsupport
  PRIVATE labdeck_options)

# Kubernetes API: a 100 MB watch line, a 1 GB reply, a trickle, a reset mid-event.
labdeck_add_test(tst_faults_http SOURCES tst_faults_http.cpp
  LIBS labdeck_faultserver labdeck_models labdeck_services Qt6::Network)
set_tests_properties(tst_faults_http PROPERTIES TIMEOUT 90)

# A full disk (RLIMIT_FSIZE) while the manifest writer and the inventory editor save.
labdeck_add_test(tst_faults_disk SOURCES tst_faults_disk.cpp LIBS labdeck_services)

# sshd SIGKILLed under a running command, then back on the same port.
labdeck_add_test(tst_faults_ssh SOURCES tst_faults_ssh.cpp LIBS labdeck_ssh labdeck_sshdharness labdeck_sshtestutil)
