#include "demolab/store_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>
#include <limits>

namespace labdeck::demolab::detail {

namespace {

ResourceType make(ResourceId id, const char *group, const char *plural, const char *singular,
                  const char *kind, bool namespaced, QStringList shortNames, QStringList categories,
                  QStringList subresources, bool hasGeneration = false)
{
    ResourceType t;
    t.id = id;
    t.group = QString::fromLatin1(group);
    t.version = QStringLiteral("v1");
    t.plural = QString::fromLatin1(plural);
    t.singular = QString::fromLatin1(singular);
    t.kind = QString::fromLatin1(kind);
    t.namespaced = namespaced;
    t.shortNames = std::move(shortNames);
    t.categories = std::move(categories);
    t.subresources = std::move(subresources);
    t.hasGeneration = hasGeneration;
    t.hasStatusSubresource = t.subresources.contains(QStringLiteral("status"));
    t.jsonPrefix = "{\"apiVersion\":\"" + t.apiVersion().toLatin1() + "\",\"kind\":\"" +
                   t.kind.toLatin1() + "\",";
    return t;
}

QList<ResourceType> buildTypes()
{
    using L = QStringList;
    const L all{QStringLiteral("all")};
    const L status{QStringLiteral("status")};
    const L scaleStatus{QStringLiteral("scale"), QStringLiteral("status")};
    QList<ResourceType> t;
    t << make(Namespaces, "", "namespaces", "namespace", "Namespace", false,
              L{QStringLiteral("ns")}, {}, status);
    t << make(Nodes, "", "nodes", "node", "Node", false, L{QStringLiteral("no")}, {}, status);
    t << make(Pods, "", "pods", "pod", "Pod", true, L{QStringLiteral("po")}, all,
              L{QStringLiteral("log"), QStringLiteral("status")});
    t << make(Services, "", "services", "service", "Service", true, L{QStringLiteral("svc")}, all,
              status);
    t << make(Endpoints, "", "endpoints", "endpoints", "Endpoints", true, L{QStringLiteral("ep")},
              {}, {});
    t << make(Events, "", "events", "event", "Event", true, L{QStringLiteral("ev")}, {}, {});
    t << make(PersistentVolumes, "", "persistentvolumes", "persistentvolume", "PersistentVolume",
              false, L{QStringLiteral("pv")}, {}, status);
    t << make(PersistentVolumeClaims, "", "persistentvolumeclaims", "persistentvolumeclaim",
              "PersistentVolumeClaim", true, L{QStringLiteral("pvc")}, {}, status);
    t << make(ConfigMaps, "", "configmaps", "configmap", "ConfigMap", true, L{QStringLiteral("cm")},
              {}, {});
    t << make(Secrets, "", "secrets", "secret", "Secret", true, {}, {}, {});
    t << make(ServiceAccounts, "", "serviceaccounts", "serviceaccount", "ServiceAccount", true,
              L{QStringLiteral("sa")}, {}, {});
    t << make(Deployments, "apps", "deployments", "deployment", "Deployment", true,
              L{QStringLiteral("deploy")}, all, scaleStatus, true);
    t << make(StatefulSets, "apps", "statefulsets", "statefulset", "StatefulSet", true,
              L{QStringLiteral("sts")}, all, scaleStatus, true);
    t << make(DaemonSets, "apps", "daemonsets", "daemonset", "DaemonSet", true,
              L{QStringLiteral("ds")}, all, status, true);
    t << make(ReplicaSets, "apps", "replicasets", "replicaset", "ReplicaSet", true,
              L{QStringLiteral("rs")}, all, scaleStatus, true);
    t << make(StorageClasses, "storage.k8s.io", "storageclasses", "storageclass", "StorageClass",
              false, L{QStringLiteral("sc")}, {}, {});
    return t;
}

QByteArray toCompactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

} // namespace

const QList<ResourceType> &resourceTypes()
{
    static const QList<ResourceType> types = buildTypes();
    return types;
}

const ResourceType &resourceType(ResourceId id)
{
    return resourceTypes().at(id);
}

const ResourceType *findResource(const QString &group, const QString &version,
                                 const QString &plural)
{
    for (const ResourceType &t : resourceTypes()) {
        if (t.plural == plural && t.group == group && t.version == version)
            return &t;
    }
    return nullptr;
}

const ResourceType *findKind(const QString &apiVersion, const QString &kind)
{
    for (const ResourceType &t : resourceTypes()) {
        if (t.kind == kind && t.apiVersion() == apiVersion)
            return &t;
    }
    return nullptr;
}

QString objectKey(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

QString objectKey(const QJsonObject &object)
{
    return objectKey(namespaceOf(object), nameOf(object));
}

QString nameOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("name")).toString();
}

QString namespaceOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("namespace")).toString();
}

QString uidOf(const QJsonObject &object)
{
    return metadataOf(object).value(QLatin1String("uid")).toString();
}

QString timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

QString nowTimestamp()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QByteArray fullObjectJson(const ResourceType &type, const QByteArray &itemJson)
{
    if (itemJson.size() <= 2)
        return type.jsonPrefix.left(type.jsonPrefix.size() - 1) + '}';
    QByteArray out;
    out.reserve(type.jsonPrefix.size() + itemJson.size());
    out += type.jsonPrefix;
    out.append(itemJson.constData() + 1, itemJson.size() - 1);
    return out;
}

QJsonObject withTypeMeta(const ResourceType &type, QJsonObject object)
{
    object.insert(QLatin1String("apiVersion"), type.apiVersion());
    object.insert(QLatin1String("kind"), type.kind);
    return object;
}

// ---------------------------------------------------------------------------

Store::Store(QObject *parent)
    : QObject(parent)
{}

const StoredObject *Store::find(ResourceId resource, const QString &key) const
{
    const ObjectMap &map = m_objects[resource];
    const auto it = map.constFind(key);
    return it == map.cend() ? nullptr : &it.value();
}

QJsonObject Store::get(ResourceId resource, const QString &ns, const QString &name) const
{
    return get(resource, objectKey(ns, name));
}

QJsonObject Store::get(ResourceId resource, const QString &key) const
{
    const StoredObject *s = find(resource, key);
    return s ? s->object : QJsonObject();
}

QJsonObject Store::create(ResourceId resource, QJsonObject object)
{
    const ResourceType &type = resourceType(resource);
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    QJsonObject meta = metadataOf(object);
    if (meta.value(QLatin1String("uid")).toString().isEmpty())
        meta.insert(QLatin1String("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (meta.value(QLatin1String("creationTimestamp")).toString().isEmpty())
        meta.insert(QLatin1String("creationTimestamp"), nowTimestamp());
    if (type.hasGeneration)
        meta.insert(QLatin1String("generation"), 1);
    meta.insert(QLatin1String("resourceVersion"), QString::number(++m_rv));
    object.insert(QLatin1String("metadata"), meta);

    StoredObject stored{object, toCompactJson(object)};
    m_objects[resource].insert(objectKey(object), stored);
    record(resource, WatchEventType::Added, stored.object, stored.json, {});
    return object;
}

QJsonObject Store::update(ResourceId resource, QJsonObject object)
{
    const ResourceType &type = resourceType(resource);
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    const QString key = objectKey(object);
    const StoredObject *old = find(resource, key);
    if (!old)
        return create(resource, object);
    const QJsonObject previous = old->object;
    const QJsonObject oldMeta = metadataOf(previous);
    QJsonObject meta = metadataOf(object);
    meta.insert(QLatin1String("uid"), oldMeta.value(QLatin1String("uid")));
    meta.insert(QLatin1String("creationTimestamp"),
                oldMeta.value(QLatin1String("creationTimestamp")));
    if (type.hasGeneration) {
        qint64 generation = oldMeta.value(QLatin1String("generation")).toInteger(1);
        if (object.value(QLatin1String("spec")) != previous.value(QLatin1String("spec")))
            ++generation;
        meta.insert(QLatin1String("generation"), generation);
    }
    meta.insert(QLatin1String("resourceVersion"), QString::number(++m_rv));
    object.insert(QLatin1String("metadata"), meta);

    StoredObject stored{object, toCompactJson(object)};
    m_objects[resource].insert(key, stored);
    record(resource, WatchEventType::Modified, stored.object, stored.json, previous);
    return object;
}

QJsonObject Store::remove(ResourceId resource, const QString &key)
{
    const StoredObject *old = find(resource, key);
    if (!old)
        return {};
    QJsonObject object = old->object;
    m_objects[resource].remove(key);
    // The DELETED event carries the deletion's revision, like etcd's.
    QJsonObject meta = metadataOf(object);
    meta.insert(QLatin1String("resourceVersion"), QString::number(++m_rv));
    object.insert(QLatin1String("metadata"), meta);
    record(resource, WatchEventType::Deleted, object, toCompactJson(object), object);
    return object;
}

void Store::record(ResourceId resource, WatchEventType type, const QJsonObject &object,
                   const QByteArray &json, const QJsonObject &previous)
{
    m_history.push_back(HistoryEvent{m_rv, resource, type, object, json, previous});
    if (m_history.size() > m_historyLimit) {
        // Drop the oldest tenth at once so trimming is not paid per write,
        // but keep what live watches still have to send.
        constexpr size_t hardLimit = 400000;
        qint64 oldestNeeded = std::numeric_limits<qint64>::max();
        for (const qint64 cursor : std::as_const(m_watchCursors))
            oldestNeeded = std::min(oldestNeeded, cursor);
        const size_t keep = m_historyLimit - m_historyLimit / 10;
        while (m_history.size() > keep &&
               (m_history.front().rv <= oldestNeeded || m_history.size() > hardLimit)) {
            m_compactedRv = m_history.front().rv;
            m_history.pop_front();
        }
    }
    Q_EMIT objectChanged(resource, type, object, previous);
    Q_EMIT historyAppended();
}

size_t Store::firstEventAfter(qint64 after) const
{
    const auto it = std::upper_bound(m_history.cbegin(), m_history.cend(), after,
                                     [](qint64 rv, const HistoryEvent &e) { return rv < e.rv; });
    return size_t(it - m_history.cbegin());
}

void Store::compact()
{
    m_history.clear();
    m_compactedRv = m_rv;
    Q_EMIT compacted();
}

// ---------------------------------------------------------------------------

namespace {

// Splits on commas outside parentheses.
QStringList splitTerms(const QString &text)
{
    QStringList out;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            out << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

QStringList setValues(const QString &text, bool *ok)
{
    const qsizetype open = text.indexOf(QLatin1Char('('));
    const qsizetype close = text.lastIndexOf(QLatin1Char(')'));
    *ok = open >= 0 && close > open;
    QStringList values;
    if (!*ok)
        return values;
    const QStringList parts = text.mid(open + 1, close - open - 1).split(QLatin1Char(','));
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            values << p.trimmed();
    }
    return values;
}

} // namespace

LabelSelector LabelSelector::parse(const QString &text, QString *error)
{
    LabelSelector s;
    for (const QString &term : splitTerms(text)) {
        if (term.isEmpty())
            continue;
        Requirement r;
        const QString lower = term;
        qsizetype pos = -1;
        if (term.startsWith(QLatin1Char('!'))) {
            r.op = Requirement::NotExists;
            r.key = term.mid(1).trimmed();
        } else if ((pos = lower.indexOf(QLatin1String(" notin "))) > 0 ||
                   (pos = lower.indexOf(QLatin1String(" notin("))) > 0) {
            bool ok = false;
            r.op = Requirement::NotIn;
            r.key = term.left(pos).trimmed();
            r.values = setValues(term.mid(pos), &ok);
            if (!ok) {
                *error = QStringLiteral("unable to parse requirement: found '%1', expected: '('")
                             .arg(term);
                return {};
            }
        } else if ((pos = lower.indexOf(QLatin1String(" in "))) > 0 ||
                   (pos = lower.indexOf(QLatin1String(" in("))) > 0) {
            bool ok = false;
            r.op = Requirement::In;
            r.key = term.left(pos).trimmed();
            r.values = setValues(term.mid(pos), &ok);
            if (!ok) {
                *error = QStringLiteral("unable to parse requirement: found '%1', expected: '('")
                             .arg(term);
                return {};
            }
        } else if ((pos = term.indexOf(QLatin1String("!="))) > 0) {
            r.op = Requirement::NotEquals;
            r.key = term.left(pos).trimmed();
            r.values << term.mid(pos + 2).trimmed();
        } else if ((pos = term.indexOf(QLatin1String("=="))) > 0) {
            r.op = Requirement::Equals;
            r.key = term.left(pos).trimmed();
            r.values << term.mid(pos + 2).trimmed();
        } else if ((pos = term.indexOf(QLatin1Char('='))) > 0) {
            r.op = Requirement::Equals;
            r.key = term.left(pos).trimmed();
            r.values << term.mid(pos + 1).trimmed();
        } else {
            r.op = Requirement::Exists;
            r.key = term;
        }
        if (r.key.isEmpty() || r.key.contains(QLatin1Char(' '))) {
            *error =
                QStringLiteral("unable to parse requirement: invalid label key \"%1\"").arg(r.key);
            return {};
        }
        s.m_requirements << r;
    }
    return s;
}

LabelSelector LabelSelector::fromJson(const QJsonObject &selector)
{
    LabelSelector s;
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        s.m_requirements << Requirement{Requirement::Equals, it.key(), {it.value().toString()}};
    const QJsonArray expressions = selector.value(QLatin1String("matchExpressions")).toArray();
    for (const QJsonValue &v : expressions) {
        const QJsonObject e = v.toObject();
        Requirement r;
        r.key = e.value(QLatin1String("key")).toString();
        const QString op = e.value(QLatin1String("operator")).toString();
        if (op == QLatin1String("In"))
            r.op = Requirement::In;
        else if (op == QLatin1String("NotIn"))
            r.op = Requirement::NotIn;
        else if (op == QLatin1String("Exists"))
            r.op = Requirement::Exists;
        else
            r.op = Requirement::NotExists;
        for (const QJsonValue &value : e.value(QLatin1String("values")).toArray())
            r.values << value.toString();
        s.m_requirements << r;
    }
    return s;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    for (const Requirement &r : m_requirements) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Requirement::Equals:
            if (!has || value != r.values.value(0))
                return false;
            break;
        case Requirement::NotEquals:
            if (has && value == r.values.value(0))
                return false;
            break;
        case Requirement::In:
            if (!has || !r.values.contains(value))
                return false;
            break;
        case Requirement::NotIn:
            if (has && r.values.contains(value))
                return false;
            break;
        case Requirement::Exists:
            if (!has)
                return false;
            break;
        case Requirement::NotExists:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

QString LabelSelector::toText(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    for (const QJsonValue &v : selector.value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(QLatin1String("key")).toString();
        const QString op = e.value(QLatin1String("operator")).toString();
        QStringList values;
        for (const QJsonValue &value : e.value(QLatin1String("values")).toArray())
            values << value.toString();
        if (op == QLatin1String("In"))
            parts << key + QLatin1String(" in (") + values.join(QLatin1Char(',')) +
                         QLatin1Char(')');
        else if (op == QLatin1String("NotIn"))
            parts << key + QLatin1String(" notin (") + values.join(QLatin1Char(',')) +
                         QLatin1Char(')');
        else if (op == QLatin1String("Exists"))
            parts << key;
        else
            parts << QLatin1Char('!') + key;
    }
    return parts.join(QLatin1Char(','));
}

QString fieldValueText(const QJsonObject &object, const QStringList &path)
{
    QJsonValue v = object;
    for (const QString &p : path) {
        if (!v.isObject())
            return {};
        v = v.toObject().value(p);
    }
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toInteger());
    default:
        return {};
    }
}

FieldSelector FieldSelector::parse(const QString &text, QString *error)
{
    FieldSelector s;
    for (const QString &term : splitTerms(text)) {
        if (term.isEmpty())
            continue;
        Term t;
        qsizetype pos = term.indexOf(QLatin1String("!="));
        int opLength = 2;
        if (pos > 0) {
            t.negate = true;
        } else if ((pos = term.indexOf(QLatin1String("=="))) > 0) {
            opLength = 2;
        } else if ((pos = term.indexOf(QLatin1Char('='))) > 0) {
            opLength = 1;
        } else {
            *error =
                QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, term);
            return {};
        }
        t.field = term.left(pos).trimmed();
        t.value = term.mid(pos + opLength).trimmed();
        t.path = t.field.split(QLatin1Char('.'));
        s.m_terms << t;
    }
    return s;
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    for (const Term &t : m_terms) {
        const bool equal = fieldValueText(object, t.path) == t.value;
        if (equal == t.negate)
            return false;
    }
    return true;
}

QString FieldSelector::requiredValue(const QString &field) const
{
    for (const Term &t : m_terms) {
        if (!t.negate && t.field == field)
            return t.value;
    }
    return {};
}

} // namespace labdeck::demolab::detail
