// Reflector edge cases against a scripted HTTP server, where the exact
// order of bytes matters: a watch that ends with many events still to apply
// and a 410 ERROR behind them lists again once, with no second request
// running beside the new LIST.

#include "kube/kubeclient.h"
#include "kube/reflector.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace labdeck;
using namespace labdeck::kube;

namespace {

// Answers LIST and WATCH of /api/v1/pods from a script; counts what it saw.
class ScriptedApi : public QObject
{
public:
    ScriptedApi()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    int lists = 0;
    QStringList watches; // the resourceVersion of each watch
    int eventsBeforeError = 20000;

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
        buffer.clear();
        const QUrl url(QString::fromLatin1(requestLine.split(' ').value(1)));
        const QUrlQuery q(url);
        if (q.queryItemValue(QStringLiteral("watch")) != QLatin1String("1")) {
            ++lists;
            // The first list is at 10; every later one at 20.
            const QByteArray rv = lists == 1 ? "10" : "20";
            const QByteArray body =
                R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":")" + rv +
                R"("},"items":[)" + pod("a", rv) + "]}";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: "
                     "close\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
            s->disconnectFromHost();
            return;
        }
        const QString from = q.queryItemValue(QStringLiteral("resourceVersion"));
        watches << from;
        if (from == QLatin1String("20"))
            return; // the watch after the relist: open and quiet
        // Thousands of changes and then the 410, all at once, and the end
        // of the stream: more than one slice of events is left to apply
        // when the reflector learns that the watch ended.
        QByteArray body;
        for (int i = 0; i < eventsBeforeError; ++i)
            body +=
                R"({"type":"MODIFIED","object":)" + pod("a", QByteArray::number(11 + i)) + "}\n";
        body +=
            R"json({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure",)json"
            R"json("message":"too old resource version: 10 (15)","reason":"Expired","code":410}})json"
            "\n";
        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
                 body);
        s->disconnectFromHost();
    }
    static QByteArray pod(const QByteArray &name, const QByteArray &rv)
    {
        return R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":")" + name +
               R"(","namespace":"apps","resourceVersion":")" + rv + R"("}})";
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestReflector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorBehindManyEventsRelistsOnce()
    {
        ScriptedApi api;
        QVERIFY(api.listen());
        StaticAuthenticator auth(QString(), QSslConfiguration::defaultConfiguration());
        KubeClient client(api.url(), &auth);
        Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
        reflector.setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        QSignalSpy started(&reflector, &Reflector::listStarted);
        QSignalSpy listed(&reflector, &Reflector::listed);
        int events = 0;
        connect(&reflector, &Reflector::events, this,
                [&](const QList<WatchEvent> &batch) { events += int(batch.size()); });
        reflector.start();
        QTRY_COMPARE_WITH_TIMEOUT(api.watches.size(), 2, 10000);
        QCOMPARE(api.watches, (QStringList{"10", "20"}));
        QCOMPARE(api.lists, 2);
        QCOMPARE(started.count(), 2);
        QCOMPARE(listed.count(), 2);
        QCOMPARE(reflector.resourceVersion(), QStringLiteral("20"));
        QCOMPARE(reflector.state(), Reflector::State::Watching);
        // Every event before the ERROR was handed out, in order.
        QCOMPARE(events, api.eventsBeforeError);
        // Bounded check that nothing else follows: no further list or watch
        // within 300 ms.
        QVERIFY(!QTest::qWaitFor([&] { return api.lists > 2 || api.watches.size() > 2; }, 300));
        QCOMPARE(api.lists, 2);
        QCOMPARE(api.watches.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestReflector)
#include "tst_reflector.moc"
