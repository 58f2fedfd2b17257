#pragma once

#include "inventory/inventory.h"
#include "prometheus/promtypes.h"

namespace labdeck::prom {

// Which inventory host Prometheus's labels are about, in one place for the
// charts, the host cards and the checks. Empty when none.

// A target or series: its instance label is a host's sources.prometheusInstance.
[[nodiscard]] QString hostForInstance(const Inventory &lab, const QString &instance);
// An alert: its instance label is a host's instance (or its host part is the
// host's name), or its node label names the host or its Kubernetes node.
[[nodiscard]] QString hostForAlert(const Inventory &lab, const Labels &labels);

} // namespace labdeck::prom
