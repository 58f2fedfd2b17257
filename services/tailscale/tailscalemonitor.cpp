#include "tailscale/tailscalemonitor.h"

namespace labdeck::tailscale {

TailscaleMonitor::TailscaleMonitor(remote::CommandTransport *transport, QString statusHost,
                                   QObject *parent)
    : Poller(std::chrono::minutes(1), parent)
    , m_transport(transport)
    , m_host(std::move(statusHost))
{}

QStringList TailscaleMonitor::command()
{
    return {QStringLiteral("tailscale"), QStringLiteral("status"), QStringLiteral("--json")};
}

void TailscaleMonitor::poll()
{
    if (m_host.isEmpty()) {
        fail(tr("Tailscale: the inventory names no status host (tailscale: statusHost)"));
        return;
    }
    if (!m_transport) {
        fail(tr("%1: SSH: not connected").arg(m_host));
        return;
    }
    remote::CommandRequest request;
    request.host = m_host;
    request.argv = command();
    request.timeoutMs = 20000;
    remote::CommandJob *job = m_transport->run(request);
    connect(job, &remote::CommandJob::finished, this, [this](const remote::CommandResult &r) {
        if (!r.ran) {
            fail(r.error);
            return;
        }
        if (r.exitStatus != 0) {
            fail(tr("%1: tailscale status: exit status %2: %3")
                     .arg(m_host)
                     .arg(r.exitStatus)
                     .arg(QString::fromUtf8(r.standardError.trimmed())));
            return;
        }
        QString error;
        auto status = StatusParser::parse(r.standardOutput, &error);
        if (!status) {
            fail(m_host + QStringLiteral(": ") + error);
            return;
        }
        m_status = std::move(status);
        succeeded();
    });
}

} // namespace labdeck::tailscale
