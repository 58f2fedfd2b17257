#pragma once

#include <QByteArray>

namespace labdeck::demolab::detail {

class Store;

// metrics.k8s.io/v1beta1 NodeMetricsList for the nodes in the store, with
// the same moving CPU and memory use as the demo's Prometheus, in the
// units metrics-server uses (nanocores, Ki).
[[nodiscard]] QByteArray nodeMetricsList(const Store &store);

} // namespace labdeck::demolab::detail
