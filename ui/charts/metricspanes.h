#pragma once

#include "inventory/inventory.h"
#include "prometheus/chartqueries.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <memory>

class QCheckBox;
class QComboBox;
class QDockWidget;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace labdeck {

namespace prom {
class Client;
}
class HostModel;
class LabMetrics;
class LabSelection;
class MainWindow;
class MetricChart;
class MetricChartWidget;

// Node charts and the lab's Prometheus state: the Metrics dock (charts of
// the selected host), the range picker and live toggle in the toolbar, the
// chart templates dialog, the CPU / memory bars, alerts and down targets on
// the topology's host cards, and Prometheus's freshness in the status bar.
class MetricsPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsPanes)
public:
    MetricsPanes(MainWindow *window, HostModel *model, LabSelection *selection,
                 QObject *parent = nullptr);
    ~MetricsPanes() override;

    // The lab's Prometheus (empty URL: none configured). `demo` marks the
    // demo lab's simulated one.
    void setPrometheus(const QUrl &url, bool demo);
    [[nodiscard]] LabMetrics *labMetrics() const { return m_labMetrics; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] QList<MetricChartWidget *> charts() const { return m_charts; }
    // Shows the charts of this host (an inventory host name).
    void showHost(const QString &host);
    // 15 min, 1 h, 6 h, 24 h, 7 d.
    void setWindow(std::chrono::seconds window);
    void setLive(bool live);
    void setRefreshInterval(std::chrono::milliseconds interval);
    // The templates from the settings.
    [[nodiscard]] static prom::ChartQueries savedQueries();
    void editTemplates();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectionChanged(const QString &id);
    void rebuildCharts();
    // Places the charts in the grid that fits the dock best (see .cpp).
    void layoutCharts();
    // The first time the dock is shown, makes it tall enough for a row of charts.
    void fitDockHeight();
    // Small series of the selected host for the Details pane's sparklines.
    void makeSparklines(const QString &host);
    void reloadAll();
    void updateCards();
    void updateStatus();

    MainWindow *m_window;
    HostModel *m_model;
    LabSelection *m_selection;
    QDockWidget *m_dock;
    QLabel *m_header;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QComboBox *m_range;
    QCheckBox *m_liveBox;
    QLabel *m_status;
    std::unique_ptr<prom::Client> m_client;
    LabMetrics *m_labMetrics;
    bool m_demo = false;
    bool m_chartsPending = true; // to be made when the dock is shown
    QString m_host;
    QList<MetricChartWidget *> m_charts;
    int m_columns = 0;
    struct Sparkline
    {
        prom::ChartQueries::Metric metric;
        MetricChart *chart;
    };
    QString m_sparkHost;
    QList<Sparkline> m_sparks;
    int m_fitRounds = 0; // fitDockHeight's, kFitRounds when done
    int m_fitRequest = 0;
    std::chrono::seconds m_span{3600};
    bool m_live = true;
    std::chrono::milliseconds m_refresh{15000};
    QTimer m_tick;
};

} // namespace labdeck
