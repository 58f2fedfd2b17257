# Demo lab: remote commands (compose, tailscale, nvidia-smi) and the Ollama
# replay server, for `--demo` and the tests.
target_sources(labdeck_services PRIVATE
  demolab/demotransport.h demolab/demotransport.cpp
  demolab/ollamareplay.h demolab/ollamareplay.cpp
)
qt_add_resources(labdeck_services "ollama_replay"
  PREFIX "/demolab/ollama"
  BASE "${CMAKE_CURRENT_SOURCE_DIR}/demolab/ollamareplay_data"
  FILES
    "${CMAKE_CURRENT_SOURCE_DIR}/demolab/ollamareplay_data/api-version.json"
    "${CMAKE_CURRENT_SOURCE_DIR}/demolab/ollamareplay_data/api-tags.json"
    "${CMAKE_CURRENT_SOURCE_DIR}/demolab/ollamareplay_data/api-ps.json")
