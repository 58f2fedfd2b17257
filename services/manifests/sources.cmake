# Manifests: the new-service model (spec -> Kubernetes objects), checks,
# the write plan with diffs, and manifests folders in the seed's layout.
target_sources(labdeck_services PRIVATE
  manifests/yamltree.h manifests/yamltree.cpp
  manifests/servicespec.h manifests/servicespec.cpp
  manifests/writeplan.h manifests/writeplan.cpp
)
