#include "metricchart.h"

#include <cmath>
#include <limits>

namespace labdeck {

MetricChart::MetricChart(prom::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(m_refresh);
    connect(&m_timer, &QTimer::timeout, this, &MetricChart::fetchTail);
}

MetricChart::~MetricChart()
{
    if (m_call)
        m_call->cancel();
}

qint64 MetricChart::now() const
{
    return m_now ? m_now() : QDateTime::currentSecsSinceEpoch();
}

void MetricChart::setClient(prom::Client *client)
{
    cancel();
    m_client = client;
}

void MetricChart::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    cancel();
    m_query = query;
}

void MetricChart::setWindow(std::chrono::seconds window)
{
    if (window == m_window)
        return;
    cancel();
    m_window = window;
}

void MetricChart::setWidth(int pixels)
{
    m_width = std::max(pixels, 10);
}

void MetricChart::setScrapeInterval(double seconds)
{
    if (seconds > 0)
        m_scrapeInterval = seconds;
}

void MetricChart::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_refresh = interval;
    m_timer.setInterval(interval);
}

void MetricChart::setLive(bool live)
{
    m_live = live;
    if (live)
        m_timer.start();
    else
        m_timer.stop();
    Q_EMIT stateChanged();
}

void MetricChart::setUnavailable(const QString &reason)
{
    if (reason == m_unavailable)
        return;
    m_unavailable = reason;
    if (!reason.isEmpty()) {
        cancel();
        m_lines.clear();
        Q_EMIT reset();
    }
    Q_EMIT stateChanged();
}

void MetricChart::setTargetDown(const QString &reason)
{
    if (reason == m_targetDown)
        return;
    m_targetDown = reason;
    Q_EMIT stateChanged();
}

void MetricChart::cancel()
{
    if (m_call) {
        m_call->cancel();
        m_call = nullptr;
        Q_EMIT stateChanged();
    }
}

void MetricChart::reload()
{
    if (!m_unavailable.isEmpty() || !m_client || m_query.trimmed().isEmpty())
        return;
    const qint64 to = now();
    start(prom::RangePlan::forWidth(to - m_window.count(), to, m_width, m_scrapeInterval), false);
}

void MetricChart::fetchTail()
{
    if (!m_unavailable.isEmpty() || !m_client || m_query.trimmed().isEmpty())
        return;
    if (m_call)
        return; // the previous fetch is still running; its answer comes first
    if (!m_plan.isValid()) {
        reload();
        return;
    }
    const prom::RangePlan tail = m_plan.tailAfter(m_lastSampleTime, now());
    if (!tail.isValid()) {
        // Nothing new yet at this step: the data is as fresh as it can be.
        m_updatedAt = QDateTime::currentDateTimeUtc();
        Q_EMIT stateChanged();
        return;
    }
    start(tail, true);
}

void MetricChart::start(const prom::RangePlan &plan, bool tail)
{
    cancel();
    m_call = m_client->queryRange(m_query, plan);
    ++m_fetches;
    if (!tail)
        m_plan = plan;
    connect(m_call, &prom::Call::finished, this, [this, tail, plan](const prom::Result &result) {
        m_call = nullptr;
        if (tail && result.ok)
            m_plan.end = plan.end;
        onFinished(result, tail);
    });
    Q_EMIT stateChanged();
}

QString MetricChart::keyOf(const prom::Labels &labels)
{
    QString key;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key += it.key() + QLatin1Char('=') + it.value() + QLatin1Char(',');
    return key;
}

QString MetricChart::lineName(const prom::Labels &labels) const
{
    if (!m_seriesLabel.isEmpty() && labels.contains(m_seriesLabel))
        return labels.value(m_seriesLabel);
    if (labels.size() == 1 && labels.contains(QStringLiteral("instance")))
        return {};
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.key() != QLatin1String("instance") && it.key() != QLatin1String("job"))
            parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(' '));
}

void MetricChart::onFinished(const prom::Result &result, bool tail)
{
    if (!result.ok) {
        m_error = result.error;
        m_warnings.clear();
        Q_EMIT stateChanged();
        return;
    }
    m_error.clear();
    m_warnings = result.warnings;
    m_updatedAt = result.receivedAt.isValid() ? result.receivedAt : QDateTime::currentDateTimeUtc();
    if (!tail) {
        m_lines.clear();
        m_newestSample = 0;
        m_lastSampleTime = m_plan.start - m_plan.step;
    }
    qint64 newest = 0;
    for (const prom::Series &series : result.series) {
        const QString key = keyOf(series.labels);
        ChartLine *line = nullptr;
        for (ChartLine &l : m_lines) {
            if (l.key == key) {
                line = &l;
                break;
            }
        }
        if (!line) {
            m_lines.append(ChartLine{lineName(series.labels), key, {}});
            line = &m_lines.last();
        }
        const double lastX = line->points.isEmpty() ? -std::numeric_limits<double>::infinity()
                                                    : line->points.last().x();
        line->points.reserve(line->points.size() + series.samples.size());
        for (const prom::Sample &s : series.samples) {
            const double x = s.time * 1000.0;
            if (x <= lastX)
                continue; // already have it
            line->points.append(QPointF(x, s.value));
            newest = std::max(newest, qint64(std::llround(s.time)));
        }
    }
    // The window slides with the tail: drop what fell out of it.
    if (tail) {
        m_lastSampleTime = std::max(m_lastSampleTime, m_plan.end);
        const qint64 windowStart = m_plan.end - (m_window.count() / m_plan.step) * m_plan.step;
        m_plan.start = std::max(m_plan.start, windowStart);
        const double cut = double(m_plan.start) * 1000.0;
        for (ChartLine &l : m_lines) {
            qsizetype drop = 0;
            while (drop < l.points.size() && l.points.at(drop).x() < cut)
                ++drop;
            if (drop > 0)
                l.points.remove(0, drop);
        }
    } else {
        m_lastSampleTime = m_plan.end;
    }
    m_newestSample = std::max(m_newestSample, newest);
    if (tail)
        Q_EMIT appended();
    else
        Q_EMIT reset();
    Q_EMIT stateChanged();
}

bool MetricChart::isStale(const QDateTime &now) const
{
    if (!m_live)
        return false;
    if (!m_updatedAt.isValid())
        return !m_error.isEmpty();
    const qint64 limitMs = 2 * m_refresh.count();
    if (m_updatedAt.msecsTo(now) > limitMs)
        return true;
    // Answers come, but the samples stopped: the target is not scraped.
    const qint64 newestMs = m_newestSample * 1000;
    return m_newestSample > 0 && now.toMSecsSinceEpoch() - newestMs > limitMs + m_plan.step * 1000;
}

QString MetricChart::staleReason(const QDateTime &now) const
{
    if (!isStale(now))
        return {};
    if (!m_error.isEmpty())
        return m_error;
    if (!m_targetDown.isEmpty())
        return m_targetDown;
    if (m_newestSample > 0)
        return tr("no new samples since %1")
            .arg(QDateTime::fromSecsSinceEpoch(m_newestSample)
                     .toLocalTime()
                     .toString(QStringLiteral("HH:mm:ss")));
    return tr("no answer since %1")
        .arg(m_updatedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}

double MetricChart::latestValue(int line) const
{
    if (line < 0 || line >= m_lines.size() || m_lines.at(line).points.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    return m_lines.at(line).points.last().y();
}

} // namespace labdeck
