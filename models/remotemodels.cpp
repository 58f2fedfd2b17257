#include "remotemodels.h"

#include "common/format.h"

namespace labdeck {

QString Freshness::tooltip() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!fetchedAt.isValid())
        return reason.isEmpty() ? RemoteModelsText::tr("not fetched yet")
                                : RemoteModelsText::tr("not fetched: %1").arg(reason);
    const QString age = RemoteModelsText::tr("fetched %1").arg(Format::ago(fetchedAt.secsTo(now)));
    return stale
               ? RemoteModelsText::tr("stale, %1: %2")
                     .arg(age, reason.isEmpty() ? RemoteModelsText::tr("no recent update") : reason)
               : age;
}

namespace {
QString mib(const std::optional<double> &v)
{
    return v ? Format::bytes(*v * 1024.0 * 1024.0) : RemoteModelsText::tr("n/a");
}
} // namespace

// --- Compose ------------------------------------------------------------------

QString ComposeModel::key(const compose::Container &c)
{
    return c.project + QLatin1Char('/') + c.service + QLatin1Char('/') + c.name;
}

ComposeModel::ComposeModel(QObject *parent)
    : ColumnTableModel<compose::Container>(
          &ComposeModel::key,
          {
              {RemoteModelsText::tr("Service"),
               [](const compose::Container &c) { return c.service; },
               {}},
              {RemoteModelsText::tr("Project"),
               [](const compose::Container &c) { return c.project; },
               {}},
              {RemoteModelsText::tr("State"),
               [](const compose::Container &c) {
                   return HealthText::glyph(c.healthLevel()) + QLatin1Char(' ') + c.stateText();
               },
               [](const compose::Container &c) { return int(c.healthLevel()); }},
              {RemoteModelsText::tr("Ports"),
               [](const compose::Container &c) { return c.portsText(); },
               {}},
              {RemoteModelsText::tr("Status"),
               [](const compose::Container &c) { return c.status; },
               {}},
              {RemoteModelsText::tr("Image"),
               [](const compose::Container &c) { return c.image; },
               {}},
          },
          [](const compose::Container &c) { return c.healthLevel(); }, parent)
{
    setHealthColumn(State);
}

void ComposeModel::setProject(const QString &project, const QList<compose::Container> &containers)
{
    QList<compose::Container> all;
    for (const compose::Container &c : rows()) {
        if (c.project != project)
            all << c;
    }
    for (compose::Container c : containers) {
        if (c.project.isEmpty())
            c.project = project;
        all << c;
    }
    replaceAll(all);
}

// --- GPU and Ollama -----------------------------------------------------------

GpuProcessModel::GpuProcessModel(QObject *parent)
    : ColumnTableModel<gpu::GpuProcess>(
          [](const gpu::GpuProcess &p) { return QString::number(p.pid); },
          {
              {RemoteModelsText::tr("PID"), [](const gpu::GpuProcess &p) { return p.pid; }, {}},
              {RemoteModelsText::tr("Process"),
               [](const gpu::GpuProcess &p) { return p.name; },
               {}},
              {RemoteModelsText::tr("GPU memory"),
               [](const gpu::GpuProcess &p) { return mib(p.usedMemoryMiB); },
               [](const gpu::GpuProcess &p) { return p.usedMemoryMiB.value_or(0); }},
          },
          {}, parent)
{}

OllamaModelsModel::OllamaModelsModel(QObject *parent)
    : ColumnTableModel<ollama::OllamaModel>(
          [](const ollama::OllamaModel &m) { return m.name; },
          {
              {RemoteModelsText::tr("Model"),
               [](const ollama::OllamaModel &m) { return m.name; },
               {}},
              {RemoteModelsText::tr("Size"),
               [](const ollama::OllamaModel &m) { return Format::bytes(double(m.sizeBytes)); },
               [](const ollama::OllamaModel &m) { return m.sizeBytes; }},
              {RemoteModelsText::tr("Family"),
               [](const ollama::OllamaModel &m) { return m.family; },
               {}},
              {RemoteModelsText::tr("Parameters"),
               [](const ollama::OllamaModel &m) { return m.parameterSize; },
               {}},
              {RemoteModelsText::tr("Quantisation"),
               [](const ollama::OllamaModel &m) { return m.quantization; },
               {}},
              {RemoteModelsText::tr("Modified"),
               [](const ollama::OllamaModel &m) {
                   return m.modifiedAt.isValid() ? m.modifiedAt.toLocalTime().toString(
                                                       QStringLiteral("yyyy-MM-dd HH:mm"))
                                                 : QString();
               },
               [](const ollama::OllamaModel &m) { return m.modifiedAt; }},
          },
          {}, parent)
{}

LoadedModelsModel::LoadedModelsModel(QObject *parent)
    : ColumnTableModel<ollama::LoadedModel>(
          [](const ollama::LoadedModel &m) { return m.name; },
          {
              {RemoteModelsText::tr("Loaded model"),
               [](const ollama::LoadedModel &m) { return m.name; },
               {}},
              {RemoteModelsText::tr("Size"),
               [](const ollama::LoadedModel &m) { return Format::bytes(double(m.sizeBytes)); },
               [](const ollama::LoadedModel &m) { return m.sizeBytes; }},
              {RemoteModelsText::tr("VRAM"),
               [](const ollama::LoadedModel &m) { return Format::bytes(double(m.sizeVramBytes)); },
               [](const ollama::LoadedModel &m) { return m.sizeVramBytes; }},
              {RemoteModelsText::tr("Processor"),
               [](const ollama::LoadedModel &m) { return m.processorText(); },
               {}},
              {RemoteModelsText::tr("Unloads"),
               [](const ollama::LoadedModel &m) {
                   return m.untilText(QDateTime::currentDateTimeUtc());
               },
               [](const ollama::LoadedModel &m) { return m.expiresAt; }},
              {RemoteModelsText::tr("Context"),
               [](const ollama::LoadedModel &m) {
                   return m.contextLength > 0 ? QVariant(m.contextLength) : QVariant();
               },
               {}},
          },
          {}, parent)
{
    setRelativeTimeColumns({Until});
}

// --- Tailscale ----------------------------------------------------------------

Health TunnelRow::health() const
{
    if (!found)
        return Health::Critical;
    if (self)
        return Health::Ok;
    if (!peer.online)
        return Health::Critical;
    // Relayed through DERP works but is slow; idle (not Active) is fine.
    return peer.path() == tailscale::Path::Derp ? Health::Warning : Health::Ok;
}

QString TunnelRow::text(const QDateTime &now) const
{
    if (!found)
        return RemoteModelsText::tr("not in the tailnet");
    if (self)
        return RemoteModelsText::tr("status host");
    if (!peer.online) {
        return peer.lastSeen.isValid() ? RemoteModelsText::tr("offline \u00b7 last seen %1")
                                             .arg(Format::ago(peer.lastSeen.secsTo(now)))
                                       : RemoteModelsText::tr("offline");
    }
    return RemoteModelsText::tr("online \u00b7 %1").arg(tailscale::pathText(peer));
}

TunnelModel::TunnelModel(QObject *parent)
    : ColumnTableModel<TunnelRow>(
          [](const TunnelRow &r) { return r.host; },
          {
              {RemoteModelsText::tr("Host"), [](const TunnelRow &r) { return r.host; }, {}},
              {RemoteModelsText::tr("Tailscale name"),
               [](const TunnelRow &r) {
                   return r.found && !r.peer.dnsName.isEmpty() ? r.peer.dnsName : r.tailscaleName;
               },
               {}},
              {RemoteModelsText::tr("State"),
               [](const TunnelRow &r) {
                   if (!r.found)
                       return HealthText::glyph(Health::Critical) + QLatin1Char(' ') +
                              RemoteModelsText::tr("missing");
                   return HealthText::glyph(r.health()) + QLatin1Char(' ') +
                          (r.self || r.peer.online ? RemoteModelsText::tr("online")
                                                   : RemoteModelsText::tr("offline"));
               },
               [](const TunnelRow &r) { return int(r.health()); }},
              {RemoteModelsText::tr("Path"),
               [](const TunnelRow &r) {
                   return r.found && !r.self ? tailscale::pathText(r.peer) : QString();
               },
               {}},
              {RemoteModelsText::tr("Last seen"),
               [](const TunnelRow &r) {
                   if (!r.found || r.self || r.peer.online)
                       return QString();
                   return r.peer.lastSeen.isValid()
                              ? Format::ago(r.peer.lastSeen.secsTo(QDateTime::currentDateTimeUtc()))
                              : RemoteModelsText::tr("unknown");
               },
               [](const TunnelRow &r) { return r.peer.lastSeen; }},
              {RemoteModelsText::tr("Address"),
               [](const TunnelRow &r) { return r.peer.ips.value(0); },
               {}},
          },
          [](const TunnelRow &r) { return r.health(); }, parent)
{
    setHealthColumn(State);
    setRelativeTimeColumns({LastSeen});
}

} // namespace labdeck
