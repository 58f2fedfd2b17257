// The Metrics dock and the topology's host meters on the demo lab's
// simulated Prometheus: charts fill and move, a custom query says the demo
// cannot run it, hosts without an instance say why, alerts badge their host,
// and an unreachable Prometheus falls back to metrics-server for the nodes.
#include "charts/metricchartwidget.h"
#include "charts/metricspanes.h"
#include "demolab/kubesimulator.h"
#include "demolab/promsimulator.h"
#include "detailspanel.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"
#include "kube/nodemetrics.h"
#include "labmetrics.h"
#include "labselection.h"
#include "mainwindow.h"
#include "metricchart.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace labdeck;
using Metric = prom::ChartQueries::Metric;

class TestChartsUi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demolab::PromSimulator> m_sim;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    MetricsPanes *m_panes = nullptr;

    MetricChartWidget *chartOf(Metric metric) const
    {
        for (MetricChartWidget *w : m_panes->charts())
            if (w->metric() == metric)
                return w;
        return nullptr;
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
        m_sim = std::make_unique<demolab::PromSimulator>(lab);
        QVERIFY(m_sim->listen());
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        m_window->useDefaultLayout();
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        m_panes =
            new MetricsPanes(m_window.get(), m_hosts.get(), m_selection.get(), m_window.get());
        m_panes->setRefreshInterval(std::chrono::milliseconds(500));
        m_panes->dock()->show();
        m_panes->dock()->raise();
        m_window->resize(1400, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_panes = nullptr;
        m_selection.reset();
        m_hosts.reset();
        m_sim.reset();
        QSettings().clear();
    }

    void selectingAHostShowsItsNodeCharts()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        m_selection->select(QStringLiteral("workload:monitoring/grafana"));
        QCOMPARE(m_panes->host(), QStringLiteral("metamon"));
        QCOMPARE(m_panes->charts().size(), 6);
        for (MetricChartWidget *w : m_panes->charts()) {
            QTRY_VERIFY_WITH_TIMEOUT(!w->chart()->lines().isEmpty(), 10000);
            QVERIFY2(w->chart()->error().isEmpty(), qPrintable(w->chart()->error()));
            const auto &points = w->chart()->lines().first().points;
            // The planned points, one per step, ending at the aligned end.
            QVERIFY(points.size() >= w->chart()->plan().points() - 1);
            QVERIFY(points.size() <= w->chart()->plan().points());
            QCOMPARE(qint64(points.first().x()) / 1000 % w->chart()->plan().step, 0);
            QCOMPARE(w->series().size(), w->chart()->lines().size());
            QCOMPARE(w->series().first()->count(), points.size());
            QVERIFY2(w->freshnessText().startsWith(QStringLiteral("updated")),
                     qPrintable(w->freshnessText()));
        }
        // Load has three lines, named after the metric.
        MetricChartWidget *load = chartOf(Metric::Load);
        QCOMPARE(load->chart()->lines().size(), 3);
        QCOMPARE(load->chart()->lines().first().name, QStringLiteral("node_load1"));
        // Percentages stay within 0..100; metamon's memory runs hot in the demo.
        const double memory = chartOf(Metric::MemoryUsed)->chart()->latestValue();
        QVERIFY2(memory > 75 && memory < 95, qPrintable(QString::number(memory)));
        m_window->grab().save(QStringLiteral("/tmp/labdeck-charts.png"));
    }

    void rangeChangeReplansAndLiveAppends()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        m_panes->showHost(QStringLiteral("bracky"));
        MetricChartWidget *cpu = chartOf(Metric::CpuBusy);
        QTRY_VERIFY_WITH_TIMEOUT(!cpu->chart()->lines().isEmpty(), 10000);
        m_panes->setWindow(std::chrono::hours(24 * 7));
        QTRY_VERIFY_WITH_TIMEOUT(cpu->chart()->plan().end - cpu->chart()->plan().start > 6 * 86400,
                                 10000);
        QVERIFY(cpu->chart()->plan().points() <= 11000);
        QVERIFY(cpu->chart()->plan().step >= 7 * 86400 / cpu->plotWidth());

        m_panes->setWindow(std::chrono::minutes(15));
        QTRY_VERIFY_WITH_TIMEOUT(cpu->chart()->plan().isValid() &&
                                     cpu->chart()->plan().end - cpu->chart()->plan().start <= 900 &&
                                     !cpu->chart()->isLoading(),
                                 10000);
        const int fetches = cpu->chart()->fetchCount();
        const double last = cpu->chart()->lines().first().points.last().x();
        // Live: the demo scrapes every 15 s, so within ~16 s a tail arrives.
        QTRY_VERIFY_WITH_TIMEOUT(cpu->chart()->lines().first().points.last().x() > last, 25000);
        QVERIFY(cpu->chart()->fetchCount() > fetches);
        QCOMPARE(cpu->series().first()->count(), cpu->chart()->lines().first().points.size());
    }

    void customQueryInTheDemoSaysItCannotRun()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        m_panes->showHost(QStringLiteral("pikachu"));
        MetricChartWidget *cpu = chartOf(Metric::CpuBusy);
        auto *editor = cpu->findChild<QPlainTextEdit *>();
        QVERIFY(editor);
        QVERIFY(editor->toPlainText().contains(QStringLiteral("instance=\"pikachu:9100\"")));
        editor->setPlainText(QStringLiteral("rate(http_requests_total[5m])"));
        QPushButton *run = nullptr;
        for (QPushButton *b : cpu->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Run"))
                run = b;
        QVERIFY(run);
        run->click();
        QVERIFY(cpu->hasCustomQuery());
        QTRY_VERIFY_WITH_TIMEOUT(!cpu->chart()->error().isEmpty(), 10000);
        QVERIFY2(
            cpu->chart()->error().contains(QStringLiteral("the demo lab cannot run this query")),
            qPrintable(cpu->chart()->error()));
        QVERIFY2(cpu->chart()->error().contains(QStringLiteral("Connect a real Prometheus")),
                 qPrintable(cpu->chart()->error()));
    }

    void hostWithoutInstanceSaysWhy()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        m_panes->showHost(QStringLiteral("gpu-server"));
        QVERIFY(m_panes->charts().isEmpty());
        auto *header = m_panes->dock()->findChild<QLabel *>();
        QVERIFY(header->text().contains(QStringLiteral("no Prometheus instance in the inventory")));
    }

    void hostCardsShowMetersAndAlerts()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        TopologyScene *scene = m_window->topologyScene();
        QTRY_VERIFY_WITH_TIMEOUT(
            scene->hostCard(QStringLiteral("metamon"))->meters().cpuPercent.has_value(), 10000);
        const auto metamon = scene->hostCard(QStringLiteral("metamon"))->meters();
        QVERIFY(metamon.memoryPercent.has_value());
        QCOMPARE(metamon.firingAlerts, 1);
        QVERIFY(metamon.tooltip.contains(QStringLiteral("NodeMemoryHigh")));
        QVERIFY(!metamon.fallback);
        QCOMPARE(scene->hostCard(QStringLiteral("bracky"))->meters().firingAlerts, 0);
        // The Details dock shows the selected host's use and alerts.
        m_selection->select(QStringLiteral("host:metamon"));
        QTRY_VERIFY2(m_window->detailsPanel()->html().contains(QStringLiteral("NodeMemoryHigh")),
                     qPrintable(m_window->detailsPanel()->html()));
        QVERIFY(m_window->detailsPanel()->html().contains(QStringLiteral("Alerts firing")));
        // The GPU server has no instance: no bars, nothing invented.
        QVERIFY(!scene->hostCard(QStringLiteral("gpu-server"))->meters().cpuPercent.has_value());
    }

    void detailsShowTheHostsSparklines()
    {
        m_panes->setPrometheus(m_sim->url(), true);
        m_selection->select(QStringLiteral("host:metamon"));
        // A row per series: "CPU busy (1 h)  ▂▃▅… now 22.3 %, max 47.0 %".
        const QRegularExpression row(QStringLiteral("Memory used \\(1 h\\)(?:<[^>]*>|\\s)*"
                                                    "([\\x{2581}-\\x{2588}]{8,}) now ([0-9.]+) %"));
        QRegularExpressionMatch m;
        QTRY_VERIFY2_WITH_TIMEOUT((m = row.match(m_window->detailsPanel()->html())).hasMatch(),
                                  qPrintable(m_window->detailsPanel()->html()), 10000);
        // metamon's memory runs at 75-95 % in the demo: high blocks.
        const QString spark = m.captured(1);
        QVERIFY(spark.size() <= 12);
        for (const QChar c : spark)
            QVERIFY2(c.unicode() >= 0x2586, qPrintable(spark));
        const double now = m.captured(2).toDouble();
        QVERIFY2(now > 75 && now < 95, qPrintable(m.captured(2)));
        for (const char *title :
             {"CPU busy (1 h)", "Network receive (1 h)", "Network transmit (1 h)"})
            QVERIFY2(m_window->detailsPanel()->html().contains(QLatin1String(title)), title);
        // They follow the range picker.
        m_panes->setWindow(std::chrono::hours(6));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->detailsPanel()->html().contains(QStringLiteral("CPU busy (6 h)")), 10000);
        // A host without a Prometheus instance has none.
        m_selection->select(QStringLiteral("host:gpu-server"));
        QTRY_VERIFY(!m_window->detailsPanel()->html().contains(QStringLiteral("CPU busy (")));
    }

    void unreachablePrometheusFallsBackToMetricsServer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_panes->labMetrics()->setNodeMetricsFetch([](auto done) {
            done({{QStringLiteral("pikachu"), {12.5, 40.0}},
                  {QStringLiteral("bracky"), {55.0, 61.0}}},
                 QString());
        });
        m_panes->setPrometheus(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), false);
        TopologyScene *scene = m_window->topologyScene();
        QTRY_VERIFY_WITH_TIMEOUT(
            scene->hostCard(QStringLiteral("bracky"))->meters().cpuPercent.has_value(), 10000);
        const auto bracky = scene->hostCard(QStringLiteral("bracky"))->meters();
        QCOMPARE(*bracky.cpuPercent, 55.0);
        QVERIFY(bracky.fallback);
        QVERIFY(bracky.tooltip.contains(QStringLiteral("metrics-server")));
        QVERIFY(!m_panes->labMetrics()->error().isEmpty());
        QVERIFY(m_panes->labMetrics()->error().contains(QStringLiteral("connection refused")));
        // pochama is not a Kubernetes node: no fallback values for it.
        QVERIFY(!scene->hostCard(QStringLiteral("pochama"))->meters().cpuPercent.has_value());
        // The charts of a node say why they are stale or failing.
        m_panes->showHost(QStringLiteral("pikachu"));
        MetricChartWidget *cpu = chartOf(Metric::CpuBusy);
        QTRY_VERIFY_WITH_TIMEOUT(
            cpu->freshnessText().contains(QStringLiteral("connection refused")) ||
                cpu->freshnessText().contains(QStringLiteral("stale")),
            10000);
    }

    void nodeMetricsFromMetricsServer()
    {
        // Quantities as metrics-server and the kubelet write them.
        QCOMPARE(kube::parseQuantity(QStringLiteral("487558164n")), 0.487558164);
        QCOMPARE(kube::parseQuantity(QStringLiteral("500m")), 0.5);
        QCOMPARE(kube::parseQuantity(QStringLiteral("732212Ki")), 732212.0 * 1024);
        QCOMPARE(kube::parseQuantity(QStringLiteral("6Gi")), 6.0 * 1024 * 1024 * 1024);
        QVERIFY(std::isnan(kube::parseQuantity(QStringLiteral("lots"))));
        // The documented NodeMetrics, in a list.
        QFile fixture(QStringLiteral(
            LABDECK_TEST_FIXTURES "/kubernetes-api/nodemetrics-metrics.k8s.io-v1beta1.doc.json"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QJsonObject item = QJsonDocument::fromJson(fixture.readAll()).object();
        QString error;
        QVERIFY(kube::NodeMetrics::parseList(item, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("not a NodeMetricsList")));
        error.clear();
        const auto parsed = kube::NodeMetrics::parseList(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("NodeMetricsList")},
                        {QStringLiteral("items"), QJsonArray{item}}},
            &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(parsed.value(QStringLiteral("minikube")).cpuCores, 0.487558164);
        QCOMPARE(parsed.value(QStringLiteral("minikube")).memoryBytes, 732212.0 * 1024);

        // The demo lab's simulated metrics-server, through the real client.
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        demolab::KubeSimulator sim(lab);
        QVERIFY(sim.listen());
        kube::StaticAuthenticator auth(sim.bearerToken(),
                                       QSslConfiguration::defaultConfiguration());
        auth.allowPlainHttpOnLoopback();
        kube::KubeSession session(QStringLiteral("demo"), sim.url(), &auth);
        QHash<QString, kube::NodeUsage> usage;
        bool called = false;
        kube::NodeMetrics::fetch(session.client(),
                                 [&](const QHash<QString, kube::NodeUsage> &u, const QString &e) {
                                     QVERIFY2(e.isEmpty(), qPrintable(e));
                                     usage = u;
                                     called = true;
                                 });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QCOMPARE(usage.size(), 3);
        for (const QString &node :
             {QStringLiteral("pikachu"), QStringLiteral("metamon"), QStringLiteral("bracky")}) {
            QVERIFY(usage.contains(node));
            QVERIFY(usage.value(node).cpuCores > 0 && usage.value(node).cpuCores < 1.0);
            QVERIFY(usage.value(node).memoryBytes > 100.0 * 1024 * 1024);
        }
    }
};

QTEST_MAIN(TestChartsUi)
#include "tst_chartsui.moc"
