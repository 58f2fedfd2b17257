// The demo lab's Kubernetes API simulator as a server: injected failures,
// the kubeconfig it writes, TLS with client certificates (a throwaway test
// CA), running on its own QThread (tests/support/simharness), and 10,000
// pods listed, paged and watched.

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/apiclient.h"
#include "support/fixtures.h"
#include "support/simharness.h"
#include "support/testpki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <memory>

using namespace labdeck;
using namespace labdeck::demolab;
using namespace std::chrono_literals;
using labdeck::test::ApiClient;
using labdeck::test::ApiResponse;
using labdeck::test::ApiStream;
using labdeck::test::kMergePatch;
using labdeck::test::makePki;
using labdeck::test::Pki;
using labdeck::test::readFile;
using labdeck::test::rvOf;
using labdeck::test::SimHarness;

class TestDemoLabServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void injectedFailures();
    void kubeconfig();
    void httpsWithClientCertificates();
    void runsInItsOwnThread();
    void tenThousandPods();

private:
    Inventory m_lab;
    std::unique_ptr<KubeSimulator> m_sim;
    std::unique_ptr<ApiClient> m_api;
};

void TestDemoLabServer::initTestCase()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    m_lab = *r.inventory;
}

void TestDemoLabServer::init()
{
    m_sim = std::make_unique<KubeSimulator>(m_lab);
    m_sim->setReadyDelay(50ms);
    m_sim->setBookmarkInterval(200ms);
    QVERIFY(m_sim->listen());
    QCOMPARE(m_sim->url().scheme(), QStringLiteral("http"));
    QCOMPARE(m_sim->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!m_sim->bearerToken().isEmpty());
    m_api = std::make_unique<ApiClient>(m_sim->url(), m_sim->bearerToken());
}

void TestDemoLabServer::cleanup()
{
    m_api.reset();
    m_sim.reset();
}

void TestDemoLabServer::injectedFailures()
{
    m_sim->injectFailures(1, 500);
    const ApiResponse failed = m_api->get("/api/v1/nodes");
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.json()["reason"].toString(), QStringLiteral("InternalError"));
    QCOMPARE(failed.json()["kind"].toString(), QStringLiteral("Status"));
    QCOMPARE(m_api->get("/api/v1/nodes").status, 200);

    m_sim->injectFailures(2, 429, 3, "/api/v1/pods");
    QCOMPARE(m_api->get("/api/v1/nodes").status, 200); // another path: not counted
    for (int i = 0; i < 2; ++i) {
        const ApiResponse limited = m_api->get("/api/v1/pods");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.headers.value("retry-after"), QByteArray("3"));
        QCOMPARE(limited.json()["reason"].toString(), QStringLiteral("TooManyRequests"));
        QCOMPARE(limited.json()["details"].toObject()["retryAfterSeconds"].toInt(), 3);
    }
    QCOMPARE(m_api->get("/api/v1/pods").status, 200);
}

void TestDemoLabServer::kubeconfig()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("config");
    QString error;
    QVERIFY2(m_sim->writeKubeconfig(path, &error), qPrintable(error));
    const QByteArray text = readFile(path);
    QVERIFY(text.contains("server: \"" + m_sim->url().toString().toUtf8() + "\""));
    QVERIFY(text.contains(m_sim->bearerToken().toUtf8()));
    QVERIFY(text.contains("current-context: labdeck-demo"));
    QVERIFY(text.contains("namespace: default"));
    QVERIFY(!text.contains("certificate-authority-data"));
    QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    KubeSimulator notListening(m_lab);
    QVERIFY(!notListening.writeKubeconfig(dir.filePath("other"), &error));
    QVERIFY(!error.isEmpty());
}

void TestDemoLabServer::httpsWithClientCertificates()
{
    if (QStandardPaths::findExecutable("openssl").isEmpty())
        QSKIP("openssl is not installed; it makes the test CA");
    QTemporaryDir dir;
    Pki pki;
    QString error;
    QVERIFY2(makePki(dir.path(), &pki, &error), qPrintable(error));

    KubeSimulator secure(m_lab);
    KubeSimulator::Tls tls;
    tls.certificate = pki.server;
    tls.key = pki.serverKey;
    tls.caCertificates = {pki.ca};
    tls.requireClientCertificate = true;
    QVERIFY(secure.listenTls(tls));
    QCOMPARE(secure.url().scheme(), QStringLiteral("https"));

    QSslConfiguration trusted = QSslConfiguration::defaultConfiguration();
    trusted.setCaCertificates({pki.ca});
    trusted.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslConfiguration withCert = trusted;
    withCert.setLocalCertificate(pki.client);
    withCert.setPrivateKey(pki.clientKey);

    // The right client certificate is enough; no token needed.
    ApiClient good(secure.url(), QString());
    good.setSsl(withCert);
    const ApiResponse ok = good.get("/api/v1/nodes");
    QVERIFY2(ok.status == 200, qPrintable(QString::number(int(ok.error))));
    QCOMPARE(ok.items().size(), 3);

    // Without a certificate the handshake fails.
    ApiClient noCert(secure.url(), secure.bearerToken());
    noCert.setSsl(trusted);
    const ApiResponse refused = noCert.get("/api/v1/nodes");
    QCOMPARE(refused.status, 0);
    QVERIFY(refused.error != QNetworkReply::NoError);

    // A client that trusts another CA refuses us.
    QSslConfiguration wrongCa = withCert;
    wrongCa.setCaCertificates({pki.otherCa});
    ApiClient suspicious(secure.url(), secure.bearerToken());
    suspicious.setSsl(wrongCa);
    const ApiResponse untrusted = suspicious.get("/api/v1/nodes");
    QCOMPARE(untrusted.status, 0);
    QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);

    // Without client certificates required the token works, and the kubeconfig carries the CA.
    KubeSimulator tokenOnly(m_lab);
    KubeSimulator::Tls plainTls;
    plainTls.certificate = pki.server;
    plainTls.key = pki.serverKey;
    plainTls.caCertificates = {pki.ca};
    QVERIFY(tokenOnly.listenTls(plainTls));
    ApiClient withToken(tokenOnly.url(), tokenOnly.bearerToken());
    withToken.setSsl(trusted);
    QCOMPARE(withToken.get("/api/v1/namespaces").status, 200);
    withToken.setToken("nope");
    QCOMPARE(withToken.get("/api/v1/namespaces").status, 401);
    QVERIFY(tokenOnly.writeKubeconfig(dir.filePath("kubeconfig")));
    QVERIFY(readFile(dir.filePath("kubeconfig"))
                .contains("certificate-authority-data: " + pki.ca.toPem().toBase64()));
}

void TestDemoLabServer::runsInItsOwnThread()
{
    SimHarness harness(m_lab);
    KubeSimulator *sim = harness.sim();
    QVERIFY(sim->thread() != QThread::currentThread());
    QSignalSpy served(sim, &KubeSimulator::requestServed);
    QVERIFY(harness.listen());
    harness.onSim([sim] { sim->setReadyDelay(30ms); });

    ApiClient client(sim->url(), sim->bearerToken());
    QCOMPARE(client.get("/api/v1/nodes").items().size(), 3);
    // Controllers and timers run on the simulator's thread.
    QCOMPARE(client
                 .patch("/apis/apps/v1/namespaces/apps/deployments/shlink/scale",
                        R"({"spec":{"replicas":2}})", kMergePatch)
                 .status,
             200);
    QTRY_COMPARE(client.get("/apis/apps/v1/namespaces/apps/deployments/shlink")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 2);
    QVERIFY(sim->resourceVersion() > 0);
    QTRY_VERIFY(served.size() >= 3);
    QCOMPARE(served.first().at(1).toString(), QStringLiteral("/api/v1/nodes"));
    QVERIFY(harness.stop());
}

void TestDemoLabServer::tenThousandPods()
{
    QElapsedTimer timer;
    timer.start();
    m_sim->addBulkPods(10000);
    const qint64 addMs = timer.restart();

    const ApiResponse all = m_api->get("/api/v1/pods");
    const qint64 listMs = timer.restart();
    QCOMPARE(all.status, 200);
    const QJsonArray items = all.items();
    QVERIFY(items.size() >= 10019);
    QSet<QString> nodes;
    for (const QJsonValue &v : items) {
        if (v.toObject()["metadata"].toObject()["namespace"] == "bulk")
            nodes.insert(v.toObject()["spec"].toObject()["nodeName"].toString());
    }
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(m_api->get("/api/v1/namespaces/bulk/pods?labelSelector=labdeck.io/shard%3D7")
                 .items()
                 .size(),
             1000);

    // Paged like client-go's pager.
    int paged = 0;
    QString token;
    do {
        const ApiResponse page = m_api->get("/api/v1/pods?limit=500" +
                                            (token.isEmpty() ? QString() : "&continue=" + token));
        paged += page.items().size();
        token = page.json()["metadata"].toObject()["continue"].toString();
    } while (!token.isEmpty());
    QCOMPARE(paged, items.size());
    const qint64 pagedMs = timer.restart();

    // A watch keeps up with a burst of changes, even one longer than the
    // event history (20,000): events a live watch still has to send stay.
    const qint64 beforeBurst = m_sim->resourceVersion();
    ApiStream w(
        *m_api,
        QString("/api/v1/namespaces/bulk/pods?watch=1&resourceVersion=%1").arg(beforeBurst));
    QTRY_COMPARE(w.status(), 200);
    timer.restart();
    m_sim->modifyPods(21000);
    const qint64 modifyMs = timer.restart();
    QTRY_COMPARE_WITH_TIMEOUT(w.lines().size(), 21000, 60000);
    const qint64 watchMs = timer.restart();
    QCOMPARE(w.events().last()["type"].toString(), QStringLiteral("MODIFIED"));
    QCOMPARE(rvOf(w.events().last()["object"].toObject()), m_sim->resourceVersion());
    qInfo("10k pods: add %lld ms, full list %lld ms (%lld bytes), paged list %lld ms, 21000 "
          "modifications %lld ms, "
          "watch delivery %lld ms",
          addMs, listMs, qint64(all.body.size()), pagedMs, modifyMs, watchMs);
    // Once drained, the history is trimmed: a new watch from before the burst expires.
    m_sim->modifyPods(1);
    ApiStream late(
        *m_api,
        QString("/api/v1/namespaces/bulk/pods?watch=1&resourceVersion=%1").arg(beforeBurst));
    QTRY_VERIFY(late.finished());
    QCOMPARE(late.events().size(), 1);
    QCOMPARE(late.events().first()["object"].toObject()["code"].toInt(), 410);
    QVERIFY(listMs < 15000);
}

QTEST_GUILESS_MAIN(TestDemoLabServer)
#include "tst_demolab_server.moc"
