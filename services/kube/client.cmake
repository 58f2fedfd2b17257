# Kubernetes backend: the REST client, watch parsing, reflector, objects, actions, logs.
target_sources(labdeck_services PRIVATE
  kube/kubestatus.h kube/kubestatus.cpp
  kube/watchparser.h kube/watchparser.cpp
  kube/kubeobjects.h kube/kubeobjects.cpp
  kube/kubeclient.h kube/kubeclient.cpp
  kube/reflector.h kube/reflector.cpp
  kube/kubesession.h kube/kubesession.cpp
  kube/kubeactions.h kube/kubeactions.cpp
  kube/podlogstream.h kube/podlogstream.cpp
  kube/verdicts.h kube/verdicts.cpp kube/labjudgement.cpp
  kube/labreconcile.h kube/labreconcile.cpp
  kube/manifestapply.h kube/manifestapply.cpp
  kube/providerauthenticator.h kube/providerauthenticator.cpp
  kube/nodemetrics.h kube/nodemetrics.cpp
)
