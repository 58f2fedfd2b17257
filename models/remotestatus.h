#pragma once

#include "common/health.h"
#include "inventory/inventory.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck {

namespace compose {
class ComposeService;
}
namespace tailscale {
class TailscaleMonitor;
}
namespace gpu {
class GpuMonitor;
} // namespace gpu
namespace ollama {
class OllamaClient;
class WebUiProbe;
} // namespace ollama

class HostModel;
class ComposeModel;
class TunnelModel;
class GpuProcessModel;
class OllamaModelsModel;
class LoadedModelsModel;

// Turns what the compose host, the tailnet, nvidia-smi and Ollama report
// into the lab view: each compose service's health (HostModel compose:<svc>),
// the GPU server's and its services' health, the tables of the panes, and
// the short notes of the host cards ("GPU 37% · VRAM 5.1/8 GiB · 2 models
// loaded", "online · direct …"). Any source may be missing (nullptr). UI thread.
class RemoteStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteStatus)
public:
    struct Sources
    {
        compose::ComposeService *compose = nullptr;
        tailscale::TailscaleMonitor *tailscale = nullptr;
        gpu::GpuMonitor *gpu = nullptr;
        ollama::OllamaClient *ollama = nullptr;
        ollama::WebUiProbe *webui = nullptr;
    };

    RemoteStatus(HostModel *hosts, const Sources &sources, QObject *parent = nullptr);
    ~RemoteStatus() override;

    [[nodiscard]] const Sources &sources() const { return m_sources; }
    [[nodiscard]] ComposeModel *composeModel() const { return m_compose; }
    [[nodiscard]] TunnelModel *tunnelModel() const { return m_tunnels; }
    [[nodiscard]] GpuProcessModel *gpuProcesses() const { return m_processes; }
    [[nodiscard]] OllamaModelsModel *ollamaModels() const { return m_models; }
    [[nodiscard]] LoadedModelsModel *loadedModels() const { return m_loaded; }

    // The GPU server of the inventory (kind gpu-server); empty when none.
    [[nodiscard]] QString gpuHost() const { return m_gpuHost; }
    // "GPU 37% · VRAM 5.1/8 GiB · 2 models loaded"; empty when nothing is known.
    [[nodiscard]] QString gpuNote() const;
    // The tunnel to a host: "online · direct 10.0.0.12:41641", "offline · last
    // seen 3 h ago"; empty when the host is not in the mesh or nothing is known.
    [[nodiscard]] QString tunnelNote(const QString &host) const;
    [[nodiscard]] Health tunnelHealth(const QString &host) const;
    // Both, for a host card.
    [[nodiscard]] QString hostNote(const QString &host) const;

    // Recompute from the sources now (the sources' signals do it otherwise).
    void update();

Q_SIGNALS:
    // Notes or tunnel health changed.
    void notesChanged();

private:
    void updateCompose();
    void updateTunnels();
    void updateGpu();

    HostModel *m_hosts;
    Sources m_sources;
    Inventory m_inventory;
    QString m_gpuHost;
    ComposeModel *m_compose;
    TunnelModel *m_tunnels;
    GpuProcessModel *m_processes;
    OllamaModelsModel *m_models;
    LoadedModelsModel *m_loaded;
    QTimer m_tick; // ages ("3 s ago", "unloads in 4 min") keep moving
};

} // namespace labdeck
