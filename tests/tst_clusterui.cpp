// The window on the demo lab: the tables fill from the watches, the topology
// shows each node's Ready state and each workload's live state and placement,
// a workload missing from the cluster or not in the inventory is shown as
// such, and the Cluster actions confirm with the exact sentence first.

#include "clustermodels.h"
#include "demolab/kubesimulator.h"
#include "detailspanel.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/activitypane.h"
#include "kube/clusterpanes.h"
#include "kube/kubeactions.h"
#include "kube/kubesession.h"
#include "kube/logspane.h"
#include "kube/tablepane.h"
#include "kubemodels.h"
#include "labselection.h"
#include "labstatus.h"
#include "mainwindow.h"
#include "topology/topologyscene.h"

#include <QAbstractItemModelTester>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace labdeck;

class TestClusterUi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demolab::KubeSimulator> m_sim;
    std::unique_ptr<kube::StaticAuthenticator> m_auth;
    std::unique_ptr<kube::KubeSession> m_session;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClusterModels> m_models;
    ClusterPanes *m_panes = nullptr;
    std::unique_ptr<kube::KubeActions> m_actions;
    std::unique_ptr<QAbstractItemModelTester> m_podTester;
    std::unique_ptr<QAbstractItemModelTester> m_workloadTester;
    std::unique_ptr<QAbstractItemModelTester> m_hostTester;
    QStringList m_confirmations;
    bool m_answer = true;

    Health healthOf(const QString &id) const
    {
        return Health(m_hosts->indexForId(id).data(HostModel::HealthRole).toInt());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        m_sim = std::make_unique<demolab::KubeSimulator>(lab);
        m_sim->setReadyDelay(std::chrono::milliseconds(50));
        QVERIFY(m_sim->listen());
        m_auth = std::make_unique<kube::StaticAuthenticator>(
            m_sim->bearerToken(), QSslConfiguration::defaultConfiguration());
        m_auth->allowPlainHttpOnLoopback();
        m_hosts = std::make_unique<HostModel>();
        m_hostTester = std::make_unique<QAbstractItemModelTester>(
            m_hosts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        m_window->useDefaultLayout();
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        m_models = std::make_unique<ClusterModels>(m_hosts.get());
        m_podTester = std::make_unique<QAbstractItemModelTester>(
            m_models->pods(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_workloadTester = std::make_unique<QAbstractItemModelTester>(
            m_models->workloads(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panes =
            new ClusterPanes(m_window.get(), m_models.get(), m_hosts.get(), m_selection.get());
        m_confirmations.clear();
        m_answer = true;
        m_panes->setConfirm([this](const QString &, const QString &text, const QString &button,
                                   bool destructive) {
            m_confirmations << QStringLiteral("%1|%2|%3")
                                   .arg(text, button,
                                        destructive ? QStringLiteral("destructive") : QString());
            return m_answer;
        });
        m_session =
            std::make_unique<kube::KubeSession>(QStringLiteral("demo"), m_sim->url(), m_auth.get());
        m_actions = std::make_unique<kube::KubeActions>(m_session->client());
        m_actions->setPollInterval(std::chrono::milliseconds(50));
        m_models->setSession(m_session.get());
        m_panes->setSession(m_actions.get(), m_session->client());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_models->status()->isLive(), 10000);
        m_models->status()->update();
    }

    void cleanup()
    {
        m_podTester.reset();
        m_workloadTester.reset();
        m_models->setSession(nullptr);
        m_window.reset(); // owns the panes
        m_panes = nullptr;
        m_models.reset();
        m_actions.reset();
        m_session.reset();
        m_hostTester.reset();
        m_hosts.reset();
        m_selection.reset();
        m_auth.reset();
        m_sim.reset();
    }

    void tablesFillFromTheWatches()
    {
        QTRY_VERIFY(m_models->workloads()->rowCount() >= 9);
        QVERIFY(m_models->workloads()->find(QStringLiteral("Deployment:apps/shlink")));
        QVERIFY(m_models->workloads()->find(QStringLiteral("StatefulSet:database/postgresql")));
        QTRY_COMPARE(m_models->workloads()->nodesOf(QStringLiteral("Deployment:apps/shlink")),
                     QStringList{QStringLiteral("bracky")});
        QCOMPARE(m_models->nodes()->rowCount(), 3);
        QVERIFY(m_models->pods()->rowCount() >= 12);
        // Filter as you type and by namespace.
        TablePane *pane = m_panes->workloadsPane();
        pane->setFilterText(QStringLiteral("grafana"));
        QCOMPARE(pane->proxy()->rowCount(), 2); // grafana, and loki's image grafana/loki
        pane->setFilterText(QStringLiteral("grafana monitoring deployment"));
        QCOMPARE(pane->proxy()->rowCount(), 1);
        pane->setFilterText(QString());
        pane->proxy()->setNamespace(QStringLiteral("database"));
        QCOMPARE(pane->proxy()->rowCount(), 2);
    }

    void topologyShowsTheLiveLab()
    {
        for (const char *host : {"pikachu", "metamon", "bracky"})
            QTRY_COMPARE(healthOf(HostModel::hostId(QString::fromLatin1(host))), Health::Ok);
        // pochama and the GPU server are not Kubernetes nodes: still unknown.
        QCOMPARE(healthOf(HostModel::hostId(QStringLiteral("pochama"))), Health::Unknown);
        QTRY_COMPARE(healthOf(HostModel::workloadId(QStringLiteral("monitoring"),
                                                    QStringLiteral("grafana"))),
                     Health::Ok);
        QTRY_VERIFY(m_hosts
                        ->indexForId(HostModel::workloadId(QStringLiteral("monitoring"),
                                                           QStringLiteral("grafana")))
                        .data(HostModel::HealthReasonRole)
                        .toString()
                        .contains(QStringLiteral("1 of 1 ready on metamon")));
        QTRY_COMPARE(
            healthOf(HostModel::componentId(QStringLiteral("pikachu"), QStringLiteral("etcd"))),
            Health::Ok);
        QCOMPARE(m_window->topologyScene()->hostCard(QStringLiteral("metamon"))->health(),
                 Health::Ok);
    }

    void detailsOfANodeReadAsPeopleWriteThem()
    {
        m_window->detailsPanel()->setClusterModels(m_models.get());
        m_selection->select(HostModel::hostId(QStringLiteral("bracky")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->detailsPanel()->html().contains(QLatin1String("Kubernetes node")), 10000);
        const QString html = m_window->detailsPanel()->html();
        // Memory in binary units, CPUs as a count; never the raw "…Ki".
        static const QRegularExpression memory(QStringLiteral("[0-9.]+ GiB / [0-9.]+ GiB"));
        QVERIFY2(memory.match(html).hasMatch(), qPrintable(html));
        QVERIFY2(!html.contains(QRegularExpression(QStringLiteral("[0-9]Ki\\b"))),
                 qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("1 CPU / 1 CPU")), qPrintable(html));
        // A condition's name is kept whole.
        QVERIFY2(html.contains(QLatin1String("MemoryPressure")), qPrintable(html));
    }

    void differencesFromTheInventoryAreVisible()
    {
        // Delete a workload the inventory lists, and add one it does not.
        kube::KubeClient *client = m_session->client();
        auto *del = client->remove(
            QStringLiteral("/apis/apps/v1/namespaces/registry/deployments/registry"));
        QSignalSpy deleted(del, &kube::KubeCall::finished);
        QVERIFY(deleted.wait());
        const QByteArray extra =
            R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"whoami","namespace":"devops"},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"whoami"}},"template":{"metadata":{"labels":{"app":"whoami"}},
            "spec":{"nodeSelector":{"role":"devops"},"containers":[{"name":"whoami","image":"traefik/whoami:v1.10"}]}}}})";
        auto *create =
            client->send("POST", QStringLiteral("/apis/apps/v1/namespaces/devops/deployments"), {},
                         extra, "application/json");
        QSignalSpy created(create, &kube::KubeCall::finished);
        QVERIFY(created.wait());

        const QString registry =
            HostModel::workloadId(QStringLiteral("registry"), QStringLiteral("registry"));
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(registry), Health::Critical, 5000);
        QCOMPARE(m_hosts->indexForId(registry).data(HostModel::NoteRole).toString(),
                 QStringLiteral("missing"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->topologyScene()->itemForId(QStringLiteral("workload:devops/whoami")), 5000);
        const QModelIndex whoami = m_hosts->indexForId(QStringLiteral("workload:devops/whoami"));
        QVERIFY(whoami.data(HostModel::ExtraRole).toBool());
        QCOMPARE(whoami.data(HostModel::HostNameRole).toString(), QStringLiteral("metamon"));
        QCOMPARE(
            m_window->topologyScene()->itemForId(QStringLiteral("workload:devops/whoami"))->note(),
            QStringLiteral("not in inventory"));
    }

    void restartConfirmsThenShowsProgressInActivity()
    {
        QTRY_VERIFY(m_models->workloads()->find(QStringLiteral("Deployment:apps/shlink")));
        const kube::WorkloadInfo shlink =
            *m_models->workloads()->find(QStringLiteral("Deployment:apps/shlink"));
        m_answer = false;
        m_panes->restart(shlink);
        QCOMPARE(m_confirmations.size(), 1);
        QCOMPARE(m_confirmations.first(),
                 QStringLiteral("Restart Deployment shlink in apps: its 1 pod is replaced, one at "
                                "a time.|Restart|"));
        QCOMPARE(m_panes->activityPane()->list()->topLevelItemCount(),
                 0); // cancelled: nothing sent

        m_answer = true;
        m_panes->restart(shlink);
        QTRY_COMPARE(m_panes->activityPane()->list()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = m_panes->activityPane()->list()->topLevelItem(0);
        QTRY_VERIFY_WITH_TIMEOUT(item->text(2).contains(QStringLiteral("done")), 15000);
        QVERIFY(item->toolTip(4).contains(QStringLiteral("kubectl.kubernetes.io/restartedAt")));
    }

    void scaleAndDeleteConfirm()
    {
        QTRY_VERIFY(m_models->workloads()->find(QStringLiteral("Deployment:devops/docmost")));
        const kube::WorkloadInfo docmost =
            *m_models->workloads()->find(QStringLiteral("Deployment:devops/docmost"));
        m_panes->setAskNumber([](const QString &, const QString &text, int value,
                                 const QString &button) -> std::optional<int> {
            if (!text.contains(QStringLiteral("Scale Deployment docmost in devops from 1 to")) ||
                value != 1 || button != QStringLiteral("Scale"))
                return std::nullopt;
            return 0;
        });
        m_panes->scale(docmost);
        QCOMPARE(m_confirmations.size(), 1); // scaling to 0 asks once more, as a destructive action
        QVERIFY(m_confirmations.first().endsWith(QStringLiteral("|Scale to 0|destructive")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_models->workloads()->find(QStringLiteral("Deployment:devops/docmost"))->desired, 0,
            10000);
        QTRY_COMPARE(
            healthOf(HostModel::workloadId(QStringLiteral("devops"), QStringLiteral("docmost"))),
            Health::Warning);

        const kube::PodInfo pod = m_models->pods()->rows().first();
        m_panes->deletePod(pod);
        QVERIFY(m_confirmations.last().endsWith(QStringLiteral("|Delete Pod|destructive")));
        QVERIFY(m_confirmations.last().startsWith(
            QStringLiteral("Delete pod %1 in %2: it is stopped now").arg(pod.name, pod.ns)));
    }

    void logsPaneShowsAPodLog()
    {
        QTRY_VERIFY(m_models->workloads()->find(QStringLiteral("Deployment:apps/shlink")));
        m_panes->showWorkloadLogs(
            *m_models->workloads()->find(QStringLiteral("Deployment:apps/shlink")));
        QTRY_VERIFY_WITH_TIMEOUT(m_panes->logsPane()->lineCount() > 0, 10000);
    }

    void selectionFollowsTheWorkloadsTable()
    {
        QTRY_VERIFY(m_models->workloads()->find(QStringLiteral("Deployment:monitoring/grafana")));
        QVERIFY(
            m_panes->workloadsPane()->selectKey(QStringLiteral("Deployment:monitoring/grafana")));
        QCOMPARE(m_selection->current(), QStringLiteral("workload:monitoring/grafana"));
        QVERIFY(m_window->topologyScene()
                    ->itemForId(QStringLiteral("workload:monitoring/grafana"))
                    ->isSelected());
        m_selection->select(QStringLiteral("workload:apps/shlink"));
        const int row = m_panes->workloadsPane()->currentSourceRow();
        QCOMPARE(m_models->workloads()->at(row).name, QStringLiteral("shlink"));
    }

    void lostConnectionTurnsStale()
    {
        QTRY_COMPARE(healthOf(HostModel::hostId(QStringLiteral("bracky"))), Health::Ok);
        m_sim.reset(); // the API server goes away
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(HostModel::hostId(QStringLiteral("bracky"))),
                                  Health::Unknown, 15000);
        QVERIFY(m_hosts->indexForId(HostModel::hostId(QStringLiteral("bracky")))
                    .data(HostModel::HealthReasonRole)
                    .toString()
                    .contains(QStringLiteral("nodes cannot be read")));
    }
};

QTEST_MAIN(TestClusterUi)
#include "tst_clusterui.moc"
