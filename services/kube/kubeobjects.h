#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace labdeck::kube {

// Plain values read from Kubernetes objects: what the models show. Parsing
// tolerates missing fields (an object being created has no status yet).

struct Condition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastTransition;
};

struct NodeInfo
{
    QString name;
    QString uid;
    bool ready = false;
    bool readyKnown = false; // false when the node reports no Ready condition
    QString readyReason;
    bool unschedulable = false;
    QStringList roles; // from node-role.kubernetes.io/<role> labels
    QMap<QString, QString> labels;
    QString kubeletVersion;
    QString architecture;
    QString cpuCapacity;
    QString memoryCapacity;
    QString cpuAllocatable;
    QString memoryAllocatable;
    QList<Condition> conditions;
    QDateTime created;
    QString resourceVersion;
};

struct PodInfo
{
    QString ns;
    QString name;
    QString uid;
    QString phase;  // Pending, Running, Succeeded, Failed, Unknown
    QString status; // what kubectl's STATUS column says: Running, ContainerCreating, CrashLoopBackOff, Terminating, ...
    bool ready = false;
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    QString nodeName;
    QDateTime created;
    QStringList containers;
    QStringList images;
    QString workloadKind; // Deployment, StatefulSet, DaemonSet, Node (static pod), "" when none
    QString workloadName;
    bool deleting = false;
    QString resourceVersion;

    [[nodiscard]] QString key() const { return ns + QLatin1Char('/') + name; }
    [[nodiscard]] bool isCrashLooping() const { return status == QLatin1String("CrashLoopBackOff"); }
};

struct WorkloadInfo
{
    QString kind; // Deployment, StatefulSet, DaemonSet
    QString ns;
    QString name;
    QString uid;
    int desired = 0;
    int current = 0;
    int ready = 0;
    int updated = 0;
    int available = 0;
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    QStringList images;
    QMap<QString, QString> selector;     // spec.selector.matchLabels
    QMap<QString, QString> nodeSelector; // spec.template.spec.nodeSelector
    bool paused = false;
    QString updateStrategy; // RollingUpdate, OnDelete, Recreate
    QString restartedAt;    // kubectl.kubernetes.io/restartedAt on the template
    QList<Condition> conditions;
    QDateTime created;
    QString resourceVersion;

    [[nodiscard]] QString key() const { return kind + QLatin1Char(':') + ns + QLatin1Char('/') + name; }
    // The rollout has settled: the controller saw the latest spec and every
    // desired replica is updated and ready.
    [[nodiscard]] bool rolloutComplete() const;
    // A Deployment whose progress deadline passed (condition Progressing=False,
    // reason ProgressDeadlineExceeded): the message says why.
    [[nodiscard]] QString rolloutFailure() const;
};

struct EventInfo
{
    QString ns;
    QString name;
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString objectKind;
    QString objectName;
    int count = 1;
    QDateTime lastSeen;
    QString source;
    QString resourceVersion;

    [[nodiscard]] QString key() const { return ns + QLatin1Char('/') + name; }
};

[[nodiscard]] NodeInfo parseNode(const QJsonObject &node);
[[nodiscard]] PodInfo parsePod(const QJsonObject &pod);
// kind: the object's kind when the object itself lacks it (list items do).
[[nodiscard]] WorkloadInfo parseWorkload(const QJsonObject &object, const QString &kind);
[[nodiscard]] EventInfo parseEvent(const QJsonObject &event);
[[nodiscard]] QDateTime parseTime(const QString &rfc3339);

} // namespace labdeck::kube
