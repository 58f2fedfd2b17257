// ComposeService over a fake transport that records every argv, and over
// the demo lab's transport: names checked against Compose's own listing
// before anything is sent, argv shape, the refresh after an action, and a
// restarted service going restarting -> running. Also the Tailscale and
// GPU monitors over the demo lab.

#include "compose/composeservice.h"
#include "demolab/demotransport.h"
#include "gpu/gpumonitor.h"
#include "inventory/inventoryloader.h"
#include "support/fixtures.h"
#include "tailscale/tailscalemonitor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace labdeck;
using labdeck::test::fixture;

namespace {

class FakeJob final : public remote::CommandJob
{
public:
    using remote::CommandJob::CommandJob;
    void cancel() override
    {
        remote::CommandResult r;
        r.failedStep = remote::Step::Cancelled;
        r.error = QStringLiteral("cancelled");
        done(r);
    }
    void done(const remote::CommandResult &r)
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(r);
        deleteLater();
    }
    bool m_done = false;
};

// Records every request and answers from a function of the argv.
class RecordingTransport final : public remote::CommandTransport
{
public:
    std::function<remote::CommandResult(const QStringList &)> answer;
    QList<remote::CommandRequest> requests;

    // Streamed requests are held open (the test feeds them) when set.
    bool holdStreams = false;
    QPointer<FakeJob> held;

    remote::CommandJob *run(const remote::CommandRequest &request) override
    {
        requests << request;
        auto *job = new FakeJob(request, this);
        if (holdStreams && request.streamOutput) {
            held = job;
            return job;
        }
        const remote::CommandResult r = answer(request.argv);
        QTimer::singleShot(0, job, [job, r] { job->done(r); });
        return job;
    }
    QString name() const override { return QStringLiteral("recording"); }
};

remote::CommandResult ok(const QByteArray &out)
{
    remote::CommandResult r;
    r.ran = true;
    r.exitStatus = 0;
    r.standardOutput = out;
    return r;
}

Inventory defaultLab()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    return *r.inventory;
}

} // namespace

class TestComposeService : public QObject
{
    Q_OBJECT

    RecordingTransport *m_fake = nullptr;
    std::unique_ptr<compose::ComposeService> m_service;

    static QStringList ps(const QStringList &argv) { return argv; }

private Q_SLOTS:
    void init()
    {
        m_fake = new RecordingTransport;
        m_fake->setParent(this);
        m_fake->answer = [](const QStringList &argv) {
            if (argv.contains(QStringLiteral("ls")))
                return ok(
                    R"j([{"Name":"example","Status":"exited(1), running(1)","ConfigFiles":"/srv/example/compose.yaml"}])j");
            if (argv.contains(QStringLiteral("ps")))
                return ok(fixture(QStringLiteral("docker-compose/ps-v2.21-ndjson.doc.jsonl")));
            return ok("");
        };
        m_service = std::make_unique<compose::ComposeService>(m_fake, QStringLiteral("pochama"));
    }
    void cleanup()
    {
        m_service.reset();
        delete m_fake;
        m_fake = nullptr;
    }

    void refreshListsProjectsThenContainers()
    {
        QSignalSpy changed(m_service.get(), &compose::ComposeService::containersChanged);
        m_service->refresh();
        QVERIFY(changed.wait());
        QCOMPARE(m_fake->requests.size(), 2);
        QCOMPARE(m_fake->requests.at(0).host, QStringLiteral("pochama"));
        QCOMPARE(m_fake->requests.at(0).argv,
                 (QStringList{"docker", "compose", "ls", "--all", "--format", "json"}));
        QCOMPARE(m_fake->requests.at(1).argv,
                 (QStringList{"docker", "compose", "-p", "example", "-f",
                              "/srv/example/compose.yaml", "ps", "--all", "--format", "json"}));
        QCOMPARE(m_service->services(QStringLiteral("example")), (QStringList{"bar", "foo"}));
        QCOMPARE(m_service->containers(QStringLiteral("example")).at(1).state,
                 QStringLiteral("running"));
        QVERIFY(m_service->fetchedAt().isValid());
        QVERIFY(m_service->containersFetchedAt(QStringLiteral("example")).isValid());
        QVERIFY(!m_service->isStale());
    }

    void rejectsNamesComposeDidNotList_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("why");
        QTest::newRow("metacharacters") << "example"
                                        << "foo; rm -rf /"
                                        << "is not a service Compose listed";
        QTest::newRow("substitution") << "example"
                                      << "$(reboot)"
                                      << "is not a service Compose listed";
        QTest::newRow("option") << "example"
                                << "--help"
                                << "is not a service Compose listed";
        QTest::newRow("unlisted service") << "example"
                                          << "nextcloud"
                                          << "is not a service Compose listed";
        QTest::newRow("unlisted project") << "infra"
                                          << ""
                                          << "is not a Compose project listed";
        QTest::newRow("project injection") << "example;id"
                                           << ""
                                           << "is not a Compose project listed";
    }
    void rejectsNamesComposeDidNotList()
    {
        QFETCH(QString, project);
        QFETCH(QString, service);
        QFETCH(QString, why);
        QSignalSpy changed(m_service.get(), &compose::ComposeService::containersChanged);
        m_service->refresh();
        QVERIFY(changed.wait());
        const int sent = int(m_fake->requests.size());
        compose::ComposeAction *action =
            m_service->run(compose::ComposeService::Verb::Restart, project, service);
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Failed);
        QVERIFY2(action->message().contains(why), qPrintable(action->message()));
        QVERIFY(action->message().startsWith(QStringLiteral("pochama: ")));
        QVERIFY(action->command().isEmpty());
        // Bounded check that nothing was sent: no request within 100 ms.
        QVERIFY(!QTest::qWaitFor([&] { return m_fake->requests.size() > sent; }, 100));
        QCOMPARE(m_fake->requests.size(), sent);
    }

    void nothingIsSentBeforeAListing()
    {
        compose::ComposeAction *action = m_service->run(
            compose::ComposeService::Verb::Stop, QStringLiteral("example"), QStringLiteral("foo"));
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Failed);
        QVERIFY(m_fake->requests.isEmpty());
    }

    void argvShapeAndRefreshAfterAction_data()
    {
        QTest::addColumn<int>("verb");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QStringList>("tail");
        QTest::newRow("restart service") << int(compose::ComposeService::Verb::Restart) << "foo"
                                         << QStringList{"restart", "foo"};
        QTest::newRow("up service")
            << int(compose::ComposeService::Verb::Up) << "bar" << QStringList{"up", "-d", "bar"};
        QTest::newRow("pull project")
            << int(compose::ComposeService::Verb::Pull) << "" << QStringList{"pull"};
        QTest::newRow("stop service")
            << int(compose::ComposeService::Verb::Stop) << "foo" << QStringList{"stop", "foo"};
        QTest::newRow("logs") << int(compose::ComposeService::Verb::Logs) << "foo"
                              << QStringList{"logs", "--no-color", "--tail", "50", "foo"};
    }
    void argvShapeAndRefreshAfterAction()
    {
        QFETCH(int, verb);
        QFETCH(QString, service);
        QFETCH(QStringList, tail);
        QSignalSpy changed(m_service.get(), &compose::ComposeService::containersChanged);
        m_service->refresh();
        QVERIFY(changed.wait());
        const int sent = int(m_fake->requests.size());
        auto *action = m_service->run(compose::ComposeService::Verb(verb),
                                      QStringLiteral("example"), service, 50);
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Succeeded);
        QCOMPARE(action->exitStatus(), 0);
        const QStringList head{"docker",  "compose", "-p",
                               "example", "-f",      "/srv/example/compose.yaml"};
        QCOMPARE(m_fake->requests.at(sent).argv, head + tail);
        QCOMPARE(action->command(), remote::displayCommand(head + tail));
        if (verb == int(compose::ComposeService::Verb::Logs)) {
            QVERIFY(m_fake->requests.at(sent).streamOutput);
            // Bounded check that logs change nothing: no refresh follows within 100 ms.
            QVERIFY(!QTest::qWaitFor([&] { return m_fake->requests.size() > sent + 1; }, 100));
            QCOMPARE(m_fake->requests.size(), sent + 1);
            return;
        }
        // The state of what was changed is read again.
        QTRY_COMPARE(m_fake->requests.size(), sent + 2);
        QStringList psArgv = head + QStringList{"ps", "--all", "--format", "json"};
        if (!service.isEmpty())
            psArgv << service;
        QCOMPARE(m_fake->requests.at(sent + 1).argv, psArgv);
    }

    void failedCommandKeepsExitStatusAndText()
    {
        QSignalSpy changed(m_service.get(), &compose::ComposeService::containersChanged);
        m_service->refresh();
        QVERIFY(changed.wait());
        m_fake->answer = [](const QStringList &) {
            remote::CommandResult r;
            r.ran = true;
            r.exitStatus = 1;
            r.standardError = "Error response from daemon: pull access denied for foo\n";
            return r;
        };
        auto *action = m_service->run(compose::ComposeService::Verb::Pull,
                                      QStringLiteral("example"), QStringLiteral("foo"));
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Failed);
        QCOMPARE(action->exitStatus(), 1);
        QCOMPARE(action->message(),
                 QStringLiteral(
                     "exit status 1: Error response from daemon: pull access denied for foo"));
        QVERIFY(action->output().contains("pull access denied"));
    }

    void notConnected()
    {
        compose::ComposeService none(nullptr, QStringLiteral("pochama"));
        QSignalSpy failed(&none, &compose::ComposeService::failed);
        none.refresh();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("pochama: SSH: not connected"));
        QVERIFY(none.isStale());
    }

    void malformedListingIsAnError()
    {
        m_fake->answer = [](const QStringList &argv) {
            if (argv.contains(QStringLiteral("ls")))
                return ok(R"j([{"Name":"example","Status":"running(2)"}])j");
            return ok(
                fixture(QStringLiteral("docker-compose/ps-v2.21-ndjson.doc.jsonl")).left(300));
        };
        QSignalSpy failed(m_service.get(), &compose::ComposeService::failed);
        m_service->refresh();
        QVERIFY(failed.wait());
        QVERIFY2(failed.first().first().toString().startsWith(
                     QStringLiteral("pochama: docker compose ps: line 2: not JSON")),
                 qPrintable(failed.first().first().toString()));
    }

    void configFilesAreCheckedBeforeUse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("relative") << "compose.yaml";
        QTest::newRow("option") << "--project-directory=/";
        QTest::newRow("newline") << "/srv/a.yaml\nid";
        QTest::newRow("escape") << "/srv/\x1b[2Ja.yaml";
        QTest::newRow("bidi") << QString::fromUtf8("/srv/\u202eamly.yaml");
    }
    // docker compose ls on the host names the files; one that could be read
    // as an option or smuggle a control character is never passed to -f.
    void configFilesAreCheckedBeforeUse()
    {
        QFETCH(QString, file);
        m_fake->answer = [file](const QStringList &argv) {
            if (argv.contains(QStringLiteral("ls"))) {
                const QJsonArray list{QJsonObject{
                    {"Name", "example"}, {"Status", "running(2)"}, {"ConfigFiles", file}}};
                return ok(QJsonDocument(list).toJson());
            }
            return ok(fixture(QStringLiteral("docker-compose/ps-v2.21-ndjson.doc.jsonl")));
        };
        QSignalSpy failed(m_service.get(), &compose::ComposeService::failed);
        m_service->refresh();
        QVERIFY(failed.wait());
        const QString error = failed.first().first().toString();
        QVERIFY2(error.contains(QStringLiteral("is not an absolute path of printable characters")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QChar(0x1b)) && !error.contains(QLatin1Char('\n')),
                 qPrintable(error));
        // Only the listing went out: no ps, and no action either.
        QCOMPARE(m_fake->requests.size(), 1);
        compose::ComposeAction *action = m_service->run(compose::ComposeService::Verb::Restart,
                                                        QStringLiteral("example"), QString());
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Failed);
        QCOMPARE(m_fake->requests.size(), 1);
    }

    // A followed log that runs for days keeps only its last few MiB.
    void followedLogKeepsItsTail()
    {
        QSignalSpy changed(m_service.get(), &compose::ComposeService::containersChanged);
        m_service->refresh();
        QVERIFY(changed.wait());
        m_fake->holdStreams = true;
        compose::ComposeAction *action =
            m_service->run(compose::ComposeService::Verb::Logs, QStringLiteral("example"),
                           QStringLiteral("foo"), 100, true);
        QTRY_VERIFY(m_fake->held);
        qint64 arrived = 0;
        connect(action, &compose::ComposeAction::outputArrived, this,
                [&arrived](const QByteArray &chunk) { arrived += chunk.size(); });
        const int lines = 400000; // about 17 MiB
        QByteArray chunk;
        for (int i = 0; i < lines; ++i) {
            chunk += "foo-1  | GET /status.php 200 line " + QByteArray::number(i) + "\n";
            if (chunk.size() > 60000 || i == lines - 1) {
                Q_EMIT m_fake->held->output(chunk);
                chunk.clear();
            }
        }
        QVERIFY(arrived > 3 * compose::ComposeAction::kOutputCap);
        const QByteArray kept = action->output();
        QVERIFY(kept.size() <= compose::ComposeAction::kOutputCap);
        QVERIFY(kept.startsWith("[Labdeck: earlier output dropped]\n"));
        QVERIFY(kept.endsWith("line " + QByteArray::number(lines - 1) + "\n"));
        // Whole lines after the marker.
        QVERIFY(kept.mid(kept.indexOf('\n') + 1).startsWith("foo-1  | GET"));
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        action->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(action->state(), compose::ComposeAction::State::Cancelled);
        QVERIFY(action->output().endsWith("line " + QByteArray::number(lines - 1) + "\n"));
    }

    // --- over the demo lab ----------------------------------------------------
    void demoRestartGoesRestartingThenRunning()
    {
        demolab::DemoTransport demo(defaultLab());
        demo.setLatency(5);
        demo.setTransition(300);
        compose::ComposeService service(&demo, QStringLiteral("pochama"));
        service.setSettleInterval(50);
        QSignalSpy changed(&service, &compose::ComposeService::containersChanged);
        service.refresh();
        QVERIFY(changed.wait());
        QCOMPARE(service.projects().size(), 1);
        QCOMPARE(service.projects().first().name, QStringLiteral("infra"));
        QCOMPARE(service.projects().first().configFiles,
                 QStringList{"/home/ubuntu/infra/compose.yaml"});
        QCOMPARE(service.services(QStringLiteral("infra")),
                 (QStringList{"tailscale", "traefik", "nfs-server", "nextcloud"}));
        auto stateOf = [&service](const QString &svc) {
            for (const compose::Container &c : service.containers(QStringLiteral("infra")))
                if (c.service == svc)
                    return c.stateText();
            return QString();
        };
        QCOMPARE(stateOf(QStringLiteral("traefik")), QStringLiteral("running (healthy)"));
        for (const compose::Container &c : service.containers(QStringLiteral("infra"))) {
            if (c.service == QLatin1String("traefik"))
                QCOMPARE(c.portsText(), QStringLiteral(":80->80/tcp, :443->443/tcp"));
        }

        QStringList seen;
        connect(&service, &compose::ComposeService::containersChanged, this,
                [&] { seen << stateOf(QStringLiteral("traefik")); });
        auto *action = service.run(compose::ComposeService::Verb::Restart, QStringLiteral("infra"),
                                   QStringLiteral("traefik"));
        QSignalSpy finished(action, &compose::ComposeAction::finished);
        QVERIFY(finished.wait());
        QCOMPARE(action->state(), compose::ComposeAction::State::Succeeded);
        QVERIFY(action->output().contains("Container infra-traefik-1  Restarting"));
        QTRY_VERIFY(seen.contains(QStringLiteral("restarting")));
        QTRY_COMPARE(stateOf(QStringLiteral("traefik")), QStringLiteral("running (healthy)"));
        QVERIFY(seen.contains(QStringLiteral("running (starting)")));
        QCOMPARE(seen.first(), QStringLiteral("restarting"));

        // Stop: exited, and the project's status counts it.
        auto *stop = service.run(compose::ComposeService::Verb::Stop, QStringLiteral("infra"),
                                 QStringLiteral("nextcloud"));
        QSignalSpy stopped(stop, &compose::ComposeAction::finished);
        QVERIFY(stopped.wait());
        QTRY_COMPARE(stateOf(QStringLiteral("nextcloud")), QStringLiteral("exited (0)"));
        QCOMPARE(demo.serviceState(QStringLiteral("nextcloud")), QStringLiteral("exited"));
        QSignalSpy projects(&service, &compose::ComposeService::projectsChanged);
        service.refresh();
        QVERIFY(projects.wait());
        QCOMPARE(service.projects().first().status, QStringLiteral("exited(1), running(3)"));
        // up -d brings it back.
        auto *up = service.run(compose::ComposeService::Verb::Up, QStringLiteral("infra"),
                               QStringLiteral("nextcloud"));
        QSignalSpy upDone(up, &compose::ComposeAction::finished);
        QVERIFY(upDone.wait());
        QTRY_COMPARE(stateOf(QStringLiteral("nextcloud")), QStringLiteral("running (healthy)"));
    }

    void demoLogsFollowStreamsUntilCancelled()
    {
        demolab::DemoTransport demo(defaultLab());
        demo.setLatency(5);
        demo.setFollowInterval(20);
        compose::ComposeService service(&demo, QStringLiteral("pochama"));
        QSignalSpy changed(&service, &compose::ComposeService::containersChanged);
        service.refresh();
        QVERIFY(changed.wait());
        auto *last = service.run(compose::ComposeService::Verb::Logs, QStringLiteral("infra"),
                                 QStringLiteral("nfs-server"), 3);
        QSignalSpy lastDone(last, &compose::ComposeAction::finished);
        QVERIFY(lastDone.wait());
        QCOMPARE(last->output().count('\n'), 3);
        QVERIFY(last->output().startsWith("infra-nfs-server-1  | "));

        auto *follow = service.run(compose::ComposeService::Verb::Logs, QStringLiteral("infra"),
                                   QStringLiteral("traefik"), 2, true);
        QVERIFY(follow->isFollow());
        QSignalSpy chunks(follow, &compose::ComposeAction::outputArrived);
        QTRY_VERIFY(chunks.size() >= 3);
        QCOMPARE(follow->state(), compose::ComposeAction::State::Running);
        QCOMPARE(demo.history().last().timeoutMs, 0);
        QVERIFY(demo.history().last().argv.contains(QStringLiteral("--follow")));
        QSignalSpy done(follow, &compose::ComposeAction::finished);
        follow->cancel();
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(follow->state(), compose::ComposeAction::State::Cancelled);
        QVERIFY(follow->output().count('\n') >= 4);
    }

    void demoUnknownCommand()
    {
        demolab::DemoTransport demo(defaultLab());
        demo.setLatency(1);
        remote::CommandRequest request;
        request.host = QStringLiteral("pochama");
        request.argv = QStringList{"rm", "-rf", "/tmp/x y"};
        remote::CommandJob *job = demo.run(request);
        QSignalSpy finished(job, &remote::CommandJob::finished);
        QVERIFY(finished.wait());
        const auto r = finished.first().first().value<remote::CommandResult>();
        QVERIFY(r.ran);
        QCOMPARE(r.exitStatus, 127);
        QCOMPARE(QString::fromUtf8(r.standardError),
                 QStringLiteral("the demo lab cannot run: rm -rf '/tmp/x y' (on pochama)\n"));
        request.host = QStringLiteral("nowhere");
        job = demo.run(request);
        QSignalSpy finished2(job, &remote::CommandJob::finished);
        QVERIFY(finished2.wait());
        const auto r2 = finished2.first().first().value<remote::CommandResult>();
        QVERIFY(!r2.ran);
        QCOMPARE(r2.failedStep, remote::Step::NameLookup);
    }

    void demoTailscaleMonitor()
    {
        const Inventory lab = defaultLab();
        demolab::DemoTransport demo(lab);
        demo.setLatency(1);
        tailscale::TailscaleMonitor monitor(&demo, lab.tailscaleStatusHost);
        QSignalSpy updated(&monitor, &tailscale::TailscaleMonitor::updated);
        monitor.start(std::chrono::milliseconds(0));
        QVERIFY(updated.wait());
        QVERIFY2(monitor.lastError().isEmpty(), qPrintable(monitor.lastError()));
        QVERIFY(monitor.status());
        const tailscale::Status &s = *monitor.status();
        QCOMPARE(s.backendState, QStringLiteral("Running"));
        QCOMPARE(s.self.hostName, QStringLiteral("pochama"));
        QCOMPARE(s.peers.size(), 4);
        for (const Host &h : lab.hosts) {
            const tailscale::Peer *p = s.find(h.sources.tailscaleHost);
            QVERIFY2(p, qPrintable(h.name));
            QVERIFY(p->online);
        }
        QCOMPARE(s.find(QStringLiteral("gpu-server"))->path(), tailscale::Path::Derp);
        QCOMPARE(s.find(QStringLiteral("metamon"))->path(), tailscale::Path::Direct);
        QCOMPARE(demo.history().last().argv, (QStringList{"tailscale", "status", "--json"}));
        QCOMPARE(demo.history().last().host, QStringLiteral("pochama"));
        QVERIFY(!monitor.isStale());
    }

    void demoGpuMonitor()
    {
        demolab::DemoTransport demo(defaultLab());
        demo.setLatency(1);
        demo.setOllamaVramMiB(5000);
        gpu::GpuMonitor monitor(&demo, QStringLiteral("gpu-server"));
        QSignalSpy updated(&monitor, &gpu::GpuMonitor::updated);
        monitor.start(std::chrono::milliseconds(0));
        QVERIFY(updated.wait());
        QVERIFY2(monitor.lastError().isEmpty(), qPrintable(monitor.lastError()));
        QCOMPARE(monitor.gpus().size(), 1);
        QCOMPARE(monitor.gpus().first().name, QStringLiteral("NVIDIA GeForce RTX 3070 Ti"));
        QCOMPARE(*monitor.gpus().first().memoryTotalMiB, 8192.0);
        QCOMPARE(*monitor.gpus().first().memoryUsedMiB, 5180.0);
        QCOMPARE(*monitor.gpus().first().powerLimitW, 290.0);
        QCOMPARE(monitor.processes().size(), 1);
        QCOMPARE(monitor.processes().first().name, QStringLiteral("/usr/local/bin/ollama"));
        QCOMPARE(*monitor.processes().first().usedMemoryMiB, 5000.0);
        const QList<remote::CommandRequest> &h = demo.history();
        QCOMPARE(h.at(h.size() - 2).argv, gpu::NvidiaSmi::gpuCommand());
        QCOMPARE(h.last().argv, gpu::NvidiaSmi::processCommand());

        // On a host without a GPU nvidia-smi does not exist.
        gpu::GpuMonitor wrong(&demo, QStringLiteral("bracky"));
        QSignalSpy failed(&wrong, &gpu::GpuMonitor::failed);
        wrong.refresh();
        QVERIFY(failed.wait());
        QVERIFY2(failed.first().first().toString().startsWith(
                     QStringLiteral("bracky: nvidia-smi not found (exit status 127)")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(wrong.isStale());
    }

    void monitorsOverFakeTransport()
    {
        // The real captured outputs through the monitors.
        RecordingTransport fake;
        fake.answer = [](const QStringList &argv) {
            if (argv.first() == QLatin1String("tailscale"))
                return ok(fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json")));
            if (argv.at(1).startsWith(QLatin1String("--query-gpu")))
                return ok("0, NVIDIA GeForce RTX 3070 Ti, 37, 5222, 8192, 61, 187.30, 290.00\n");
            return ok(fixture(QStringLiteral("nvidia-smi/busy-compute-apps.csv")));
        };
        tailscale::TailscaleMonitor ts(&fake, QStringLiteral("pochama"));
        QSignalSpy tsUpdated(&ts, &tailscale::TailscaleMonitor::updated);
        ts.refresh();
        QVERIFY(tsUpdated.wait());
        QCOMPARE(ts.status()->peers.size(), 5);
        gpu::GpuMonitor gm(&fake, QStringLiteral("gpu-server"));
        QSignalSpy gmUpdated(&gm, &gpu::GpuMonitor::updated);
        gm.refresh();
        QVERIFY(gmUpdated.wait());
        QVERIFY2(gm.lastError().isEmpty(), qPrintable(gm.lastError()));
        QCOMPARE(*gm.gpus().first().utilizationPercent, 37.0);
        QCOMPARE(*gm.gpus().first().memoryUsedMiB, 5222.0);
        QCOMPARE(gm.processes().first().pid, 500);
        QCOMPARE(*gm.processes().first().usedMemoryMiB, 12806.0);
    }
};

QTEST_GUILESS_MAIN(TestComposeService)
#include "tst_composeservice.moc"
