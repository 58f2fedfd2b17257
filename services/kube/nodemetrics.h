#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace labdeck::kube {

class KubeClient;

// A Kubernetes quantity ("1", "500m", "487558164n", "732212Ki", "6Gi",
// "1e3") as a plain number (cores, bytes); NaN when it is not one.
[[nodiscard]] double parseQuantity(const QString &text);

// metrics-server's NodeMetrics for one node.
struct NodeUsage
{
    double cpuCores = 0;
    double memoryBytes = 0;
};

class NodeMetrics
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::kube::NodeMetrics)
public:
    // A NodeMetricsList (metrics.k8s.io/v1beta1) by node name; an error
    // when it is not one.
    [[nodiscard]] static QHash<QString, NodeUsage> parseList(const QJsonObject &list,
                                                             QString *error);
    // GET /apis/metrics.k8s.io/v1beta1/nodes; calls back once.
    static void
    fetch(KubeClient *client,
          std::function<void(const QHash<QString, NodeUsage> &, const QString &error)> done);
};

} // namespace labdeck::kube
