// OllamaClient and the Open WebUI probe against the loopback replay server
// serving the captured fixtures, and with Ollama down: a closed port, and a
// server that accepts and never answers (timeout).

#include "demolab/ollamareplay.h"
#include "ollama/ollamaclient.h"
#include "support/fixtures.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace labdeck;
using labdeck::test::fixture;

class TestOllamaClient : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void readsTheFixturesThroughHttp()
    {
        demolab::OllamaReplay replay;
        replay.setResponse(QStringLiteral("/api/version"),
                           fixture(QStringLiteral("ollama/api-version.doc.json")));
        replay.setResponse(QStringLiteral("/api/tags"),
                           fixture(QStringLiteral("ollama/api-tags.real.json")));
        replay.setResponse(QStringLiteral("/api/ps"),
                           fixture(QStringLiteral("ollama/api-ps-partial-offload.doc.json")));
        QVERIFY(replay.listen());
        ollama::OllamaClient client(&m_network, replay.url(), QStringLiteral("gpu-server"));
        QSignalSpy updated(&client, &ollama::OllamaClient::updated);
        client.refresh();
        QVERIFY(updated.wait());
        QVERIFY2(client.lastError().isEmpty(), qPrintable(client.lastError()));
        QCOMPARE(client.version(), QStringLiteral("0.5.1"));
        QCOMPARE(client.models().size(), 2);
        QCOMPARE(client.models().at(1).name, QStringLiteral("gemma2:27b"));
        QCOMPARE(client.models().at(1).sizeBytes, Q_INT64_C(15628387569));
        QCOMPARE(client.loaded().size(), 1);
        QCOMPARE(client.loaded().first().sizeVramBytes, Q_INT64_C(5333539264));
        QVERIFY(client.fetchedAt().isValid());
        QVERIFY(!client.isStale());
        QCOMPARE(replay.requestCount(QStringLiteral("/api/ps")), 1);
    }

    void demoResponsesKeepExpiryAhead()
    {
        demolab::OllamaReplay replay;
        const int vramMiB = replay.useDemoResponses();
        QCOMPARE(vramMiB, 5221);
        QVERIFY(replay.listen());
        ollama::OllamaClient client(&m_network, replay.url(), QStringLiteral("gpu-server"));
        QSignalSpy updated(&client, &ollama::OllamaClient::updated);
        client.refresh();
        QVERIFY(updated.wait());
        QVERIFY2(client.lastError().isEmpty(), qPrintable(client.lastError()));
        QCOMPARE(client.models().size(), 2);
        QCOMPARE(client.loaded().size(), 2);
        QCOMPARE(client.loaded().first().name, QStringLiteral("llama3.2:latest"));
        QCOMPARE(client.loaded().first().processorText(), QStringLiteral("100% GPU"));
        QCOMPARE(client.loaded().at(1).name, QStringLiteral("deepseek-r1:latest"));
        QCOMPARE(client.loaded().at(1).processorText(), QStringLiteral("59%/41% CPU/GPU"));
        QVERIFY(client.loaded().first().expiresAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(client.loaded().at(1).family, QStringLiteral("qwen2"));
    }

    void errorBodyIsReported()
    {
        demolab::OllamaReplay replay;
        replay.setResponse(QStringLiteral("/api/version"),
                           fixture(QStringLiteral("ollama/api-version.doc.json")));
        replay.setResponse(QStringLiteral("/api/tags"),
                           fixture(QStringLiteral("ollama/api-tags.doc.json")).left(200));
        replay.setResponse(QStringLiteral("/api/ps"), "{\"error\":\"server busy\"}", 500);
        QVERIFY(replay.listen());
        ollama::OllamaClient client(&m_network, replay.url(), QStringLiteral("gpu-server"));
        QSignalSpy failed(&client, &ollama::OllamaClient::failed);
        client.refresh();
        QVERIFY(failed.wait());
        const QString error = failed.first().first().toString();
        QVERIFY2(error.startsWith(QStringLiteral("gpu-server: Ollama /api/")), qPrintable(error));
        QVERIFY(client.isStale());
        QCOMPARE(client.version(), QStringLiteral("0.5.1")); // what did arrive is kept
    }

    void closedPortIsAClearError()
    {
        // A port nobody listens on: bind, note it, close.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(port);
        ollama::OllamaClient client(&m_network, url, QStringLiteral("gpu-server"));
        client.setTimeout(std::chrono::seconds(3));
        QSignalSpy failed(&client, &ollama::OllamaClient::failed);
        client.refresh();
        QVERIFY(failed.wait(5000));
        const QString error = failed.first().first().toString();
        QVERIFY2(error.startsWith(QStringLiteral("gpu-server: Ollama /api/")), qPrintable(error));
        QVERIFY2(error.contains(
                     QStringLiteral("connection refused at http://127.0.0.1:%1/api/").arg(port)),
                 qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("is the service running")));
        QVERIFY(client.isStale());

        ollama::WebUiProbe webui(&m_network, url, QStringLiteral("gpu-server"));
        QSignalSpy probed(&webui, &ollama::WebUiProbe::updated);
        webui.refresh();
        QVERIFY(probed.wait(5000));
        QCOMPARE(webui.health(), Health::Critical);
        QVERIFY2(webui.text().startsWith(
                     QStringLiteral("gpu-server: Open WebUI /health: connection refused")),
                 qPrintable(webui.text()));
    }

    void silentServerTimesOut()
    {
        // Accepts connections and never answers.
        QTcpServer silent;
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(silent.serverPort());
        ollama::OllamaClient client(&m_network, url, QStringLiteral("gpu-server"));
        client.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(&client, &ollama::OllamaClient::failed);
        client.refresh();
        QVERIFY(failed.wait(10000));
        const QString error = failed.first().first().toString();
        QVERIFY2(
            error.contains(
                QStringLiteral("no answer from http://127.0.0.1:%1/api/").arg(silent.serverPort())),
            qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("within 0.3 s")), qPrintable(error));
        QVERIFY(!held.isEmpty());
    }

    void webUiHealthy()
    {
        demolab::OllamaReplay replay;
        QVERIFY(replay.listen());
        ollama::WebUiProbe webui(&m_network, replay.url(), QStringLiteral("gpu-server"));
        QSignalSpy probed(&webui, &ollama::WebUiProbe::updated);
        webui.refresh();
        QVERIFY(probed.wait());
        QCOMPARE(webui.health(), Health::Ok);
        QCOMPARE(webui.text(), QStringLiteral("HTTP 200"));
        QCOMPARE(replay.requestCount(QStringLiteral("/health")), 1);
        QVERIFY(webui.checkedAt().isValid());
    }
};

QTEST_GUILESS_MAIN(TestOllamaClient)
#include "tst_ollamaclient.moc"
