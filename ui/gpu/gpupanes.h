#pragma once

#include <QObject>
#include <QPointer>

class QDockWidget;
class QLabel;
class QProgressBar;
class QTableView;

namespace labdeck {

class HostModel;
class MainWindow;
class RemoteStatus;
class TablePane;
class TopologyScene;

// The GPU server dock (utilisation, VRAM, temperature, power, processes,
// Ollama's version, installed and loaded models, Open WebUI's health) and
// the Tailscale dock (each inventory host's tunnel). Every value says when it
// was fetched; stale ones are grey with the reason. UI thread.
class GpuPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpuPanes)
public:
    GpuPanes(MainWindow *window, RemoteStatus *status);
    ~GpuPanes() override;

    [[nodiscard]] QDockWidget *gpuDock() const { return m_gpuDock; }
    [[nodiscard]] QDockWidget *tunnelDock() const { return m_tunnelDock; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }
    [[nodiscard]] QLabel *ollamaLabel() const { return m_ollama; }
    // Ollama's state in the status bar: "Ollama ✓ 2 loaded".
    [[nodiscard]] QLabel *ollamaStatus() const { return m_ollamaStatus; }
    [[nodiscard]] QLabel *webuiLabel() const { return m_webui; }
    [[nodiscard]] QProgressBar *utilization() const { return m_util; }
    [[nodiscard]] QProgressBar *vram() const { return m_vram; }
    [[nodiscard]] QTableView *processes() const { return m_processes; }
    [[nodiscard]] QTableView *models() const { return m_models; }
    [[nodiscard]] QTableView *loaded() const { return m_loaded; }
    [[nodiscard]] TablePane *tunnels() const { return m_tunnels; }

    void update();

private:
    RemoteStatus *m_status;
    QDockWidget *m_gpuDock;
    QDockWidget *m_tunnelDock;
    QLabel *m_summary;
    QLabel *m_gpuName;
    QLabel *m_temperature;
    QLabel *m_power;
    QLabel *m_ollama;
    QLabel *m_ollamaStatus;
    QLabel *m_webui;
    QLabel *m_fresh;
    QProgressBar *m_util;
    QProgressBar *m_vram;
    QTableView *m_processes;
    QTableView *m_models;
    QTableView *m_loaded;
    TablePane *m_tunnels;
    QLabel *m_tunnelState;
};

// Draws the remote state on the topology: the host cards' notes (tunnel,
// GPU), and the Tailscale links coloured by each peer's state (with a dash
// pattern and tooltip, so colour is not the only signal). Follows rebuilds
// of the scene and changes of the host model. UI thread.
class TopologyOverlay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyOverlay)
public:
    TopologyOverlay(TopologyScene *scene, HostModel *hosts, RemoteStatus *status,
                    QObject *parent = nullptr);
    void apply();

private:
    TopologyScene *m_scene;
    HostModel *m_hosts;
    RemoteStatus *m_status;
};

} // namespace labdeck
