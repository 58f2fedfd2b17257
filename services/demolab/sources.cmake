# Demo lab: the in-process Kubernetes API simulator and its command.
target_sources(labdeck_services PRIVATE
)
