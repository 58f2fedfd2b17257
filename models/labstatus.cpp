#include "labstatus.h"

#include "hostmodel.h"
#include "kube/labreconcile.h"
#include "kubemodels.h"

namespace labdeck {

LabStatus::LabStatus(HostModel *hosts, NodeModel *nodes, WorkloadModel *workloads, PodModel *pods,
                     QObject *parent)
    : QObject(parent)
    , m_hosts(hosts)
    , m_nodes(nodes)
    , m_workloads(workloads)
    , m_pods(pods)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &LabStatus::update);
    connect(m_nodes, &NodeModel::nodesChanged, this, &LabStatus::schedule);
    connect(m_workloads, &WorkloadModel::workloadsChanged, this, &LabStatus::schedule);
    connect(m_pods, &PodModel::podsChanged, this, &LabStatus::schedule);
    connect(m_hosts, &HostModel::modelReset, this, &LabStatus::schedule);
}

void LabStatus::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void LabStatus::setLive(bool live, const QString &reason)
{
    if (live == m_live && reason == m_reason)
        return;
    m_live = live;
    m_reason = reason;
    if (!live) {
        // Stale: do not keep showing the last state as if it were current.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Inventory &inv = m_hosts->inventory();
        for (const Host &h : inv.hosts) {
            if (!h.isKubernetesNode())
                continue;
            m_hosts->setHealth(HostModel::hostId(h.name), Health::Unknown, reason, now);
            for (const QString &c : h.components)
                m_hosts->setHealth(HostModel::componentId(h.name, c), Health::Unknown, reason, now);
        }
        for (const Workload &w : inv.workloads)
            m_hosts->setHealth(HostModel::workloadId(w.ns, w.name), Health::Unknown, reason, now);
        m_hosts->setExtraWorkloads({}, now);
        return;
    }
    schedule();
}

void LabStatus::setAccess(const QHash<QString, kube::KindAccess> &access)
{
    auto same = [](const kube::KindAccess &a, const kube::KindAccess &b) {
        return a.state == b.state && a.message == b.message && a.verb == b.verb;
    };
    bool changed = access.size() != m_access.size();
    for (auto it = access.cbegin(); !changed && it != access.cend(); ++it)
        changed = !m_access.contains(it.key()) || !same(m_access.value(it.key()), it.value());
    m_access = access;
    if (changed)
        schedule();
}

void LabStatus::update()
{
    if (!m_live)
        return;
    kube::ClusterSnapshot cluster;
    cluster.nodes = m_nodes->rows();
    cluster.workloads = m_workloads->rows();
    cluster.pods = m_pods->rows();
    cluster.access = m_access;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const kube::LabState state = kube::LabReconciler::reconcile(m_hosts->inventory(), cluster, now);
    for (const kube::LabState::Item &item : state.items)
        m_hosts->setHealth(item.id, item.health, item.reason, now, item.note);
    QHash<QString, QList<HostModel::ExtraWorkload>> extras;
    for (const kube::LabState::Extra &x : state.extras) {
        if (!x.host.isEmpty())
            extras[x.host] << HostModel::ExtraWorkload{x.ns, x.name, x.kind, x.health, x.reason};
    }
    m_hosts->setExtraWorkloads(extras, now);
}

} // namespace labdeck
