#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"

#include <QJsonArray>
#include <algorithm>

// Deletion with propagation, garbage collection of owned objects, and
// namespace termination.

namespace labdeck::demolab::detail {

QJsonObject Cluster::deleteObject(ResourceId resource, const QString &key,
                                  const QString &propagation, int gracePeriodSeconds)
{
    if (resource == Pods)
        return deletePod(key, gracePeriodSeconds);
    QJsonObject object = m_store->get(resource, key);
    if (object.isEmpty())
        return {};
    const QString uid = uidOf(object);
    if (propagation == QLatin1String("Orphan")) {
        auto orphan = [this, &uid](ResourceId r, const QSet<QString> &keys) {
            for (const QString &k : keys) {
                QJsonObject dependent = m_store->get(r, k);
                QJsonArray refs;
                for (const QJsonValue &v : jarr(dependent, {"metadata", "ownerReferences"})) {
                    if (v.toObject().value(QLatin1String("uid")).toString() != uid)
                        refs.append(v);
                }
                if (refs.isEmpty())
                    jremove(dependent, {"metadata", "ownerReferences"});
                else
                    jset(dependent, {"metadata", "ownerReferences"}, refs);
                m_store->update(r, dependent);
            }
        };
        orphan(Pods, m_podsByOwner.take(uid));
        orphan(ReplicaSets, m_rsByOwner.take(uid));
    }
    if (resource == Namespaces) {
        QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        if (!meta.contains(QLatin1String("deletionTimestamp"))) {
            meta.insert(QStringLiteral("deletionTimestamp"), nowText());
            object.insert(QStringLiteral("metadata"), meta);
            jset(object, {"status", "phase"}, QStringLiteral("Terminating"));
            object = m_store->update(Namespaces, object);
        }
        markDirty(Namespaces, key);
        return object;
    }
    return m_store->remove(resource, key);
}

void Cluster::collectGarbage(const QString &ownerUid)
{
    const QSet<QString> pods = m_podsByOwner.take(ownerUid);
    for (const QString &key : pods)
        deletePod(key, -1);
    const QSet<QString> sets = m_rsByOwner.take(ownerUid);
    for (const QString &key : sets)
        deleteObject(ReplicaSets, key, QStringLiteral("Background"));
}

QList<QJsonObject> Cluster::ownedPods(const QString &ownerUid, bool includeTerminating) const
{
    QList<QJsonObject> pods;
    const auto it = m_podsByOwner.constFind(ownerUid);
    if (it == m_podsByOwner.cend())
        return pods;
    for (const QString &key : *it) {
        const StoredObject *s = m_store->find(Pods, key);
        if (!s || uidOf(s->object).isEmpty())
            continue;
        if (!includeTerminating && podIsTerminating(s->object))
            continue;
        const QString phase = jstr(s->object, {"status", "phase"});
        if (!includeTerminating &&
            (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed")))
            continue;
        pods << s->object;
    }
    std::sort(pods.begin(), pods.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return nameOf(a) < nameOf(b); });
    return pods;
}

QList<QJsonObject> Cluster::ownedReplicaSets(const QString &deploymentUid) const
{
    QList<QJsonObject> sets;
    const auto it = m_rsByOwner.constFind(deploymentUid);
    if (it == m_rsByOwner.cend())
        return sets;
    for (const QString &key : *it) {
        const StoredObject *s = m_store->find(ReplicaSets, key);
        if (s)
            sets << s->object;
    }
    std::sort(sets.begin(), sets.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return jstr(a, {"metadata", "creationTimestamp"}) <
               jstr(b, {"metadata", "creationTimestamp"});
    });
    return sets;
}

void Cluster::syncNamespace(const QString &key)
{
    const QJsonObject ns = m_store->get(Namespaces, key);
    if (ns.isEmpty())
        return;
    if (!podIsTerminating(ns)) {
        // What the service account and root-CA controllers add to every namespace.
        if (!m_store->find(ServiceAccounts, objectKey(key, QStringLiteral("default")))) {
            QJsonObject meta{{QStringLiteral("name"), QStringLiteral("default")},
                             {QStringLiteral("namespace"), key}};
            if (m_instant)
                meta.insert(QStringLiteral("creationTimestamp"), nowText());
            m_store->create(ServiceAccounts, QJsonObject{{QStringLiteral("metadata"), meta}});
        }
        if (!m_store->find(ConfigMaps, objectKey(key, QStringLiteral("kube-root-ca.crt")))) {
            QJsonObject meta{
                {QStringLiteral("name"), QStringLiteral("kube-root-ca.crt")},
                {QStringLiteral("namespace"), key},
                {QStringLiteral("annotations"),
                 QJsonObject{
                     {QStringLiteral("kubernetes.io/description"),
                      QStringLiteral("Contains a CA bundle that can be used to verify the "
                                     "kube-apiserver when using internal endpoints such as "
                                     "the internal service IP or kubernetes.default.svc. No "
                                     "other usage is guaranteed across distributions of "
                                     "Kubernetes clusters.")}}}};
            if (m_instant)
                meta.insert(QStringLiteral("creationTimestamp"), nowText());
            m_store->create(
                ConfigMaps,
                QJsonObject{{QStringLiteral("metadata"), meta},
                            {QStringLiteral("data"),
                             QJsonObject{{QStringLiteral("ca.crt"),
                                          QStringLiteral("-----BEGIN CERTIFICATE-----\n(demo lab)\n"
                                                         "-----END CERTIFICATE-----\n")}}}});
        }
        return;
    }
    // Terminating: everything inside goes, then the namespace.
    const QString prefix = key + QLatin1Char('/');
    for (const ResourceType &t : resourceTypes()) {
        if (!t.namespaced)
            continue;
        const ObjectMap &map = m_store->objects(t.id);
        QStringList keys;
        for (auto it = map.lowerBound(prefix); it != map.cend() && it.key().startsWith(prefix);
             ++it)
            keys << it.key();
        for (const QString &k : keys) {
            if (t.id == Pods)
                deletePod(k, 0);
            else
                m_store->remove(t.id, k);
        }
    }
    m_store->remove(Namespaces, key);
}

} // namespace labdeck::demolab::detail
