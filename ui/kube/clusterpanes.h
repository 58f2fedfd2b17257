#pragma once

#include "kube/kubeactions.h"
#include "kube/kubeobjects.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace labdeck {

class ClusterModels;
class HostModel;
class LabSelection;
class MainWindow;
class TablePane;
class LogsPane;
class ActivityPane;

// The Kubernetes part of the window: the Workloads, Pods, Events, Logs and
// Activity docks, the Cluster menu with its shortcuts, confirmations before
// every change, and the status bar's Kubernetes indicator. UI thread.
class ClusterPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterPanes)
public:
    ClusterPanes(MainWindow *window, ClusterModels *models, HostModel *hosts,
                 LabSelection *selection);
    ~ClusterPanes() override;

    // The actions and client of the current session; nullptr when none.
    void setSession(kube::KubeActions *actions, kube::KubeClient *client);

    // Asks the user; returns true to go ahead. Replaceable for tests.
    using Confirm = std::function<bool(const QString &title, const QString &text,
                                       const QString &button, bool destructive)>;
    using AskNumber = std::function<std::optional<int>(const QString &title, const QString &text,
                                                       int value, const QString &button)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setAskNumber(AskNumber ask) { m_askNumber = std::move(ask); }

    // The actions, on an explicit target.
    void restart(const kube::WorkloadInfo &w);
    void scale(const kube::WorkloadInfo &w);
    void showLogs(const kube::PodInfo &pod);
    void showWorkloadLogs(const kube::WorkloadInfo &w);
    void showEvents(const QString &objectName);
    void deletePod(const kube::PodInfo &pod);
    void setCordoned(const QString &node, bool cordoned);

    // The sentence the confirmation shows, e.g. "Restart deployment shlink in
    // apps: its 1 pod is replaced, one at a time."
    [[nodiscard]] static QString restartText(const kube::WorkloadInfo &w);

    [[nodiscard]] TablePane *workloadsPane() const { return m_workloads; }
    [[nodiscard]] TablePane *podsPane() const { return m_pods; }
    [[nodiscard]] TablePane *eventsPane() const { return m_events; }
    [[nodiscard]] LogsPane *logsPane() const { return m_logs; }
    [[nodiscard]] ActivityPane *activityPane() const { return m_activity; }
    [[nodiscard]] QMenu *menu() const { return m_menu; }

private:
    // The workload/pod/node the Cluster menu acts on: the focused table's
    // row, else the lab selection.
    std::optional<kube::WorkloadInfo> currentWorkload() const;
    std::optional<kube::PodInfo> currentPod() const;
    QString currentNode() const;
    void updateStatus();
    void updateActions();
    void followSelection(const QString &id);
    bool confirm(const QString &title, const QString &text, const QString &button,
                 bool destructive);

    MainWindow *m_window;
    ClusterModels *m_models;
    HostModel *m_hosts;
    LabSelection *m_selection;
    QPointer<kube::KubeActions> m_actions;
    QPointer<kube::KubeClient> m_client;
    TablePane *m_workloads;
    TablePane *m_pods;
    TablePane *m_nodes;
    TablePane *m_events;
    LogsPane *m_logs;
    ActivityPane *m_activity;
    QDockWidget *m_workloadsDock;
    QDockWidget *m_podsDock;
    QDockWidget *m_nodesDock;
    QDockWidget *m_eventsDock;
    QDockWidget *m_logsDock;
    QDockWidget *m_activityDock;
    QMenu *m_menu;
    QAction *m_restart;
    QAction *m_scale;
    QAction *m_logsAction;
    QAction *m_eventsAction;
    QAction *m_deletePod;
    QAction *m_cordon;
    QAction *m_uncordon;
    QLabel *m_status;
    Confirm m_confirm;
    AskNumber m_askNumber;
    bool m_following = false;
};

} // namespace labdeck
