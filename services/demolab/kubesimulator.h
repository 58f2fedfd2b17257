#pragma once

#include "inventory/inventory.h"

#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>
#include <atomic>
#include <chrono>

namespace labdeck::demolab {

namespace detail {
class ApiServer;
class Cluster;
class HttpListener;
class PodLogs;
class Store;
} // namespace detail

// The demo lab's Kubernetes API: an in-process API server simulator seeded
// from the lab inventory (nodes, namespaces, every workload with its pods,
// Services, NFS PersistentVolumes, Events). It speaks HTTP/1.1 (and HTTPS)
// like a real API server, well enough for kubectl and for Labdeck's own
// Kubernetes client: list/watch with resourceVersions, paging, selectors,
// create/update/patch/server-side apply/delete, scale, status and log
// subresources, discovery, Status errors. Controllers roll pods for restarts
// and scaling.
//
// Threading: the object lives on one thread (it may be moved to its own
// QThread before listen()); every method except url(), bearerToken() and
// resourceVersion() must be called on that thread (the knobs are
// Q_INVOKABLE, so QMetaObject::invokeMethod works from elsewhere). Nothing
// blocks; every timer is parented to the simulator.
class KubeSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeSimulator)
public:
    explicit KubeSimulator(const labdeck::Inventory &lab, QObject *parent = nullptr);
    ~KubeSimulator() override;

    struct Tls
    {
        QSslCertificate certificate;
        QSslKey key;
        // Trusted for client certificates and written to the kubeconfig as
        // the cluster CA (the server certificate itself when empty).
        QList<QSslCertificate> caCertificates;
        bool requireClientCertificate = false;
        // Optional: a client identity writeKubeconfig() puts in the user entry.
        QSslCertificate clientCertificate;
        QSslKey clientKey;
    };

    // Plain HTTP. Port 0 picks a free port. Returns false when it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    bool listenTls(const Tls &tls, const QHostAddress &address = QHostAddress::LocalHost,
                   quint16 port = 0);
    // http(s)://127.0.0.1:port (HTTPS when listening with TLS). Any thread.
    [[nodiscard]] QUrl url() const;
    // A random token every request must carry (Authorization: Bearer), on plain
    // HTTP too; without it the answer is a 401 Status. A verified TLS client
    // certificate also authenticates. Any thread.
    [[nodiscard]] QString bearerToken() const;
    // Writes a kubeconfig (QSaveFile) pointing at url() with the token (and the
    // CA data for TLS); context "labdeck-demo", namespace default.
    bool writeKubeconfig(const QString &path, QString *error = nullptr) const;

    // Test and benchmark knobs (thread: the simulator's own thread).
    // New pods turn Ready after this (default 1500 ms; tests use ~50 ms).
    Q_INVOKABLE void setReadyDelay(std::chrono::milliseconds delay);
    // The next `count` requests whose path starts with pathPrefix (all when
    // empty) answer with this status as a Status object: 429 with Retry-After,
    // 500 InternalError, 503 ServiceUnavailable, 504 Timeout.
    Q_INVOKABLE void injectFailures(int count, int httpStatus, int retryAfterSeconds = 0,
                                    const QString &pathPrefix = {});
    // Forgets the event history: a watch from an older resourceVersion gets 200
    // and one ERROR event with the 410 Expired Status; an older continue token
    // gets 410.
    Q_INVOKABLE void compactHistory();
    // Benchmark: `count` extra Running pods spread over the nodes, in
    // namespace "bulk" (created when missing). No events are recorded for them.
    Q_INVOKABLE void addBulkPods(int count);
    // Benchmark: `count` MODIFIED events (annotation and condition probe time)
    // spread round-robin over the pods (the "bulk" ones when there are any).
    Q_INVOKABLE void modifyPods(int count);
    // How often watches that asked for bookmarks get one (default 10 s).
    Q_INVOKABLE void setBookmarkInterval(std::chrono::milliseconds interval);
    // The current (global) resourceVersion. Any thread.
    [[nodiscard]] qint64 resourceVersion() const;

    // "Simulate failure" switches (thread: the simulator's own). Each puts the
    // lab into a state a real cluster gets into, with objects shaped as the
    // real components write them (watches see MODIFIED events, Events are
    // recorded), and `false` undoes it. The ones with a target return false
    // when it does not exist.
    //
    // What the node lifecycle controller does when a kubelet stops posting:
    // every node condition Unknown (reason NodeStatusUnknown, "Kubelet stopped
    // posting node status.", lastHeartbeatTime frozen), the
    // node.kubernetes.io/unreachable taints (NoSchedule, NoExecute), the
    // node's pods Ready=False (MarkPodsNotReady), Events NodeNotReady. Pods
    // are not evicted; new pods are not started there, deleted ones stay
    // Terminating. Undo: the kubelet posts Ready again, taints go, pods Ready.
    Q_INVOKABLE bool setKubeletStopped(const QString &node, bool stopped);
    // conditionType: MemoryPressure, DiskPressure or PIDPressure. The
    // condition turns True with the kubelet's reason and message, and the
    // matching node.kubernetes.io/<memory|disk|pid>-pressure NoSchedule taint.
    Q_INVOKABLE bool setNodePressure(const QString &node, const QString &conditionType, bool on);
    // The workload's (Deployment, StatefulSet or DaemonSet in ns) pods: the
    // first container crash loops after an OOM kill (waiting CrashLoopBackOff,
    // lastState.terminated OOMKilled exit 137, restartCount + 1, not ready),
    // also for pods that start later. Undo: running again; restartCount stays.
    Q_INVOKABLE bool setOomKilled(const QString &ns, const QString &workload, bool on);
    // Rolls the Deployment's first container out to "<image>:does-not-exist":
    // the new pods stay Pending in ErrImagePull, then ImagePullBackOff; the
    // old ones keep running; after the progress deadline the Deployment is
    // Progressing=False, ProgressDeadlineExceeded. Undo: rolls back.
    Q_INVOKABLE bool setBadImage(const QString &ns, const QString &deployment, bool on);
    // How long a rollout may make no progress before it times out (default
    // 3 s; 0: the Deployment's progressDeadlineSeconds, as a real cluster).
    Q_INVOKABLE void setProgressDeadline(std::chrono::milliseconds deadline);
    // RBAC for the demo user (demoUserName()): get, list and watch of the
    // resource ("statefulsets" or "statefulsets.apps") answer 403 Forbidden,
    // and selfsubjectaccessreviews say no for them.
    Q_INVOKABLE void setForbidden(const QString &resourcePlural, bool denied);
    // An aggregated API group ("metrics.k8s.io") that is gone: its paths
    // answer 404 NotFound and discovery no longer lists it.
    Q_INVOKABLE void setApiGroupAbsent(const QString &group, bool absent);
    // Lists answer pages of at most `items` with metadata.continue, whatever
    // limit was asked for (0: off).
    Q_INVOKABLE void setMaxPageSize(int items);
    // Running kubelets post their node status, advancing the conditions'
    // lastHeartbeatTime, this often (default 40 s; 0: never).
    Q_INVOKABLE void setNodeHeartbeatInterval(std::chrono::milliseconds interval);
    // Undoes every switch above.
    Q_INVOKABLE void undoAllFailures();
    // The user the token and client certificates authenticate as. Any thread.
    [[nodiscard]] static QString demoUserName();

Q_SIGNALS:
    // For tests and the Activity log; on the simulator's thread.
    void requestServed(const QString &method, const QString &path, int status);

private:
    bool startListening(detail::HttpListener *listener, const QHostAddress &address, quint16 port,
                        bool tls);
    void updateResourceVersion();

    detail::Store *m_store;
    detail::Cluster *m_cluster;
    detail::PodLogs *m_logs;
    detail::ApiServer *m_api;
    QString m_token;
    mutable QMutex m_mutex; // guards m_url and m_caPem for the any-thread getters
    QUrl m_url;
    QByteArray m_caPem;
    QByteArray m_clientCertPem;
    QByteArray m_clientKeyPem;
    std::atomic<qint64> m_resourceVersion{0};
    int m_bulkCounter = 0;
    qsizetype m_modifyCursor = 0;
    quint64 m_modifyCounter = 0;
};

} // namespace labdeck::demolab
