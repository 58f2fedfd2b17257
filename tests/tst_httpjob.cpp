// HttpJob against a loopback QTcpServer in the test: a good reply, the body
// cap, the inactivity timeout, the overall deadline against a trickling
// server, the per-line cap of a stream, and the words of a failed reply.

#include "common/httpjob.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

using namespace labdeck;
using namespace std::chrono_literals;

namespace {

// Accepts connections, waits for a whole request head, then hands the
// socket to `answer`. Sockets stay open until the server goes.
class LoopbackServer : public QObject
{
public:
    using Answer = std::function<void(QTcpSocket *)>;

    explicit LoopbackServer(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                auto head = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, this, [this, s, head] {
                    if (head->endsWith("\r\n\r\n"))
                        return;
                    *head += s->readAll();
                    if (head->contains("\r\n\r\n")) {
                        *head = "\r\n\r\n";
                        m_answer(s);
                    }
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/")) const
    {
        QUrl u(QStringLiteral("http://127.0.0.1"));
        u.setPort(m_server.serverPort());
        u.setPath(path);
        return u;
    }

private:
    QTcpServer m_server;
    Answer m_answer;
};

QByteArray response(int status, const QByteArray &body, const QByteArray &reason = "OK")
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

const HttpAsk kAsk{QStringLiteral("lab-host"), QStringLiteral("Thing /x"),
                   QStringLiteral("thing.url in the inventory")};

HttpResult waitFor(HttpJob *job, int timeoutMs = 10000)
{
    QSignalSpy spy(job, &HttpJob::finished);
    job->start();
    if (!spy.wait(timeoutMs))
        qFatal("the job did not finish");
    return spy.first().first().value<HttpResult>();
}

} // namespace

class TestHttpJob : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<HttpResult>(); }

    void successfulReply()
    {
        LoopbackServer server([](QTcpSocket *s) { s->write(response(200, "hello")); });
        QVERIFY(server.listen());
        auto *job =
            new HttpJob(&m_network, QNetworkRequest(server.url(QStringLiteral("/x"))), kAsk);
        QPointer<HttpJob> guard(job);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const HttpResult r = waitFor(job);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.body, QByteArray("hello"));
        QVERIFY(r.errorText.isEmpty());
        QVERIFY(!r.timedOut);
        QVERIFY(r.receivedAt >= before);
        QCOMPARE(r.receivedAt.timeSpec(), Qt::UTC);
        QCOMPARE(describeHttpFailure(r, kAsk), QString());
        QTRY_VERIFY(!guard); // deletes itself after finishing
    }

    void bodyCapExceeded()
    {
        LoopbackServer server(
            [](QTcpSocket *s) { s->write(response(200, QByteArray(2 * 1024 * 1024 + 10, 'x'))); });
        QVERIFY(server.listen());
        auto *job =
            new HttpJob(&m_network, QNetworkRequest(server.url(QStringLiteral("/x"))), kAsk);
        job->setBodyCap(1024 * 1024);
        const HttpResult r = waitFor(job);
        QCOMPARE(r.status, HttpResult::Status::TooLarge);
        QCOMPARE(r.capBytes, 1024 * 1024);
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.timedOut);
        QVERIFY2(
            r.errorText.startsWith(QStringLiteral("lab-host: Thing /x: reply larger than 1 MiB")),
            qPrintable(r.errorText));
    }

    void defaultCapIsEightMiB()
    {
        LoopbackServer server(
            [](QTcpSocket *s) { s->write(response(200, QByteArray(8 * 1024 * 1024 + 1, 'x'))); });
        QVERIFY(server.listen());
        auto *job = new HttpJob(&m_network, QNetworkRequest(server.url()), kAsk);
        const HttpResult r = waitFor(job, 30000);
        QCOMPARE(r.status, HttpResult::Status::TooLarge);
        QVERIFY2(r.errorText.contains(QStringLiteral("reply larger than 8 MiB")),
                 qPrintable(r.errorText));
    }

    void inactivityTimeout()
    {
        LoopbackServer server([](QTcpSocket *) {}); // reads the request, never answers
        QVERIFY(server.listen());
        auto *job =
            new HttpJob(&m_network, QNetworkRequest(server.url(QStringLiteral("/x"))), kAsk);
        job->setInactivityTimeout(300ms);
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = waitFor(job);
        QCOMPARE(r.status, HttpResult::Status::InactivityTimeout);
        QVERIFY(r.timedOut);
        QCOMPARE(r.httpStatus, 0);
        QCOMPARE(r.limit, 300ms);
        QVERIFY(timer.elapsed() >= 250);
        QVERIFY2(r.errorText.contains(QStringLiteral("no answer from %1 within 0.3 s")
                                          .arg(server.url(QStringLiteral("/x")).toString())),
                 qPrintable(r.errorText));
    }

    void deadlineAgainstATrickle()
    {
        // Headers, then one byte every 100 ms: never silent long enough for
        // the inactivity timeout, so only the deadline ends it.
        QTimer trickle;
        QList<QPointer<QTcpSocket>> sockets;
        LoopbackServer server([&](QTcpSocket *s) {
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            sockets << s;
        });
        connect(&trickle, &QTimer::timeout, this, [&] {
            for (const auto &s : sockets)
                if (s)
                    s->write("x");
        });
        trickle.start(100);
        QVERIFY(server.listen());
        auto *job =
            new HttpJob(&m_network, QNetworkRequest(server.url(QStringLiteral("/x"))), kAsk);
        job->setInactivityTimeout(2s);
        job->setDeadline(700ms);
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = waitFor(job);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(r.status, HttpResult::Status::DeadlineExceeded);
        QVERIFY(r.timedOut);
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.limit, 700ms);
        QVERIFY2(elapsed >= 650 && elapsed < 2000, qPrintable(QString::number(elapsed)));
        QVERIFY2(r.errorText.contains(QStringLiteral("did not end within 0.7 s")),
                 qPrintable(r.errorText));
    }

    void streamDeliversLines()
    {
        LoopbackServer server([](QTcpSocket *s) { s->write(response(200, "one\ntwo\r\nlast")); });
        QVERIFY(server.listen());
        auto *job = new HttpJob(&m_network, QNetworkRequest(server.url()), kAsk);
        job->setStreaming(1024);
        QList<QByteArray> lines;
        connect(job, &HttpJob::lineReceived, this, [&](const QByteArray &l) { lines << l; });
        const HttpResult r = waitFor(job);
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(lines, (QList<QByteArray>{"one", "two\r", "last"}));
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.streaming);
    }

    void streamLineCap()
    {
        LoopbackServer server([](QTcpSocket *s) {
            s->write(response(200, "short\n" + QByteArray(5000, 'y') + "\nafter\n"));
        });
        QVERIFY(server.listen());
        auto *job =
            new HttpJob(&m_network, QNetworkRequest(server.url(QStringLiteral("/w"))), kAsk);
        job->setStreaming(1024);
        job->setBodyCap(1); // not used for a stream's lines
        QList<QByteArray> lines;
        connect(job, &HttpJob::lineReceived, this, [&](const QByteArray &l) { lines << l; });
        const HttpResult r = waitFor(job);
        QCOMPARE(r.status, HttpResult::Status::TooLarge);
        QCOMPARE(r.capBytes, 1024);
        QCOMPARE(lines, QList<QByteArray>{"short"});
        QVERIFY2(r.errorText.startsWith(
                     QStringLiteral("lab-host: Thing /x: a line longer than 1 KiB from %1")
                         .arg(server.url(QStringLiteral("/w")).toString())),
                 qPrintable(r.errorText));
    }

    void abortEmitsNothing()
    {
        LoopbackServer server([](QTcpSocket *) {});
        QVERIFY(server.listen());
        auto *job = new HttpJob(&m_network, QNetworkRequest(server.url()), kAsk);
        QPointer<HttpJob> guard(job);
        QSignalSpy spy(job, &HttpJob::finished);
        job->setInactivityTimeout(200ms);
        job->start();
        job->abort();
        QTRY_VERIFY(!guard);
        // Longer than the inactivity timeout: a timed-out reply would have ended by now.
        QVERIFY(!spy.wait(400));
        QCOMPARE(spy.count(), 0);
    }

    void failedReplyWords()
    {
        // Connection refused: a port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl url(QStringLiteral("http://user:secret@127.0.0.1/api/thing?token=abc"));
        const quint16 closedPort = probe.serverPort();
        url.setPort(closedPort);
        probe.close();
        auto *job = new HttpJob(&m_network, QNetworkRequest(url), kAsk);
        const HttpResult r = waitFor(job);
        QCOMPARE(r.status, HttpResult::Status::NetworkError);
        QCOMPARE(r.networkError, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(r.errorText,
                 QStringLiteral("lab-host: Thing /x: connection refused at "
                                "http://127.0.0.1:%1/api/thing; is the service running and "
                                "listening there?")
                     .arg(closedPort));
        QVERIFY(!r.errorText.contains(QStringLiteral("secret"))); // no user info, no query
        QVERIFY(!r.errorText.contains(QStringLiteral("token")));

        // An HTTP error: its status, a piece of its body and what to try.
        LoopbackServer busy([](QTcpSocket *s) {
            s->write(response(503, "{\"error\":\"server busy\"}", "Service Unavailable"));
        });
        QVERIFY(busy.listen());
        auto *job2 = new HttpJob(&m_network, QNetworkRequest(busy.url(QStringLiteral("/x"))), kAsk);
        const HttpResult r2 = waitFor(job2);
        QCOMPARE(r2.status, HttpResult::Status::HttpError);
        QCOMPARE(r2.httpStatus, 503);
        QCOMPARE(r2.body, QByteArray("{\"error\":\"server busy\"}"));
        QCOMPARE(r2.errorText, QStringLiteral("lab-host: Thing /x: HTTP 503 from %1: "
                                              "{\"error\":\"server busy\"}; the server is busy, "
                                              "try again later.")
                                   .arg(busy.url(QStringLiteral("/x")).toString()));

        // Built by hand: a name that does not resolve names the setting.
        HttpResult unresolved;
        unresolved.url = QUrl(QStringLiteral("http://nowhere.invalid:9090/api"));
        unresolved.networkError = QNetworkReply::HostNotFoundError;
        QCOMPARE(describeHttpFailure(unresolved, kAsk),
                 QStringLiteral("lab-host: Thing /x: the host name of "
                                "http://nowhere.invalid:9090/api does not resolve; check "
                                "thing.url in the inventory, the DNS or Tailscale."));
        HttpResult notFound;
        notFound.status = HttpResult::Status::HttpError;
        notFound.httpStatus = 404;
        notFound.url = QUrl(QStringLiteral("http://h/x"));
        notFound.body = "nothing\x1b[2J here\n";
        QCOMPARE(describeHttpFailure(notFound, kAsk),
                 QStringLiteral("lab-host: Thing /x: HTTP 404 from http://h/x: nothing\\x1b[2J "
                                "here; check the address and the path."));
    }
};

QTEST_GUILESS_MAIN(TestHttpJob)
#include "tst_httpjob.moc"
