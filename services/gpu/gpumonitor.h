#pragma once

#include "gpu/nvidiasmi.h"
#include "remote/commandtransport.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck::gpu {

// Runs nvidia-smi on the GPU host over a CommandTransport every few
// seconds: the GPUs, then their compute processes. Keeps the last good
// values with the time they were fetched. UI thread.
class GpuMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpuMonitor)
public:
    GpuMonitor(remote::CommandTransport *transport, QString host, QObject *parent = nullptr);

    void setTransport(remote::CommandTransport *transport) { m_transport = transport; }
    [[nodiscard]] QString host() const { return m_host; }
    // Period in ms (default 5 s); refreshes now.
    void start(int intervalMs = 5000);
    void stop() { m_timer.stop(); }
    void refresh();

    [[nodiscard]] const QList<GpuInfo> &gpus() const { return m_gpus; }
    [[nodiscard]] const QList<GpuProcess> &processes() const { return m_processes; }
    [[nodiscard]] QDateTime fetchedAt() const { return m_fetchedAt; }
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] bool isStale() const;

Q_SIGNALS:
    void updated();
    void failed(const QString &error);

private:
    void fail(const QString &error);
    remote::CommandJob *run(const QStringList &argv);
    void readProcesses(const QList<GpuInfo> &gpus);

    QPointer<remote::CommandTransport> m_transport;
    QString m_host;
    QTimer m_timer;
    QList<GpuInfo> m_gpus;
    QList<GpuProcess> m_processes;
    QDateTime m_fetchedAt;
    QString m_error;
    bool m_running = false;
};

} // namespace labdeck::gpu
