// The demo lab's "Simulate failure" switches: what the node lifecycle
// controller, the kubelet and the Deployment controller write when a kubelet
// stops posting, a node runs short of memory, a container is OOM-killed, or
// a rollout names an image no registry has. Every change is a store write,
// so watches see MODIFIED events, and Events are recorded by the component
// that would record them in a real cluster.

#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"

#include <QJsonArray>
#include <QTimer>

namespace labdeck::demolab::detail {

namespace {

const QString kUnreachableTaint = QStringLiteral("node.kubernetes.io/unreachable");
const QString kMissingTag = QStringLiteral("does-not-exist");

struct NodeCondition
{
    const char *type;
    const char *taint; // the NoSchedule taint TaintNodesByCondition adds when True
    const char *goodReason;
    const char *goodMessage;
    const char *badReason;
    const char *badMessage;
    const char *goodEvent; // what the kubelet records on the way back
    const char *badEvent;
};

// The kubelet's texts (pkg/kubelet/nodestatus/setters.go).
const NodeCondition kPressure[] = {
    {"MemoryPressure", "node.kubernetes.io/memory-pressure", "KubeletHasSufficientMemory",
     "kubelet has sufficient memory available", "KubeletHasInsufficientMemory",
     "kubelet has insufficient memory available", "NodeHasSufficientMemory",
     "NodeHasInsufficientMemory"},
    {"DiskPressure", "node.kubernetes.io/disk-pressure", "KubeletHasNoDiskPressure",
     "kubelet has no disk pressure", "KubeletHasDiskPressure", "kubelet has disk pressure",
     "NodeHasNoDiskPressure", "NodeHasDiskPressure"},
    {"PIDPressure", "node.kubernetes.io/pid-pressure", "KubeletHasSufficientPID",
     "kubelet has sufficient PID available", "KubeletHasInsufficientPID",
     "kubelet has insufficient PID available", "NodeHasSufficientPID", "NodeHasInsufficientPID"},
};

const NodeCondition *pressureCondition(const QString &type)
{
    for (const NodeCondition &c : kPressure) {
        if (type == QLatin1String(c.type))
            return &c;
    }
    return nullptr;
}

// "redis:7.4.0" -> "docker.io/library/redis:7.4.0", as containerd names it.
QString qualifiedImage(const QString &image)
{
    const QString first = image.section(QLatin1Char('/'), 0, 0);
    if (!image.contains(QLatin1Char('/')))
        return QStringLiteral("docker.io/library/") + image;
    if (!first.contains(QLatin1Char('.')) && !first.contains(QLatin1Char(':')) &&
        first != QLatin1String("localhost"))
        return QStringLiteral("docker.io/") + image;
    return image;
}

QString withoutTag(const QString &image)
{
    QString name = image.section(QLatin1Char('@'), 0, 0);
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > name.lastIndexOf(QLatin1Char('/')))
        name.truncate(colon);
    return name;
}

// What containerd's CRI answers for a tag the registry does not have.
QString pullError(const QString &image)
{
    const QString q = qualifiedImage(image);
    return QStringLiteral("rpc error: code = NotFound desc = failed to pull and unpack image "
                          "\"%1\": failed to resolve reference \"%1\": %1: not found")
        .arg(q);
}

// Sets Ready and ContainersReady (keeping the others), as the kubelet's
// status manager or MarkPodsNotReady writes them.
void setReadyConditions(QJsonObject &pod, bool ready, const QString &time,
                        const QString &reason = {}, const QString &message = {})
{
    QJsonArray conditions = jarr(pod, {"status", "conditions"});
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions.at(i).toObject();
        const QString type = c.value(QLatin1String("type")).toString();
        if (type != QLatin1String("Ready") && type != QLatin1String("ContainersReady"))
            continue;
        const QString status = ready ? QStringLiteral("True") : QStringLiteral("False");
        if (c.value(QLatin1String("status")).toString() != status)
            c.insert(QStringLiteral("lastTransitionTime"), time);
        c.insert(QStringLiteral("status"), status);
        if (reason.isEmpty()) {
            c.remove(QStringLiteral("reason"));
            c.remove(QStringLiteral("message"));
        } else {
            c.insert(QStringLiteral("reason"), reason);
            c.insert(QStringLiteral("message"), message);
        }
        conditions.replace(i, c);
    }
    jset(pod, {"status", "conditions"}, conditions);
}

} // namespace

bool Cluster::kubeletStopped(const QJsonObject &pod) const
{
    return m_stoppedKubelets.contains(jstr(pod, {"spec", "nodeName"}));
}

bool Cluster::hasMissingImage(const QJsonObject &pod) const
{
    for (const QJsonValue &c : jarr(pod, {"spec", "containers"})) {
        if (m_missingImages.contains(c.toObject().value(QLatin1String("image")).toString()))
            return true;
    }
    return false;
}

bool Cluster::oomTarget(const QJsonObject &pod) const
{
    const QJsonObject labels = jobj(pod, {"metadata", "labels"});
    for (const OomTarget &t : m_oom) {
        if (t.ns == namespaceOf(pod) && LabelSelector::fromJson(t.selector).matches(labels))
            return true;
    }
    return false;
}

// --- nodes -------------------------------------------------------------------

void Cluster::writeNodeHealth(const QString &name)
{
    QJsonObject node = m_store->get(Nodes, name);
    if (node.isEmpty())
        return;
    const bool stopped = m_stoppedKubelets.contains(name);
    const QSet<QString> pressure = m_pressure.value(name);
    const QString time = nowText();
    QStringList events; // kubelet reasons, in condition order
    QJsonArray conditions = jarr(node, {"status", "conditions"});
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions.at(i).toObject();
        const QString type = c.value(QLatin1String("type")).toString();
        const QString old = c.value(QLatin1String("status")).toString();
        QString status;
        if (stopped) {
            // The node lifecycle controller's tryUpdateNodeHealth: every
            // condition Unknown, the last heartbeat kept.
            status = QStringLiteral("Unknown");
            c.insert(QStringLiteral("reason"), QStringLiteral("NodeStatusUnknown"));
            c.insert(QStringLiteral("message"),
                     QStringLiteral("Kubelet stopped posting node status."));
        } else if (type == QLatin1String("Ready")) {
            status = QStringLiteral("True");
            c.insert(QStringLiteral("reason"), QStringLiteral("KubeletReady"));
            c.insert(QStringLiteral("message"), QStringLiteral("kubelet is posting ready status"));
            if (old != status)
                events << QStringLiteral("NodeReady");
            c.insert(QStringLiteral("lastHeartbeatTime"), time);
        } else if (const NodeCondition *p = pressureCondition(type)) {
            const bool on = pressure.contains(type);
            status = on ? QStringLiteral("True") : QStringLiteral("False");
            c.insert(QStringLiteral("reason"), QLatin1String(on ? p->badReason : p->goodReason));
            c.insert(QStringLiteral("message"), QLatin1String(on ? p->badMessage : p->goodMessage));
            if (old != status)
                events << QLatin1String(on ? p->badEvent : p->goodEvent);
            c.insert(QStringLiteral("lastHeartbeatTime"), time);
        } else {
            continue;
        }
        if (old != status)
            c.insert(QStringLiteral("lastTransitionTime"), time);
        c.insert(QStringLiteral("status"), status);
        conditions.replace(i, c);
    }
    jset(node, {"status", "conditions"}, conditions);

    // The taints the controller manages; others (cordon, control plane) stay.
    QList<QPair<QString, QString>> wanted; // key, effect
    if (stopped) {
        wanted << qMakePair(kUnreachableTaint, QStringLiteral("NoSchedule"))
               << qMakePair(kUnreachableTaint, QStringLiteral("NoExecute"));
    } else {
        for (const NodeCondition &p : kPressure) {
            if (pressure.contains(QLatin1String(p.type)))
                wanted << qMakePair(QString::fromLatin1(p.taint), QStringLiteral("NoSchedule"));
        }
    }
    QSet<QString> managed{kUnreachableTaint};
    for (const NodeCondition &p : kPressure)
        managed.insert(QLatin1String(p.taint));
    QJsonArray taints;
    for (const QJsonValue &v : jarr(node, {"spec", "taints"})) {
        const QJsonObject t = v.toObject();
        const auto id = qMakePair(t.value(QLatin1String("key")).toString(),
                                  t.value(QLatin1String("effect")).toString());
        if (!managed.contains(id.first)) {
            taints.append(t);
        } else if (wanted.contains(id)) {
            taints.append(t);
            wanted.removeAll(id);
        }
    }
    for (const auto &[key, effect] : std::as_const(wanted))
        taints.append(QJsonObject{{QStringLiteral("key"), key},
                                  {QStringLiteral("effect"), effect},
                                  {QStringLiteral("timeAdded"), time}});
    if (taints.isEmpty())
        jremove(node, {"spec", "taints"});
    else
        jset(node, {"spec", "taints"}, taints);
    node = m_store->update(Nodes, node);
    for (const QString &reason : std::as_const(events))
        recordEvent(Nodes, node, QStringLiteral("Normal"), reason,
                    QStringLiteral("Node %1 status is now: %2").arg(name, reason),
                    QStringLiteral("kubelet"), name);
}

void Cluster::setPodsReadyOnNode(const QString &node, bool ready)
{
    const QString time = nowText();
    const ObjectMap &pods = m_store->objects(Pods);
    QStringList keys;
    for (auto it = pods.cbegin(); it != pods.cend(); ++it) {
        if (jstr(it->object, {"spec", "nodeName"}) == node)
            keys << it.key();
    }
    for (const QString &key : std::as_const(keys)) {
        QJsonObject pod = m_store->get(Pods, key);
        const QString uid = uidOf(pod);
        if (podIsTerminating(pod))
            continue;
        const QString phase = jstr(pod, {"status", "phase"});
        if (!ready) {
            if (phase != QLatin1String("Running") || !podIsReady(pod))
                continue;
            // MarkPodsNotReady: Ready False, nothing else touched.
            setReadyConditions(pod, false, time);
            pod = m_store->update(Pods, pod);
            recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("NodeNotReady"),
                        QStringLiteral("Node is not ready"), QStringLiteral("node-controller"));
            continue;
        }
        // The kubelet is back: it finishes what it had not started and
        // reports its running pods Ready again.
        if (phase == QLatin1String("Pending")) {
            if (hasMissingImage(pod))
                continue;
            if (jarr(pod, {"status", "containerStatuses"}).isEmpty())
                startContainers(key, uid);
            markRunning(key, uid);
            continue;
        }
        if (phase != QLatin1String("Running") || podIsReady(pod) || oomTarget(pod))
            continue;
        setReadyConditions(pod, true, time);
        m_store->update(Pods, pod);
    }
}

bool Cluster::setKubeletStopped(const QString &node, bool stopped)
{
    if (!m_store->find(Nodes, node))
        return false;
    if (m_stoppedKubelets.contains(node) == stopped)
        return true;
    if (stopped) {
        m_stoppedKubelets.insert(node);
        writeNodeHealth(node);
        const QJsonObject n = m_store->get(Nodes, node);
        recordEvent(Nodes, n, QStringLiteral("Normal"), QStringLiteral("NodeNotReady"),
                    QStringLiteral("Node %1 status is now: NodeNotReady").arg(node),
                    QStringLiteral("node-controller"));
        setPodsReadyOnNode(node, false);
    } else {
        m_stoppedKubelets.remove(node);
        writeNodeHealth(node);
        setPodsReadyOnNode(node, true);
        const QStringList held = m_heldDeletions.take(node);
        for (const QString &key : held) {
            const QJsonObject pod = m_store->get(Pods, key);
            if (!pod.isEmpty() && podIsTerminating(pod))
                m_store->remove(Pods, key);
        }
    }
    return true;
}

bool Cluster::setNodePressure(const QString &node, const QString &conditionType, bool on)
{
    if (!m_store->find(Nodes, node) || !pressureCondition(conditionType))
        return false;
    QSet<QString> &set = m_pressure[node];
    if (set.contains(conditionType) == on)
        return true;
    if (on)
        set.insert(conditionType);
    else
        set.remove(conditionType);
    if (set.isEmpty())
        m_pressure.remove(node);
    // A stopped kubelet posts nothing; the state shows once it is back.
    if (!m_stoppedKubelets.contains(node))
        writeNodeHealth(node);
    return true;
}

// --- OOM-killed containers ----------------------------------------------------

void Cluster::crashAfterOom(const QString &key)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || podIsTerminating(pod) ||
        jstr(pod, {"status", "phase"}) != QLatin1String("Running") || kubeletStopped(pod))
        return;
    QJsonArray statuses = jarr(pod, {"status", "containerStatuses"});
    if (statuses.isEmpty())
        return;
    QJsonObject c = statuses.at(0).toObject();
    if (c.value(QLatin1String("state")).toObject().contains(QLatin1String("waiting")))
        return; // crash looping already
    const QString time = nowText();
    const QString container = c.value(QLatin1String("name")).toString();
    const QString startedAt = jstr(c, {"state", "running", "startedAt"});
    const QString node = jstr(pod, {"spec", "nodeName"});
    c.insert(QStringLiteral("lastState"),
             QJsonObject{{QStringLiteral("terminated"),
                          QJsonObject{{QStringLiteral("containerID"),
                                       c.value(QLatin1String("containerID"))},
                                      {QStringLiteral("exitCode"), 137},
                                      {QStringLiteral("finishedAt"), time},
                                      {QStringLiteral("reason"), QStringLiteral("OOMKilled")},
                                      {QStringLiteral("startedAt"),
                                       startedAt.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(startedAt)}}}});
    c.insert(QStringLiteral("state"),
             QJsonObject{
                 {QStringLiteral("waiting"),
                  QJsonObject{{QStringLiteral("reason"), QStringLiteral("CrashLoopBackOff")},
                              {QStringLiteral("message"),
                               QStringLiteral("back-off 5m0s restarting failed "
                                              "container=%1 pod=%2_%3(%4)")
                                   .arg(container, nameOf(pod), namespaceOf(pod), uidOf(pod))}}}});
    c.insert(QStringLiteral("ready"), false);
    c.insert(QStringLiteral("started"), false);
    c.insert(QStringLiteral("restartCount"), c.value(QLatin1String("restartCount")).toInt() + 1);
    statuses.replace(0, c);
    jset(pod, {"status", "containerStatuses"}, statuses);
    const QString notReady = QStringLiteral("containers with unready status: [%1]").arg(container);
    setReadyConditions(pod, false, time, QStringLiteral("ContainersNotReady"), notReady);
    pod = m_store->update(Pods, pod);
    const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(container);
    recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("OOMKilling"),
                QStringLiteral("Memory cgroup out of memory: Killed process in container %1")
                    .arg(container),
                QStringLiteral("kernel-monitor"), node);
    recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
                QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                    .arg(container, nameOf(pod), namespaceOf(pod), uidOf(pod)),
                QStringLiteral("kubelet"), node, fieldPath);
}

void Cluster::recoverFromOom(const QString &key)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || podIsTerminating(pod) || kubeletStopped(pod))
        return;
    QJsonArray statuses = jarr(pod, {"status", "containerStatuses"});
    if (statuses.isEmpty())
        return;
    QJsonObject c = statuses.at(0).toObject();
    if (jstr(c, {"state", "waiting", "reason"}) != QLatin1String("CrashLoopBackOff"))
        return;
    const QString time = nowText();
    const QString container = c.value(QLatin1String("name")).toString();
    // Restarted and running; lastState keeps the OOM kill, restartCount counts it.
    c.insert(
        QStringLiteral("state"),
        QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), time}}}});
    c.insert(QStringLiteral("ready"), true);
    c.insert(QStringLiteral("started"), true);
    statuses.replace(0, c);
    jset(pod, {"status", "containerStatuses"}, statuses);
    bool allReady = true;
    for (const QJsonValue &v : std::as_const(statuses))
        allReady = allReady && v.toObject().value(QLatin1String("ready")).toBool();
    if (allReady)
        setReadyConditions(pod, true, time);
    pod = m_store->update(Pods, pod);
    recordContainerStarted(pod, container, jstr(pod, {"spec", "nodeName"}));
}

bool Cluster::setOomKilled(const QString &ns, const QString &workload, bool on)
{
    const QString key = objectKey(ns, workload);
    QJsonObject selector;
    for (const ResourceId r : {Deployments, StatefulSets, DaemonSets}) {
        if (const StoredObject *s = m_store->find(r, key))
            selector = jobj(s->object, {"spec", "selector"});
    }
    if (selector.isEmpty())
        return false;
    if (m_oom.contains(key) == on)
        return true;
    // The pods matching now, before the target set changes.
    QStringList pods;
    const LabelSelector match = LabelSelector::fromJson(selector);
    const ObjectMap &all = m_store->objects(Pods);
    const QString prefix = ns + QLatin1Char('/');
    for (auto it = all.lowerBound(prefix); it != all.cend() && it.key().startsWith(prefix); ++it) {
        if (match.matches(jobj(it->object, {"metadata", "labels"})))
            pods << it.key();
    }
    if (on) {
        m_oom.insert(key, OomTarget{ns, selector});
        for (const QString &p : std::as_const(pods))
            crashAfterOom(p);
    } else {
        m_oom.remove(key);
        for (const QString &p : std::as_const(pods)) {
            if (!oomTarget(m_store->get(Pods, p)))
                recoverFromOom(p);
        }
    }
    return true;
}

// --- images that do not exist ------------------------------------------------

void Cluster::failImagePull(const QString &key, const QString &uid)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || uidOf(pod) != uid || podIsTerminating(pod))
        return;
    const QString nodeName = jstr(pod, {"spec", "nodeName"});
    const QJsonObject node = m_store->get(Nodes, nodeName);
    const QString time = nowText();
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    // The sandbox is up (it has an IP); only the image is missing.
    const QJsonObject running = runningStatus(pod, node);
    for (const char *field : {"hostIP", "hostIPs", "podIP", "podIPs", "qosClass"})
        status.insert(QLatin1String(field), running.value(QLatin1String(field)));
    status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
    if (!status.contains(QLatin1String("startTime")))
        status.insert(QStringLiteral("startTime"), time);
    QStringList failing;
    QJsonArray statuses;
    const QJsonArray runningStatuses = running.value(QLatin1String("containerStatuses")).toArray();
    const QJsonArray containers = jarr(pod, {"spec", "containers"});
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QString image = c.value(QLatin1String("image")).toString();
        if (!m_missingImages.contains(image)) {
            statuses.append(runningStatuses.at(i));
            continue;
        }
        failing << c.value(QLatin1String("name")).toString();
        statuses.append(QJsonObject{
            {QStringLiteral("name"), c.value(QLatin1String("name"))},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageID"), QString()},
            {QStringLiteral("ready"), false},
            {QStringLiteral("started"), false},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("lastState"), QJsonObject()},
            {QStringLiteral("state"),
             QJsonObject{{QStringLiteral("waiting"),
                          QJsonObject{{QStringLiteral("reason"), QStringLiteral("ErrImagePull")},
                                      {QStringLiteral("message"), pullError(image)}}}}}});
    }
    const QString notReady =
        QStringLiteral("containers with unready status: [%1]").arg(failing.join(QLatin1Char(' ')));
    auto cond = [&](const char *type, bool ok, const QString &reason = {}) {
        QJsonObject c{
            {QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("status"), ok ? QStringLiteral("True") : QStringLiteral("False")},
            {QStringLiteral("lastProbeTime"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("lastTransitionTime"), time}};
        if (!reason.isEmpty()) {
            c.insert(QStringLiteral("reason"), reason);
            c.insert(QStringLiteral("message"), notReady);
        }
        return c;
    };
    status.insert(QStringLiteral("conditions"),
                  QJsonArray{cond("PodReadyToStartContainers", true), cond("Initialized", true),
                             cond("Ready", false, QStringLiteral("ContainersNotReady")),
                             cond("ContainersReady", false, QStringLiteral("ContainersNotReady")),
                             cond("PodScheduled", true)});
    status.insert(QStringLiteral("containerStatuses"), statuses);
    pod.insert(QStringLiteral("status"), status);
    pod = m_store->update(Pods, pod);
    for (const QJsonValue &v : containers) {
        const QJsonObject c = v.toObject();
        const QString image = c.value(QLatin1String("image")).toString();
        if (!m_missingImages.contains(image))
            continue;
        const QString fieldPath =
            QStringLiteral("spec.containers{%1}").arg(c.value(QLatin1String("name")).toString());
        const QString k = QStringLiteral("kubelet");
        recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Pulling"),
                    QStringLiteral("Pulling image \"%1\"").arg(image), k, nodeName, fieldPath);
        recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                    QStringLiteral("Failed to pull image \"%1\": %2").arg(image, pullError(image)),
                    k, nodeName, fieldPath);
        recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                    QStringLiteral("Error: ErrImagePull"), k, nodeName, fieldPath);
    }
    // The kubelet backs off before it tries again.
    const auto backOff = std::max(m_readyDelay, std::chrono::milliseconds(20));
    QTimer::singleShot(backOff, this, [this, key, uid] { imagePullBackOff(key, uid); });
}

void Cluster::imagePullBackOff(const QString &key, const QString &uid)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || uidOf(pod) != uid || podIsTerminating(pod) || kubeletStopped(pod))
        return;
    QJsonArray statuses = jarr(pod, {"status", "containerStatuses"});
    const QString nodeName = jstr(pod, {"spec", "nodeName"});
    QStringList images;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        QJsonObject c = statuses.at(i).toObject();
        if (jstr(c, {"state", "waiting", "reason"}) != QLatin1String("ErrImagePull"))
            continue;
        const QString image = c.value(QLatin1String("image")).toString();
        c.insert(QStringLiteral("state"),
                 QJsonObject{
                     {QStringLiteral("waiting"),
                      QJsonObject{{QStringLiteral("reason"), QStringLiteral("ImagePullBackOff")},
                                  {QStringLiteral("message"),
                                   QStringLiteral("Back-off pulling image \"%1\"").arg(image)}}}});
        statuses.replace(i, c);
        images << c.value(QLatin1String("name")).toString() << image;
    }
    if (images.isEmpty())
        return;
    jset(pod, {"status", "containerStatuses"}, statuses);
    pod = m_store->update(Pods, pod);
    for (qsizetype i = 0; i + 1 < images.size(); i += 2) {
        const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(images.at(i));
        const QString k = QStringLiteral("kubelet");
        recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("BackOff"),
                    QStringLiteral("Back-off pulling image \"%1\"").arg(images.at(i + 1)), k,
                    nodeName, fieldPath);
        recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                    QStringLiteral("Error: ImagePullBackOff"), k, nodeName, fieldPath);
    }
}

bool Cluster::setBadImage(const QString &ns, const QString &deployment, bool on)
{
    const QString key = objectKey(ns, deployment);
    QJsonObject d = m_store->get(Deployments, key);
    if (d.isEmpty())
        return false;
    if (m_badImages.contains(key) == on)
        return true;
    QJsonArray containers = jarr(d, {"spec", "template", "spec", "containers"});
    if (containers.isEmpty())
        return false;
    QJsonObject c = containers.at(0).toObject();
    const QString current = c.value(QLatin1String("image")).toString();
    QString image;
    if (on) {
        image = withoutTag(current) + QLatin1Char(':') + kMissingTag;
        m_missingImages.insert(image);
        m_badImages.insert(key, current);
    } else {
        image = m_badImages.take(key);
    }
    c.insert(QStringLiteral("image"), image);
    containers.replace(0, c);
    jset(d, {"spec", "template", "spec", "containers"}, containers);
    m_store->update(Deployments, d); // a new rollout, as `kubectl set image` starts
    return true;
}

bool Cluster::rolloutTimedOut(const QString &key, const QString &signature)
{
    if (m_instant)
        return false;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    Progress &p = m_progress[key];
    if (p.signature != signature) {
        // Progress: the deadline starts again (the controller's lastUpdateTime).
        p.signature = signature;
        p.sinceMs = nowMs;
    }
    qint64 deadline = m_progressDeadline.count();
    if (deadline <= 0)
        deadline =
            jint(m_store->get(Deployments, key), {"spec", "progressDeadlineSeconds"}, 600) * 1000;
    const qint64 left = p.sinceMs + deadline - nowMs;
    if (left <= 0)
        return true;
    if (!p.armed) {
        p.armed = true;
        QTimer::singleShot(std::chrono::milliseconds(left + 5), this, [this, key] {
            const auto it = m_progress.find(key);
            if (it != m_progress.end())
                it->armed = false;
            markDirty(Deployments, key);
        });
    }
    return false;
}

void Cluster::setHeartbeatInterval(std::chrono::milliseconds interval)
{
    if (!m_heartbeat) {
        m_heartbeat = new QTimer(this);
        connect(m_heartbeat, &QTimer::timeout, this, [this] {
            const QStringList nodes = m_store->objects(Nodes).keys();
            for (const QString &node : nodes) {
                if (!m_stoppedKubelets.contains(node))
                    writeNodeHealth(node);
            }
        });
    }
    m_heartbeat->stop();
    if (interval.count() > 0)
        m_heartbeat->start(interval);
}

void Cluster::undoFailures()
{
    const QStringList badImages = m_badImages.keys();
    for (const QString &key : badImages)
        setBadImage(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1), false);
    const QStringList oom = m_oom.keys();
    for (const QString &key : oom)
        setOomKilled(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1), false);
    const QList<QString> pressured = m_pressure.keys();
    for (const QString &node : pressured) {
        const QSet<QString> types = m_pressure.value(node);
        for (const QString &type : types)
            setNodePressure(node, type, false);
    }
    const QSet<QString> stopped = m_stoppedKubelets;
    for (const QString &node : stopped)
        setKubeletStopped(node, false);
}

} // namespace labdeck::demolab::detail
