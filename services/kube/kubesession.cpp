#include "kube/kubesession.h"

#include <QRegularExpression>

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
    return *i.group ? QStringLiteral("/apis/%1/v1").arg(QLatin1String(i.group))
                    : QStringLiteral("/api/v1");
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

QString pluralOf(Resource resource)
{
    return QLatin1String(info(resource).plural);
}

QString groupOf(Resource resource)
{
    return QLatin1String(info(resource).group);
}

namespace {
// "cannot list resource" in a Forbidden message names the verb refused.
QString refusedVerb(const QString &message, const QString &asked)
{
    static const QRegularExpression re(QStringLiteral("cannot (\\S+) resource"));
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? m.captured(1) : asked;
}

KindAccess::State failureState(int httpStatus)
{
    if (httpStatus == 403)
        return KindAccess::State::NotPermitted;
    if (httpStatus == 404)
        return KindAccess::State::Absent;
    return KindAccess::State::Failing;
}
} // namespace

KindAccess failedAccess(Resource resource, const KubeResponse &response, const QString &verb)
{
    KindAccess a;
    a.resource = pluralOf(resource);
    a.group = groupOf(resource);
    a.state = failureState(response.httpStatus);
    const QString message = response.error ? response.error->message : QString();
    a.message = a.state == KindAccess::State::Failing ? response.errorText : message;
    a.verb = refusedVerb(message, verb);
    return a;
}

KubeSession::KubeSession(QString name, QUrl server, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_client(new KubeClient(std::move(server), authenticator, this))
{}

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

KindAccess KubeSession::access(Resource resource) const
{
    KindAccess a;
    a.resource = pluralOf(resource);
    a.group = groupOf(resource);
    const Reflector *r = m_reflectors.value(int(resource));
    if (!r)
        return a;
    a.lastSync = r->lastSync();
    switch (r->state()) {
    case Reflector::State::Idle:
        a.state = KindAccess::State::Unknown;
        break;
    case Reflector::State::Listing:
        a.state = r->lastSync().isValid() ? KindAccess::State::Live : KindAccess::State::Syncing;
        break;
    case Reflector::State::Watching:
        a.state = KindAccess::State::Live;
        break;
    case Reflector::State::Backoff:
        a.state = failureState(r->lastHttpStatus());
        a.message = a.state == KindAccess::State::Failing ? r->lastError() : r->lastStatusMessage();
        a.verb = refusedVerb(r->lastStatusMessage(), r->lastVerb());
        a.nextTry = r->nextTry();
        break;
    }
    return a;
}

QHash<QString, KindAccess> KubeSession::access() const
{
    QHash<QString, KindAccess> out;
    for (auto it = m_reflectors.cbegin(); it != m_reflectors.cend(); ++it) {
        const KindAccess a = access(Resource(it.key()));
        out.insert(a.resource, a);
    }
    return out;
}

QStringList KubeSession::unreadable() const
{
    QStringList out;
    for (const KindAccess &a : access()) {
        if (a.state == KindAccess::State::NotPermitted || a.state == KindAccess::State::Absent)
            out << Verdicts::accessText(a);
    }
    out.sort();
    return out;
}

void KubeSession::retryNow()
{
    for (Reflector *r : std::as_const(m_reflectors))
        r->retryNow();
}

Health KubeSession::health() const
{
    if (m_reflectors.isEmpty())
        return Health::Unknown;
    Health worst = Health::Ok;
    int counted = 0;
    for (auto it = m_reflectors.cbegin(); it != m_reflectors.cend(); ++it) {
        const Reflector *r = it.value();
        const KindAccess::State s = access(Resource(it.key())).state;
        if (s == KindAccess::State::NotPermitted || s == KindAccess::State::Absent)
            continue;
        ++counted;
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
    return counted == 0 ? Health::Critical : worst;
}

QString KubeSession::stateText() const
{
    const QStringList cannot = unreadable();
    const QString suffix =
        cannot.isEmpty() ? QString() : tr("; %1").arg(cannot.join(QStringLiteral("; ")));
    for (auto it = m_reflectors.cbegin(); it != m_reflectors.cend(); ++it) {
        if (access(Resource(it.key())).state == KindAccess::State::Failing)
            return it.value()->lastError() + suffix;
    }
    int watching = 0;
    int readable = 0;
    for (auto it = m_reflectors.cbegin(); it != m_reflectors.cend(); ++it) {
        const KindAccess::State s = access(Resource(it.key())).state;
        if (s == KindAccess::State::NotPermitted || s == KindAccess::State::Absent)
            continue;
        ++readable;
        watching += it.value()->state() == Reflector::State::Watching ? 1 : 0;
    }
    if (watching == readable)
        return tr("watching %n collection(s)", nullptr, watching) + suffix;
    return tr("syncing %1 of %2 collections").arg(readable - watching).arg(readable) + suffix;
}

QDateTime KubeSession::lastSync() const
{
    QDateTime oldest;
    for (auto it = m_reflectors.cbegin(); it != m_reflectors.cend(); ++it) {
        const Reflector *r = it.value();
        const KindAccess::State s = access(Resource(it.key())).state;
        if (s == KindAccess::State::NotPermitted || s == KindAccess::State::Absent)
            continue;
        if (!r->lastSync().isValid())
            return {};
        if (!oldest.isValid() || r->lastSync() < oldest)
            oldest = r->lastSync();
    }
    return oldest;
}

} // namespace labdeck::kube
