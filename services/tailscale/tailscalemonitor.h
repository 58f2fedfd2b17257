#pragma once

#include "common/poller.h"
#include "remote/commandtransport.h"
#include "tailscale/tailscalestatus.h"

#include <QPointer>
#include <optional>

namespace labdeck::tailscale {

// Runs `tailscale status --json` on the inventory's status host over a
// CommandTransport, now and then periodically, and keeps the last good
// status with the time it was fetched (Poller: start(30 s) in the app).
// UI thread.
class TailscaleMonitor final : public Poller
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
    [[nodiscard]] const std::optional<Status> &status() const { return m_status; }

    [[nodiscard]] static QStringList command();

protected:
    void poll() override;

private:
    QPointer<remote::CommandTransport> m_transport;
    QString m_host;
    std::optional<Status> m_status;
};

} // namespace labdeck::tailscale
