#include "tailscale/tailscalemonitor.h"

namespace labdeck::tailscale {

TailscaleMonitor::TailscaleMonitor(remote::CommandTransport *transport, QString statusHost,
                                   QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_host(std::move(statusHost))
{
    connect(&m_timer, &QTimer::timeout, this, &TailscaleMonitor::refresh);
}

QStringList TailscaleMonitor::command()
{
    return {QStringLiteral("tailscale"), QStringLiteral("status"), QStringLiteral("--json")};
}

void TailscaleMonitor::start(int intervalMs)
{
    if (intervalMs > 0)
        m_timer.start(intervalMs);
    refresh();
}

bool TailscaleMonitor::isStale() const
{
    if (!m_fetchedAt.isValid() || !m_error.isEmpty())
        return true;
    const int interval = m_timer.isActive() ? m_timer.interval() : 60000;
    return m_fetchedAt.msecsTo(QDateTime::currentDateTimeUtc()) > 3 * qint64(interval);
}

void TailscaleMonitor::fail(const QString &error)
{
    m_error = error;
    Q_EMIT failed(error);
    Q_EMIT updated();
}

void TailscaleMonitor::refresh()
{
    if (m_running)
        return;
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
    m_running = true;
    connect(job, &remote::CommandJob::finished, this, [this](const remote::CommandResult &r) {
        m_running = false;
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
        m_fetchedAt = QDateTime::currentDateTimeUtc();
        m_error.clear();
        Q_EMIT updated();
    });
}

} // namespace labdeck::tailscale
