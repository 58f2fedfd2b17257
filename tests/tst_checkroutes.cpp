// Traefik's router list: parsed from real and golden API output (v2 and v3),
// judged against the inventory, and read over HTTPS and over a command
// transport as the routes check does it.

#include "checks/checkrunner.h"
#include "checks/routescheck.h"
#include "checks/traefikrouters.h"
#include "demolab/demochecks.h"
#include "demolab/demopki.h"
#include "demolab/tlsendpoints.h"
#include "inventory/inventoryloader.h"
#include "remote/commandtransport.h"
#include "support/fixtures.h"
#include "support/specbuilders.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace labdeck;
using namespace labdeck::checks;
using labdeck::test::builtInLab;
using labdeck::test::fixture;

namespace {

const CheckResult *find(const QList<CheckResult> &results, const QString &target)
{
    for (const CheckResult &r : results) {
        if (r.target == target)
            return &r;
    }
    return nullptr;
}

// A transport that answers every command with fixed output, as SSH would.
class FixedJob final : public remote::CommandJob
{
public:
    FixedJob(const remote::CommandRequest &request, remote::CommandResult result, QObject *parent)
        : CommandJob(request, parent)
    {
        QTimer::singleShot(0, this, [this, result] {
            Q_EMIT finished(result);
            deleteLater();
        });
    }
    void cancel() override {}
};

class FixedTransport final : public remote::CommandTransport
{
public:
    remote::CommandResult answer;
    QList<remote::CommandRequest> requests;
    remote::CommandJob *run(const remote::CommandRequest &request) override
    {
        requests << request;
        return new FixedJob(request, answer, this);
    }
    QString name() const override { return QStringLiteral("fixed"); }
};

} // namespace

class TestCheckRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesV3()
    {
        QString error;
        const QList<TraefikRouter> routers = TraefikRouters::parse(
            fixture(QStringLiteral("checks/api-http-routers.v3.golden.json")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(routers.size(), 2);
        QCOMPARE(routers[0].name, QStringLiteral("bar@myprovider"));
        QCOMPARE(routers[0].provider, QStringLiteral("myprovider"));
        QCOMPARE(routers[0].hosts, QStringList{QStringLiteral("foo.bar")});
        QCOMPARE(routers[0].status, QStringLiteral("enabled"));
        QVERIFY(!routers[0].tls);
        QCOMPARE(routers[0].entryPoints, QStringList{QStringLiteral("web")});
        QCOMPARE(routers[1].hosts, QStringList{QStringLiteral("foo.bar.other")});
    }

    void parsesV2AndRealMultiHostRules()
    {
        QString error;
        QCOMPARE(TraefikRouters::parse(
                     fixture(QStringLiteral("checks/api-http-routers.v2.golden.json")), &error)
                     .size(),
                 2);
        const QList<TraefikRouter> real = TraefikRouters::parse(
            fixture(QStringLiteral("checks/api-http-routers.real.json")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(real.size(), 2);
        QCOMPARE(real[0].hosts,
                 (QStringList{QStringLiteral("app.test"), QStringLiteral("a.app.test"),
                              QStringLiteral("b.app.test")}));
        QVERIFY(real[0].tls); // "tls": {}
        QVERIFY(real[0].certResolver.isEmpty());
        QCOMPARE(real[0].provider, QStringLiteral("docker"));
    }

    void parsesOneRouterObject()
    {
        QString error;
        const QList<TraefikRouter> one = TraefikRouters::parse(
            fixture(QStringLiteral("checks/api-http-router-tls.v3.golden.json")), &error);
        QCOMPARE(one.size(), 1);
        QVERIFY(one[0].tls);
        QCOMPARE(one[0].hosts, QStringList{QStringLiteral("foo.baz")});
    }

    void rules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QStringList>("hosts");
        QTest::newRow("v3 or") << QStringLiteral("Host(`a.example.com`) || Host(`B.example.com`)")
                               << QStringList{QStringLiteral("a.example.com"),
                                              QStringLiteral("b.example.com")};
        QTest::newRow("with path") << QStringLiteral("Host(\"x.test\") && PathPrefix(`/api`)")
                                   << QStringList{QStringLiteral("x.test")};
        QTest::newRow("regexp is no host")
            << QStringLiteral("HostRegexp(`{host:.+}`)") << QStringList{};
        QTest::newRow("sni is no host") << QStringLiteral("HostSNI(`*`)") << QStringList{};
    }

    void rules()
    {
        QFETCH(QString, rule);
        QFETCH(QStringList, hosts);
        QCOMPARE(TraefikRouters::hostsOfRule(rule), hosts);
    }

    void rejectsWhatIsNotARouterList()
    {
        QString error;
        QVERIFY(TraefikRouters::parse("{\"status\":\"error\"", &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("not JSON")));
        error.clear();
        QVERIFY(
            TraefikRouters::parse(fixture(QStringLiteral("inventory/good-minimal.yaml")), &error)
                .isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(TraefikRouters::parse("[{\"rule\":\"Host(`a`)\"}]", &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("no name")));
    }

    void judgesTheDemoRouters()
    {
        const Inventory lab = builtInLab();
        QString error;
        const QList<TraefikRouter> routers =
            TraefikRouters::parse(demolab::DemoCheckLab::routersJson(lab), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<CheckResult> results = RoutesCheck::judge(routers, lab, QStringLiteral("test"));
        const CheckResult *ha = find(results, QStringLiteral("https://ha.example.com"));
        QVERIFY(ha);
        QCOMPARE(ha->severity, Health::Ok);
        QVERIFY(ha->summary.contains(QLatin1String("certResolver letsencrypt")));
        const CheckResult *registry = find(results, QStringLiteral("https://registry.example.com"));
        QVERIFY(registry);
        QCOMPARE(registry->severity, Health::Warning);
        QVERIFY(registry->summary.contains(QLatin1String("no certResolver")));
        const CheckResult *s = find(results, QStringLiteral("https://s.example.com"));
        QVERIFY(s);
        QCOMPARE(s->severity, Health::Critical);
        const CheckResult *stray = find(results, QStringLiteral("router shlink@file"));
        QVERIFY(stray);
        QCOMPARE(stray->severity, Health::Warning);
        QVERIFY(stray->summary.contains(QLatin1String("s.example.co")));
        const CheckResult *broken = find(results, QStringLiteral("router old-blog@docker"));
        QVERIFY(broken);
        QCOMPARE(broken->severity, Health::Critical);
        QVERIFY(broken->summary.contains(QLatin1String("does not exist")));
        QVERIFY(!find(results, QStringLiteral("router api@internal"))); // Traefik's own
        QCOMPARE(results.size(), lab.publicUrls().size() + 2);
    }

    void judgesRoutersWithoutTlsOrDisabled()
    {
        Inventory lab = builtInLab();
        QString error;
        QList<TraefikRouter> routers =
            TraefikRouters::parse(demolab::DemoCheckLab::routersJson(lab), &error);
        for (TraefikRouter &r : routers) {
            if (r.hosts.contains(QLatin1String("ha.example.com")))
                r.tls = false;
            if (r.hosts.contains(QLatin1String("grafana.example.com"))) {
                r.status = QStringLiteral("disabled");
                r.errors << QStringLiteral("middleware \"auth@file\" does not exist");
            }
        }
        const QList<CheckResult> results = RoutesCheck::judge(routers, lab, QStringLiteral("test"));
        QCOMPARE(find(results, QStringLiteral("https://ha.example.com"))->severity,
                 Health::Critical);
        QVERIFY(find(results, QStringLiteral("https://ha.example.com"))
                    ->summary.contains(QLatin1String("without TLS")));
        const CheckResult *grafana = find(results, QStringLiteral("https://grafana.example.com"));
        QCOMPARE(grafana->severity, Health::Critical);
        QVERIFY(grafana->summary.contains(QLatin1String("auth@file")));
        QVERIFY(!find(results, QStringLiteral("router grafana@file"))); // reported once, on the URL
    }

    void readsTheApiOverHttpsFromTheDashboardUrl()
    {
        // The demo lab's Traefik endpoint: a real TLS server with a certificate
        // from the demo CA, answering /api/http/routers.
        const Inventory lab = builtInLab();
        demolab::DemoCheckLab demo(lab);
        QSignalSpy ready(&demo, &demolab::DemoCheckLab::ready);
        demo.start();
        QVERIFY(ready.wait(60000));
        QVERIFY2(ready.first().first().toBool(), qPrintable(demo.errorText()));
        CheckContext ctx;
        ctx.inventory = lab;
        CheckRegistry registry = builtInChecks();
        demo.apply(&ctx.options, &registry);
        ctx.options.timeout = std::chrono::milliseconds(5000);
        CheckRunner runner(registry);
        QSignalSpy done(&runner, &CheckRunner::finished);
        runner.start({QStringLiteral("routes")}, ctx);
        QVERIFY(done.wait(20000));
        const QList<CheckResult> results = runner.results();
        QCOMPARE(results.size(), lab.publicUrls().size() + 2);
        QCOMPARE(find(results, QStringLiteral("https://ha.example.com"))->severity, Health::Ok);
        QCOMPARE(find(results, QStringLiteral("https://ha.example.com"))
                     ->details.value(QLatin1String("source"))
                     .toString(),
                 QStringLiteral("https://traefik.example.com/api/http/routers"));
    }

    void readsTheApiOverTheTransport()
    {
        const Inventory lab = builtInLab();
        FixedTransport transport;
        transport.answer.ran = true;
        transport.answer.exitStatus = 0;
        transport.answer.standardOutput = demolab::DemoCheckLab::routersJson(lab);
        CheckContext ctx;
        ctx.inventory = lab;
        ctx.transport = &transport;
        CheckRunner runner;
        QSignalSpy done(&runner, &CheckRunner::finished);
        runner.start({QStringLiteral("routes")}, ctx);
        QVERIFY(done.wait(10000));
        QCOMPARE(transport.requests.size(), 1);
        QCOMPARE(transport.requests[0].host, QStringLiteral("pochama"));
        QCOMPARE(transport.requests[0].argv.first(), QStringLiteral("curl"));
        QCOMPARE(find(runner.results(), QStringLiteral("https://ha.example.com"))->severity,
                 Health::Ok);

        // The command failing is "could not run", with the host and why.
        transport.answer.exitStatus = 7;
        transport.answer.standardOutput.clear();
        transport.answer.standardError = "curl: (7) Failed to connect to 127.0.0.1 port 8080";
        runner.start({QStringLiteral("routes")}, ctx);
        QVERIFY(done.wait(10000));
        QCOMPARE(runner.results().size(), 1);
        QCOMPARE(runner.results()[0].severity, Health::Unknown);
        QVERIFY(runner.results()[0].summary.contains(QLatin1String("port 8080")));
        QCOMPARE(runner.summary().exitCode(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCheckRoutes)
#include "tst_checkroutes.moc"
