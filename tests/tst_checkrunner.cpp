// The check runner: results stream in, each check is bounded, unknown and
// not-built-in categories say so, the JSON report keeps its documented
// schema, exit codes follow the worst result; the k8s check against the demo
// lab's Kubernetes API simulator.

#include "checks/checkrunner.h"
#include "checks/endpointcheck.h"
#include "checks/kubecheck.h"
#include "checks/pendingcheck.h"
#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace labdeck;
using namespace labdeck::checks;

namespace {

// A check that reports one result and then never finishes.
class StuckCheck final : public Check
{
public:
    using Check::Check;

protected:
    void run(const CheckContext &) override
    {
        CheckResult r;
        r.target = QStringLiteral("first");
        r.severity = Health::Ok;
        r.summary = QStringLiteral("fine");
        report(r);
    }
};

CheckResult result(Health h, const QString &category = QStringLiteral("certs"))
{
    CheckResult r;
    r.category = category;
    r.target = QStringLiteral("t");
    r.severity = h;
    return r;
}

const CheckResult *find(const QList<CheckResult> &results, const QString &target)
{
    for (const CheckResult &r : results) {
        if (r.target == target)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestCheckRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data()
    {
        QTest::addColumn<QList<int>>("severities");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("all ok") << QList<int>{int(Health::Ok), int(Health::Ok)} << 0;
        QTest::newRow("a warning") << QList<int>{int(Health::Ok), int(Health::Warning)} << 1;
        QTest::newRow("a critical") << QList<int>{int(Health::Warning), int(Health::Critical)} << 2;
        QTest::newRow("could not run")
            << QList<int>{int(Health::Ok), int(Health::Warning), int(Health::Unknown)} << 3;
        QTest::newRow("critical beats could not run")
            << QList<int>{int(Health::Unknown), int(Health::Critical)} << 2;
        QTest::newRow("nothing") << QList<int>{} << 3;
    }

    void exitCodes()
    {
        QFETCH(QList<int>, severities);
        QFETCH(int, exitCode);
        RunSummary s;
        for (int h : severities)
            s.add(Health(h));
        QCOMPARE(s.exitCode(), exitCode);
    }

    void jsonSchema()
    {
        RunSummary s;
        s.startedAt = QDateTime(QDate(2026, 11, 26), QTime(3, 0), Qt::UTC);
        s.durationMs = 812;
        s.categories = QStringList{QStringLiteral("certs")};
        CheckResult r = result(Health::Warning);
        r.target = QStringLiteral("https://ha.example.com");
        r.url = r.target;
        r.host = QStringLiteral("pochama");
        r.summary = QStringLiteral("expires in 12 days");
        r.advice = QStringLiteral("look at the logs");
        r.details.insert(QStringLiteral("daysLeft"), 12);
        r.durationMs = 40;
        s.add(r.severity);
        const QJsonObject doc = CheckReport::toJson({r}, s, QStringLiteral("/home/u/lab.yaml"));
        // Every documented key, with its type (docs/checks.md).
        QCOMPARE(doc.value(QLatin1String("schemaVersion")).toInt(), 1);
        QCOMPARE(doc.value(QLatin1String("startedAt")).toString(),
                 QStringLiteral("2026-11-26T03:00:00.000Z"));
        QCOMPARE(doc.value(QLatin1String("durationMs")).toInt(), 812);
        QCOMPARE(doc.value(QLatin1String("inventory")).toString(),
                 QStringLiteral("/home/u/lab.yaml"));
        QCOMPARE(doc.value(QLatin1String("categories")).toArray().size(), 1);
        const QJsonObject summary = doc.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.keys(), (QStringList{QStringLiteral("critical"),
                                              QStringLiteral("exitCode"), QStringLiteral("ok"),
                                              QStringLiteral("total"), QStringLiteral("unknown"),
                                              QStringLiteral("warning"), QStringLiteral("worst")}));
        QCOMPARE(summary.value(QLatin1String("worst")).toString(), QStringLiteral("warning"));
        QCOMPARE(summary.value(QLatin1String("exitCode")).toInt(), 1);
        const QJsonObject one = doc.value(QLatin1String("results")).toArray().first().toObject();
        QCOMPARE(one.keys(), (QStringList{QStringLiteral("advice"), QStringLiteral("category"),
                                          QStringLiteral("details"), QStringLiteral("durationMs"),
                                          QStringLiteral("host"), QStringLiteral("severity"),
                                          QStringLiteral("summary"), QStringLiteral("target"),
                                          QStringLiteral("url")}));
        QCOMPARE(one.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(
            one.value(QLatin1String("details")).toObject().value(QLatin1String("daysLeft")).toInt(),
            12);
        // And the text form says the same in words.
        const QString text = CheckReport::toText({r}, s);
        QVERIFY(text.contains(QLatin1String("WARNING")));
        QVERIFY(text.contains(QLatin1String("what to do: look at the logs")));
        QVERIFY(text.contains(QLatin1String("1 results: 0 ok, 1 warning")));
    }

    void textTableShowsControlCharactersAsEscapes()
    {
        // A hostile server's text: clear the screen, reverse what follows,
        // and a fake line of the table after a newline.
        CheckResult r;
        r.category = QStringLiteral("routes");
        r.target = QStringLiteral("Host(`a.example.com`)\u202e");
        r.severity = Health::Critical;
        r.summary = QStringLiteral("bad \x1b[2Jgone\u202etxt.exe\r\n✔ OK        certs     fake");
        r.advice = QStringLiteral("call\x07 \x9b"
                                  "31m \u2066us\u2069\u200b");
        RunSummary s;
        s.add(r.severity);
        const QString text = CheckReport::toText({r}, s);
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            QVERIFY2(
                u == u'\n' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f)),
                qPrintable(
                    QStringLiteral("U+%1 in the table").arg(uint(u), 4, 16, QLatin1Char('0'))));
            QVERIFY2(
                !(u >= 0x202a && u <= 0x202e) && !(u >= 0x2066 && u <= 0x2069) && u != 0x200b,
                qPrintable(
                    QStringLiteral("U+%1 in the table").arg(uint(u), 4, 16, QLatin1Char('0'))));
        }
        // Made visible, not silently dropped; one line for the result, one for the advice.
        QVERIFY2(text.contains(QLatin1String("bad \\x1b[2Jgone\\u202etxt.exe\\r\\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("call\\x07 \\x9b31m \\u2066us\\u2069\\u200b")),
                 qPrintable(text));
        QCOMPARE(text.count(QLatin1Char('\n')), 3);
        // JSON stays exact.
        const QJsonObject one = CheckReport::toJson({r}, s, QString())
                                    .value(QLatin1String("results"))
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(one.value(QLatin1String("summary")).toString(), r.summary);
        QCOMPARE(one.value(QLatin1String("target")).toString(), r.target);
        QCOMPARE(one.value(QLatin1String("advice")).toString(), r.advice);
    }

    void categoriesWithoutTheirSourceCouldNotRun()
    {
        // An empty lab: no tailscale.statusHost, no prometheus.url, no
        // ollama.url, and a category that does not exist.
        CheckRunner runner;
        QSignalSpy results(&runner, &CheckRunner::resultReady);
        QSignalSpy done(&runner, &CheckRunner::finished);
        runner.start({QStringLiteral("tunnels"), QStringLiteral("prometheus"),
                      QStringLiteral("gpu"), QStringLiteral("nonsense")},
                     CheckContext{});
        QCOMPARE(results.size(), 0); // nothing before the event loop runs
        QVERIFY(done.wait(5000));
        QCOMPARE(runner.results().size(), 4);
        for (const CheckResult &r : runner.results()) {
            QCOMPARE(r.severity, Health::Unknown);
            QVERIFY2(r.summary.startsWith(QLatin1String("could not run")), qPrintable(r.summary));
        }
        QVERIFY(find(runner.results(), QStringLiteral("tailnet"))
                    ->summary.contains(QLatin1String("tailscale.statusHost")));
        QVERIFY(find(runner.results(), QStringLiteral("Prometheus"))
                    ->summary.contains(QLatin1String("prometheus.url")));
        QVERIFY(find(runner.results(), QStringLiteral("Ollama"))
                    ->summary.contains(QLatin1String("ollama.url")));
        QCOMPARE(runner.summary().exitCode(), 3);
    }

    void aCheckThatNeverFinishesIsCutAtItsDeadline()
    {
        CheckRegistry registry;
        registry.add(QStringLiteral("stuck"),
                     [](QObject *p) { return new StuckCheck(QStringLiteral("stuck"), p); });
        CheckRunner runner(registry);
        QSignalSpy done(&runner, &CheckRunner::finished);
        CheckContext ctx;
        ctx.options.timeout = std::chrono::milliseconds(200);
        runner.start({QStringLiteral("stuck")}, ctx);
        QVERIFY(done.wait(10000));
        QCOMPARE(runner.results().size(), 2);
        QCOMPARE(runner.results()[0].severity, Health::Ok);
        QCOMPARE(runner.results()[1].severity, Health::Unknown);
        QVERIFY(runner.results()[1].summary.contains(QLatin1String("could not finish")));
        QVERIFY(!runner.isRunning());
    }

    void cancelStopsEverything()
    {
        CheckRegistry registry;
        registry.add(QStringLiteral("stuck"),
                     [](QObject *p) { return new StuckCheck(QStringLiteral("stuck"), p); });
        CheckRunner runner(registry);
        QSignalSpy done(&runner, &CheckRunner::finished);
        runner.start({QStringLiteral("stuck")}, CheckContext{});
        runner.cancel();
        QVERIFY(!runner.isRunning());
        QVERIFY(!done.wait(1500));
    }

    void kubernetesAgainstTheSimulator()
    {
        Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        demolab::KubeSimulator sim(lab);
        sim.setReadyDelay(std::chrono::minutes(10)); // new pods stay unready during the test
        QVERIFY(sim.listen());
        kube::StaticAuthenticator auth(sim.bearerToken(),
                                       QSslConfiguration::defaultConfiguration());
        auth.allowPlainHttpOnLoopback();
        kube::KubeClient client(sim.url(), &auth);

        // One workload more in the inventory than in the cluster, and one
        // deployment scaled up whose new pods are not ready.
        Workload ghost;
        ghost.name = QStringLiteral("ghost");
        ghost.ns = QStringLiteral("apps");
        ghost.host = QStringLiteral("bracky");
        lab.workloads << ghost;
        kube::KubeCall *scale = client.mergePatch(
            kube::objectPath(kube::Resource::Deployments, QStringLiteral("apps"),
                             QStringLiteral("shlink")),
            QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 3}}}});
        QSignalSpy scaled(scale, &kube::KubeCall::finished);
        QVERIFY(scaled.wait(5000));

        CheckContext ctx;
        ctx.inventory = lab;
        ctx.kube = &client;
        CheckRunner runner;
        QSignalSpy done(&runner, &CheckRunner::finished);
        runner.start({QStringLiteral("k8s")}, ctx);
        QVERIFY(done.wait(10000));
        const QList<CheckResult> &results = runner.results();
        for (const QString &node :
             {QStringLiteral("pikachu"), QStringLiteral("metamon"), QStringLiteral("bracky")}) {
            const CheckResult *r = find(results, QStringLiteral("node ") + node);
            QVERIFY(r);
            QCOMPARE(r->severity, Health::Ok);
            QCOMPARE(r->host, node);
        }
        const CheckResult *grafana = find(results, QStringLiteral("deployment monitoring/grafana"));
        QVERIFY(grafana);
        QCOMPARE(grafana->severity, Health::Ok);
        const CheckResult *shlink = find(results, QStringLiteral("deployment apps/shlink"));
        QVERIFY(shlink);
        QCOMPARE(shlink->severity, Health::Warning);
        QVERIFY2(shlink->summary.startsWith(QLatin1String("1 of 3 ready")),
                 qPrintable(shlink->summary));
        const CheckResult *missing = find(results, QStringLiteral("deployment apps/ghost"));
        QVERIFY(missing);
        QCOMPARE(missing->severity, Health::Critical);
        QVERIFY(missing->summary.contains(QLatin1String("missing")));
        QCOMPARE(runner.summary().exitCode(), 2);
    }

    void kubernetesJudgement()
    {
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        KubeCheck::ClusterState state;
        kube::NodeInfo down;
        down.name = QStringLiteral("metamon");
        down.readyKnown = true;
        down.readyStatus = QStringLiteral("False");
        down.readyReason = QStringLiteral("KubeletNotReady");
        down.conditions << kube::Condition{QStringLiteral("Ready"),
                                           QStringLiteral("False"),
                                           QStringLiteral("KubeletNotReady"),
                                           QString(),
                                           now.addSecs(-120),
                                           now.addSecs(-5)};
        kube::NodeInfo up;
        up.name = QStringLiteral("bracky");
        up.ready = up.readyKnown = true;
        up.readyStatus = QStringLiteral("True");
        up.conditions << kube::Condition{QStringLiteral("Ready"),
                                         QStringLiteral("True"),
                                         QStringLiteral("KubeletReady"),
                                         QString(),
                                         now.addSecs(-3600),
                                         now.addSecs(-5)};
        state.nodes << down << up; // pikachu is missing
        kube::PodInfo crash;
        crash.ns = QStringLiteral("apps");
        crash.name = QStringLiteral("shlink-abc");
        crash.status = QStringLiteral("CrashLoopBackOff");
        crash.phase = QStringLiteral("Running");
        crash.restarts = 12;
        kube::ContainerInfo looping;
        looping.name = QStringLiteral("shlink");
        looping.state = QStringLiteral("waiting");
        looping.reason = QStringLiteral("CrashLoopBackOff");
        looping.restartCount = 12;
        looping.lastReason = QStringLiteral("Error");
        looping.lastExitCode = 1;
        crash.containerDetails << looping;
        crash.nodeName = QStringLiteral("bracky");
        kube::PodInfo pending;
        pending.ns = QStringLiteral("apps");
        pending.name = QStringLiteral("web-1");
        pending.phase = QStringLiteral("Pending");
        pending.status = QStringLiteral("Pending");
        pending.created = now.addSecs(-600);
        kube::PodInfo fresh = pending;
        fresh.name = QStringLiteral("web-2");
        fresh.created = now.addSecs(-5);
        kube::PodInfo moved;
        moved.ns = QStringLiteral("monitoring");
        moved.name = QStringLiteral("grafana-1");
        moved.workloadKind = QStringLiteral("Deployment");
        moved.workloadName = QStringLiteral("grafana");
        moved.nodeName = QStringLiteral("bracky");
        state.pods << crash << pending << fresh << moved;
        kube::WorkloadInfo grafana;
        grafana.kind = QStringLiteral("Deployment");
        grafana.ns = QStringLiteral("monitoring");
        grafana.name = QStringLiteral("grafana");
        grafana.desired = grafana.ready = 1;
        kube::WorkloadInfo zero = grafana;
        zero.ns = QStringLiteral("apps");
        zero.name = QStringLiteral("home-assistant");
        zero.ready = 0;
        state.workloads << grafana << zero;

        const QList<CheckResult> r = KubeCheck::judge(state, lab, now);
        QCOMPARE(find(r, QStringLiteral("node metamon"))->severity, Health::Critical);
        QVERIFY(find(r, QStringLiteral("node metamon"))
                    ->summary.contains(QLatin1String("KubeletNotReady")));
        QCOMPARE(find(r, QStringLiteral("node pikachu"))->severity, Health::Critical);
        QCOMPARE(find(r, QStringLiteral("pod apps/shlink-abc"))->severity, Health::Critical);
        QVERIFY(find(r, QStringLiteral("pod apps/shlink-abc"))
                    ->advice.contains(QLatin1String("--previous")));
        QCOMPARE(find(r, QStringLiteral("pod apps/web-1"))->severity, Health::Warning);
        QVERIFY(!find(r, QStringLiteral("pod apps/web-2"))); // just created
        QCOMPARE(find(r, QStringLiteral("deployment monitoring/grafana"))->severity,
                 Health::Warning);
        QVERIFY2(find(r, QStringLiteral("deployment monitoring/grafana"))
                     ->summary.contains(QLatin1String("but the inventory puts it on metamon")),
                 qPrintable(find(r, QStringLiteral("deployment monitoring/grafana"))->summary));
        QCOMPARE(find(r, QStringLiteral("deployment apps/home-assistant"))->severity,
                 Health::Critical);
        QCOMPARE(find(r, QStringLiteral("deployment registry/registry"))->severity,
                 Health::Critical); // missing
    }

    void withoutAClusterK8sCouldNotRun()
    {
        CheckRunner runner;
        QSignalSpy done(&runner, &CheckRunner::finished);
        CheckContext ctx;
        ctx.kubeUnavailable = QStringLiteral("no kubeconfig found");
        runner.start({QStringLiteral("k8s")}, ctx);
        QVERIFY(done.wait(5000));
        QCOMPARE(runner.results().size(), 1);
        QCOMPARE(runner.results()[0].severity, Health::Unknown);
        QVERIFY(runner.results()[0].summary.contains(QLatin1String("no kubeconfig found")));
    }

    void endpointStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("latencyMs");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("words");
        QTest::newRow("200") << 200 << 40 << int(Health::Ok)
                             << QStringLiteral("answers 200 OK in 40 ms");
        QTest::newRow("302") << 302 << 40 << int(Health::Ok) << QStringLiteral("answers 302");
        QTest::newRow("401 login")
            << 401 << 40 << int(Health::Ok) << QStringLiteral("asks for a login");
        QTest::newRow("slow") << 200 << 2500 << int(Health::Warning)
                              << QStringLiteral("slowly: 2500 ms");
        QTest::newRow("404") << 404 << 40 << int(Health::Warning) << QStringLiteral("no route");
        QTest::newRow("502") << 502 << 40 << int(Health::Critical)
                             << QStringLiteral("cannot reach NodePort 30300 on metamon");
        QTest::newRow("500") << 500 << 40 << int(Health::Critical)
                             << QStringLiteral("logs of monitoring/grafana");
    }

    void endpointStatuses()
    {
        QFETCH(int, status);
        QFETCH(int, latencyMs);
        QFETCH(int, severity);
        QFETCH(QString, words);
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        PublicUrl url;
        for (const PublicUrl &u : lab.publicUrls()) {
            if (u.url.host() == QLatin1String("grafana.example.com"))
                url = u;
        }
        ProbeRequest req;
        req.host = url.url.host();
        ProbeResult probe;
        probe.connected = probe.encrypted = true;
        probe.httpStatus = status;
        probe.httpReason = status == 200 ? QStringLiteral("OK") : QString();
        probe.firstByteMs = latencyMs;
        const CheckResult r = EndpointCheck::judgeUrl(url, req, probe, lab, Thresholds{});
        QCOMPARE(int(r.severity), severity);
        QVERIFY2(r.summary.contains(words) || r.advice.contains(words),
                 qPrintable(r.summary + QStringLiteral(" / ") + r.advice));
        QCOMPARE(r.details.value(QLatin1String("httpStatus")).toInt(), status);
    }

    void connectOptions()
    {
        CheckOptions o;
        QString error;
        QVERIFY(o.addResolve(QStringLiteral("HA.example.com:443:127.0.0.1"), &error));
        QCOMPARE(o.target(QStringLiteral("ha.example.com"), 443).address,
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(o.target(QStringLiteral("ha.example.com"), 443).port, quint16(443));
        QVERIFY(o.addConnectTo(QStringLiteral("s.example.com:443:[::1]:8443"), &error));
        QCOMPARE(o.target(QStringLiteral("s.example.com"), 443).address, QStringLiteral("::1"));
        QCOMPARE(o.target(QStringLiteral("s.example.com"), 443).port, quint16(8443));
        QCOMPARE(o.target(QStringLiteral("other.example.com"), 443).address,
                 QStringLiteral("other.example.com"));
        QVERIFY(!o.addResolve(QStringLiteral("ha.example.com:99999:127.0.0.1"), &error));
        QVERIFY(error.contains(QLatin1String("HOST:PORT:ADDRESS")));
        QVERIFY(!o.addConnectTo(QStringLiteral("a:1:b"), &error));
        QVERIFY(!o.addCaFile(QStringLiteral("/nonexistent/ca.pem"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/ca.pem")));
    }
};

QTEST_GUILESS_MAIN(TestCheckRunner)
#include "tst_checkrunner.moc"
