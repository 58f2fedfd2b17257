#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace labdeck {

namespace remote {
class CommandTransport;
}
namespace compose {
class ComposeService;
}
namespace tailscale {
class TailscaleMonitor;
}
namespace gpu {
class GpuMonitor;
class OllamaClient;
class WebUiProbe;
} // namespace gpu
namespace demolab {
class DemoTransport;
class OllamaReplay;
} // namespace demolab

class ComposePanes;
class GpuPanes;
class HostModel;
class LabSelection;
class MainWindow;
class RemoteStatus;
class TopologyOverlay;

// Builds what runs over remote commands and HTTP outside Kubernetes: the
// compose service on the compose host, the Tailscale monitor, the GPU
// monitor, the Ollama client and the Open WebUI probe, their models, the
// Compose, GPU and Tailscale docks and the topology overlay, all from the
// inventory shown by the window. UI thread.
class RemoteServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteServices)
public:
    RemoteServices(MainWindow *window, HostModel *hosts, LabSelection *selection,
                   QObject *parent = nullptr);
    ~RemoteServices() override;

    // The demo lab: its command transport and an Ollama replay server on
    // loopback (the Ollama client and the Open WebUI probe point there).
    void startDemo();
    // A real lab. transport is the SSH transport; nullptr until it is
    // connected, and the panes then say "SSH: not connected" (Ollama and
    // Open WebUI are plain HTTP and work without it).
    // ollamaUrl: where Ollama is reached (an SSH tunnel's loopback URL);
    // empty: the inventory's ollama.url.
    void startReal(remote::CommandTransport *transport, const QUrl &ollamaUrl = {});
    // Swaps the transport (SSH connected, reconnected or lost) and refreshes.
    void setTransport(remote::CommandTransport *transport);

    [[nodiscard]] compose::ComposeService *compose() const { return m_compose; }
    [[nodiscard]] tailscale::TailscaleMonitor *tailscale() const { return m_tailscale; }
    [[nodiscard]] gpu::GpuMonitor *gpuMonitor() const { return m_gpu; }
    [[nodiscard]] gpu::OllamaClient *ollama() const { return m_ollama; }
    [[nodiscard]] gpu::WebUiProbe *webui() const { return m_webui; }
    [[nodiscard]] RemoteStatus *status() const { return m_status; }
    [[nodiscard]] ComposePanes *composePanes() const { return m_composePanes; }
    [[nodiscard]] GpuPanes *gpuPanes() const { return m_gpuPanes; }
    [[nodiscard]] demolab::DemoTransport *demoTransport() const { return m_demo; }

private:
    void build(remote::CommandTransport *transport, const QUrl &ollamaUrl, const QUrl &webuiUrl);

    MainWindow *m_window;
    HostModel *m_hosts;
    LabSelection *m_selection;
    QNetworkAccessManager *m_network;
    demolab::DemoTransport *m_demo = nullptr;
    demolab::OllamaReplay *m_replay = nullptr;
    compose::ComposeService *m_compose = nullptr;
    tailscale::TailscaleMonitor *m_tailscale = nullptr;
    gpu::GpuMonitor *m_gpu = nullptr;
    gpu::OllamaClient *m_ollama = nullptr;
    gpu::WebUiProbe *m_webui = nullptr;
    RemoteStatus *m_status = nullptr;
    ComposePanes *m_composePanes = nullptr;
    GpuPanes *m_gpuPanes = nullptr;
    TopologyOverlay *m_overlay = nullptr;
};

} // namespace labdeck
