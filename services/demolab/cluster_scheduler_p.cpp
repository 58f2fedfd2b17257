#include "demolab/cluster_helpers_p.h"
#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"

#include <QJsonArray>
#include <QTimer>
#include <algorithm>

// The scheduler: which nodes a pod fits, why none does, and binding.

namespace labdeck::demolab::detail {

using namespace std::chrono_literals;

namespace {

bool tolerates(const QJsonArray &tolerations, const QJsonObject &taint)
{
    const QString key = taint.value(QLatin1String("key")).toString();
    const QString value = taint.value(QLatin1String("value")).toString();
    const QString effect = taint.value(QLatin1String("effect")).toString();
    for (const QJsonValue &v : tolerations) {
        const QJsonObject t = v.toObject();
        const QString tEffect = t.value(QLatin1String("effect")).toString();
        if (!tEffect.isEmpty() && tEffect != effect)
            continue;
        const QString op = t.value(QLatin1String("operator")).toString(QStringLiteral("Equal"));
        const QString tKey = t.value(QLatin1String("key")).toString();
        if (op == QLatin1String("Exists")) {
            if (tKey.isEmpty() || tKey == key)
                return true;
        } else if (tKey == key && t.value(QLatin1String("value")).toString() == value) {
            return true;
        }
    }
    return false;
}

bool nodeSelectorTermMatches(const QJsonObject &term, const QJsonObject &node)
{
    const QJsonObject labels = jobj(node, {"metadata", "labels"});
    for (const QJsonValue &v : term.value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(QLatin1String("key")).toString();
        const QString op = e.value(QLatin1String("operator")).toString();
        QStringList values;
        for (const QJsonValue &x : e.value(QLatin1String("values")).toArray())
            values << x.toString();
        const bool has = labels.contains(key);
        const QString value = labels.value(key).toString();
        bool ok = true;
        if (op == QLatin1String("In"))
            ok = has && values.contains(value);
        else if (op == QLatin1String("NotIn"))
            ok = !has || !values.contains(value);
        else if (op == QLatin1String("Exists"))
            ok = has;
        else if (op == QLatin1String("DoesNotExist"))
            ok = !has;
        if (!ok)
            return false;
    }
    for (const QJsonValue &v : term.value(QLatin1String("matchFields")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("key")).toString() != QLatin1String("metadata.name"))
            continue;
        QStringList values;
        for (const QJsonValue &x : e.value(QLatin1String("values")).toArray())
            values << x.toString();
        const bool in = values.contains(nameOf(node));
        if ((e.value(QLatin1String("operator")).toString() == QLatin1String("In")) != in)
            return false;
    }
    return true;
}

} // namespace

bool Cluster::nodeFits(const QJsonObject &pod, const QJsonObject &node, QString *why) const
{
    const QJsonArray tolerations = jarr(pod, {"spec", "tolerations"});
    if (jget(node, {"spec", "unschedulable"}).toBool()) {
        const QJsonObject taint{{QStringLiteral("key"), kUnschedulableTaint},
                                {QStringLiteral("effect"), QStringLiteral("NoSchedule")}};
        if (!tolerates(tolerations, taint)) {
            *why = QStringLiteral("node(s) were unschedulable");
            return false;
        }
    }
    for (const QJsonValue &v : jarr(node, {"spec", "taints"})) {
        const QJsonObject taint = v.toObject();
        const QString effect = taint.value(QLatin1String("effect")).toString();
        if (effect == QLatin1String("PreferNoSchedule"))
            continue;
        if (taint.value(QLatin1String("key")).toString() == kUnschedulableTaint)
            continue; // handled through spec.unschedulable above
        if (!tolerates(tolerations, taint)) {
            *why = QStringLiteral("node(s) had untolerated taint {%1: %2}")
                       .arg(taint.value(QLatin1String("key")).toString(),
                            taint.value(QLatin1String("value")).toString());
            return false;
        }
    }
    const QJsonObject selector = jobj(pod, {"spec", "nodeSelector"});
    const QJsonObject labels = jobj(node, {"metadata", "labels"});
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (!labels.contains(it.key()) ||
            labels.value(it.key()).toString() != it.value().toString()) {
            *why = QStringLiteral("node(s) didn't match Pod's node affinity/selector");
            return false;
        }
    }
    const QJsonArray terms =
        jarr(pod, {"spec", "affinity", "nodeAffinity",
                   "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"});
    if (!terms.isEmpty()) {
        bool any = false;
        for (const QJsonValue &t : terms)
            any = any || nodeSelectorTermMatches(t.toObject(), node);
        if (!any) {
            *why = QStringLiteral("node(s) didn't match Pod's node affinity/selector");
            return false;
        }
    }
    return true;
}

QString Cluster::scheduleFailure(const QJsonObject &pod, int *feasible) const
{
    QMap<QString, int> reasons;
    *feasible = 0;
    const ObjectMap &nodes = m_store->objects(Nodes);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        QString why;
        if (nodeFits(pod, it->object, &why))
            ++*feasible;
        else
            ++reasons[why];
    }
    QStringList parts;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    const qsizetype total = nodes.size();
    return QStringLiteral("0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: %1 "
                          "Preemption is "
                          "not helpful for scheduling.")
        .arg(total)
        .arg(parts.join(QStringLiteral(", ")));
}

bool Cluster::bindPod(const QString &key)
{
    QJsonObject pod = m_store->get(Pods, key);
    if (pod.isEmpty() || podIsTerminating(pod))
        return true;
    if (!jstr(pod, {"spec", "nodeName"}).isEmpty())
        return true;
    // The emptiest node that fits, like the default scheduler's spreading.
    QString chosen;
    int best = std::numeric_limits<int>::max();
    const ObjectMap &nodes = m_store->objects(Nodes);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        QString why;
        if (!nodeFits(pod, it->object, &why))
            continue;
        const int load = m_podsOnNode.value(it.key());
        if (load < best) {
            best = load;
            chosen = it.key();
        }
    }
    const QString time = nowText();
    if (chosen.isEmpty()) {
        int feasible = 0;
        const QString message = scheduleFailure(pod, &feasible);
        const QJsonArray conditions = jarr(pod, {"status", "conditions"});
        const QJsonObject wanted = condition(QStringLiteral("PodScheduled"), false, time,
                                             QStringLiteral("Unschedulable"), message);
        if (conditions.size() != 1 ||
            conditions.at(0).toObject().value(QLatin1String("message")) != message) {
            jset(pod, {"status", "conditions"}, QJsonArray{wanted});
            pod = m_store->update(Pods, pod);
            recordEvent(Pods, pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                        message, QStringLiteral("default-scheduler"));
        }
        return false;
    }
    jset(pod, {"spec", "nodeName"}, chosen);
    const QJsonObject node = m_store->get(Nodes, chosen);
    const QString uid = uidOf(pod);
    if (m_instant) {
        jset(pod, {"status"}, runningStatus(pod, node));
        pod = m_store->update(Pods, pod);
        recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                    QStringLiteral("Successfully assigned %1/%2 to %3")
                        .arg(namespaceOf(pod), nameOf(pod), chosen),
                    QStringLiteral("default-scheduler"));
        for (const QJsonValue &c : jarr(pod, {"spec", "containers"})) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            const QString image = c.toObject().value(QLatin1String("image")).toString();
            const QString fieldPath = QStringLiteral("spec.containers{%1}").arg(name);
            recordEvent(
                Pods, pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                QStringLiteral("Container image \"%1\" already present on machine").arg(image),
                QStringLiteral("kubelet"), chosen, fieldPath);
            recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Created"),
                        QStringLiteral("Created container %1").arg(name), QStringLiteral("kubelet"),
                        chosen, fieldPath);
            recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                        QStringLiteral("Started container %1").arg(name), QStringLiteral("kubelet"),
                        chosen, fieldPath);
        }
        return true;
    }
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("conditions"),
                  QJsonArray{condition(QStringLiteral("PodScheduled"), true, time)});
    pod.insert(QStringLiteral("status"), status);
    pod = m_store->update(Pods, pod);
    recordEvent(Pods, pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                QStringLiteral("Successfully assigned %1/%2 to %3")
                    .arg(namespaceOf(pod), nameOf(pod), chosen),
                QStringLiteral("default-scheduler"));
    const auto creating = std::max(m_readyDelay / 3, std::chrono::milliseconds(1));
    QTimer::singleShot(creating, this, [this, key, uid] { startContainers(key, uid); });
    QTimer::singleShot(std::max(m_readyDelay, creating + 1ms), this,
                       [this, key, uid] { markRunning(key, uid); });
    return true;
}

} // namespace labdeck::demolab::detail
