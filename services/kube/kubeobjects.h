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
    QDateTime lastHeartbeat; // nodes only: when the kubelet last posted it
};

struct Taint
{
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute
    QDateTime timeAdded;
};

// One container of a pod: its spec (image, memory) and its status.
struct ContainerInfo
{
    QString name;
    QString image;
    bool init = false;
    QString memoryRequest; // spec resources, as written ("256Mi"), empty when unset
    QString memoryLimit;
    bool ready = false;
    int restartCount = 0;
    // state: "waiting", "running", "terminated" or "" (no status yet)
    QString state;
    QString reason;  // the state's reason: CrashLoopBackOff, ImagePullBackOff, OOMKilled, ...
    QString message; // the state's message
    int exitCode = 0;
    QDateTime finishedAt; // terminated state
    // lastState.terminated: why the container last stopped.
    QString lastReason;
    int lastExitCode = 0;
    QString lastMessage;
    QDateTime lastFinishedAt;
    [[nodiscard]] bool hasLastTermination() const
    {
        return !lastReason.isEmpty() || lastExitCode != 0;
    }
};

struct NodeInfo
{
    QString name;
    QString uid;
    bool ready = false;
    bool readyKnown = false; // false when the node reports no Ready condition
    QString readyStatus; // the Ready condition's status: "True", "False", "Unknown"; "" when none
    QString readyReason;
    QString readyMessage;
    QDateTime readySince;    // the Ready condition's lastTransitionTime
    QDateTime lastHeartbeat; // the newest lastHeartbeatTime of its conditions
    QList<Taint> taints;
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

    [[nodiscard]] const Condition *condition(const QString &type) const;
    [[nodiscard]] bool hasTaint(const QString &key) const;
};

struct PodInfo
{
    QString ns;
    QString name;
    QString uid;
    QString phase;  // Pending, Running, Succeeded, Failed, Unknown
    QString status; // what kubectl's STATUS column says: Running, ContainerCreating,
                    // CrashLoopBackOff, Terminating, ...
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
    QDateTime deletionTimestamp; // when the grace period ends
    QString reason;              // status.reason: Evicted, NodeLost, ...
    QString message;             // status.message
    // PodScheduled=False: the scheduler's reason (Unschedulable) and message.
    QString unschedulableReason;
    QString unschedulableMessage;
    QList<ContainerInfo> containerDetails; // init containers first, then the app containers
    QString resourceVersion;

    [[nodiscard]] QString key() const { return ns + QLatin1Char('/') + name; }
    [[nodiscard]] bool isCrashLooping() const
    {
        return status.endsWith(QLatin1String("CrashLoopBackOff"));
    }
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

    [[nodiscard]] QString key() const
    {
        return kind + QLatin1Char(':') + ns + QLatin1Char('/') + name;
    }
    // The rollout has settled: the controller saw the latest spec and every
    // desired replica is updated and ready.
    [[nodiscard]] bool rolloutComplete() const;
    // A Deployment whose progress deadline passed (condition Progressing=False,
    // reason ProgressDeadlineExceeded): the message says why.
    [[nodiscard]] QString rolloutFailure() const;
    // ReplicaFailure=True (e.g. a quota refused its pods): the message.
    [[nodiscard]] QString replicaFailure() const;
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
// The STATUS column of `kubectl get pods` for a pod object: the phase, or the
// reason of the first container (init containers first, "Init:" prefixed)
// that is waiting or terminated, "Terminating" while deleted, "Unknown" for a
// pod on a lost node.
[[nodiscard]] QString kubectlPodStatus(const QJsonObject &pod);

} // namespace labdeck::kube
