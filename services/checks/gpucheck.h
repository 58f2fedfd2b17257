#pragma once

#include "checks/check.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace labdeck::remote {
class CommandJob;
}
namespace labdeck::ollama {
class OllamaClient;
}

namespace labdeck::checks {

// gpu: Ollama reachable (version, models loaded) and, over the transport,
// nvidia-smi on the GPU host: temperature and VRAM within the thresholds.
class GpuCheck final : public Check
{
    Q_OBJECT
public:
    explicit GpuCheck(QObject *parent = nullptr)
        : Check(QStringLiteral("gpu"), parent)
    {}

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void finishIfDone();

    QNetworkAccessManager m_network;
    QPointer<ollama::OllamaClient> m_ollama;
    QPointer<remote::CommandJob> m_job;
    int m_pending = 0;
};

} // namespace labdeck::checks
