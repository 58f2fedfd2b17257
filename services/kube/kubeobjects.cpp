#include "kube/kubeobjects.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>

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
        out << Condition{str(c, "type"),
                         str(c, "status"),
                         str(c, "reason"),
                         str(c, "message"),
                         parseTime(str(c, "lastTransitionTime")),
                         parseTime(str(c, "lastHeartbeatTime"))};
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
        if (c.lastHeartbeat.isValid() &&
            (!n.lastHeartbeat.isValid() || c.lastHeartbeat > n.lastHeartbeat))
            n.lastHeartbeat = c.lastHeartbeat;
        if (c.type == QLatin1String("Ready")) {
            n.readyStatus = c.status;
            n.readyKnown = c.status != QLatin1String("Unknown");
            n.ready = c.status == QLatin1String("True");
            n.readyReason = c.reason;
            n.readyMessage = c.message;
            n.readySince = c.lastTransition;
        }
    }
    const QJsonArray taints = spec.value(QLatin1String("taints")).toArray();
    for (const QJsonValue &v : taints) {
        const QJsonObject t = v.toObject();
        n.taints << Taint{str(t, "key"), str(t, "value"), str(t, "effect"),
                          parseTime(str(t, "timeAdded"))};
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
    p.reason = str(status, "reason");
    p.message = str(status, "message");
    p.deletionTimestamp = parseTime(str(meta, "deletionTimestamp"));
    p.status = kubectlPodStatus(pod);

    // Container details: the spec's resources joined with the statuses by name.
    auto details = [&](const char *specKey, const char *statusKey, bool init) {
        // A handful of containers: a scan is cheaper than a hash per pod.
        const QJsonArray statusList = status.value(QLatin1String(statusKey)).toArray();
        auto statusOf = [&statusList](const QString &name) {
            for (const QJsonValue &v : statusList) {
                const QJsonObject o = v.toObject();
                if (o.value(QLatin1String("name")).toString() == name)
                    return o;
            }
            return QJsonObject();
        };
        for (const QJsonValue &v : spec.value(QLatin1String(specKey)).toArray()) {
            const QJsonObject c = v.toObject();
            ContainerInfo info;
            info.name = str(c, "name");
            info.image = str(c, "image");
            info.init = init;
            const QJsonObject resources = obj(c, "resources");
            info.memoryRequest = str(obj(resources, "requests"), "memory");
            info.memoryLimit = str(obj(resources, "limits"), "memory");
            const QJsonObject cs = statusOf(info.name);
            info.ready = cs.value(QLatin1String("ready")).toBool();
            info.restartCount = cs.value(QLatin1String("restartCount")).toInt();
            const QJsonObject state = obj(cs, "state");
            for (const char *name : {"waiting", "terminated", "running"}) {
                if (state.contains(QLatin1String(name))) {
                    const QJsonObject st = obj(state, name);
                    info.state = QLatin1String(name);
                    info.reason = str(st, "reason");
                    info.message = str(st, "message");
                    info.exitCode = st.value(QLatin1String("exitCode")).toInt();
                    info.finishedAt = parseTime(str(st, "finishedAt"));
                    break;
                }
            }
            const QJsonObject lastState = obj(cs, "lastState");
            if (!lastState.isEmpty()) {
                const QJsonObject last = obj(lastState, "terminated");
                info.lastReason = str(last, "reason");
                info.lastExitCode = last.value(QLatin1String("exitCode")).toInt();
                info.lastMessage = str(last, "message");
                info.lastFinishedAt = parseTime(str(last, "finishedAt"));
            }
            p.containerDetails << info;
        }
    };
    details("initContainers", "initContainerStatuses", true);
    details("containers", "containerStatuses", false);
    const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
    for (const QJsonValue &v : statuses) {
        const QJsonObject cs = v.toObject();
        if (cs.value(QLatin1String("ready")).toBool())
            ++p.readyContainers;
        p.restarts += cs.value(QLatin1String("restartCount")).toInt();
    }
    for (const Condition &c : conditions(status)) {
        if (c.type == QLatin1String("Ready"))
            p.ready = c.status == QLatin1String("True");
        if (c.type == QLatin1String("PodScheduled") && c.status == QLatin1String("False")) {
            p.unschedulableReason = c.reason;
            p.unschedulableMessage = c.message;
        }
    }

    const QJsonArray owners = meta.value(QLatin1String("ownerReferences")).toArray();
    for (const QJsonValue &v : owners) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind");
        const QString name = str(o, "name");
        if (kind == QLatin1String("ReplicaSet")) {
            p.workloadKind = QStringLiteral("Deployment");
            p.workloadName = deploymentOf(
                name, obj(meta, "labels").value(QLatin1String("pod-template-hash")).toString());
        } else if (kind == QLatin1String("Node")) {
            // A static pod (etcd, kube-apiserver): named <component>-<node>.
            p.workloadKind = QStringLiteral("StaticPod");
            p.workloadName = p.name.endsWith(QLatin1Char('-') + name)
                                 ? p.name.left(p.name.size() - name.size() - 1)
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
        w.desired = spec.contains(QLatin1String("replicas"))
                        ? spec.value(QLatin1String("replicas")).toInt()
                        : 1;
        w.current = status.value(QLatin1String("replicas")).toInt();
        w.ready = status.value(QLatin1String("readyReplicas")).toInt();
        w.updated = status.value(QLatin1String("updatedReplicas")).toInt();
        w.available = status.value(QLatin1String("availableReplicas")).toInt();
        w.updateStrategy = w.kind == QLatin1String("Deployment")
                               ? str(obj(spec, "strategy"), "type")
                               : str(obj(spec, "updateStrategy"), "type");
        if (w.kind == QLatin1String("StatefulSet") &&
            !status.contains(QLatin1String("updatedReplicas")))
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

QString WorkloadInfo::replicaFailure() const
{
    for (const Condition &c : conditions) {
        if (c.type == QLatin1String("ReplicaFailure") && c.status == QLatin1String("True"))
            return c.message.isEmpty() ? c.reason : c.message;
    }
    return {};
}

const Condition *NodeInfo::condition(const QString &type) const
{
    for (const Condition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

bool NodeInfo::hasTaint(const QString &key) const
{
    return std::any_of(taints.cbegin(), taints.cend(),
                       [&key](const Taint &t) { return t.key == key; });
}

QString kubectlPodStatus(const QJsonObject &pod)
{
    // The order of kubectl's pod printer: the phase, overridden by the pod's
    // reason, by the first failing init container, else by the app
    // containers (the first one in the list wins), then by deletion.
    const QJsonObject meta = obj(pod, "metadata");
    const QJsonObject spec = obj(pod, "spec");
    const QJsonObject status = obj(pod, "status");
    const QString phase = str(status, "phase");
    QString reason = phase;
    if (!str(status, "reason").isEmpty())
        reason = str(status, "reason");

    const QJsonArray conditionList = status.value(QLatin1String("conditions")).toArray();
    auto conditionTrue = [&conditionList](const char *type) {
        for (const QJsonValue &v : conditionList) {
            if (str(v.toObject(), "type") == QLatin1String(type))
                return str(v.toObject(), "status") == QLatin1String("True");
        }
        return false;
    };
    auto exitText = [](const QJsonObject &terminated, const QString &prefix) {
        const int signal = terminated.value(QLatin1String("signal")).toInt();
        return signal != 0 ? prefix + QStringLiteral("Signal:%1").arg(signal)
                           : prefix + QStringLiteral("ExitCode:%1")
                                          .arg(terminated.value(QLatin1String("exitCode")).toInt());
    };

    bool initializing = false;
    const QJsonArray inits = status.value(QLatin1String("initContainerStatuses")).toArray();
    const qsizetype initCount = spec.value(QLatin1String("initContainers")).toArray().size();
    for (qsizetype i = 0; i < inits.size(); ++i) {
        const QJsonObject cs = inits.at(i).toObject();
        const QJsonObject state = obj(cs, "state");
        const QJsonObject terminated = obj(state, "terminated");
        const QJsonObject waiting = obj(state, "waiting");
        if (state.contains(QLatin1String("terminated")) &&
            terminated.value(QLatin1String("exitCode")).toInt() == 0)
            continue;
        if (state.contains(QLatin1String("running")) && cs.value(QLatin1String("started")).toBool())
            continue; // a sidecar (restartable init container) that has started
        if (state.contains(QLatin1String("terminated"))) {
            reason = str(terminated, "reason").isEmpty()
                         ? exitText(terminated, QStringLiteral("Init:"))
                         : QStringLiteral("Init:") + str(terminated, "reason");
        } else if (!str(waiting, "reason").isEmpty() &&
                   str(waiting, "reason") != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + str(waiting, "reason");
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(qMax(initCount, inits.size()));
        }
        initializing = true;
        break;
    }
    if (!initializing || conditionTrue("Initialized")) {
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses.at(i).toObject();
            const QJsonObject state = obj(cs, "state");
            const QJsonObject terminated = obj(state, "terminated");
            const QString waitingReason = str(obj(state, "waiting"), "reason");
            if (!waitingReason.isEmpty())
                reason = waitingReason;
            else if (state.contains(QLatin1String("terminated")) &&
                     !str(terminated, "reason").isEmpty())
                reason = str(terminated, "reason");
            else if (state.contains(QLatin1String("terminated")))
                reason = exitText(terminated, QString());
            else if (cs.value(QLatin1String("ready")).toBool() &&
                     state.contains(QLatin1String("running")))
                hasRunning = true;
        }
        if (reason == QLatin1String("Completed") && hasRunning)
            reason =
                conditionTrue("Ready") ? QStringLiteral("Running") : QStringLiteral("NotReady");
    }
    if (meta.contains(QLatin1String("deletionTimestamp"))) {
        if (str(status, "reason") == QLatin1String("NodeLost"))
            reason = QStringLiteral("Unknown");
        else if (phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed"))
            reason = QStringLiteral("Terminating");
    }
    return reason;
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
