#pragma once

#include "common/poller.h"
#include "gpu/nvidiasmi.h"
#include "remote/commandtransport.h"

#include <QPointer>

namespace labdeck::gpu {

// Runs nvidia-smi on the GPU host over a CommandTransport every few
// seconds: the GPUs, then their compute processes. Keeps the last good
// values with the time they were fetched (Poller: start(5 s) in the app).
// UI thread.
class GpuMonitor final : public Poller
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpuMonitor)
public:
    GpuMonitor(remote::CommandTransport *transport, QString host, QObject *parent = nullptr);

    void setTransport(remote::CommandTransport *transport) { m_transport = transport; }
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] const QList<GpuInfo> &gpus() const { return m_gpus; }
    [[nodiscard]] const QList<GpuProcess> &processes() const { return m_processes; }

protected:
    void poll() override;

private:
    remote::CommandJob *run(const QStringList &argv);
    void readProcesses(const QList<GpuInfo> &gpus);

    QPointer<remote::CommandTransport> m_transport;
    QString m_host;
    QList<GpuInfo> m_gpus;
    QList<GpuProcess> m_processes;
};

} // namespace labdeck::gpu
