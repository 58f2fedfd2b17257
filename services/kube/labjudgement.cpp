#include "kube/verdicts.h"

#include <QJsonArray>
#include <QSet>

namespace labdeck::kube {

// The whole lab judged: the inventory set against the cluster, through the
// object verdicts of verdicts.cpp.

QList<Judgement> Verdicts::judgeLab(const Inventory &lab, const ClusterSnapshot &cluster,
                                    const QDateTime &now)
{
    QList<Judgement> out;
    auto unknownBecause = [](const KindAccess &a) { return tr("unknown: %1").arg(accessText(a)); };

    // Kinds that cannot be read: one judgement each.
    QStringList kinds = cluster.access.keys();
    kinds.sort();
    for (const QString &plural : std::as_const(kinds)) {
        const KindAccess a = cluster.access.value(plural);
        if (!a.unreadable())
            continue;
        Judgement j;
        j.subject = Judgement::Subject::Access;
        j.kind = plural;
        j.name = plural;
        j.verdict.health = Health::Unknown;
        j.verdict.status = a.state == KindAccess::State::NotPermitted ? QStringLiteral("Forbidden")
                           : a.state == KindAccess::State::Absent     ? QStringLiteral("NotFound")
                                                                      : QStringLiteral("Failing");
        j.verdict.summary = tr("could not read %1: %2").arg(plural, accessText(a));
        if (a.state != KindAccess::State::Failing && !a.message.isEmpty())
            j.verdict.summary += QStringLiteral(" (") + a.message + QLatin1Char(')');
        switch (a.state) {
        case KindAccess::State::NotPermitted:
            j.verdict.advice = tr("Everything else is still read. To see %1, ask for list and "
                                  "watch on it (kubectl "
                                  "auth can-i list %1 -A) or use a context that may read it.")
                                   .arg(plural);
            break;
        case KindAccess::State::Absent:
            j.verdict.advice = tr(
                "Install what serves it (metrics-server serves metrics.k8s.io), or ignore this.");
            break;
        default:
            j.verdict.advice = tr("Labdeck retries by itself; kubectl get --raw /readyz tells "
                                  "whether the API server answers.");
            break;
        }
        j.details = QJsonObject{{QStringLiteral("resource"), plural},
                                {QStringLiteral("group"), a.group},
                                {QStringLiteral("verb"), a.verb},
                                {QStringLiteral("state"), j.verdict.status},
                                {QStringLiteral("message"), a.message}};
        out << j;
    }

    const KindAccess nodeAccess = cluster.accessOf(QStringLiteral("nodes"));
    const KindAccess podAccess = cluster.accessOf(QStringLiteral("pods"));
    QHash<QString, const NodeInfo *> nodeByName;
    for (const NodeInfo &n : cluster.nodes)
        nodeByName.insert(n.name, &n);
    QHash<QString, QString> hostOfNode;
    for (const Host &h : lab.hosts) {
        if (h.isKubernetesNode())
            hostOfNode.insert(h.nodeName(), h.name);
    }
    QHash<QString, QList<const PodInfo *>> podsOf;
    for (const PodInfo &p : cluster.pods) {
        if (!p.workloadKind.isEmpty())
            podsOf[workloadKeyOf(p)] << &p;
    }

    // Hosts that are nodes, and nodes the inventory does not list.
    QSet<QString> inventoryNodes;
    for (const Host &h : lab.hosts) {
        if (!h.isKubernetesNode())
            continue;
        const QString nodeName = h.nodeName();
        inventoryNodes.insert(nodeName);
        Judgement j;
        j.subject = Judgement::Subject::Host;
        j.id = QStringLiteral("host:") + h.name;
        j.kind = QStringLiteral("Node");
        j.name = nodeName;
        j.host = h.name;
        const NodeInfo *n = nodeByName.value(nodeName);
        if (nodeAccess.unreadable()) {
            j.verdict.summary = unknownBecause(nodeAccess);
            j.details =
                QJsonObject{{QStringLiteral("kind"), j.kind}, {QStringLiteral("name"), nodeName}};
        } else if (!n) {
            j.verdict.health = Health::Critical;
            j.verdict.status = QStringLiteral("Missing");
            j.verdict.summary =
                tr("the inventory lists %1, but the cluster has no such node").arg(nodeName);
            j.verdict.advice = tr("Has %1 left the cluster? kubectl get nodes; rejoin it with "
                                  "kubeadm join, or correct "
                                  "sources.kubernetesNode in the inventory.")
                                   .arg(h.name);
            j.verdict.note = tr("missing");
            j.details = QJsonObject{{QStringLiteral("kind"), j.kind},
                                    {QStringLiteral("name"), nodeName},
                                    {QStringLiteral("missing"), true}};
        } else {
            j.verdict = node(*n, now);
        }
        if (n) {
            j.details = QJsonObject{{QStringLiteral("kind"), j.kind},
                                    {QStringLiteral("name"), n->name},
                                    {QStringLiteral("status"), j.verdict.status},
                                    {QStringLiteral("ready"), n->readyStatus},
                                    {QStringLiteral("unschedulable"), n->unschedulable}};
        }
        out << j;
    }
    if (!nodeAccess.unreadable()) {
        for (const NodeInfo &n : cluster.nodes) {
            if (inventoryNodes.contains(n.name))
                continue;
            Judgement j;
            j.subject = Judgement::Subject::Node;
            j.kind = QStringLiteral("Node");
            j.name = n.name;
            j.verdict = node(n, now);
            j.details = QJsonObject{{QStringLiteral("kind"), j.kind},
                                    {QStringLiteral("name"), n.name},
                                    {QStringLiteral("status"), j.verdict.status},
                                    {QStringLiteral("ready"), n.readyStatus},
                                    {QStringLiteral("unschedulable"), n.unschedulable}};
            out << j;
        }
    }

    // System components (static pods and kube-system workloads) on their host.
    auto componentKey = [](QString s) {
        s = s.toLower();
        s.remove(QLatin1Char(' '));
        if (s.startsWith(QLatin1String("kube-")))
            s = s.mid(5);
        return s;
    };
    for (const Host &h : lab.hosts) {
        for (const QString &c : h.components) {
            Judgement j;
            j.subject = Judgement::Subject::Component;
            j.id = QStringLiteral("component:%1/%2").arg(h.name, c);
            j.kind = QStringLiteral("Component");
            j.ns = QStringLiteral("kube-system");
            j.name = c;
            j.host = h.name;
            j.details = QJsonObject{{QStringLiteral("kind"), j.kind}, {QStringLiteral("name"), c}};
            if (podAccess.unreadable()) {
                j.verdict.summary = unknownBecause(podAccess);
                out << j;
                continue;
            }
            const QString key = componentKey(c);
            QList<const PodInfo *> matching;
            for (const PodInfo &p : cluster.pods) {
                if (p.ns == QLatin1String("kube-system") && componentKey(p.workloadName) == key)
                    matching << &p;
            }
            if (matching.isEmpty()) {
                j.verdict.health = Health::Warning;
                j.verdict.summary = tr("no pod of %1 found in kube-system").arg(c);
                j.verdict.note = tr("missing");
                j.verdict.advice = tr("kubectl -n kube-system get pods -o wide");
                out << j;
                continue;
            }
            int ready = 0;
            bool stale = false;
            QSet<QString> where;
            Verdict worst;
            bool haveWorst = false;
            for (const PodInfo *p : std::as_const(matching)) {
                const Verdict pv = pod(*p, nodeByName.value(p->nodeName), now);
                ready += p->ready && !pv.stale ? 1 : 0;
                stale = stale || pv.stale;
                where.insert(hostOfNode.value(p->nodeName, p->nodeName));
                if (pv.health > Health::Ok && (!haveWorst || pv.rank() > worst.rank())) {
                    worst = pv;
                    haveWorst = true;
                }
            }
            const int total = int(matching.size());
            j.verdict.health =
                ready == total ? Health::Ok : (ready == 0 ? Health::Critical : Health::Warning);
            QStringList hosts(where.cbegin(), where.cend());
            hosts.sort();
            j.verdict.status = QStringLiteral("%1/%2").arg(ready).arg(total);
            j.verdict.summary = tr("%1 of %2 pods ready on %3")
                                    .arg(ready)
                                    .arg(total)
                                    .arg(hosts.join(QStringLiteral(", ")));
            if (haveWorst) {
                j.verdict.summary += QStringLiteral("; ") + worst.summary;
                j.verdict.advice = worst.advice;
            }
            j.verdict.stale = stale;
            if (stale)
                j.verdict.note = tr("stale");
            out << j;
        }
    }

    // Inventory workloads against the live ones.
    QSet<QString> claimed;
    QHash<QString, const Workload *> groups; // namespace -> the inventory's group for it
    for (const Workload &w : lab.workloads) {
        if (w.kind == WorkloadKind::Group) {
            groups.insert(w.ns, &w);
            continue;
        }
        if (w.kind == WorkloadKind::StaticPod)
            continue;
        const QString kind = workloadKindId(w.kind);
        Judgement j;
        j.subject = Judgement::Subject::Workload;
        j.id = QStringLiteral("workload:%1/%2").arg(w.ns, w.name);
        j.kind = kind;
        j.ns = w.ns;
        j.name = w.name;
        j.host = w.host;
        const QString plural = kind.toLower() + QLatin1Char('s');
        const KindAccess access = cluster.accessOf(plural);
        const WorkloadInfo *live = nullptr;
        for (const WorkloadInfo &l : cluster.workloads) {
            if (l.ns == w.ns && l.name == w.name && (!live || l.kind == kind))
                live = &l;
        }
        if (access.unreadable()) {
            j.verdict.summary = unknownBecause(access);
            j.verdict.note = tr("unknown");
            j.details =
                QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("unreadable"), plural}};
            out << j;
            continue;
        }
        if (!live) {
            j.verdict.health = Health::Critical;
            j.verdict.status = QStringLiteral("Missing");
            j.verdict.summary =
                tr("missing: the inventory puts it on %1, the cluster has no %2 %3 in namespace %4")
                    .arg(w.host, kind, w.name, w.ns);
            j.verdict.advice = tr(
                "Apply its manifest again (kubectl apply -f …), or remove it from the inventory.");
            j.verdict.note = tr("missing");
            j.details =
                QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("missing"), true}};
            out << j;
            continue;
        }
        claimed.insert(live->key());
        const QList<const PodInfo *> pods = podsOf.value(live->key());
        j.verdict = workload(*live, pods, nodeByName, now);
        QStringList hosts;
        for (const PodInfo *p : pods) {
            if (p->nodeName.isEmpty() || p->deleting)
                continue;
            const QString h = hostOfNode.value(p->nodeName, p->nodeName);
            if (!hosts.contains(h))
                hosts << h;
        }
        hosts.sort();
        QStringList elsewhere;
        for (const QString &h : std::as_const(hosts)) {
            if (h != w.host)
                elsewhere << h;
        }
        if (!hosts.isEmpty() && !j.verdict.stale)
            j.verdict.summary =
                tr("%1 on %2").arg(j.verdict.summary, hosts.join(QStringLiteral(", ")));
        if (!elsewhere.isEmpty()) {
            j.verdict.health = std::max(j.verdict.health, Health::Warning);
            j.verdict.summary =
                tr("%1, but the inventory puts it on %2").arg(j.verdict.summary, w.host);
            if (j.verdict.advice.isEmpty())
                j.verdict.advice =
                    tr("Check its nodeSelector (role label of %1) or correct the inventory.")
                        .arg(w.host);
            if (j.verdict.note.isEmpty())
                j.verdict.note = tr("on %1").arg(elsewhere.join(QStringLiteral(", ")));
        }
        if (live->kind != kind) {
            j.verdict.health = std::max(j.verdict.health, Health::Warning);
            j.verdict.summary = tr("%1 (it is a %2; the inventory says %3)")
                                    .arg(j.verdict.summary, live->kind, kind);
            j.verdict.note = tr("is a %1").arg(live->kind);
        }
        if (podAccess.unreadable())
            j.verdict.summary += QStringLiteral("; ") + accessText(podAccess);
        j.details = QJsonObject{{QStringLiteral("kind"), live->kind},
                                {QStringLiteral("desired"), live->desired},
                                {QStringLiteral("ready"), live->ready},
                                {QStringLiteral("updated"), live->updated},
                                {QStringLiteral("expectedHost"), w.host},
                                {QStringLiteral("runsOn"), QJsonArray::fromStringList(elsewhere)},
                                {QStringLiteral("stale"), j.verdict.stale}};
        out << j;
    }

    // Live workloads the inventory does not list, and the groups they fall in.
    QHash<QString, QList<const WorkloadInfo *>> groupMembers;
    for (const WorkloadInfo &l : cluster.workloads) {
        if (claimed.contains(l.key()))
            continue;
        if (groups.contains(l.ns)) {
            groupMembers[l.ns] << &l;
            continue;
        }
        Judgement j;
        j.subject = Judgement::Subject::Extra;
        j.kind = l.kind;
        j.ns = l.ns;
        j.name = l.name;
        const QList<const PodInfo *> pods = podsOf.value(l.key());
        for (const PodInfo *p : pods) {
            if (!p->nodeName.isEmpty()) {
                j.host = hostOfNode.value(p->nodeName, p->nodeName);
                break;
            }
        }
        const KindAccess kindAccess = cluster.accessOf(l.kind.toLower() + QLatin1Char('s'));
        if (kindAccess.unreadable()) {
            // What is held is old: say so rather than judge it.
            j.verdict.summary = unknownBecause(kindAccess);
        } else {
            j.verdict = workload(l, pods, nodeByName, now);
        }
        j.details = QJsonObject{{QStringLiteral("kind"), l.kind},
                                {QStringLiteral("desired"), l.desired},
                                {QStringLiteral("ready"), l.ready},
                                {QStringLiteral("inventory"), false}};
        out << j;
    }
    QStringList groupNamespaces = groups.keys();
    groupNamespaces.sort();
    for (const QString &ns : std::as_const(groupNamespaces)) {
        const Workload *g = groups.value(ns);
        Judgement j;
        j.subject = Judgement::Subject::Group;
        j.id = QStringLiteral("workload:%1/%2").arg(g->ns, g->name);
        j.kind = QStringLiteral("Group");
        j.ns = g->ns;
        j.name = g->name;
        j.host = g->host;
        const QList<const WorkloadInfo *> members = groupMembers.value(ns);
        QStringList unreadable;
        for (const char *plural : {"deployments", "statefulsets", "daemonsets"}) {
            const KindAccess a = cluster.accessOf(QLatin1String(plural));
            if (a.unreadable())
                unreadable << accessText(a);
        }
        if (members.isEmpty()) {
            j.verdict.health = unreadable.isEmpty() ? Health::Ok : Health::Unknown;
            j.verdict.summary = tr("no other workloads in namespace %1").arg(g->ns);
        } else {
            Health worst = Health::Ok;
            QStringList names;
            bool stale = false;
            for (const WorkloadInfo *m : members) {
                if (cluster.accessOf(m->kind.toLower() + QLatin1Char('s')).unreadable())
                    continue; // old data; said below
                const Verdict mv = workload(*m, podsOf.value(m->key()), nodeByName, now);
                worst = std::max(worst, mv.health);
                stale = stale || mv.stale;
                names << QStringLiteral("%1 (%2/%3)").arg(m->name).arg(m->ready).arg(m->desired);
            }
            // Unknown only where nothing worse is known.
            j.verdict.health =
                worst == Health::Ok && !unreadable.isEmpty() ? Health::Unknown : worst;
            j.verdict.stale = stale;
            j.verdict.summary = tr("%n workload(s): %1", nullptr, int(members.size()))
                                    .arg(names.join(QStringLiteral(", ")));
        }
        if (!unreadable.isEmpty())
            j.verdict.summary += QStringLiteral("; ") + unreadable.join(QStringLiteral("; "));
        j.details = QJsonObject{{QStringLiteral("kind"), j.kind},
                                {QStringLiteral("members"), int(members.size())}};
        out << j;
    }

    // Pods that need a look (not the ones that will pass by themselves).
    for (const PodInfo &p : cluster.pods) {
        const Verdict pv = pod(p, nodeByName.value(p.nodeName), now);
        if (pv.health <= Health::Ok || pv.transient)
            continue;
        Judgement j;
        j.subject = Judgement::Subject::Pod;
        j.kind = QStringLiteral("Pod");
        j.ns = p.ns;
        j.name = p.name;
        j.host = hostOfNode.value(p.nodeName, p.nodeName);
        j.verdict = pv;
        j.details = QJsonObject{{QStringLiteral("kind"), j.kind},
                                {QStringLiteral("status"), p.status},
                                {QStringLiteral("restarts"), p.restarts},
                                {QStringLiteral("node"), p.nodeName},
                                {QStringLiteral("stale"), pv.stale}};
        out << j;
    }
    return out;
}

} // namespace labdeck::kube
