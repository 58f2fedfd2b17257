#include "kube/verdicts.h"

#include "common/format.h"
#include "kube/nodemetrics.h"

#include <QJsonArray>

namespace labdeck::kube {

namespace {

constexpr qint64 kStartingSeconds =
    120; // a pod pending or unready this long is no longer "starting"
constexpr qint64 kTerminatingGrace = 60; // past its deletion time plus this: stuck
const QLatin1String kUnreachableTaint("node.kubernetes.io/unreachable");
const QLatin1String kNotReadyTaint("node.kubernetes.io/not-ready");

QString ago(const QDateTime &t, const QDateTime &now)
{
    return t.isValid() ? Format::ago(qMax<qint64>(0, t.secsTo(now)))
                       : Verdicts::tr("at an unknown time");
}

QString clock(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("HH:mm")) : QStringLiteral("?");
}

QString lower(const QString &kind)
{
    return kind.toLower();
}

QString mebibytes(const QString &quantity)
{
    if (quantity.isEmpty())
        return Verdicts::tr("none");
    const double bytes = parseQuantity(quantity);
    if (bytes <= 0)
        return quantity;
    return Format::bytes(bytes);
}

bool isImagePullReason(const QString &r)
{
    return r == QLatin1String("ImagePullBackOff") || r == QLatin1String("ErrImagePull") ||
           r == QLatin1String("InvalidImageName") || r == QLatin1String("ErrImageNeverPull") ||
           r == QLatin1String("RegistryUnavailable");
}

bool isStartFailure(const QString &r)
{
    return r == QLatin1String("CreateContainerError") || r == QLatin1String("RunContainerError") ||
           r == QLatin1String("ContainerCannotRun") || r == QLatin1String("StartError");
}

// " — the image is not built for …" when a container failed to start its
// program because the image is for another CPU architecture.
QString execFormatHint(const ContainerInfo &c, const NodeInfo *node)
{
    const QLatin1String needle("exec format error");
    if (!c.message.contains(needle, Qt::CaseInsensitive) &&
        !c.lastMessage.contains(needle, Qt::CaseInsensitive))
        return {};
    const QString arch =
        node && !node->architecture.isEmpty() ? node->architecture : QStringLiteral("arm64");
    return Verdicts::
        tr(" — exec format error: the image is not built for this node's CPU (%1); use an image "
           "with a linux/%1 variant")
            .arg(arch);
}

} // namespace

QString workloadKeyOf(const PodInfo &pod)
{
    return pod.workloadKind + QLatin1Char(':') + pod.ns + QLatin1Char('/') + pod.workloadName;
}

KindAccess ClusterSnapshot::accessOf(const QString &plural) const
{
    auto it = access.constFind(plural);
    if (it != access.constEnd())
        return it.value();
    KindAccess live;
    live.state = KindAccess::State::Live;
    live.resource = plural;
    return live;
}

bool Verdicts::nodeIsDown(const NodeInfo &node)
{
    return (!node.readyStatus.isEmpty() && node.readyStatus != QLatin1String("True")) ||
           node.hasTaint(kUnreachableTaint);
}

Verdict Verdicts::node(const NodeInfo &n, const QDateTime &now)
{
    Verdict v;
    const Condition *ready = n.condition(QStringLiteral("Ready"));
    const bool unreachable = n.hasTaint(kUnreachableTaint);
    if (!ready) {
        v.health = Health::Warning;
        v.status = QStringLiteral("Unknown");
        v.summary = tr("reports no Ready condition yet (it has just joined, or its kubelet never "
                       "posted a status)");
        v.advice =
            tr("kubectl describe node %1; on the node: systemctl status kubelet").arg(n.name);
        v.note = tr("no status");
    } else if (ready->status != QLatin1String("True")) {
        v.health = Health::Critical;
        v.status = QStringLiteral("NotReady");
        v.note = QStringLiteral("NotReady");
        if (ready->status == QLatin1String("Unknown") || unreachable) {
            const QString why = ready->message.isEmpty()
                                    ? tr("Kubelet stopped posting node status.")
                                    : ready->message;
            v.summary = tr("NotReady (unreachable): %1 Last heartbeat %2, NotReady since %3")
                            .arg(why, ago(n.lastHeartbeat, now), clock(ready->lastTransition));
            v.advice =
                tr("The node or its kubelet is down (power, kernel, network, or the cloud "
                   "reclaimed it). "
                   "kubectl describe node %1; on the node: systemctl status kubelet and journalctl "
                   "-u "
                   "kubelet. Its pods are evicted about 5 minutes after it became unreachable.")
                    .arg(n.name);
        } else {
            const QString why = ready->message.isEmpty() ? ready->reason : ready->message;
            v.summary = tr("NotReady: %1 (%2), since %3")
                            .arg(why.isEmpty() ? tr("no reason given") : why,
                                 ago(ready->lastTransition, now), clock(ready->lastTransition));
            v.advice = tr("kubectl describe node %1; on the node: systemctl status kubelet and "
                          "journalctl -u kubelet.")
                           .arg(n.name);
        }
        if (!unreachable && n.hasTaint(kNotReadyTaint))
            v.summary += tr("; tainted not-ready");
    } else {
        v.health = Health::Ok;
        v.status = QStringLiteral("Ready");
        v.summary = n.kubeletVersion.isEmpty() ? tr("Ready")
                                               : tr("Ready, kubelet %1").arg(n.kubeletVersion);
    }

    // Pressure: the kubelet's warnings that come before evictions.
    struct Pressure
    {
        const char *type;
        const char *note;
    };
    static const Pressure kPressure[] = {
        {"MemoryPressure", QT_TR_NOOP("memory pressure")},
        {"DiskPressure", QT_TR_NOOP("disk pressure")},
        {"PIDPressure", QT_TR_NOOP("PID pressure")},
        {"NetworkUnavailable", QT_TR_NOOP("network unavailable")},
    };
    QStringList problems;
    QStringList notes;
    for (const Pressure &p : kPressure) {
        const Condition *c = n.condition(QLatin1String(p.type));
        if (!c || c->status != QLatin1String("True"))
            continue;
        const QString why = c->message.isEmpty() ? c->reason : c->message;
        problems << tr("%1: %2").arg(QLatin1String(p.type), why);
        notes << tr(p.note);
    }
    if (!problems.isEmpty()) {
        v.health = std::max(v.health, Health::Warning);
        v.summary += QStringLiteral("; ") + problems.join(QStringLiteral("; "));
        if (v.note.isEmpty())
            v.note = notes.join(QStringLiteral(", "));
        if (v.advice.isEmpty())
            v.advice = tr("Pods are evicted when the pressure lasts: see what uses the node with "
                          "kubectl describe "
                          "node %1 (requests and limits per pod) and kubectl top pods -A "
                          "--sort-by=memory; "
                          "lower limits, move workloads or add capacity.")
                           .arg(n.name);
    }
    if (n.unschedulable) {
        v.health = std::max(v.health, Health::Warning);
        v.status += QStringLiteral(",SchedulingDisabled");
        v.summary += tr("; cordoned: no new pods are scheduled on it");
        if (v.note.isEmpty())
            v.note = tr("cordoned");
        if (v.advice.isEmpty())
            v.advice = tr("kubectl uncordon %1 when its maintenance is over.").arg(n.name);
    }
    return v;
}

Verdict Verdicts::pod(const PodInfo &p, const NodeInfo *node, const QDateTime &now)
{
    Verdict v;
    v.status = p.status;
    const qint64 age = p.created.isValid() ? p.created.secsTo(now) : 0;
    const QString describe = tr("kubectl -n %1 describe pod %2").arg(p.ns, p.name);

    auto containerProblem = [&]() -> bool {
        for (const ContainerInfo &c : p.containerDetails) {
            const QString hint = execFormatHint(c, node);
            const bool waiting = c.state == QLatin1String("waiting");
            if (waiting && c.reason == QLatin1String("CrashLoopBackOff")) {
                v.health = Health::Critical;
                if (c.lastReason == QLatin1String("OOMKilled")) {
                    v.status = QStringLiteral("OOMKilled");
                    const QString allocatable =
                        node ? mebibytes(node->memoryAllocatable) : tr("unknown");
                    v.summary =
                        tr("OOMKilled: container %1 used more than its memory limit %2 (request "
                           "%3; node "
                           "%4 has %5 allocatable); CrashLoopBackOff, %n restart(s), last %6",
                           nullptr, c.restartCount)
                            .arg(c.name, mebibytes(c.memoryLimit), mebibytes(c.memoryRequest),
                                 p.nodeName.isEmpty() ? tr("(none)") : p.nodeName, allocatable,
                                 ago(c.lastFinishedAt, now));
                    v.advice = tr("Raise its memory limit or find what grows: %1; kubectl -n %2 "
                                  "logs %3 -c %4 "
                                  "--previous")
                                   .arg(describe, p.ns, p.name, c.name);
                } else {
                    const QString last =
                        c.hasLastTermination()
                            ? tr("last exit %1 (exit code %2) %3")
                                  .arg(c.lastReason.isEmpty() ? tr("Error") : c.lastReason)
                                  .arg(c.lastExitCode)
                                  .arg(ago(c.lastFinishedAt, now))
                            : tr("no exit recorded yet");
                    v.summary =
                        tr("CrashLoopBackOff: container %1 keeps exiting, %2; %n restart(s)",
                           nullptr, c.restartCount)
                            .arg(c.name, last) +
                        hint;
                    v.advice = tr("Read why it stopped: kubectl -n %1 logs %2 -c %3 --previous")
                                   .arg(p.ns, p.name, c.name);
                }
                if (c.init)
                    v.summary = tr("init container: %1").arg(v.summary);
                return true;
            }
            if (waiting && isImagePullReason(c.reason)) {
                v.health = Health::Critical;
                v.summary =
                    tr("%1: cannot pull image %2: %3")
                        .arg(c.reason, c.image,
                             c.message.isEmpty() ? tr("no message from the registry") : c.message);
                v.advice = tr("Check the image name and tag, that the registry answers, and its "
                              "credentials "
                              "(imagePullSecrets): %1")
                               .arg(describe);
                return true;
            }
            if (waiting && c.reason == QLatin1String("CreateContainerConfigError")) {
                v.health = Health::Critical;
                v.summary =
                    tr("CreateContainerConfigError: %1")
                        .arg(c.message.isEmpty() ? tr("its configuration is invalid") : c.message);
                v.advice = tr("Create the Secret or ConfigMap the message names, or correct the "
                              "reference in the "
                              "manifest: %1")
                               .arg(describe);
                return true;
            }
            if ((waiting || c.state == QLatin1String("terminated")) && isStartFailure(c.reason)) {
                v.health = Health::Critical;
                v.summary = tr("%1: %2").arg(c.reason, c.message) + hint;
                v.advice = describe;
                return true;
            }
            if (c.state == QLatin1String("terminated") && c.reason == QLatin1String("OOMKilled")) {
                v.health = Health::Critical;
                v.status = QStringLiteral("OOMKilled");
                v.summary = tr("OOMKilled: container %1 used more than its memory limit %2 "
                               "(request %3), %4")
                                .arg(c.name, mebibytes(c.memoryLimit), mebibytes(c.memoryRequest),
                                     ago(c.finishedAt, now));
                v.advice = tr("Raise its memory limit or find what grows: %1").arg(describe);
                return true;
            }
            if (!hint.isEmpty()) {
                v.health = Health::Critical;
                v.summary = tr("container %1 cannot start its program").arg(c.name) + hint;
                v.advice = tr("kubectl -n %1 logs %2 -c %3 --previous").arg(p.ns, p.name, c.name);
                return true;
            }
        }
        return false;
    };

    if (p.phase == QLatin1String("Succeeded")) {
        v.health = Health::Ok;
        v.summary = tr("Completed");
    } else if (p.reason == QLatin1String("Evicted")) {
        v.health = Health::Warning;
        v.summary =
            tr("Evicted: %1")
                .arg(p.message.trimmed().isEmpty() ? tr("no message") : p.message.trimmed());
        v.advice = tr("Its replacement runs elsewhere if it has an owner. See why: %1; remove it: "
                      "kubectl -n %2 "
                      "delete pod %3")
                       .arg(describe, p.ns, p.name);
    } else if (p.deleting) {
        const QDateTime due = p.deletionTimestamp;
        if (due.isValid() && due.secsTo(now) > kTerminatingGrace) {
            v.health = Health::Warning;
            v.summary = tr("stuck Terminating: its grace period ended %1").arg(ago(due, now));
            v.advice = tr("Its node may be down, or a finalizer holds it: %1. Force it only when "
                          "the node is "
                          "gone: kubectl -n %2 delete pod %3 --grace-period=0 --force")
                           .arg(describe, p.ns, p.name);
        } else {
            v.health = Health::Warning;
            v.transient = true;
            v.summary = tr("Terminating");
        }
    } else if (containerProblem()) {
        // v filled in by the container that fails
    } else if (p.phase == QLatin1String("Failed")) {
        v.health = Health::Critical;
        v.summary = tr("Failed: %1").arg(p.message.isEmpty() ? p.status : p.message);
        v.advice = describe;
    } else if (p.phase == QLatin1String("Pending") &&
               p.unschedulableReason == QLatin1String("Unschedulable")) {
        v.health = Health::Warning;
        v.status = QStringLiteral("Pending");
        v.summary = tr("Unschedulable: %1")
                        .arg(p.unschedulableMessage.isEmpty() ? tr("no node fits it")
                                                              : p.unschedulableMessage);
        v.advice =
            tr("Free resources on a node, or correct its nodeSelector, affinity or tolerations: %1")
                .arg(describe);
    } else if (p.phase == QLatin1String("Pending")) {
        v.health = Health::Warning;
        if (age < kStartingSeconds) {
            v.transient = true;
            v.summary = tr("starting (%1)").arg(p.status);
        } else {
            v.summary = tr("pending for %1 min (%2)").arg(age / 60).arg(p.status);
            v.advice = tr("%1 says why (resources, node selector, volume).").arg(describe);
        }
    } else if (p.phase == QLatin1String("Running")) {
        if (p.ready) {
            v.health = Health::Ok;
            v.summary = tr("Running");
        } else {
            v.health = Health::Warning;
            v.summary = p.readyContainers == p.totalContainers && p.totalContainers > 0
                            ? tr("Running, but not Ready")
                            : tr("Running, %1 of %2 containers ready")
                                  .arg(p.readyContainers)
                                  .arg(p.totalContainers);
            if (age < kStartingSeconds) {
                v.transient = true;
            } else {
                v.advice = tr("Its readiness probe fails: %1").arg(describe);
            }
        }
    } else {
        v.health = Health::Unknown;
        v.summary = p.phase.isEmpty() ? tr("no status yet") : tr("phase %1").arg(p.phase);
    }

    if (p.status == QLatin1String("Unknown") && p.reason == QLatin1String("NodeLost")) {
        v.stale = true;
        v.health = std::max(v.health, Health::Warning);
    }
    if (node && nodeIsDown(*node) && p.phase != QLatin1String("Succeeded")) {
        const Condition *ready = node->condition(QStringLiteral("Ready"));
        const QDateTime since = ready ? ready->lastTransition : QDateTime();
        v.stale = true;
        v.transient = false;
        v.health = std::max(v.health, Health::Warning);
        v.summary = tr("node %1 unreachable since %2 — state may be stale; last known: %3")
                        .arg(node->name, clock(since), v.summary);
        // The node is the cause, whatever the pod's last state says.
        if (v.health < Health::Critical)
            v.advice = tr("kubectl describe node %1").arg(node->name);
        v.note = tr("stale");
    }
    return v;
}

Verdict Verdicts::workload(const WorkloadInfo &w, const QList<const PodInfo *> &pods,
                           const QHash<QString, const NodeInfo *> &nodes, const QDateTime &now)
{
    Verdict v;
    const QString ref = QStringLiteral("%1/%2").arg(lower(w.kind), w.name);
    const QString counts =
        w.kind == QLatin1String("Deployment")
            ? tr("%1 of %2 ready").arg(w.ready).arg(w.desired)
            : tr("%1 ready, %2 updated of %3 desired").arg(w.ready).arg(w.updated).arg(w.desired);
    v.status = QStringLiteral("%1/%2").arg(w.ready).arg(w.desired);

    // The worst pod says why replicas are missing.
    Verdict worstPod;
    bool haveWorst = false;
    int live = 0;
    int onDownNodes = 0;
    QStringList downNodes;
    for (const PodInfo *p : pods) {
        const NodeInfo *node = nodes.value(p->nodeName);
        const Verdict pv = pod(*p, node, now);
        if (pv.health > Health::Ok && (!haveWorst || pv.rank() > worstPod.rank())) {
            worstPod = pv;
            haveWorst = true;
        }
        if (p->deleting || p->phase == QLatin1String("Succeeded") ||
            p->phase == QLatin1String("Failed"))
            continue;
        ++live;
        if (node && nodeIsDown(*node)) {
            ++onDownNodes;
            if (!downNodes.contains(node->name))
                downNodes << node->name;
        }
    }
    auto withPod = [&](const QString &text) {
        // A stale pod's words are said once, for the whole workload, below.
        return haveWorst && !worstPod.stale ? tr("%1; %2").arg(text, worstPod.summary) : text;
    };

    const QString rolloutFailure = w.rolloutFailure();
    const QString replicaFailure = w.replicaFailure();
    if (!rolloutFailure.isEmpty()) {
        v.health = Health::Critical;
        v.status = QStringLiteral("ProgressDeadlineExceeded");
        v.summary = withPod(
            tr("rollout stuck (ProgressDeadlineExceeded): %1 %2").arg(rolloutFailure, counts));
        v.advice = tr("kubectl -n %1 rollout status %2; go back to the last good version: kubectl "
                      "-n %1 rollout "
                      "undo %2")
                       .arg(w.ns, ref);
        v.note = tr("rollout stuck");
    } else if (!replicaFailure.isEmpty()) {
        v.health = Health::Critical;
        v.status = QStringLiteral("ReplicaFailure");
        v.summary = tr("ReplicaFailure: %1; %2").arg(replicaFailure, counts);
        v.advice = tr("kubectl -n %1 describe %2").arg(w.ns, ref);
    } else if (w.desired == 0) {
        v.health = Health::Warning;
        v.summary = tr("scaled to 0: nothing serves it");
        v.advice = tr("kubectl -n %1 scale %2 --replicas=1").arg(w.ns, ref);
        v.note = tr("scaled to 0");
    } else if (w.ready == 0) {
        v.health = Health::Critical;
        v.summary = withPod(counts);
        v.advice = haveWorst && !worstPod.advice.isEmpty()
                       ? worstPod.advice
                       : tr("kubectl -n %1 describe %2").arg(w.ns, ref);
    } else if (w.ready < w.desired) {
        v.health = Health::Warning;
        v.summary = withPod(counts);
        v.advice = haveWorst && !worstPod.advice.isEmpty()
                       ? worstPod.advice
                       : tr("kubectl -n %1 get pods -o wide").arg(w.ns);
    } else if (!w.rolloutComplete()) {
        v.health = Health::Warning;
        v.transient = true;
        v.summary = tr("rolling out: %1 of %2 updated, %3 ready")
                        .arg(w.updated)
                        .arg(w.desired)
                        .arg(w.ready);
    } else {
        v.health = Health::Ok;
        v.summary = counts;
    }

    if (onDownNodes > 0) {
        v.stale = true;
        v.transient = false;
        const QString where = downNodes.join(QStringLiteral(", "));
        if (onDownNodes == live) {
            v.health = Health::Critical;
            v.summary =
                tr("all its pods are on %1, which is NotReady — state may be stale; last known: %2")
                    .arg(where, v.summary);
        } else {
            v.health = std::max(v.health, Health::Warning);
            v.summary =
                tr("%1 of its %2 pods are on %3, which is NotReady — state may be stale; %4")
                    .arg(onDownNodes)
                    .arg(live)
                    .arg(where, v.summary);
        }
        v.note = tr("node down");
        if (v.advice.isEmpty())
            v.advice = tr("kubectl describe node %1").arg(downNodes.value(0));
    }
    return v;
}

QString Verdicts::accessText(const KindAccess &a)
{
    const QString what =
        a.group.isEmpty() ? a.resource : QStringLiteral("%1.%2").arg(a.resource, a.group);
    switch (a.state) {
    case KindAccess::State::NotPermitted:
        return tr("this user may not %1 %2")
            .arg(a.verb.isEmpty() ? QStringLiteral("list") : a.verb, a.resource);
    case KindAccess::State::Absent:
        return tr("the API server does not serve %1").arg(what);
    case KindAccess::State::Failing:
        return a.nextTry.isValid() ? tr("%1 cannot be read: %2 (next try at %3)")
                                         .arg(a.resource, a.message, clock(a.nextTry))
                                   : tr("%1 cannot be read: %2").arg(a.resource, a.message);
    case KindAccess::State::Syncing:
        return tr("%1 are being listed").arg(a.resource);
    case KindAccess::State::Unknown:
        return tr("%1 not read yet").arg(a.resource);
    case KindAccess::State::Live:
        break;
    }
    return tr("%1 are live").arg(a.resource);
}

} // namespace labdeck::kube
