// The Checks pane on the demo lab: Check all fills the table row by row as
// results arrive, colours and glyphs by severity, copies as text, takes its
// thresholds from the settings, and badges the topology's URL labels and
// host cards.

#include "checkresultsmodel.h"
#include "checks/checkrunner.h"
#include "checks/checkspanes.h"
#include "detailspanel.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "lab/lab.h"
#include "labselection.h"
#include "mainwindow.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace labdeck;

class TestCheckUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    ChecksPanes *m_panes = nullptr;
    std::unique_ptr<lab::Lab> m_lab;

    int rowOf(const QString &category, const QString &target) const
    {
        const auto &results = m_panes->model()->results();
        for (int i = 0; i < results.size(); ++i) {
            if (results[i].category == category && results[i].target == target)
                return i;
        }
        return -1;
    }

    bool runAll()
    {
        QSignalSpy done(m_panes, &ChecksPanes::runFinished);
        m_panes->checkAllAction()->trigger();
        return done.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_checkui"));
        QSettings().clear();
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        m_window->useDefaultLayout();
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        m_panes = new ChecksPanes(m_window.get(), m_hosts.get(), m_selection.get());
        // The demo lab's HTTPS servers and Traefik API; no cluster connected.
        m_lab = lab::Lab::demo(m_hosts->inventory());
        m_panes->setCheckSource(m_lab.get());
    }

    void checkAllFillsTheTableAsResultsArrive()
    {
        QCOMPARE(m_panes->checkAllAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        CheckResultsModel *model = m_panes->model();
        QAbstractItemModelTester tester(model);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QVERIFY(runAll());
        const int rows = model->rowCount();
        QVERIFY(rows > 20);
        QCOMPARE(inserted.size(), rows); // one insert per result, no resets
        QCOMPARE(rows, int(m_panes->runner()->results().size()));
        QVERIFY(m_panes->checkAllAction()->isEnabled());

        const int grafana =
            rowOf(QStringLiteral("certs"), QStringLiteral("https://grafana.example.com"));
        QVERIFY(grafana >= 0);
        const QModelIndex sev = model->index(grafana, CheckResultsModel::SeverityColumn);
        QCOMPARE(sev.data(CheckResultsModel::SeverityRole).toInt(), int(Health::Critical));
        QCOMPARE(sev.data(Qt::DisplayRole).toString(),
                 HealthText::glyph(Health::Critical) + QStringLiteral(" critical"));
        QCOMPARE(sev.data(Qt::ForegroundRole).value<QBrush>().color(),
                 healthColor(Health::Critical));
        QVERIFY(model->index(grafana, CheckResultsModel::SummaryColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("expires in 5 days")));
        QVERIFY(model->index(grafana, CheckResultsModel::AdviceColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("certResolver")));
        // With no cluster, k8s says it could not run.
        const int k8s = rowOf(QStringLiteral("k8s"), QStringLiteral("Kubernetes cluster"));
        QVERIFY(k8s >= 0);
        QCOMPARE(model->result(k8s).severity, Health::Unknown);
    }

    void badgesOnTheTopology()
    {
        TopologyScene *scene = m_window->topologyScene();
        StatusItem *grafana = scene->itemForId(
            TopologyScene::urlId(QUrl(QStringLiteral("https://grafana.example.com"))));
        QVERIFY(grafana);
        QCOMPARE(grafana->health(), Health::Critical);
        QVERIFY(grafana->toolTip().contains(QLatin1String("expires in 5 days")));
        StatusItem *ha =
            scene->itemForId(TopologyScene::urlId(QUrl(QStringLiteral("https://ha.example.com"))));
        QCOMPARE(ha->health(), Health::Ok); // every check of it passed
        // Shlink's closed NodePort is a problem of bracky; the broken Traefik
        // router one of pochama.
        QVERIFY2(
            scene->hostCard(QStringLiteral("bracky"))->note().contains(QLatin1String("checks")),
            qPrintable(scene->hostCard(QStringLiteral("bracky"))->note()));
        QVERIFY(
            scene->hostCard(QStringLiteral("pochama"))->note().contains(QLatin1String("checks")));
        QVERIFY(
            !scene->hostCard(QStringLiteral("pikachu"))->note().contains(QLatin1String("checks")));
        // The Details dock lists a selected host's problems.
        m_selection->select(QStringLiteral("host:bracky"));
        QTRY_VERIFY2(m_window->detailsPanel()->html().contains(QLatin1String("Checks")),
                     qPrintable(m_window->detailsPanel()->html()));
        QVERIFY(m_window->detailsPanel()->html().contains(QLatin1String("30080")));
    }

    void copyAsText()
    {
        m_panes->table()->clearSelection();
        m_panes->copyResults();
        const QString all = QGuiApplication::clipboard()->text();
        QVERIFY(all.contains(QLatin1String("https://grafana.example.com")));
        QVERIFY(all.contains(QLatin1String("what to do:")));
        QVERIFY(all.contains(QLatin1String("critical")));
        const int row = rowOf(QStringLiteral("certs"), QStringLiteral("https://cloud.example.com"));
        m_panes->table()->selectRow(row);
        m_panes->copyResults();
        const QString one = QGuiApplication::clipboard()->text();
        QVERIFY(one.contains(QLatin1String("cloud.example.com")));
        QVERIFY(!one.contains(QLatin1String("grafana.example.com")));
    }

    void thresholdsFromTheSettings()
    {
        QSettings().setValue(QLatin1String(checksettings::kCriticalDays), 3);
        QVERIFY(runAll());
        const int grafana =
            rowOf(QStringLiteral("certs"), QStringLiteral("https://grafana.example.com"));
        QCOMPARE(m_panes->model()->result(grafana).severity, Health::Warning);
        QSettings().remove(QLatin1String(checksettings::kCriticalDays));
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        m_window.reset();
    }
};

QTEST_MAIN(TestCheckUi)
#include "tst_checkui.moc"
