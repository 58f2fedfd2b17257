#include "remote/remotepanes.h"

#include "compose/composepanes.h"
#include "detailspanel.h"
#include "gpu/gpupanes.h"
#include "lab/lab.h"
#include "mainwindow.h"

#include <QPointer>

namespace labdeck {

RemoteStatus::Sources RemotePanes::monitorsOf(lab::Lab *lab)
{
    lab->buildMonitors();
    RemoteStatus::Sources sources;
    sources.compose = lab->compose();
    sources.tailscale = lab->tailscale();
    sources.gpu = lab->gpuMonitor();
    sources.ollama = lab->ollama();
    sources.webui = lab->webui();
    return sources;
}

RemotePanes::RemotePanes(MainWindow *window, HostModel *hosts, LabSelection *selection,
                         lab::Lab *lab, QObject *parent)
    : QObject(parent)
    , m_status(new RemoteStatus(hosts, monitorsOf(lab), this))
    , m_composePanes(new ComposePanes(window, m_status, lab->compose(), hosts, selection))
    , m_gpuPanes(new GpuPanes(window, m_status))
    , m_overlay(new TopologyOverlay(window->topologyScene(), hosts, m_status, this))
{
    // Details: the selected host's tunnel, and the GPU on the GPU server.
    DetailsPanel *details = window->detailsPanel();
    QPointer<RemoteStatus> status = m_status;
    details->addSection([status](const QString &id) {
        DetailsPanel::Section section{tr("Tunnel and GPU"), {}};
        if (!status || !id.startsWith(QLatin1String("host:")))
            return section;
        const QString host = id.mid(5);
        const QString tunnel = status->tunnelNote(host);
        if (!tunnel.isEmpty())
            section.rows.append({tr("Tailscale"), tunnel});
        if (host == status->gpuHost() && !status->gpuNote().isEmpty())
            section.rows.append({tr("GPU"), status->gpuNote()});
        return section;
    });
    connect(m_status, &RemoteStatus::notesChanged, details, &DetailsPanel::refreshSoon);
    // The first refreshes, now that every answer has somewhere to go.
    lab->startMonitors();
}

RemotePanes::~RemotePanes() = default;

} // namespace labdeck
