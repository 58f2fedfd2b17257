#include "labmetrics.h"

#include "prometheus/labhosts.h"

namespace labdeck {

LabMetrics::LabMetrics(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(std::chrono::seconds(15));
    connect(&m_timer, &QTimer::timeout, this, &LabMetrics::refresh);
}

LabMetrics::~LabMetrics()
{
    for (const auto &call : std::as_const(m_calls))
        if (call)
            call->cancel();
}

void LabMetrics::setInventory(const Inventory &lab)
{
    m_lab = lab;
    m_hosts.clear();
    for (const Host &h : lab.hosts)
        m_hosts.insert(h.name, {});
    Q_EMIT changed();
}

void LabMetrics::setClient(prom::Client *client, bool demo)
{
    m_client = client;
    m_demo = demo;
    m_timer.start();
    refresh();
}

void LabMetrics::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void LabMetrics::refresh()
{
    if (m_pending > 0)
        return; // the last poll is still out
    if (!m_client) {
        m_error = tr("no Prometheus URL in the inventory (prometheus.url)");
        useFallback();
        return;
    }
    m_next.clear();
    for (const Host &h : m_lab.hosts)
        m_next.insert(h.name, {});
    m_pollError.clear();
    const auto track = [this](prom::Call *call, auto handle) {
        ++m_pending;
        m_calls << call;
        connect(call, &prom::Call::finished, this, [this, handle](const prom::Result &r) {
            if (!r.ok && m_pollError.isEmpty())
                m_pollError = r.error;
            if (r.ok)
                handle(r);
            if (--m_pending == 0)
                finishPoll();
        });
    };
    track(m_client->targets(), [this](const prom::Result &r) {
        for (const prom::Target &t : r.targets) {
            const QString host =
                prom::hostForInstance(m_lab, t.labels.value(QStringLiteral("instance")));
            if (host.isEmpty())
                continue;
            HostMetrics &m = m_next[host];
            m.scrapeIntervalSeconds = t.scrapeIntervalSeconds;
            if (t.health == QLatin1String("down")) {
                m.targetDown = true;
                m.targetError = t.lastError;
            }
        }
    });
    track(m_client->alerts(), [this](const prom::Result &r) {
        for (const prom::Alert &a : r.alerts) {
            if (a.state != QLatin1String("firing"))
                continue;
            const QString host = prom::hostForAlert(m_lab, a.labels);
            if (host.isEmpty())
                continue;
            const QString summary = a.annotations.value(QStringLiteral("summary"));
            m_next[host].firingAlerts
                << (summary.isEmpty() ? a.name() : a.name() + QStringLiteral(": ") + summary);
            if (a.labels.value(QStringLiteral("severity")) == QLatin1String("critical"))
                m_next[host].criticalAlert = true;
        }
    });
    for (const Host &h : std::as_const(m_lab.hosts)) {
        if (h.sources.prometheusInstance.isEmpty())
            continue;
        const QString name = h.name;
        track(m_client->query(m_queries.queryFor(prom::ChartQueries::Metric::CpuBusy,
                                                 h.sources.prometheusInstance)),
              [this, name](const prom::Result &r) {
                  if (!r.series.isEmpty() && !r.series.first().samples.isEmpty())
                      m_next[name].cpuPercent = r.series.first().samples.first().value;
              });
        track(m_client->query(m_queries.queryFor(prom::ChartQueries::Metric::MemoryUsed,
                                                 h.sources.prometheusInstance)),
              [this, name](const prom::Result &r) {
                  if (!r.series.isEmpty() && !r.series.first().samples.isEmpty())
                      m_next[name].memoryPercent = r.series.first().samples.first().value;
              });
    }
}

void LabMetrics::finishPoll()
{
    m_calls.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_error = m_pollError;
    if (!m_error.isEmpty()) {
        useFallback();
        return;
    }
    for (auto it = m_next.begin(); it != m_next.end(); ++it) {
        it->at = now;
        if (it->cpuPercent || it->memoryPercent)
            it->source = tr("Prometheus");
    }
    m_hosts = m_next;
    m_updatedAt = now;
    Q_EMIT changed();
}

void LabMetrics::useFallback()
{
    // Keep the last values (they show their age); the k8s nodes get fresh
    // ones from metrics-server when it answers.
    if (!m_nodeMetrics) {
        Q_EMIT changed();
        return;
    }
    QPointer<LabMetrics> self(this);
    m_nodeMetrics([self](const QHash<QString, QPair<double, double>> &nodes, const QString &error) {
        if (!self)
            return;
        if (error.isEmpty()) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const Host &h : std::as_const(self->m_lab.hosts)) {
                const auto it = nodes.constFind(h.nodeName());
                if (it == nodes.cend() || !h.isKubernetesNode())
                    continue;
                HostMetrics &m = self->m_hosts[h.name];
                m.cpuPercent = it->first;
                m.memoryPercent = it->second;
                m.at = now;
                m.source = tr("metrics-server");
                m.fromMetricsServer = true;
            }
        }
        Q_EMIT self->changed();
    });
}

} // namespace labdeck
