#pragma once

#include "detailspanel.h"

#include "checks/check.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;
class QSortFilterProxyModel;

namespace labdeck {

namespace checks {
class CheckRunner;
}
namespace demolab {
class DemoCheckLab;
}
namespace kube {
class KubeClient;
}
namespace remote {
class CommandTransport;
}
class CheckResultsModel;
class HostModel;
class LabSelection;
class MainWindow;

// The checks part of the window: the "Check all" action (toolbar, Checks
// menu, Ctrl+Shift+C), the Checks dock whose table fills as results arrive,
// copying results as text, the thresholds dialog (kept in QSettings), and
// badges on the topology's host cards and URL labels. UI thread.
class ChecksPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksPanes)
public:
    ChecksPanes(MainWindow *window, HostModel *hosts, LabSelection *selection);
    ~ChecksPanes() override;

    // The cluster for the k8s check (nullptr: it says why it could not run);
    // demo: the run uses the demo lab's TLS endpoints and Traefik API.
    void setKubeClient(kube::KubeClient *client, bool demo);
    // SSH (or the demo lab's) transport, for Traefik's API on the ingress host.
    void setTransport(remote::CommandTransport *transport);
    // Where the prometheus and gpu checks go when not the inventory's URLs
    // (the demo lab's simulated Prometheus and Ollama, an SSH tunnel).
    void setPrometheusUrl(const QUrl &url) { m_prometheusUrl = url; }
    void setOllamaUrl(const QUrl &url) { m_ollamaUrl = url; }
    // Demo lab, "Simulate failure": the HTTPS server of this URL host serves
    // an expired certificate from the next run on (or its usual one again).
    void setDemoCertificateExpired(const QString &host, bool expired);

    void checkAll();
    void cancel();
    // The selected rows (all when none is selected) as text.
    [[nodiscard]] QString resultsText(bool selectedOnly) const;
    void copyResults();
    void editSettings();

    // The options a run uses, from the settings.
    [[nodiscard]] checks::CheckOptions optionsFromSettings() const;

    [[nodiscard]] CheckResultsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *checkAllAction() const { return m_checkAll; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }
    [[nodiscard]] checks::CheckRunner *runner() const { return m_runner.get(); }

Q_SIGNALS:
    void runFinished();

private:
    void startRun();
    void onResult(const checks::CheckResult &result);
    void onFinished();
    void clearBadges();
    void applyBadges();
    [[nodiscard]] DetailsPanel::Section detailsFor(const QString &id) const;
    void activateRow(const QModelIndex &index);

    MainWindow *m_window;
    HostModel *m_hosts;
    LabSelection *m_selection;
    CheckResultsModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_runButton;
    QDockWidget *m_dock;
    QAction *m_checkAll;
    QAction *m_cancel;
    QAction *m_copy;
    QMenu *m_menu;
    std::unique_ptr<checks::CheckRunner> m_runner;
    QPointer<kube::KubeClient> m_kube;
    QPointer<remote::CommandTransport> m_transport;
    QUrl m_prometheusUrl;
    QUrl m_ollamaUrl;
    bool m_demo = false;
    std::unique_ptr<demolab::DemoCheckLab> m_demoLab;
    bool m_waitingForDemo = false;
    QSet<QString> m_demoExpired; // URL hosts, kept for a new DemoCheckLab
    // Worst problem per host / URL of the last run, and how many.
    struct Badge
    {
        Health worst = Health::Unknown;
        int problems = 0;
        QStringList lines;
    };
    QHash<QString, Badge> m_hostBadges;
    QHash<QString, Badge> m_urlBadges;
    // What the problems add to the host model's roll-up, by host and by URL.
    struct Contribution
    {
        Health worst = Health::Unknown;
        QStringList lines;
    };
    QHash<QString, Contribution> m_hostContributions;
    QHash<QString, Contribution> m_urlContributions;
};

// The thresholds dialog's keys in QSettings (group "checks").
namespace checksettings {
inline constexpr const char *kWarnDays = "checks/certWarningDays";
inline constexpr const char *kCriticalDays = "checks/certCriticalDays";
inline constexpr const char *kLatencyMs = "checks/latencyWarningMs";
inline constexpr const char *kTimeoutSeconds = "checks/timeoutSeconds";
} // namespace checksettings

} // namespace labdeck
