# Kubernetes backend: kubeconfig, credentials, client, reflector, actions.
target_sources(labdeck_services PRIVATE
)
