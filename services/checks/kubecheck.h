#pragma once

#include "checks/check.h"
#include "kube/kubeobjects.h"
#include "kube/verdicts.h"

#include <QPointer>

namespace labdeck::kube {
class KubeCall;
}

namespace labdeck::checks {

// k8s: the window's judgement of the cluster (kube::Verdicts::judgeLab) as
// check results: nodes, components, workloads, the pods that need a look,
// and the kinds that cannot be read. Reads nodes, deployments, statefulsets,
// daemonsets and pods once, each paged as the reflectors page it and each on
// its own: a kind the user may not read is one result, the others still
// appear.
class KubeCheck final : public Check
{
    Q_OBJECT
public:
    explicit KubeCheck(QObject *parent = nullptr);

    using ClusterState = kube::ClusterSnapshot;
    // The verdicts for the cluster's state; now is UTC (how long pods pend).
    [[nodiscard]] static QList<CheckResult> judge(const ClusterState &state, const Inventory &lab,
                                                  const QDateTime &now);
    // The check's target text for a judgement ("node bracky", "deployment apps/shlink").
    [[nodiscard]] static QString targetOf(const kube::Judgement &judgement);

    // Items per page (the reflectors' default).
    void setPageSize(int limit) { m_pageSize = limit; }

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void fail(const QString &why, const QString &advice);
    void requestPage(int resource, const QString &continueToken);
    void finishKind();

    Inventory m_lab;
    QPointer<kube::KubeClient> m_client;
    ClusterState m_state;
    QList<QPointer<kube::KubeCall>> m_calls;
    int m_pending = 0;
    int m_pageSize = 500;
    bool m_failed = false;
    std::chrono::milliseconds m_timeout{10000};
};

} // namespace labdeck::checks
