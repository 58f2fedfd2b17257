#include "checks/labchecks.h"

#include "checks/commandfailure.h"
#include "common/format.h"
#include "gpu/nvidiasmi.h"
#include "ollama/ollamaclient.h"
#include "prometheus/labhosts.h"
#include "prometheus/promclient.h"
#include "remote/commandtransport.h"
#include "tailscale/tailscalestatus.h"

#include <QJsonObject>

namespace labdeck::checks {

namespace {

CheckResult result(const QString &target, Health severity, const QString &summary, const QString &advice = {},
                   const QString &host = {})
{
    CheckResult r;
    r.target = target;
    r.severity = severity;
    r.summary = summary;
    r.advice = advice;
    r.host = host;
    return r;
}

int timeoutMs(const CheckContext &context)
{
    return int(context.options.timeout.count());
}

} // namespace

// --- tunnels -------------------------------------------------------------

void TunnelCheck::run(const CheckContext &context)
{
    const Inventory &lab = context.inventory;
    const QString statusHost = lab.tailscaleStatusHost;
    if (statusHost.isEmpty()) {
        report(result(tr("tailnet"), Health::Unknown, tr("could not run: the inventory names no tailscale.statusHost"),
                      tr("Set tailscale.statusHost to a host that runs Tailscale and that Labdeck reaches over SSH.")));
        done();
        return;
    }
    if (!context.transport) {
        report(result(tr("tailnet"), Health::Unknown,
                      tr("could not run: no SSH connection to %1, where tailscale status is read").arg(statusHost),
                      tr("Give %1 an ssh: entry (or sources.sshAlias) in the inventory, or run the check from the window, "
                         "where SSH is connected.")
                          .arg(statusHost),
                      statusHost));
        done();
        return;
    }
    remote::CommandRequest request;
    request.host = statusHost;
    request.argv = {QStringLiteral("tailscale"), QStringLiteral("status"), QStringLiteral("--json")};
    request.timeoutMs = timeoutMs(context);
    m_job = context.transport->run(request);
    const Inventory labCopy = lab;
    connect(
        m_job, &remote::CommandJob::finished, this,
        [this, labCopy, statusHost](const remote::CommandResult &r) {
            if (!r.ran) {
                // A changed host key is critical; other transport errors say what to try.
                report(CommandFailure::result(r, tr("tailnet"), statusHost));
                done();
                return;
            }
            if (r.exitStatus != 0) {
                report(result(
                    tr("tailnet"), Health::Unknown,
                    tr("could not run: %1")
                        .arg(tr("tailscale status on %1 exited with %2: %3")
                                 .arg(statusHost)
                                 .arg(r.exitStatus)
                                 .arg(QString::fromUtf8(r.standardError).trimmed())),
                    tr("Check that Tailscale is installed and running on %1 (tailscale status).")
                        .arg(statusHost),
                    statusHost));
                done();
                return;
            }
            QString error;
            const auto status = tailscale::StatusParser::parse(r.standardOutput, &error);
            if (!status) {
                report(result(tr("tailnet"), Health::Unknown, tr("could not run: %1").arg(error),
                              {}, statusHost));
                done();
                return;
            }
            if (status->backendState != QLatin1String("Running")) {
                report(result(
                    tr("tailnet"), Health::Critical,
                    tr("Tailscale on %1 is %2, not Running").arg(statusHost, status->backendState),
                    tr("Run tailscale up on %1 (log in again if it says NeedsLogin).")
                        .arg(statusHost),
                    statusHost));
            } else {
                report(result(tr("tailnet"), Health::Ok,
                              tr("Tailscale %1 on %2 is running").arg(status->version, statusHost),
                              {}, statusHost));
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const Host &h : labCopy.hosts) {
                if (h.sources.tailscaleHost.isEmpty() || h.name == statusHost)
                    continue;
                const tailscale::Peer *peer = status->find(h.sources.tailscaleHost);
                const QString target = tr("tunnel %1 \u2192 %2").arg(statusHost, h.name);
                if (!peer) {
                    report(
                        result(target, Health::Critical,
                               tr("no peer named %1 in the tailnet").arg(h.sources.tailscaleHost),
                               tr("Log %1 in to the tailnet (tailscale up), or fix "
                                  "sources.tailscaleHost in the inventory.")
                                   .arg(h.name),
                               h.name));
                    continue;
                }
                CheckResult c;
                c.target = target;
                c.host = h.name;
                c.details =
                    QJsonObject{{QStringLiteral("online"), peer->online},
                                {QStringLiteral("direct"), peer->curAddr},
                                {QStringLiteral("relay"), peer->relay},
                                {QStringLiteral("lastSeen"), peer->lastSeen.toString(Qt::ISODate)}};
                if (!peer->online) {
                    c.severity = Health::Critical;
                    c.summary = peer->lastSeen.isValid()
                                    ? tr("offline, last seen %1")
                                          .arg(Format::ago(peer->lastSeen.secsTo(now)))
                                    : tr("offline");
                    c.advice = tr("Check that %1 is up and that tailscaled runs there (systemctl "
                                  "status tailscaled).")
                                   .arg(h.name);
                } else {
                    // Only an Active peer has a path; an online peer with no
                    // recent traffic is idle, not relayed (its Relay is just its
                    // home DERP region).
                    c.severity = Health::Ok;
                    switch (peer->path()) {
                    case tailscale::Path::Direct:
                        c.summary = tr("online, direct to %1").arg(peer->curAddr);
                        break;
                    case tailscale::Path::PeerRelay:
                        c.summary = tr("online, through the peer relay %1").arg(peer->peerRelay);
                        break;
                    case tailscale::Path::Derp:
                        c.severity = Health::Warning;
                        c.summary = tr("online, relayed through DERP %1 (slower than direct)")
                                        .arg(peer->relay);
                        c.advice = tr("A relayed path works but adds latency; open UDP 41641 on "
                                      "%1's firewall for a direct one.")
                                       .arg(h.name);
                        break;
                    case tailscale::Path::Idle:
                        c.summary =
                            peer->active ? tr("online") : tr("online, idle (no traffic lately)");
                        break;
                    }
                    c.details.insert(QStringLiteral("active"), peer->active);
                }
                report(c);
            }
            done();
        });
}

void TunnelCheck::stop()
{
    if (m_job)
        m_job->cancel();
}

// --- prometheus ----------------------------------------------------------

PrometheusCheck::PrometheusCheck(QObject *parent) : Check(QStringLiteral("prometheus"), parent) {}

PrometheusCheck::~PrometheusCheck() = default;

void PrometheusCheck::run(const CheckContext &context)
{
    const QUrl url = context.prometheusUrl.isEmpty() ? context.inventory.prometheusUrl : context.prometheusUrl;
    if (url.isEmpty()) {
        report(result(QStringLiteral("Prometheus"), Health::Unknown, tr("could not run: the inventory has no prometheus.url"),
                      tr("Set prometheus.url in the inventory (e.g. http://metamon:9090).")));
        done();
        return;
    }
    m_client = new prom::Client(url, this);
    m_client->setTimeout(context.options.timeout);
    const Inventory lab = context.inventory;
    const QString server = url.toDisplayString();
    m_pending = 2;
    connect(m_client->targets(), &prom::Call::finished, this, [this, lab, server](const prom::Result &r) {
        --m_pending;
        if (!r.ok) {
            report(result(tr("Prometheus targets"), Health::Unknown, tr("could not run: %1").arg(r.error),
                          tr("Check that Prometheus runs at %1 and that this machine reaches it.").arg(server)));
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
            c.details = QJsonObject{{QStringLiteral("health"), t.health}, {QStringLiteral("scrapeUrl"), t.scrapeUrl},
                                    {QStringLiteral("lastError"), t.lastError}};
            if (t.health == QLatin1String("up")) {
                c.severity = Health::Ok;
                c.summary = tr("up, scraped every %1 s").arg(t.scrapeIntervalSeconds);
            } else {
                c.severity = t.health == QLatin1String("down") ? Health::Critical : Health::Warning;
                c.summary = t.lastError.isEmpty() ? t.health : tr("%1: %2").arg(t.health, t.lastError);
                c.advice = tr("Check the exporter behind %1 (for node_exporter: systemctl status prometheus-node-exporter on %2).")
                               .arg(t.scrapeUrl, host.isEmpty() ? instance : host);
            }
            report(c);
        }
        for (const Host &h : lab.hosts) {
            if (h.sources.prometheusInstance.isEmpty() || scraped.contains(h.sources.prometheusInstance))
                continue;
            report(result(tr("target %1").arg(h.sources.prometheusInstance), Health::Warning,
                          tr("no Prometheus target has instance %1, so %2 has no metrics").arg(h.sources.prometheusInstance, h.name),
                          tr("Add %1 to Prometheus's scrape configuration, or fix sources.prometheusInstance in the inventory.")
                              .arg(h.sources.prometheusInstance),
                          h.name));
        }
        finishIfDone();
    });
    connect(m_client->alerts(), &prom::Call::finished, this, [this, lab](const prom::Result &r) {
        --m_pending;
        if (!r.ok) {
            report(result(tr("Prometheus alerts"), Health::Unknown, tr("could not run: %1").arg(r.error)));
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
            c.target = host.isEmpty() ? tr("alert %1").arg(a.name()) : tr("alert %1 on %2").arg(a.name(), host);
            c.host = host;
            c.severity = a.labels.value(QStringLiteral("severity")) == QLatin1String("critical") ? Health::Critical : Health::Warning;
            const QString summary = a.annotations.value(QStringLiteral("summary"));
            c.summary = tr("firing since %1%2")
                            .arg(Format::ago(a.activeAt.secsTo(QDateTime::currentDateTimeUtc())),
                                 summary.isEmpty() ? QString() : QStringLiteral(": ") + summary);
            c.advice = a.annotations.value(QStringLiteral("description"));
            if (c.advice.isEmpty())
                c.advice = a.annotations.value(QStringLiteral("runbook_url"));
            c.details = QJsonObject{{QStringLiteral("alertname"), a.name()}, {QStringLiteral("value"), a.value}};
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

// --- gpu -----------------------------------------------------------------

void GpuCheck::run(const CheckContext &context)
{
    const Inventory &lab = context.inventory;
    QString gpuHost;
    for (const Host &h : lab.hosts)
        if (h.kind == HostKind::GpuServer)
            gpuHost = h.name;
    const QUrl ollamaUrl = context.ollamaUrl.isEmpty() ? lab.ollamaUrl : context.ollamaUrl;
    const Thresholds thresholds = context.options.thresholds;

    m_pending = 2;
    if (ollamaUrl.isEmpty()) {
        --m_pending;
        report(result(QStringLiteral("Ollama"), Health::Unknown, tr("could not run: the inventory has no ollama.url"),
                      tr("Set ollama.url in the inventory (e.g. http://gpu-server:11434)."), gpuHost));
    } else {
        m_ollama = new gpu::OllamaClient(&m_network, ollamaUrl, gpuHost.isEmpty() ? ollamaUrl.host() : gpuHost, this);
        m_ollama->setTimeout(std::chrono::milliseconds(timeoutMs(context)));
        const QString display = ollamaUrl.toDisplayString();
        const auto finish = [this, display, gpuHost] {
            if (!m_ollama)
                return;
            CheckResult c;
            c.target = tr("Ollama at %1").arg(display);
            c.host = gpuHost;
            if (!m_ollama->lastError().isEmpty()) {
                c.severity = Health::Critical;
                c.summary = m_ollama->lastError();
                c.advice = tr("Check that Ollama runs on %1 (systemctl status ollama) and listens where ollama.url says.")
                               .arg(gpuHost.isEmpty() ? display : gpuHost);
            } else {
                c.severity = Health::Ok;
                c.summary = tr("Ollama %1: %n model(s) installed, %2 loaded", nullptr, int(m_ollama->models().size()))
                                .arg(m_ollama->version())
                                .arg(m_ollama->loaded().size());
            }
            m_ollama->disconnect(this);
            report(c);
            --m_pending;
            finishIfDone();
        };
        connect(m_ollama, &gpu::OllamaClient::updated, this, finish);
        connect(m_ollama, &gpu::OllamaClient::failed, this, finish);
        m_ollama->refresh();
    }

    if (gpuHost.isEmpty()) {
        --m_pending;
        finishIfDone();
        return;
    }
    if (!context.transport) {
        --m_pending;
        report(result(tr("GPU on %1").arg(gpuHost), Health::Unknown,
                      tr("could not run: no SSH connection to %1 for nvidia-smi").arg(gpuHost),
                      tr("Give %1 an ssh: entry in the inventory, or run the check from the window.").arg(gpuHost), gpuHost));
        finishIfDone();
        return;
    }
    remote::CommandRequest request;
    request.host = gpuHost;
    request.argv = gpu::NvidiaSmi::gpuCommand();
    request.timeoutMs = timeoutMs(context);
    m_job = context.transport->run(request);
    connect(m_job, &remote::CommandJob::finished, this, [this, gpuHost, thresholds](const remote::CommandResult &r) {
        --m_pending;
        const QString target = tr("GPU on %1").arg(gpuHost);
        if (!r.ran) {
            report(CommandFailure::result(r, target, gpuHost));
            finishIfDone();
            return;
        }
        if (r.exitStatus != 0) {
            report(result(
                target, Health::Unknown,
                tr("could not run: %1")
                    .arg(tr("nvidia-smi exited with %1: %2")
                             .arg(r.exitStatus)
                             .arg(QString::fromUtf8(r.standardError).trimmed())),
                tr("Check the NVIDIA driver on %1 (nvidia-smi should list the GPU).").arg(gpuHost),
                gpuHost));
            finishIfDone();
            return;
        }
        QString error;
        const auto gpus = gpu::NvidiaSmi::parseGpus(r.standardOutput, gpu::NvidiaSmi::gpuFields(), &error);
        if (!gpus) {
            report(result(target, Health::Unknown, tr("could not run: %1").arg(error), {}, gpuHost));
            finishIfDone();
            return;
        }
        for (const gpu::GpuInfo &g : *gpus) {
            CheckResult c;
            c.target = tr("GPU %1 (%2) on %3").arg(g.index).arg(g.name, gpuHost);
            c.host = gpuHost;
            QStringList problems;
            c.severity = Health::Ok;
            if (g.temperatureC && *g.temperatureC >= thresholds.gpuTemperatureWarningC) {
                c.severity = Health::Warning;
                problems << tr("%1 °C (warning at %2 °C)").arg(*g.temperatureC).arg(thresholds.gpuTemperatureWarningC);
            }
            double vramPercent = -1;
            if (g.memoryUsedMiB && g.memoryTotalMiB && *g.memoryTotalMiB > 0) {
                vramPercent = 100.0 * *g.memoryUsedMiB / *g.memoryTotalMiB;
                if (vramPercent >= thresholds.gpuVramWarningPercent) {
                    c.severity = Health::Warning;
                    problems << tr("VRAM %1% used (warning at %2%)").arg(qRound(vramPercent)).arg(thresholds.gpuVramWarningPercent);
                }
            }
            const QString facts = tr("%1 °C, VRAM %2 of %3 MiB, %4% busy")
                                      .arg(g.temperatureC ? QString::number(*g.temperatureC) : tr("?"),
                                           g.memoryUsedMiB ? QString::number(*g.memoryUsedMiB) : tr("?"),
                                           g.memoryTotalMiB ? QString::number(*g.memoryTotalMiB) : tr("?"),
                                           g.utilizationPercent ? QString::number(*g.utilizationPercent) : tr("?"));
            c.summary = problems.isEmpty() ? facts : problems.join(QStringLiteral("; "));
            if (!problems.isEmpty())
                c.advice = tr("Unload idle models (ollama stop <model>) or lower OLLAMA_MAX_LOADED_MODELS; check the "
                              "case airflow if it runs hot. Now: %1")
                               .arg(facts);
            c.details = QJsonObject{{QStringLiteral("temperatureC"), g.temperatureC ? *g.temperatureC : -1},
                                    {QStringLiteral("vramPercent"), vramPercent}};
            report(c);
        }
        finishIfDone();
    });
}

void GpuCheck::finishIfDone()
{
    if (m_pending == 0)
        done();
}

void GpuCheck::stop()
{
    if (m_job)
        m_job->cancel();
    if (m_ollama)
        m_ollama->disconnect(this);
}

} // namespace labdeck::checks
