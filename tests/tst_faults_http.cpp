// Faults of a Kubernetes API server, against a misbehaving HTTPS server in
// the test (tests/support/faultserver) and Labdeck's real path to it:
// KubeClient -> HttpJob -> QNetworkAccessManager, Reflector for watches,
// PodModel for what the user sees. A watch line of 100 MB, a plain reply of
// 1 GB, a reply that trickles a byte a second and a connection reset in the
// middle of a watch event each end with a clear error that names the server
// and the limit, with memory bounded, the connection dropped early and no
// half-received event applied.

#include "kube/kubeclient.h"
#include "kube/podlogstream.h"
#include "kube/reflector.h"
#include "kubemodels.h"
#include "support/faultserver.h"
#include "support/testpki.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMap>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using namespace labdeck::kube;
using namespace std::chrono_literals;
using labdeck::test::FaultConnection;
using labdeck::test::FaultServer;
using labdeck::test::MemoryUse;

// Under AddressSanitizer freed memory sits in its quarantine and every
// allocation has red zones, so the peak resident set says nothing about what
// the code keeps; the caps and the early hang-up are still checked there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPeakMemoryMeaningful = false;
#else
constexpr bool kPeakMemoryMeaningful = true;
#endif

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kLineCap = HttpJob::kDefaultBodyCap; // a watch event, 8 MiB
constexpr qint64 kListCap = 64 * kMiB;                // a plain reply (a page of a list)

const QByteArray kEventStart = "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"";
const QByteArray kExpired =
    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"too old "
    "resource version: 4 (6)\",\"reason\":\"Expired\",\"code\":410}";

KubeResponse await(KubeCall *call, int timeoutMs)
{
    KubeResponse result;
    bool done = false;
    QObject::connect(call, &KubeCall::finished, call, [&](const KubeResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        result.errorText = QStringLiteral("test: no answer within %1 ms").arg(timeoutMs);
    return result;
}

bool isWatch(const FaultConnection::Request &r)
{
    return r.query().queryItemValue(QStringLiteral("watch")) == QLatin1String("1");
}

// The pods a scripted API server holds, with the history of its changes so
// that a watch can resume from any resourceVersion it still remembers.
class PodStore
{
public:
    struct Pod
    {
        QString phase;
        QString node;
        qint64 rv = 0;
    };
    struct Change
    {
        QByteArray type; // ADDED, MODIFIED, DELETED
        QString name;
        Pod pod;
    };

    void put(const QString &name, const QString &phase, const QString &node)
    {
        const QByteArray type = m_pods.contains(name) ? "MODIFIED" : "ADDED";
        Pod p{phase, node, ++m_rv};
        m_pods.insert(name, p);
        m_history << Change{type, name, p};
    }
    void remove(const QString &name)
    {
        Pod p = m_pods.take(name);
        p.rv = ++m_rv;
        m_history << Change{"DELETED", name, p};
    }
    // Forgets the history up to now: a watch from an older version gets 410.
    void compact() { m_compactedTo = m_rv; }

    [[nodiscard]] qint64 rv() const { return m_rv; }
    [[nodiscard]] qint64 compactedTo() const { return m_compactedTo; }

    static QByteArray podJson(const QString &name, const Pod &p)
    {
        return QStringLiteral(R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"%1",)"
                              R"("namespace":"apps","uid":"uid-%1","resourceVersion":"%2"},)"
                              R"("spec":{"nodeName":"%3"},"status":{"phase":"%4"}})")
            .arg(name)
            .arg(p.rv)
            .arg(p.node, p.phase)
            .toUtf8();
    }
    [[nodiscard]] QByteArray list() const
    {
        QByteArrayList items;
        for (auto it = m_pods.cbegin(); it != m_pods.cend(); ++it)
            items << podJson(it.key(), it.value());
        return R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":")" +
               QByteArray::number(m_rv) + R"("},"items":[)" + items.join(',') + "]}";
    }
    // The events after `from`, one line each.
    [[nodiscard]] QByteArrayList eventsAfter(qint64 from) const
    {
        QByteArrayList out;
        for (const Change &c : m_history)
            if (c.pod.rv > from)
                out << R"({"type":")" + c.type + R"(","object":)" + podJson(c.name, c.pod) + "}\n";
        return out;
    }
    // "apps/a Running node-1" for each pod, sorted: what a model must show.
    [[nodiscard]] QStringList describe() const
    {
        QStringList out;
        for (auto it = m_pods.cbegin(); it != m_pods.cend(); ++it)
            out << QStringLiteral("apps/%1 %2 %3").arg(it.key(), it->phase, it->node);
        out.sort();
        return out;
    }

private:
    QMap<QString, Pod> m_pods;
    QList<Change> m_history;
    qint64 m_rv = 0;
    qint64 m_compactedTo = 0;
};

QStringList describe(const PodModel &model)
{
    QStringList out;
    for (const PodInfo &p : model.rows())
        out << QStringLiteral("%1/%2 %3 %4").arg(p.ns, p.name, p.phase, p.nodeName);
    out.sort();
    return out;
}

// A reflector feeding a PodModel the way ClusterModels wires them.
void follow(Reflector *reflector, PodModel *model)
{
    QObject::connect(reflector, &Reflector::listStarted, model, &PodModel::beginList);
    QObject::connect(reflector, &Reflector::listPage, model, &PodModel::addListPage);
    QObject::connect(reflector, &Reflector::listed, model, [model] { model->endList(); });
    QObject::connect(reflector, &Reflector::events, model, &PodModel::applyEvents);
}

} // namespace

class TestFaultsHttp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    test::Pki m_pki;
    const QString m_token = QStringLiteral("fault-test-token");

    [[nodiscard]] QSslConfiguration trusting() const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({m_pki.ca});
        return ssl;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<KubeResponse>();
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(test::makePki(m_tmp.path(), &m_pki, &error), qPrintable(error));
    }

    // 100 MB without a newline on a watch: the watch fails at the line cap
    // with words that name the cap and the server, the client never holds
    // much more than the cap, and it drops the connection long before the
    // 100 MB were sent.
    void watchLineOverCap()
    {
        constexpr qint64 kLine = 100 * 1000 * 1000;
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        PodStore pods;
        pods.put(QStringLiteral("a"), QStringLiteral("Running"), QStringLiteral("node-1"));
        QPointer<FaultConnection> watchConnection;
        bool peakReset = false;
        MemoryUse before;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &r) {
            QCOMPARE(r.headers.value("authorization"), "Bearer " + m_token.toUtf8());
            if (!isWatch(r)) {
                c->write(FaultServer::json(pods.list()));
                return;
            }
            watchConnection = c;
            // Measured from here: the LIST, the handshakes and the stream's own
            // connection are not what the cap is about.
            peakReset = MemoryUse::resetPeak();
            before = MemoryUse::now();
            c->stream(
                FaultServer::streamHead(), kLine,
                [](qint64 offset, qint64 size) {
                    QByteArray bytes(size, 'x');
                    if (offset == 0)
                        bytes.replace(0, kEventStart.size(), kEventStart);
                    return bytes;
                },
                {}, true);
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
        reflector.setBackoff(60s, 60s); // one watch only: no retry within the test
        QSignalSpy listed(&reflector, &Reflector::listed);
        QSignalSpy events(&reflector, &Reflector::events);

        reflector.start();
        QTRY_VERIFY_WITH_TIMEOUT(reflector.state() == Reflector::State::Backoff, 30000);
        const MemoryUse after = MemoryUse::now();
        QVERIFY(before.resident > 0);

        QCOMPARE(listed.count(), 1);
        QCOMPARE(events.count(), 0); // the line never became an event
        QCOMPARE(reflector.lastVerb(), QStringLiteral("watch"));
        const QString error = reflector.lastError();
        const QString host = server.url().authority();
        QVERIFY2(error.contains(QStringLiteral("a line longer than 8 MiB")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Kubernetes API at %1").arg(host)),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("GET /api/v1/pods")), qPrintable(error));
        QVERIFY2(!error.contains(m_token), qPrintable(error));

        // Bounded memory: the peak resident set grew by less than twice the
        // cap (the line held while its cap is checked, TLS buffers, Qt's read
        // buffer), not by the 100 MB the server offered. About 13 MiB here;
        // without a read buffer on the reply, Qt's HTTP thread queues what
        // it reads for this thread and the peak passes 20 MiB.
        const qint64 growth = after.peak - before.resident;
        qInfo("peak grew by %.1f MiB (peak reset: %s)", double(growth) / kMiB,
              peakReset ? "yes" : "no, measured from the start");
        if (kPeakMemoryMeaningful)
            QVERIFY2(growth < 2 * kLineCap, qPrintable(QString::number(double(growth) / kMiB)));

        // The client hung up early.
        QVERIFY(watchConnection);
        QTRY_VERIFY_WITH_TIMEOUT(watchConnection->closedByPeer(), 10000);
        QVERIFY2(watchConnection->sentWhenClosed() < 3 * kLineCap,
                 qPrintable(QString::number(watchConnection->sentWhenClosed())));
    }

    // A plain GET whose answer announces 1 GB (Content-Length): refused at
    // its head, naming the cap and the server; the client closes the
    // connection before the body has really begun.
    void plainReplyAnnouncedOverCap()
    {
        constexpr qint64 kBody = 1024 * kMiB;
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        QPointer<FaultConnection> connection;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &) {
            connection = c;
            c->stream(FaultServer::jsonHead(kBody), kBody,
                      [](qint64, qint64 size) { return QByteArray(size, ' '); });
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/pods")), 45000);

        QVERIFY(!r.ok());
        QVERIFY(!r.timedOut);
        QVERIFY(r.body.isEmpty());
        const QString host = server.url().authority();
        QVERIFY2(r.errorText.contains(QStringLiteral("reply larger than 64 MiB")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("Kubernetes API at %1").arg(host)),
                 qPrintable(r.errorText));
        QVERIFY(connection);
        QTRY_VERIFY_WITH_TIMEOUT(connection->closedByPeer(), 10000);
        const qint64 sent = connection->sentWhenClosed();
        qInfo("the server had sent %.1f MiB when the client closed", double(sent) / kMiB);
        QVERIFY2(sent < 16 * kMiB, qPrintable(QString::number(sent)));
    }

    // A plain GET answered with 1 GB of chunks (no length said up front):
    // the call fails at the 64 MiB body cap, naming it and the server, and
    // the client closes the connection when the cap is passed, not after the
    // whole gigabyte. Memory grows by less than three times the cap.
    void plainReplyStreamedOverCap()
    {
        constexpr qint64 kBody = 1024 * kMiB;
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        QPointer<FaultConnection> connection;
        bool peakReset = false;
        MemoryUse before;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &) {
            connection = c;
            peakReset = MemoryUse::resetPeak();
            before = MemoryUse::now();
            c->stream(
                FaultServer::streamHead(), kBody,
                [](qint64, qint64 size) { return QByteArray(size, ' '); }, {}, true);
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        QElapsedTimer clock;
        clock.start();
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/pods")), 45000);
        const MemoryUse after = MemoryUse::now();
        QVERIFY(before.resident > 0);

        QVERIFY(!r.ok());
        QVERIFY(!r.timedOut);
        QVERIFY(r.body.isEmpty());
        const QString host = server.url().authority();
        QVERIFY2(r.errorText.contains(QStringLiteral("reply larger than 64 MiB")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("Kubernetes API at %1").arg(host)),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("GET /api/v1/pods")), qPrintable(r.errorText));

        QVERIFY(connection);
        QTRY_VERIFY_WITH_TIMEOUT(connection->closedByPeer(), 10000);
        const qint64 sent = connection->sentWhenClosed();
        qInfo("the server had sent %.1f MiB when the client closed, after %lld ms",
              double(sent) / kMiB, clock.elapsed());
        QVERIFY2(sent > kListCap, qPrintable(QString::number(sent))); // the cap was reached
        QVERIFY2(sent < 2 * kListCap, qPrintable(QString::number(sent)));

        const qint64 growth = after.peak - before.resident;
        qInfo("peak grew by %.1f MiB (peak reset: %s)", double(growth) / kMiB,
              peakReset ? "yes" : "no, measured from the start");
        if (kPeakMemoryMeaningful)
            QVERIFY2(growth < 3 * kListCap, qPrintable(QString::number(double(growth) / kMiB)));
    }

    // A reply that trickles one byte a second forever is never silent long
    // enough for the inactivity timeout; the call's overall deadline ends it.
    void tricklingReplyHitsTheDeadline()
    {
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        server.setHandler([](FaultConnection *c, const FaultConnection::Request &) {
            c->trickle(FaultServer::jsonHead(1000 * 1000), ' ', 1000);
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);

        // Every plain call has a deadline unless told otherwise.
        KubeCall *plain = client.get(QStringLiteral("/api/v1/nodes"));
        QCOMPARE(plain->deadline(), KubeCall::kDefaultDeadline);
        plain->abort();
        KubeCall *longer = client.get(QStringLiteral("/api/v1/nodes"), {}, 5min);
        QCOMPARE(longer->deadline(), std::chrono::milliseconds(5min));
        longer->abort();

        KubeCall *call = client.get(QStringLiteral("/api/v1/pods"), {}, 30s);
        call->setDeadline(2500ms);
        QElapsedTimer clock;
        clock.start();
        const KubeResponse r = await(call, 20000);
        const qint64 elapsed = clock.elapsed();

        QVERIFY2(r.timedOut, qPrintable(r.errorText));
        QCOMPARE(r.httpStatus, 200); // the head came at once
        const QString host = server.url().authority();
        QVERIFY2(r.errorText.contains(QStringLiteral("did not end within 2.5 s")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QStringLiteral("Kubernetes API at %1").arg(host)),
                 qPrintable(r.errorText));
        // Qt's coarse timers may fire up to 5 % early.
        QVERIFY2(elapsed >= 2300 && elapsed < 8000, qPrintable(QString::number(elapsed)));
        // Bytes did come: the server was heard from, only too slowly.
        QVERIFY(!server.connections().isEmpty());
        QTRY_VERIFY(server.connections().constLast()->closedByPeer());
        QVERIFY(server.connections().constLast()->bytesSent() > 0);
    }

    // A watch that trickles a byte now and then and never ends, although it
    // was asked to end after timeoutSeconds: cut at its deadline (the
    // timeout and as much again for a short watch), reported, and resumed
    // from the last resourceVersion.
    void tricklingWatchHitsItsDeadline()
    {
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        PodStore pods;
        pods.put(QStringLiteral("a"), QStringLiteral("Running"), QStringLiteral("node-1"));
        QStringList watchesFrom;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &r) {
            if (!isWatch(r)) {
                c->write(FaultServer::json(pods.list()));
                return;
            }
            watchesFrom << r.query().queryItemValue(QStringLiteral("resourceVersion"));
            QCOMPARE(r.query().queryItemValue(QStringLiteral("timeoutSeconds")),
                     QStringLiteral("1"));
            // Never a whole line, never silent for long.
            c->trickle(FaultServer::streamHead(), ' ', 300, true);
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
        reflector.setWatchTimeout(1s, 1s);
        reflector.setBackoff(50ms, 100ms);
        QStringList backoffs;
        connect(&reflector, &Reflector::stateChanged, this,
                [&](Reflector::State s, const QString &detail) {
                    if (s == Reflector::State::Backoff)
                        backoffs << detail;
                });
        QElapsedTimer clock;
        clock.start();
        reflector.start();
        QTRY_COMPARE_WITH_TIMEOUT(watchesFrom.size(), 2, 15000);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(watchesFrom, (QStringList{"1", "1"}));
        QCOMPARE(reflector.listCount(), 1);
        QCOMPARE(backoffs.size(), 1);
        QVERIFY2(backoffs.first().contains(QStringLiteral("did not end within 2 s")),
                 qPrintable(backoffs.first()));
        QVERIFY2(backoffs.first().contains(server.url().authority()), qPrintable(backoffs.first()));
        QVERIFY2(elapsed >= 1800 && elapsed < 8000, qPrintable(QString::number(elapsed)));
        reflector.stop();
    }

    // A followed pod log whose line never ends: the lines before it are
    // shown, then the stream ends with words naming the cap and the server.
    // A reset in the middle of the next log's line shows the whole lines
    // only (not the half one) and says the connection was lost.
    void podLogFaults()
    {
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        int logs = 0;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &r) {
            QCOMPARE(r.query().queryItemValue(QStringLiteral("follow")), QStringLiteral("true"));
            if (++logs == 1) {
                c->stream(
                    FaultServer::streamHead(), 20 * kMiB,
                    [](qint64 offset, qint64 size) {
                        QByteArray bytes(size, 'x');
                        if (offset == 0)
                            bytes.replace(0, 13, "first\nsecond\n");
                        return bytes;
                    },
                    {}, true);
                return;
            }
            c->write(FaultServer::streamHead());
            c->writeChunk("one\ntwo\nthr");
            QTimer::singleShot(200, c, [c] { c->reset(); });
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        const QString host = server.url().authority();
        for (int round = 1; round <= 2; ++round) {
            PodLogStream log(&client, QStringLiteral("apps"), QStringLiteral("shlink-0"), {});
            QStringList lines;
            connect(&log, &PodLogStream::lines, this,
                    [&](const QStringList &batch) { lines << batch; });
            QSignalSpy ended(&log, &PodLogStream::ended);
            log.start();
            QVERIFY(ended.wait(20000));
            const QString error = ended.first().first().toString();
            QVERIFY2(error.contains(QStringLiteral("Kubernetes API at %1").arg(host)),
                     qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("/api/v1/namespaces/apps/pods/shlink-0/log")),
                     qPrintable(error));
            if (round == 1) {
                QCOMPARE(lines, (QStringList{"first", "second"}));
                QVERIFY2(error.contains(QStringLiteral("a line longer than 8 MiB")),
                         qPrintable(error));
            } else {
                QCOMPARE(lines, (QStringList{"one", "two"}));
                QVERIFY2(error.contains(QStringLiteral("closed the connection")),
                         qPrintable(error));
            }
            QVERIFY(!log.isRunning());
        }
    }

    // The connection is reset (RST) halfway through a watch event: the
    // reflector reports the loss, resumes the watch from the last complete
    // event, and the model ends holding exactly what the server holds; the
    // half event is never applied.
    void watchResetMidEventResumes()
    {
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        PodStore pods;
        pods.put(QStringLiteral("a"), QStringLiteral("Pending"), QString());
        pods.put(QStringLiteral("b"), QStringLiteral("Running"), QStringLiteral("node-1"));
        QPointer<FaultConnection> cut;
        QStringList watchesFrom;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &r) {
            if (!isWatch(r)) {
                c->write(FaultServer::json(pods.list()));
                return;
            }
            const qint64 from =
                r.query().queryItemValue(QStringLiteral("resourceVersion")).toLongLong();
            watchesFrom << QString::number(from);
            if (watchesFrom.size() == 1) {
                // Three changes; the first goes out whole, the second half,
                // then the connection is reset.
                pods.put(QStringLiteral("a"), QStringLiteral("Running"), QStringLiteral("node-2"));
                pods.put(QStringLiteral("c"), QStringLiteral("Running"), QStringLiteral("node-1"));
                pods.remove(QStringLiteral("b"));
                const QByteArrayList lines = pods.eventsAfter(from);
                c->write(FaultServer::streamHead());
                c->writeChunk(lines.at(0) + lines.at(1).left(lines.at(1).size() / 2));
                cut = c; // reset once the client has applied the whole event
                return;
            }
            // The resumed watch: everything after its version, then quiet.
            c->write(FaultServer::streamHead());
            c->writeChunk(pods.eventsAfter(from).join());
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        PodModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
        reflector.setBackoff(50ms, 100ms);
        follow(&reflector, &model);
        QStringList backoffs;
        connect(&reflector, &Reflector::stateChanged, this,
                [&](Reflector::State s, const QString &detail) {
                    if (s == Reflector::State::Backoff)
                        backoffs << detail;
                });
        QList<QStringList> seen; // the model after each batch of events
        connect(&reflector, &Reflector::events, this, [&] {
            seen << describe(model);
            if (cut)
                std::exchange(cut, nullptr)->reset();
        });
        reflector.start();

        QTRY_COMPARE_WITH_TIMEOUT(watchesFrom.size(), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(describe(model), pods.describe(), 10000);
        QCOMPARE(pods.describe(), (QStringList{"apps/a Running node-2", "apps/c Running node-1"}));
        // One LIST; the second watch resumed from the first event's version.
        QCOMPARE(reflector.listCount(), 1);
        QCOMPARE(watchesFrom, (QStringList{"2", "3"}));
        QCOMPARE(reflector.resourceVersion(), QString::number(pods.rv()));
        QCOMPARE(reflector.state(), Reflector::State::Watching);
        // The loss was reported, naming the server.
        QCOMPARE(backoffs.size(), 1);
        QVERIFY2(backoffs.first().contains(server.url().authority()), qPrintable(backoffs.first()));
        QVERIFY2(backoffs.first().contains(QStringLiteral("GET /api/v1/pods")),
                 qPrintable(backoffs.first()));
        // Before the reset only the whole event was applied: pod c (whose
        // event was cut) appeared only after the resumed watch.
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.first(), (QStringList{"apps/a Running node-2", "apps/b Running node-1"}));
    }

    // The same reset, but the server has compacted its history meanwhile:
    // the resumed watch gets 410 Expired, the reflector lists again, and the
    // model holds exactly the server's pods (the deletion made while the
    // watch was down included).
    void watchResetThenExpiredRelists()
    {
        FaultServer server(m_pki);
        QVERIFY(server.listen());
        PodStore pods;
        pods.put(QStringLiteral("a"), QStringLiteral("Pending"), QString());
        pods.put(QStringLiteral("b"), QStringLiteral("Running"), QStringLiteral("node-1"));
        pods.put(QStringLiteral("d"), QStringLiteral("Running"), QStringLiteral("node-1"));
        QPointer<FaultConnection> cut;
        int watches = 0;
        int lists = 0;
        server.setHandler([&](FaultConnection *c, const FaultConnection::Request &r) {
            if (!isWatch(r)) {
                ++lists;
                c->write(FaultServer::json(pods.list()));
                return;
            }
            ++watches;
            const qint64 from =
                r.query().queryItemValue(QStringLiteral("resourceVersion")).toLongLong();
            if (watches == 1) {
                pods.put(QStringLiteral("a"), QStringLiteral("Running"), QStringLiteral("node-2"));
                pods.put(QStringLiteral("c"), QStringLiteral("Running"), QStringLiteral("node-1"));
                const QByteArrayList lines = pods.eventsAfter(from);
                c->write(FaultServer::streamHead());
                c->writeChunk(lines.at(0) + lines.at(1).left(30));
                cut = c; // reset once the client has applied the whole event
                return;
            }
            if (from < pods.compactedTo()) {
                c->write(FaultServer::json(kExpired, 410));
                c->close();
                return;
            }
            c->write(FaultServer::streamHead());
            if (const QByteArray events = pods.eventsAfter(from).join(); !events.isEmpty())
                c->writeChunk(events);
        });
        StaticAuthenticator auth(m_token, trusting());
        KubeClient client(server.url(), &auth);
        PodModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        Reflector reflector(&client, QStringLiteral("/api/v1/pods"));
        reflector.setBackoff(50ms, 100ms);
        follow(&reflector, &model);
        QSignalSpy listed(&reflector, &Reflector::listed);
        connect(&reflector, &Reflector::events, this, [&] {
            if (!cut)
                return;
            // While the watch is down: a deletion, and the history is gone.
            pods.remove(QStringLiteral("d"));
            pods.compact();
            std::exchange(cut, nullptr)->reset();
        });
        reflector.start();

        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(describe(model), pods.describe(), 10000);
        QCOMPARE(pods.describe(), (QStringList{"apps/a Running node-2", "apps/b Running node-1",
                                               "apps/c Running node-1"}));
        QCOMPARE(lists, 2);
        QTRY_COMPARE(watches, 3); // the cut one, the expired one, the one after the LIST
        QCOMPARE(reflector.resourceVersion(), QString::number(pods.rv()));
        QTRY_COMPARE(reflector.state(), Reflector::State::Watching);
    }
};

QTEST_GUILESS_MAIN(TestFaultsHttp)
#include "tst_faults_http.moc"
