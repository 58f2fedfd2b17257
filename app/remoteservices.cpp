#include "remoteservices.h"

#include "detailspanel.h"

#include "compose/composepanes.h"
#include "compose/composeservice.h"
#include "demolab/demotransport.h"
#include "demolab/ollamareplay.h"
#include "gpu/gpumonitor.h"
#include "gpu/gpupanes.h"
#include "gpu/ollamaclient.h"
#include "hostmodel.h"
#include "mainwindow.h"
#include "remotestatus.h"
#include "tailscale/tailscalemonitor.h"

#include <QNetworkAccessManager>
#include <QTextStream>

namespace labdeck {

namespace {
// Periods: nvidia-smi every few seconds; the rest less often.
constexpr int kGpuMs = 5000;
constexpr int kOllamaMs = 10000;
constexpr int kComposeMs = 15000;
constexpr int kTailscaleMs = 30000;
constexpr int kWebUiMs = 30000;
} // namespace

RemoteServices::RemoteServices(MainWindow *window, HostModel *hosts, LabSelection *selection,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_hosts(hosts)
    , m_selection(selection)
    , m_network(new QNetworkAccessManager(this))
{}

RemoteServices::~RemoteServices() = default;

void RemoteServices::startDemo()
{
    const Inventory &inv = m_hosts->inventory();
    m_demo = new demolab::DemoTransport(inv, this);
    m_replay = new demolab::OllamaReplay(this);
    m_demo->setOllamaVramMiB(m_replay->useDemoResponses());
    QUrl replayUrl;
    if (m_replay->listen())
        replayUrl = m_replay->url();
    else
        QTextStream(stderr)
            << tr("labdeck: the demo lab's Ollama server could not listen on 127.0.0.1")
            << Qt::endl;
    build(m_demo, replayUrl, replayUrl);
}

void RemoteServices::startReal(remote::CommandTransport *transport, const QUrl &ollamaUrl)
{
    const Inventory &inv = m_hosts->inventory();
    QUrl webui;
    for (const Host &h : inv.hosts) {
        for (const HostService &s : h.services) {
            if (s.name == QLatin1String("open-webui") && s.endpoint.isValid())
                webui = s.endpoint;
        }
    }
    build(transport, ollamaUrl.isValid() ? ollamaUrl : inv.ollamaUrl, webui);
}

void RemoteServices::setTransport(remote::CommandTransport *transport)
{
    if (m_compose) {
        m_compose->setTransport(transport);
        m_compose->refresh();
    }
    if (m_tailscale) {
        m_tailscale->setTransport(transport);
        m_tailscale->refresh();
    }
    if (m_gpu) {
        m_gpu->setTransport(transport);
        m_gpu->refresh();
    }
}

void RemoteServices::build(remote::CommandTransport *transport, const QUrl &ollamaUrl,
                           const QUrl &webuiUrl)
{
    const Inventory &inv = m_hosts->inventory();
    QString gpuHost;
    for (const Host &h : inv.hosts) {
        if (h.kind == HostKind::GpuServer && gpuHost.isEmpty())
            gpuHost = h.name;
    }
    RemoteStatus::Sources sources;
    if (!inv.compose.host.isEmpty()) {
        m_compose = new compose::ComposeService(transport, inv.compose.host, this);
        sources.compose = m_compose;
    }
    if (!inv.tailscaleStatusHost.isEmpty()) {
        m_tailscale = new tailscale::TailscaleMonitor(transport, inv.tailscaleStatusHost, this);
        sources.tailscale = m_tailscale;
    }
    if (!gpuHost.isEmpty()) {
        m_gpu = new gpu::GpuMonitor(transport, gpuHost, this);
        sources.gpu = m_gpu;
    }
    const QString ollamaHost = gpuHost.isEmpty() ? ollamaUrl.host() : gpuHost;
    if (ollamaUrl.isValid()) {
        m_ollama = new gpu::OllamaClient(m_network, ollamaUrl, ollamaHost, this);
        sources.ollama = m_ollama;
    }
    if (webuiUrl.isValid()) {
        m_webui = new gpu::WebUiProbe(m_network, webuiUrl, ollamaHost, this);
        sources.webui = m_webui;
    }
    m_status = new RemoteStatus(m_hosts, sources, this);
    m_composePanes = new ComposePanes(m_window, m_status, m_compose, m_hosts, m_selection);
    m_gpuPanes = new GpuPanes(m_window, m_status);
    m_overlay = new TopologyOverlay(m_window->topologyScene(), m_hosts, m_status, this);
    // Details: the selected host's tunnel, and the GPU on the GPU server.
    DetailsPanel *details = m_window->detailsPanel();
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

    if (m_compose) {
        m_compose->setInterval(kComposeMs);
        m_compose->refresh();
    }
    if (m_tailscale)
        m_tailscale->start(kTailscaleMs);
    if (m_gpu)
        m_gpu->start(kGpuMs);
    if (m_ollama)
        m_ollama->start(kOllamaMs);
    if (m_webui)
        m_webui->start(kWebUiMs);
}

} // namespace labdeck
