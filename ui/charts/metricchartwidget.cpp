#include "charts/metricchartwidget.h"

#include "common/format.h"
#include "healthcolor.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace labdeck {

using Metric = prom::ChartQueries::Metric;

MetricChartWidget::MetricChartWidget(Metric metric, MetricChart *chart, QWidget *parent)
    : QFrame(parent)
    , m_metric(metric)
    , m_chart(chart)
    , m_title(new QLabel(prom::ChartQueries::title(metric)))
    , m_value(new QLabel)
    , m_freshness(new QLabel)
    , m_promqlButton(new QToolButton)
    , m_editor(new QWidget)
    , m_promql(new QPlainTextEdit)
    , m_plot(new QChart)
    , m_view(new QChartView(m_plot))
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("chart-") + prom::ChartQueries::key(metric));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_freshness->setObjectName(QStringLiteral("freshness"));
    m_promqlButton->setText(tr("PromQL"));
    m_promqlButton->setCheckable(true);
    m_promqlButton->setToolTip(tr("Show and edit the PromQL behind this chart"));
    m_promqlButton->setAutoRaise(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_value);
    header->addStretch();
    header->addWidget(m_freshness);
    header->addWidget(m_promqlButton);

    m_promql->setAccessibleName(tr("PromQL of %1").arg(prom::ChartQueries::title(metric)));
    m_promql->setMaximumHeight(64);
    m_promql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *run = new QPushButton(tr("Run"));
    run->setToolTip(tr("Run this PromQL for this chart (Ctrl+Enter)"));
    // Ctrl+Enter in the editor runs it (scoped to the editor: each chart has one).
    auto *runKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_promql, nullptr,
                                 nullptr, Qt::WidgetShortcut);
    connect(runKey, &QShortcut::activated, this, &MetricChartWidget::runCustom);
    auto *reset = new QPushButton(tr("Use Template"));
    reset->setToolTip(tr("Go back to the query from the chart templates (Settings)"));
    auto *editorLayout = new QHBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_promql, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(reset);
    buttons->addStretch();
    editorLayout->addLayout(buttons);
    m_editor->hide();
    connect(m_promqlButton, &QToolButton::toggled, m_editor, &QWidget::setVisible);
    connect(run, &QPushButton::clicked, this, &MetricChartWidget::runCustom);
    connect(reset, &QPushButton::clicked, this, &MetricChartWidget::resetQuery);

    m_plot->legend()->setAlignment(Qt::AlignBottom);
    m_plot->setMargins(QMargins(2, 2, 2, 2));
    m_plot->setBackgroundRoundness(0);
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_x->setTickCount(5);
    m_y->setLabelFormat(prom::ChartQueries::unit(metric) == prom::ChartQueries::Unit::Percent
                            ? QStringLiteral("%.0f")
                            : QStringLiteral("%.3g"));
    m_plot->addAxis(m_x, Qt::AlignBottom);
    m_plot->addAxis(m_y, Qt::AlignLeft);
    if (palette().color(QPalette::Window).lightness() < 128)
        m_plot->setTheme(QChart::ChartThemeDark);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(150);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(header);
    layout->addWidget(m_editor);
    layout->addWidget(m_view, 1);

    connect(m_chart, &MetricChart::reset, this, &MetricChartWidget::rebuild);
    connect(m_chart, &MetricChart::appended, this, &MetricChartWidget::extend);
    connect(m_chart, &MetricChart::stateChanged, this, &MetricChartWidget::updateState);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &MetricChartWidget::updateState);
    m_tick.start();
    m_resize.setSingleShot(true);
    m_resize.setInterval(400);
    connect(&m_resize, &QTimer::timeout, this, &MetricChartWidget::widthChanged);
    updateState();
}

MetricChartWidget::~MetricChartWidget() = default;

int MetricChartWidget::plotWidth() const
{
    const int area = int(m_plot->plotArea().width());
    return area > 10 ? area : std::max(100, width() - 60);
}

void MetricChartWidget::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    m_resize.start();
}

void MetricChartWidget::setTemplateQuery(const QString &query)
{
    m_template = query;
    if (m_custom.isEmpty()) {
        m_chart->setQuery(query);
        m_promql->setPlainText(query);
    }
}

void MetricChartWidget::runCustom()
{
    const QString text = m_promql->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    m_custom = text == m_template ? QString() : text;
    m_chart->setQuery(text);
    m_chart->reload();
    updateState();
}

void MetricChartWidget::resetQuery()
{
    m_custom.clear();
    m_promql->setPlainText(m_template);
    m_chart->setQuery(m_template);
    m_chart->reload();
    updateState();
}

void MetricChartWidget::rebuild()
{
    QElapsedTimer timer;
    timer.start();
    const QList<ChartLine> &lines = m_chart->lines();
    while (m_series.size() > lines.size()) {
        QLineSeries *s = m_series.takeLast();
        m_plot->removeSeries(s);
        delete s;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QLineSeries *s = nullptr;
        if (i < m_series.size()) {
            s = m_series.at(i);
        } else {
            s = new QLineSeries;
            m_plot->addSeries(s);
            s->attachAxis(m_x);
            s->attachAxis(m_y);
            const int line = int(i);
            connect(s, &QLineSeries::hovered, this,
                    [this, line](const QPointF &p, bool state) { showHover(p, state, line); });
            m_series << s;
        }
        s->setName(lines.at(i).name.isEmpty() ? prom::ChartQueries::title(m_metric)
                                              : lines.at(i).name);
        s->replace(lines.at(i).points);
    }
    m_plot->legend()->setVisible(lines.size() > 1);
    updateAxes();
    m_lastUpdateMs = timer.nsecsElapsed() / 1e6;
    updateState();
}

void MetricChartWidget::extend()
{
    // Lines only grow at the end and lose their oldest points: replacing the
    // series' points is one change for Qt Charts, not one per point.
    rebuild();
}

void MetricChartWidget::updateAxes()
{
    const prom::RangePlan plan = m_chart->plan();
    if (plan.isValid()) {
        m_x->setRange(QDateTime::fromSecsSinceEpoch(plan.start),
                      QDateTime::fromSecsSinceEpoch(plan.end));
        m_x->setFormat(plan.end - plan.start > 2 * 86400 ? QStringLiteral("MM-dd HH:mm")
                                                         : QStringLiteral("HH:mm"));
    }
    double lo = 0;
    double hi = 0;
    bool any = false;
    for (const ChartLine &l : m_chart->lines()) {
        for (const QPointF &p : l.points) {
            if (!std::isfinite(p.y()))
                continue;
            lo = any ? std::min(lo, p.y()) : p.y();
            hi = any ? std::max(hi, p.y()) : p.y();
            any = true;
        }
    }
    if (prom::ChartQueries::unit(m_metric) == prom::ChartQueries::Unit::Percent) {
        m_y->setRange(0, 100);
    } else if (any) {
        m_y->setRange(std::min(0.0, lo), hi > 0 ? hi * 1.1 : 1.0);
    }
}

void MetricChartWidget::showHover(const QPointF &point, bool state, int line)
{
    if (!state || line >= m_chart->lines().size()) {
        QToolTip::hideText();
        return;
    }
    // The nearest real sample, not the interpolated point under the cursor.
    const QList<QPointF> &points = m_chart->lines().at(line).points;
    if (points.isEmpty())
        return;
    auto it = std::lower_bound(points.begin(), points.end(), point.x(),
                               [](const QPointF &p, double x) { return p.x() < x; });
    if (it == points.end())
        --it;
    else if (it != points.begin() &&
             std::abs((it - 1)->x() - point.x()) < std::abs(it->x() - point.x()))
        --it;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(it->x()));
    const QString name = m_series.value(line) ? m_series.value(line)->name() : QString();
    QToolTip::showText(
        QCursor::pos(),
        tr("%1\n%2 at %3")
            .arg(name, prom::ChartQueries::formatValue(prom::ChartQueries::unit(m_metric), it->y()),
                 QLocale().toString(at, QLocale::ShortFormat) + at.toString(QStringLiteral(":ss"))),
        m_view);
}

QString MetricChartWidget::freshnessText() const
{
    return m_freshness->text();
}

void MetricChartWidget::updateState()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool stale = m_chart->isStale(now);
    QString text;
    QString tip;
    Health health = Health::Ok;
    if (!m_chart->unavailableReason().isEmpty()) {
        text = m_chart->unavailableReason();
        health = Health::Unknown;
    } else if (stale) {
        text = tr("stale: %1").arg(m_chart->staleReason(now));
        health = Health::Unknown;
    } else if (!m_chart->error().isEmpty()) {
        text = m_chart->error();
        health = Health::Critical;
    } else if (m_chart->isLoading() && !m_chart->updatedAt().isValid()) {
        text = tr("loading…");
        health = Health::Unknown;
    } else if (m_chart->updatedAt().isValid()) {
        text = tr("updated %1").arg(Format::ago(m_chart->updatedAt().secsTo(now)));
        if (!m_chart->warnings().isEmpty()) {
            tip = tr("Prometheus warned: %1").arg(m_chart->warnings().join(QStringLiteral("; ")));
            health = Health::Warning;
        }
    }
    const prom::RangePlan plan = m_chart->plan();
    if (plan.isValid())
        tip +=
            (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
            tr("%n point(s) per line, one every %1 s", nullptr, int(plan.points())).arg(plan.step);
    m_freshness->setText(QFontMetrics(m_freshness->font()).elidedText(text, Qt::ElideRight, 420));
    m_freshness->setToolTip(text + (tip.isEmpty() ? QString() : QStringLiteral("\n") + tip));
    QPalette pal = m_freshness->palette();
    pal.setColor(QPalette::WindowText, health == Health::Ok
                                           ? palette().color(QPalette::PlaceholderText)
                                           : healthColor(health));
    m_freshness->setPalette(pal);

    // Stale lines go grey; live ones keep the theme's colours.
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        QPen pen = m_series.at(i)->pen();
        pen.setWidthF(1.5);
        pen.setColor(stale ? palette().color(QPalette::Disabled, QPalette::Text)
                           : QColor::fromHsv(int(210 + 70 * i) % 360, 190, 210));
        m_series.at(i)->setPen(pen);
    }
    const double latest = m_chart->latestValue();
    m_value->setText(std::isnan(latest) ? QString()
                                        : prom::ChartQueries::formatValue(
                                              prom::ChartQueries::unit(m_metric), latest));
    m_promqlButton->setText(m_custom.isEmpty() ? tr("PromQL") : tr("PromQL (custom)"));
}

} // namespace labdeck
