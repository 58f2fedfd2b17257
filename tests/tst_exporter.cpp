// The exporter: `labdeck check --serve` scraped by a real Prometheus, the
// text format checked by promtool, the schedule (no overlap, backoff), the
// HTTP server's limits, `--textfile`, and the shipped alert rules under
// `promtool test rules`.

#include "checks/checkrunner.h"
#include "checks/checkschedule.h"
#include "checks/exporter.h"
#include "checks/metricsserver.h"
#include "common/gotime.h"
#include "support/promlab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <csignal>
#include <signal.h>
#include <unistd.h>

using namespace labdeck;
using namespace labdeck::checks;
using namespace std::chrono_literals;

namespace {

struct Ran
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("HOME"), QDir::tempPath() + QStringLiteral("/labdeck-exporter-home"));
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    env.remove(QStringLiteral("XDG_DATA_HOME"));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    env.insert(QStringLiteral("KUBECONFIG"), QStringLiteral("/nonexistent/kubeconfig"));
    return env;
}

Ran runLabdeck(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(headless());
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(LABDECK_BINARY), QStringList{QStringLiteral("check")} + args);
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// Sends raw bytes and collects the answer until the server closes (the
// event loop runs meanwhile, so a server in this process answers).
struct Exchange
{
    QByteArray answer;
    bool closed = false;
    [[nodiscard]] QByteArray body() const
    {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : answer.mid(end + 4);
    }
    [[nodiscard]] int status() const
    {
        const QList<QByteArray> words = answer.left(answer.indexOf("\r\n")).split(' ');
        return words.size() >= 2 ? words.at(1).toInt() : 0;
    }
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        const QByteArray head = answer.left(answer.indexOf("\r\n\r\n"));
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith(name.toLower() + ':'))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
};

Exchange exchange(quint16 port, const QByteArray &request, int timeoutMs = 10000)
{
    Exchange out;
    QTcpSocket socket;
    QObject::connect(&socket, &QTcpSocket::connected, &socket,
                     [&socket, request] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { out.answer += socket.readAll(); });
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    out.closed =
        disconnected.wait(timeoutMs) || socket.state() == QAbstractSocket::UnconnectedState;
    out.answer += socket.readAll();
    return out;
}

QByteArray get(quint16 port, const QByteArray &path)
{
    // HTTP/1.0: Prometheus then closes after the answer and does not chunk it.
    return exchange(port, "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").body();
}

// promtool check metrics on the text; its exit code and what it said.
std::pair<int, QByteArray> promtoolCheckMetrics(const QByteArray &text)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted(10000))
        return {-1, "promtool did not start"};
    p.write(text);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), p.readAll()};
}

// The value of one sample line "name{labels} value" in a text exposition.
double sample(const QByteArray &text, const QByteArray &nameAndLabels)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(nameAndLabels + ' '))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    }
    return -1;
}

// A series key "category|target|host"; the demo's loopback servers (its
// Ollama) listen on a free port, different in every run.
QString seriesKey(const QString &category, const QString &target, const QString &host)
{
    static const QRegularExpression port(QStringLiteral("127\\.0\\.0\\.1:\\d+"));
    return category + QLatin1Char('|') +
           QString(target).replace(port, QStringLiteral("127.0.0.1:PORT")) + QLatin1Char('|') +
           host;
}

// What `labdeck check --demo --json` says, as the exporter's series:
// (category, target, host) -> 0..3; of two results about one series, the
// worse (critical over could not run over warning over ok).
QMap<QString, int> expectedStatus(const QJsonObject &doc)
{
    const QMap<QString, int> value{{QStringLiteral("ok"), 0},
                                   {QStringLiteral("warning"), 1},
                                   {QStringLiteral("critical"), 2},
                                   {QStringLiteral("unknown"), 3}};
    const QMap<int, int> rank{{0, 0}, {1, 1}, {3, 2}, {2, 3}};
    QMap<QString, int> out;
    for (const QJsonValue &v : doc.value(QLatin1String("results")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString key = seriesKey(o.value(QLatin1String("category")).toString(),
                                      o.value(QLatin1String("target")).toString(),
                                      o.value(QLatin1String("host")).toString());
        const int status = value.value(o.value(QLatin1String("severity")).toString(), -1);
        if (!out.contains(key) || rank.value(status) > rank.value(out.value(key)))
            out.insert(key, status);
    }
    return out;
}

// The same from the text format's labdeck_check_status lines.
QMap<QString, int> statusInText(const QByteArray &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^labdeck_check_status\\{category=\"([^\"]*)\",target=\"((?:[^\"\\\\]|\\\\.)*)\","
        "host=\"([^\"]*)\"\\} (\\d)$"));
    QMap<QString, int> out;
    for (const QByteArray &line : text.split('\n')) {
        const auto m = re.match(QString::fromUtf8(line));
        if (m.hasMatch())
            out.insert(seriesKey(m.captured(1), m.captured(2), m.captured(3)),
                       m.captured(4).toInt());
    }
    return out;
}

// The keys where two series maps differ, for a failure message.
QByteArray differences(const QMap<QString, int> &got, const QMap<QString, int> &want)
{
    QStringList out;
    QStringList keys = got.keys() + want.keys();
    keys.removeDuplicates();
    for (const QString &k : std::as_const(keys)) {
        if (got.value(k, -1) != want.value(k, -1))
            out << QStringLiteral("%1: got %2, want %3")
                       .arg(k)
                       .arg(got.value(k, -1))
                       .arg(want.value(k, -1));
    }
    return out.join(QLatin1Char('\n')).toUtf8();
}

CheckResult result(const QString &category, const QString &target, Health severity,
                   bool timedOut = false)
{
    CheckResult r;
    r.category = category;
    r.target = target;
    r.severity = severity;
    if (timedOut)
        r.details.insert(QStringLiteral("timedOut"), true);
    return r;
}

// A check that says nothing and never finishes: only the runner's deadline
// ends its rounds.
class SilentCheck final : public Check
{
public:
    using Check::Check;

protected:
    void run(const CheckContext &) override {}
};

// A round starter for the schedule: each round takes `takesMs` and returns
// what `outcome` gives for the round number; it records overlaps.
struct FakeRounds
{
    int takesMs = 10;
    std::function<QList<CheckResult>(int round)> outcome = [](int) {
        return QList<CheckResult>{
            result(QStringLiteral("k8s"), QStringLiteral("node a"), Health::Ok)};
    };
    int started = 0;
    int running = 0;
    int maxRunning = 0;
    QList<qint64> startedAtMs;
    QElapsedTimer clock;
    QObject context; // pending rounds end with the fake

    CheckSchedule::RoundStarter starter()
    {
        clock.start();
        return [this](const QString &, CheckSchedule::Done done) {
            const int round = started++;
            startedAtMs << clock.elapsed();
            maxRunning = std::max(maxRunning, ++running);
            QTimer::singleShot(takesMs, &context, [this, done, round] {
                --running;
                done(outcome(round), takesMs);
            });
        };
    }
};

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty())
            QSKIP("prometheus and promtool are not installed (scripts/install-deps)");
    }

    void goDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: refused
        QTest::newRow("5m") << "5m" << qint64(300000);
        QTest::newRow("6h") << "6h" << qint64(21600000);
        QTest::newRow("1h30m") << "1h30m" << qint64(5400000);
        QTest::newRow("1.5h") << "1.5h" << qint64(5400000);
        QTest::newRow("90s") << "90s" << qint64(90000);
        QTest::newRow("300ms") << "300ms" << qint64(300);
        QTest::newRow("2m3.5s") << "2m3.5s" << qint64(123500);
        QTest::newRow("0") << "0" << qint64(0);
        QTest::newRow("no unit") << "5" << qint64(-1);
        QTest::newRow("days") << "1d" << qint64(-1);
        QTest::newRow("sign") << "-5m" << qint64(-1);
        QTest::newRow("space") << "5 m" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }
    void goDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto d = parseGoDuration(text);
        QCOMPARE(d.has_value(), ms >= 0);
        if (d) {
            QCOMPARE(d->count(), ms);
            QCOMPARE(parseGoDuration(formatGoDuration(*d))->count(), ms);
        }
        QCOMPARE(formatGoDuration(5min), QStringLiteral("5m0s"));
        QCOMPARE(formatGoDuration(6h), QStringLiteral("6h0m0s"));
        QCOMPARE(formatGoDuration(1500ms), QStringLiteral("1.5s"));
    }

    void listenAddresses()
    {
        auto at = ListenAddress::parse(QStringLiteral("9464"));
        QVERIFY(at);
        QCOMPARE(at->toString(), QStringLiteral("127.0.0.1:9464"));
        QCOMPARE(ListenAddress::parse(QStringLiteral("0.0.0.0:9464"))->toString(),
                 QStringLiteral("0.0.0.0:9464"));
        QCOMPARE(ListenAddress::parse(QStringLiteral("[::1]:9464"))->toString(),
                 QStringLiteral("[::1]:9464"));
        QCOMPARE(ListenAddress::parse(QStringLiteral("localhost:80"))->toString(),
                 QStringLiteral("127.0.0.1:80"));
        for (const char *bad :
             {"::1:9464", "example.com:9464", "9464:", "70000", "[127.0.0.1]:1", "1.2.3:9464", ""})
            QVERIFY2(!ListenAddress::parse(QString::fromLatin1(bad)), bad);
    }

    // Label values escaped as the format says, the same text for the same
    // results in another order, and promtool is content.
    void textFormat()
    {
        CheckSchedule::State k8s;
        k8s.category = QStringLiteral("k8s");
        k8s.interval = 5min;
        k8s.rounds = 3;
        k8s.skipped = 1;
        k8s.lastDurationMs = 1250;
        k8s.lastRun = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        CheckResult odd =
            result(QStringLiteral("k8s"), QStringLiteral("pod \"a\\b\"\nnext"), Health::Warning);
        odd.host = QStringLiteral("bracky");
        k8s.results = {result(QStringLiteral("k8s"), QStringLiteral("node b"), Health::Ok), odd,
                       result(QStringLiteral("k8s"), QStringLiteral("node a"), Health::Unknown),
                       // The same target twice: the worse verdict.
                       result(QStringLiteral("k8s"), QStringLiteral("node b"), Health::Critical)};
        CheckSchedule::State certs;
        certs.category = QStringLiteral("certs");
        certs.interval = 6h;
        CheckResult cert =
            result(QStringLiteral("certs"), QStringLiteral("https://ha.example.com"), Health::Ok);
        cert.url = cert.target;
        cert.details.insert(QStringLiteral("notAfter"), QStringLiteral("2027-03-03T12:00:00Z"));
        certs.results = {cert};
        certs.rounds = 1;
        certs.lastRun = k8s.lastRun;

        const QByteArray text = MetricsExposition::render({&certs, &k8s}, QStringLiteral("1.2.3"));
        QVERIFY2(text.contains("labdeck_check_status{category=\"k8s\",target=\"pod "
                               "\\\"a\\\\b\\\"\\nnext\",host=\"bracky\"} 1\n"),
                 text.constData());
        QCOMPARE(sample(text, "labdeck_check_status{category=\"k8s\",target=\"node b\",host=\"\"}"),
                 2.0);
        QCOMPARE(sample(text, "labdeck_check_status{category=\"k8s\",target=\"node a\",host=\"\"}"),
                 3.0);
        QCOMPARE(sample(text, "labdeck_cert_expiry_timestamp_seconds{url=\"https://"
                              "ha.example.com\"}"),
                 double(QDateTime(QDate(2027, 3, 3), QTime(12, 0), Qt::UTC).toSecsSinceEpoch()));
        QCOMPARE(sample(text, "labdeck_check_duration_seconds{category=\"k8s\"}"), 1.25);
        QCOMPARE(sample(text, "labdeck_check_last_run_timestamp_seconds{category=\"k8s\"}"),
                 1700000000.0);
        QCOMPARE(sample(text, "labdeck_check_rounds_skipped_total{category=\"k8s\"}"), 1.0);
        QCOMPARE(sample(text, "labdeck_check_interval_seconds{category=\"certs\"}"), 21600.0);
        QCOMPARE(sample(text, "labdeck_build_info{version=\"1.2.3\"}"), 1.0);
        QVERIFY(text.endsWith('\n'));
        // Certificates first (the order given), targets sorted inside.
        QVERIFY(text.indexOf("category=\"certs\",target") < text.indexOf("category=\"k8s\""));
        QVERIFY(text.indexOf("target=\"node a\"") < text.indexOf("target=\"node b\""));
        // Every family has its HELP and TYPE before its samples.
        QSet<QByteArray> typed;
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith("# TYPE "))
                typed.insert(line.split(' ').at(2));
            else if (!line.isEmpty() && !line.startsWith('#'))
                QVERIFY2(typed.contains(line.left(line.indexOf(line.contains('{') ? '{' : ' '))),
                         line.constData());
        }
        QCOMPARE(text.count("# HELP "), text.count("# TYPE "));

        std::reverse(k8s.results.begin(), k8s.results.end());
        QCOMPARE(MetricsExposition::render({&certs, &k8s}, QStringLiteral("1.2.3")), text);

        const auto [code, said] = promtoolCheckMetrics(text);
        QVERIFY2(code == 0 && said.trimmed().isEmpty(), said.constData());
    }

    // A round that takes longer than the interval: the next ones are
    // skipped and counted; two rounds of a category never run at once.
    void scheduleNeverOverlaps()
    {
        FakeRounds fake;
        fake.takesMs = 450;
        CheckSchedule schedule(fake.starter());
        schedule.addCategory(QStringLiteral("k8s"), 100ms);
        QSignalSpy skipped(&schedule, &CheckSchedule::roundSkipped);
        QSignalSpy finished(&schedule, &CheckSchedule::roundFinished);
        schedule.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 3, 5000);
        schedule.stop();
        const CheckSchedule::State *s = schedule.state(QStringLiteral("k8s"));
        QCOMPARE(fake.maxRunning, 1);
        QVERIFY2(s->skipped >= 6, qPrintable(QString::number(s->skipped)));
        QCOMPARE(qsizetype(s->skipped), skipped.count());
        QCOMPARE(qsizetype(s->rounds), finished.count());
        QVERIFY(fake.started - int(s->rounds) <= 1); // stopped between rounds or in one
        QCOMPARE(s->backoff, 1);                     // slow is not timed out
        for (qsizetype i = 1; i < fake.startedAtMs.size(); ++i)
            QVERIFY(fake.startedAtMs.at(i) - fake.startedAtMs.at(i - 1) >= fake.takesMs * 9 / 10);
        const QByteArray text = MetricsExposition::render(schedule.states(), QStringLiteral("t"));
        QCOMPARE(sample(text, "labdeck_check_rounds_skipped_total{category=\"k8s\"}"),
                 double(s->skipped));
    }

    // Rounds that only time out double the interval (up to 4x); a good
    // round brings it back.
    void scheduleBacksOff()
    {
        FakeRounds fake;
        fake.takesMs = 10;
        fake.outcome = [](int round) {
            if (round < 3)
                return QList<CheckResult>{
                    result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Unknown,
                           true),
                    result(QStringLiteral("certs"), QStringLiteral("https://b"), Health::Critical,
                           true)};
            return QList<CheckResult>{
                result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Unknown, true),
                result(QStringLiteral("certs"), QStringLiteral("https://b"), Health::Ok)};
        };
        CheckSchedule schedule(fake.starter());
        const auto every = 150ms;
        schedule.addCategory(QStringLiteral("certs"), every);
        QList<int> backoffs;
        connect(&schedule, &CheckSchedule::roundFinished, this,
                [&] { backoffs << schedule.state(QStringLiteral("certs"))->backoff; });
        schedule.start();
        QTRY_VERIFY_WITH_TIMEOUT(backoffs.size() >= 5, 10000);
        schedule.stop();
        QCOMPARE(backoffs.mid(0, 5), (QList<int>{2, 4, 4, 1, 1}));
        const QList<qint64> &at = fake.startedAtMs;
        const auto gap = [&at](int i) { return at.at(i + 1) - at.at(i); };
        const qint64 ms = every.count();
        // (Qt's coarse timers may fire up to 5 % early.)
        QVERIFY2(gap(0) >= 2 * ms * 9 / 10, qPrintable(QString::number(gap(0))));
        QVERIFY2(gap(1) >= 4 * ms * 9 / 10, qPrintable(QString::number(gap(1))));
        QVERIFY2(gap(2) >= 4 * ms * 9 / 10, qPrintable(QString::number(gap(2))));
        QVERIFY2(gap(3) < 3 * ms, qPrintable(QString::number(gap(3)))); // back to 1x
        QCOMPARE(schedule.state(QStringLiteral("certs"))->skipped, quint64(0));
        QVERIFY(!CheckSchedule::timedOut({}));
    }

    // The schedule over a real CheckRunner, wired as `--serve` wires it: a
    // check cut at the runner's deadline counts as timed out (backoff), and
    // a deadline longer than the interval makes rounds skip, not overlap.
    void scheduleOverTheRunnersDeadline()
    {
        CheckRegistry registry;
        registry.add(QStringLiteral("k8s"),
                     [](QObject *p) { return new SilentCheck(QStringLiteral("k8s"), p); });
        CheckContext ctx;
        ctx.options.timeout = 200ms; // the deadline: 1.2 s
        std::unique_ptr<CheckRunner> runner;
        int overlapping = 0;
        CheckSchedule schedule([&](const QString &category, CheckSchedule::Done done) {
            if (runner && runner->isRunning())
                ++overlapping;
            runner = std::make_unique<CheckRunner>(registry);
            CheckRunner *raw = runner.get();
            connect(raw, &CheckRunner::finished, raw, [raw, done](const RunSummary &summary) {
                done(raw->results(), summary.durationMs);
            });
            raw->start({category}, ctx);
        });
        schedule.addCategory(QStringLiteral("k8s"), 250ms);
        QSignalSpy finished(&schedule, &CheckSchedule::roundFinished);
        schedule.start();
        QVERIFY(finished.wait(5000));
        const CheckSchedule::State *s = schedule.state(QStringLiteral("k8s"));
        QCOMPARE(s->results.size(), 1);
        QCOMPARE(s->results.first().severity, Health::Unknown);
        QVERIFY(CheckSchedule::timedOut(s->results));
        QCOMPARE(s->backoff, 2);
        QVERIFY2(s->skipped >= 3, qPrintable(QString::number(s->skipped)));
        QVERIFY(finished.wait(5000));
        QCOMPARE(s->backoff, 4);
        schedule.stop();
        QCOMPARE(overlapping, 0);
        const QByteArray text = MetricsExposition::render(schedule.states(), QStringLiteral("t"));
        QCOMPARE(sample(text, "labdeck_check_status{category=\"k8s\",target=\"k8s\",host=\"\"}"),
                 3.0);
        QCOMPARE(sample(text, "labdeck_check_interval_seconds{category=\"k8s\"}"), 1.0);
    }

    void httpServer()
    {
        int bodies = 0;
        MetricsServer server([&bodies] {
            ++bodies;
            return QByteArray("# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n");
        });
        QString error;
        QVERIFY2(server.listen(*ListenAddress::parse(QStringLiteral("0")), &error),
                 qPrintable(error));
        QCOMPARE(server.address(), QHostAddress(QHostAddress::LocalHost));
        const quint16 port = server.port();

        Exchange e = exchange(port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(e.status(), 200);
        QCOMPARE(e.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(e.body(), QByteArray("# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n"));
        QCOMPARE(e.header("Content-Length").toInt(), int(e.body().size()));
        QVERIFY(e.closed);

        e = exchange(port, "HEAD /metrics?x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(e.status(), 200);
        QVERIFY(e.body().isEmpty());
        QVERIFY(e.header("Content-Length").toInt() > 0);

        e = exchange(port, "GET /other HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(e.status(), 404);
        e = exchange(port, "GET / HTTP/1.0\r\n\r\n");
        QCOMPARE(e.status(), 404);
        e = exchange(port, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
        QCOMPARE(e.status(), 405);
        QCOMPARE(e.header("Allow"), QByteArray("GET, HEAD"));
        e = exchange(port, "DELETE /metrics HTTP/1.1\r\n\r\n");
        QCOMPARE(e.status(), 405);
        e = exchange(port, "hello\r\n\r\n");
        QCOMPARE(e.status(), 400);
        QCOMPARE(bodies, 2);

        // A head over 8 KiB: 431, or at least closed, and never served.
        const QByteArray huge =
            "GET /metrics HTTP/1.1\r\nX-Filler: " + QByteArray(9000, 'a') + "\r\n\r\n";
        e = exchange(port, huge);
        QVERIFY2(e.status() == 431 || (e.closed && e.answer.isEmpty()), e.answer.constData());
        QVERIFY(e.closed);
        QCOMPARE(bodies, 2);
        // A head without an end, just over the cap, also ends the connection.
        e = exchange(port, "GET /metrics HTTP/1.1\r\n" + QByteArray(8200, 'b'));
        QVERIFY(e.closed);
        QCOMPARE(bodies, 2);

        // A client that says nothing is closed after the connection timeout.
        server.setConnectionTimeout(300ms);
        QElapsedTimer clock;
        clock.start();
        e = exchange(port, "GET /metrics HTTP/1.1\r\n", 5000);
        QVERIFY(e.closed);
        QVERIFY(e.answer.isEmpty());
        QVERIFY2(clock.elapsed() >= 250 && clock.elapsed() < 3000,
                 qPrintable(QString::number(clock.elapsed())));

        // At most 32 connections at once: the 33rd is refused with 503.
        server.setConnectionTimeout(10s);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < MetricsServer::kMaxConnections; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), MetricsServer::kMaxConnections, 5000);
        e = exchange(port, "GET /metrics HTTP/1.1\r\n\r\n");
        QCOMPARE(e.status(), 503);
        idle.clear();
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, 5000);
        QCOMPARE(exchange(port, "GET /metrics HTTP/1.1\r\n\r\n").status(), 200);
    }

    // The server answers from the last rounds: ten scrapes start none.
    void scrapesDoNotStartRounds()
    {
        FakeRounds fake;
        CheckSchedule schedule(fake.starter());
        schedule.addCategory(QStringLiteral("k8s"), 1h);
        schedule.addCategory(QStringLiteral("certs"), 6h);
        MetricsServer server([&schedule] {
            return MetricsExposition::render(schedule.states(), QStringLiteral("t"));
        });
        QString error;
        QVERIFY(server.listen(*ListenAddress::parse(QStringLiteral("0")), &error));
        schedule.start();
        QTRY_VERIFY_WITH_TIMEOUT(schedule.allRan(), 5000);
        QCOMPARE(fake.started, 2);
        const QByteArray first = get(server.port(), "/metrics");
        QCOMPARE(sample(first, "labdeck_check_rounds_total{category=\"k8s\"}"), 1.0);
        for (int i = 0; i < 10; ++i) {
            const QByteArray text = get(server.port(), "/metrics");
            QCOMPARE(sample(text, "labdeck_check_rounds_total{category=\"k8s\"}"), 1.0);
            QCOMPARE(sample(text, "labdeck_check_rounds_total{category=\"certs\"}"), 1.0);
        }
        QCOMPARE(fake.started, 2);
        QCOMPARE(server.scrapes(), quint64(11));
    }

    // The binary under a real Prometheus: what it stores is what
    // `labdeck check --demo --json` says.
    void prometheusScrapesTheDemo()
    {
        const Ran once = runLabdeck({QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE(once.exitCode, 2);
        const QJsonObject doc = QJsonDocument::fromJson(once.out).object();
        const QMap<QString, int> expected = expectedStatus(doc);
        QVERIFY(expected.size() > 30);
        QVERIFY(expected.values().contains(0) && expected.values().contains(1) &&
                expected.values().contains(2));

        const quint16 port = test::freePort();
        QTemporaryDir textfileDir; // serving and writing the file after every round
        QProcess serve;
        serve.setProcessEnvironment(headless());
        serve.start(QStringLiteral(LABDECK_BINARY),
                    {QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--serve"),
                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--textfile"),
                     textfileDir.path()});
        QVERIFY(serve.waitForStarted(10000));
        auto stop = qScopeGuard([&serve] {
            if (serve.state() != QProcess::NotRunning) {
                serve.kill();
                serve.waitForFinished(5000);
            }
        });
        // Served once every category has had its first round.
        QByteArray text;
        QTRY_VERIFY_WITH_TIMEOUT((text = get(port, "/metrics"),
                                  text.count("labdeck_check_last_run_timestamp_seconds{") == 7),
                                 30000);
        QVERIFY2(statusInText(text) == expected,
                 differences(statusInText(text), expected).constData());
        const auto [code, said] = promtoolCheckMetrics(text);
        QVERIFY2(code == 0 && said.trimmed().isEmpty(), said.constData());
        QVERIFY(text.contains("labdeck_cert_expiry_timestamp_seconds{url=\"https://"
                              "grafana.example.com\"}"));

        // The file follows the rounds, with the schedule's interval.
        QFile written(textfileDir.filePath(QStringLiteral("labdeck.prom")));
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray file = written.readAll();
        QCOMPARE(statusInText(file), expected);
        QCOMPARE(sample(file, "labdeck_check_interval_seconds{category=\"certs\"}"), 21600.0);
        QCOMPARE(sample(file, "labdeck_check_interval_seconds{category=\"k8s\"}"), 300.0);
        QCOMPARE(QDir(textfileDir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("labdeck.prom")});

        // Scrapes read; they do not run the checks.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(sample(get(port, "/metrics"), "labdeck_check_rounds_total{category=\"k8s\"}"),
                     1.0);

        QTemporaryDir dir;
        const QByteArray rules =
            QByteArrayLiteral(LABDECK_SOURCE_DIR) + "/docs/prometheus/labdeck-alerts.yml";
        const QByteArray config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                  "rule_files:\n  - " +
                                  rules +
                                  "\nscrape_configs:\n  - job_name: labdeck\n"
                                  "    static_configs:\n      - targets: ['127.0.0.1:" +
                                  QByteArray::number(port) + "']\n";
        test::PromProcess prometheus;
        QString error;
        QVERIFY2(prometheus.startPrometheus(dir.path(), dir.path() + QStringLiteral("/data"),
                                            config, &error),
                 qPrintable(error));

        const auto query = [&](const QByteArray &path) {
            return QJsonDocument::fromJson(get(prometheus.port(), path)).object();
        };
        const auto storedStatus = [&] {
            QMap<QString, int> out;
            const QJsonArray series = query("/api/v1/query?query=labdeck_check_status")
                                          .value(QLatin1String("data"))
                                          .toObject()
                                          .value(QLatin1String("result"))
                                          .toArray();
            for (const QJsonValue &v : series) {
                const QJsonObject metric = v.toObject().value(QLatin1String("metric")).toObject();
                if (metric.value(QLatin1String("job")) != QLatin1String("labdeck"))
                    continue;
                const QString key = seriesKey(metric.value(QLatin1String("category")).toString(),
                                              metric.value(QLatin1String("target")).toString(),
                                              metric.value(QLatin1String("host")).toString());
                out.insert(
                    key,
                    v.toObject().value(QLatin1String("value")).toArray().at(1).toString().toInt());
            }
            return out;
        };
        QMap<QString, int> stored;
        QTRY_VERIFY_WITH_TIMEOUT((stored = storedStatus()).size() == expected.size(), 30000);
        QVERIFY2(stored == expected, differences(stored, expected).constData());

        // The shipped rules load in this Prometheus, and the critical
        // results are pending (they must hold 10 minutes to fire).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                int pending = 0;
                for (const QJsonValue &v : query("/api/v1/alerts")
                                               .value(QLatin1String("data"))
                                               .toObject()
                                               .value(QLatin1String("alerts"))
                                               .toArray()) {
                    const QJsonObject a = v.toObject();
                    if (a.value(QLatin1String("labels"))
                                .toObject()
                                .value(QLatin1String("alertname")) ==
                            QLatin1String("LabdeckCheckCritical") &&
                        a.value(QLatin1String("state")) == QLatin1String("pending"))
                        ++pending;
                }
                return pending == int(std::count(expected.begin(), expected.end(), 2));
            }(),
            15000);

        // SIGTERM: a clean stop with exit 0.
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void textfile()
    {
        QTemporaryDir dir;
        const Ran r =
            runLabdeck({QStringLiteral("--demo"), QStringLiteral("--textfile"), dir.path()});
        QCOMPARE(r.exitCode, 2); // the demo's worst, as without --textfile
        QVERIFY(r.out.contains("https://grafana.example.com")); // the usual table
        // Only the file itself: the temporary one was renamed over it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("labdeck.prom")});
        QFile file(dir.filePath(QStringLiteral("labdeck.prom")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.permissions() & QFileDevice::ReadOther); // node_exporter's own user
        const QByteArray text = file.readAll();
        const auto [code, said] = promtoolCheckMetrics(text);
        QVERIFY2(code == 0 && said.trimmed().isEmpty(), said.constData());
        const Ran json = runLabdeck({QStringLiteral("--demo"), QStringLiteral("--json")});
        const QMap<QString, int> want = expectedStatus(QJsonDocument::fromJson(json.out).object());
        QVERIFY2(statusInText(text) == want, differences(statusInText(text), want).constData());
        QCOMPARE(text.count("labdeck_check_last_run_timestamp_seconds{"), 7);
        QVERIFY(!text.contains("labdeck_check_interval_seconds")); // no schedule in one run
        // No timestamps: the textfile collector does not take them.
        for (const QByteArray &line : text.split('\n'))
            QVERIFY2(line.startsWith('#') || line.isEmpty() ||
                         line.mid(line.lastIndexOf('}') + 1).trimmed().count(' ') == 0,
                     line.constData());
    }

    void textfileErrors()
    {
        QTemporaryDir parent;
        const QString missing = parent.filePath(QStringLiteral("missing"));
        Ran r = runLabdeck({QStringLiteral("k8s"), QStringLiteral("--demo"),
                            QStringLiteral("--textfile"), missing});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains((missing + QStringLiteral("/labdeck.prom")).toUtf8()),
                 r.err.constData());

        // Not writable: a read-only directory, or for root (who may write
        // anywhere) /proc, where no file can be made.
        QString locked = parent.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(locked));
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (::geteuid() == 0)
            locked = QStringLiteral("/proc");
        r = runLabdeck({QStringLiteral("k8s"), QStringLiteral("--demo"),
                        QStringLiteral("--textfile"), locked});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains((locked + QStringLiteral("/labdeck.prom")).toUtf8()),
                 r.err.constData());
        QVERIFY(!QFile::exists(locked + QStringLiteral("/labdeck.prom")));
        QFile::setPermissions(parent.filePath(QStringLiteral("locked")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);

        // Wrong --serve and --interval values say what they want.
        r = runLabdeck(
            {QStringLiteral("--demo"), QStringLiteral("--serve"), QStringLiteral("host:1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("--serve"));
        r = runLabdeck({QStringLiteral("--demo"), QStringLiteral("--serve"), QStringLiteral("0"),
                        QStringLiteral("--interval"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("--interval"));
        r = runLabdeck(
            {QStringLiteral("--demo"), QStringLiteral("--interval"), QStringLiteral("5m")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("--serve"));
    }

    void alertRules()
    {
        const QString dir = QStringLiteral(LABDECK_SOURCE_DIR "/docs/prometheus");
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.setWorkingDirectory(dir);
        check.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("rules"),
                                                 QStringLiteral("labdeck-alerts.yml")});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAll().constData());

        QProcess test;
        test.setProcessChannelMode(QProcess::MergedChannels);
        test.setWorkingDirectory(dir);
        test.start(QStringLiteral("promtool"), {QStringLiteral("test"), QStringLiteral("rules"),
                                                QStringLiteral("labdeck-alerts.test.yml")});
        QVERIFY(test.waitForFinished(30000));
        const QByteArray said = test.readAll();
        QVERIFY2(test.exitCode() == 0 && said.contains("SUCCESS"), said.constData());
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
