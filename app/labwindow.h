#pragma once

#include "guioptions.h"

#include <QCoreApplication>
#include <memory>

namespace labdeck {

class ChecksPanes;
class ClusterModels;
class ClusterPanes;
class HostModel;
class LabSummary;
class LabTray;
class NotificationPolicy;
class DesktopNotifier;
class LabConnection;
class LabHistoryRecorder;
class LabSelection;
class MainWindow;
class MetricsPanes;
class RemotePanes;
class SimulateMenu;
namespace lab {
class Lab;
}
namespace history {
class HistoryStore;
}

namespace app {

// The window and everything it shows, wired to one lab (the demo lab or a
// real one) that the composition root builds: the host and cluster models,
// the docks of the cluster, metrics, checks and remote services, the
// palette, the Create menu and, in the demo lab, Demo → Simulate failure.
// UI thread.
class LabWindow final
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::app::LabWindow)
public:
    explicit LabWindow(const GuiOptions &options);
    ~LabWindow();
    LabWindow(const LabWindow &) = delete;
    LabWindow &operator=(const LabWindow &) = delete;

    // Connects the lab and applies --simulate and --select. False (with the
    // message on stderr) when an option cannot be honoured.
    [[nodiscard]] bool start();

    [[nodiscard]] MainWindow *window() const { return m_window.get(); }
    [[nodiscard]] ClusterModels *cluster() const { return m_cluster.get(); }
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] LabTray *tray() const { return m_tray.get(); }

private:
    void buildSimulateMenu();

    GuiOptions m_options;
    bool m_demo = false;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClusterModels> m_cluster;
    std::unique_ptr<lab::Lab> m_lab;
    std::unique_ptr<LabConnection> m_connection;
    std::unique_ptr<RemotePanes> m_remote;
    ClusterPanes *m_clusterPanes = nullptr;
    ChecksPanes *m_checkPanes = nullptr;
    MetricsPanes *m_metrics = nullptr;
    SimulateMenu *m_simulateMenu = nullptr;
    std::unique_ptr<LabSummary> m_summary;
    std::unique_ptr<LabTray> m_tray;
    std::unique_ptr<NotificationPolicy> m_notifications;
    std::unique_ptr<DesktopNotifier> m_notifier;
    // History: the store (its own thread) and what writes into it; the
    // recorder goes first and ends the session.
    std::unique_ptr<history::HistoryStore> m_history;
    std::unique_ptr<LabHistoryRecorder> m_historyRecorder;
};

} // namespace app
} // namespace labdeck
