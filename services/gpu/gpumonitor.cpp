#include "gpu/gpumonitor.h"

namespace labdeck::gpu {

namespace {
QString explain(const QString &host, const remote::CommandResult &r)
{
    const QString err = QString::fromUtf8(r.standardError.trimmed());
    if (r.exitStatus == 127)
        return GpuMonitor::tr("%1: nvidia-smi not found (exit status 127); install the NVIDIA "
                              "driver utilities. %2")
            .arg(host, err);
    return GpuMonitor::tr("%1: nvidia-smi: exit status %2: %3")
        .arg(host)
        .arg(r.exitStatus)
        .arg(err.isEmpty() ? QString::fromUtf8(r.standardOutput.trimmed()) : err);
}
} // namespace

GpuMonitor::GpuMonitor(remote::CommandTransport *transport, QString host, QObject *parent)
    : Poller(std::chrono::seconds(20), parent)
    , m_transport(transport)
    , m_host(std::move(host))
{}

remote::CommandJob *GpuMonitor::run(const QStringList &argv)
{
    remote::CommandRequest request;
    request.host = m_host;
    request.argv = argv;
    request.timeoutMs = 15000;
    return m_transport->run(request);
}

void GpuMonitor::poll()
{
    if (!m_transport) {
        fail(tr("%1: SSH: not connected").arg(m_host));
        return;
    }
    connect(run(NvidiaSmi::gpuCommand()), &remote::CommandJob::finished, this,
            [this](const remote::CommandResult &r) {
                if (!r.ran) {
                    fail(r.error);
                    return;
                }
                if (r.exitStatus != 0) {
                    fail(explain(m_host, r));
                    return;
                }
                QString error;
                auto gpus = NvidiaSmi::parseGpus(r.standardOutput, NvidiaSmi::gpuFields(), &error);
                if (!gpus) {
                    fail(m_host + QStringLiteral(": ") + error);
                    return;
                }
                readProcesses(*gpus);
            });
}

void GpuMonitor::readProcesses(const QList<GpuInfo> &gpus)
{
    if (!m_transport) {
        fail(tr("%1: SSH: not connected").arg(m_host));
        return;
    }
    connect(run(NvidiaSmi::processCommand()), &remote::CommandJob::finished, this,
            [this, gpus](const remote::CommandResult &r) {
                if (!r.ran) {
                    fail(r.error);
                    return;
                }
                if (r.exitStatus != 0) {
                    fail(explain(m_host, r));
                    return;
                }
                QString error;
                auto processes =
                    NvidiaSmi::parseProcesses(r.standardOutput, NvidiaSmi::processFields(), &error);
                if (!processes) {
                    fail(m_host + QStringLiteral(": ") + error);
                    return;
                }
                m_gpus = gpus;
                m_processes = *processes;
                succeeded();
            });
}

} // namespace labdeck::gpu
