#include "kube/kubesession.h"

namespace labdeck::kube {

namespace {
struct ResourceInfo
{
    Resource resource;
    const char *group; // "" for the core API
    const char *plural;
    const char *kind;
    bool namespaced;
};
constexpr ResourceInfo kResources[] = {
    {Resource::Nodes, "", "nodes", "Node", false},
    {Resource::Namespaces, "", "namespaces", "Namespace", false},
    {Resource::Pods, "", "pods", "Pod", true},
    {Resource::Deployments, "apps", "deployments", "Deployment", true},
    {Resource::StatefulSets, "apps", "statefulsets", "StatefulSet", true},
    {Resource::DaemonSets, "apps", "daemonsets", "DaemonSet", true},
    {Resource::Services, "", "services", "Service", true},
    {Resource::PersistentVolumes, "", "persistentvolumes", "PersistentVolume", false},
    {Resource::PersistentVolumeClaims, "", "persistentvolumeclaims", "PersistentVolumeClaim", true},
    {Resource::Events, "", "events", "Event", true},
};

const ResourceInfo &info(Resource r)
{
    for (const ResourceInfo &i : kResources) {
        if (i.resource == r)
            return i;
    }
    return kResources[0];
}

QString prefix(const ResourceInfo &i)
{
    return *i.group ? QStringLiteral("/apis/%1/v1").arg(QLatin1String(i.group)) : QStringLiteral("/api/v1");
}
} // namespace

QString collectionPath(Resource resource)
{
    const ResourceInfo &i = info(resource);
    return prefix(i) + QLatin1Char('/') + QLatin1String(i.plural);
}

QString objectPath(Resource resource, const QString &ns, const QString &name)
{
    const ResourceInfo &i = info(resource);
    const QString scope = i.namespaced ? QStringLiteral("/namespaces/%1").arg(ns) : QString();
    return QStringLiteral("%1%2/%3/%4").arg(prefix(i), scope, QLatin1String(i.plural), name);
}

QString kindOf(Resource resource)
{
    return QLatin1String(info(resource).kind);
}

std::optional<Resource> workloadResource(const QString &kind)
{
    if (kind == QLatin1String("Deployment"))
        return Resource::Deployments;
    if (kind == QLatin1String("StatefulSet"))
        return Resource::StatefulSets;
    if (kind == QLatin1String("DaemonSet"))
        return Resource::DaemonSets;
    return std::nullopt;
}

KubeSession::KubeSession(QString name, QUrl server, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_client(new KubeClient(std::move(server), authenticator, this))
{
}

KubeSession::~KubeSession()
{
    stop();
}

Reflector *KubeSession::reflector(Resource resource)
{
    Reflector *&r = m_reflectors[int(resource)];
    if (!r) {
        r = new Reflector(m_client, collectionPath(resource), this);
        connect(r, &Reflector::stateChanged, this, &KubeSession::stateChanged);
    }
    return r;
}

void KubeSession::start(const QList<Resource> &resources)
{
    for (Resource res : resources)
        reflector(res)->start();
}

void KubeSession::stop()
{
    for (Reflector *r : std::as_const(m_reflectors))
        r->stop();
}

Health KubeSession::health() const
{
    if (m_reflectors.isEmpty())
        return Health::Unknown;
    Health worst = Health::Ok;
    for (const Reflector *r : m_reflectors) {
        switch (r->state()) {
        case Reflector::State::Watching:
            break;
        case Reflector::State::Idle:
            return Health::Unknown;
        case Reflector::State::Listing:
            if (!r->lastSync().isValid())
                return Health::Unknown;
            worst = std::max(worst, Health::Warning);
            break;
        case Reflector::State::Backoff:
            worst = std::max(worst, r->lastSync().isValid() ? Health::Warning : Health::Critical);
            break;
        }
    }
    return worst;
}

QString KubeSession::stateText() const
{
    for (const Reflector *r : m_reflectors) {
        if (r->state() == Reflector::State::Backoff)
            return r->lastError();
    }
    int watching = 0;
    for (const Reflector *r : m_reflectors)
        watching += r->state() == Reflector::State::Watching ? 1 : 0;
    if (watching == m_reflectors.size())
        return tr("watching %n collection(s)", nullptr, watching);
    return tr("syncing %1 of %2 collections").arg(m_reflectors.size() - watching).arg(m_reflectors.size());
}

QDateTime KubeSession::lastSync() const
{
    QDateTime oldest;
    for (const Reflector *r : m_reflectors) {
        if (!r->lastSync().isValid())
            return {};
        if (!oldest.isValid() || r->lastSync() < oldest)
            oldest = r->lastSync();
    }
    return oldest;
}

} // namespace labdeck::kube
