#include "demolab/cluster_p.h"

#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <limits>

namespace labdeck::demolab::detail {

using namespace std::chrono_literals;

namespace {

const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString kTemplateHash = QStringLiteral("pod-template-hash");
const QString kRevisionHash = QStringLiteral("controller-revision-hash");
const QString kUnschedulableTaint = QStringLiteral("node.kubernetes.io/unschedulable");
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

QString hex64(const QString &seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
}

int replicasOf(const QJsonObject &object)
{
    return int(jint(object, {"spec", "replicas"}, 1));
}

QJsonObject condition(const QString &type, bool status, const QString &time,
                      const QString &reason = {}, const QString &message = {}, bool probe = true)
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

int ordinalOf(const QString &podName, const QString &setName)
{
    if (!podName.startsWith(setName + QLatin1Char('-')))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok ? ordinal : -1;
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

void insertNonZero(QJsonObject &o, const char *key, qint64 value)
{
    if (value != 0)
        o.insert(QLatin1String(key), value);
}

} // namespace

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

// --- pods ------------------------------------------------------------------

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

QString Cluster::allocatePodIp(const QString &nodeName, const QJsonObject &node)
{
    const QString cidr = jstr(node, {"spec", "podCIDR"});
    const QString base = cidr.isEmpty() ? QStringLiteral("10.244.0.")
                                        : cidr.section(QLatin1Char('.'), 0, 2) + QLatin1Char('.');
    int &next = m_nextPodIp[nodeName];
    next = next >= 254 || next < 2 ? 2 : next + 1;
    return base + QString::number(next);
}

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

void Cluster::updateStatus(ResourceId resource, const QString &key, const QJsonObject &status)
{
    QJsonObject object = m_store->get(resource, key);
    if (object.isEmpty() || object.value(QLatin1String("status")).toObject() == status)
        return;
    object.insert(QStringLiteral("status"), status);
    m_store->update(resource, object);
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
            c.toObject().value(QLatin1String("reason")).toString() == QLatin1String("NewReplicaSetAvailable"))
            rolledOut = c.toObject().value(QLatin1String("message")).toString().contains(
                QLatin1Char('"') + nameOf(newRs) + QLatin1Char('"')); // the same ReplicaSet, rolled out
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
            if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Progressing"))
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

QString Cluster::allocateServiceAddresses(QJsonObject &service, const QJsonObject &old)
{
    QJsonObject spec = service.value(QLatin1String("spec")).toObject();
    const QString type = spec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
    if (type == QLatin1String("ExternalName"))
        return {};
    const QString key = objectKey(service);
    QSet<QString> usedIps;
    QSet<qint64> usedPorts;
    const ObjectMap &services = m_store->objects(Services);
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        if (it.key() == key)
            continue;
        usedIps.insert(jstr(it->object, {"spec", "clusterIP"}));
        for (const QJsonValue &p : jarr(it->object, {"spec", "ports"}))
            usedPorts.insert(p.toObject().value(QLatin1String("nodePort")).toInteger(0));
    }
    QString ip = spec.value(QLatin1String("clusterIP")).toString();
    if (ip.isEmpty())
        ip = jstr(old, {"spec", "clusterIP"});
    if (ip.isEmpty()) {
        do {
            ++m_nextServiceIp;
            const int n = 20 + m_nextServiceIp * 37 % 60000;
            ip = QStringLiteral("10.96.%1.%2").arg(n / 250).arg(n % 250 + 2);
        } while (usedIps.contains(ip));
    } else if (ip != QLatin1String("None") && usedIps.contains(ip)) {
        return QStringLiteral(
                   "spec.clusterIPs: Invalid value: []string{\"%1\"}: failed to allocate IP %1: "
                   "provided IP is already allocated")
            .arg(ip);
    }
    spec.insert(QStringLiteral("clusterIP"), ip);
    spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
    if (type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer")) {
        const QJsonArray oldPorts = jarr(old, {"spec", "ports"});
        QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            qint64 nodePort = port.value(QLatin1String("nodePort")).toInteger(0);
            if (nodePort == 0) {
                for (const QJsonValue &o : oldPorts) {
                    if (o.toObject().value(QLatin1String("port")) ==
                        port.value(QLatin1String("port")))
                        nodePort = o.toObject().value(QLatin1String("nodePort")).toInteger(0);
                }
            }
            if (nodePort == 0) {
                do {
                    nodePort = 30000 + m_random.bounded(2768);
                } while (usedPorts.contains(nodePort));
            } else if (usedPorts.contains(nodePort)) {
                return QStringLiteral("spec.ports[%1].nodePort: Invalid value: %2: provided port "
                                      "is already allocated")
                    .arg(i)
                    .arg(nodePort);
            }
            usedPorts.insert(nodePort);
            port.insert(QStringLiteral("nodePort"), nodePort);
            ports.replace(i, port);
        }
        spec.insert(QStringLiteral("ports"), ports);
    } else {
        QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            port.remove(QLatin1String("nodePort"));
            ports.replace(i, port);
        }
        if (spec.contains(QLatin1String("ports")))
            spec.insert(QStringLiteral("ports"), ports);
    }
    service.insert(QStringLiteral("spec"), spec);
    return {};
}

} // namespace labdeck::demolab::detail
