#include "checks/prometheuscheck.h"

#include "checks/checkhelpers_p.h"
#include "common/format.h"
#include "prometheus/labhosts.h"
#include "prometheus/promclient.h"

#include <QJsonObject>

namespace labdeck::checks {

using detail::result;

PrometheusCheck::PrometheusCheck(QObject *parent)
    : Check(QStringLiteral("prometheus"), parent)
{}

PrometheusCheck::~PrometheusCheck() = default;

void PrometheusCheck::run(const CheckContext &context)
{
    const QUrl url =
        context.prometheusUrl.isEmpty() ? context.inventory.prometheusUrl : context.prometheusUrl;
    if (url.isEmpty()) {
        report(result(QStringLiteral("Prometheus"), Health::Unknown,
                      tr("could not run: the inventory has no prometheus.url"),
                      tr("Set prometheus.url in the inventory (e.g. http://metamon:9090).")));
        done();
        return;
    }
    m_client = new prom::Client(url, this);
    m_client->setTimeout(context.options.timeout);
    const Inventory lab = context.inventory;
    const QString server = url.toDisplayString();
    m_pending = 2;
    connect(
        m_client->targets(), &prom::Call::finished, this,
        [this, lab, server](const prom::Result &r) {
            --m_pending;
            if (!r.ok) {
                report(result(
                    tr("Prometheus targets"), Health::Unknown, tr("could not run: %1").arg(r.error),
                    tr("Check that Prometheus runs at %1 and that this machine reaches it.")
                        .arg(server)));
                finishIfDone();
                return;
            }
            QSet<QString> scraped;
            for (const prom::Target &t : r.targets) {
                const QString instance = t.labels.value(QStringLiteral("instance"));
                const QString job = t.labels.value(QStringLiteral("job"));
                scraped.insert(instance);
                const QString host = prom::hostForInstance(lab, instance);
                CheckResult c;
                c.target = tr("target %1 (job %2)").arg(instance, job);
                c.host = host;
                c.details = QJsonObject{{QStringLiteral("health"), t.health},
                                        {QStringLiteral("scrapeUrl"), t.scrapeUrl},
                                        {QStringLiteral("lastError"), t.lastError}};
                if (t.health == QLatin1String("up")) {
                    c.severity = Health::Ok;
                    c.summary = tr("up, scraped every %1 s").arg(t.scrapeIntervalSeconds);
                } else {
                    c.severity =
                        t.health == QLatin1String("down") ? Health::Critical : Health::Warning;
                    c.summary =
                        t.lastError.isEmpty() ? t.health : tr("%1: %2").arg(t.health, t.lastError);
                    c.advice = tr("Check the exporter behind %1 (for node_exporter: systemctl "
                                  "status prometheus-node-exporter on %2).")
                                   .arg(t.scrapeUrl, host.isEmpty() ? instance : host);
                }
                report(c);
            }
            for (const Host &h : lab.hosts) {
                if (h.sources.prometheusInstance.isEmpty() ||
                    scraped.contains(h.sources.prometheusInstance))
                    continue;
                report(result(tr("target %1").arg(h.sources.prometheusInstance), Health::Warning,
                              tr("no Prometheus target has instance %1, so %2 has no metrics")
                                  .arg(h.sources.prometheusInstance, h.name),
                              tr("Add %1 to Prometheus's scrape configuration, or fix "
                                 "sources.prometheusInstance in the inventory.")
                                  .arg(h.sources.prometheusInstance),
                              h.name));
            }
            finishIfDone();
        });
    connect(m_client->alerts(), &prom::Call::finished, this, [this, lab](const prom::Result &r) {
        --m_pending;
        if (!r.ok) {
            report(result(tr("Prometheus alerts"), Health::Unknown,
                          tr("could not run: %1").arg(r.error)));
            finishIfDone();
            return;
        }
        int firing = 0;
        for (const prom::Alert &a : r.alerts) {
            if (a.state != QLatin1String("firing"))
                continue;
            ++firing;
            const QString host = prom::hostForAlert(lab, a.labels);
            CheckResult c;
            c.target = host.isEmpty() ? tr("alert %1").arg(a.name())
                                      : tr("alert %1 on %2").arg(a.name(), host);
            c.host = host;
            c.severity = a.labels.value(QStringLiteral("severity")) == QLatin1String("critical")
                             ? Health::Critical
                             : Health::Warning;
            const QString summary = a.annotations.value(QStringLiteral("summary"));
            c.summary = tr("firing since %1%2")
                            .arg(Format::ago(a.activeAt.secsTo(QDateTime::currentDateTimeUtc())),
                                 summary.isEmpty() ? QString() : QStringLiteral(": ") + summary);
            c.advice = a.annotations.value(QStringLiteral("description"));
            if (c.advice.isEmpty())
                c.advice = a.annotations.value(QStringLiteral("runbook_url"));
            c.details = QJsonObject{{QStringLiteral("alertname"), a.name()},
                                    {QStringLiteral("value"), a.value}};
            report(c);
        }
        if (firing == 0)
            report(result(tr("Prometheus alerts"), Health::Ok, tr("no alerts firing")));
        finishIfDone();
    });
}

void PrometheusCheck::finishIfDone()
{
    if (m_pending == 0)
        done();
}

void PrometheusCheck::stop()
{
    delete m_client; // cancels its calls
    m_client = nullptr;
}

} // namespace labdeck::checks
