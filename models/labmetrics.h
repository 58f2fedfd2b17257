#pragma once

#include "inventory/inventory.h"
#include "prometheus/chartqueries.h"
#include "prometheus/promclient.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

namespace labdeck {

// What the lab's Prometheus says about one host right now.
struct HostMetrics
{
    std::optional<double> cpuPercent;
    std::optional<double> memoryPercent;
    QDateTime at;                   // when these values were fetched
    QString source;                 // "Prometheus", "metrics-server"
    bool fromMetricsServer = false; // Prometheus unreachable: the fallback
    QStringList firingAlerts;       // "NodeMemoryHigh: Memory use above 80% ..."
    bool criticalAlert = false;     // one of them has the label severity=critical
    bool targetDown = false;
    QString targetError; // the scrape error when down
    double scrapeIntervalSeconds = 0;
};

// Polls Prometheus for the whole lab: targets, alerts and each host's
// current CPU and memory (the same queries as the charts). When Prometheus
// cannot be reached, the Kubernetes nodes fall back to metrics-server's
// NodeMetrics, marked as such.
class LabMetrics final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabMetrics)
public:
    // node name -> (CPU %, memory %), or an error.
    using NodeMetricsFetch = std::function<void(
        std::function<void(const QHash<QString, QPair<double, double>> &, const QString &)>)>;

    explicit LabMetrics(QObject *parent = nullptr);
    ~LabMetrics() override;

    void setInventory(const Inventory &lab);
    void setClient(prom::Client *client, bool demo);
    void setQueries(const prom::ChartQueries &queries) { m_queries = queries; }
    void setNodeMetricsFetch(NodeMetricsFetch fetch) { m_nodeMetrics = std::move(fetch); }
    void setInterval(std::chrono::milliseconds interval);
    void refresh();

    [[nodiscard]] prom::Client *client() const { return m_client; }
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] HostMetrics host(const QString &name) const { return m_hosts.value(name); }
    [[nodiscard]] QStringList hosts() const { return m_hosts.keys(); }
    // Empty when the last poll reached Prometheus.
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QDateTime updatedAt() const { return m_updatedAt; }

Q_SIGNALS:
    void changed();

private:
    void finishPoll();
    void useFallback();

    QPointer<prom::Client> m_client;
    bool m_demo = false;
    Inventory m_lab;
    prom::ChartQueries m_queries;
    NodeMetricsFetch m_nodeMetrics;
    QTimer m_timer;
    QHash<QString, HostMetrics> m_hosts;
    QHash<QString, HostMetrics> m_next;
    QList<QPointer<prom::Call>> m_calls;
    int m_pending = 0;
    QString m_pollError;
    QString m_error;
    QDateTime m_updatedAt;
};

} // namespace labdeck
