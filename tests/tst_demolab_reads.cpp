// The demo lab's Kubernetes API simulator over real HTTP, read like a
// client does: label and field selectors, lists paging with a stable
// resourceVersion, watches that replay, resume, bookmark, time out and
// expire, and pod logs (also followed).

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/apiclient.h"

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
using labdeck::test::nameOf;
using labdeck::test::rvOf;

class TestDemoLabReads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void selectors();
    void pagingIsConsistent();
    void watchReplaysAndResumes();
    void watchBookmarksAndTimeout();
    void compactedHistoryExpires();
    void logs();
    void logsFollow();

private:
    Inventory m_lab;
    std::unique_ptr<KubeSimulator> m_sim;
    std::unique_ptr<ApiClient> m_api;
};

void TestDemoLabReads::initTestCase()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    m_lab = *r.inventory;
}

void TestDemoLabReads::init()
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

void TestDemoLabReads::cleanup()
{
    m_api.reset();
    m_sim.reset();
}

void TestDemoLabReads::selectors()
{
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%3Dgrafana").items().size(), 1);
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%20in%20(grafana,loki)").items().size(), 2);
    QCOMPARE(
        m_api->get("/api/v1/namespaces/database/pods?labelSelector=app!%3Dredis").items().size(),
        1);
    const QJsonArray named =
        m_api->get("/api/v1/pods?fieldSelector=metadata.name%3Dredis-0").items();
    QCOMPARE(named.size(), 1);
    QCOMPARE(m_api->get("/api/v1/pods?fieldSelector=metadata.namespace%3Ddatabase").items().size(),
             2);
    for (const QJsonValue &v :
         m_api->get("/api/v1/pods?fieldSelector=spec.nodeName%3Dmetamon").items())
        QCOMPARE(v.toObject()["spec"].toObject()["nodeName"].toString(), QStringLiteral("metamon"));
    QCOMPARE(m_api->get("/api/v1/pods?fieldSelector=status.phase%3DRunning,spec.nodeName%3Dpikachu")
                 .items()
                 .size(),
             8); // 4 static pods, 2 CoreDNS, metrics-server, kube-proxy
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%20in%20(grafana").status, 400);
}

void TestDemoLabReads::pagingIsConsistent()
{
    QStringList expected;
    for (const QJsonValue &v : m_api->get("/api/v1/pods").items())
        expected << v.toObject()["metadata"].toObject()["namespace"].toString() + "/" +
                        nameOf(v.toObject());
    QVERIFY(expected.size() >= 19);

    QStringList seen;
    QString token;
    qint64 rv = -1;
    int pages = 0;
    do {
        const ApiResponse page = m_api->get("/api/v1/pods?limit=4" +
                                            (token.isEmpty() ? QString() : "&continue=" + token));
        QCOMPARE(page.status, 200);
        const QJsonObject meta = page.json()["metadata"].toObject();
        if (rv < 0)
            rv = meta["resourceVersion"].toString().toLongLong();
        QCOMPARE(meta["resourceVersion"].toString().toLongLong(),
                 rv); // one snapshot for every page
        QVERIFY(page.items().size() <= 4);
        for (const QJsonValue &v : page.items())
            seen << v.toObject()["metadata"].toObject()["namespace"].toString() + "/" +
                        nameOf(v.toObject());
        token = meta["continue"].toString();
        if (!token.isEmpty())
            QCOMPARE(meta["remainingItemCount"].toInteger(), qint64(expected.size() - seen.size()));
        // The world moves on between pages; the list does not.
        m_sim->modifyPods(3);
        if (pages == 1)
            QCOMPARE(
                m_api->del("/api/v1/namespaces/database/pods/redis-0?gracePeriodSeconds=0").status,
                200);
        ++pages;
    } while (!token.isEmpty());
    QVERIFY(m_sim->resourceVersion() > rv);
    QCOMPARE(pages, int((expected.size() + 3) / 4));
    QCOMPARE(seen, expected);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    // A token that is not one is refused.
    QCOMPARE(m_api->get("/api/v1/pods?limit=4&continue=bogus").status, 400);
}

void TestDemoLabReads::watchReplaysAndResumes()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments";
    const qint64 rv0 = rvOf(m_api->get(path + "/shlink").json());

    ApiStream first(
        *m_api,
        path +
            QString("?watch=1&resourceVersion=%1&fieldSelector=metadata.name%3Dshlink").arg(rv0));
    QTRY_COMPARE(first.status(), 200);
    const ApiResponse scaled =
        m_api->patch(path + "/shlink/scale", R"({"spec":{"replicas":2}})", kMergePatch);
    QCOMPARE(scaled.status, 200);
    QJsonObject modified;
    QTRY_VERIFY((modified = first.find("MODIFIED", [](const QJsonObject &o) {
                    return o["spec"].toObject()["replicas"].toInt() == 2;
                })).size() > 0);
    const QJsonObject object = modified["object"].toObject();
    QCOMPARE(object["kind"].toString(), QStringLiteral("Deployment"));
    QCOMPARE(object["apiVersion"].toString(), QStringLiteral("apps/v1"));
    const qint64 rvScaled = rvOf(object);
    QVERIFY(rvScaled > rv0);
    // The controller finishes the scale: readiness shows up in later events.
    QTRY_VERIFY(!first
                     .find("MODIFIED",
                           [](const QJsonObject &o) {
                               return o["status"].toObject()["readyReplicas"].toInt() == 2;
                           })
                     .isEmpty());
    qint64 last = 0;
    for (const QJsonObject &e : first.events()) {
        QVERIFY(rvOf(e["object"].toObject()) > last); // in order, no repeats
        last = rvOf(e["object"].toObject());
        QCOMPARE(nameOf(e["object"].toObject()), QStringLiteral("shlink"));
    }

    // Resuming from the scale's RV replays only what came after it.
    ApiStream resumed(*m_api, path + QString("?watch=true&resourceVersion=%1").arg(rvScaled));
    QTRY_VERIFY(!resumed
                     .find("MODIFIED",
                           [](const QJsonObject &o) {
                               return o["status"].toObject()["readyReplicas"].toInt() == 2;
                           })
                     .isEmpty());
    for (const QJsonObject &e : resumed.events())
        QVERIFY(rvOf(e["object"].toObject()) > rvScaled);

    // From the start again: history replays the scale itself.
    ApiStream replay(*m_api, path + QString("?watch=1&resourceVersion=%1").arg(rv0));
    QTRY_VERIFY(!replay.find("MODIFIED", [&](const QJsonObject &o) { return rvOf(o) == rvScaled; })
                     .isEmpty());

    // Without a resourceVersion the watch starts with the current state.
    ApiStream fresh(*m_api, "/api/v1/namespaces/database/pods?watch=1");
    QTRY_COMPARE(fresh.events().size(), 2);
    QCOMPARE(fresh.events().first()["type"].toString(), QStringLiteral("ADDED"));
}

void TestDemoLabReads::watchBookmarksAndTimeout()
{
    const qint64 rv = m_sim->resourceVersion();
    QElapsedTimer timer;
    timer.start();
    ApiStream w(
        *m_api,
        QString("/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=%1")
            .arg(rv));
    QTRY_VERIFY(!w.find("BOOKMARK", [](const QJsonObject &) { return true; }).isEmpty());
    const QJsonObject bookmark =
        w.find("BOOKMARK", [](const QJsonObject &) { return true; })["object"].toObject();
    QCOMPARE(bookmark["kind"].toString(), QStringLiteral("Pod"));
    QVERIFY(rvOf(bookmark) >= rv);
    QTRY_VERIFY_WITH_TIMEOUT(w.finished(), 5000);
    QVERIFY(timer.elapsed() >= 900);
}

void TestDemoLabReads::compactedHistoryExpires()
{
    const qint64 old = m_sim->resourceVersion();
    const ApiResponse firstPage = m_api->get("/api/v1/pods?limit=2");
    const QString token = firstPage.json()["metadata"].toObject()["continue"].toString();
    QVERIFY(!token.isEmpty());
    m_sim->modifyPods(5);
    m_sim->compactHistory();

    ApiStream expired(*m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(old));
    QTRY_VERIFY(expired.finished());
    QCOMPARE(expired.status(), 200);
    QCOMPARE(expired.events().size(), 1);
    const QJsonObject e = expired.events().first();
    QCOMPARE(e["type"].toString(), QStringLiteral("ERROR"));
    const QJsonObject status = e["object"].toObject();
    QCOMPARE(status["kind"].toString(), QStringLiteral("Status"));
    QCOMPARE(status["code"].toInt(), 410);
    QCOMPARE(status["reason"].toString(), QStringLiteral("Expired"));
    QVERIFY(status["message"].toString().startsWith("too old resource version: "));

    const ApiResponse stale = m_api->get("/api/v1/pods?limit=2&continue=" + token);
    QCOMPARE(stale.status, 410);
    QCOMPARE(stale.json()["reason"].toString(), QStringLiteral("Expired"));

    // A resourceVersion from the future (a client that talked to an earlier
    // run) gets the watch cache's "too large" error, as an event and on lists.
    const qint64 future = m_sim->resourceVersion() + 1000;
    ApiStream ahead(*m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(future));
    QTRY_VERIFY(ahead.finished());
    QCOMPARE(ahead.events().size(), 1);
    QCOMPARE(ahead.events().first()["object"].toObject()["code"].toInt(), 504);
    QCOMPARE(ahead.events()
                 .first()["object"]
                 .toObject()["details"]
                 .toObject()["causes"]
                 .toArray()
                 .first()
                 .toObject()["reason"]
                 .toString(),
             QStringLiteral("ResourceVersionTooLarge"));
    const ApiResponse listAhead =
        m_api->get(QString("/api/v1/pods?resourceVersion=%1").arg(future));
    QCOMPARE(listAhead.status, 504);
    QCOMPARE(listAhead.headers.value("retry-after"), QByteArray("1"));

    // A watch from now is fine and sees what happens next.
    ApiStream current(
        *m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(m_sim->resourceVersion()));
    QTRY_COMPARE(current.status(), 200);
    m_sim->modifyPods(1);
    QTRY_COMPARE(current.events().size(), 1);
    QCOMPARE(current.events().first()["type"].toString(), QStringLiteral("MODIFIED"));
}

void TestDemoLabReads::logs()
{
    const QString grafana =
        nameOf(m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana")
                   .items()
                   .first()
                   .toObject());
    const QString base = "/api/v1/namespaces/monitoring/pods/" + grafana + "/log";
    const ApiResponse noContainer = m_api->get(base);
    QCOMPARE(noContainer.status, 400);
    QCOMPARE(noContainer.json()["reason"].toString(), QStringLiteral("BadRequest"));
    QCOMPARE(noContainer.json()["message"].toString(),
             QString("a container name must be specified for pod %1, choose one of: [grafana "
                     "grafana-sc-dashboard]")
                 .arg(grafana));

    const ApiResponse tail = m_api->get(base + "?container=grafana&tailLines=5", "*/*");
    QCOMPARE(tail.status, 200);
    QVERIFY(tail.headers.value("content-type").startsWith("text/plain"));
    const QList<QByteArray> lines = tail.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.first().startsWith("logger="));

    const ApiResponse stamped =
        m_api->get(base + "?container=grafana-sc-dashboard&tailLines=3&timestamps=true", "*/*");
    const QList<QByteArray> stampedLines = stamped.body.trimmed().split('\n');
    QCOMPARE(stampedLines.size(), 3);
    static const QRegularExpression rfc3339(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z )");
    for (const QByteArray &l : stampedLines)
        QVERIFY2(rfc3339.match(QString::fromUtf8(l)).hasMatch(), l.constData());

    const ApiResponse all = m_api->get(base + "?container=grafana", "*/*");
    QVERIFY(all.body.split('\n').size() > 20);
    // One container: no name needed.
    const QString shlink =
        nameOf(m_api->get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dshlink")
                   .items()
                   .first()
                   .toObject());
    const ApiResponse single =
        m_api->get("/api/v1/namespaces/apps/pods/" + shlink + "/log?tailLines=2", "*/*");
    QCOMPARE(single.status, 200);
    QVERIFY(single.body.contains("Access.INFO"));
    QCOMPARE(m_api->get(base + "?container=nope").status, 400);
    QCOMPARE(m_api->get("/api/v1/namespaces/monitoring/pods/nope/log").status, 404);
}

void TestDemoLabReads::logsFollow()
{
    const QString postgres =
        "/api/v1/namespaces/database/pods/postgresql-0/log?follow=true&tailLines=1";
    ApiStream follow(*m_api, postgres);
    QTRY_COMPARE(follow.lines().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(follow.lines().size() >= 3, 5000);
    QVERIFY(follow.lines().last().contains("UTC ["));
    QVERIFY(!follow.finished());
    // Deleting the pod ends the stream.
    QCOMPARE(
        m_api->del("/api/v1/namespaces/database/pods/postgresql-0?gracePeriodSeconds=0").status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(follow.finished(), 5000);
}

QTEST_GUILESS_MAIN(TestDemoLabReads)
#include "tst_demolab_reads.moc"
