#pragma once

#include "common/format.h"
#include "metricchart.h"
#include "prometheus/chartqueries.h"

#include <QFrame>
#include <QPair>
#include <QTimer>

class QCategoryAxis;
class QChart;
class QChartView;
class QGraphicsLineItem;
class QLabel;
class QLineSeries;
class QPlainTextEdit;
class QRubberBand;
class QToolButton;

namespace labdeck {

// One chart, read like a Grafana panel: its title and latest value (in the
// unit of its value axis), how fresh it is ("updated 12 s ago", or greyed
// with why it is stale), the lines over a time axis in local time and a
// value axis with nice ticks in the metric's unit (both through Format),
// a crosshair with the nearest sample of every line under the mouse, a
// dragged time range to zoom into (double-click shows the whole window
// again), and the PromQL behind it, visible and editable.
//
// The ticks follow the plot's size and the labels' font, so no label is
// cut to "..." by Qt Charts (it cuts a label taller than its share of the
// axis, which Japanese fonts are at the default size).
class MetricChartWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartWidget)
public:
    MetricChartWidget(prom::ChartQueries::Metric metric, MetricChart *chart,
                      QWidget *parent = nullptr);
    ~MetricChartWidget() override;

    [[nodiscard]] MetricChart *chart() const { return m_chart; }
    [[nodiscard]] prom::ChartQueries::Metric metric() const { return m_metric; }
    // The query from the templates; a custom one typed here wins until reset.
    void setTemplateQuery(const QString &query);
    [[nodiscard]] bool hasCustomQuery() const { return !m_custom.isEmpty(); }
    // The text of the freshness line, for tests.
    [[nodiscard]] QString freshnessText() const;
    // The plot's width in pixels: one point per pixel at most.
    [[nodiscard]] int plotWidth() const;
    // How long the last update of the drawn lines took (ms).
    [[nodiscard]] double lastUpdateMs() const { return m_lastUpdateMs; }
    // Series drawn, for tests.
    [[nodiscard]] QList<QLineSeries *> series() const { return m_series; }
    [[nodiscard]] QChartView *view() const { return m_view; }

    // The axes as set: tick labels, and ranges (time in ms since the epoch).
    [[nodiscard]] QStringList valueLabels() const;
    [[nodiscard]] QStringList timeLabels() const;
    [[nodiscard]] QPair<double, double> valueRange() const;
    [[nodiscard]] QPair<double, double> timeRange() const;
    [[nodiscard]] const Format::ValueTicks &valueTicks() const { return m_valueTicks; }
    [[nodiscard]] const Format::TimeTicks &timeTicks() const { return m_timeTicks; }
    // The latest value in the header, in the value axis's unit ("0.83 MiB/s").
    [[nodiscard]] QString valueText() const;
    // A value as the header and the crosshair write it.
    [[nodiscard]] QString formatValue(double value) const;
    // The crosshair's text; empty while the mouse is not over the plot.
    [[nodiscard]] QString hoverText() const;
    // The axis labels as Qt Charts drew them (visible ones only).
    [[nodiscard]] QStringList drawnAxisLabels(Qt::Orientation orientation) const;

    // Shows only [fromMs, toMs] of the lines (a zoom), or all of the window.
    void zoomTo(double fromMs, double toMs);
    void resetZoom();
    [[nodiscard]] bool isZoomed() const { return m_zoomTo > m_zoomFrom; }

Q_SIGNALS:
    // The plot changed width enough to change the step.
    void widthChanged();
    // The user dragged a time range on the plot / double-clicked it.
    void zoomed(double fromMs, double toMs);
    void zoomReset();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void extend();
    void updateState();
    void updateAxes();
    void updateFreshnessLabel();
    void updateLegend();
    void runCustom();
    void resetQuery();
    [[nodiscard]] Format::Quantity quantity() const;
    [[nodiscard]] QPair<double, double> shownTimeRange() const;
    // Plot x (chart coordinates) <-> time (ms) on the time axis as set.
    [[nodiscard]] double timeAt(double x) const;
    [[nodiscard]] double xOf(double ms) const;
    [[nodiscard]] QPointF chartPoint(const QPoint &viewportPos) const;
    void showCrosshair(const QPoint &viewportPos);
    void hideCrosshair();

    prom::ChartQueries::Metric m_metric;
    MetricChart *m_chart;
    QString m_template;
    QString m_custom;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_freshness;
    QString m_freshnessText;
    QToolButton *m_promqlButton;
    QWidget *m_editor;
    QPlainTextEdit *m_promql;
    QChart *m_plot;
    QChartView *m_view;
    QCategoryAxis *m_x;
    QCategoryAxis *m_y;
    Format::ValueTicks m_valueTicks;
    Format::TimeTicks m_timeTicks;
    QList<QLineSeries *> m_series;
    QGraphicsLineItem *m_crosshair;
    QLabel *m_hover;
    QRubberBand *m_band;
    bool m_dragging = false;
    double m_dragFrom = 0; // chart x where the drag started
    double m_zoomFrom = 0;
    double m_zoomTo = 0;
    QTimer m_tick;
    QTimer m_resize;
    double m_lastUpdateMs = 0;
};

} // namespace labdeck
