#pragma once

#include "metricchart.h"
#include "prometheus/chartqueries.h"

#include <QFrame>
#include <QTimer>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPlainTextEdit;
class QToolButton;
class QValueAxis;

namespace labdeck {

// One chart: its title and latest value, how fresh it is ("updated 12 s
// ago", or greyed with why it is stale), the lines, exact value and time on
// hover, and the PromQL behind it, visible and editable.
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

Q_SIGNALS:
    // The plot changed width enough to change the step.
    void widthChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void extend();
    void updateState();
    void updateAxes();
    void showHover(const QPointF &point, bool state, int line);
    void runCustom();
    void resetQuery();

    prom::ChartQueries::Metric m_metric;
    MetricChart *m_chart;
    QString m_template;
    QString m_custom;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_freshness;
    QToolButton *m_promqlButton;
    QWidget *m_editor;
    QPlainTextEdit *m_promql;
    QChart *m_plot;
    QChartView *m_view;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QList<QLineSeries *> m_series;
    QTimer m_tick;
    QTimer m_resize;
    double m_lastUpdateMs = 0;
};

} // namespace labdeck
