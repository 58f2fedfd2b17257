#pragma once

// The simulator's etcd: every object as JSON, keyed by resource and
// "namespace/name", one global resourceVersion counter, and the event history
// that watches replay from. Everything here runs on the simulator's thread.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <deque>

namespace labdeck::demolab::detail {

enum ResourceId : int {
    Namespaces,
    Nodes,
    Pods,
    Services,
    Endpoints,
    Events,
    PersistentVolumes,
    PersistentVolumeClaims,
    ConfigMaps,
    Secrets,
    ServiceAccounts,
    Deployments,
    StatefulSets,
    DaemonSets,
    ReplicaSets,
    StorageClasses,
    ResourceCount
};

struct ResourceType
{
    ResourceId id = Pods;
    QString group; // "" for the core group
    QString version;
    QString plural;
    QString singular;
    QString kind;
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // "status", "scale", "log"
    bool hasGeneration = false;
    bool hasStatusSubresource = false;
    QByteArray jsonPrefix; // {"apiVersion":"apps/v1","kind":"Deployment",

    [[nodiscard]] QString apiVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // "deployments.apps", "pods": what NotFound and Conflict messages name.
    [[nodiscard]] QString groupResource() const
    {
        return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
    }
    // "Deployment.apps", "Pod": what Invalid messages name.
    [[nodiscard]] QString groupKind() const
    {
        return group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    }
};

[[nodiscard]] const QList<ResourceType> &resourceTypes();
[[nodiscard]] const ResourceType &resourceType(ResourceId id);
[[nodiscard]] const ResourceType *findResource(const QString &group, const QString &version,
                                               const QString &plural);
[[nodiscard]] const ResourceType *findKind(const QString &apiVersion, const QString &kind);

[[nodiscard]] QString objectKey(const QString &ns, const QString &name);
[[nodiscard]] QString objectKey(const QJsonObject &object);
[[nodiscard]] QString nameOf(const QJsonObject &object);
[[nodiscard]] QString namespaceOf(const QJsonObject &object);
[[nodiscard]] QString uidOf(const QJsonObject &object);

// "2026-08-22T12:03:07Z", what metav1.Time serializes to.
[[nodiscard]] QString timestamp(const QDateTime &utc);
[[nodiscard]] QString nowTimestamp();

// An object stored without apiVersion/kind (as list items are sent) plus its
// compact JSON, made once per write and shared by lists, gets and watches.
struct StoredObject
{
    QJsonObject object;
    QByteArray json;
};
using ObjectMap = QMap<QString, StoredObject>;

enum class WatchEventType { Added, Modified, Deleted };

struct HistoryEvent
{
    qint64 rv = 0;
    ResourceId resource = Pods;
    WatchEventType type = WatchEventType::Added;
    QJsonObject object;   // the new state (the last state for Deleted)
    QByteArray json;      // object's compact JSON
    QJsonObject previous; // for selector transitions; empty for Added
};

// The object with apiVersion and kind, as JSON, spliced without re-encoding.
[[nodiscard]] QByteArray fullObjectJson(const ResourceType &type, const QByteArray &itemJson);
[[nodiscard]] QJsonObject withTypeMeta(const ResourceType &type, QJsonObject object);

class Store final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)
public:
    explicit Store(QObject *parent);

    [[nodiscard]] const ObjectMap &objects(ResourceId resource) const
    {
        return m_objects[resource];
    }
    [[nodiscard]] const StoredObject *find(ResourceId resource, const QString &key) const;
    // Empty when absent.
    [[nodiscard]] QJsonObject get(ResourceId resource, const QString &ns,
                                  const QString &name) const;
    [[nodiscard]] QJsonObject get(ResourceId resource, const QString &key) const;
    [[nodiscard]] qint64 resourceVersion() const { return m_rv; }

    // Writes: each takes the next resourceVersion, records the event and
    // tells the controllers. The object has no apiVersion/kind.
    // create() fills uid, creationTimestamp and generation when missing.
    QJsonObject create(ResourceId resource, QJsonObject object);
    // update() bumps generation when spec changed (for types that have one).
    QJsonObject update(ResourceId resource, QJsonObject object);
    QJsonObject remove(ResourceId resource, const QString &key);

    // Events with rv > compactedRevision() are all in history().
    [[nodiscard]] qint64 compactedRevision() const { return m_compactedRv; }
    [[nodiscard]] const std::deque<HistoryEvent> &history() const { return m_history; }
    // Index of the first event with rv > after (== history().size() when none).
    [[nodiscard]] size_t firstEventAfter(qint64 after) const;
    void compact();
    // Trimming keeps at least `limit` events and never drops events a live
    // watch has not sent yet (below a hard cap), so a burst of changes does
    // not expire the watches that are draining it.
    void setHistoryLimit(size_t limit) { m_historyLimit = limit; }
    void setWatchCursor(const void *watch, qint64 rv) { m_watchCursors.insert(watch, rv); }
    void removeWatchCursor(const void *watch) { m_watchCursors.remove(watch); }

Q_SIGNALS:
    // Direct connections only (same thread); resource is a ResourceId.
    void objectChanged(int resource, labdeck::demolab::detail::WatchEventType type,
                       const QJsonObject &object, const QJsonObject &previous);
    void historyAppended();
    void compacted();

private:
    void record(ResourceId resource, WatchEventType type, const QJsonObject &object,
                const QByteArray &json, const QJsonObject &previous);

    ObjectMap m_objects[ResourceCount];
    qint64 m_rv = 0;
    qint64 m_compactedRv = 0;
    std::deque<HistoryEvent> m_history;
    size_t m_historyLimit = 20000;
    QHash<const void *, qint64> m_watchCursors;
};

// Label selectors: "a=b,c!=d,e in (f,g),h notin (i),j,!k" and the structured
// {matchLabels, matchExpressions} form.
class LabelSelector
{
public:
    [[nodiscard]] static LabelSelector parse(const QString &text, QString *error);
    [[nodiscard]] static LabelSelector fromJson(const QJsonObject &selector);
    [[nodiscard]] bool matches(const QJsonObject &labels) const;
    [[nodiscard]] bool isEmpty() const { return m_requirements.isEmpty(); }
    // "app=web,tier=db" (the Scale status.selector form).
    [[nodiscard]] static QString toText(const QJsonObject &selector);

private:
    struct Requirement
    {
        enum Op { Equals, NotEquals, In, NotIn, Exists, NotExists } op = Equals;
        QString key;
        QStringList values;
    };
    QList<Requirement> m_requirements;
};

// Field selectors: "spec.nodeName=x,metadata.namespace!=y" over any path.
class FieldSelector
{
public:
    [[nodiscard]] static FieldSelector parse(const QString &text, QString *error);
    [[nodiscard]] bool matches(const QJsonObject &object) const;
    [[nodiscard]] bool isEmpty() const { return m_terms.isEmpty(); }
    // The value a term on this field requires, if any (for fast paths).
    [[nodiscard]] QString requiredValue(const QString &field) const;

private:
    struct Term
    {
        QStringList path;
        QString field;
        QString value;
        bool negate = false;
    };
    QList<Term> m_terms;
};

[[nodiscard]] QString fieldValueText(const QJsonObject &object, const QStringList &path);

} // namespace labdeck::demolab::detail

Q_DECLARE_METATYPE(labdeck::demolab::detail::WatchEventType)
