// The Metrics dock's charts read like Grafana's panels, driven through the
// real widgets on the demo lab's simulated Prometheus, in the window's
// default layout: value axes in the metric's unit with nice ticks from 0,
// none cut to "..."; a time axis in local time; a crosshair with the
// nearest sample of every line; drag to zoom and double-click to reset; all
// six charts inside the dock at 1280x800 and 1600x1000.
//
// ctest runs it twice: in English (tst_chartaxes) and in Japanese
// (tst_chartaxes_ja: LANG=ja_JP.UTF-8, the Japanese translation and the
// font fontconfig picks for Japanese, taller than the Latin one).
#include "charts/metricchartwidget.h"
#include "charts/metricspanes.h"
#include "checks/checkspanes.h"
#include "clustermodels.h"
#include "common/format.h"
#include "demolab/promsimulator.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/clusterpanes.h"
#include "labselection.h"
#include "mainwindow.h"
#include "metricchart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QGraphicsLineItem>
#include <QGraphicsTextItem>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <algorithm>
#include <ctime>

using namespace labdeck;
using Metric = prom::ChartQueries::Metric;

namespace {

bool japanese()
{
    return QLocale().language() == QLocale::Japanese;
}

// "1.5 MiB/s" -> " MiB/s", "40 %" -> " %", "0.75" -> "".
QString unitOf(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?"));
    const QRegularExpressionMatch m = number.match(text);
    return m.hasMatch() ? text.mid(m.capturedLength())
                        : QStringLiteral("<no number: %1>").arg(text);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

qsizetype nearestIndex(const QList<QPointF> &points, double x)
{
    qsizetype best = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (std::abs(points.at(i).x() - x) < std::abs(points.at(best).x() - x))
            best = i;
    }
    return best;
}

} // namespace

class TestChartAxes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demolab::PromSimulator> m_sim;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<ClusterModels> m_cluster;
    std::unique_ptr<MainWindow> m_window;
    MetricsPanes *m_panes = nullptr;

    MetricChartWidget *chartOf(Metric metric) const
    {
        for (MetricChartWidget *w : m_panes->charts())
            if (w->metric() == metric)
                return w;
        return nullptr;
    }

    QScrollArea *scrollArea() const { return m_panes->dock()->findChild<QScrollArea *>(); }

    // Data drawn and the axes settled: every tick label Qt Charts drew is
    // one of the labels set, and all of them are drawn.
    static bool settled(MetricChartWidget *w)
    {
        return !w->chart()->lines().isEmpty() && w->valueLabels().size() >= 2 &&
               sorted(w->drawnAxisLabels(Qt::Vertical)) == sorted(w->valueLabels()) &&
               sorted(w->drawnAxisLabels(Qt::Horizontal)) == sorted(w->timeLabels());
    }

    static double xOfTime(MetricChartWidget *w, double ms)
    {
        const QRectF area = w->view()->chart()->plotArea();
        const auto [from, to] = w->timeRange();
        return area.left() + (ms - from) / (to - from) * area.width();
    }

    static double timeOfX(MetricChartWidget *w, double x)
    {
        const QRectF area = w->view()->chart()->plotArea();
        const auto [from, to] = w->timeRange();
        return from + (x - area.left()) / area.width() * (to - from);
    }

    // A point of the chart (chart coordinates) in the view's viewport.
    static QPoint viewportPos(MetricChartWidget *w, const QPointF &chartPoint)
    {
        return w->view()->mapFromScene(w->view()->chart()->mapToScene(chartPoint));
    }

    void waitForAllCharts()
    {
        QCOMPARE(m_panes->charts().size(), 6);
        for (MetricChartWidget *w : m_panes->charts()) {
            QTRY_VERIFY2_WITH_TIMEOUT(
                settled(w),
                qPrintable(QStringLiteral("%1: set %2, drawn %3 / %4")
                               .arg(w->objectName(), w->valueLabels().join(QLatin1Char('|')),
                                    w->drawnAxisLabels(Qt::Vertical).join(QLatin1Char('|')),
                                    w->drawnAxisLabels(Qt::Horizontal).join(QLatin1Char('|')))),
                15000);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (japanese()) {
            // The run this is for: translated, in the font Japanese gets.
            QCOMPARE(prom::ChartQueries::title(Metric::CpuBusy), QStringLiteral("CPU 使用率"));
            const QString family = QFontInfo(QApplication::font()).family();
            QVERIFY2(family.contains(QLatin1String("CJK")), qPrintable(family));
        }
    }

    void init()
    {
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        m_sim = std::make_unique<demolab::PromSimulator>(lab);
        QVERIFY(m_sim->listen());
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        // The bottom docks the window has, in the order it makes them.
        m_cluster = std::make_unique<ClusterModels>(m_hosts.get());
        new ClusterPanes(m_window.get(), m_cluster.get(), m_hosts.get(), m_selection.get());
        new ChecksPanes(m_window.get(), m_hosts.get(), m_selection.get());
        m_panes =
            new MetricsPanes(m_window.get(), m_hosts.get(), m_selection.get(), m_window.get());
        m_window->useDefaultLayout();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The user picks the Metrics tab.
        m_panes->dock()->raise();
        QTRY_VERIFY(m_panes->dock()->isVisible());
        m_panes->setPrometheus(m_sim->url(), true);
        m_panes->showHost(QStringLiteral("metamon"));
        // The bottom area, lower than a row of charts by default, grew to
        // one (190 px) when the charts were first shown.
        QTRY_VERIFY2(scrollArea()->viewport()->height() >= 190,
                     qPrintable(QString::number(scrollArea()->viewport()->height())));
    }

    void cleanup()
    {
        m_window.reset();
        m_panes = nullptr;
        m_cluster.reset();
        m_selection.reset();
        m_hosts.reset();
        m_sim.reset();
        QSettings().clear();
    }

    void valueAxesInTheMetricsUnit()
    {
        waitForAllCharts();
        const QRegularExpression rate(QStringLiteral("^\\d+(\\.\\d+)? (B|KiB|MiB|GiB)/s$"));
        const QRegularExpression percent(QStringLiteral("^\\d+ %$"));
        const QRegularExpression plain(QStringLiteral("^\\d+(\\.\\d+)?$"));
        for (MetricChartWidget *w : m_panes->charts()) {
            const QStringList labels = w->valueLabels();
            const QString what =
                w->objectName() + QLatin1String(": ") + labels.join(QLatin1Char('|'));
            const prom::ChartQueries::Unit unit = prom::ChartQueries::unit(w->metric());
            const QRegularExpression &shape = unit == prom::ChartQueries::Unit::BytesPerSecond
                                                  ? rate
                                              : unit == prom::ChartQueries::Unit::Percent ? percent
                                                                                          : plain;
            for (const QString &label : labels)
                QVERIFY2(shape.match(label).hasMatch(), qPrintable(what));
            // From zero: counters, rates, percentages and load never go below.
            QCOMPARE(w->valueRange().first, 0.0);
            QVERIFY2(unitOf(labels.first()) == unitOf(labels.last()) &&
                         labels.first().startsWith(QLatin1Char('0')),
                     qPrintable(what));
            // Every line fits under the top tick.
            for (const ChartLine &l : w->chart()->lines())
                for (const QPointF &p : l.points)
                    QVERIFY2(p.y() <= w->valueRange().second, qPrintable(what));
            // Evenly spaced at a nice step.
            const Format::ValueTicks &t = w->valueTicks();
            QCOMPARE(t.labels, labels);
            for (qsizetype i = 1; i < t.values.size(); ++i)
                QVERIFY(std::abs(t.values.at(i) - t.values.at(i - 1) - t.step) < 1e-6 * t.step);
            if (unit == prom::ChartQueries::Unit::Percent)
                QCOMPARE(w->valueRange().second, 100.0);
            // The header's value in the axis's unit.
            QTRY_VERIFY(!w->valueText().isEmpty());
            QVERIFY2(unitOf(w->valueText()) == unitOf(labels.last()),
                     qPrintable(what + QLatin1String(" / header ") + w->valueText()));
            QCOMPARE(w->valueText(), w->formatValue(w->chart()->latestValue()));
            // Drawn whole by Qt Charts at the default size, in either language.
            for (const Qt::Orientation o : {Qt::Vertical, Qt::Horizontal}) {
                for (const QString &text : w->drawnAxisLabels(o))
                    QVERIFY2(!text.contains(QLatin1String("...")) && !text.contains(QChar(0x2026)),
                             qPrintable(what + QLatin1String(" drawn: ") + text));
            }
        }
        // The network rates of the demo's metamon are KiB/s.
        MetricChartWidget *rx = chartOf(Metric::NetworkReceive);
        QVERIFY2(rx->valueLabels().last().endsWith(QLatin1String("iB/s")),
                 qPrintable(rx->valueLabels().join(QLatin1Char('|'))));
        // Load has three lines and plain numbers.
        QCOMPARE(chartOf(Metric::Load)->chart()->lines().size(), 3);
        m_window->grab().save(QStringLiteral("/tmp/labdeck-chartaxes-%1.png")
                                  .arg(japanese() ? QStringLiteral("ja") : QStringLiteral("en")));
    }

    void timeAxisInLocalTime()
    {
        // The test runs in Asia/Kolkata (UTC+05:30): a round local time is
        // half past in UTC, so a UTC axis would fail here.
        QCOMPARE(QDateTime::fromSecsSinceEpoch(0).toString(QStringLiteral("HH:mm")),
                 QStringLiteral("05:30"));
        waitForAllCharts();
        for (MetricChartWidget *w : m_panes->charts()) {
            const prom::RangePlan plan = w->chart()->plan();
            QCOMPARE(w->timeRange().first, double(plan.start) * 1000);
            QCOMPARE(w->timeRange().second, double(plan.end) * 1000);
            const Format::TimeTicks &t = w->timeTicks();
            QCOMPARE(t.format, QStringLiteral("HH:mm")); // a 1 h window
            QVERIFY2(w->timeLabels().size() >= 2,
                     qPrintable(w->timeLabels().join(QLatin1Char('|'))));
            QCOMPARE(w->timeLabels(), t.labels);
            for (qsizetype i = 0; i < t.msecs.size(); ++i) {
                const QDateTime at = QDateTime::fromMSecsSinceEpoch(t.msecs.at(i));
                QCOMPARE(at.toString(QStringLiteral("HH:mm")), t.labels.at(i));
                QVERIFY(t.msecs.at(i) >= w->timeRange().first &&
                        t.msecs.at(i) <= w->timeRange().second);
                QCOMPARE(at.time().minute() % 5, 0);
                QCOMPARE(at.time().second(), 0);
            }
        }
        // A week: days, or days and times.
        m_panes->setWindow(std::chrono::hours(24 * 7));
        MetricChartWidget *cpu = chartOf(Metric::CpuBusy);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->chart()->plan().end - cpu->chart()->plan().start >
                                         6 * 86400 &&
                                     !cpu->chart()->isLoading() && settled(cpu),
                                 15000);
        const QRegularExpression days(QStringLiteral("^\\d\\d-\\d\\d( \\d\\d:\\d\\d)?$"));
        QVERIFY2(cpu->timeLabels().size() >= 2,
                 qPrintable(QStringLiteral("%1 .. %2: %3 (%4, every %5 s), plot %6 px")
                                .arg(QDateTime::fromMSecsSinceEpoch(qint64(cpu->timeRange().first))
                                         .toString(Qt::ISODate),
                                     QDateTime::fromMSecsSinceEpoch(qint64(cpu->timeRange().second))
                                         .toString(Qt::ISODate),
                                     cpu->timeTicks().labels.join(QLatin1Char('|')),
                                     cpu->timeTicks().format)
                                .arg(cpu->timeTicks().stepSeconds)
                                .arg(cpu->view()->chart()->plotArea().width())));
        for (const QString &label : cpu->timeLabels())
            QVERIFY2(days.match(label).hasMatch(), qPrintable(label));
    }

    void hoverShowsTheNearestSampleOfEveryLine()
    {
        m_panes->setLive(false);
        waitForAllCharts();
        MetricChartWidget *load = chartOf(Metric::Load);
        const QList<ChartLine> lines = load->chart()->lines();
        QCOMPARE(lines.size(), 3);
        const QList<QPointF> &first = lines.first().points;
        QVERIFY(first.size() > 10);
        // Over a known sample in the middle of the first line.
        const QPointF sample = first.at(first.size() / 2);
        const QRectF area = load->view()->chart()->plotArea();
        const QPointF over(xOfTime(load, sample.x()), area.center().y());
        const QPoint pos = viewportPos(load, over);
        QTest::mouseMove(load->view()->viewport(), pos);
        QTRY_VERIFY(!load->hoverText().isEmpty());
        // What the pixel the mouse is on stands for: its nearest samples.
        const double t =
            timeOfX(load, load->view()->chart()->mapFromScene(load->view()->mapToScene(pos)).x());
        const QPointF hit = first.at(nearestIndex(first, t));
        QVERIFY(std::abs(hit.x() - sample.x()) <= double(load->chart()->plan().step) * 1000);
        const QStringList rows = load->hoverText().split(QLatin1Char('\n'));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.first(), Format::sampleTime(qint64(hit.x())));
        QCOMPARE(rows.first(), QDateTime::fromMSecsSinceEpoch(qint64(hit.x()))
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QPointF p = lines.at(i).points.at(nearestIndex(lines.at(i).points, hit.x()));
            QCOMPARE(p.x(), hit.x()); // the lines share their steps
            const QString row = QCoreApplication::translate("labdeck::MetricChartWidget", "%1: %2")
                                    .arg(lines.at(i).name, load->formatValue(p.y()));
            QCOMPARE(rows.at(i + 1), row);
            QVERIFY2(rows.at(i + 1).startsWith(QStringLiteral("node_load")), qPrintable(row));
        }
        // The vertical line through the sample.
        QGraphicsLineItem *crosshair = nullptr;
        for (QGraphicsItem *item : load->view()->scene()->items()) {
            auto *line = dynamic_cast<QGraphicsLineItem *>(item);
            if (line && line->isVisible() && line->zValue() == 100)
                crosshair = line;
        }
        QVERIFY(crosshair);
        QCOMPARE(crosshair->line().x1(), crosshair->line().x2());
        QVERIFY(std::abs(crosshair->line().x1() - xOfTime(load, hit.x())) < 0.5);
        QVERIFY(crosshair->line().length() >= load->view()->chart()->plotArea().height() - 1);
        load->grab().save(QStringLiteral("/tmp/labdeck-chart-hover-%1.png")
                              .arg(japanese() ? QStringLiteral("ja") : QStringLiteral("en")));

        // One line: its name is the chart's; the value in the axis's unit.
        MetricChartWidget *rx = chartOf(Metric::NetworkReceive);
        const QList<QPointF> &points = rx->chart()->lines().first().points;
        const QPointF last = points.at(points.size() - 3);
        QTest::mouseMove(rx->view()->viewport(),
                         viewportPos(rx, QPointF(xOfTime(rx, last.x()),
                                                 rx->view()->chart()->plotArea().center().y())));
        QTRY_VERIFY(!rx->hoverText().isEmpty());
        QVERIFY2(rx->hoverText().contains(prom::ChartQueries::title(Metric::NetworkReceive)),
                 qPrintable(rx->hoverText()));
        const QString value = rx->hoverText().split(QLatin1Char('\n')).last();
        QVERIFY2(unitOf(value.section(QLatin1Char(' '), -2)) == unitOf(rx->valueLabels().last()),
                 qPrintable(value));

        // Off the plot: no crosshair.
        QTest::mouseMove(load->view()->viewport(), QPoint(1, 1));
        QTRY_VERIFY(load->hoverText().isEmpty());
        QVERIFY(!crosshair->isVisible());
    }

    void dragZoomsAndDoubleClickResets()
    {
        m_panes->setLive(false);
        waitForAllCharts();
        MetricChartWidget *cpu = chartOf(Metric::CpuBusy);
        MetricChartWidget *memory = chartOf(Metric::MemoryUsed);
        const QPair<double, double> whole = cpu->timeRange();
        const QStringList wholeLabels = cpu->timeLabels();
        QCOMPARE(memory->timeRange(), whole);
        const QRectF area = cpu->view()->chart()->plotArea();
        const double y = area.center().y();
        const QPoint from = viewportPos(cpu, QPointF(area.left() + area.width() * 0.25, y));
        const QPoint to = viewportPos(cpu, QPointF(area.left() + area.width() * 0.75, y));
        const double expectFrom =
            timeOfX(cpu, cpu->view()->chart()->mapFromScene(cpu->view()->mapToScene(from)).x());
        const double expectTo =
            timeOfX(cpu, cpu->view()->chart()->mapFromScene(cpu->view()->mapToScene(to)).x());

        QWidget *viewport = cpu->view()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        QTRY_VERIFY(cpu->isZoomed());
        const double msPerPixel = (whole.second - whole.first) / area.width();
        QVERIFY(std::abs(cpu->timeRange().first - expectFrom) <= msPerPixel);
        QVERIFY(std::abs(cpu->timeRange().second - expectTo) <= msPerPixel);
        QVERIFY(cpu->timeRange().second - cpu->timeRange().first <
                0.6 * (whole.second - whole.first));
        QVERIFY(cpu->timeLabels() != wholeLabels);
        // The ticks are those of the zoomed range, drawn whole.
        QTRY_VERIFY(settled(cpu));
        for (const QString &label : cpu->timeLabels())
            QVERIFY(!label.contains(QLatin1String("...")));
        // The dock's other charts show the same range.
        QTRY_COMPARE(memory->timeRange(), cpu->timeRange());
        QVERIFY(memory->isZoomed());

        // A click is not a drag.
        const QPair<double, double> zoomed = cpu->timeRange();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, to);
        QCOMPARE(cpu->timeRange(), zoomed);

        QTest::mouseDClick(viewport, Qt::LeftButton, {}, from);
        QTRY_VERIFY(!cpu->isZoomed());
        QCOMPARE(cpu->timeRange(), whole);
        QTRY_VERIFY(settled(cpu));
        QCOMPARE(cpu->timeLabels(), wholeLabels);
        QTRY_VERIFY(!memory->isZoomed());
        QCOMPARE(memory->timeRange(), whole);
    }

    void allSixChartsFitTheDock_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }
    void allSixChartsFitTheDock()
    {
        QFETCH(QSize, size);
        m_window->resize(size);
        waitForAllCharts();
        QScrollArea *scroll = scrollArea();
        QVERIFY(scroll);
        const QRect viewport = scroll->viewport()->rect();
        for (MetricChartWidget *w : m_panes->charts()) {
            QTRY_VERIFY2(
                viewport.contains(QRect(w->mapTo(scroll->viewport(), QPoint(0, 0)), w->size())),
                qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                               .arg(w->objectName())
                               .arg(w->mapTo(scroll->viewport(), QPoint(0, 0)).x())
                               .arg(w->mapTo(scroll->viewport(), QPoint(0, 0)).y())
                               .arg(w->width())
                               .arg(w->height())
                               .arg(viewport.width())
                               .arg(viewport.height())));
            QVERIFY(w->isVisible());
            // Big enough to read: a plot, not a strip.
            QVERIFY2(w->view()->chart()->plotArea().height() >= 50,
                     qPrintable(QString::number(w->view()->chart()->plotArea().height())));
            QVERIFY(w->view()->chart()->plotArea().width() >= 100);
        }
        QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
        QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        m_window->grab().save(QStringLiteral("/tmp/labdeck-chartaxes-%1-%2x%3.png")
                                  .arg(japanese() ? QStringLiteral("ja") : QStringLiteral("en"))
                                  .arg(size.width())
                                  .arg(size.height()));
    }
};

int main(int argc, char *argv[])
{
    // Local time on a half-hour offset (see timeAxisInLocalTime).
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    QTranslator ja;
    if (japanese()) {
        if (!ja.load(QStringLiteral(LABDECK_QM_FILE))) {
            qCritical("cannot load %s; build the labdeck target first", LABDECK_QM_FILE);
            return 1;
        }
        QCoreApplication::installTranslator(&ja);
    }
    TestChartAxes test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chartaxes.moc"
