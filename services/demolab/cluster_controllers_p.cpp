#include "demolab/cluster_helpers_p.h"
#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

// The workload controllers (Deployment, ReplicaSet, StatefulSet, DaemonSet),
// the pods they create, and the node and claim controllers.

namespace labdeck::demolab::detail {

namespace {

const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString kTemplateHash = QStringLiteral("pod-template-hash");
const QString kRevisionHash = QStringLiteral("controller-revision-hash");

int replicasOf(const QJsonObject &object)
{
    return int(jint(object, {"spec", "replicas"}, 1));
}

// "25%" of n, rounded up or down; plain numbers as they are.
int resolveIntOrPercent(const QJsonValue &value, int total, bool roundUp)
{
    if (value.isDouble())
        return int(value.toInteger());
    QString text = value.toString();
    if (text.endsWith(QLatin1Char('%'))) {
        text.chop(1);
        const double v = text.toDouble() * total / 100.0;
        return int(roundUp ? std::ceil(v) : std::floor(v));
    }
    return text.toInt();
}

int ordinalOf(const QString &podName, const QString &setName)
{
    if (!podName.startsWith(setName + QLatin1Char('-')))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok ? ordinal : -1;
}

void insertNonZero(QJsonObject &o, const char *key, qint64 value)
{
    if (value != 0)
        o.insert(QLatin1String(key), value);
}

} // namespace

QJsonObject Cluster::createPod(const QJsonObject &owner, ResourceId ownerResource,
                               const QJsonObject &podTemplate, const QString &name,
                               const QJsonObject &extraLabels, const QJsonObject &specOverrides)
{
    const ResourceType &ownerType = resourceType(ownerResource);
    QJsonObject labels = jobj(podTemplate, {"metadata", "labels"});
    for (auto it = extraLabels.begin(); it != extraLabels.end(); ++it)
        labels.insert(it.key(), it.value());
    QJsonObject meta{
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), namespaceOf(owner)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("ownerReferences"), QJsonArray{ownerReference(ownerType, owner)}}};
    if (ownerResource != StatefulSets)
        meta.insert(QStringLiteral("generateName"),
                    name.left(name.lastIndexOf(QLatin1Char('-')) + 1));
    const QJsonObject annotations = jobj(podTemplate, {"metadata", "annotations"});
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);
    if (m_instant)
        meta.insert(QStringLiteral("creationTimestamp"), nowText());
    QJsonObject spec = podTemplate.value(QLatin1String("spec")).toObject();
    for (auto it = specOverrides.begin(); it != specOverrides.end(); ++it)
        spec.insert(it.key(), it.value());
    QJsonObject pod{{QStringLiteral("metadata"), meta}, {QStringLiteral("spec"), spec}};
    applyDefaults(Pods, pod);
    pod = m_store->create(Pods, pod);

    const QString component = ownerResource == ReplicaSets ? QStringLiteral("replicaset-controller")
                              : ownerResource == DaemonSets
                                  ? QStringLiteral("daemonset-controller")
                                  : QStringLiteral("statefulset-controller");
    const QString message =
        ownerResource == StatefulSets
            ? QStringLiteral("create Pod %1 in StatefulSet %2 successful").arg(name, nameOf(owner))
            : QStringLiteral("Created pod: %1").arg(name);
    recordEvent(ownerResource, owner, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                message, component);
    const QString key = objectKey(pod);
    if (bindPod(key))
        m_unscheduled.remove(key);
    return m_store->get(Pods, key);
}

// --- workload controllers ---------------------------------------------------

void Cluster::scaleReplicaSet(const QJsonObject &deployment, QJsonObject replicaSet, int replicas)
{
    const int old = replicasOf(replicaSet);
    if (old == replicas)
        return;
    jset(replicaSet, {"spec", "replicas"}, replicas);
    QJsonObject annotations = jobj(replicaSet, {"metadata", "annotations"});
    annotations.insert(QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                       QString::number(replicasOf(deployment)));
    jset(replicaSet, {"metadata", "annotations"}, annotations);
    m_store->update(ReplicaSets, replicaSet);
    recordEvent(
        Deployments, deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
        QStringLiteral("Scaled %1 replica set %2 to %3 from %4")
            .arg(replicas > old ? QStringLiteral("up") : QStringLiteral("down"), nameOf(replicaSet))
            .arg(replicas)
            .arg(old),
        QStringLiteral("deployment-controller"));
}

void Cluster::syncDeployment(const QString &key)
{
    QJsonObject d = m_store->get(Deployments, key);
    if (d.isEmpty() || podIsTerminating(d))
        return;
    const QString uid = uidOf(d);
    const QJsonObject spec = d.value(QLatin1String("spec")).toObject();
    const int desired = replicasOf(d);
    const QJsonObject tpl = spec.value(QLatin1String("template")).toObject();
    const QString hash = templateHash(tpl);
    const bool paused = spec.value(QLatin1String("paused")).toBool();

    QList<QJsonObject> sets = ownedReplicaSets(uid);
    QJsonObject newRs;
    QList<QJsonObject> oldSets;
    int maxRevision = 0;
    for (const QJsonObject &rs : sets) {
        maxRevision = std::max(
            maxRevision,
            jstr(rs, {"metadata", "annotations", "deployment.kubernetes.io/revision"}).toInt());
        if (jobj(rs, {"metadata", "labels"}).value(kTemplateHash).toString() == hash)
            newRs = rs;
        else
            oldSets << rs;
    }
    const QString strategy = jstr(d, {"spec", "strategy", "type"});
    const QJsonObject rolling = jobj(d, {"spec", "strategy", "rollingUpdate"});
    int maxSurge = resolveIntOrPercent(rolling.value(QLatin1String("maxSurge")), desired, true);
    int maxUnavailable =
        resolveIntOrPercent(rolling.value(QLatin1String("maxUnavailable")), desired, false);
    if (maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;

    if (newRs.isEmpty() && !paused) {
        int oldTotal = 0;
        for (const QJsonObject &rs : std::as_const(oldSets))
            oldTotal += replicasOf(rs);
        int initial = desired;
        if (strategy == QLatin1String("Recreate"))
            initial = oldTotal > 0 ? 0 : desired;
        else if (!oldSets.isEmpty())
            initial = std::clamp(desired + maxSurge - oldTotal, 0, desired);
        QJsonObject labels = jobj(tpl, {"metadata", "labels"});
        labels.insert(kTemplateHash, hash);
        QJsonObject rsTemplate = tpl;
        jset(rsTemplate, {"metadata", "labels"}, labels);
        QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
        QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
        matchLabels.insert(kTemplateHash, hash);
        selector.insert(QStringLiteral("matchLabels"), matchLabels);
        QJsonObject meta{{QStringLiteral("name"), nameOf(d) + QLatin1Char('-') + hash},
                         {QStringLiteral("namespace"), namespaceOf(d)},
                         {QStringLiteral("labels"), labels},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                                       QString::number(desired)},
                                      {QStringLiteral("deployment.kubernetes.io/max-replicas"),
                                       QString::number(desired + maxSurge)},
                                      {kRevision, QString::number(maxRevision + 1)}}},
                         {QStringLiteral("ownerReferences"),
                          QJsonArray{ownerReference(resourceType(Deployments), d)}}};
        if (m_instant)
            meta.insert(QStringLiteral("creationTimestamp"), nowText());
        QJsonObject rs{
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), initial},
                                                 {QStringLiteral("selector"), selector},
                                                 {QStringLiteral("template"), rsTemplate}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 0}}}};
        applyDefaults(ReplicaSets, rs);
        if (m_store->find(ReplicaSets, objectKey(rs))) {
            qCWarning(lcDemoLab) << "replica set name collision for" << key;
            return;
        }
        newRs = m_store->create(ReplicaSets, rs);
        recordEvent(
            Deployments, d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
            QStringLiteral("Scaled up replica set %1 to %2").arg(nameOf(newRs)).arg(initial),
            QStringLiteral("deployment-controller"));
        // Continue on the next pass, when the index knows the new set.
        markDirty(Deployments, key);
        return;
    }
    if (!newRs.isEmpty()) {
        const int revision =
            jstr(newRs, {"metadata", "annotations", "deployment.kubernetes.io/revision"}).toInt();
        if (revision < maxRevision) {
            // A rollback to an older template: that set becomes the newest revision.
            jset(newRs, {"metadata", "annotations", "deployment.kubernetes.io/revision"},
                 QString::number(maxRevision + 1));
            newRs = m_store->update(ReplicaSets, newRs);
        }
    }

    if (!paused && !newRs.isEmpty()) {
        int oldTotal = 0;
        int oldPods = 0;
        for (const QJsonObject &rs : std::as_const(oldSets)) {
            oldTotal += replicasOf(rs);
            oldPods += int(ownedPods(uidOf(rs), true).size());
        }
        if (strategy == QLatin1String("Recreate")) {
            for (const QJsonObject &rs : std::as_const(oldSets))
                scaleReplicaSet(d, rs, 0);
            if (oldPods == 0)
                scaleReplicaSet(d, newRs, desired);
        } else if (oldTotal == 0) {
            scaleReplicaSet(d, newRs, desired);
        } else {
            const int newReplicas = replicasOf(newRs);
            int total = oldTotal + newReplicas;
            if (newReplicas < desired) {
                const int allowed = desired + maxSurge - total;
                if (allowed > 0) {
                    const int target = std::min(desired, newReplicas + allowed);
                    scaleReplicaSet(d, newRs, target);
                    total += target - newReplicas;
                }
            } else if (newReplicas > desired) {
                scaleReplicaSet(d, newRs, desired);
                total -= newReplicas - desired;
            }
            int readyNew = 0;
            for (const QJsonObject &p : ownedPods(uidOf(newRs), false))
                readyNew += podIsReady(p) ? 1 : 0;
            const int minAvailable = desired - maxUnavailable;
            const int newUnavailable =
                std::max(0, replicasOf(m_store->get(ReplicaSets, objectKey(newRs))) - readyNew);
            int canScaleDown = total - minAvailable - newUnavailable;
            // Old replicas that are not ready go first and never count as available.
            for (const QJsonObject &rs : std::as_const(oldSets)) {
                const int current = replicasOf(rs);
                if (current == 0)
                    continue;
                int readyHere = 0;
                for (const QJsonObject &p : ownedPods(uidOf(rs), false))
                    readyHere += podIsReady(p) ? 1 : 0;
                const int unhealthy = std::max(0, current - readyHere);
                int target = current - unhealthy;
                int cut = std::min(target, std::max(0, canScaleDown - unhealthy));
                target -= cut;
                canScaleDown -= unhealthy + cut;
                scaleReplicaSet(d, rs, std::max(0, target));
            }
        }
        // Old, empty sets beyond the history limit go away.
        const int limit = int(jint(d, {"spec", "revisionHistoryLimit"}, 10));
        QList<QJsonObject> empty;
        for (const QJsonObject &rs : std::as_const(oldSets)) {
            const QJsonObject current = m_store->get(ReplicaSets, objectKey(rs));
            if (replicasOf(current) == 0 && ownedPods(uidOf(rs), true).isEmpty())
                empty << current;
        }
        for (qsizetype i = 0; i + limit < empty.size(); ++i)
            deleteObject(ReplicaSets, objectKey(empty.at(i)), QStringLiteral("Background"));
    }

    // Status from the sets' own status.
    int replicas = 0;
    int updated = 0;
    int ready = 0;
    int available = 0;
    for (const QJsonObject &rs : ownedReplicaSets(uid)) {
        const QJsonObject st = rs.value(QLatin1String("status")).toObject();
        replicas += int(st.value(QLatin1String("replicas")).toInteger());
        ready += int(st.value(QLatin1String("readyReplicas")).toInteger());
        available += int(st.value(QLatin1String("availableReplicas")).toInteger());
        if (uidOf(rs) == uidOf(newRs))
            updated = int(st.value(QLatin1String("replicas")).toInteger());
    }
    const QJsonObject oldStatus = d.value(QLatin1String("status")).toObject();
    QJsonObject status;
    status.insert(QStringLiteral("observedGeneration"), jint(d, {"metadata", "generation"}, 1));
    insertNonZero(status, "replicas", replicas);
    insertNonZero(status, "updatedReplicas", updated);
    insertNonZero(status, "readyReplicas", ready);
    insertNonZero(status, "availableReplicas", available);
    insertNonZero(status, "unavailableReplicas", std::max(0, replicas - available));
    const QString time = nowText();
    const bool isAvailable = available >= desired - maxUnavailable;
    const bool complete = updated == desired && replicas == desired && available == desired;
    const QString rsName = nameOf(newRs);
    if (complete)
        m_progress.remove(key);
    // As the deployment controller: a Deployment whose rollout completed
    // (Progressing reason NewReplicaSetAvailable) never times out when its
    // pods later become unavailable; only a rollout under way does.
    bool rolledOut = false;
    for (const QJsonValue &c : oldStatus.value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Progressing") &&
            c.toObject().value(QLatin1String("reason")).toString() ==
                QLatin1String("NewReplicaSetAvailable"))
            rolledOut = c.toObject()
                            .value(QLatin1String("message"))
                            .toString()
                            .contains(QLatin1Char('"') + nameOf(newRs) +
                                      QLatin1Char('"')); // the same ReplicaSet, rolled out
    }
    if (rolledOut)
        m_progress.remove(key);
    const bool timedOut = !complete && !paused && !newRs.isEmpty() && !rolledOut &&
                          rolloutTimedOut(key, QStringLiteral("%1/%2/%3/%4/%5")
                                                   .arg(rsName)
                                                   .arg(replicas)
                                                   .arg(updated)
                                                   .arg(ready)
                                                   .arg(available));
    QJsonObject availableCondition{
        {QStringLiteral("type"), QStringLiteral("Available")},
        {QStringLiteral("status"), isAvailable ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("lastUpdateTime"), time},
        {QStringLiteral("lastTransitionTime"), time},
        {QStringLiteral("reason"), isAvailable ? QStringLiteral("MinimumReplicasAvailable")
                                               : QStringLiteral("MinimumReplicasUnavailable")},
        {QStringLiteral("message"),
         isAvailable ? QStringLiteral("Deployment has minimum availability.")
                     : QStringLiteral("Deployment does not have minimum availability.")}};
    QJsonObject progressing{
        {QStringLiteral("type"), QStringLiteral("Progressing")},
        {QStringLiteral("status"), timedOut ? QStringLiteral("False") : QStringLiteral("True")},
        {QStringLiteral("lastUpdateTime"), time},
        {QStringLiteral("lastTransitionTime"), time},
        {QStringLiteral("reason"),
         complete ? QStringLiteral("NewReplicaSetAvailable") : QStringLiteral("ReplicaSetUpdated")},
        {QStringLiteral("message"),
         complete ? QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName)
                  : QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName)}};
    if (rolledOut && !complete) {
        // Neither complete nor progressing: the condition stays as it was.
        for (const QJsonValue &c : oldStatus.value(QLatin1String("conditions")).toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() ==
                QLatin1String("Progressing"))
                progressing = c.toObject();
        }
    }
    if (timedOut) {
        progressing.insert(QStringLiteral("reason"), QStringLiteral("ProgressDeadlineExceeded"));
        progressing.insert(
            QStringLiteral("message"),
            QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rsName));
    }
    status.insert(QStringLiteral("conditions"),
                  carryTransitions(QJsonArray{availableCondition, progressing},
                                   oldStatus.value(QLatin1String("conditions")).toArray()));
    bool changed = oldStatus != status;
    if (!newRs.isEmpty()) {
        const QString revision =
            jstr(newRs, {"metadata", "annotations", "deployment.kubernetes.io/revision"});
        QJsonObject annotations = jobj(d, {"metadata", "annotations"});
        if (annotations.value(kRevision).toString() != revision) {
            annotations.insert(kRevision, revision);
            jset(d, {"metadata", "annotations"}, annotations);
            changed = true;
        }
    }
    if (changed) {
        d.insert(QStringLiteral("status"), status);
        m_store->update(Deployments, d);
    }
}

void Cluster::syncReplicaSet(const QString &key)
{
    const QJsonObject rs = m_store->get(ReplicaSets, key);
    if (rs.isEmpty() || podIsTerminating(rs))
        return;
    const int desired = replicasOf(rs);
    QList<QJsonObject> pods = ownedPods(uidOf(rs), false);
    const QJsonObject tpl = jobj(rs, {"spec", "template"});
    if (pods.size() < desired) {
        for (qsizetype i = pods.size(); i < desired; ++i) {
            QString name;
            do {
                name = nameOf(rs) + QLatin1Char('-') + randomSuffix();
            } while (m_store->find(Pods, objectKey(namespaceOf(rs), name)));
            createPod(rs, ReplicaSets, tpl, name, {}, {});
        }
    } else if (pods.size() > desired) {
        // Unscheduled first, then not ready, then the newest.
        std::sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const bool as = jstr(a, {"spec", "nodeName"}).isEmpty();
            const bool bs = jstr(b, {"spec", "nodeName"}).isEmpty();
            if (as != bs)
                return as;
            const bool ar = podIsReady(a);
            const bool br = podIsReady(b);
            if (ar != br)
                return !ar;
            return jstr(a, {"metadata", "creationTimestamp"}) >
                   jstr(b, {"metadata", "creationTimestamp"});
        });
        for (qsizetype i = 0; i < pods.size() - desired; ++i) {
            deletePod(objectKey(pods.at(i)), -1);
            recordEvent(ReplicaSets, rs, QStringLiteral("Normal"),
                        QStringLiteral("SuccessfulDelete"),
                        QStringLiteral("Deleted pod: %1").arg(nameOf(pods.at(i))),
                        QStringLiteral("replicaset-controller"));
        }
    }
    const QList<QJsonObject> current = ownedPods(uidOf(rs), false);
    int ready = 0;
    for (const QJsonObject &p : current)
        ready += podIsReady(p) ? 1 : 0;
    QJsonObject status;
    status.insert(QStringLiteral("replicas"), int(current.size()));
    insertNonZero(status, "fullyLabeledReplicas", current.size());
    insertNonZero(status, "readyReplicas", ready);
    insertNonZero(status, "availableReplicas", ready);
    status.insert(QStringLiteral("observedGeneration"), jint(rs, {"metadata", "generation"}, 1));
    updateStatus(ReplicaSets, key, status);
}

void Cluster::syncStatefulSet(const QString &key)
{
    const QJsonObject sts = m_store->get(StatefulSets, key);
    if (sts.isEmpty() || podIsTerminating(sts))
        return;
    const QString name = nameOf(sts);
    const QString ns = namespaceOf(sts);
    const int desired = replicasOf(sts);
    const QJsonObject tpl = jobj(sts, {"spec", "template"});
    const QString revision = name + QLatin1Char('-') + templateHash(tpl);
    const bool parallel = jstr(sts, {"spec", "podManagementPolicy"}) == QLatin1String("Parallel");
    const bool rollingUpdate =
        jstr(sts, {"spec", "updateStrategy", "type"}) != QLatin1String("OnDelete");
    const int partition =
        int(jint(sts, {"spec", "updateStrategy", "rollingUpdate", "partition"}, 0));

    QMap<int, QJsonObject> pods;
    bool anyTerminating = false;
    for (const QJsonObject &p : ownedPods(uidOf(sts), true)) {
        const int ordinal = ordinalOf(nameOf(p), name);
        if (ordinal >= 0)
            pods.insert(ordinal, p);
        anyTerminating = anyTerminating || podIsTerminating(p);
    }
    auto healthy = [&](int below) {
        for (int i = 0; i < below; ++i) {
            const auto it = pods.constFind(i);
            if (it == pods.cend() || podIsTerminating(*it) || !podIsReady(*it))
                return false;
        }
        return true;
    };

    for (int ordinal = 0; ordinal < desired; ++ordinal) {
        if (pods.contains(ordinal))
            continue;
        if (!parallel && (!healthy(ordinal) || anyTerminating))
            break;
        const QString podName = name + QLatin1Char('-') + QString::number(ordinal);
        QJsonObject overrides{{QStringLiteral("hostname"), podName}};
        const QString serviceName = jstr(sts, {"spec", "serviceName"});
        if (!serviceName.isEmpty())
            overrides.insert(QStringLiteral("subdomain"), serviceName);
        // volumeClaimTemplates: one claim per pod, provisioned on creation.
        QJsonArray volumes = jarr(tpl, {"spec", "volumes"});
        for (const QJsonValue &v : jarr(sts, {"spec", "volumeClaimTemplates"})) {
            const QJsonObject claimTemplate = v.toObject();
            const QString templateName = nameOf(claimTemplate);
            const QString claimName = templateName + QLatin1Char('-') + podName;
            if (!m_store->find(PersistentVolumeClaims, objectKey(ns, claimName))) {
                QJsonObject claim{
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), claimName},
                                 {QStringLiteral("namespace"), ns},
                                 {QStringLiteral("labels"), jobj(tpl, {"metadata", "labels"})}}},
                    {QStringLiteral("spec"), claimTemplate.value(QLatin1String("spec"))}};
                applyDefaults(PersistentVolumeClaims, claim);
                m_store->create(PersistentVolumeClaims, claim);
            }
            volumes.append(QJsonObject{{QStringLiteral("name"), templateName},
                                       {QStringLiteral("persistentVolumeClaim"),
                                        QJsonObject{{QStringLiteral("claimName"), claimName}}}});
        }
        if (!volumes.isEmpty())
            overrides.insert(QStringLiteral("volumes"), volumes);
        const QJsonObject labels{
            {kRevisionHash, revision},
            {QStringLiteral("statefulset.kubernetes.io/pod-name"), podName},
            {QStringLiteral("apps.kubernetes.io/pod-index"), QString::number(ordinal)}};
        const QJsonObject pod = createPod(sts, StatefulSets, tpl, podName, labels, overrides);
        pods.insert(ordinal, pod);
        if (!parallel)
            break;
    }
    // Scale down from the highest ordinal, one at a time unless Parallel.
    for (auto it = pods.end(); it != pods.begin();) {
        --it;
        if (it.key() < desired)
            break;
        if (podIsTerminating(*it))
            continue;
        if (!parallel && anyTerminating)
            break;
        deletePod(objectKey(*it), -1);
        recordEvent(
            StatefulSets, sts, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
            QStringLiteral("delete Pod %1 in StatefulSet %2 successful").arg(nameOf(*it), name),
            QStringLiteral("statefulset-controller"));
        anyTerminating = true;
        if (!parallel)
            break;
    }
    // Rolling update: highest outdated ordinal first, once all are healthy.
    if (rollingUpdate && !anyTerminating && pods.size() >= desired && healthy(desired)) {
        for (int ordinal = desired - 1; ordinal >= partition; --ordinal) {
            const QJsonObject pod = pods.value(ordinal);
            if (jobj(pod, {"metadata", "labels"}).value(kRevisionHash).toString() != revision) {
                deletePod(objectKey(pod), -1);
                break;
            }
        }
    }

    int replicas = 0;
    int ready = 0;
    int updated = 0;
    int current = 0;
    QString currentRevision = jstr(sts, {"status", "currentRevision"});
    if (currentRevision.isEmpty())
        currentRevision = revision;
    for (const QJsonObject &p : ownedPods(uidOf(sts), false)) {
        ++replicas;
        ready += podIsReady(p) ? 1 : 0;
        const QString podRevision = jobj(p, {"metadata", "labels"}).value(kRevisionHash).toString();
        updated += podRevision == revision ? 1 : 0;
        current += podRevision == currentRevision ? 1 : 0;
    }
    if (updated == desired && replicas == desired) {
        currentRevision = revision;
        current = updated;
    }
    QJsonObject status{
        {QStringLiteral("observedGeneration"), jint(sts, {"metadata", "generation"}, 1)},
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("currentRevision"), currentRevision},
        {QStringLiteral("updateRevision"), revision},
        {QStringLiteral("collisionCount"), 0}};
    insertNonZero(status, "readyReplicas", ready);
    insertNonZero(status, "availableReplicas", ready);
    insertNonZero(status, "currentReplicas", current);
    insertNonZero(status, "updatedReplicas", updated);
    updateStatus(StatefulSets, key, status);
}

void Cluster::syncDaemonSet(const QString &key)
{
    const QJsonObject ds = m_store->get(DaemonSets, key);
    if (ds.isEmpty() || podIsTerminating(ds))
        return;
    const QJsonObject tpl = jobj(ds, {"spec", "template"});
    const QString hash = templateHash(tpl);
    const qint64 generation = jint(ds, {"metadata", "generation"}, 1);

    // Daemon pods tolerate what the controller adds for them.
    QJsonArray tolerations = jarr(tpl, {"spec", "tolerations"});
    for (const char *k : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
        tolerations.append(QJsonObject{{QStringLiteral("key"), QLatin1String(k)},
                                       {QStringLiteral("operator"), QStringLiteral("Exists")},
                                       {QStringLiteral("effect"), QStringLiteral("NoExecute")}});
    for (const char *k : {"node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                          "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable"})
        tolerations.append(QJsonObject{{QStringLiteral("key"), QLatin1String(k)},
                                       {QStringLiteral("operator"), QStringLiteral("Exists")},
                                       {QStringLiteral("effect"), QStringLiteral("NoSchedule")}});

    QHash<QString, QList<QJsonObject>> byNode;
    const QList<QJsonObject> owned = ownedPods(uidOf(ds), true);
    bool anyTerminating = false;
    for (const QJsonObject &p : owned) {
        const QJsonArray terms =
            jarr(p, {"spec", "affinity", "nodeAffinity",
                     "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"});
        QString node = jstr(p, {"spec", "nodeName"});
        if (node.isEmpty() && !terms.isEmpty())
            node = terms.at(0)
                       .toObject()
                       .value(QLatin1String("matchFields"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QLatin1String("values"))
                       .toArray()
                       .at(0)
                       .toString();
        byNode[node] << p;
        anyTerminating = anyTerminating || podIsTerminating(p);
    }

    int desiredCount = 0;
    int scheduled = 0;
    int ready = 0;
    int updated = 0;
    bool allReady = true;
    QList<QJsonObject> outdated;
    const ObjectMap &nodes = m_store->objects(Nodes);
    QSet<QString> eligible;
    QSet<QString> keep;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        QJsonObject probe = tpl;
        jset(probe, {"spec", "tolerations"}, tolerations);
        QString why;
        if (!nodeFits(probe, it->object, &why)) {
            // A NoSchedule taint keeps new daemon pods away but does not
            // evict the ones that run there (only NoExecute does).
            QJsonArray all = tolerations;
            all.append(QJsonObject{{QStringLiteral("operator"), QStringLiteral("Exists")},
                                   {QStringLiteral("effect"), QStringLiteral("NoSchedule")}});
            jset(probe, {"spec", "tolerations"}, all);
            if (nodeFits(probe, it->object, &why))
                keep.insert(it.key());
            continue;
        }
        eligible.insert(it.key());
        ++desiredCount;
        QList<QJsonObject> here;
        for (const QJsonObject &p : byNode.value(it.key())) {
            if (!podIsTerminating(p))
                here << p;
        }
        if (here.isEmpty()) {
            if (byNode.value(it.key()).isEmpty()) {
                QJsonObject overrides{{QStringLiteral("tolerations"), tolerations}};
                overrides.insert(
                    QStringLiteral("affinity"),
                    QJsonObject{
                        {QStringLiteral("nodeAffinity"),
                         QJsonObject{
                             {QStringLiteral("requiredDuringSchedulingIgnoredDuringExecution"),
                              QJsonObject{
                                  {QStringLiteral("nodeSelectorTerms"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("matchFields"),
                                        QJsonArray{QJsonObject{
                                            {QStringLiteral("key"),
                                             QStringLiteral("metadata.name")},
                                            {QStringLiteral("operator"), QStringLiteral("In")},
                                            {QStringLiteral("values"),
                                             QJsonArray{it.key()}}}}}}}}}}}}});
                const QJsonObject labels{
                    {kRevisionHash, hash},
                    {QStringLiteral("pod-template-generation"), QString::number(generation)}};
                QString podName;
                do {
                    podName = nameOf(ds) + QLatin1Char('-') + randomSuffix();
                } while (m_store->find(Pods, objectKey(namespaceOf(ds), podName)));
                createPod(ds, DaemonSets, tpl, podName, labels, overrides);
            }
            allReady = false;
            continue;
        }
        ++scheduled;
        for (const QJsonObject &p : here) {
            const bool isReady = podIsReady(p);
            ready += isReady ? 1 : 0;
            allReady = allReady && isReady;
            if (jobj(p, {"metadata", "labels"}).value(kRevisionHash).toString() == hash)
                ++updated;
            else
                outdated << p;
        }
    }
    for (auto it = byNode.cbegin(); it != byNode.cend(); ++it) {
        if (eligible.contains(it.key()) || keep.contains(it.key()))
            continue;
        for (const QJsonObject &p : it.value())
            deletePod(objectKey(p), -1);
    }
    if (!outdated.isEmpty() && allReady && !anyTerminating)
        deletePod(objectKey(outdated.first()), -1);

    QJsonObject status{{QStringLiteral("observedGeneration"), generation},
                       {QStringLiteral("currentNumberScheduled"), scheduled},
                       {QStringLiteral("desiredNumberScheduled"), desiredCount},
                       {QStringLiteral("numberMisscheduled"), 0},
                       {QStringLiteral("numberReady"), ready}};
    insertNonZero(status, "numberAvailable", ready);
    insertNonZero(status, "updatedNumberScheduled", updated);
    insertNonZero(status, "numberUnavailable", std::max(0, desiredCount - ready));
    updateStatus(DaemonSets, key, status);
}

// --- nodes, claims, namespaces ----------------------------------------------

void Cluster::syncNode(const QString &key)
{
    QJsonObject node = m_store->get(Nodes, key);
    if (node.isEmpty())
        return;
    const bool unschedulable = jget(node, {"spec", "unschedulable"}).toBool();
    QJsonArray taints = jarr(node, {"spec", "taints"});
    qsizetype at = -1;
    for (qsizetype i = 0; i < taints.size(); ++i) {
        if (taints.at(i).toObject().value(QLatin1String("key")).toString() == kUnschedulableTaint)
            at = i;
    }
    if (unschedulable == (at >= 0))
        return;
    if (unschedulable) {
        taints.append(QJsonObject{{QStringLiteral("key"), kUnschedulableTaint},
                                  {QStringLiteral("effect"), QStringLiteral("NoSchedule")},
                                  {QStringLiteral("timeAdded"), nowText()}});
    } else {
        taints.removeAt(at);
    }
    if (taints.isEmpty())
        jremove(node, {"spec", "taints"});
    else
        jset(node, {"spec", "taints"}, taints);
    node = m_store->update(Nodes, node);
    const QString state =
        unschedulable ? QStringLiteral("NodeNotSchedulable") : QStringLiteral("NodeSchedulable");
    recordEvent(Nodes, node, QStringLiteral("Normal"), state,
                QStringLiteral("Node %1 status is now: %2").arg(nameOf(node), state),
                QStringLiteral("kubelet"), nameOf(node));
}

void Cluster::syncClaim(const QString &key)
{
    QJsonObject claim = m_store->get(PersistentVolumeClaims, key);
    if (claim.isEmpty() || jstr(claim, {"status", "phase"}) == QLatin1String("Bound"))
        return;
    QString volumeName = jstr(claim, {"spec", "volumeName"});
    const QJsonObject claimRef{
        {QStringLiteral("kind"), QStringLiteral("PersistentVolumeClaim")},
        {QStringLiteral("namespace"), namespaceOf(claim)},
        {QStringLiteral("name"), nameOf(claim)},
        {QStringLiteral("uid"), uidOf(claim)},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("resourceVersion"), jstr(claim, {"metadata", "resourceVersion"})}};
    QJsonObject volume;
    if (!volumeName.isEmpty()) {
        volume = m_store->get(PersistentVolumes, volumeName);
        if (volume.isEmpty())
            return; // waits for the named volume
        jset(volume, {"spec", "claimRef"}, claimRef);
        jset(volume, {"status", "phase"}, QStringLiteral("Bound"));
        volume = m_store->update(PersistentVolumes, volume);
    } else {
        // Dynamic provisioning on the NFS server, like nfs-subdir-external-provisioner.
        QString storageClass = jstr(claim, {"spec", "storageClassName"});
        if (storageClass.isEmpty()) {
            storageClass = QStringLiteral("nfs");
            jset(claim, {"spec", "storageClassName"}, storageClass);
        }
        volumeName = QStringLiteral("pvc-") + uidOf(claim);
        const QString storage = jstr(claim, {"spec", "resources", "requests", "storage"});
        QJsonObject pv{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), volumeName},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("pv.kubernetes.io/provisioned-by"),
                                       QStringLiteral("nfs.csi.k8s.io")}}}}},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("capacity"),
                  QJsonObject{{QStringLiteral("storage"),
                               storage.isEmpty() ? QStringLiteral("1Gi") : storage}}},
                 {QStringLiteral("accessModes"), jarr(claim, {"spec", "accessModes"})},
                 {QStringLiteral("persistentVolumeReclaimPolicy"), QStringLiteral("Delete")},
                 {QStringLiteral("storageClassName"), storageClass},
                 {QStringLiteral("volumeMode"), QStringLiteral("Filesystem")},
                 {QStringLiteral("claimRef"), claimRef},
                 {QStringLiteral("nfs"),
                  QJsonObject{{QStringLiteral("server"), m_nfsServer},
                              {QStringLiteral("path"),
                               QStringLiteral("/srv/nfs/k8s/%1-%2-%3")
                                   .arg(namespaceOf(claim), nameOf(claim), volumeName)}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Bound")}}}};
        if (m_instant)
            jset(pv, {"metadata", "creationTimestamp"}, nowText());
        volume = m_store->create(PersistentVolumes, pv);
        jset(claim, {"spec", "volumeName"}, volumeName);
        recordEvent(PersistentVolumeClaims, claim, QStringLiteral("Normal"),
                    QStringLiteral("ProvisioningSucceeded"),
                    QStringLiteral("Successfully provisioned volume %1").arg(volumeName),
                    QStringLiteral("nfs.csi.k8s.io"));
    }
    QJsonObject annotations = jobj(claim, {"metadata", "annotations"});
    annotations.insert(QStringLiteral("pv.kubernetes.io/bind-completed"), QStringLiteral("yes"));
    annotations.insert(QStringLiteral("pv.kubernetes.io/bound-by-controller"),
                       QStringLiteral("yes"));
    jset(claim, {"metadata", "annotations"}, annotations);
    jset(claim, {"status"},
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Bound")},
                     {QStringLiteral("accessModes"), jarr(volume, {"spec", "accessModes"})},
                     {QStringLiteral("capacity"), jobj(volume, {"spec", "capacity"})}});
    m_store->update(PersistentVolumeClaims, claim);
}

} // namespace labdeck::demolab::detail
