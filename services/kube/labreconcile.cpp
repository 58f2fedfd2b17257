#include "kube/labreconcile.h"

#include <QSet>

namespace labdeck::kube {

namespace {

Health workloadHealth(const WorkloadInfo &w)
{
    if (!w.rolloutFailure().isEmpty() || (w.desired > 0 && w.ready == 0))
        return Health::Critical;
    if (w.desired == 0 || w.ready < w.desired || !w.rolloutComplete())
        return Health::Warning;
    return Health::Ok;
}

// "API server" and "kube-apiserver" name the same component.
QString componentKey(QString s)
{
    s = s.toLower();
    s.remove(QLatin1Char(' '));
    if (s.startsWith(QLatin1String("kube-")))
        s = s.mid(5);
    return s;
}

} // namespace

bool LabReconciler::isSystemNamespace(const QString &ns)
{
    return ns == QLatin1String("kube-system") || ns == QLatin1String("kube-public") ||
           ns == QLatin1String("kube-node-lease");
}

LabState LabReconciler::reconcile(const Inventory &inv, const QList<NodeInfo> &nodes,
                                  const QList<WorkloadInfo> &workloads,
                                  const QHash<QString, QStringList> &nodesOf, const QList<PodInfo> &pods)
{
    LabState state;

    // Kubernetes node name -> inventory host.
    QHash<QString, QString> hostOfNode;
    for (const Host &h : inv.hosts) {
        if (h.isKubernetesNode())
            hostOfNode.insert(h.sources.kubernetesNode.isEmpty() ? h.name : h.sources.kubernetesNode, h.name);
    }
    auto hostsOf = [&](const QStringList &nodeNames) {
        QStringList out;
        for (const QString &n : nodeNames)
            out << hostOfNode.value(n, n);
        return out;
    };

    // Hosts.
    QHash<QString, const NodeInfo *> nodeByName;
    for (const NodeInfo &n : nodes)
        nodeByName.insert(n.name, &n);
    for (const Host &h : inv.hosts) {
        if (!h.isKubernetesNode())
            continue;
        LabState::Item item;
        item.id = QStringLiteral("host:") + h.name;
        const NodeInfo *n = nodeByName.value(h.sources.kubernetesNode.isEmpty() ? h.name : h.sources.kubernetesNode);
        if (!n) {
            item.health = Health::Critical;
            item.reason = tr("no node named %1 in the cluster").arg(h.sources.kubernetesNode);
            item.note = tr("missing");
        } else if (!n->readyKnown) {
            item.health = Health::Unknown;
            item.reason = tr("the node's state is unknown (kubelet not reporting)");
        } else if (!n->ready) {
            item.health = Health::Critical;
            item.reason = tr("NotReady: %1").arg(n->readyReason);
        } else if (n->unschedulable) {
            item.health = Health::Warning;
            item.reason = tr("Ready, cordoned (no new pods), kubelet %1").arg(n->kubeletVersion);
            item.note = tr("cordoned");
        } else {
            item.health = Health::Ok;
            item.reason = tr("Ready, kubelet %1").arg(n->kubeletVersion);
        }
        state.items << item;
    }

    // Components (static pods and kube-system workloads) on their host.
    for (const Host &h : inv.hosts) {
        for (const QString &c : h.components) {
            LabState::Item item;
            item.id = QStringLiteral("component:%1/%2").arg(h.name, c);
            const QString key = componentKey(c);
            QList<const PodInfo *> matching;
            for (const PodInfo &p : pods) {
                if (p.ns == QLatin1String("kube-system") && componentKey(p.workloadName) == key)
                    matching << &p;
            }
            if (matching.isEmpty()) {
                item.health = Health::Warning;
                item.reason = tr("no pod of %1 found in kube-system").arg(c);
                item.note = tr("missing");
            } else {
                int ready = 0;
                QSet<QString> where;
                for (const PodInfo *p : matching) {
                    ready += p->ready ? 1 : 0;
                    where.insert(hostOfNode.value(p->nodeName, p->nodeName));
                }
                item.health = ready == matching.size() ? Health::Ok : (ready == 0 ? Health::Critical : Health::Warning);
                QStringList hosts(where.cbegin(), where.cend());
                hosts.sort();
                item.reason = tr("%1 of %2 pods ready on %3").arg(ready).arg(matching.size()).arg(hosts.join(QStringLiteral(", ")));
            }
            state.items << item;
        }
    }

    // Inventory workloads against the live ones.
    QSet<QString> claimed;
    QHash<QString, const Workload *> groups; // namespace -> the inventory's Group for it
    for (const Workload &w : inv.workloads) {
        if (w.kind == WorkloadKind::Group) {
            groups.insert(w.ns, &w);
            continue;
        }
        LabState::Item item;
        item.id = QStringLiteral("workload:%1/%2").arg(w.ns, w.name);
        const WorkloadInfo *live = nullptr;
        for (const WorkloadInfo &l : workloads) {
            if (l.ns == w.ns && l.name == w.name) {
                live = &l;
                break;
            }
        }
        if (!live) {
            item.health = Health::Critical;
            item.reason = tr("not found in the cluster (no %1 %2 in namespace %3)")
                              .arg(workloadKindId(w.kind), w.name, w.ns);
            item.note = tr("missing");
            state.items << item;
            continue;
        }
        claimed.insert(live->key());
        const QStringList hosts = hostsOf(nodesOf.value(live->key()));
        item.health = workloadHealth(*live);
        item.reason = hosts.isEmpty() ? tr("%1 of %2 ready").arg(live->ready).arg(live->desired)
                                      : tr("%1 of %2 ready on %3").arg(live->ready).arg(live->desired).arg(hosts.join(QStringLiteral(", ")));
        const QStringList elsewhere = [&] {
            QStringList out;
            for (const QString &h : hosts) {
                if (h != w.host)
                    out << h;
            }
            return out;
        }();
        if (!elsewhere.isEmpty()) {
            item.health = std::max(item.health, Health::Warning);
            item.reason = tr("%1 of %2 ready on %3, but the inventory puts it on %4")
                              .arg(live->ready).arg(live->desired).arg(hosts.join(QStringLiteral(", ")), w.host);
            item.note = tr("on %1").arg(elsewhere.join(QStringLiteral(", ")));
        }
        if (live->kind != workloadKindId(w.kind)) {
            item.health = std::max(item.health, Health::Warning);
            item.note = tr("is a %1").arg(live->kind);
            item.reason = tr("%1 (it is a %2; the inventory says %3)").arg(item.reason, live->kind, workloadKindId(w.kind));
        }
        state.items << item;
    }

    // Live workloads the inventory does not list.
    QHash<QString, QList<const WorkloadInfo *>> groupMembers;
    for (const WorkloadInfo &l : workloads) {
        if (claimed.contains(l.key()) || isSystemNamespace(l.ns))
            continue;
        if (groups.contains(l.ns)) {
            groupMembers[l.ns] << &l;
            continue;
        }
        LabState::Extra extra;
        const QStringList hosts = hostsOf(nodesOf.value(l.key()));
        extra.host = hosts.value(0);
        extra.ns = l.ns;
        extra.name = l.name;
        extra.kind = l.kind;
        extra.health = workloadHealth(l);
        extra.reason = tr("not in the inventory; %1 of %2 ready").arg(l.ready).arg(l.desired);
        state.extras << extra;
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const Workload *g = it.value();
        LabState::Item item;
        item.id = QStringLiteral("workload:%1/%2").arg(g->ns, g->name);
        const QList<const WorkloadInfo *> members = groupMembers.value(it.key());
        if (members.isEmpty()) {
            item.health = Health::Ok;
            item.reason = tr("no other workloads in namespace %1").arg(g->ns);
        } else {
            Health worst = Health::Ok;
            QStringList names;
            for (const WorkloadInfo *m : members) {
                worst = std::max(worst, workloadHealth(*m));
                names << QStringLiteral("%1 (%2/%3)").arg(m->name).arg(m->ready).arg(m->desired);
            }
            item.health = worst;
            item.reason = tr("%n workload(s): %1", nullptr, int(members.size())).arg(names.join(QStringLiteral(", ")));
        }
        state.items << item;
    }
    return state;
}

} // namespace labdeck::kube
