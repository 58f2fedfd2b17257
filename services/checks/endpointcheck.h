#pragma once

#include "checks/check.h"
#include "checks/probe.h"

namespace labdeck::checks {

// endpoints: the HTTP status and latency of every public URL (through the
// verified TLS connection a browser would make), and whether every NodePort
// of the inventory accepts TCP connections on its node.
class EndpointCheck final : public Check
{
    Q_OBJECT
public:
    explicit EndpointCheck(QObject *parent = nullptr);

    [[nodiscard]] static CheckResult judgeUrl(const PublicUrl &url, const ProbeRequest &request,
                                              const ProbeResult &probe, const Inventory &lab,
                                              const Thresholds &thresholds);
    [[nodiscard]] static CheckResult
    judgeNodePort(const Workload &workload, const ProbeRequest &request, const ProbeResult &probe);
    // The address a host's NodePorts are reached at: its Tailscale name,
    // else its private, else its public address, else its name.
    [[nodiscard]] static QString nodeAddress(const Host &host);

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void probeDone();

    Inventory m_lab;
    Thresholds m_thresholds;
    QList<Probe *> m_probes;
    int m_pending = 0;
};

} // namespace labdeck::checks
