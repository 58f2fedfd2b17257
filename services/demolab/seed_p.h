#pragma once

#include "inventory/inventory.h"

namespace labdeck::demolab::detail {

class Cluster;
class Store;

// Fills the store with the lab: nodes, namespaces, the control plane's static
// pods and add-ons, every inventory workload with its Service, PV/PVC and
// Running pods, and the Events their start left behind.
void seedLab(Store &store, Cluster &cluster, const Inventory &lab);

} // namespace labdeck::demolab::detail
