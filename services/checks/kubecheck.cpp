#include "checks/kubecheck.h"

#include "checks/certcheck.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"

#include <QJsonArray>

namespace labdeck::checks {

namespace {
constexpr qint64 kPendingWarnSeconds = 120;

QString lowerKind(const QString &kind)
{
    return kind.toLower();
}
} // namespace

KubeCheck::KubeCheck(QObject *parent)
    : Check(QStringLiteral("k8s"), parent)
{}

QList<CheckResult> KubeCheck::judge(const ClusterState &state, const Inventory &lab,
                                    const QDateTime &now)
{
    QList<CheckResult> out;
    // Nodes: every node of the cluster, and the inventory's missing ones.
    QSet<QString> clusterNodes;
    for (const kube::NodeInfo &n : state.nodes) {
        clusterNodes.insert(n.name);
        CheckResult r;
        r.target = CheckText::tr("node %1").arg(n.name);
        for (const Host &h : lab.hosts) {
            if (h.sources.kubernetesNode == n.name ||
                (h.sources.kubernetesNode.isEmpty() && h.name == n.name))
                r.host = h.name;
        }
        r.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("Node")},
                                {QStringLiteral("name"), n.name},
                                {QStringLiteral("ready"), n.ready},
                                {QStringLiteral("unschedulable"), n.unschedulable}};
        if (!n.ready) {
            r.severity = Health::Critical;
            r.summary = n.readyKnown
                            ? CheckText::tr("not Ready (%1)")
                                  .arg(n.readyReason.isEmpty() ? CheckText::tr("no reason given")
                                                               : n.readyReason)
                            : CheckText::tr("reports no Ready condition");
            r.advice =
                CheckText::tr("kubectl describe node %1; on the node: systemctl status kubelet and "
                              "journalctl -u kubelet.")
                    .arg(n.name);
        } else if (n.unschedulable) {
            r.severity = Health::Warning;
            r.summary = CheckText::tr("Ready but cordoned: no new pods are scheduled on it");
            r.advice =
                CheckText::tr("kubectl uncordon %1 when its maintenance is over.").arg(n.name);
        } else {
            r.severity = Health::Ok;
            r.summary = CheckText::tr("Ready");
        }
        out << r;
    }
    for (const Host &h : lab.hosts) {
        const QString node = h.sources.kubernetesNode.isEmpty() ? h.name : h.sources.kubernetesNode;
        if (!h.isKubernetesNode() || clusterNodes.contains(node))
            continue;
        CheckResult r;
        r.target = CheckText::tr("node %1").arg(node);
        r.host = h.name;
        r.severity = Health::Critical;
        r.summary =
            CheckText::tr("the inventory lists %1, but the cluster has no such node").arg(node);
        r.advice =
            CheckText::tr(
                "Has %1 left the cluster? kubectl get nodes; rejoin it with kubeadm join, or "
                "correct sources.kubernetesNode in the inventory.")
                .arg(h.name);
        r.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("Node")},
                                {QStringLiteral("name"), node},
                                {QStringLiteral("missing"), true}};
        out << r;
    }

    // Pods per workload, and the problem pods.
    QHash<QString, QList<const kube::PodInfo *>> podsOf; // "Kind:ns/name"
    for (const kube::PodInfo &p : state.pods)
        podsOf[p.workloadKind + QLatin1Char(':') + p.ns + QLatin1Char('/') + p.workloadName] << &p;
    auto nodeHost = [&lab](const QString &node) {
        for (const Host &h : lab.hosts) {
            if (h.sources.kubernetesNode == node ||
                (h.sources.kubernetesNode.isEmpty() && h.name == node))
                return h.name;
        }
        return node;
    };

    QSet<QString> seen;
    for (const Workload &w : lab.workloads) {
        const QString kind = workloadKindId(w.kind);
        if (w.kind == WorkloadKind::Group || w.kind == WorkloadKind::StaticPod)
            continue;
        const QString key = kind + QLatin1Char(':') + w.ns + QLatin1Char('/') + w.name;
        seen.insert(key);
        CheckResult r;
        r.target = CheckText::tr("%1 %2").arg(lowerKind(kind), w.qualifiedName());
        r.host = w.host;
        const kube::WorkloadInfo *info = nullptr;
        for (const kube::WorkloadInfo &i : state.workloads) {
            if (i.key() == key)
                info = &i;
        }
        if (!info) {
            r.severity = Health::Critical;
            r.summary = CheckText::tr(
                            "missing: the inventory puts it on %1, the cluster has no %2 %3 in %4")
                            .arg(w.host, kind, w.name, w.ns);
            r.advice = CheckText::tr(
                "Apply its manifest again (kubectl apply -f …), or remove it from the inventory.");
            r.details =
                QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("missing"), true}};
            out << r;
            continue;
        }
        QStringList elsewhere;
        for (const kube::PodInfo *p : podsOf.value(key)) {
            const QString h = nodeHost(p->nodeName);
            if (!p->nodeName.isEmpty() && h != w.host && !elsewhere.contains(h))
                elsewhere << h;
        }
        r.details = QJsonObject{{QStringLiteral("kind"), kind},
                                {QStringLiteral("desired"), info->desired},
                                {QStringLiteral("ready"), info->ready},
                                {QStringLiteral("expectedHost"), w.host},
                                {QStringLiteral("runsOn"), QJsonArray::fromStringList(elsewhere)}};
        if (info->desired > 0 && info->ready == 0) {
            r.severity = Health::Critical;
            r.summary = CheckText::tr("0 of %1 replicas ready").arg(info->desired);
            r.advice = CheckText::tr("Look at its pods and events: kubectl -n %1 describe %2 %3.")
                           .arg(w.ns, lowerKind(kind), w.name);
        } else if (info->ready < info->desired) {
            r.severity = Health::Warning;
            r.summary =
                CheckText::tr("%1 of %2 replicas ready").arg(info->ready).arg(info->desired);
            r.advice = CheckText::tr(
                           "Look at the pods that are not ready: kubectl -n %1 get pods -o wide.")
                           .arg(w.ns);
        } else if (!elsewhere.isEmpty()) {
            r.severity = Health::Warning;
            r.summary = CheckText::tr("runs on %1, but the inventory puts it on %2")
                            .arg(elsewhere.join(QStringLiteral(", ")), w.host);
            r.advice =
                CheckText::tr("Check its nodeSelector (role label of %1) or correct the inventory.")
                    .arg(w.host);
        } else {
            r.severity = Health::Ok;
            r.summary = info->desired == 0 ? CheckText::tr("scaled to 0")
                                           : CheckText::tr("%1/%2 ready on %3")
                                                 .arg(info->ready)
                                                 .arg(info->desired)
                                                 .arg(w.host);
        }
        out << r;
    }
    // Workloads the inventory does not name: only when they are short of replicas.
    for (const kube::WorkloadInfo &i : state.workloads) {
        if (seen.contains(i.key()) || i.ready >= i.desired)
            continue;
        CheckResult r;
        r.target = CheckText::tr("%1 %2/%3").arg(lowerKind(i.kind), i.ns, i.name);
        r.severity = i.ready == 0 ? Health::Critical : Health::Warning;
        r.summary = CheckText::tr("%1 of %2 replicas ready").arg(i.ready).arg(i.desired);
        r.advice =
            CheckText::tr("kubectl -n %1 describe %2 %3").arg(i.ns, lowerKind(i.kind), i.name);
        r.details = QJsonObject{{QStringLiteral("kind"), i.kind},
                                {QStringLiteral("desired"), i.desired},
                                {QStringLiteral("ready"), i.ready}};
        out << r;
    }
    for (const kube::PodInfo &p : state.pods) {
        CheckResult r;
        r.target = CheckText::tr("pod %1").arg(p.key());
        r.host = nodeHost(p.nodeName);
        r.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                                {QStringLiteral("status"), p.status},
                                {QStringLiteral("restarts"), p.restarts},
                                {QStringLiteral("node"), p.nodeName}};
        if (p.isCrashLooping()) {
            r.severity = Health::Critical;
            r.summary = CheckText::tr("crash-looping (%n restart(s))", nullptr, p.restarts);
            r.advice = CheckText::tr("Read its last log: kubectl -n %1 logs %2 --previous.")
                           .arg(p.ns, p.name);
            out << r;
        } else if (p.phase == QLatin1String("Pending") && !p.deleting) {
            const qint64 secs = p.created.isValid() ? p.created.secsTo(now) : 0;
            if (secs < kPendingWarnSeconds)
                continue;
            r.severity = Health::Warning;
            r.summary = CheckText::tr("pending for %1 min (%2)").arg(secs / 60).arg(p.status);
            r.advice =
                CheckText::tr(
                    "kubectl -n %1 describe pod %2 says why (resources, node selector, volume).")
                    .arg(p.ns, p.name);
            out << r;
        }
    }
    return out;
}

void KubeCheck::run(const CheckContext &context)
{
    m_lab = context.inventory;
    if (!context.kube) {
        fail(context.kubeUnavailable.isEmpty()
                 ? tr("could not run: no Kubernetes cluster is connected")
                 : tr("could not run: %1").arg(context.kubeUnavailable),
             tr("Give a kubeconfig (--kubeconfig FILE) or run on the demo lab (--demo)."));
        return;
    }
    const auto timeout = context.options.timeout;
    const QList<kube::Resource> resources{kube::Resource::Nodes, kube::Resource::Deployments,
                                          kube::Resource::StatefulSets, kube::Resource::DaemonSets,
                                          kube::Resource::Pods};
    m_pending = int(resources.size());
    for (kube::Resource res : resources) {
        kube::KubeCall *call = context.kube->get(kube::collectionPath(res), {}, timeout);
        m_calls << call;
        connect(call, &kube::KubeCall::finished, this, [this, res](const kube::KubeResponse &resp) {
            if (m_failed)
                return;
            if (!resp.ok()) {
                fail(tr("could not run: %1").arg(resp.errorText),
                     resp.httpStatus == 401 || resp.httpStatus == 403
                         ? tr("The kubeconfig's user may not list this; use an admin context.")
                         : tr("Check that the API server answers: kubectl get --raw /readyz."));
                return;
            }
            const QJsonArray items = resp.json.value(QLatin1String("items")).toArray();
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                switch (res) {
                case kube::Resource::Nodes:
                    m_state.nodes << kube::parseNode(o);
                    break;
                case kube::Resource::Pods:
                    m_state.pods << kube::parsePod(o);
                    break;
                default:
                    m_state.workloads << kube::parseWorkload(o, kube::kindOf(res));
                    break;
                }
            }
            if (--m_pending == 0) {
                for (const CheckResult &r : judge(m_state, m_lab, QDateTime::currentDateTimeUtc()))
                    report(r);
                done();
            }
        });
    }
}

void KubeCheck::fail(const QString &why, const QString &advice)
{
    m_failed = true;
    stop();
    CheckResult r;
    r.target = tr("Kubernetes cluster");
    r.severity = Health::Unknown;
    r.summary = why;
    r.advice = advice;
    report(r);
    done();
}

void KubeCheck::stop()
{
    for (const QPointer<kube::KubeCall> &c : std::as_const(m_calls)) {
        if (c)
            c->abort();
    }
    m_calls.clear();
}

} // namespace labdeck::checks
