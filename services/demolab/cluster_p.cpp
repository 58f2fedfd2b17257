#include "demolab/cluster_p.h"

#include "demolab/cluster_helpers_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

// The cluster's reconcile loop, its Events and the helpers its controllers
// share. The controllers, the scheduler, the kubelet, garbage collection and
// address allocation live in cluster_<part>_p.cpp.

namespace labdeck::demolab::detail {

using namespace std::chrono_literals;

namespace {

// The alphabet Kubernetes uses for generated names and hashes (no vowels,
// no look-alikes), k8s.io/apimachinery/pkg/util/rand.
const char kAlphanums[] = "bcdfghjklmnpqrstvwxz2456789";
constexpr int kMaxEvents = 2000;

QString safeEncode(const QByteArray &text)
{
    QString out;
    out.reserve(text.size());
    for (const char c : text)
        out += QLatin1Char(kAlphanums[uchar(c) % (sizeof(kAlphanums) - 1)]);
    return out;
}

} // namespace

QString hex64(const QString &seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject condition(const QString &type, bool status, const QString &time, const QString &reason,
                      const QString &message, bool probe)
{
    QJsonObject c{
        {QStringLiteral("type"), type},
        {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("lastTransitionTime"), time}};
    if (probe)
        c.insert(QStringLiteral("lastProbeTime"), QJsonValue(QJsonValue::Null));
    if (!reason.isEmpty())
        c.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        c.insert(QStringLiteral("message"), message);
    return c;
}

QStringList containerNames(const QJsonObject &pod)
{
    QStringList names;
    for (const QJsonValue &c : jarr(pod, {"spec", "containers"}))
        names << c.toObject().value(QLatin1String("name")).toString();
    return names;
}

QString nodeInternalIp(const QJsonObject &node)
{
    for (const QJsonValue &v : jarr(node, {"status", "addresses"})) {
        if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("InternalIP"))
            return v.toObject().value(QLatin1String("address")).toString();
    }
    return {};
}

// Keeps lastTransitionTime of conditions whose status did not change.
QJsonArray carryTransitions(const QJsonArray &fresh, const QJsonArray &old)
{
    QJsonArray out;
    for (const QJsonValue &v : fresh) {
        QJsonObject c = v.toObject();
        for (const QJsonValue &o : old) {
            const QJsonObject oc = o.toObject();
            if (oc.value(QLatin1String("type")) == c.value(QLatin1String("type")) &&
                oc.value(QLatin1String("status")) == c.value(QLatin1String("status"))) {
                c.insert(QLatin1String("lastTransitionTime"),
                         oc.value(QLatin1String("lastTransitionTime")));
                if (oc.contains(QLatin1String("lastUpdateTime")) &&
                    oc.value(QLatin1String("reason")) == c.value(QLatin1String("reason")))
                    c.insert(QLatin1String("lastUpdateTime"),
                             oc.value(QLatin1String("lastUpdateTime")));
            }
        }
        out.append(c);
    }
    return out;
}

bool podIsReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : jarr(pod, {"status", "conditions"})) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return o.value(QLatin1String("status")).toString() == QLatin1String("True");
    }
    return false;
}

bool podIsTerminating(const QJsonObject &pod)
{
    return !jstr(pod, {"metadata", "deletionTimestamp"}).isEmpty();
}

QJsonObject ownerReference(const ResourceType &type, const QJsonObject &owner)
{
    return QJsonObject{{QStringLiteral("apiVersion"), type.apiVersion()},
                       {QStringLiteral("kind"), type.kind},
                       {QStringLiteral("name"), nameOf(owner)},
                       {QStringLiteral("uid"), uidOf(owner)},
                       {QStringLiteral("controller"), true},
                       {QStringLiteral("blockOwnerDeletion"), true}};
}

namespace {
QJsonObject controllerRef(const QJsonObject &object)
{
    for (const QJsonValue &v : jarr(object, {"metadata", "ownerReferences"})) {
        const QJsonObject ref = v.toObject();
        if (ref.value(QLatin1String("controller")).toBool())
            return ref;
    }
    return {};
}
} // namespace

QString controllerUid(const QJsonObject &object)
{
    return controllerRef(object).value(QLatin1String("uid")).toString();
}

QString controllerKind(const QJsonObject &object)
{
    return controllerRef(object).value(QLatin1String("kind")).toString();
}

// ---------------------------------------------------------------------------

Cluster::Cluster(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_random(QRandomGenerator::securelySeeded())
{
    connect(store, &Store::objectChanged, this, &Cluster::onObjectChanged);
}

void Cluster::setInstant(bool instant, const QDateTime &time)
{
    m_instant = instant;
    m_instantTime = time.toUTC();
}

QDateTime Cluster::now() const
{
    return m_instant ? m_instantTime : QDateTime::currentDateTimeUtc();
}

QString Cluster::randomSuffix(int length)
{
    QString s;
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(kAlphanums[m_random.bounded(int(sizeof(kAlphanums) - 1))]);
    return s;
}

QString Cluster::templateHash(const QJsonObject &podTemplate)
{
    // FNV-1a 32 over the template's canonical JSON, printed in decimal and
    // then safe-encoded, like the controller's ComputeHash.
    const QByteArray json = QJsonDocument(podTemplate).toJson(QJsonDocument::Compact);
    quint32 hash = 2166136261u;
    for (const char c : json) {
        hash ^= uchar(c);
        hash *= 16777619u;
    }
    return safeEncode(QByteArray::number(hash)).left(10);
}

void Cluster::markDirty(ResourceId resource, const QString &key)
{
    m_dirty[resource].insert(key);
    scheduleReconcile();
}

void Cluster::scheduleReconcile()
{
    if (m_reconcileScheduled || m_reconciling)
        return;
    m_reconcileScheduled = true;
    QTimer::singleShot(0, this, &Cluster::reconcile);
}

void Cluster::reconcileNow()
{
    reconcile();
}

void Cluster::onObjectChanged(int resource, WatchEventType type, const QJsonObject &object,
                              const QJsonObject &previous)
{
    const QString key = objectKey(object);
    const bool deleted = type == WatchEventType::Deleted;
    const QString ns = namespaceOf(object);
    switch (resource) {
    case Pods: {
        const QString owner = controllerUid(object);
        const QString node = jstr(object, {"spec", "nodeName"});
        const QString oldNode = m_nodeOfPod.value(key);
        if (deleted) {
            if (!owner.isEmpty()) {
                auto it = m_podsByOwner.find(owner);
                if (it != m_podsByOwner.end()) {
                    it->remove(key);
                    if (it->isEmpty())
                        m_podsByOwner.erase(it);
                }
            }
            if (m_nodeOfPod.remove(key))
                --m_podsOnNode[oldNode];
            m_unscheduled.remove(key);
        } else {
            if (!owner.isEmpty())
                m_podsByOwner[owner].insert(key);
            if (oldNode != node) {
                if (m_nodeOfPod.contains(key))
                    --m_podsOnNode[oldNode];
                m_nodeOfPod.insert(key, node);
                ++m_podsOnNode[node];
            }
            if (node.isEmpty() && !podIsTerminating(object) && type == WatchEventType::Added) {
                m_unscheduled.insert(key);
                scheduleReconcile();
            }
        }
        if (!owner.isEmpty()) {
            const QString kind = controllerKind(object);
            const QString ownerName = controllerRef(object).value(QLatin1String("name")).toString();
            if (kind == QLatin1String("ReplicaSet"))
                markDirty(ReplicaSets, objectKey(ns, ownerName));
            else if (kind == QLatin1String("StatefulSet"))
                markDirty(StatefulSets, objectKey(ns, ownerName));
            else if (kind == QLatin1String("DaemonSet"))
                markDirty(DaemonSets, objectKey(ns, ownerName));
        }
        break;
    }
    case ReplicaSets: {
        const QString owner = controllerUid(object);
        if (!owner.isEmpty()) {
            if (deleted)
                m_rsByOwner[owner].remove(key);
            else
                m_rsByOwner[owner].insert(key);
            markDirty(Deployments,
                      objectKey(ns, controllerRef(object).value(QLatin1String("name")).toString()));
        }
        if (!deleted)
            markDirty(ReplicaSets, key);
        break;
    }
    case Deployments:
    case StatefulSets:
    case DaemonSets:
        if (!deleted)
            markDirty(ResourceId(resource), key);
        break;
    case Nodes:
        if (!deleted)
            markDirty(Nodes, key);
        for (auto it = m_store->objects(DaemonSets).keyBegin();
             it != m_store->objects(DaemonSets).keyEnd(); ++it)
            markDirty(DaemonSets, *it);
        break;
    case PersistentVolumeClaims:
        if (!deleted)
            markDirty(PersistentVolumeClaims, key);
        break;
    case Namespaces:
        if (!deleted)
            markDirty(Namespaces, key);
        break;
    default:
        break;
    }
    Q_UNUSED(previous);
    if (deleted) {
        const QString uid = uidOf(object);
        if (!uid.isEmpty() && (m_podsByOwner.contains(uid) || m_rsByOwner.contains(uid))) {
            m_garbage << uid;
            scheduleReconcile();
        }
    }
}

void Cluster::reconcile()
{
    m_reconcileScheduled = false;
    if (m_reconciling)
        return;
    m_reconciling = true;
    static const ResourceId order[] = {Namespaces,  Nodes,       PersistentVolumeClaims,
                                       Deployments, ReplicaSets, StatefulSets,
                                       DaemonSets};
    for (int round = 0; round < 100; ++round) {
        bool any = false;
        const QStringList garbage = std::exchange(m_garbage, {});
        for (const QString &uid : garbage)
            collectGarbage(uid);
        any = any || !garbage.isEmpty();
        for (const ResourceId r : order) {
            const QSet<QString> keys = std::exchange(m_dirty[r], {});
            any = any || !keys.isEmpty();
            for (const QString &key : keys) {
                switch (r) {
                case Namespaces:
                    syncNamespace(key);
                    break;
                case Nodes:
                    syncNode(key);
                    break;
                case PersistentVolumeClaims:
                    syncClaim(key);
                    break;
                case Deployments:
                    syncDeployment(key);
                    break;
                case ReplicaSets:
                    syncReplicaSet(key);
                    break;
                case StatefulSets:
                    syncStatefulSet(key);
                    break;
                case DaemonSets:
                    syncDaemonSet(key);
                    break;
                default:
                    break;
                }
            }
        }
        // Pods wait for a node until one fits; a node change retries them.
        const QSet<QString> waiting = m_unscheduled;
        for (const QString &key : waiting) {
            if (bindPod(key))
                m_unscheduled.remove(key);
        }
        if (!any)
            break;
    }
    m_reconciling = false;
    bool pending = !m_garbage.isEmpty();
    for (const QSet<QString> &d : m_dirty)
        pending = pending || !d.isEmpty();
    if (pending)
        scheduleReconcile();
}

// --- events ----------------------------------------------------------------

void Cluster::recordEvent(ResourceId resource, const QJsonObject &object, const QString &type,
                          const QString &reason, const QString &message, const QString &component,
                          const QString &host, const QString &fieldPath)
{
    if (!m_recordEvents)
        return;
    const ResourceType &rt = resourceType(resource);
    const QString ns = rt.namespaced ? namespaceOf(object) : QStringLiteral("default");
    const QString time = nowText();
    const quint64 stamp =
        quint64(now().toMSecsSinceEpoch()) * 1000000ull + (++m_eventCounter % 1000000ull);
    QJsonObject involved{
        {QStringLiteral("kind"), rt.kind},
        {QStringLiteral("name"), nameOf(object)},
        {QStringLiteral("uid"), uidOf(object)},
        {QStringLiteral("apiVersion"), rt.apiVersion()},
        {QStringLiteral("resourceVersion"), jstr(object, {"metadata", "resourceVersion"})}};
    if (rt.namespaced)
        involved.insert(QStringLiteral("namespace"), ns);
    if (!fieldPath.isEmpty())
        involved.insert(QStringLiteral("fieldPath"), fieldPath);
    QJsonObject source{{QStringLiteral("component"), component}};
    if (!host.isEmpty())
        source.insert(QStringLiteral("host"), host);
    const QString name = nameOf(object) + QLatin1Char('.') + QString::number(stamp, 16);
    QJsonObject event{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("namespace"), ns},
                                                 {QStringLiteral("creationTimestamp"), time}}},
        {QStringLiteral("involvedObject"), involved},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("firstTimestamp"), time},
        {QStringLiteral("lastTimestamp"), time},
        {QStringLiteral("count"), 1},
        {QStringLiteral("type"), type},
        {QStringLiteral("eventTime"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), host},
    };
    m_store->create(Events, event);
    m_eventKeys.push_back(objectKey(ns, name));
    while (m_eventKeys.size() > size_t(kMaxEvents)) {
        m_store->remove(Events, m_eventKeys.front());
        m_eventKeys.pop_front();
    }
}

void Cluster::updateStatus(ResourceId resource, const QString &key, const QJsonObject &status)
{
    QJsonObject object = m_store->get(resource, key);
    if (object.isEmpty() || object.value(QLatin1String("status")).toObject() == status)
        return;
    object.insert(QStringLiteral("status"), status);
    m_store->update(resource, object);
}

} // namespace labdeck::demolab::detail
