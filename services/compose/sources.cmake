# Docker Compose on the compose host: parsers and the service that runs
# compose commands over a CommandTransport.
target_sources(labdeck_services PRIVATE
  compose/composeparser.h compose/composeparser.cpp
)
target_sources(labdeck_services PRIVATE
  compose/composeservice.h compose/composeservice.cpp
)
