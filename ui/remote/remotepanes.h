#pragma once

#include "remotestatus.h"

#include <QObject>

namespace labdeck {

class ComposePanes;
class GpuPanes;
class HostModel;
class LabSelection;
class MainWindow;
class TopologyOverlay;
namespace lab {
class Lab;
}

// The window's part of what runs over remote commands and HTTP outside
// Kubernetes: the lab's monitors (the compose service on the compose host,
// the Tailscale monitor, the GPU monitor, the Ollama client and the Open
// WebUI probe; any may be missing), their models, the Compose, GPU and
// Tailscale docks, the topology overlay and the Details section of a host's
// tunnel and GPU. Builds the monitors, connects the docks, then starts them.
// UI thread.
class RemotePanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemotePanes)
public:
    RemotePanes(MainWindow *window, HostModel *hosts, LabSelection *selection, lab::Lab *lab,
                QObject *parent = nullptr);
    ~RemotePanes() override;

    [[nodiscard]] RemoteStatus *status() const { return m_status; }
    [[nodiscard]] ComposePanes *composePanes() const { return m_composePanes; }
    [[nodiscard]] GpuPanes *gpuPanes() const { return m_gpuPanes; }

private:
    [[nodiscard]] static RemoteStatus::Sources monitorsOf(lab::Lab *lab);

    RemoteStatus *m_status;
    ComposePanes *m_composePanes;
    GpuPanes *m_gpuPanes;
    TopologyOverlay *m_overlay;
};

} // namespace labdeck
