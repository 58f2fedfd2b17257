#include "charts/metricchartwidget.h"

#include "common/format.h"
#include "healthcolor.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QElapsedTimer>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRubberBand>
#include <QShortcut>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace labdeck {

using Metric = prom::ChartQueries::Metric;

namespace {

// Qt Charts' own spacing around an axis label (ChartAxisElement::labelPadding).
constexpr double kLabelPadding = 4.0;
// A dragged range narrower than this many pixels is a click, not a zoom.
constexpr int kMinimumDrag = 6;

// Sets a category axis to labelled ticks at `values` inside [min, max]; the
// labels sit on their values (a category ends at its tick).
void setTicks(QCategoryAxis *axis, double min, double max, const QList<double> &values,
              const QStringList &labels)
{
    bool same = axis->categoriesLabels() == labels;
    for (qsizetype i = 0; i < labels.size() && same; ++i)
        same = axis->endValue(labels.at(i)) == values.at(i);
    if (!same) {
        const QStringList old = axis->categoriesLabels();
        for (const QString &label : old)
            axis->remove(label);
        axis->setStartValue(min);
        for (qsizetype i = 0; i < labels.size() && i < values.size(); ++i)
            axis->append(labels.at(i), values.at(i));
    }
    // The same ticks in a range that slid a step: only the range.
    if (axis->min() != min || axis->max() != max) {
        axis->setStartValue(min);
        axis->setRange(min, max);
    }
}

// A label's size as Qt Charts measures it (ChartPresenter::textBoundingRect:
// a QTextDocument with a 0.5 px margin).
// Remembered (UI thread only): the charts ask for the same few on every update.
QSizeF labelSize(const QFont &font, const QString &text)
{
    static QHash<QString, QSizeF> known;
    const QString key = font.key() + QLatin1Char('\n') + text;
    const auto it = known.constFind(key);
    if (it != known.constEnd())
        return *it;
    QTextDocument document;
    document.setDocumentMargin(0.5);
    document.setDefaultFont(font);
    document.setHtml(text);
    if (known.size() > 256)
        known.clear();
    return known.insert(key, document.size()).value();
}

double labelHeight(const QFont &font)
{
    return labelSize(font, QStringLiteral("0123456789")).height();
}

double labelWidth(const QFont &font, const QString &text)
{
    return labelSize(font, text).width();
}

// The index of the point nearest to x in points sorted by x.
qsizetype nearest(const QList<QPointF> &points, double x)
{
    auto it = std::lower_bound(points.begin(), points.end(), x,
                               [](const QPointF &p, double v) { return p.x() < v; });
    if (it == points.end())
        --it;
    else if (it != points.begin() && std::abs((it - 1)->x() - x) < std::abs(it->x() - x))
        --it;
    return it - points.begin();
}

} // namespace

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
    , m_x(new QCategoryAxis)
    , m_y(new QCategoryAxis)
    , m_crosshair(new QGraphicsLineItem(m_plot))
    , m_hover(new QLabel(m_view))
    , m_band(new QRubberBand(QRubberBand::Rectangle, m_view->viewport()))
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("chart-") + prom::ChartQueries::key(metric));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setToolTip(
        tr("Point at a line for its values; drag across the chart to zoom into a time range, "
           "double-click to show all of it"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setToolTip(tr("The latest value"));
    m_freshness->setObjectName(QStringLiteral("freshness"));
    // The freshness gives way first in a narrow cell (elided, then a dot).
    m_freshness->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_freshness->setMinimumWidth(12);
    m_freshness->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_promqlButton->setText(tr("PromQL"));
    m_promqlButton->setCheckable(true);
    m_promqlButton->setToolTip(tr("Show and edit the PromQL behind this chart"));
    m_promqlButton->setAutoRaise(true);

    // The title on its own line, then the value, how fresh it is and the
    // PromQL toggle: a chart is as narrow as its title (see MetricsPanes's
    // grid); the freshness gives way first.
    m_value->setMinimumWidth(1); // its text is not the chart's minimum width
    auto *title = new QHBoxLayout;
    title->addWidget(m_title);
    title->addStretch();
    auto *status = new QHBoxLayout;
    status->setSpacing(6);
    status->addWidget(m_value);
    status->addWidget(m_freshness, 1);
    status->addWidget(m_promqlButton);

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
    m_plot->layout()->setContentsMargins(0, 0, 0, 0);
    m_plot->setBackgroundRoundness(0);
    if (palette().color(QPalette::Window).lightness() < 128)
        m_plot->setTheme(QChart::ChartThemeDark);
    // Labels on their tick values, from Format: local times and units.
    for (QCategoryAxis *axis : {m_x, m_y}) {
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setGridLineVisible(true);
    }
    // The time labels are spaced by their width (updateAxes); Qt's own rule
    // would cut them to "..." at a share of the axis that ignores the gaps.
    m_x->setTruncateLabels(false);
    m_x->setObjectName(QStringLiteral("time-axis"));
    m_y->setObjectName(QStringLiteral("value-axis"));
    m_plot->addAxis(m_x, Qt::AlignBottom);
    m_plot->addAxis(m_y, Qt::AlignLeft);
    // Room above the plot for half the top tick's label (a category axis
    // does not ask for it); updateAxes keeps room right of it.
    m_plot->setMargins(QMargins(2, int(std::ceil(labelHeight(m_y->labelsFont()) / 2)), 20, 2));
    // The tick density follows the plot's size (queued: not inside a layout).
    connect(m_plot, &QChart::plotAreaChanged, this, &MetricChartWidget::updateAxes,
            Qt::QueuedConnection);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(110);
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    QPen crosshair(palette().color(QPalette::WindowText));
    crosshair.setWidthF(1);
    crosshair.setStyle(Qt::DashLine);
    m_crosshair->setPen(crosshair);
    m_crosshair->setZValue(100);
    m_crosshair->hide();
    m_hover->setObjectName(QStringLiteral("chart-hover"));
    m_hover->setAutoFillBackground(true);
    m_hover->setPalette(
        QPalette(palette().color(QPalette::ToolTipText), palette().color(QPalette::ToolTipBase)));
    m_hover->setForegroundRole(QPalette::WindowText);
    m_hover->setBackgroundRole(QPalette::Window);
    m_hover->setFrameShape(QFrame::Box);
    m_hover->setMargin(3);
    m_hover->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hover->hide();
    m_band->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(title);
    layout->addLayout(status);
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
    updateLegend();
    updateFreshnessLabel();
    m_resize.start();
}

void MetricChartWidget::updateLegend()
{
    // The names of several lines below the plot when there is room for
    // them; in a low cell the crosshair names them.
    const bool show = m_series.size() > 1 && m_view->height() >= 170;
    if (m_plot->legend()->isVisible() != show)
        m_plot->legend()->setVisible(show);
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
            m_series << s;
        }
        s->setName(lines.at(i).name.isEmpty() ? prom::ChartQueries::title(m_metric)
                                              : lines.at(i).name);
        s->replace(lines.at(i).points);
    }
    updateLegend();
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

Format::Quantity MetricChartWidget::quantity() const
{
    return prom::ChartQueries::quantity(prom::ChartQueries::unit(m_metric));
}

QPair<double, double> MetricChartWidget::shownTimeRange() const
{
    if (isZoomed())
        return {m_zoomFrom, m_zoomTo};
    const prom::RangePlan plan = m_chart->plan();
    if (plan.isValid() && plan.end > plan.start)
        return {double(plan.start) * 1000.0, double(plan.end) * 1000.0};
    const double now = double(QDateTime::currentMSecsSinceEpoch());
    return {now - double(m_chart->window().count()) * 1000.0, now};
}

void MetricChartWidget::updateAxes()
{
    const auto [from, to] = shownTimeRange();
    // The value range of what is shown.
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const ChartLine &l : m_chart->lines()) {
        for (const QPointF &p : l.points) {
            if (!std::isfinite(p.y()) || p.x() < from || p.x() > to)
                continue;
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    }
    // Negative values only ever come from a custom query: show them then.
    if (!std::isfinite(lo) || m_custom.isEmpty())
        lo = 0;
    if (!std::isfinite(hi))
        hi = 0;

    // As many ticks as fit without Qt Charts cutting or hiding a label: each
    // label gets its share of the axis (and a gap) at the labels' font.
    // (Qt Charts gives each label a share of the axis's whole length, which
    // is about the chart's, and hides a label that would overlap the last.)
    const QRectF area = m_plot->plotArea();
    const double plotHeight = area.height() > 20 ? area.height() : 100;
    const double plotWidth = area.width() > 20 ? area.width() : 200;
    const double yLabel = labelHeight(m_y->labelsFont());
    const double xLabel = labelHeight(m_x->labelsFont());
    // The length Qt Charts shares out: from the chart's top to the time
    // labels' bottom, less what we cannot see of it.
    const double axisHeight = (area.height() > 20 ? area.bottom() : plotHeight) + xLabel;
    const int byShare = int(std::floor(axisHeight / (yLabel + 2 * kLabelPadding + 1))) - 1;
    const int byGap = int(std::floor(plotHeight / (yLabel + kLabelPadding))) + 1;
    const int maxValueTicks = std::clamp(std::min(byShare, byGap), 2, 8);
    m_valueTicks = Format::valueTicks(quantity(), lo, hi, maxValueTicks);
    // Too small to share: the two labels stand whole rather than as "...".
    m_y->setTruncateLabels(byShare >= 2);
    setTicks(m_y, m_valueTicks.min, m_valueTicks.max, m_valueTicks.values, m_valueTicks.labels);

    // Time labels at least 1.3 label widths apart; the width depends on
    // the format, which depends on the step: guess, then settle.
    const QFont xFont = m_x->labelsFont();
    const qint64 fromMs = qint64(std::llround(from));
    const qint64 toMs = qint64(std::llround(to));
    const auto widthOf = [&xFont](const QString &format) {
        return labelWidth(xFont,
                          QDateTime(QDate(2000, 12, 31), QTime(23, 59, 59)).toString(format));
    };
    const auto ticksFor = [&](double width) {
        return Format::timeTicks(fromMs, toMs,
                                 qint64(double(toMs - fromMs) * 1.3 * width / plotWidth));
    };
    const QString guess =
        (to - from) > 86400e3 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm");
    m_timeTicks = ticksFor(widthOf(guess));
    if (widthOf(m_timeTicks.format) > widthOf(guess)) {
        m_timeTicks = ticksFor(widthOf(m_timeTicks.format)); // seconds: wider
    } else if (widthOf(m_timeTicks.format) < widthOf(guess)) {
        const Format::TimeTicks narrower = ticksFor(widthOf(m_timeTicks.format)); // days
        if (widthOf(narrower.format) <= widthOf(m_timeTicks.format))
            m_timeTicks = narrower;
    }
    // Room right of the plot for half the last label.
    QMargins margins = m_plot->margins();
    const int right = int(std::ceil(widthOf(m_timeTicks.format) / 2)) + 2;
    if (margins.right() != right) {
        margins.setRight(right);
        m_plot->setMargins(margins);
    }
    QList<double> times;
    times.reserve(m_timeTicks.msecs.size());
    for (const qint64 ms : std::as_const(m_timeTicks.msecs))
        times << double(ms);
    setTicks(m_x, from, to, times, m_timeTicks.labels);
    if (m_hover->isVisible())
        showCrosshair(m_view->viewport()->mapFromGlobal(QCursor::pos()));
}

QStringList MetricChartWidget::valueLabels() const
{
    return m_y->categoriesLabels();
}

QStringList MetricChartWidget::timeLabels() const
{
    return m_x->categoriesLabels();
}

QPair<double, double> MetricChartWidget::valueRange() const
{
    return {m_y->min(), m_y->max()};
}

QPair<double, double> MetricChartWidget::timeRange() const
{
    return {m_x->min(), m_x->max()};
}

QString MetricChartWidget::formatValue(double value) const
{
    // In the axis's unit, one digit more than its ticks need, and at least
    // tenths (hundredths for load).
    const Format::Quantity q = quantity();
    const int least = q == Format::Quantity::Plain                                      ? 2
                      : (m_valueTicks.unitPower == 0 && q != Format::Quantity::Percent) ? 0
                                                                                        : 1;
    return Format::quantityIn(q, value, m_valueTicks.unitPower,
                              std::max(m_valueTicks.decimals + 1, least));
}

QString MetricChartWidget::valueText() const
{
    return m_value->text();
}

QString MetricChartWidget::hoverText() const
{
    return m_hover->isVisible() ? m_hover->text() : QString();
}

QStringList MetricChartWidget::drawnAxisLabels(Qt::Orientation orientation) const
{
    // The axis labels are text items in the chart's scene, outside the
    // legend; a vertical axis's sit left of the plot, a horizontal one's below.
    QStringList texts;
    const QRectF area = m_plot->plotArea();
    const QList<QGraphicsItem *> items = m_plot->childItems();
    QList<QGraphicsItem *> todo = items;
    while (!todo.isEmpty()) {
        QGraphicsItem *item = todo.takeFirst();
        todo += item->childItems();
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || m_plot->legend()->isAncestorOf(text) ||
            text->toPlainText().isEmpty())
            continue;
        const QRectF r = text->mapRectToItem(m_plot, text->boundingRect());
        const bool left = r.right() <= area.left() + 1;
        const bool below = r.top() >= area.bottom() - 1;
        if ((orientation == Qt::Vertical && left) || (orientation == Qt::Horizontal && below))
            texts << text->toPlainText();
    }
    return texts;
}

void MetricChartWidget::zoomTo(double fromMs, double toMs)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    // At least two steps of samples, so there is a line to see.
    const double step = std::max<double>(m_chart->plan().isValid() ? m_chart->plan().step : 15, 1);
    if (toMs - fromMs < 2 * step * 1000) {
        const double mid = (fromMs + toMs) / 2;
        fromMs = mid - step * 1000;
        toMs = mid + step * 1000;
    }
    m_zoomFrom = fromMs;
    m_zoomTo = toMs;
    hideCrosshair();
    updateAxes();
}

void MetricChartWidget::resetZoom()
{
    if (!isZoomed())
        return;
    m_zoomFrom = m_zoomTo = 0;
    hideCrosshair();
    updateAxes();
}

double MetricChartWidget::timeAt(double x) const
{
    const QRectF area = m_plot->plotArea();
    if (area.width() <= 0)
        return m_x->min();
    return m_x->min() + (x - area.left()) / area.width() * (m_x->max() - m_x->min());
}

double MetricChartWidget::xOf(double ms) const
{
    const QRectF area = m_plot->plotArea();
    const double span = m_x->max() - m_x->min();
    return span > 0 ? area.left() + (ms - m_x->min()) / span * area.width() : area.left();
}

QPointF MetricChartWidget::chartPoint(const QPoint &viewportPos) const
{
    return m_plot->mapFromScene(m_view->mapToScene(viewportPos));
}

void MetricChartWidget::showCrosshair(const QPoint &viewportPos)
{
    const QPointF at = chartPoint(viewportPos);
    const QRectF area = m_plot->plotArea();
    const QList<ChartLine> &lines = m_chart->lines();
    if (!area.contains(at) || lines.isEmpty()) {
        hideCrosshair();
        return;
    }
    const double t = timeAt(at.x());
    // The nearest real sample of every line, not the interpolated point.
    struct Hit
    {
        QString name;
        QPointF sample;
    };
    QList<Hit> hits;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QList<QPointF> &points = lines.at(i).points;
        if (points.isEmpty())
            continue;
        const QPointF p = points.at(nearest(points, t));
        if (p.x() < m_x->min() || p.x() > m_x->max())
            continue;
        hits.append({m_series.value(i) ? m_series.value(i)->name() : lines.at(i).name, p});
    }
    if (hits.isEmpty()) {
        hideCrosshair();
        return;
    }
    // The line goes through the sample nearest to the mouse.
    const auto closest =
        std::min_element(hits.cbegin(), hits.cend(), [t](const Hit &a, const Hit &b) {
            return std::abs(a.sample.x() - t) < std::abs(b.sample.x() - t);
        });
    const double snapped = closest->sample.x();
    QStringList text{Format::sampleTime(qint64(std::llround(snapped)))};
    for (const Hit &h : std::as_const(hits)) {
        QString row = tr("%1: %2").arg(h.name, formatValue(h.sample.y()));
        if (h.sample.x() != snapped)
            row += QLatin1Char(' ') +
                   tr("(at %1)").arg(Format::sampleTime(qint64(std::llround(h.sample.x()))));
        text << row;
    }
    const double x = xOf(snapped);
    m_crosshair->setLine(x, area.top(), x, area.bottom());
    m_crosshair->show();
    m_hover->setText(text.join(QLatin1Char('\n')));
    m_hover->adjustSize();
    // Beside the line, inside the view.
    const QPoint lineInView = m_view->mapFromScene(m_plot->mapToScene(QPointF(x, area.top()))) +
                              m_view->viewport()->pos();
    QPoint pos(lineInView.x() + 8, lineInView.y() + 2);
    if (pos.x() + m_hover->width() > m_view->width())
        pos.setX(lineInView.x() - 8 - m_hover->width());
    pos.setX(std::max(0, pos.x()));
    pos.setY(std::clamp(pos.y(), 0, std::max(0, m_view->height() - m_hover->height())));
    m_hover->move(pos);
    m_hover->show();
    m_hover->raise();
}

void MetricChartWidget::hideCrosshair()
{
    m_crosshair->hide();
    m_hover->hide();
}

bool MetricChartWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QFrame::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseMove: {
        const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
        if (m_dragging) {
            const QRectF area = m_plot->plotArea();
            const double x = std::clamp(chartPoint(pos).x(), area.left(), area.right());
            const QPoint a =
                m_view->mapFromScene(m_plot->mapToScene(QPointF(m_dragFrom, area.top())));
            const QPoint b = m_view->mapFromScene(m_plot->mapToScene(QPointF(x, area.bottom())));
            m_band->setGeometry(QRect(a, b).normalized());
            m_band->show();
        }
        showCrosshair(pos);
        return false;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        const QPointF at = chartPoint(mouse->position().toPoint());
        if (!m_plot->plotArea().contains(at))
            return false;
        m_dragging = true;
        m_dragFrom = at.x();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !m_dragging)
            return false;
        m_dragging = false;
        m_band->hide();
        const QRectF area = m_plot->plotArea();
        const double x =
            std::clamp(chartPoint(mouse->position().toPoint()).x(), area.left(), area.right());
        if (std::abs(x - m_dragFrom) >= kMinimumDrag) {
            const double a = timeAt(std::min(x, m_dragFrom));
            const double b = timeAt(std::max(x, m_dragFrom));
            zoomTo(a, b);
            Q_EMIT zoomed(m_zoomFrom, m_zoomTo);
        }
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        m_dragging = false;
        m_band->hide();
        const bool was = isZoomed();
        resetZoom();
        if (was)
            Q_EMIT zoomReset();
        return true;
    }
    case QEvent::Leave:
        if (!m_dragging)
            hideCrosshair();
        return false;
    default:
        return false;
    }
}

QString MetricChartWidget::freshnessText() const
{
    return m_freshnessText;
}

void MetricChartWidget::updateFreshnessLabel()
{
    // Elided to the room the header leaves; a coloured dot when there is
    // almost none (the tooltip has the whole text).
    const QFontMetrics metrics(m_freshness->font());
    const int room = m_freshness->width();
    QString shown = metrics.elidedText(m_freshnessText, Qt::ElideRight, std::min(room, 420));
    if (!m_freshnessText.isEmpty() &&
        (room < metrics.horizontalAdvance(QStringLiteral("updated…")) ||
         shown == QStringLiteral("…")))
        shown = QStringLiteral("\u25cf");
    m_freshness->setText(shown);
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
    m_freshnessText = text;
    updateFreshnessLabel();
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
    m_value->setText(std::isnan(latest) ? QString() : formatValue(latest));
    m_promqlButton->setText(m_custom.isEmpty() ? tr("PromQL") : tr("PromQL (custom)"));
}

} // namespace labdeck
