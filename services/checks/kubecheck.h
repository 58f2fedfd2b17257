#pragma once

#include "checks/check.h"
#include "kube/kubeobjects.h"

#include <QPointer>

namespace labdeck::kube {
class KubeCall;
}

namespace labdeck::checks {

// k8s: nodes not Ready, workloads below their desired replicas, pods
// crash-looping or pending, and workloads missing from where the inventory
// puts them. Reads nodes, deployments, statefulsets, daemonsets and pods once.
class KubeCheck final : public Check
{
    Q_OBJECT
public:
    explicit KubeCheck(QObject *parent = nullptr);

    struct ClusterState
    {
        QList<kube::NodeInfo> nodes;
        QList<kube::WorkloadInfo> workloads;
        QList<kube::PodInfo> pods;
    };
    // The verdicts for the cluster's state; now is UTC (how long pods pend).
    [[nodiscard]] static QList<CheckResult> judge(const ClusterState &state, const Inventory &lab,
                                                  const QDateTime &now);

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void fail(const QString &why, const QString &advice);

    Inventory m_lab;
    ClusterState m_state;
    QList<QPointer<kube::KubeCall>> m_calls;
    int m_pending = 0;
    bool m_failed = false;
};

} // namespace labdeck::checks
