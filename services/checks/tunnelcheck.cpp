#include "checks/tunnelcheck.h"

#include "checks/checkhelpers_p.h"
#include "checks/commandfailure.h"
#include "common/format.h"
#include "remote/commandtransport.h"
#include "tailscale/tailscalestatus.h"

#include <QJsonObject>

namespace labdeck::checks {

using detail::result;

void TunnelCheck::run(const CheckContext &context)
{
    const Inventory &lab = context.inventory;
    const QString statusHost = lab.tailscaleStatusHost;
    if (statusHost.isEmpty()) {
        report(result(tr("tailnet"), Health::Unknown,
                      tr("could not run: the inventory names no tailscale.statusHost"),
                      tr("Set tailscale.statusHost to a host that runs Tailscale and that Labdeck "
                         "reaches over SSH.")));
        done();
        return;
    }
    if (!context.transport) {
        report(result(tr("tailnet"), Health::Unknown,
                      tr("could not run: no SSH connection to %1, where tailscale status is read")
                          .arg(statusHost),
                      tr("Give %1 an ssh: entry (or sources.sshAlias) in the inventory, or run the "
                         "check from the window, "
                         "where SSH is connected.")
                          .arg(statusHost),
                      statusHost));
        done();
        return;
    }
    remote::CommandRequest request;
    request.host = statusHost;
    request.argv = {QStringLiteral("tailscale"), QStringLiteral("status"),
                    QStringLiteral("--json")};
    request.timeoutMs = int(context.options.timeout.count());
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

} // namespace labdeck::checks
