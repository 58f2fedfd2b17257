#include "remotestatus.h"

#include "common/format.h"
#include "compose/composeservice.h"
#include "gpu/gpumonitor.h"
#include "hostmodel.h"
#include "ollama/ollamaclient.h"
#include "remotemodels.h"
#include "tailscale/tailscalemonitor.h"

#include <cmath>

namespace labdeck {

namespace {
QString gib(double mib, int decimals)
{
    const double g = mib / 1024.0;
    return decimals == 0 && std::abs(g - std::round(g)) < 0.05 ? Format::number(std::round(g))
                                                               : QString::number(g, 'f', 1);
}
} // namespace

RemoteStatus::RemoteStatus(HostModel *hosts, const Sources &sources, QObject *parent)
    : QObject(parent)
    , m_hosts(hosts)
    , m_sources(sources)
    , m_inventory(hosts->inventory())
    , m_compose(new ComposeModel(this))
    , m_tunnels(new TunnelModel(this))
    , m_processes(new GpuProcessModel(this))
    , m_models(new OllamaModelsModel(this))
    , m_loaded(new LoadedModelsModel(this))
{
    for (const Host &h : m_inventory.hosts) {
        if (h.kind == HostKind::GpuServer && m_gpuHost.isEmpty())
            m_gpuHost = h.name;
    }
    if (m_sources.compose) {
        connect(m_sources.compose, &compose::ComposeService::containersChanged, this,
                &RemoteStatus::updateCompose);
        connect(m_sources.compose, &compose::ComposeService::projectsChanged, this,
                &RemoteStatus::updateCompose);
        connect(m_sources.compose, &compose::ComposeService::failed, this,
                &RemoteStatus::updateCompose);
    }
    if (m_sources.tailscale)
        connect(m_sources.tailscale, &tailscale::TailscaleMonitor::updated, this,
                &RemoteStatus::updateTunnels);
    if (m_sources.gpu)
        connect(m_sources.gpu, &gpu::GpuMonitor::updated, this, &RemoteStatus::updateGpu);
    if (m_sources.ollama)
        connect(m_sources.ollama, &ollama::OllamaClient::updated, this, &RemoteStatus::updateGpu);
    if (m_sources.webui)
        connect(m_sources.webui, &ollama::WebUiProbe::updated, this, &RemoteStatus::updateGpu);
    // Ages ("3 s ago", "unloads in 4 min") move, and a source that stopped
    // answering turns stale, without any new data arriving.
    m_tick.start(5000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        update();
        if (m_loaded->rowCount() > 0)
            Q_EMIT m_loaded->dataChanged(
                m_loaded->index(0, 0),
                m_loaded->index(m_loaded->rowCount() - 1, m_loaded->columnCount() - 1),
                {Qt::DisplayRole, Qt::ToolTipRole});
    });
    update();
}

RemoteStatus::~RemoteStatus() = default;

void RemoteStatus::update()
{
    updateCompose();
    updateTunnels();
    updateGpu();
}

void RemoteStatus::updateCompose()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    compose::ComposeService *svc = m_sources.compose;
    const QString project = m_inventory.compose.project;
    Freshness f;
    if (!svc) {
        f.reason = RemoteModelsText::tr("no compose host in the inventory");
    } else {
        f.fetchedAt = svc->containersFetchedAt(project).isValid()
                          ? svc->containersFetchedAt(project)
                          : svc->fetchedAt();
        f.stale = svc->isStale();
        f.reason = svc->lastError();
        for (const compose::ProjectInfo &p : svc->projects())
            m_compose->setProject(p.name, svc->containers(p.name));
        // Projects that are gone leave the table.
        QStringList gone;
        for (const compose::Container &c : m_compose->rows()) {
            bool listed = false;
            for (const compose::ProjectInfo &p : svc->projects())
                listed = listed || p.name == c.project;
            if (!listed && !gone.contains(c.project))
                gone << c.project;
        }
        for (const QString &g : std::as_const(gone))
            m_compose->setProject(g, {});
    }
    m_compose->setFreshness(f);

    if (m_inventory.compose.host.isEmpty())
        return;
    // The compose host itself: reachable when the listing is fresh.
    const QString hostId = HostModel::hostId(m_inventory.compose.host);
    if (!svc || f.stale)
        m_hosts->setHealth(
            hostId, Health::Unknown,
            f.reason.isEmpty() ? RemoteModelsText::tr("no compose listing yet") : f.reason, now);
    else
        m_hosts->setHealth(hostId, Health::Ok,
                           RemoteModelsText::tr("Compose listed project %1").arg(project),
                           f.fetchedAt);

    for (const ComposeService &cs : m_inventory.compose.services) {
        const QString id = HostModel::composeId(cs.name);
        if (!svc || f.stale || !svc->containersFetchedAt(project).isValid()) {
            m_hosts->setHealth(
                id, Health::Unknown,
                f.reason.isEmpty() ? RemoteModelsText::tr("not listed yet") : f.reason, now);
            continue;
        }
        QList<compose::Container> mine;
        for (const compose::Container &c : svc->containers(project)) {
            if (c.service == cs.name)
                mine << c;
        }
        if (mine.isEmpty()) {
            m_hosts->setHealth(
                id, Health::Critical,
                RemoteModelsText::tr("Compose lists no container of %1 in project %2")
                    .arg(cs.name, project),
                f.fetchedAt, RemoteModelsText::tr("missing"));
            continue;
        }
        Health worst = Health::Ok;
        QStringList states;
        for (const compose::Container &c : std::as_const(mine)) {
            if (int(c.healthLevel()) > int(worst) || c.healthLevel() == Health::Unknown)
                worst = c.healthLevel();
            states << (c.status.isEmpty() ? c.stateText()
                                          : c.stateText() + QStringLiteral(" \u00b7 ") + c.status);
        }
        const QString note = worst == Health::Ok ? QString() : mine.first().stateText();
        m_hosts->setHealth(id, worst, states.join(QLatin1Char('\n')),
                           svc->containersFetchedAt(project), note);
    }
}

void RemoteStatus::updateTunnels()
{
    tailscale::TailscaleMonitor *mon = m_sources.tailscale;
    Freshness f;
    if (mon) {
        f.fetchedAt = mon->fetchedAt();
        f.stale = mon->isStale();
        f.reason = mon->lastError();
    } else {
        f.reason = RemoteModelsText::tr("no Tailscale status host in the inventory");
    }
    QList<TunnelRow> rows;
    for (const Host &h : m_inventory.hosts) {
        if (h.sources.tailscaleHost.isEmpty())
            continue;
        TunnelRow r;
        r.host = h.name;
        r.tailscaleName = h.sources.tailscaleHost;
        if (mon && mon->status()) {
            if (const tailscale::Peer *p = mon->status()->find(h.sources.tailscaleHost)) {
                r.found = true;
                r.peer = *p;
                r.self = p == &mon->status()->self;
            }
        }
        rows << r;
        // The host's own Tailscale service row (the GPU server lists one).
        const QString sid = HostModel::serviceId(h.name, QStringLiteral("tailscale"));
        if (m_hosts->indexForId(sid).isValid()) {
            if (!mon || !mon->status() || f.stale)
                m_hosts->setHealth(
                    sid, Health::Unknown,
                    f.reason.isEmpty() ? RemoteModelsText::tr("no Tailscale status yet") : f.reason,
                    QDateTime::currentDateTimeUtc());
            else
                m_hosts->setHealth(
                    sid, r.health(), r.text(QDateTime::currentDateTimeUtc()), f.fetchedAt,
                    r.health() == Health::Ok ? QString() : r.text(QDateTime::currentDateTimeUtc()));
        }
    }
    if (!mon || !mon->status())
        rows.clear(); // nothing known: no rows rather than every host "missing"
    m_tunnels->replaceAll(rows);
    m_tunnels->setFreshness(f);
    Q_EMIT notesChanged();
}

void RemoteStatus::updateGpu()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (gpu::GpuMonitor *g = m_sources.gpu) {
        m_processes->replaceAll(g->processes());
        m_processes->setFreshness(Freshness{g->fetchedAt(), g->isStale(), g->lastError()});
    } else {
        m_processes->setFreshness(
            Freshness{{}, true, RemoteModelsText::tr("no GPU server in the inventory")});
    }
    if (ollama::OllamaClient *o = m_sources.ollama) {
        m_models->replaceAll(o->models());
        m_loaded->replaceAll(o->loaded());
        const Freshness f{o->fetchedAt(), o->isStale(), o->lastError()};
        m_models->setFreshness(f);
        m_loaded->setFreshness(f);
    }
    if (m_gpuHost.isEmpty())
        return;
    // The GPU server: known through nvidia-smi over SSH.
    const QString hostId = HostModel::hostId(m_gpuHost);
    gpu::GpuMonitor *g = m_sources.gpu;
    if (!g || g->isStale())
        m_hosts->setHealth(hostId, Health::Unknown,
                           g && !g->lastError().isEmpty()
                               ? g->lastError()
                               : RemoteModelsText::tr("no GPU reading yet"),
                           now);
    else
        m_hosts->setHealth(hostId, Health::Ok, gpuNote(), g->fetchedAt());
    const QString ollamaId = HostModel::serviceId(m_gpuHost, QStringLiteral("ollama"));
    if (ollama::OllamaClient *o = m_sources.ollama) {
        if (!o->lastError().isEmpty())
            m_hosts->setHealth(ollamaId, Health::Critical, o->lastError(), now,
                               RemoteModelsText::tr("down"));
        else if (o->fetchedAt().isValid())
            m_hosts->setHealth(
                ollamaId, Health::Ok,
                RemoteModelsText::tr("Ollama %1 \u00b7 %2 models installed \u00b7 %3 loaded")
                    .arg(o->version())
                    .arg(o->models().size())
                    .arg(o->loaded().size()),
                o->fetchedAt(), RemoteModelsText::tr("%1 loaded").arg(o->loaded().size()));
    }
    const QString webId = HostModel::serviceId(m_gpuHost, QStringLiteral("open-webui"));
    if (ollama::WebUiProbe *w = m_sources.webui) {
        if (w->checkedAt().isValid())
            m_hosts->setHealth(webId, w->health(), w->text(), w->checkedAt(),
                               w->health() == Health::Ok ? QString()
                                                         : RemoteModelsText::tr("down"));
    }
    Q_EMIT notesChanged();
}

QString RemoteStatus::gpuNote() const
{
    QStringList parts;
    gpu::GpuMonitor *g = m_sources.gpu;
    if (g && !g->gpus().isEmpty()) {
        const gpu::GpuInfo &first = g->gpus().first();
        if (first.utilizationPercent)
            parts << RemoteModelsText::tr("GPU %1%").arg(qRound(*first.utilizationPercent));
        if (first.memoryUsedMiB && first.memoryTotalMiB)
            parts << RemoteModelsText::tr("VRAM %1/%2 GiB")
                         .arg(gib(*first.memoryUsedMiB, 1), gib(*first.memoryTotalMiB, 0));
    }
    ollama::OllamaClient *o = m_sources.ollama;
    if (o && o->fetchedAt().isValid() && o->lastError().isEmpty()) {
        const qsizetype n = o->loaded().size();
        parts << (n == 1 ? RemoteModelsText::tr("1 model loaded")
                         : RemoteModelsText::tr("%1 models loaded").arg(n));
    }
    QString note = parts.join(QStringLiteral(" \u00b7 "));
    if (!note.isEmpty() && g && g->isStale())
        note = RemoteModelsText::tr("%1 (stale)").arg(note);
    return note;
}

QString RemoteStatus::tunnelNote(const QString &host) const
{
    const Host *h = m_inventory.host(host);
    tailscale::TailscaleMonitor *mon = m_sources.tailscale;
    if (!h || h->sources.tailscaleHost.isEmpty() || !mon || !mon->status())
        return {};
    for (const TunnelRow &r : m_tunnels->rows()) {
        if (r.host != host || r.self)
            continue;
        const QString text =
            RemoteModelsText::tr("Tailscale %1").arg(r.text(QDateTime::currentDateTimeUtc()));
        return mon->isStale() ? RemoteModelsText::tr("%1 (stale)").arg(text) : text;
    }
    return {};
}

Health RemoteStatus::tunnelHealth(const QString &host) const
{
    tailscale::TailscaleMonitor *mon = m_sources.tailscale;
    if (!mon || !mon->status() || mon->isStale())
        return Health::Unknown;
    for (const TunnelRow &r : m_tunnels->rows()) {
        if (r.host == host)
            return r.health();
    }
    return Health::Unknown;
}

QString RemoteStatus::hostNote(const QString &host) const
{
    QStringList parts;
    if (host == m_gpuHost && !gpuNote().isEmpty())
        parts << gpuNote();
    const QString t = tunnelNote(host);
    if (!t.isEmpty())
        parts << t;
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace labdeck
