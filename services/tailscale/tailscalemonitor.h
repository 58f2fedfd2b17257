#pragma once

#include "remote/commandtransport.h"
#include "tailscale/tailscalestatus.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace labdeck::tailscale {

// Runs `tailscale status --json` on the inventory's status host over a
// CommandTransport, now and then periodically, and keeps the last good
// status with the time it was fetched. UI thread.
class TailscaleMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailscaleMonitor)
public:
    // transport may be nullptr (not connected): refresh() then fails with
    // "SSH: not connected".
    TailscaleMonitor(remote::CommandTransport *transport, QString statusHost,
                     QObject *parent = nullptr);

    void setTransport(remote::CommandTransport *transport) { m_transport = transport; }
    [[nodiscard]] QString statusHost() const { return m_host; }
    // Refresh period in ms (0: only on refresh()). Default 30 s.
    void start(int intervalMs = 30000);
    void stop() { m_timer.stop(); }
    void refresh();

    [[nodiscard]] const std::optional<Status> &status() const { return m_status; }
    [[nodiscard]] QDateTime fetchedAt() const { return m_fetchedAt; } // UTC; invalid: never
    [[nodiscard]] QString lastError() const { return m_error; }
    // Never fetched, the last refresh failed, or older than three periods.
    [[nodiscard]] bool isStale() const;

    [[nodiscard]] static QStringList command();

Q_SIGNALS:
    void updated();
    void failed(const QString &error);

private:
    void fail(const QString &error);

    QPointer<remote::CommandTransport> m_transport;
    QString m_host;
    QTimer m_timer;
    std::optional<Status> m_status;
    QDateTime m_fetchedAt;
    QString m_error;
    bool m_running = false;
};

} // namespace labdeck::tailscale
