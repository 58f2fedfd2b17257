#include "metricsserverusage.h"

namespace labdeck {

QHash<QString, QPair<double, double>> nodeUsagePercent(const QHash<QString, kube::NodeUsage> &usage,
                                                       const QList<kube::NodeInfo> &nodes)
{
    QHash<QString, QPair<double, double>> percent;
    for (const kube::NodeInfo &node : nodes) {
        const auto it = usage.constFind(node.name);
        const double cores = kube::parseQuantity(node.cpuAllocatable);
        const double bytes = kube::parseQuantity(node.memoryAllocatable);
        if (it != usage.cend() && cores > 0 && bytes > 0)
            percent.insert(node.name,
                           {100.0 * it->cpuCores / cores, 100.0 * it->memoryBytes / bytes});
    }
    return percent;
}

LabMetrics::NodeMetricsFetch metricsServerFetch(std::function<kube::KubeClient *()> client,
                                                std::function<QList<kube::NodeInfo>()> nodes)
{
    return [client = std::move(client), nodes = std::move(nodes)](auto done) {
        kube::NodeMetrics::fetch(
            client(),
            [nodes, done](const QHash<QString, kube::NodeUsage> &usage, const QString &error) {
                done(nodeUsagePercent(usage, nodes()), error);
            });
    };
}

} // namespace labdeck
