# Kubernetes backend: kubeconfig, credentials, client, reflector, actions.
target_sources(labdeck_services PRIVATE
  kube/kubeconfig.h kube/kubeconfig.cpp
  kube/kubeconfigparser.h kube/kubeconfigparser.cpp
  kube/credentials.h kube/credentials.cpp
  kube/execapproval.h kube/execapproval.cpp
)
