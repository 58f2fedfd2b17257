#include "checks/gpucheck.h"

#include "checks/checkhelpers_p.h"
#include "checks/commandfailure.h"
#include "common/format.h"
#include "gpu/nvidiasmi.h"
#include "ollama/ollamaclient.h"
#include "remote/commandtransport.h"

#include <QJsonObject>

namespace labdeck::checks {

using detail::result;

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
        report(result(QStringLiteral("Ollama"), Health::Unknown,
                      tr("could not run: the inventory has no ollama.url"),
                      tr("Set ollama.url in the inventory (e.g. http://gpu-server:11434)."),
                      gpuHost));
    } else {
        m_ollama = new ollama::OllamaClient(&m_network, ollamaUrl,
                                            gpuHost.isEmpty() ? ollamaUrl.host() : gpuHost, this);
        m_ollama->setTimeout(context.options.timeout);
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
                c.advice = tr("Check that Ollama runs on %1 (systemctl status ollama) and listens "
                              "where ollama.url says.")
                               .arg(gpuHost.isEmpty() ? display : gpuHost);
            } else {
                c.severity = Health::Ok;
                c.summary = tr("Ollama %1: %n model(s) installed, %2 loaded", nullptr,
                               int(m_ollama->models().size()))
                                .arg(m_ollama->version())
                                .arg(m_ollama->loaded().size());
            }
            m_ollama->disconnect(this);
            report(c);
            --m_pending;
            finishIfDone();
        };
        connect(m_ollama, &ollama::OllamaClient::updated, this, finish);
        connect(m_ollama, &ollama::OllamaClient::failed, this, finish);
        m_ollama->refresh();
    }

    if (gpuHost.isEmpty()) {
        --m_pending;
        finishIfDone();
        return;
    }
    if (!context.transport) {
        --m_pending;
        report(
            result(tr("GPU on %1").arg(gpuHost), Health::Unknown,
                   tr("could not run: no SSH connection to %1 for nvidia-smi").arg(gpuHost),
                   tr("Give %1 an ssh: entry in the inventory, or run the check from the window.")
                       .arg(gpuHost),
                   gpuHost));
        finishIfDone();
        return;
    }
    remote::CommandRequest request;
    request.host = gpuHost;
    request.argv = gpu::NvidiaSmi::gpuCommand();
    request.timeoutMs = int(context.options.timeout.count());
    m_job = context.transport->run(request);
    connect(
        m_job, &remote::CommandJob::finished, this,
        [this, gpuHost, thresholds](const remote::CommandResult &r) {
            --m_pending;
            const QString target = tr("GPU on %1").arg(gpuHost);
            if (!r.ran) {
                report(CommandFailure::result(r, target, gpuHost));
                finishIfDone();
                return;
            }
            if (r.exitStatus != 0) {
                report(result(target, Health::Unknown,
                              tr("could not run: %1")
                                  .arg(tr("nvidia-smi exited with %1: %2")
                                           .arg(r.exitStatus)
                                           .arg(QString::fromUtf8(r.standardError).trimmed())),
                              tr("Check the NVIDIA driver on %1 (nvidia-smi should list the GPU).")
                                  .arg(gpuHost),
                              gpuHost));
                finishIfDone();
                return;
            }
            QString error;
            const auto gpus =
                gpu::NvidiaSmi::parseGpus(r.standardOutput, gpu::NvidiaSmi::gpuFields(), &error);
            if (!gpus) {
                report(result(target, Health::Unknown, tr("could not run: %1").arg(error), {},
                              gpuHost));
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
                    problems << tr("%1 °C (warning at %2 °C)")
                                    .arg(*g.temperatureC)
                                    .arg(thresholds.gpuTemperatureWarningC);
                }
                double vramPercent = -1;
                if (g.memoryUsedMiB && g.memoryTotalMiB && *g.memoryTotalMiB > 0) {
                    vramPercent = 100.0 * *g.memoryUsedMiB / *g.memoryTotalMiB;
                    if (vramPercent >= thresholds.gpuVramWarningPercent) {
                        c.severity = Health::Warning;
                        problems << tr("VRAM %1% used (warning at %2%)")
                                        .arg(qRound(vramPercent))
                                        .arg(thresholds.gpuVramWarningPercent);
                    }
                }
                const QString facts =
                    tr("%1 °C, VRAM %2 of %3 MiB, %4% busy")
                        .arg(g.temperatureC ? QString::number(*g.temperatureC) : tr("?"),
                             g.memoryUsedMiB ? QString::number(*g.memoryUsedMiB) : tr("?"),
                             g.memoryTotalMiB ? QString::number(*g.memoryTotalMiB) : tr("?"),
                             g.utilizationPercent ? QString::number(*g.utilizationPercent)
                                                  : tr("?"));
                c.summary = problems.isEmpty() ? facts : problems.join(QStringLiteral("; "));
                if (!problems.isEmpty())
                    c.advice = tr("Unload idle models (ollama stop <model>) or lower "
                                  "OLLAMA_MAX_LOADED_MODELS; check the "
                                  "case airflow if it runs hot. Now: %1")
                                   .arg(facts);
                c.details = QJsonObject{
                    {QStringLiteral("temperatureC"), g.temperatureC ? *g.temperatureC : -1},
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
