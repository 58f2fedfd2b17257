#pragma once

#include "kube/verdicts.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace labdeck {

class HostModel;
class NodeModel;
class PodModel;
class WorkloadModel;

// Turns the live Kubernetes models into what the lab view shows: each k8s
// host's Ready state, each inventory workload's state and placement, the
// workloads that run but are not in the inventory. Recomputes at most four
// times a second, whatever the rate of watch events. UI thread.
class LabStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabStatus)
public:
    LabStatus(HostModel *hosts, NodeModel *nodes, WorkloadModel *workloads, PodModel *pods,
              QObject *parent = nullptr);

    // The connection is live (true) or lost/not yet synced (false, with why):
    // without it nothing is shown as current.
    void setLive(bool live, const QString &reason);
    [[nodiscard]] bool isLive() const { return m_live; }
    // Which kinds can be read (by plural); a kind that cannot is judged
    // unknown with why, the others stay live.
    void setAccess(const QHash<QString, kube::KindAccess> &access);
    [[nodiscard]] const QHash<QString, kube::KindAccess> &access() const { return m_access; }

    // Recompute now (tests; the timer does it otherwise).
    void update();

private:
    void schedule();

    HostModel *m_hosts;
    NodeModel *m_nodes;
    WorkloadModel *m_workloads;
    PodModel *m_pods;
    QTimer m_timer;
    bool m_live = false;
    QString m_reason;
    QHash<QString, kube::KindAccess> m_access;
};

} // namespace labdeck
