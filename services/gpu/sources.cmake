# The GPU server: nvidia-smi over a CommandTransport, Ollama and Open WebUI over HTTP.
target_sources(labdeck_services PRIVATE
  gpu/nvidiasmi.h gpu/nvidiasmi.cpp
  gpu/ollamaparser.h gpu/ollamaparser.cpp
)
target_sources(labdeck_services PRIVATE
  gpu/gpumonitor.h gpu/gpumonitor.cpp
  gpu/ollamaclient.h gpu/ollamaclient.cpp
)
