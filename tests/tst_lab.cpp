// The composition root: the demo lab's backends answer (a session whose
// cluster lists the inventory's nodes, its Prometheus, its Ollama replay),
// a check run reaches them; a real lab with a broken kubeconfig says where
// and why, hands out the inventory's endpoints, and connects no cluster
// when asked not to. The metrics-server share of each node.

#include "checks/checkrunner.h"
#include "demolab/demotransport.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"
#include "lab/lab.h"
#include "metricsserverusage.h"
#include "remote/commandtransport.h"
#include "ssh/sshtransport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;

class TestLab : public QObject
{
    Q_OBJECT

    static Inventory builtIn()
    {
        const InventoryLoadResult loaded = InventoryLoader::loadBuiltIn();
        return loaded.ok() ? *loaded.inventory : Inventory{};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoLabHandsOutItsServers()
    {
        const Inventory inventory = builtIn();
        QVERIFY(!inventory.hosts.isEmpty());
        const auto lab = lab::Lab::demo(inventory);
        QSignalSpy ready(lab.get(), &lab::Lab::kubeReady);
        QSignalSpy prometheus(lab.get(), &lab::Lab::prometheusReady);
        lab->start();
        QVERIFY(lab->isDemo());
        QVERIFY(lab->demoTransport());
        QCOMPARE(lab->transport(), static_cast<remote::CommandTransport *>(lab->demoTransport()));
        QVERIFY(lab->ssh() == nullptr);
        QVERIFY(lab->session() == nullptr); // the simulator answers queued
        QVERIFY(ready.wait(20000));
        QCOMPARE(prometheus.size(), 1);
        QVERIFY(lab->prometheusUrl().isValid());
        QCOMPARE(lab->prometheusUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(lab->ollamaUrl().isValid());
        QVERIFY(lab->session());
        QVERIFY(lab->actions());

        // The cluster is the inventory's: its nodes, through the session's client.
        QStringList nodes;
        bool done = false;
        kube::KubeCall *call = lab->session()->client()->get(QStringLiteral("/api/v1/nodes"));
        connect(call, &kube::KubeCall::finished, this, [&](const kube::KubeResponse &response) {
            QVERIFY2(response.ok(), qPrintable(response.errorText));
            for (const QJsonValue &item : response.json.value(QLatin1String("items")).toArray())
                nodes << item[QLatin1String("metadata")][QLatin1String("name")].toString();
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        nodes.sort();
        QStringList expected;
        for (const Host &h : inventory.hosts) {
            if (h.isKubernetesNode())
                expected << h.nodeName();
        }
        expected.sort();
        QCOMPARE(nodes, expected);

        // The monitors the inventory has, once.
        lab->buildMonitors();
        QVERIFY(lab->compose());
        QVERIFY(lab->tailscale());
        QVERIFY(lab->gpuMonitor());
        QVERIFY(lab->ollama());
        auto *compose = lab->compose();
        lab->buildMonitors();
        QCOMPARE(lab->compose(), compose);
    }

    void checksReachTheDemoLab()
    {
        const auto lab = lab::Lab::demo(builtIn());
        QSignalSpy ready(lab.get(), &lab::Lab::kubeReady);
        lab->start();
        QVERIFY(ready.wait(20000));
        // k8s and prometheus need no HTTPS servers: ready at once.
        checks::CheckContext got;
        bool called = false;
        const QString waiting =
            lab->prepareChecks({}, {QStringLiteral("k8s"), QStringLiteral("prometheus")},
                               [&](checks::CheckContext ctx, checks::CheckRegistry) {
                                   got = std::move(ctx);
                                   called = true;
                               });
        QVERIFY(called);
        QVERIFY(waiting.isEmpty());
        QCOMPARE(got.kube.data(), lab->session()->client());
        QVERIFY(got.kubeUnavailable.isEmpty());
        QCOMPARE(got.transport.data(), lab->transport());
        QCOMPARE(got.prometheusUrl, lab->prometheusUrl());
        QCOMPARE(got.ollamaUrl, lab->ollamaUrl());

        // A whole run on the demo lab gives k8s results from the cluster.
        checks::CheckRunner *runner = nullptr;
        lab->prepareChecks({}, {QStringLiteral("k8s")},
                           [&](checks::CheckContext ctx, checks::CheckRegistry registry) {
                               runner = new checks::CheckRunner(std::move(registry), this);
                               runner->start({QStringLiteral("k8s")}, ctx);
                           });
        QVERIFY(runner);
        QSignalSpy finished(runner, &checks::CheckRunner::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY(runner->results().size() > 3);
        for (const checks::CheckResult &r : runner->results())
            QCOMPARE(r.category, QStringLiteral("k8s"));
        delete runner;
    }

    void realLabWithABrokenKubeconfigSaysWhere()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("config"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\nclusters: [\n");
        f.close();
        Inventory inventory = builtIn();
        inventory.ollamaTunnel.clear();
        lab::RealLabOptions options;
        options.kubeconfig = file;
        options.interactive = false;
        const auto lab = lab::Lab::real(inventory, options);
        QSignalSpy failed(lab.get(), &lab::Lab::kubeFailed);
        QSignalSpy prometheus(lab.get(), &lab::Lab::prometheusReady);
        lab->start();
        QCOMPARE(failed.size(), 1); // read on start, synchronously
        const QString error = failed.at(0).at(0).toString();
        QVERIFY2(error.contains(file + QLatin1Char(':')), qPrintable(error));
        QCOMPARE(lab->kubeError(), error);
        QCOMPARE(lab->session(), nullptr);
        QVERIFY(lab->ssh());
        QCOMPARE(lab->transport(), static_cast<remote::CommandTransport *>(lab->ssh()));
        QCOMPARE(prometheus.size(), 1);
        QCOMPARE(lab->prometheusUrl(), inventory.prometheusUrl);
        QCOMPARE(lab->ollamaUrl(), inventory.ollamaUrl);
        // A check run says why there is no cluster, on one line.
        checks::CheckContext got;
        lab->prepareChecks({}, {QStringLiteral("k8s")},
                           [&](checks::CheckContext ctx, checks::CheckRegistry) { got = ctx; });
        QVERIFY(got.kube.isNull());
        QVERIFY(got.kubeUnavailable.contains(file));
        QVERIFY(!got.kubeUnavailable.contains(QLatin1Char('\n')));
        QVERIFY(lab->failureTargets().transport == nullptr); // no Simulate failure in a real lab
    }

    void realLabWithoutACluster()
    {
        lab::RealLabOptions options;
        options.kubeconfig = QStringLiteral("/nonexistent/kubeconfig");
        options.connectKube = false;
        options.interactive = false;
        Inventory inventory = builtIn();
        inventory.ollamaTunnel.clear();
        const auto lab = lab::Lab::real(inventory, options);
        QSignalSpy failed(lab.get(), &lab::Lab::kubeFailed);
        lab->start();
        QCOMPARE(failed.size(), 0); // the kubeconfig was never read
        checks::CheckContext got;
        lab->prepareChecks({}, {QStringLiteral("k8s")},
                           [&](checks::CheckContext ctx, checks::CheckRegistry) { got = ctx; });
        QCOMPARE(got.kubeUnavailable, QStringLiteral("no Kubernetes cluster is connected"));
    }

    void metricsServerShare()
    {
        kube::NodeInfo a;
        a.name = QStringLiteral("pikachu");
        a.cpuAllocatable = QStringLiteral("4");
        a.memoryAllocatable = QStringLiteral("8Gi");
        kube::NodeInfo b;
        b.name = QStringLiteral("metamon");
        b.cpuAllocatable = QStringLiteral("1500m");
        b.memoryAllocatable = QStringLiteral("6090129Ki");
        kube::NodeInfo c; // no allocatable known yet
        c.name = QStringLiteral("bracky");
        const QHash<QString, kube::NodeUsage> usage{
            {QStringLiteral("pikachu"), {1.0, 2.0 * 1024 * 1024 * 1024}},
            {QStringLiteral("metamon"), {0.75, 6090129.0 * 1024}},
            {QStringLiteral("bracky"), {0.5, 1024}},
        };
        const auto percent = nodeUsagePercent(usage, {a, b, c});
        QCOMPARE(percent.size(), 2);
        QCOMPARE(percent.value(QStringLiteral("pikachu")).first, 25.0);
        QCOMPARE(percent.value(QStringLiteral("pikachu")).second, 25.0);
        QCOMPARE(percent.value(QStringLiteral("metamon")).first, 50.0);
        QCOMPARE(percent.value(QStringLiteral("metamon")).second, 100.0);
        QVERIFY(!percent.contains(QStringLiteral("bracky")));
        // A node metrics-server leaves out (its kubelet stopped) is left out.
        QVERIFY(nodeUsagePercent({}, {a, b}).isEmpty());
    }
};

QTEST_MAIN(TestLab)
#include "tst_lab.moc"
