#pragma once

#include "inventory/inventory.h"

#include <QDateTime>

namespace labdeck::demolab::detail {

class Cluster;
class Store;

// Fills the store with the lab: nodes, namespaces, the control plane's static
// pods and add-ons, every inventory workload with its Service, PV/PVC and
// Running pods, and the Events their start left behind. Every time in the
// seed is relative to now.
void seedLab(Store &store, Cluster &cluster, const Inventory &lab,
             const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace labdeck::demolab::detail
