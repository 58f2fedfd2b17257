#include "demolab/cluster_helpers_p.h"
#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"

#include <QJsonArray>
#include <QTimer>
#include <algorithm>

// The kubelet: starting containers, running pods' status, and graceful
// deletion.

namespace labdeck::demolab::detail {

using namespace std::chrono_literals;

void Cluster::startContainers(const QString &key, const QString &uid)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || uidOf(pod) != uid || podIsTerminating(pod) ||
        jstr(pod, {"status", "phase"}) != QLatin1String("Pending"))
        return;
    if (kubeletStopped(pod))
        return; // nobody starts it until the kubelet is back
    if (hasMissingImage(pod)) {
        failImagePull(key, uid);
        return;
    }
    const QString nodeName = jstr(pod, {"spec", "nodeName"});
    const QJsonObject node = m_store->get(Nodes, nodeName);
    const QString time = nowText();
    const QStringList names = containerNames(pod);
    const QString notReady =
        QStringLiteral("containers with unready status: [%1]").arg(names.join(QLatin1Char(' ')));
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const QString hostIp = nodeInternalIp(node);
    status.insert(QStringLiteral("hostIP"), hostIp);
    status.insert(QStringLiteral("hostIPs"),
                  QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}});
    status.insert(QStringLiteral("startTime"), time);
    status.insert(QStringLiteral("conditions"),
                  QJsonArray{condition(QStringLiteral("PodReadyToStartContainers"), false, time),
                             condition(QStringLiteral("Initialized"), true, time),
                             condition(QStringLiteral("Ready"), false, time,
                                       QStringLiteral("ContainersNotReady"), notReady),
                             condition(QStringLiteral("ContainersReady"), false, time,
                                       QStringLiteral("ContainersNotReady"), notReady),
                             condition(QStringLiteral("PodScheduled"), true, time)});
    QJsonArray statuses;
    for (const QJsonValue &v : jarr(pod, {"spec", "containers"})) {
        const QJsonObject c = v.toObject();
        statuses.append(QJsonObject{
            {QStringLiteral("name"), c.value(QLatin1String("name"))},
            {QStringLiteral("image"), c.value(QLatin1String("image"))},
            {QStringLiteral("imageID"), QString()},
            {QStringLiteral("ready"), false},
            {QStringLiteral("started"), false},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("lastState"), QJsonObject()},
            {QStringLiteral("state"),
             QJsonObject{
                 {QStringLiteral("waiting"),
                  QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}}}}});
    }
    status.insert(QStringLiteral("containerStatuses"), statuses);
    pod.insert(QStringLiteral("status"), status);
    pod = m_store->update(Pods, pod);
    for (const QJsonValue &v : jarr(pod, {"spec", "containers"})) {
        const QJsonObject c = v.toObject();
        recordEvent(
            Pods, pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
            QStringLiteral("Container image \"%1\" already present on machine")
                .arg(c.value(QLatin1String("image")).toString()),
            QStringLiteral("kubelet"), nodeName,
            QStringLiteral("spec.containers{%1}").arg(c.value(QLatin1String("name")).toString()));
    }
}

QJsonObject Cluster::runningStatus(const QJsonObject &pod, const QJsonObject &node)
{
    const QString time = nowText();
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const QString hostIp = nodeInternalIp(node);
    const bool hostNetwork = jget(pod, {"spec", "hostNetwork"}).toBool();
    QString podIp = status.value(QLatin1String("podIP")).toString();
    if (podIp.isEmpty())
        podIp = hostNetwork ? hostIp : allocatePodIp(nameOf(node), node);
    status.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    status.insert(QStringLiteral("hostIP"), hostIp);
    status.insert(QStringLiteral("hostIPs"),
                  QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}});
    status.insert(QStringLiteral("podIP"), podIp);
    status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}});
    if (!status.contains(QLatin1String("startTime")))
        status.insert(QStringLiteral("startTime"), time);
    const QJsonArray conditions{condition(QStringLiteral("PodReadyToStartContainers"), true, time),
                                condition(QStringLiteral("Initialized"), true, time),
                                condition(QStringLiteral("Ready"), true, time),
                                condition(QStringLiteral("ContainersReady"), true, time),
                                condition(QStringLiteral("PodScheduled"), true, time)};
    status.insert(
        QStringLiteral("conditions"),
        carryTransitions(conditions, status.value(QLatin1String("conditions")).toArray()));
    QJsonArray statuses;
    const QString podUid = uidOf(pod);
    for (const QJsonValue &v : jarr(pod, {"spec", "containers"})) {
        const QJsonObject c = v.toObject();
        const QString image = c.value(QLatin1String("image")).toString();
        // The runtime reports images fully qualified: docker.io/library/redis.
        QString qualified =
            image.left(image.lastIndexOf(QLatin1Char(':')) > image.lastIndexOf(QLatin1Char('/'))
                           ? image.lastIndexOf(QLatin1Char(':'))
                           : image.size());
        const QString first = qualified.section(QLatin1Char('/'), 0, 0);
        if (!qualified.contains(QLatin1Char('/')))
            qualified = QStringLiteral("docker.io/library/") + qualified;
        else if (!first.contains(QLatin1Char('.')) && !first.contains(QLatin1Char(':')) &&
                 first != QLatin1String("localhost"))
            qualified = QStringLiteral("docker.io/") + qualified;
        statuses.append(QJsonObject{
            {QStringLiteral("name"), c.value(QLatin1String("name"))},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageID"), qualified + QStringLiteral("@sha256:") + hex64(image)},
            {QStringLiteral("containerID"),
             QStringLiteral("containerd://") +
                 hex64(podUid + c.value(QLatin1String("name")).toString())},
            {QStringLiteral("ready"), true},
            {QStringLiteral("started"), true},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("lastState"), QJsonObject()},
            {QStringLiteral("state"),
             QJsonObject{
                 {QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), time}}}}}});
    }
    status.insert(QStringLiteral("containerStatuses"), statuses);
    status.insert(QStringLiteral("qosClass"),
                  qosClass(pod.value(QLatin1String("spec")).toObject()));
    return status;
}

void Cluster::markRunning(const QString &key, const QString &uid)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || uidOf(pod) != uid || podIsTerminating(pod))
        return;
    if (kubeletStopped(pod) || hasMissingImage(pod))
        return;
    const QString nodeName = jstr(pod, {"spec", "nodeName"});
    pod.insert(QStringLiteral("status"), runningStatus(pod, m_store->get(Nodes, nodeName)));
    pod = m_store->update(Pods, pod);
    for (const QString &name : containerNames(pod))
        recordContainerStarted(pod, name, nodeName);
    if (oomTarget(pod))
        crashAfterOom(key);
}

void Cluster::recordContainerStarted(const QJsonObject &pod, const QString &container,
                                     const QString &nodeName)
{
    const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(container);
    recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Created"),
                QStringLiteral("Created container %1").arg(container), QStringLiteral("kubelet"),
                nodeName, fieldPath);
    recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                QStringLiteral("Started container %1").arg(container), QStringLiteral("kubelet"),
                nodeName, fieldPath);
}

QJsonObject Cluster::createRunningPod(QJsonObject pod, const QString &nodeName)
{
    jset(pod, {"spec", "nodeName"}, nodeName);
    applyDefaults(Pods, pod);
    const QJsonObject node = m_store->get(Nodes, nodeName);
    pod.insert(QStringLiteral("status"), runningStatus(pod, node));
    return m_store->create(Pods, pod);
}

void Cluster::createRunningPods(const QJsonObject &podTemplate, const QStringList &names,
                                const QList<QJsonObject> &labels, const QStringList &nodes)
{
    if (nodes.isEmpty())
        return;
    QList<QJsonObject> prototypes;
    for (const QString &node : nodes) {
        QJsonObject pod = podTemplate;
        jset(pod, {"spec", "nodeName"}, node);
        applyDefaults(Pods, pod);
        pod.insert(QStringLiteral("status"), runningStatus(pod, m_store->get(Nodes, node)));
        prototypes << pod;
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const qsizetype n = i % nodes.size();
        QJsonObject pod = prototypes.at(n);
        QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("name"), names.at(i));
        meta.insert(QStringLiteral("labels"), labels.value(i));
        pod.insert(QStringLiteral("metadata"), meta);
        QJsonObject status = pod.value(QLatin1String("status")).toObject();
        const QString ip = allocatePodIp(nodes.at(n), m_store->get(Nodes, nodes.at(n)));
        status.insert(QStringLiteral("podIP"), ip);
        status.insert(QStringLiteral("podIPs"),
                      QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}});
        pod.insert(QStringLiteral("status"), status);
        m_store->create(Pods, pod);
    }
}

QJsonObject Cluster::deletePod(const QString &key, int gracePeriodSeconds)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty())
        return {};
    if (podIsTerminating(pod))
        return pod;
    int grace = gracePeriodSeconds;
    if (grace < 0)
        grace = int(jint(pod, {"spec", "terminationGracePeriodSeconds"}, 30));
    const QString nodeName = jstr(pod, {"spec", "nodeName"});
    if (grace == 0 || nodeName.isEmpty() || m_instant)
        return m_store->remove(Pods, key);
    QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("deletionTimestamp"), timestamp(now().addSecs(grace)));
    meta.insert(QStringLiteral("deletionGracePeriodSeconds"), grace);
    pod.insert(QStringLiteral("metadata"), meta);
    pod = m_store->update(Pods, pod);
    for (const QString &name : containerNames(pod))
        recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Killing"),
                    QStringLiteral("Stopping container %1").arg(name), QStringLiteral("kubelet"),
                    nodeName, QStringLiteral("spec.containers{%1}").arg(name));
    // The kubelet stops the containers well within the grace period.
    const auto delay = std::clamp(m_readyDelay / 2, std::chrono::milliseconds(5),
                                  std::chrono::milliseconds(qint64(grace) * 1000));
    const QString uid = uidOf(pod);
    QTimer::singleShot(delay, this, [this, key, uid] { finishDeletion(key, uid); });
    return pod;
}

void Cluster::finishDeletion(const QString &key, const QString &uid)
{
    const QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || uidOf(pod) != uid)
        return;
    if (kubeletStopped(pod)) {
        // A kubelet that is down stops nothing: Terminating until it is back.
        m_heldDeletions[jstr(pod, {"spec", "nodeName"})] << key;
        return;
    }
    m_store->remove(Pods, key);
}

} // namespace labdeck::demolab::detail
