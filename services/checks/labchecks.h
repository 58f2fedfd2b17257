#pragma once

#include "checks/check.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace labdeck::prom {
class Client;
}
namespace labdeck::remote {
class CommandJob;
}
namespace labdeck::gpu {
class OllamaClient;
}

namespace labdeck::checks {

// tunnels: `tailscale status --json` read on the inventory's tailscale
// status host over the transport; for each host with a Tailscale name, its
// peer online (direct or through which DERP relay) or offline since when.
class TunnelCheck final : public Check
{
    Q_OBJECT
public:
    explicit TunnelCheck(QObject *parent = nullptr) : Check(QStringLiteral("tunnels"), parent) {}

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    QPointer<remote::CommandJob> m_job;
};

// prometheus: every active target up (down ones critical, with the scrape
// error), every inventory host with an instance scraped, and the firing
// alerts (critical by their severity label, else warning).
class PrometheusCheck final : public Check
{
    Q_OBJECT
public:
    explicit PrometheusCheck(QObject *parent = nullptr);
    ~PrometheusCheck() override;

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void finishIfDone();

    prom::Client *m_client = nullptr;
    int m_pending = 0;
};

// gpu: Ollama reachable (version, models loaded) and, over the transport,
// nvidia-smi on the GPU host: temperature and VRAM within the thresholds.
class GpuCheck final : public Check
{
    Q_OBJECT
public:
    explicit GpuCheck(QObject *parent = nullptr) : Check(QStringLiteral("gpu"), parent) {}

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void finishIfDone();

    QNetworkAccessManager m_network;
    QPointer<gpu::OllamaClient> m_ollama;
    QPointer<remote::CommandJob> m_job;
    int m_pending = 0;
};

} // namespace labdeck::checks
