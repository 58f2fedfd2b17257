// Benchmark: a 7-day range at the finest step a chart allows (the
// 11,000-point cap: one point every 55 s) for 4 hosts x 2 metrics (CPU busy,
// memory used), against a real prometheus over a TSDB backfilled by promtool.
// For each query: Labdeck's time from request to chart updated (the model
// filled and the Qt Charts series replaced), the chart update alone, and
// `promtool query range` for the same query in the same run. Peak RSS of
// both. Run: cmake --build build --target bench_promcharts &&
//            QT_QPA_PLATFORM=offscreen build/bench/bench_promcharts [runs]
#include "charts/metricchartwidget.h"
#include "metricchart.h"
#include "prometheus/chartqueries.h"
#include "prometheus/promclient.h"
#include "support/promlab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineSeries>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <sys/resource.h>

using namespace labdeck;
using Metric = prom::ChartQueries::Metric;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    QTextStream out(stdout);
    QTemporaryDir dir;
    const qint64 to = QDateTime::currentSecsSinceEpoch() / 3600 * 3600 - 4 * 3600;
    const qint64 from = to - 7 * 86400;
    QElapsedTimer timer;
    timer.start();
    QString error;
    const QString data = dir.filePath(QStringLiteral("data"));
    if (!test::PromProcess::backfill(dir.path(), data,
                                     test::PromLab::openMetrics(from, to, 15, true), &error)) {
        out << "backfill failed: " << error << Qt::endl;
        return 1;
    }
    out << "backfilled 7 days x 4 hosts at 15 s in " << timer.elapsed() / 1000.0 << " s"
        << Qt::endl;
    test::PromProcess prometheus;
    if (!prometheus.startPrometheus(dir.path(), data, "global: {scrape_interval: 15s}\n", &error)) {
        out << "prometheus failed: " << error << Qt::endl;
        return 1;
    }

    prom::Client client(prometheus.url());
    client.setTimeout(std::chrono::seconds(60));
    const prom::ChartQueries queries;
    QList<double> labdeckMs;
    QList<double> updateMs;
    QList<double> promtoolMs;
    long promtoolRssKb = 0;
    qint64 points = 0;
    qint64 step = 0;
    for (int run = 0; run < runs; ++run) {
        for (int h = 0; h < 4; ++h) {
            for (const Metric metric : {Metric::CpuBusy, Metric::MemoryUsed}) {
                const QString query = queries.queryFor(metric, test::PromLab::instance(h));
                // Labdeck: the chart model and its widget, as the Metrics dock makes them.
                MetricChart chart(&client);
                chart.setClock([to] { return to; });
                chart.setQuery(query);
                chart.setWindow(std::chrono::hours(24 * 7));
                chart.setWidth(100000); // wider than any screen: the cap decides
                chart.setScrapeInterval(15);
                MetricChartWidget widget(metric, &chart);
                widget.resize(1200, 300);
                QEventLoop loop;
                QObject::connect(&chart, &MetricChart::reset, &loop, &QEventLoop::quit,
                                 Qt::QueuedConnection);
                QObject::connect(&chart, &MetricChart::stateChanged, &loop, [&] {
                    if (!chart.error().isEmpty())
                        loop.quit();
                });
                QElapsedTimer t;
                t.start();
                chart.reload();
                loop.exec();
                const double ms = t.nsecsElapsed() / 1e6;
                if (!chart.error().isEmpty() || chart.lines().isEmpty()) {
                    out << "query failed: " << chart.error() << Qt::endl;
                    return 1;
                }
                labdeckMs << ms;
                updateMs << widget.lastUpdateMs();
                points = widget.series().first()->count();
                step = chart.plan().step;

                // promtool, same query, start, end and step.
                QProcess promtool;
                promtool.setStandardOutputFile(QProcess::nullDevice());
                const prom::RangePlan plan = chart.plan();
                QElapsedTimer p;
                p.start();
                promtool.start(QStringLiteral("/usr/bin/time"),
                               {QStringLiteral("-f"), QStringLiteral("maxrss=%M"),
                                QStringLiteral("promtool"), QStringLiteral("query"),
                                QStringLiteral("range"),
                                QStringLiteral("--start=%1").arg(plan.start),
                                QStringLiteral("--end=%1").arg(plan.end),
                                QStringLiteral("--step=%1s").arg(plan.step),
                                prometheus.url().toString(), query});
                promtool.waitForFinished(120000);
                promtoolMs << p.nsecsElapsed() / 1e6;
                const QString err = QString::fromUtf8(promtool.readAllStandardError());
                const qsizetype at = err.lastIndexOf(QStringLiteral("maxrss="));
                if (at >= 0)
                    promtoolRssKb = std::max(promtoolRssKb, err.mid(at + 7).trimmed().toLong());
                if (promtool.exitCode() != 0)
                    out << "promtool failed: " << err << Qt::endl;
            }
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out << "points per series: " << points << " (step " << step << " s over 7 days)" << Qt::endl;
    out << "labdeck request -> chart updated: median " << median(labdeckMs) << " ms, max "
        << *std::max_element(labdeckMs.begin(), labdeckMs.end()) << " ms (" << labdeckMs.size()
        << " queries)" << Qt::endl;
    out << "labdeck chart update once data arrived: median " << median(updateMs) << " ms, max "
        << *std::max_element(updateMs.begin(), updateMs.end()) << " ms" << Qt::endl;
    out << "promtool query range: median " << median(promtoolMs) << " ms, max "
        << *std::max_element(promtoolMs.begin(), promtoolMs.end()) << " ms" << Qt::endl;
    out << "peak RSS: labdeck " << usage.ru_maxrss / 1024 << " MB, promtool "
        << promtoolRssKb / 1024 << " MB" << Qt::endl;
    out << "summary labdeck_ms=" << median(labdeckMs) << " update_ms=" << median(updateMs)
        << " promtool_ms=" << median(promtoolMs) << " labdeck_rss_mb=" << usage.ru_maxrss / 1024
        << " promtool_rss_mb=" << promtoolRssKb / 1024 << Qt::endl;
    return 0;
}
