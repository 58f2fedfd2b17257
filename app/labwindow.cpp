#include "labwindow.h"

#include "charts/metricspanes.h"
#include "checks/checkrunner.h"
#include "checks/checkspanes.h"
#include "clustermodels.h"
#include "demo/simulatemenu.h"
#include "detailspanel.h"
#include "history/historypanes.h"
#include "history/historystore.h"
#include "hostmodel.h"
#include "inventory/inventorylocator.h"
#include "kube/clusterpanes.h"
#include "kube/kubesession.h"
#include "kubemodels.h"
#include "lab/lab.h"
#include "labconnection.h"
#include "labmetrics.h"
#include "labselection.h"
#include "labsummary.h"
#include "logging_p.h"
#include "mainwindow.h"
#include "metricsserverusage.h"
#include "notificationpolicy.h"
#include "palette/commandpalette.h"
#include "remote/remotepanes.h"
#include "tray/desktopnotifier.h"
#include "tray/labtray.h"
#include "wizards/createmenu.h"

#include <QCoreApplication>
#include <QMenu>
#include <QTextStream>

namespace labdeck::app {

LabWindow::LabWindow(const GuiOptions &options)
    : m_options(options)
    , m_hosts(std::make_unique<HostModel>())
    , m_selection(std::make_unique<LabSelection>())
    , m_window(std::make_unique<MainWindow>(m_hosts.get(), m_selection.get()))
{
    const InventoryLocator::Choice choice = InventoryLocator::choose(m_options.inventory);
    m_window->loadInventory(choice);
    m_demo = m_options.useDemo(choice.source == InventoryLocator::Source::BuiltIn);
    const Inventory &inventory = m_hosts->inventory();
    if (m_demo) {
        m_lab = lab::Lab::demo(inventory);
    } else {
        lab::RealLabOptions real;
        real.kubeconfig = m_options.kubeconfig;
        real.context = m_options.context;
        m_lab = lab::Lab::real(inventory, real);
    }
    // A reloaded inventory: the checks and monitors made from now on use it.
    lab::Lab *theLab = m_lab.get();
    HostModel *hosts = m_hosts.get();
    QObject::connect(hosts, &QAbstractItemModel::modelReset, theLab,
                     [theLab, hosts] { theLab->setInventory(hosts->inventory()); });

    MainWindow *window = m_window.get();
    m_cluster = std::make_unique<ClusterModels>(hosts);
    ClusterModels *cluster = m_cluster.get();
    QObject::connect(window, &MainWindow::reloadRequested, cluster, &ClusterModels::retryNow);
    m_clusterPanes = new ClusterPanes(window, cluster, hosts, m_selection.get());
    window->detailsPanel()->setClusterModels(cluster);
    // Made before the connection, so the toolbar reads [context] [Check all].
    m_checkPanes = new ChecksPanes(window, hosts, m_selection.get());
    m_checkPanes->setCheckSource(theLab);
    m_connection = std::make_unique<LabConnection>(window, cluster, m_clusterPanes, theLab);
    m_metrics = new MetricsPanes(window, hosts, m_selection.get(), window);
    MetricsPanes *metrics = m_metrics;
    QObject::connect(
        theLab, &lab::Lab::prometheusReady, metrics,
        [metrics, theLab](const QUrl &url) { metrics->setPrometheus(url, theLab->isDemo()); });
    // Prometheus unreachable: the nodes' CPU and memory from metrics-server.
    metrics->labMetrics()->setNodeMetricsFetch(metricsServerFetch(
        [theLab] { return theLab->session() ? theLab->session()->client() : nullptr; },
        [cluster] { return cluster->nodes()->rows(); }));
    new CommandPalette(window, hosts, m_selection.get()); // Ctrl+K
    new CreateMenu(
        window, [hosts] { return hosts->inventory(); },
        [theLab] {
            return CreateMenu::Session{theLab->session() ? theLab->session()->client() : nullptr,
                                       theLab->actions()};
        });
    // The tray: the lab's worst state while the window is closed.
    m_summary = std::make_unique<LabSummary>(hosts);
    m_tray = std::make_unique<LabTray>(window, m_summary.get(), m_checkPanes->checkAllAction());
    // Desktop notifications on transitions, debounced, one per cause.
    m_notifications = std::make_unique<NotificationPolicy>(m_summary.get());
    m_notifications->setSettings(NotificationPolicy::Settings::load());
    m_notifier =
        std::make_unique<DesktopNotifier>(m_notifications.get(), m_tray.get(), m_selection.get());
    m_tray->setNotificationPolicy(m_notifications.get());
    // History: check rounds and lab-tree changes into SQLite, on the store's thread.
    history::HistoryOptions historyOptions;
    historyOptions.demo = m_demo; // the demo lab keeps its own file
    m_history = std::make_unique<history::HistoryStore>(historyOptions);
    m_history->open();
    m_historyRecorder =
        std::make_unique<LabHistoryRecorder>(m_history.get(), hosts, m_summary.get());
    HistoryPanes::attach(window, m_history.get(), m_selection.get());
    // Every round, by hand (Check all) or on the schedule.
    QObject::connect(m_checkPanes, &ChecksPanes::roundFinished, m_historyRecorder.get(),
                     [recorder = m_historyRecorder.get()](
                         const QStringList &, const QList<checks::CheckResult> &results) {
                         recorder->recordRound(results, QDateTime::currentDateTimeUtc());
                     });
    ChecksPanes *checks = m_checkPanes;
    if (m_options.runChecks) {
        QObject::connect(m_connection.get(), &LabConnection::connected, checks,
                         [checks] { checks->checkAll(); });
    } else {
        // The checks on their schedule, in the window as in the tray (the
        // first round of each category at once).
        QObject::connect(m_connection.get(), &LabConnection::connected, checks,
                         [checks] { checks->startBackground(); });
    }
}

LabWindow::~LabWindow()
{
    m_historyRecorder.reset(); // the session's end goes in before the store closes
    m_history.reset();
    m_notifier.reset();
    m_notifications.reset();
    m_tray.reset();
    m_summary.reset();
    // The window's users of the lab go before it.
    m_remote.reset();
    m_connection.reset();
    m_lab.reset();
}

bool LabWindow::start()
{
    if (!m_demo && !m_options.simulate.isEmpty()) {
        QTextStream(stderr) << tr("labdeck: --simulate works on the demo lab only (--demo)")
                            << Qt::endl;
        return false;
    }
    m_connection->start();
    // Compose, Tailscale, nvidia-smi (remote commands) and Ollama (HTTP).
    m_remote = std::make_unique<RemotePanes>(m_window.get(), m_hosts.get(), m_selection.get(),
                                             m_lab.get());
    if (m_demo) {
        buildSimulateMenu();
        const QStringList &ids = m_options.simulate;
        for (const QString &id : ids) {
            if (!m_simulateMenu->action(id)) {
                QTextStream(stderr)
                    << tr("labdeck: --simulate: no failure %1; one of:\n  %2")
                           .arg(id, m_simulateMenu->ids().join(QStringLiteral("\n  ")))
                    << Qt::endl;
                return false;
            }
        }
        if (!ids.isEmpty()) {
            // Once the demo lab is up, as if each entry had been clicked.
            SimulateMenu *menu = m_simulateMenu;
            auto *once = new QObject(m_window.get());
            QObject::connect(m_connection.get(), &LabConnection::connected, once,
                             [menu, ids, once] {
                                 for (const QString &id : ids) {
                                     menu->action(id)->trigger();
                                     // bench/tray times the notification from here.
                                     qCInfo(lcApp, "simulated failure %s", qPrintable(id));
                                 }
                                 once->deleteLater();
                             });
        }
    }
    m_window->setWindowTitle(m_demo ? tr("%1 (demo lab)").arg(m_window->windowTitle())
                                    : m_window->windowTitle());
    if (!m_options.select.isEmpty()) {
        const QString &id = m_options.select;
        if (m_hosts->indexForId(id).isValid() || id.startsWith(QLatin1String("url:")))
            m_selection->select(id);
        else
            QTextStream(stderr) << tr("labdeck: --select: nothing in the lab has the id %1").arg(id)
                                << Qt::endl;
    }
    return true;
}

void LabWindow::buildSimulateMenu()
{
    // Demo → Simulate failure: how the lab looks when it breaks.
    QMenu *demoMenu = m_window->addMenuBeforeHelp(tr("&Demo"));
    m_simulateMenu =
        new SimulateMenu(demoMenu->addMenu(tr("Simulate &failure")), m_hosts->inventory(),
                         m_lab->failureTargets(), m_window.get());
}

} // namespace labdeck::app
