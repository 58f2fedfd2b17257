# Manifests: the new-service model (spec -> Kubernetes objects), checks,
# the write plan with diffs, manifests folders in the seed's layout, and
# the text edit that adds a public URL to the user's inventory.
target_sources(labdeck_services PRIVATE
  manifests/yamltree.h manifests/yamltree.cpp
  manifests/servicespec.h manifests/servicespec.cpp
  manifests/writeplan.h manifests/writeplan.cpp
  inventory/inventoryeditor.h inventory/inventoryeditor.cpp
)
