#pragma once

#include "checks/check.h"

#include <QPointer>

namespace labdeck::remote {
class CommandJob;
}

namespace labdeck::checks {

// tunnels: `tailscale status --json` read on the inventory's tailscale
// status host over the transport; for each host with a Tailscale name, its
// peer online (direct or through which DERP relay) or offline since when.
class TunnelCheck final : public Check
{
    Q_OBJECT
public:
    explicit TunnelCheck(QObject *parent = nullptr)
        : Check(QStringLiteral("tunnels"), parent)
    {}

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    QPointer<remote::CommandJob> m_job;
};

} // namespace labdeck::checks
