# SSH transport tests against a real OpenSSH server (tests/support/sshdharness).
add_library(labdeck_sshdharness STATIC support/sshdharness.h support/sshdharness.cpp)
target_include_directories(labdeck_sshdharness PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(labdeck_sshdharness PUBLIC Qt6::Network PRIVATE labdeck_options)
target_compile_definitions(labdeck_sshdharness PRIVATE
  LABDECK_SSH_FIXTURES="${CMAKE_CURRENT_SOURCE_DIR}/fixtures/ssh")

# Shared by the SSH tests: a fresh home, run-and-wait, public keys.
add_library(labdeck_sshtestutil STATIC support/sshtestutil.h support/sshtestutil.cpp)
target_include_directories(labdeck_sshtestutil PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(labdeck_sshtestutil PUBLIC labdeck_ssh labdeck_sshdharness Qt6::Test
  PRIVATE labdeck_options)

labdeck_add_test(tst_sshconfig SOURCES tst_sshconfig.cpp LIBS labdeck_ssh)
labdeck_add_test(tst_sshtransport SOURCES tst_sshtransport.cpp LIBS labdeck_ssh labdeck_secrets labdeck_sshdharness labdeck_testsupport)
labdeck_add_test(tst_sshhostkeys SOURCES tst_sshhostkeys.cpp LIBS labdeck_ssh labdeck_secrets labdeck_sshdharness labdeck_testsupport labdeck_sshtestutil)
labdeck_add_test(tst_sshui SOURCES tst_sshui.cpp LIBS labdeck_ui labdeck_sshdharness)
labdeck_add_test(tst_sshkeepalive SOURCES tst_sshkeepalive.cpp LIBS labdeck_ssh labdeck_sshdharness labdeck_sshtestutil)
# ProxyJump through a second sshd (OpenSSH's ssh -W, no shell).
labdeck_add_test(tst_sshjump SOURCES tst_sshjump.cpp LIBS labdeck_ssh labdeck_sshdharness labdeck_sshtestutil)
