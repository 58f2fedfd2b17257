#pragma once

#include "prometheus/promclient.h"
#include "prometheus/rangeplan.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>

namespace labdeck {

// One line of a chart: its name (a label value, or empty for a single line)
// and points (x: milliseconds since the epoch, y: the value).
struct ChartLine
{
    QString name;
    QString key; // the series' full label set, for matching tail fetches
    QList<QPointF> points;
};

// The data behind one chart: a PromQL query over a time window drawn a
// number of pixels wide. A full fetch plans the step from the width (see
// prom::RangePlan); live mode then fetches only the new tail every refresh
// interval and appends it, dropping what falls out of the window. Changing
// the query, window or width cancels what is in flight.
class MetricChart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)
public:
    // `client` may be null: then the chart says why it has no data.
    explicit MetricChart(prom::Client *client, QObject *parent = nullptr);
    ~MetricChart() override;

    void setClient(prom::Client *client);
    void setQuery(const QString &query);
    [[nodiscard]] QString query() const { return m_query; }
    // The label naming each line when there are several.
    void setSeriesLabel(const QString &label) { m_seriesLabel = label; }
    void setWindow(std::chrono::seconds window);
    [[nodiscard]] std::chrono::seconds window() const { return m_window; }
    void setWidth(int pixels);
    void setScrapeInterval(double seconds);
    void setRefreshInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds refreshInterval() const { return m_refresh; }
    void setLive(bool live);
    [[nodiscard]] bool isLive() const { return m_live; }
    // Why there can be no data at all (no Prometheus, no instance label).
    void setUnavailable(const QString &reason);
    // The host's target is down (empty: it is up or unknown).
    void setTargetDown(const QString &reason);
    // For tests: the clock (Unix seconds).
    void setClock(std::function<qint64()> now) { m_now = std::move(now); }

    // Fetches the whole window again.
    void reload();
    // Fetches the new tail (live mode does this on its timer).
    void fetchTail();

    [[nodiscard]] const QList<ChartLine> &lines() const { return m_lines; }
    [[nodiscard]] prom::RangePlan plan() const { return m_plan; }
    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QDateTime updatedAt() const { return m_updatedAt; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QStringList warnings() const { return m_warnings; }
    [[nodiscard]] QString unavailableReason() const { return m_unavailable; }
    // Live data older than twice the refresh interval is stale; the reason
    // says why (the last error, the target being down, no new samples).
    [[nodiscard]] bool isStale(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    [[nodiscard]] QString staleReason(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // The newest value of each line (NaN when none).
    [[nodiscard]] double latestValue(int line = 0) const;
    [[nodiscard]] int fetchCount() const { return m_fetches; }

Q_SIGNALS:
    // The lines were replaced (full fetch) or extended at their ends.
    void reset();
    void appended();
    // Loading, error, freshness or availability changed.
    void stateChanged();

private:
    void start(const prom::RangePlan &plan, bool tail);
    void onFinished(const prom::Result &result, bool tail);
    void cancel();
    [[nodiscard]] qint64 now() const;
    QString lineName(const prom::Labels &labels) const;
    static QString keyOf(const prom::Labels &labels);

    QPointer<prom::Client> m_client;
    QPointer<prom::Call> m_call;
    QString m_query;
    QString m_seriesLabel;
    std::chrono::seconds m_window{3600};
    int m_width = 600;
    double m_scrapeInterval = 15;
    std::chrono::milliseconds m_refresh{15000};
    bool m_live = false;
    QTimer m_timer;
    QString m_unavailable;
    QString m_targetDown;
    std::function<qint64()> m_now;

    prom::RangePlan m_plan;
    QList<ChartLine> m_lines;
    qint64 m_lastSampleTime = 0; // the end of what has been fetched
    qint64 m_newestSample = 0;   // the time of the newest sample seen
    QDateTime m_updatedAt;
    QString m_error;
    QStringList m_warnings;
    int m_fetches = 0;
};

} // namespace labdeck
