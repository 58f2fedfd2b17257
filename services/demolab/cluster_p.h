#pragma once

// What runs behind the API in a real cluster, reduced to what the demo lab
// shows: the Deployment, ReplicaSet, StatefulSet and DaemonSet controllers,
// the scheduler, a kubelet that walks pods through Pending ->
// ContainerCreating -> Running/Ready and Terminating -> gone, the garbage
// collector, the PV provisioner, node cordon taints, and Events for all of it.
// Work is queued from store changes and done in one coalesced pass.

#include "demolab/store_p.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QTimer>
#include <chrono>

namespace labdeck::demolab::detail {

class Cluster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Cluster)
public:
    Cluster(Store *store, QObject *parent);

    void setReadyDelay(std::chrono::milliseconds delay) { m_readyDelay = delay; }
    [[nodiscard]] std::chrono::milliseconds readyDelay() const { return m_readyDelay; }
    void setNfsServer(const QString &server) { m_nfsServer = server; }
    // Seeding: objects are made at `time` and pods start Running and Ready
    // at once. Off again with instant=false.
    void setInstant(bool instant, const QDateTime &time = {});
    void setRecordEvents(bool record) { m_recordEvents = record; }
    // Runs every queued controller pass now (used while seeding).
    void reconcileNow();

    // A graceful pod delete: deletionTimestamp now, DELETED after the
    // kubelet "stopped" it. Returns the pod as the DELETE response shows it.
    QJsonObject deletePod(const QString &key, int gracePeriodSeconds);
    // Deletes any object; dependents go by `propagation` ("Background",
    // "Foreground" (treated as Background) or "Orphan").
    QJsonObject deleteObject(ResourceId resource, const QString &key, const QString &propagation,
                             int gracePeriodSeconds = -1);

    // Fills Service addresses the API server allocates: clusterIP(s) and
    // node ports. Returns an error text for a port already in use.
    [[nodiscard]] QString allocateServiceAddresses(QJsonObject &service, const QJsonObject &old);

    void recordEvent(ResourceId resource, const QJsonObject &object, const QString &type,
                     const QString &reason, const QString &message, const QString &component,
                     const QString &host = {}, const QString &fieldPath = {});

    [[nodiscard]] QString randomSuffix(int length = 5);
    [[nodiscard]] static QString templateHash(const QJsonObject &podTemplate);
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QString nowText() const { return timestamp(now()); }

    // A Running, Ready pod made directly (static pods).
    QJsonObject createRunningPod(QJsonObject pod, const QString &nodeName);
    // Many Running pods from one template, round-robin over `nodes`; only
    // name, labels and pod IP differ (benchmarks: defaulting once is cheaper).
    void createRunningPods(const QJsonObject &podTemplate, const QStringList &names,
                           const QList<QJsonObject> &labels, const QStringList &nodes);

    // --- simulated failures (failures_p.cpp); each returns false when the
    // target does not exist ---
    // The node lifecycle controller's view of a kubelet that stopped posting:
    // conditions Unknown, the unreachable taints, the node's pods not Ready.
    bool setKubeletStopped(const QString &node, bool stopped);
    // MemoryPressure, DiskPressure or PIDPressure True (and its NoSchedule taint).
    bool setNodePressure(const QString &node, const QString &conditionType, bool on);
    // The workload's pods' first container crash loops after an OOM kill.
    bool setOomKilled(const QString &ns, const QString &workload, bool on);
    // Rolls the Deployment out to an image tag no registry has; off rolls back.
    bool setBadImage(const QString &ns, const QString &deployment, bool on);
    // How long a rollout may make no progress before ProgressDeadlineExceeded
    // (0: the Deployment's own progressDeadlineSeconds).
    void setProgressDeadline(std::chrono::milliseconds deadline) { m_progressDeadline = deadline; }
    void undoFailures();
    // Running kubelets post their node status (lastHeartbeatTime) this often; 0: never.
    void setHeartbeatInterval(std::chrono::milliseconds interval);

private:
    void onObjectChanged(int resource, WatchEventType type, const QJsonObject &object,
                         const QJsonObject &previous);
    void markDirty(ResourceId resource, const QString &key);
    void scheduleReconcile();
    void reconcile();

    void syncDeployment(const QString &key);
    void syncReplicaSet(const QString &key);
    void syncStatefulSet(const QString &key);
    void syncDaemonSet(const QString &key);
    void syncNode(const QString &key);
    void syncClaim(const QString &key);
    void syncNamespace(const QString &key);
    void collectGarbage(const QString &ownerUid);

    QJsonObject createPod(const QJsonObject &owner, ResourceId ownerResource,
                          const QJsonObject &podTemplate, const QString &name,
                          const QJsonObject &extraLabels, const QJsonObject &specOverrides);
    bool bindPod(const QString &key);
    void startContainers(const QString &key, const QString &uid);
    void markRunning(const QString &key, const QString &uid);
    // The kubelet's Created and Started events of one container.
    void recordContainerStarted(const QJsonObject &pod, const QString &container,
                                const QString &nodeName);
    void finishDeletion(const QString &key, const QString &uid);
    [[nodiscard]] QJsonObject runningStatus(const QJsonObject &pod, const QJsonObject &node);
    [[nodiscard]] QString allocatePodIp(const QString &nodeName, const QJsonObject &node);

    [[nodiscard]] QList<QJsonObject> ownedPods(const QString &ownerUid,
                                               bool includeTerminating) const;
    [[nodiscard]] QList<QJsonObject> ownedReplicaSets(const QString &deploymentUid) const;
    void updateStatus(ResourceId resource, const QString &key, const QJsonObject &status);
    void scaleReplicaSet(const QJsonObject &deployment, QJsonObject replicaSet, int replicas);
    [[nodiscard]] QString scheduleFailure(const QJsonObject &pod, int *feasible) const;
    [[nodiscard]] bool nodeFits(const QJsonObject &pod, const QJsonObject &node,
                                QString *why) const;

    // failures_p.cpp
    void writeNodeHealth(const QString &node);
    void setPodsReadyOnNode(const QString &node, bool ready);
    [[nodiscard]] bool kubeletStopped(const QJsonObject &pod) const;
    [[nodiscard]] bool hasMissingImage(const QJsonObject &pod) const;
    [[nodiscard]] bool oomTarget(const QJsonObject &pod) const;
    void failImagePull(const QString &key, const QString &uid);
    void imagePullBackOff(const QString &key, const QString &uid);
    void crashAfterOom(const QString &key);
    void recoverFromOom(const QString &key);
    // Progressing False once a rollout made no progress for the deadline.
    [[nodiscard]] bool rolloutTimedOut(const QString &key, const QString &signature);

    Store *m_store;
    std::chrono::milliseconds m_readyDelay{1500};
    QString m_nfsServer = QStringLiteral("nfs");
    bool m_instant = false;
    bool m_recordEvents = true;
    QDateTime m_instantTime;
    bool m_reconcileScheduled = false;
    bool m_reconciling = false;

    QSet<QString> m_dirty[ResourceCount];
    QSet<QString> m_unscheduled;                 // pod keys waiting for a node
    QStringList m_garbage;                       // uids of deleted owners
    QHash<QString, QSet<QString>> m_podsByOwner; // controller uid -> pod keys
    QHash<QString, QSet<QString>> m_rsByOwner;   // deployment uid -> replica set keys
    QHash<QString, int> m_nextPodIp;             // node -> last host octet
    QHash<QString, QString> m_nodeOfPod;         // pod key -> node
    QHash<QString, int> m_podsOnNode;
    std::deque<QString> m_eventKeys; // oldest first, capped
    quint64 m_eventCounter = 0;
    int m_nextServiceIp = 0;
    QRandomGenerator m_random;

    // Simulated failures.
    QSet<QString> m_stoppedKubelets;
    QHash<QString, QSet<QString>> m_pressure; // node -> condition types that are True
    struct OomTarget
    {
        QString ns;
        QJsonObject selector;
    };
    QHash<QString, OomTarget> m_oom;             // workload key -> its pods
    QHash<QString, QString> m_badImages;         // deployment key -> the image before
    QSet<QString> m_missingImages;               // tags no registry has
    QHash<QString, QStringList> m_heldDeletions; // node -> pods its kubelet did not stop yet
    struct Progress
    {
        QString signature;
        qint64 sinceMs = 0;
        bool armed = false;
    };
    QHash<QString, Progress> m_progress; // deployment key
    std::chrono::milliseconds m_progressDeadline{3000};
    QTimer *m_heartbeat = nullptr;
};

[[nodiscard]] bool podIsReady(const QJsonObject &pod);
[[nodiscard]] bool podIsTerminating(const QJsonObject &pod);
[[nodiscard]] QJsonObject ownerReference(const ResourceType &type, const QJsonObject &owner);
[[nodiscard]] QString controllerUid(const QJsonObject &object);
[[nodiscard]] QString controllerKind(const QJsonObject &object);

} // namespace labdeck::demolab::detail
