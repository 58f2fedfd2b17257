// The Prometheus client and the chart model against Debian's real
// prometheus: a TSDB backfilled by promtool with deterministic series for
// the lab's four hosts, and a second server scraping a real
// prometheus-node-exporter for the live path.
#include "metricchart.h"
#include "prometheus/chartqueries.h"
#include "prometheus/promclient.h"
#include "prometheus/promparse.h"
#include "support/promlab.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <cmath>

using namespace labdeck;
using labdeck::test::PromLab;
using labdeck::test::PromProcess;
using Metric = prom::ChartQueries::Metric;

namespace {

prom::Result wait(prom::Call *call)
{
    QSignalSpy spy(call, &prom::Call::finished);
    if (!spy.wait(15000))
        return {};
    return spy.first().first().value<prom::Result>();
}

qint64 param(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(name)).toLongLong();
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instantQueriesGiveTheBackfilledValues();
    void rangeQueryIsAlignedToTheStep();
    void chartModelHoldsThePlannedPoints();
    void rangeNeverExceedsElevenThousandPoints();
    void queryWithPlusSignsIsEncoded();
    void badPromqlSaysWhatIsWrong();
    void silentServerTimesOut();
    void closedPortSaysConnectionRefused();
    void targetsAndFiringAlerts();
    void changingTheWindowCancelsTheFetch();
    void liveTailAppendsFromNodeExporter();
    void stoppedPrometheusTurnsChartStaleAndRecovers();

private:
    QTemporaryDir m_dir;
    PromProcess m_backfilled;
    qint64 m_from = 0;
    qint64 m_to = 0;
    qint64 m_at = 0; // a time inside the backfill, multiple of 60
    quint16 m_closedPort = 0;
};

void TestPrometheus::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty())
        QFAIL("prometheus and promtool are needed (Debian package prometheus; scripts/install-deps "
              "installs it)");
    QVERIFY(m_dir.isValid());
    // Recent (inside retention) but older than the head block's 3 h.
    m_to = QDateTime::currentSecsSinceEpoch() / 3600 * 3600 - 4 * 3600;
    m_from = m_to - 6 * 3600;
    m_at = m_to - 600;
    QString error;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QVERIFY2(
        PromProcess::backfill(m_dir.path(), data, PromLab::openMetrics(m_from, m_to, 15), &error),
        qPrintable(error));
    m_closedPort = test::freePort();
    QFile rules(m_dir.filePath(QStringLiteral("rules.yml")));
    QVERIFY(rules.open(QIODevice::WriteOnly));
    rules.write("groups:\n- name: lab\n  interval: 1s\n  rules:\n"
                "  - alert: BrackyDiskFilling\n    expr: vector(1)\n"
                "    labels: {instance: \"bracky:9100\", severity: warning}\n"
                "    annotations: {summary: \"Filesystem / fills within 24 h\"}\n");
    rules.close();
    const QByteArray config =
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "rule_files: [" +
        m_dir.filePath(QStringLiteral("rules.yml")).toUtf8() +
        "]\n"
        "scrape_configs:\n- job_name: node\n  static_configs:\n"
        "  - targets: ['127.0.0.1:" +
        QByteArray::number(m_closedPort) +
        "']\n"
        "  relabel_configs:\n  - {target_label: instance, replacement: 'metamon:9100'}\n";
    QVERIFY2(m_backfilled.startPrometheus(m_dir.path(), data, config, &error), qPrintable(error));
}

void TestPrometheus::instantQueriesGiveTheBackfilledValues()
{
    prom::Client client(m_backfilled.url());
    const prom::ChartQueries queries;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(m_at, Qt::UTC);
    for (int h = 0; h < 4; ++h) {
        const QString instance = PromLab::instance(h);
        const struct
        {
            Metric metric;
            double expected;
        } cases[] = {
            {Metric::CpuBusy, 100 * (1 - PromLab::idleRate(h))},
            {Metric::MemoryUsed, 100 * (1 - PromLab::memAvailable(h) / PromLab::memTotal())},
            {Metric::FilesystemUsed, 100 * (1 - PromLab::fsAvailable(h) / PromLab::fsSize())},
            {Metric::NetworkReceive, PromLab::rxRate(h)},
            {Metric::NetworkTransmit, PromLab::txRate(h)},
        };
        for (const auto &c : cases) {
            const prom::Result r = wait(client.query(queries.queryFor(c.metric, instance), at));
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.resultType, QStringLiteral("vector"));
            QCOMPARE(r.series.size(), 1);
            QCOMPARE(r.series.first().samples.first().time, double(m_at));
            const double got = r.series.first().samples.first().value;
            QVERIFY2(std::abs(got - c.expected) < 1e-6 * std::max(1.0, c.expected),
                     qPrintable(QStringLiteral("%1 %2: got %3, expected %4")
                                    .arg(instance, prom::ChartQueries::key(c.metric))
                                    .arg(got, 0, 'g', 12)
                                    .arg(c.expected, 0, 'g', 12)));
        }
    }
}

void TestPrometheus::rangeQueryIsAlignedToTheStep()
{
    prom::Client client(m_backfilled.url());
    const prom::RangePlan plan = prom::RangePlan::forWidth(m_at - 3600 + 7, m_at + 7, 120, 15);
    QCOMPARE(plan.step, qint64(30));
    QCOMPARE(plan.start % 30, qint64(0));
    QCOMPARE(plan.end, m_at);
    QCOMPARE(plan.points(), qint64(120));
    const prom::Result r = wait(
        client.queryRange(prom::ChartQueries().queryFor(Metric::Load, PromLab::instance(2)), plan));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.resultType, QStringLiteral("matrix"));
    QCOMPARE(r.series.size(), 1);
    QCOMPARE(r.series.first().labels.value(QStringLiteral("__name__")),
             QStringLiteral("node_load1"));
    const auto &samples = r.series.first().samples;
    QCOMPARE(samples.size(), 120);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const qint64 t = plan.start + i * plan.step;
        QCOMPARE(samples.at(i).time, double(t));
        QCOMPARE(samples.at(i).value, PromLab::load1(2, (t - m_from) / 15));
    }
}

void TestPrometheus::chartModelHoldsThePlannedPoints()
{
    prom::Client client(m_backfilled.url());
    QList<QUrl> sent;
    connect(&client, &prom::Client::requestSent, this, [&](const QUrl &u) { sent << u; });
    MetricChart chart(&client);
    qint64 now = m_at;
    chart.setClock([&] { return now; });
    chart.setQuery(prom::ChartQueries().queryFor(Metric::Load, PromLab::instance(0)));
    chart.setSeriesLabel(prom::ChartQueries::seriesLabel(Metric::Load));
    chart.setWindow(std::chrono::hours(1));
    chart.setWidth(120);
    QSignalSpy reset(&chart, &MetricChart::reset);
    chart.reload();
    QVERIFY(reset.wait(15000));
    QVERIFY2(chart.error().isEmpty(), qPrintable(chart.error()));
    QCOMPARE(chart.lines().size(), 1);
    QCOMPARE(chart.lines().first().name, QStringLiteral("node_load1"));
    const auto *points = &chart.lines().first().points;
    QCOMPARE(points->size(), 121);
    QCOMPARE(points->first().x(), double(m_at - 3600) * 1000);
    QCOMPARE(points->last().x(), double(m_at) * 1000);
    QCOMPARE(points->at(5).y(), PromLab::load1(0, (m_at - 3600 + 5 * 30 - m_from) / 15));

    // Five minutes later: only the tail is fetched, appended, and the window slides.
    now = m_at + 300;
    QSignalSpy appended(&chart, &MetricChart::appended);
    chart.fetchTail();
    QVERIFY(appended.wait(15000));
    QCOMPARE(sent.size(), 2);
    QCOMPARE(param(sent.at(1), "start"), m_at + 30);
    QCOMPARE(param(sent.at(1), "end"), m_at + 300);
    points = &chart.lines().first().points;
    QCOMPARE(points->size(), 121);
    QCOMPARE(points->first().x(), double(m_at - 3600 + 300) * 1000);
    QCOMPARE(points->last().x(), double(m_at + 300) * 1000);
    QCOMPARE(points->last().y(), PromLab::load1(0, (m_at + 300 - m_from) / 15));
    QCOMPARE(chart.latestValue(), points->last().y());
}

void TestPrometheus::rangeNeverExceedsElevenThousandPoints()
{
    // Pure planning: a 7-day window on a very wide chart at a 15 s scrape.
    const prom::RangePlan week = prom::RangePlan::forWidth(0, 7 * 86400, 20000, 15);
    QVERIFY(week.points() <= prom::RangePlan::MaxPoints);
    QCOMPARE(week.step, qint64(55));
    // Never finer than the scrape interval.
    QCOMPARE(prom::RangePlan::forWidth(0, 900, 2000, 15).step, qint64(15));

    // Against Prometheus: the planned step is accepted and fills every point.
    prom::Client client(m_backfilled.url());
    const prom::RangePlan plan = prom::RangePlan::forWidth(m_from, m_to, 100000, 1);
    QCOMPARE(plan.step, qint64(2));
    QVERIFY(plan.points() <= 11000);
    const QString load = prom::ChartQueries().queryFor(Metric::Load, PromLab::instance(1));
    const prom::Result r = wait(client.queryRange(load, plan));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.series.first().samples.size(), plan.points());

    // A step the plan would never choose: Prometheus's own refusal, in words.
    prom::RangePlan tooFine = plan;
    tooFine.step = 1;
    const prom::Result refused = wait(client.queryRange(load, tooFine));
    QVERIFY(!refused.ok);
    QCOMPARE(refused.errorType, QStringLiteral("bad_data"));
    QCOMPARE(refused.httpStatus, 400);
    QVERIFY2(refused.error.contains(QStringLiteral("exceeded maximum resolution")),
             qPrintable(refused.error));
    QVERIFY2(refused.error.contains(QStringLiteral("the request was invalid")),
             qPrintable(refused.error));
}

void TestPrometheus::queryWithPlusSignsIsEncoded()
{
    prom::Client client(m_backfilled.url());
    const prom::Result r = wait(
        client.query(QStringLiteral("1 + 2 * 3"), QDateTime::fromSecsSinceEpoch(m_at, Qt::UTC)));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.resultType, QStringLiteral("scalar"));
    QCOMPARE(r.series.first().samples.first().value, 7.0);
}

void TestPrometheus::badPromqlSaysWhatIsWrong()
{
    prom::Client client(m_backfilled.url());
    const prom::Result r = wait(client.query(QStringLiteral("coun(up)")));
    QVERIFY(!r.ok);
    QCOMPARE(r.errorType, QStringLiteral("bad_data"));
    QVERIFY2(r.error.startsWith(QStringLiteral("Prometheus at 127.0.0.1:")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("the request was invalid")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("unknown function with name \"coun\"")),
             qPrintable(r.error));

    // The captured error fixture reads the same way through the parser.
    QFile fixture(
        QStringLiteral(LABDECK_TEST_FIXTURES "/prometheus/error-bad_data-parse.real.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const prom::Result parsed =
        prom::Parse::response(fixture.readAll(), prom::Parse::Kind::Query, QStringLiteral("query"));
    QVERIFY(!parsed.ok);
    QCOMPARE(parsed.errorType, QStringLiteral("bad_data"));
    QVERIFY(parsed.error.contains(QStringLiteral("parse error at char 16")));
}

void TestPrometheus::silentServerTimesOut()
{
    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    prom::Client client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    client.setTimeout(std::chrono::milliseconds(400));
    QElapsedTimer timer;
    timer.start();
    const prom::Result r = wait(client.query(QStringLiteral("up")));
    QVERIFY(!r.ok);
    QVERIFY(r.timedOut);
    QVERIFY2(r.error.contains(
                 QStringLiteral("no answer from http://127.0.0.1:%1/api/v1/query within 0.4 s")
                     .arg(silent.serverPort())),
             qPrintable(r.error));
    QVERIFY(timer.elapsed() < 10000);
}

void TestPrometheus::closedPortSaysConnectionRefused()
{
    prom::Client client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_closedPort)));
    const prom::Result r = wait(client.targets());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("connection refused")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("targets")), qPrintable(r.error));
}

void TestPrometheus::targetsAndFiringAlerts()
{
    prom::Client client(m_backfilled.url());
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const prom::Result t = wait(client.targets());
                                 return t.ok && t.targets.size() == 1 &&
                                        t.targets.first().health == QLatin1String("down");
                             }()),
                             20000);
    const prom::Result t = wait(client.targets());
    const prom::Target &target = t.targets.first();
    QCOMPARE(target.labels.value(QStringLiteral("instance")), QStringLiteral("metamon:9100"));
    QCOMPARE(target.scrapeIntervalSeconds, 1.0);
    QVERIFY(!target.lastError.isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const prom::Result a = wait(client.alerts());
                                 return a.ok && !a.alerts.isEmpty() &&
                                        a.alerts.first().state == QLatin1String("firing");
                             }()),
                             20000);
    const prom::Result a = wait(client.alerts());
    QCOMPARE(a.alerts.first().name(), QStringLiteral("BrackyDiskFilling"));
    QCOMPARE(a.alerts.first().labels.value(QStringLiteral("instance")),
             QStringLiteral("bracky:9100"));
    QCOMPARE(a.alerts.first().annotations.value(QStringLiteral("summary")),
             QStringLiteral("Filesystem / fills within 24 h"));
    QVERIFY(a.alerts.first().activeAt.isValid());
}

void TestPrometheus::changingTheWindowCancelsTheFetch()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    prom::Client client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    MetricChart chart(&client);
    chart.setQuery(QStringLiteral("up"));
    chart.reload();
    QVERIFY(chart.isLoading());
    QVERIFY(silent.waitForNewConnection(5000));
    QTcpSocket *socket = silent.nextPendingConnection();
    QSignalSpy disconnected(socket, &QTcpSocket::disconnected);
    // The request is on the wire (before that, an abort leaves the idle
    // connection pooled rather than closing it).
    QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0 || socket->waitForReadyRead(100), 10000);
    chart.setWindow(std::chrono::hours(6));
    QVERIFY(!chart.isLoading());
    QVERIFY(disconnected.wait(5000)); // the request was aborted, not left running
}

void TestPrometheus::liveTailAppendsFromNodeExporter()
{
    if (QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter")).isEmpty())
        QFAIL("prometheus-node-exporter is needed (scripts/install-deps installs it)");
    PromProcess exporter;
    QString error;
    QVERIFY2(exporter.startNodeExporter(&error), qPrintable(error));
    QTemporaryDir dir;
    const QByteArray config =
        "global: {scrape_interval: 1s}\nscrape_configs:\n- job_name: node\n  static_configs:\n"
        "  - targets: ['127.0.0.1:" +
        QByteArray::number(exporter.port()) + "']\n";
    PromProcess prometheus;
    QVERIFY2(prometheus.startPrometheus(dir.path(), dir.filePath(QStringLiteral("data")), config,
                                        &error),
             qPrintable(error));

    prom::Client client(prometheus.url());
    QList<QUrl> sent;
    connect(&client, &prom::Client::requestSent, this, [&](const QUrl &u) { sent << u; });
    MetricChart chart(&client);
    const QString instance = QStringLiteral("127.0.0.1:%1").arg(exporter.port());
    chart.setQuery(prom::ChartQueries().queryFor(Metric::MemoryUsed, instance));
    chart.setWindow(std::chrono::minutes(2));
    chart.setWidth(600);
    chart.setScrapeInterval(1);
    chart.setRefreshInterval(std::chrono::milliseconds(1000));
    // Wait for the first samples, then go live.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QSignalSpy reset(&chart, &MetricChart::reset);
                                 chart.reload();
                                 return reset.wait(10000) && !chart.lines().isEmpty() &&
                                        chart.lines().first().points.size() >= 2;
                             }()),
                             30000);
    const qsizetype fullFetches = sent.size();
    const double firstLast = chart.lines().first().points.last().x();
    const double value = chart.lines().first().points.last().y();
    QVERIFY2(value > 0 && value < 100, qPrintable(QString::number(value)));
    chart.setLive(true);
    QSignalSpy appended(&chart, &MetricChart::appended);
    QTRY_VERIFY_WITH_TIMEOUT(appended.size() >= 2, 20000);
    QVERIFY(chart.lines().first().points.last().x() > firstLast);
    // Only tails were fetched after the full one: each starts after the
    // previous end, one step on.
    QVERIFY(sent.size() > fullFetches);
    for (qsizetype i = fullFetches; i < sent.size(); ++i)
        QCOMPARE(param(sent.at(i), "start"), param(sent.at(i - 1), "end") + 1);
    QVERIFY(!chart.isStale());
}

void TestPrometheus::stoppedPrometheusTurnsChartStaleAndRecovers()
{
    PromProcess exporter;
    QString error;
    QVERIFY2(exporter.startNodeExporter(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QByteArray config =
        "global: {scrape_interval: 1s}\nscrape_configs:\n- job_name: node\n  static_configs:\n"
        "  - targets: ['127.0.0.1:" +
        QByteArray::number(exporter.port()) + "']\n";
    auto prometheus = std::make_unique<PromProcess>();
    QVERIFY2(prometheus->startPrometheus(dir.path(), data, config, &error), qPrintable(error));
    const quint16 port = prometheus->port();

    prom::Client client(prometheus->url());
    client.setTimeout(std::chrono::milliseconds(2000));
    MetricChart chart(&client);
    chart.setQuery(prom::ChartQueries().queryFor(
        Metric::Load, QStringLiteral("127.0.0.1:%1").arg(exporter.port())));
    chart.setWindow(std::chrono::minutes(2));
    chart.setScrapeInterval(1);
    chart.setRefreshInterval(std::chrono::milliseconds(500));
    chart.setLive(true);
    chart.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!chart.lines().isEmpty() && !chart.lines().first().points.isEmpty(),
                             20000);
    QVERIFY(!chart.isStale());

    prometheus->kill();
    QTRY_VERIFY_WITH_TIMEOUT(chart.isStale(), 10000);
    QVERIFY2(chart.staleReason().contains(QStringLiteral("connection refused")),
             qPrintable(chart.staleReason()));
    QVERIFY(!chart.lines().isEmpty()); // the old data stays, greyed

    prometheus = std::make_unique<PromProcess>();
    QVERIFY2(prometheus->startPrometheus(dir.path(), data, config, &error, port),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!chart.isStale(), 20000);
    QVERIFY(chart.error().isEmpty());
}

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
