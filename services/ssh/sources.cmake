# SSH (libssh): the command transport for real labs, host keys, ~/.ssh/config, tunnels.
target_sources(labdeck_services PRIVATE
  ssh/sshconfig.h ssh/sshconfig.cpp
  ssh/sshtransport.h ssh/sshtransport.cpp
  ssh/sshtunnel.h
  ssh/sshworker_p.h ssh/sshworker.cpp
)
target_link_libraries(labdeck_services PRIVATE ssh)
