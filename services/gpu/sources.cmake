# The GPU server: nvidia-smi over a CommandTransport. (Ollama and Open WebUI: ollama/.)
target_sources(labdeck_services PRIVATE
  gpu/nvidiasmi.h gpu/nvidiasmi.cpp
  gpu/gpumonitor.h gpu/gpumonitor.cpp
  # Forwarding headers for includes not yet moved to ollama/.
  gpu/ollamaclient.h gpu/ollamaparser.h
)
