#pragma once

#include "common/health.h"
#include "kube/kubesession.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck {

class HostModel;
class PodModel;
class WorkloadModel;
class NodeModel;
class EventModel;
class LabStatus;

// The models of one cluster connection, fed by a KubeSession's reflectors,
// and the lab status derived from them. A new session (another context)
// replaces the data; without one the models are empty and nothing is live.
// UI thread.
class ClusterModels final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterModels)
public:
    explicit ClusterModels(HostModel *hosts, QObject *parent = nullptr);
    ~ClusterModels() override;

    // Starts following the session's collections (not owned).
    void setSession(kube::KubeSession *session);
    [[nodiscard]] kube::KubeSession *session() const { return m_session; }

    [[nodiscard]] PodModel *pods() const { return m_pods; }
    [[nodiscard]] WorkloadModel *workloads() const { return m_workloads; }
    [[nodiscard]] NodeModel *nodes() const { return m_nodes; }
    [[nodiscard]] EventModel *events() const { return m_events; }
    [[nodiscard]] LabStatus *status() const { return m_status; }

    // Kinds waiting in a backoff (a 403 waits long) are read again now.
    void retryNow();

    // Connection state for the status bar.
    [[nodiscard]] Health health() const;
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QDateTime lastSync() const;

Q_SIGNALS:
    void connectionChanged();

private:
    void onSessionState();

    QPointer<kube::KubeSession> m_session;
    PodModel *m_pods;
    WorkloadModel *m_workloads;
    NodeModel *m_nodes;
    EventModel *m_events;
    LabStatus *m_status;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace labdeck
