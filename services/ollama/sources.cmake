# Ollama and Open WebUI on the GPU server, over HTTP (HttpJob, Poller).
target_sources(labdeck_services PRIVATE
  ollama/ollamaparser.h ollama/ollamaparser.cpp
  ollama/ollamaclient.h ollama/ollamaclient.cpp
)
