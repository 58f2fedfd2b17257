# Remote commands: the transport interface that SSH and the demo lab implement.
target_sources(labdeck_services PRIVATE
  remote/commandtransport.h remote/commandtransport.cpp
)
