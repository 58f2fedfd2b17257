// The tunnels, prometheus and gpu checks: Tailscale peers through a
// transport (the demo lab's, and one that answers what a test gives it),
// a real prometheus with a down target and a firing alert, and Ollama plus
// nvidia-smi from the demo lab's replay of the captured fixtures; and the
// host key checks of a real sshd (tests/support/sshdharness).
#include "checks/checkrunner.h"
#include "demolab/demotransport.h"
#include "demolab/ollamareplay.h"
#include "inventory/inventoryloader.h"
#include "remote/commandtransport.h"
#include "ssh/sshtransport.h"
#include "support/fixtures.h"
#include "support/promlab.h"
#include "support/sshdharness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace labdeck;
using checks::CheckResult;
using labdeck::test::fixture;

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
        QVERIFY2(gpu->summary.contains(QStringLiteral("relayed through DERP tok")),
                 qPrintable(gpu->summary));
        QVERIFY(find(results, QStringLiteral("tunnel pochama \u2192 bracky"))
                    ->summary.startsWith(QStringLiteral("online, direct")));
    }

    void tunnelsSayWhatIsWrong()
    {
        ScriptedTransport transport;
        checks::CheckContext ctx = context();
        ctx.transport = &transport;
        // A real capture: the lab's peers mostly absent, one offline.
        transport.answer.ran = true;
        transport.answer.exitStatus = 0;
        transport.answer.standardOutput =
            fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json"));
        QVERIFY(!transport.answer.standardOutput.isEmpty());
        QList<CheckResult> results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(transport.requests.size(), 1);
        QCOMPARE(transport.requests.first().host, QStringLiteral("pochama"));
        QCOMPARE(transport.requests.first().argv,
                 (QStringList{QStringLiteral("tailscale"), QStringLiteral("status"),
                              QStringLiteral("--json")}));
        const CheckResult *pikachu = find(results, QStringLiteral("tunnel pochama \u2192 pikachu"));
        QVERIFY(pikachu);
        QCOMPARE(pikachu->severity, Health::Critical);
        QVERIFY2(pikachu->summary.contains(QStringLiteral("no peer named pikachu")),
                 qPrintable(pikachu->summary));

        // Logged out: the tailnet itself is critical.
        transport.answer.standardOutput =
            R"({"Version":"1.80.0","BackendState":"NeedsLogin","Self":{"HostName":"pochama","DNSName":"pochama.tail.ts.net.","Online":false},"Peer":{}})";
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(find(results, QStringLiteral("tailnet"))->severity, Health::Critical);
        QVERIFY(find(results, QStringLiteral("tailnet"))
                    ->summary.contains(QStringLiteral("NeedsLogin")));

        // An offline peer says when it was last seen.
        transport.answer.standardOutput =
            R"({"Version":"1.80.0","BackendState":"Running","Self":{"HostName":"pochama","DNSName":"pochama.tail.ts.net.","Online":true},
                "Peer":{"nodekey:1":{"HostName":"bracky","DNSName":"bracky.tail.ts.net.","Online":false,"LastSeen":"2026-11-20T10:00:00Z","TailscaleIPs":["100.64.0.3"]}}})";
        results = runChecks(QStringLiteral("tunnels"), ctx);
        const CheckResult *bracky = find(results, QStringLiteral("tunnel pochama \u2192 bracky"));
        QCOMPARE(bracky->severity, Health::Critical);
        QVERIFY2(bracky->summary.startsWith(QStringLiteral("offline, last seen")),
                 qPrintable(bracky->summary));
        QVERIFY(bracky->advice.contains(QStringLiteral("systemctl status tailscaled")));

        // The command could not run: could-not-run, never a pass.
        transport.answer = {};
        transport.answer.failedStep = remote::Step::Connect;
        transport.answer.error = QStringLiteral("pochama: connect: connection refused");
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().severity, Health::Unknown);
        QVERIFY(results.first().summary.contains(QStringLiteral("connect: connection refused")));
        // The verdict goes by the typed failure, not by the words: a host key
        // error text alone is not a changed key.
        transport.answer.failedStep = remote::Step::HostKey;
        transport.answer.error = QStringLiteral("pochama: host key: CHANGED");
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.first().severity, Health::Unknown);

        // No transport at all.
        ctx.transport = nullptr;
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.first().severity, Health::Unknown);
        QVERIFY(results.first().summary.contains(QStringLiteral("no SSH connection to pochama")));
    }

    // Idle is not relayed: real captures whose online peers are not Active
    // (their Relay is only the home DERP region), and a constructed peer that
    // is Active without CurAddr (relayed through DERP).
    void tunnelsIdleIsNotRelayed()
    {
        ScriptedTransport transport;
        checks::CheckContext ctx = context();
        ctx.transport = &transport;
        transport.answer.ran = true;
        transport.answer.exitStatus = 0;
        // Map the lab's hosts onto peers of the captures.
        for (Host &h : ctx.inventory.hosts) {
            if (h.name == QLatin1String("bracky"))
                h.sources.tailscaleHost =
                    QStringLiteral("home-server"); // Online, not Active, Relay sao
            else if (h.name == QLatin1String("metamon"))
                h.sources.tailscaleHost = QStringLiteral("desktop-pc"); // the same
            else if (h.name == QLatin1String("pikachu"))
                h.sources.tailscaleHost = QStringLiteral("iphone-12-mini"); // offline
        }
        transport.answer.standardOutput =
            fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json"));
        QVERIFY(!transport.answer.standardOutput.isEmpty());
        QList<CheckResult> results = runChecks(QStringLiteral("tunnels"), ctx);
        for (const QString &host : {QStringLiteral("bracky"), QStringLiteral("metamon")}) {
            const CheckResult *r = find(results, QStringLiteral("tunnel pochama \u2192 ") + host);
            QVERIFY(r);
            QCOMPARE(r->severity, Health::Ok);
            QCOMPARE(r->summary, QStringLiteral("online, idle (no traffic lately)"));
            QVERIFY2(r->advice.isEmpty(), qPrintable(r->advice));
            QCOMPARE(r->details.value(QStringLiteral("active")).toBool(), false);
        }
        QCOMPARE(find(results, QStringLiteral("tunnel pochama \u2192 pikachu"))->severity,
                 Health::Critical);

        // The other capture: idle peers with home DERP tok, and the one Active
        // direct peer.
        for (Host &h : ctx.inventory.hosts) {
            if (h.name == QLatin1String("bracky"))
                h.sources.tailscaleHost = QStringLiteral("xe-ubuntu");
            else if (h.name == QLatin1String("metamon"))
                h.sources.tailscaleHost = QStringLiteral("jp-tyo-wg-002");
        }
        transport.answer.standardOutput =
            fixture(QStringLiteral("tailscale/status-trimmed.real.json"));
        results = runChecks(QStringLiteral("tunnels"), ctx);
        const CheckResult *xe = find(results, QStringLiteral("tunnel pochama \u2192 bracky"));
        QCOMPARE(xe->severity, Health::Ok);
        QCOMPARE(xe->summary, QStringLiteral("online, idle (no traffic lately)"));
        QVERIFY(xe->advice.isEmpty());
        const CheckResult *direct = find(results, QStringLiteral("tunnel pochama \u2192 metamon"));
        QCOMPARE(direct->severity, Health::Ok);
        QCOMPARE(direct->summary, QStringLiteral("online, direct to [2a02:6ea0:d31b::a14f]:51820"));

        // Constructed from the capture: home-server Active with no CurAddr
        // goes through DERP sao: a warning with the firewall advice.
        QByteArray relayed =
            fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json"));
        QJsonObject root = QJsonDocument::fromJson(relayed).object();
        QJsonObject peers = root.value(QStringLiteral("Peer")).toObject();
        bool changed = false;
        for (auto it = peers.begin(); it != peers.end(); ++it) {
            QJsonObject p = it.value().toObject();
            if (p.value(QStringLiteral("HostName")).toString() == QLatin1String("home-server")) {
                QCOMPARE(p.value(QStringLiteral("CurAddr")).toString(), QString());
                p.insert(QStringLiteral("Active"), true);
                it.value() = p;
                changed = true;
            }
        }
        QVERIFY(changed);
        root.insert(QStringLiteral("Peer"), peers);
        for (Host &h : ctx.inventory.hosts)
            if (h.name == QLatin1String("bracky"))
                h.sources.tailscaleHost = QStringLiteral("home-server");
        transport.answer.standardOutput = QJsonDocument(root).toJson();
        results = runChecks(QStringLiteral("tunnels"), ctx);
        const CheckResult *derp = find(results, QStringLiteral("tunnel pochama \u2192 bracky"));
        QCOMPARE(derp->severity, Health::Warning);
        QCOMPARE(derp->summary,
                 QStringLiteral("online, relayed through DERP sao (slower than direct)"));
        QVERIFY2(derp->advice.contains(QStringLiteral("UDP 41641")), qPrintable(derp->advice));
    }

    // A real sshd whose host key differs from the one known_hosts records:
    // the checks that run over SSH say it is critical (possible
    // interception), with the fingerprints and how to fix it; an unknown key
    // where nobody can be asked could not run, with the command that adds it.
    void hostKeyChangedIsCriticalOverRealSsh()
    {
        if (const QString why = test::SshdHarness::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::SshdHarness sshd(tmp.filePath(QStringLiteral("sshd")));
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));

        const QString home = tmp.filePath(QStringLiteral("home"));
        QDir().mkpath(home + QStringLiteral("/.ssh"));
        QVERIFY(QFile::copy(sshd.clientKey(), home + QStringLiteral("/.ssh/id_ed25519")));
        QVERIFY(QFile::copy(sshd.clientKey() + QStringLiteral(".pub"),
                            home + QStringLiteral("/.ssh/id_ed25519.pub")));
        QFile(home + QStringLiteral("/.ssh/id_ed25519"))
            .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ssh::SshOptions o;
        o.homeDir = home;
        o.configFile = home + QStringLiteral("/.ssh/config");
        o.userKnownHosts = home + QStringLiteral("/.ssh/known_hosts");
        o.labdeckKnownHosts = home + QStringLiteral("/labdeck/known_hosts");
        o.localUser = sshd.user();
        o.agentSocket.clear();
        o.connectTimeoutMs = 5000;
        o.keychainService.clear();
        o.askAboutHostKeys = false; // as labdeck check

        // known_hosts records another key for this address, on line 2.
        const QString other = tmp.filePath(QStringLiteral("other_host_key"));
        QVERIFY2(sshd.makeKey(other, QString(), false, &error), qPrintable(error));
        const QString otherFp = test::SshdHarness::fingerprintOf(other + QStringLiteral(".pub"));
        QVERIFY(!otherFp.isEmpty());
        {
            QFile pubFile(other + QStringLiteral(".pub"));
            QVERIFY(pubFile.open(QIODevice::ReadOnly));
            const QList<QByteArray> pub = pubFile.readAll().split(' ');
            QFile known(o.userKnownHosts);
            QVERIFY(known.open(QIODevice::WriteOnly));
            known.write("# before the rebuild\n");
            known.write(QStringLiteral("[127.0.0.1]:%1 ").arg(sshd.port()).toUtf8() + pub.at(0) +
                        ' ' + pub.at(1) + '\n');
        }

        ssh::SshTransport transport(o);
        transport.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), sshd.user(),
                          sshd.port());
        int questions = 0;
        connect(&transport, &ssh::SshTransport::hostKeyQuestion, &transport,
                [&](const ssh::HostKeyQuestion &) { ++questions; });
        checks::CheckContext ctx = context();
        ctx.transport = &transport;

        // The typed failure from the transport itself.
        {
            remote::CommandRequest req;
            req.host = QStringLiteral("pochama");
            req.argv = {QStringLiteral("true")};
            remote::CommandJob *job = transport.run(req);
            QSignalSpy done(job, &remote::CommandJob::finished);
            QVERIFY(done.wait(30000));
            const auto r = done.first().first().value<remote::CommandResult>();
            QCOMPARE(r.failedStep, remote::Step::HostKey);
            QCOMPARE(r.hostKey.kind, remote::HostKeyFailure::Changed);
            QCOMPARE(r.hostKey.recordedFingerprint, otherFp);
            QCOMPARE(r.hostKey.offeredFingerprint, sshd.hostKeyFingerprint());
            QCOMPARE(r.hostKey.knownHostsFile, o.userKnownHosts);
            QCOMPARE(r.hostKey.knownHostsLine, 2);
            QCOMPARE(r.hostKey.address, QStringLiteral("[127.0.0.1]:%1").arg(sshd.port()));
        }

        QList<CheckResult> results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.size(), 1);
        const CheckResult tunnel = results.first(); // a copy: results is reused below
        QCOMPARE(tunnel.target, QStringLiteral("tailnet"));
        QCOMPARE(tunnel.host, QStringLiteral("pochama"));
        QCOMPARE(tunnel.severity, Health::Critical);
        QCOMPARE(tunnel.summary,
                 QStringLiteral("the host key of pochama changed \u2014 possible interception"));
        QVERIFY2(tunnel.advice.contains(otherFp), qPrintable(tunnel.advice));
        QVERIFY2(tunnel.advice.contains(sshd.hostKeyFingerprint()), qPrintable(tunnel.advice));
        QVERIFY2(tunnel.advice.contains(QStringLiteral(" line 2 ")), qPrintable(tunnel.advice));
        QVERIFY2(tunnel.advice.contains(QStringLiteral("ssh-keygen -R '[127.0.0.1]:%1' -f %2")
                                            .arg(sshd.port())
                                            .arg(o.userKnownHosts)),
                 qPrintable(tunnel.advice));
        QVERIFY2(tunnel.advice.contains(QStringLiteral(
                     "Do not connect until you have checked the new key with the host's owner")),
                 qPrintable(tunnel.advice));
        QCOMPARE(tunnel.details.value(QStringLiteral("hostKey")).toString(),
                 QStringLiteral("changed"));

        // The routes check reads Traefik's API on pochama over the same SSH.
        results = runChecks(QStringLiteral("routes"), ctx);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().severity, Health::Critical);
        QCOMPARE(results.first().summary,
                 QStringLiteral("the host key of pochama changed \u2014 possible interception"));

        checks::RunSummary summary;
        summary.add(Health::Unknown);
        summary.add(tunnel.severity);
        QCOMPARE(summary.exitCode(), 2);
        QCOMPARE(questions, 0);

        // The old key removed as the advice says: now the key is unknown and
        // nobody is asked; the check could not run and says how to add it.
        QByteArray out;
        QVERIFY2(
            test::runTool(QStringLiteral("ssh-keygen"),
                          {QStringLiteral("-R"), QStringLiteral("[127.0.0.1]:%1").arg(sshd.port()),
                           QStringLiteral("-f"), o.userKnownHosts},
                          &error, &out),
            qPrintable(error));
        ssh::SshTransport fresh(o);
        fresh.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), sshd.user(),
                      sshd.port());
        connect(&fresh, &ssh::SshTransport::hostKeyQuestion, &fresh,
                [&](const ssh::HostKeyQuestion &) { ++questions; });
        ctx.transport = &fresh;
        results = runChecks(QStringLiteral("tunnels"), ctx);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().severity, Health::Unknown);
        QVERIFY2(results.first().summary.contains(sshd.hostKeyFingerprint()),
                 qPrintable(results.first().summary));
        const QString keyscan = QStringLiteral("ssh-keyscan -t ed25519 -p %1 127.0.0.1 >> %2")
                                    .arg(sshd.port())
                                    .arg(o.labdeckKnownHosts);
        QVERIFY2(results.first().advice.contains(keyscan), qPrintable(results.first().advice));
        QVERIFY2(results.first().advice.contains(
                     QStringLiteral("mkdir -p %1 && ").arg(home + QStringLiteral("/labdeck"))),
                 qPrintable(results.first().advice));
        QCOMPARE(questions, 0);
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
                    "    annotations: {summary: \"node_exporter on metamon does not answer\", "
                    "description: \"Restart node_exporter on metamon.\"}\n");
        rules.close();
        const QByteArray config =
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            "rule_files: [" +
            rules.fileName().toUtf8() +
            "]\n"
            "scrape_configs:\n- job_name: node\n  static_configs:\n"
            "  - targets: ['127.0.0.1:" +
            QByteArray::number(closed) +
            "']\n"
            "  relabel_configs:\n  - {target_label: instance, replacement: 'metamon:9100'}\n";
        test::PromProcess prometheus;
        QString error;
        QVERIFY2(prometheus.startPrometheus(dir.path(), dir.filePath(QStringLiteral("data")),
                                            config, &error),
                 qPrintable(error));

        checks::CheckContext ctx = context();
        ctx.prometheusUrl = prometheus.url();
        QList<CheckResult> results;
        QTRY_VERIFY_WITH_TIMEOUT(
            ([&] {
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
        QVERIFY(
            alert->summary.contains(QStringLiteral("node_exporter on metamon does not answer")));
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
            QVERIFY2(r.summary.contains(QStringLiteral("connection refused")),
                     qPrintable(r.summary));
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
        QVERIFY(results.at(0).summary.startsWith(QStringLiteral("Ollama ")) ||
                results.at(1).summary.startsWith(QStringLiteral("Ollama ")));

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
        QVERIFY2(gpu->summary.contains(QStringLiteral("(warning at 30 °C)")),
                 qPrintable(gpu->summary));
        QVERIFY2(gpu->summary.contains(QStringLiteral("(warning at 10%)")),
                 qPrintable(gpu->summary));

        // Ollama down: critical, naming where.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        ctx.ollamaUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        results = runChecks(QStringLiteral("gpu"), ctx);
        const CheckResult *down =
            find(results, QStringLiteral("Ollama at %1").arg(ctx.ollamaUrl.toDisplayString()));
        QVERIFY(down);
        QCOMPARE(down->severity, Health::Critical);
        QVERIFY2(down->summary.contains(QStringLiteral("refused")), qPrintable(down->summary));
    }
};

QTEST_GUILESS_MAIN(TestLabChecks)
#include "tst_labchecks.moc"
