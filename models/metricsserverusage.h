#pragma once

#include "kube/kubeclient.h"
#include "kube/kubeobjects.h"
#include "kube/nodemetrics.h"
#include "labmetrics.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <functional>

namespace labdeck {

// Each node's CPU and memory use from metrics-server as a share of what the
// node can allocate: node name -> (CPU %, memory %). A node without a
// reading, or whose allocatable is unknown, is left out.
[[nodiscard]] QHash<QString, QPair<double, double>>
nodeUsagePercent(const QHash<QString, kube::NodeUsage> &usage, const QList<kube::NodeInfo> &nodes);

// The Metrics charts' source when Prometheus is unreachable: metrics-server
// through the client of the moment (null: not connected), against the
// nodes of the moment.
[[nodiscard]] LabMetrics::NodeMetricsFetch
metricsServerFetch(std::function<kube::KubeClient *()> client,
                   std::function<QList<kube::NodeInfo>()> nodes);

} // namespace labdeck
