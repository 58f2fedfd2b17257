// The tunnels, prometheus and gpu checks: Tailscale peers through a
// transport (the demo lab's, and one that answers what a test gives it),
// a real prometheus with a down target and a firing alert, and Ollama plus
// nvidia-smi from the demo lab's replay of the captured fixtures.
#include "checks/checkrunner.h"
#include "demolab/demotransport.h"
#include "demolab/ollamareplay.h"
#include "inventory/inventoryloader.h"
#include "remote/commandtransport.h"
#include "support/promlab.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace labdeck;
using checks::CheckResult;

namespace {

// Answers every command with what the test set, after an event-loop turn.
class ScriptedTransport final : public remote::CommandTransport
{
public:
    remote::CommandResult answer;
    QList<remote::CommandRequest> requests;

    remote::CommandJob *run(const remote::CommandRequest &request) override
    {
        requests << request;
        auto *job = new Job(request, this);
        const remote::CommandResult result = answer;
        QTimer::singleShot(0, job, [job, result] {
            Q_EMIT job->finished(result);
            job->deleteLater();
        });
        return job;
    }
    QString name() const override { return QStringLiteral("scripted"); }

private:
    class Job final : public remote::CommandJob
    {
    public:
        using remote::CommandJob::CommandJob;
        void cancel() override {}
    };
};

QList<CheckResult> runChecks(const QString &category, const checks::CheckContext &ctx)
{
    checks::CheckRunner runner(checks::builtInChecks());
    QSignalSpy finished(&runner, &checks::CheckRunner::finished);
    runner.start({category}, ctx);
    if (!finished.wait(30000))
        return {};
    return runner.results();
}

const CheckResult *find(const QList<CheckResult> &results, const QString &target)
{
    for (const CheckResult &r : results)
        if (r.target == target)
            return &r;
    return nullptr;
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(LABDECK_TEST_FIXTURES "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLabChecks : public QObject
{
    Q_OBJECT

private:
    Inventory m_lab = *InventoryLoader::loadBuiltIn().inventory;

    checks::CheckContext context() const
    {
        checks::CheckContext ctx;
        ctx.inventory = m_lab;
        ctx.options.timeout = std::chrono::seconds(5);
        return ctx;
    }

private Q_SLOTS:
    void tunnelsOnTheDemoLab()
    {
        demolab::DemoTransport transport(m_lab);
        transport.setLatency(5);
        checks::CheckContext ctx = context();
        ctx.transport = &transport;
        const QList<CheckResult> results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.size(), 5); // the tailnet and the four other hosts
        QCOMPARE(find(results, QStringLiteral("tailnet"))->severity, Health::Ok);
        const CheckResult *gpu = find(results, QStringLiteral("tunnel pochama \u2192 gpu-server"));
        QVERIFY(gpu);
        QCOMPARE(gpu->host, QStringLiteral("gpu-server"));
        QVERIFY2(gpu->summary.contains(QStringLiteral("relayed through DERP tok")), qPrintable(gpu->summary));
        QVERIFY(find(results, QStringLiteral("tunnel pochama \u2192 bracky"))->summary.startsWith(QStringLiteral("online, direct")));
    }

    void tunnelsSayWhatIsWrong()
    {
        ScriptedTransport transport;
        checks::CheckContext ctx = context();
        ctx.transport = &transport;
        // A real capture: the lab's peers mostly absent, one offline.
        transport.answer.ran = true;
        transport.answer.exitStatus = 0;
        transport.answer.standardOutput = fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json"));
        QVERIFY(!transport.answer.standardOutput.isEmpty());
        QList<CheckResult> results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(transport.requests.size(), 1);
        QCOMPARE(transport.requests.first().host, QStringLiteral("pochama"));
        QCOMPARE(transport.requests.first().argv,
                 (QStringList{QStringLiteral("tailscale"), QStringLiteral("status"), QStringLiteral("--json")}));
        const CheckResult *pikachu = find(results, QStringLiteral("tunnel pochama \u2192 pikachu"));
        QVERIFY(pikachu);
        QCOMPARE(pikachu->severity, Health::Critical);
        QVERIFY2(pikachu->summary.contains(QStringLiteral("no peer named pikachu")), qPrintable(pikachu->summary));

        // Logged out: the tailnet itself is critical.
        transport.answer.standardOutput =
            R"({"Version":"1.80.0","BackendState":"NeedsLogin","Self":{"HostName":"pochama","DNSName":"pochama.tail.ts.net.","Online":false},"Peer":{}})";
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(find(results, QStringLiteral("tailnet"))->severity, Health::Critical);
        QVERIFY(find(results, QStringLiteral("tailnet"))->summary.contains(QStringLiteral("NeedsLogin")));

        // An offline peer says when it was last seen.
        transport.answer.standardOutput =
            R"({"Version":"1.80.0","BackendState":"Running","Self":{"HostName":"pochama","DNSName":"pochama.tail.ts.net.","Online":true},
                "Peer":{"nodekey:1":{"HostName":"bracky","DNSName":"bracky.tail.ts.net.","Online":false,"LastSeen":"2026-11-20T10:00:00Z","TailscaleIPs":["100.64.0.3"]}}})";
        results = runChecks(QStringLiteral("tunnels"), ctx);
        const CheckResult *bracky = find(results, QStringLiteral("tunnel pochama \u2192 bracky"));
        QCOMPARE(bracky->severity, Health::Critical);
        QVERIFY2(bracky->summary.startsWith(QStringLiteral("offline, last seen")), qPrintable(bracky->summary));
        QVERIFY(bracky->advice.contains(QStringLiteral("systemctl status tailscaled")));

        // The command could not run: could-not-run, never a pass.
        transport.answer = {};
        transport.answer.failedStep = remote::Step::HostKey;
        transport.answer.error = QStringLiteral("pochama: host key: changed");
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().severity, Health::Unknown);
        QVERIFY(results.first().summary.contains(QStringLiteral("host key: changed")));

        // No transport at all.
        ctx.transport = nullptr;
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.first().severity, Health::Unknown);
        QVERIFY(results.first().summary.contains(QStringLiteral("no SSH connection to pochama")));
    }

    void prometheusTargetsAndAlertsFromARealServer()
    {
        QTemporaryDir dir;
        const quint16 closed = test::freePort();
        QFile rules(dir.filePath(QStringLiteral("rules.yml")));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write("groups:\n- name: lab\n  interval: 1s\n  rules:\n"
                    "  - alert: NodeDown\n    expr: up{instance=\"metamon:9100\"} == 0\n"
                    "    labels: {severity: critical}\n"
                    "    annotations: {summary: \"node_exporter on metamon does not answer\", description: \"Restart node_exporter on metamon.\"}\n");
        rules.close();
        const QByteArray config = "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                                  "rule_files: [" + rules.fileName().toUtf8() + "]\n"
                                  "scrape_configs:\n- job_name: node\n  static_configs:\n"
                                  "  - targets: ['127.0.0.1:" + QByteArray::number(closed) + "']\n"
                                  "  relabel_configs:\n  - {target_label: instance, replacement: 'metamon:9100'}\n";
        test::PromProcess prometheus;
        QString error;
        QVERIFY2(prometheus.startPrometheus(dir.path(), dir.filePath(QStringLiteral("data")), config, &error), qPrintable(error));

        checks::CheckContext ctx = context();
        ctx.prometheusUrl = prometheus.url();
        QList<CheckResult> results;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     results = runChecks(QStringLiteral("prometheus"), ctx);
                                     return find(results, QStringLiteral("alert NodeDown on metamon")) != nullptr;
                                 }()),
                                 30000);
        const CheckResult *target = find(results, QStringLiteral("target metamon:9100 (job node)"));
        QVERIFY(target);
        QCOMPARE(target->severity, Health::Critical);
        QCOMPARE(target->host, QStringLiteral("metamon"));
        QVERIFY(target->summary.startsWith(QStringLiteral("down")));
        const CheckResult *alert = find(results, QStringLiteral("alert NodeDown on metamon"));
        QCOMPARE(alert->severity, Health::Critical);
        QVERIFY(alert->summary.contains(QStringLiteral("node_exporter on metamon does not answer")));
        QCOMPARE(alert->advice, QStringLiteral("Restart node_exporter on metamon."));
        // Hosts with an instance no target has.
        const CheckResult *pikachu = find(results, QStringLiteral("target pikachu:9100"));
        QVERIFY(pikachu);
        QCOMPARE(pikachu->severity, Health::Warning);

        // Prometheus gone: could not run, with the reason.
        prometheus.kill();
        results = runChecks(QStringLiteral("prometheus"), ctx);
        QVERIFY(!results.isEmpty());
        for (const CheckResult &r : results) {
            QCOMPARE(r.severity, Health::Unknown);
            QVERIFY2(r.summary.contains(QStringLiteral("connection refused")), qPrintable(r.summary));
        }
    }

    void gpuFromOllamaAndNvidiaSmi()
    {
        demolab::DemoTransport transport(m_lab);
        transport.setLatency(5);
        demolab::OllamaReplay ollama;
        ollama.useDemoResponses();
        QVERIFY(ollama.listen());
        checks::CheckContext ctx = context();
        ctx.transport = &transport;
        ctx.ollamaUrl = ollama.url();
        QList<CheckResult> results = runChecks(QStringLiteral("gpu"), ctx);
        QCOMPARE(results.size(), 2);
        for (const CheckResult &r : results) {
            QCOMPARE(r.severity, Health::Ok);
            QCOMPARE(r.host, QStringLiteral("gpu-server"));
        }
        QVERIFY(results.at(0).summary.startsWith(QStringLiteral("Ollama ")) || results.at(1).summary.startsWith(QStringLiteral("Ollama ")));

        // Tighter thresholds: the same GPU reads as a warning, with numbers.
        ctx.options.thresholds.gpuTemperatureWarningC = 30;
        ctx.options.thresholds.gpuVramWarningPercent = 10;
        results = runChecks(QStringLiteral("gpu"), ctx);
        const CheckResult *gpu = nullptr;
        for (const CheckResult &r : results)
            if (r.target.startsWith(QStringLiteral("GPU 0")))
                gpu = &r;
        QVERIFY(gpu);
        QCOMPARE(gpu->severity, Health::Warning);
        QVERIFY2(gpu->summary.contains(QStringLiteral("(warning at 30 °C)")), qPrintable(gpu->summary));
        QVERIFY2(gpu->summary.contains(QStringLiteral("(warning at 10%)")), qPrintable(gpu->summary));

        // Ollama down: critical, naming where.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        ctx.ollamaUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        results = runChecks(QStringLiteral("gpu"), ctx);
        const CheckResult *down = find(results, QStringLiteral("Ollama at %1").arg(ctx.ollamaUrl.toDisplayString()));
        QVERIFY(down);
        QCOMPARE(down->severity, Health::Critical);
        QVERIFY2(down->summary.contains(QStringLiteral("refused")), qPrintable(down->summary));
    }
};

QTEST_GUILESS_MAIN(TestLabChecks)
#include "tst_labchecks.moc"
