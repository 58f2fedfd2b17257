#include "kube/kubeobjects.h"

#include <QJsonArray>

namespace labdeck::kube {

namespace {

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QMap<QString, QString> stringMap(const QJsonObject &o)
{
    QMap<QString, QString> out;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QList<Condition> conditions(const QJsonObject &status)
{
    QList<Condition> out;
    const QJsonArray list = status.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        out << Condition{str(c, "type"), str(c, "status"), str(c, "reason"), str(c, "message"),
                         parseTime(str(c, "lastTransitionTime"))};
    }
    return out;
}

// Strips the pod-template-hash suffix of a ReplicaSet name: web-7d4b578979 -> web.
QString deploymentOf(const QString &replicaSet, const QString &hash)
{
    if (!hash.isEmpty() && replicaSet.endsWith(QLatin1Char('-') + hash))
        return replicaSet.left(replicaSet.size() - hash.size() - 1);
    const qsizetype dash = replicaSet.lastIndexOf(QLatin1Char('-'));
    return dash > 0 ? replicaSet.left(dash) : replicaSet;
}

} // namespace

QDateTime parseTime(const QString &rfc3339)
{
    if (rfc3339.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(rfc3339, Qt::ISODate);
    return t.toUTC();
}

NodeInfo parseNode(const QJsonObject &node)
{
    NodeInfo n;
    const QJsonObject meta = obj(node, "metadata");
    const QJsonObject spec = obj(node, "spec");
    const QJsonObject status = obj(node, "status");
    n.name = str(meta, "name");
    n.uid = str(meta, "uid");
    n.labels = stringMap(obj(meta, "labels"));
    n.created = parseTime(str(meta, "creationTimestamp"));
    n.resourceVersion = str(meta, "resourceVersion");
    const QString rolePrefix = QStringLiteral("node-role.kubernetes.io/");
    for (auto it = n.labels.cbegin(); it != n.labels.cend(); ++it) {
        if (it.key().startsWith(rolePrefix))
            n.roles << it.key().mid(rolePrefix.size());
    }
    n.unschedulable = spec.value(QLatin1String("unschedulable")).toBool();
    const QJsonObject info = obj(status, "nodeInfo");
    n.kubeletVersion = str(info, "kubeletVersion");
    n.architecture = str(info, "architecture");
    n.cpuCapacity = str(obj(status, "capacity"), "cpu");
    n.memoryCapacity = str(obj(status, "capacity"), "memory");
    n.cpuAllocatable = str(obj(status, "allocatable"), "cpu");
    n.memoryAllocatable = str(obj(status, "allocatable"), "memory");
    n.conditions = conditions(status);
    for (const Condition &c : n.conditions) {
        if (c.type == QLatin1String("Ready")) {
            n.readyKnown = c.status != QLatin1String("Unknown");
            n.ready = c.status == QLatin1String("True");
            n.readyReason = c.reason;
        }
    }
    return n;
}

PodInfo parsePod(const QJsonObject &pod)
{
    PodInfo p;
    const QJsonObject meta = obj(pod, "metadata");
    const QJsonObject spec = obj(pod, "spec");
    const QJsonObject status = obj(pod, "status");
    p.ns = str(meta, "namespace");
    p.name = str(meta, "name");
    p.uid = str(meta, "uid");
    p.created = parseTime(str(meta, "creationTimestamp"));
    p.resourceVersion = str(meta, "resourceVersion");
    p.deleting = meta.contains(QLatin1String("deletionTimestamp"));
    p.nodeName = str(spec, "nodeName");
    const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
    for (const QJsonValue &c : containers) {
        p.containers << str(c.toObject(), "name");
        p.images << str(c.toObject(), "image");
    }
    p.totalContainers = int(p.containers.size());
    p.phase = str(status, "phase");
    p.status = p.phase;
    if (!str(status, "reason").isEmpty())
        p.status = str(status, "reason");
    const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
    for (const QJsonValue &v : statuses) {
        const QJsonObject cs = v.toObject();
        if (cs.value(QLatin1String("ready")).toBool())
            ++p.readyContainers;
        p.restarts += cs.value(QLatin1String("restartCount")).toInt();
        const QJsonObject state = obj(cs, "state");
        const QString waiting = str(obj(state, "waiting"), "reason");
        const QString terminated = str(obj(state, "terminated"), "reason");
        // As kubectl: a waiting or terminated reason of a container says more
        // than the pod phase.
        if (!waiting.isEmpty())
            p.status = waiting;
        else if (!terminated.isEmpty() && p.status == p.phase)
            p.status = terminated;
    }
    for (const Condition &c : conditions(status)) {
        if (c.type == QLatin1String("Ready"))
            p.ready = c.status == QLatin1String("True");
    }
    if (p.deleting)
        p.status = QStringLiteral("Terminating");

    const QJsonArray owners = meta.value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind");
        const QString name = str(o, "name");
        if (kind == QLatin1String("ReplicaSet")) {
            p.workloadKind = QStringLiteral("Deployment");
            p.workloadName = deploymentOf(name, obj(meta, "labels").value(QLatin1String("pod-template-hash")).toString());
        } else if (kind == QLatin1String("Node")) {
            // A static pod (etcd, kube-apiserver): named <component>-<node>.
            p.workloadKind = QStringLiteral("StaticPod");
            p.workloadName = p.name.endsWith(QLatin1Char('-') + name) ? p.name.left(p.name.size() - name.size() - 1)
                                                                       : p.name;
        } else {
            p.workloadKind = kind;
            p.workloadName = name;
        }
        break;
    }
    return p;
}

WorkloadInfo parseWorkload(const QJsonObject &object, const QString &kind)
{
    WorkloadInfo w;
    const QJsonObject meta = obj(object, "metadata");
    const QJsonObject spec = obj(object, "spec");
    const QJsonObject status = obj(object, "status");
    const QJsonObject tmpl = obj(spec, "template");
    w.kind = str(object, "kind").isEmpty() ? kind : str(object, "kind");
    w.ns = str(meta, "namespace");
    w.name = str(meta, "name");
    w.uid = str(meta, "uid");
    w.generation = meta.value(QLatin1String("generation")).toInteger();
    w.created = parseTime(str(meta, "creationTimestamp"));
    w.resourceVersion = str(meta, "resourceVersion");
    w.observedGeneration = status.value(QLatin1String("observedGeneration")).toInteger();
    w.selector = stringMap(obj(obj(spec, "selector"), "matchLabels"));
    w.nodeSelector = stringMap(obj(obj(tmpl, "spec"), "nodeSelector"));
    w.restartedAt = obj(obj(tmpl, "metadata"), "annotations")
                        .value(QLatin1String("kubectl.kubernetes.io/restartedAt"))
                        .toString();
    const QJsonArray containers = obj(tmpl, "spec").value(QLatin1String("containers")).toArray();
    for (const QJsonValue &c : containers)
        w.images << str(c.toObject(), "image");
    w.paused = spec.value(QLatin1String("paused")).toBool();
    w.conditions = conditions(status);
    if (w.kind == QLatin1String("DaemonSet")) {
        w.desired = status.value(QLatin1String("desiredNumberScheduled")).toInt();
        w.current = status.value(QLatin1String("currentNumberScheduled")).toInt();
        w.ready = status.value(QLatin1String("numberReady")).toInt();
        w.updated = status.value(QLatin1String("updatedNumberScheduled")).toInt();
        w.available = status.value(QLatin1String("numberAvailable")).toInt();
        w.updateStrategy = str(obj(spec, "updateStrategy"), "type");
    } else {
        // spec.replicas defaults to 1 when omitted.
        w.desired = spec.contains(QLatin1String("replicas")) ? spec.value(QLatin1String("replicas")).toInt() : 1;
        w.current = status.value(QLatin1String("replicas")).toInt();
        w.ready = status.value(QLatin1String("readyReplicas")).toInt();
        w.updated = status.value(QLatin1String("updatedReplicas")).toInt();
        w.available = status.value(QLatin1String("availableReplicas")).toInt();
        w.updateStrategy = w.kind == QLatin1String("Deployment") ? str(obj(spec, "strategy"), "type")
                                                                  : str(obj(spec, "updateStrategy"), "type");
        if (w.kind == QLatin1String("StatefulSet") && !status.contains(QLatin1String("updatedReplicas")))
            w.updated = status.value(QLatin1String("currentReplicas")).toInt();
    }
    return w;
}

bool WorkloadInfo::rolloutComplete() const
{
    return observedGeneration >= generation && updated >= desired && ready >= desired &&
           current <= desired;
}

QString WorkloadInfo::rolloutFailure() const
{
    for (const Condition &c : conditions) {
        if (c.type == QLatin1String("Progressing") && c.status == QLatin1String("False") &&
            c.reason == QLatin1String("ProgressDeadlineExceeded"))
            return c.message;
    }
    return {};
}

EventInfo parseEvent(const QJsonObject &event)
{
    EventInfo e;
    const QJsonObject meta = obj(event, "metadata");
    e.ns = str(meta, "namespace");
    e.name = str(meta, "name");
    e.resourceVersion = str(meta, "resourceVersion");
    e.type = str(event, "type");
    e.reason = str(event, "reason");
    e.message = str(event, "message");
    const QJsonObject involved = obj(event, "involvedObject");
    e.objectKind = str(involved, "kind");
    e.objectName = str(involved, "name");
    e.count = qMax(1, event.value(QLatin1String("count")).toInt());
    e.source = str(obj(event, "source"), "component");
    if (e.source.isEmpty())
        e.source = str(event, "reportingComponent");
    for (const char *field : {"lastTimestamp", "eventTime", "firstTimestamp"}) {
        e.lastSeen = parseTime(str(event, field));
        if (e.lastSeen.isValid())
            break;
    }
    if (!e.lastSeen.isValid())
        e.lastSeen = parseTime(str(meta, "creationTimestamp"));
    return e;
}

} // namespace labdeck::kube
