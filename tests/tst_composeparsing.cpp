// Parsers of the compose host, the tailnet, nvidia-smi and Ollama on every
// captured fixture of their kind, and on truncated and malformed input.

#include "common/format.h"
#include "common/gotime.h"
#include "compose/composeparser.h"
#include "gpu/nvidiasmi.h"
#include "ollama/ollamaparser.h"
#include "support/fixtures.h"
#include "tailscale/tailscalestatus.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <functional>

using namespace labdeck;
using labdeck::test::fixture;
using labdeck::test::fixturesIn;

class TestComposeParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- docker compose ---------------------------------------------------
    void composePsBothFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("array") << QStringLiteral("docker-compose/ps-v2-array.doc.json");
        QTest::newRow("ndjson") << QStringLiteral("docker-compose/ps-v2.21-ndjson.doc.jsonl");
    }
    void composePsBothFormats()
    {
        QFETCH(QString, file);
        QString error;
        const auto list = compose::ComposeParser::parsePs(fixture(file), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->size(), 2);
        const compose::Container &bar = list->at(0);
        QCOMPARE(bar.service, QStringLiteral("bar"));
        QCOMPARE(bar.project, QStringLiteral("example"));
        QCOMPARE(bar.name, QStringLiteral("example-bar-1"));
        QCOMPARE(bar.state, QStringLiteral("exited"));
        QCOMPARE(bar.exitCode, 0);
        QVERIFY(bar.publishers.isEmpty());
        QCOMPARE(bar.healthLevel(), Health::Warning); // stopped on purpose
        QCOMPARE(bar.stateText(), QStringLiteral("exited (0)"));
        const compose::Container &foo = list->at(1);
        QCOMPARE(foo.state, QStringLiteral("running"));
        QCOMPARE(foo.healthLevel(), Health::Ok);
        QCOMPARE(foo.publishers.size(), 1);
        QCOMPARE(foo.publishers.first().url, QStringLiteral("0.0.0.0"));
        QCOMPARE(foo.publishers.first().targetPort, 80);
        QCOMPARE(foo.publishers.first().publishedPort, 8080);
        QCOMPARE(foo.publishers.first().protocol, QStringLiteral("tcp"));
        QCOMPARE(foo.publishers.first().text(), QStringLiteral("0.0.0.0:8080->80/tcp"));
    }
    void composePsPretty()
    {
        QString error;
        const auto list = compose::ComposeParser::parsePs(
            fixture(QStringLiteral("docker-compose/ps-v2-array-pretty.real.json")), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).service, QStringLiteral("db"));
        QCOMPARE(list->at(0).publishers.first().publishedPort, 0);
        QCOMPARE(list->at(0).portsText(), QStringLiteral("3306/tcp")); // exposed, not published
        QCOMPARE(list->at(1).service, QStringLiteral("wordpress"));
        QCOMPARE(list->at(1).publishers.size(), 2);
        QCOMPARE(list->at(1).publishers.at(1).url, QStringLiteral("::"));
        // 0.0.0.0 and :: of the same port are one port to the user.
        QCOMPARE(list->at(1).portsText(), QStringLiteral(":8080->80/tcp"));
    }
    void composeLs()
    {
        QString error;
        const auto list = compose::ComposeParser::parseLs(
            fixture(QStringLiteral("docker-compose/ls-legacy-compose-cli.real.json")), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->first().name, QStringLiteral("e2eTestCompose1602770221964365386"));
        QCOMPARE(list->first().status, QStringLiteral("Running"));
        QVERIFY(list->first().configFiles.isEmpty());
        QCOMPARE(list->first().health(), Health::Ok);
        // The current format with counts and config files.
        const auto now = compose::ComposeParser::parseLs(
            R"j([{"Name":"infra","Status":"exited(1), running(3)","ConfigFiles":"/srv/infra/compose.yaml,/srv/infra/override.yaml"}])j",
            &error);
        QVERIFY2(now, qPrintable(error));
        QCOMPARE(now->first().counts.value(QStringLiteral("running")), 3);
        QCOMPARE(now->first().counts.value(QStringLiteral("exited")), 1);
        QCOMPARE(now->first().configFiles.size(), 2);
        QCOMPARE(now->first().health(), Health::Warning);
    }
    void composeEmpty()
    {
        QString error;
        QVERIFY(compose::ComposeParser::parsePs("", &error)->isEmpty());
        QVERIFY(compose::ComposeParser::parsePs("[]\n", &error)->isEmpty());
        QVERIFY(compose::ComposeParser::parseLs("[]", &error)->isEmpty());
    }
    void composeMalformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        const QByteArray nd = fixture(QStringLiteral("docker-compose/ps-v2.21-ndjson.doc.jsonl"));
        const QByteArray arr =
            fixture(QStringLiteral("docker-compose/ps-v2-array-pretty.real.json"));
        QTest::newRow("ndjson cut in line 2")
            << nd.left(nd.size() - 40) << QStringLiteral("docker compose ps: line 2: not JSON");
        QTest::newRow("ndjson third line cut")
            << (nd + "{\"ID\":\"x\",") << QStringLiteral("docker compose ps: line 3: not JSON");
        QTest::newRow("array cut") << arr.left(500) << QStringLiteral("docker compose ps: line ");
        QTest::newRow("no service")
            << QByteArray(R"j({"ID":"1","State":"running"})j")
            << QStringLiteral("docker compose ps: line 1: an entry has no \"Service\"");
        QTest::newRow("not an object")
            << QByteArray("[1,2]")
            << QStringLiteral("docker compose ps: an entry is not a JSON object");
        QTest::newRow("text") << QByteArray("no configuration file provided: not found")
                              << QStringLiteral("docker compose ps: line 1: not JSON");
        QTest::newRow("bad publishers")
            << QByteArray(R"j({"Service":"a","State":"running","Publishers":"80"})j")
            << QStringLiteral("docker compose ps: line 1: \"Publishers\" of a is neither");
    }
    void composeMalformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!compose::ComposeParser::parsePs(input, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }
    void composeLsMalformed()
    {
        QString error;
        const QByteArray ls =
            fixture(QStringLiteral("docker-compose/ls-legacy-compose-cli.real.json"));
        QVERIFY(!compose::ComposeParser::parseLs(ls.left(60), &error));
        QVERIFY2(error.startsWith(QStringLiteral("docker compose ls: line 1: not JSON")),
                 qPrintable(error));
        QVERIFY(!compose::ComposeParser::parseLs(R"j({"Name":"x"})j", &error));
        QCOMPARE(error, QStringLiteral("docker compose ls: expected a JSON list of projects"));
        QVERIFY(!compose::ComposeParser::parseLs(R"j([{"Status":"running(1)"}])j", &error));
        QCOMPARE(error, QStringLiteral("docker compose ls: a project has no \"Name\""));
    }

    // Every prefix of every fixture (cut at many points) either parses or
    // gives an error naming the command; none crashes.
    void everyTruncationIsHandled()
    {
        struct Kind
        {
            QString dir;
            std::function<bool(const QByteArray &, QString *)> parse;
        };
        const QList<Kind> kinds{
            {QStringLiteral("docker-compose"),
             [](const QByteArray &b, QString *e) {
                 return b.trimmed().startsWith("[{\"Name\"")
                            ? bool(compose::ComposeParser::parseLs(b, e))
                            : bool(compose::ComposeParser::parsePs(b, e));
             }},
            {QStringLiteral("tailscale"),
             [](const QByteArray &b, QString *e) {
                 return bool(tailscale::StatusParser::parse(b, e));
             }},
            {QStringLiteral("ollama"),
             [](const QByteArray &b, QString *e) {
                 QString e2;
                 QString e3;
                 const bool ok = bool(ollama::OllamaParser::parseTags(b, e)) |
                                 bool(ollama::OllamaParser::parsePs(b, &e2)) |
                                 bool(ollama::OllamaParser::parseVersion(b, &e3));
                 return ok;
             }},
            {QStringLiteral("nvidia-smi"),
             [](const QByteArray &b, QString *e) {
                 return b.contains("pid")
                            ? bool(gpu::NvidiaSmi::parseProcesses(
                                  b, gpu::NvidiaSmi::processFields(), e))
                            : bool(gpu::NvidiaSmi::parseGpus(b, gpu::NvidiaSmi::gpuFields(), e));
             }},
        };
        int cuts = 0;
        for (const Kind &k : kinds) {
            for (const QString &f :
                 fixturesIn(k.dir, {QStringLiteral("*.json"), QStringLiteral("*.jsonl"),
                                    QStringLiteral("*.csv")})) {
                const QByteArray full = fixture(k.dir + QLatin1Char('/') + f);
                const qsizetype step = qMax<qsizetype>(1, full.size() / 400);
                for (qsizetype n = 0; n < full.size(); n += step) {
                    QString error;
                    if (!k.parse(full.left(n), &error))
                        QVERIFY2(!error.isEmpty(),
                                 qPrintable(f + QStringLiteral(" cut at ") + QString::number(n)));
                    ++cuts;
                }
            }
        }
        QVERIFY(cuts > 3000);
    }

    // --- tailscale ----------------------------------------------------------
    void tailscaleEveryFixtureParses()
    {
        const QStringList files = fixturesIn(QStringLiteral("tailscale"));
        QCOMPARE(files.size(), 4);
        for (const QString &f : files) {
            QString error;
            const auto s =
                tailscale::StatusParser::parse(fixture(QStringLiteral("tailscale/") + f), &error);
            QVERIFY2(s, qPrintable(f + QStringLiteral(": ") + error));
            QCOMPARE(s->backendState, QStringLiteral("Running"));
            QVERIFY(!s->self.dnsName.isEmpty());
            QVERIFY(!s->peers.isEmpty());
        }
    }
    void tailscaleTrimmed()
    {
        QString error;
        const auto s = tailscale::StatusParser::parse(
            fixture(QStringLiteral("tailscale/status-trimmed.real.json")), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->version, QStringLiteral("1.82.5"));
        QCOMPARE(s->peers.size(), 10);
        QCOMPARE(s->self.hostName, QStringLiteral("he-arch"));
        QCOMPARE(s->self.dnsName, QStringLiteral("he-arch.tail51102e.ts.net"));
        QCOMPARE(s->self.ips.first(), QStringLiteral("100.83.16.57"));
        QCOMPARE(s->self.relay, QStringLiteral("tok"));

        // The exit node in use: active with a direct IPv6 endpoint.
        const tailscale::Peer *exit = s->find(QStringLiteral("jp-tyo-wg-002"));
        QVERIFY(exit);
        QVERIFY(exit->online && exit->active && exit->exitNode);
        QCOMPARE(exit->curAddr, QStringLiteral("[2a02:6ea0:d31b::a14f]:51820"));
        QCOMPARE(exit->path(), tailscale::Path::Direct);
        QCOMPARE(tailscale::pathText(*exit), QStringLiteral("direct [2a02:6ea0:d31b::a14f]:51820"));

        // Online but idle, home DERP tok; Go's zero LastSeen is no time.
        const tailscale::Peer *xe = s->find(QStringLiteral("xe-ubuntu"));
        QVERIFY(xe);
        QVERIFY(xe->online);
        QVERIFY(!xe->active);
        QCOMPARE(xe->relay, QStringLiteral("tok"));
        QCOMPARE(xe->path(), tailscale::Path::Idle);
        QVERIFY(!xe->lastSeen.isValid());
        QCOMPARE(xe->ips.first(), QStringLiteral("100.69.190.84"));

        // Offline, with the time it was last seen.
        const tailscale::Peer *router = s->find(QStringLiteral("rt-ax3000"));
        QVERIFY(router);
        QCOMPARE(router->hostName, QStringLiteral("RT-AX3000"));
        QVERIFY(!router->online);
        QCOMPARE(router->lastSeen, QDateTime(QDate(2025, 5, 13), QTime(7, 21, 21, 100), Qt::UTC));

        // HostName "localhost" (Android): found by its DNS name, not by host name.
        const tailscale::Peer *android = s->find(QStringLiteral("ar-android"));
        QVERIFY(android);
        QCOMPARE(android->hostName, QStringLiteral("localhost"));
        QCOMPARE(android->os, QStringLiteral("android"));
        // HostName differs from the DNS name: either finds it.
        QCOMPARE(s->find(QStringLiteral("N04-050")), s->find(QStringLiteral("ipi-ubuntu")));
        QCOMPARE(s->find(QStringLiteral("100.115.156.40"))->hostName, QStringLiteral("ne-arch"));
        QCOMPARE(s->find(QStringLiteral("he-arch")), &s->self);
        QVERIFY(!s->find(QStringLiteral("pochama")));
    }
    void tailscaleHomelabRelay()
    {
        QString error;
        const auto s = tailscale::StatusParser::parse(
            fixture(QStringLiteral("tailscale/status-homelab-relay-sao.real.json")), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->peers.size(), 5);
        QCOMPARE(s->self.hostName, QStringLiteral("Borja\u2019s MacBook Air"));
        QCOMPARE(s->self.relay, QStringLiteral("sao"));
        const tailscale::Peer *home = s->find(QStringLiteral("home-server"));
        QVERIFY(home && home->online);
        QCOMPARE(home->relay, QStringLiteral("sao"));
        QCOMPARE(home->os, QStringLiteral("linux"));
        const tailscale::Peer *phone = s->find(QStringLiteral("iphone-12-mini"));
        QVERIFY(phone && !phone->online);
        QCOMPARE(phone->lastSeen, QDateTime(QDate(2026, 2, 10), QTime(2, 58, 31, 100), Qt::UTC));
        int online = 0;
        for (const auto &p : s->peers)
            online += p.online ? 1 : 0;
        QCOMPARE(online, 3);
    }
    void tailscaleScrubbed()
    {
        QString error;
        const auto s = tailscale::StatusParser::parse(
            fixture(QStringLiteral("tailscale/status-scrubbed-missing-fields.real.json")), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->version, QStringLiteral("1.102.2-t6cac91817-g6ff0ddc72"));
        QCOMPARE(s->peers.size(), 3);
        const tailscale::Peer *p3 = s->find(QStringLiteral("peer-3"));
        QVERIFY(p3 && p3->online);
        QVERIFY(p3->curAddr.isEmpty() && p3->relay.isEmpty() && !p3->lastSeen.isValid());
        QCOMPARE(p3->key, QStringLiteral("nodekey:scrubbed3"));
        QCOMPARE(s->find(QStringLiteral("peer-1"))->online, false);
    }
    void tailscaleLarge()
    {
        QString error;
        const auto s = tailscale::StatusParser::parse(
            fixture(QStringLiteral("tailscale/status-mullvad-543peers.real.json")), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->peers.size(), 543);
        int online = 0;
        int direct = 0;
        for (const auto &p : s->peers) {
            online += p.online ? 1 : 0;
            direct += p.path() == tailscale::Path::Direct ? 1 : 0;
        }
        QCOMPARE(online, 539);
        QCOMPARE(direct, 1);
    }
    void tailscaleMalformed()
    {
        const QByteArray full = fixture(QStringLiteral("tailscale/status-trimmed.real.json"));
        QString error;
        QVERIFY(!tailscale::StatusParser::parse(full.left(full.size() / 2), &error));
        QVERIFY2(error.startsWith(QStringLiteral("tailscale status: line ")) &&
                     error.contains(QStringLiteral("not JSON")),
                 qPrintable(error));
        QVERIFY(!tailscale::StatusParser::parse("", &error));
        QVERIFY(!tailscale::StatusParser::parse(R"j({"Peer":{}})j", &error));
        QVERIFY2(error.contains(QStringLiteral("BackendState")), qPrintable(error));
        QVERIFY(
            !tailscale::StatusParser::parse(R"j({"BackendState":"Running","Peer":{}})j", &error));
        QVERIFY2(error.contains(QStringLiteral("Self")), qPrintable(error));
        QVERIFY(!tailscale::StatusParser::parse(
            R"j({"BackendState":"Running","Self":{},"Peer":{"nodekey:1":3}})j", &error));
        QCOMPARE(error, QStringLiteral("tailscale status: peer nodekey:1 is not a JSON object"));
        // Logged out: no Self, still a status.
        const auto stopped = tailscale::StatusParser::parse(
            R"j({"BackendState":"NeedsLogin","Self":null})j", &error);
        QVERIFY(stopped);
        QCOMPARE(stopped->backendState, QStringLiteral("NeedsLogin"));
    }
    void goTime()
    {
        QCOMPARE(parseGoTime(QStringLiteral("2025-08-08T00:07:26.817827822+02:00")),
                 QDateTime(QDate(2025, 8, 7), QTime(22, 7, 26, 817), Qt::UTC));
        QVERIFY(!parseGoTime(QStringLiteral("0001-01-01T00:00:00Z")).isValid());
        QVERIFY(!parseGoTime(QStringLiteral("yesterday")).isValid());
    }

    // --- nvidia-smi ---------------------------------------------------------
    void nvidiaSmiBusyIdle()
    {
        // The fixtures were captured with these seven fields (no power.limit).
        const QStringList fields = {
            QStringLiteral("index"),           QStringLiteral("name"),
            QStringLiteral("utilization.gpu"), QStringLiteral("memory.used"),
            QStringLiteral("memory.total"),    QStringLiteral("temperature.gpu"),
            QStringLiteral("power.draw")};
        QString error;
        const auto busy = gpu::NvidiaSmi::parseGpus(
            fixture(QStringLiteral("nvidia-smi/busy-query-gpu-noheader.csv")), fields, &error);
        QVERIFY2(busy, qPrintable(error));
        QCOMPARE(busy->size(), 1);
        QCOMPARE(busy->first().index, 0);
        QCOMPARE(busy->first().name, QStringLiteral("NVIDIA H200"));
        QCOMPARE(*busy->first().utilizationPercent, 100.0);
        QCOMPARE(*busy->first().memoryUsedMiB, 12815.0);
        QCOMPARE(*busy->first().memoryTotalMiB, 143771.0);
        QCOMPARE(*busy->first().temperatureC, 50.0);
        QCOMPARE(*busy->first().powerDrawW, 380.85);
        QVERIFY(!busy->first().powerLimitW);
        const auto idle = gpu::NvidiaSmi::parseGpus(
            fixture(QStringLiteral("nvidia-smi/idle-query-gpu-noheader.csv")), fields, &error);
        QVERIFY2(idle, qPrintable(error));
        QCOMPARE(*idle->first().utilizationPercent, 0.0);
        QCOMPARE(*idle->first().memoryUsedMiB, 0.0);
        QCOMPARE(*idle->first().temperatureC, 39.0);
        QCOMPARE(*idle->first().powerDrawW, 123.36);
        // The monitor's own eight fields do not fit a seven-value line.
        QVERIFY(!gpu::NvidiaSmi::parseGpus(
            fixture(QStringLiteral("nvidia-smi/idle-query-gpu-noheader.csv")),
            gpu::NvidiaSmi::gpuFields(), &error));
        QCOMPARE(error, QStringLiteral("nvidia-smi --query-gpu: line 1: 7 values for 8 fields (cut "
                                       "off or a different query?)"));
    }
    void nvidiaSmiHeaderAndUnits()
    {
        // With a header and units the header decides what each column is.
        QString error;
        const auto g =
            gpu::NvidiaSmi::parseGpus(fixture(QStringLiteral("nvidia-smi/busy-query-gpu.csv")),
                                      gpu::NvidiaSmi::gpuFields(), &error);
        QVERIFY2(g, qPrintable(error));
        QCOMPARE(g->size(), 1);
        QCOMPARE(g->first().uuid, QStringLiteral("GPU-566418d4-ab32-d2ed-7590-b23b6f686c50"));
        QCOMPARE(*g->first().utilizationPercent, 100.0);
        QCOMPARE(*g->first().memoryUsedMiB, 12815.0);
        QCOMPARE(*g->first().memoryTotalMiB, 143771.0);
        QCOMPARE(*g->first().powerDrawW, 380.85);
        QCOMPARE(*g->first().powerLimitW, 700.0);
    }
    void nvidiaSmiNotAvailable()
    {
        QString error;
        const auto g = gpu::NvidiaSmi::parseGpus(
            "0, NVIDIA GeForce RTX 3070 Ti, 37, 5222, 8192, [Not Supported], [N/A], 290.00\n",
            gpu::NvidiaSmi::gpuFields(), &error);
        QVERIFY2(g, qPrintable(error));
        QVERIFY(!g->first().temperatureC);
        QVERIFY(!g->first().powerDrawW);
        QCOMPARE(*g->first().powerLimitW, 290.0);
        QCOMPARE(g->first().name, QStringLiteral("NVIDIA GeForce RTX 3070 Ti"));
    }
    void nvidiaSmiProcesses()
    {
        QString error;
        const auto busy = gpu::NvidiaSmi::parseProcesses(
            fixture(QStringLiteral("nvidia-smi/busy-compute-apps.csv")),
            gpu::NvidiaSmi::processFields(), &error);
        QVERIFY2(busy, qPrintable(error));
        QCOMPARE(busy->size(), 1);
        QCOMPARE(busy->first().pid, 500);
        QCOMPARE(busy->first().name, QStringLiteral("/tmp/busy"));
        QCOMPARE(*busy->first().usedMemoryMiB, 12806.0);
        const auto idle = gpu::NvidiaSmi::parseProcesses(
            fixture(QStringLiteral("nvidia-smi/idle-compute-apps.csv")),
            gpu::NvidiaSmi::processFields(), &error);
        QVERIFY2(idle, qPrintable(error));
        QVERIFY(idle->isEmpty());
        QVERIFY(
            gpu::NvidiaSmi::parseProcesses("", gpu::NvidiaSmi::processFields(), &error)->isEmpty());
    }
    void nvidiaSmiMalformed()
    {
        QString error;
        QVERIFY(!gpu::NvidiaSmi::parseGpus("0, NVIDIA H200, 100, 128", gpu::NvidiaSmi::gpuFields(),
                                           &error));
        QCOMPARE(error, QStringLiteral("nvidia-smi --query-gpu: line 1: 4 values for 8 fields (cut "
                                       "off or a different query?)"));
        QVERIFY(!gpu::NvidiaSmi::parseGpus("0, X, lots, 1, 2, 3, 4, 5", gpu::NvidiaSmi::gpuFields(),
                                           &error));
        QCOMPARE(error,
                 QStringLiteral(
                     "nvidia-smi --query-gpu: line 1: utilization.gpu: not a number: \"lots\""));
        QVERIFY(!gpu::NvidiaSmi::parseGpus(
            "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
            gpu::NvidiaSmi::gpuFields(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("nvidia-smi --query-gpu: NVIDIA-SMI has failed")),
                 qPrintable(error));
        QVERIFY(
            !gpu::NvidiaSmi::parseProcesses("abc, /x, 1", gpu::NvidiaSmi::processFields(), &error));
        QCOMPARE(error, QStringLiteral(
                            "nvidia-smi --query-compute-apps: line 1: pid: not a number: \"abc\""));
        // Numbers no pid or GPU index can be (found by fuzz_nvidiasmi: a
        // 90-digit pid overflowed the conversion).
        const QByteArray hugePid = "pid, process_name, used_memory\n" + QByteArray(90, '3') +
                                   ", /usr/bin/ollama, 10 MiB\n";
        QVERIFY(!gpu::NvidiaSmi::parseProcesses(hugePid, gpu::NvidiaSmi::processFields(), &error));
        QCOMPARE(error,
                 QStringLiteral("nvidia-smi --query-compute-apps: line 2: pid: out of range: "
                                "\"") +
                     QString(90, QLatin1Char('3')) + QLatin1Char('"'));
        QVERIFY(
            !gpu::NvidiaSmi::parseProcesses("1.5, /x, 1", gpu::NvidiaSmi::processFields(), &error));
        QVERIFY2(error.contains(QStringLiteral("pid: out of range")), qPrintable(error));
        QVERIFY(!gpu::NvidiaSmi::parseGpus("-1, X, 1, 1, 2, 3, 4, 5", gpu::NvidiaSmi::gpuFields(),
                                           &error));
        QCOMPARE(error,
                 QStringLiteral("nvidia-smi --query-gpu: line 1: index: out of range: \"-1\""));
    }

    // --- Ollama -------------------------------------------------------------
    void ollamaVersion()
    {
        QString error;
        QCOMPARE(*ollama::OllamaParser::parseVersion(
                     fixture(QStringLiteral("ollama/api-version.doc.json")), &error),
                 QStringLiteral("0.5.1"));
        QVERIFY(!ollama::OllamaParser::parseVersion("{\"versio", &error));
        QVERIFY2(error.startsWith(QStringLiteral("Ollama /api/version: line 1: not JSON")),
                 qPrintable(error));
        QVERIFY(!ollama::OllamaParser::parseVersion("{}", &error));
        QCOMPARE(error, QStringLiteral("Ollama /api/version: no \"version\""));
    }
    void ollamaTags()
    {
        QString error;
        const auto doc = ollama::OllamaParser::parseTags(
            fixture(QStringLiteral("ollama/api-tags.doc.json")), &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->size(), 2);
        QCOMPARE(doc->at(0).name, QStringLiteral("deepseek-r1:latest"));
        QCOMPARE(doc->at(0).sizeBytes, Q_INT64_C(4683075271));
        QCOMPARE(doc->at(0).family, QStringLiteral("qwen2"));
        QCOMPARE(doc->at(0).parameterSize, QStringLiteral("7.6B"));
        QCOMPARE(doc->at(0).quantization, QStringLiteral("Q4_K_M"));
        QCOMPARE(doc->at(1).sizeBytes, Q_INT64_C(2019393189));
        QCOMPARE(doc->at(1).modifiedAt,
                 QDateTime(QDate(2025, 5, 5), QTime(0, 37, 44, 706), Qt::UTC));
        QCOMPARE(Format::bytes(double(doc->at(0).sizeBytes)), QStringLiteral("4.4 GiB"));
        const auto real = ollama::OllamaParser::parseTags(
            fixture(QStringLiteral("ollama/api-tags.real.json")), &error);
        QVERIFY2(real, qPrintable(error));
        QCOMPARE(real->size(), 2);
        QCOMPARE(real->at(0).name, QStringLiteral("codellama:latest"));
        QCOMPARE(real->at(0).family, QStringLiteral("llama")); // families is null there
        QCOMPARE(real->at(0).parameterSize, QStringLiteral("7B"));
        QCOMPARE(real->at(0).quantization, QStringLiteral("Q4_0"));
        QCOMPARE(real->at(1).sizeBytes, Q_INT64_C(15628387569));
        QCOMPARE(real->at(1).parameterSize, QStringLiteral("27.2B"));
    }
    void ollamaPs()
    {
        QString error;
        const auto doc = ollama::OllamaParser::parsePs(
            fixture(QStringLiteral("ollama/api-ps.doc.json")), &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->size(), 1);
        QCOMPARE(doc->first().name, QStringLiteral("mistral:latest"));
        QCOMPARE(doc->first().sizeVramBytes, Q_INT64_C(5137025024));
        QCOMPARE(doc->first().processorText(), QStringLiteral("100% GPU"));
        QCOMPARE(doc->first().expiresAt,
                 QDateTime(QDate(2024, 6, 4), QTime(21, 38, 31, 837), Qt::UTC));
        QCOMPARE(doc->first().untilText(QDateTime::currentDateTimeUtc()),
                 QStringLiteral("stopping\u2026"));
        QCOMPARE(doc->first().contextLength, 0);

        const auto loaded = ollama::OllamaParser::parsePs(
            fixture(QStringLiteral("ollama/api-ps-loaded.real.json")), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->first().name, QStringLiteral("gemma3:latest"));
        QCOMPARE(loaded->first().sizeBytes, Q_INT64_C(5964735424));
        QCOMPARE(loaded->first().parameterSize, QStringLiteral("4.3B"));
        QCOMPARE(loaded->first().expiresAt,
                 QDateTime(QDate(2025, 8, 7), QTime(22, 7, 26, 817), Qt::UTC));
        const QDateTime before = loaded->first().expiresAt.addSecs(-300);
        QCOMPARE(loaded->first().untilText(before), QStringLiteral("in 5 min"));

        const auto partial = ollama::OllamaParser::parsePs(
            fixture(QStringLiteral("ollama/api-ps-partial-offload.doc.json")), &error);
        QVERIFY2(partial, qPrintable(error));
        QCOMPARE(partial->first().sizeBytes, Q_INT64_C(6591830464));
        QCOMPARE(partial->first().sizeVramBytes, Q_INT64_C(5333539264));
        QCOMPARE(partial->first().contextLength, 4096);
        QCOMPARE(partial->first().processorText(), QStringLiteral("19%/81% CPU/GPU"));
    }
    void ollamaMalformed()
    {
        QString error;
        const QByteArray tags = fixture(QStringLiteral("ollama/api-tags.doc.json"));
        QVERIFY(!ollama::OllamaParser::parseTags(tags.left(300), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Ollama /api/tags: line ")), qPrintable(error));
        QVERIFY(!ollama::OllamaParser::parsePs(R"j({"error":"model not found"})j", &error));
        QCOMPARE(error, QStringLiteral("Ollama /api/ps: model not found"));
        QVERIFY(!ollama::OllamaParser::parsePs(R"j({"models":[{"size":1}]})j", &error));
        QCOMPARE(error, QStringLiteral("Ollama /api/ps: a model has no name"));
        QVERIFY(ollama::OllamaParser::parsePs(R"j({"models":[]})j", &error)->isEmpty());
        QVERIFY(!ollama::OllamaParser::parsePs("[]", &error));
    }
};

QTEST_GUILESS_MAIN(TestComposeParsing)
#include "tst_composeparsing.moc"
