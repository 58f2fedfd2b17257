#include "clustermodels.h"

#include "hostmodel.h"
#include "kube/kubesession.h"
#include "kubemodels.h"
#include "labstatus.h"

namespace labdeck {

using kube::Reflector;
using kube::Resource;

ClusterModels::ClusterModels(HostModel *hosts, QObject *parent)
    : QObject(parent)
    , m_pods(new PodModel(this))
    , m_workloads(new WorkloadModel(m_pods, this))
    , m_nodes(new NodeModel(this))
    , m_events(new EventModel(this))
    , m_status(new LabStatus(hosts, m_nodes, m_workloads, m_pods, this))
{
    m_pods->setNodes(m_nodes);
    m_workloads->setNodes(m_nodes);
}

ClusterModels::~ClusterModels() = default;

void ClusterModels::setSession(kube::KubeSession *session)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_session = session;
    m_pods->clear();
    m_workloads->clear();
    m_nodes->clear();
    m_events->clear();
    m_status->setLive(false, session ? tr("connecting to %1").arg(session->name())
                                     : tr("no Kubernetes cluster connected"));
    if (!session) {
        Q_EMIT connectionChanged();
        return;
    }
    // Each model follows its collection: LIST pages, then watch events.
    auto follow = [this, session](Resource r, auto *model) {
        Reflector *ref = session->reflector(r);
        using Model = std::remove_pointer_t<decltype(model)>;
        m_connections << connect(ref, &Reflector::listStarted, model, &Model::beginList);
        m_connections << connect(ref, &Reflector::listPage, model, &Model::addListPage);
        m_connections << connect(ref, &Reflector::listed, model, [model] { model->endList(); });
        m_connections << connect(ref, &Reflector::events, model, &Model::applyEvents);
    };
    follow(Resource::Nodes, m_nodes);
    follow(Resource::Pods, m_pods);
    follow(Resource::Events, m_events);
    for (Resource r : {Resource::Deployments, Resource::StatefulSets, Resource::DaemonSets}) {
        const QString kind = kube::kindOf(r);
        Reflector *ref = session->reflector(r);
        m_connections << connect(ref, &Reflector::listStarted, this,
                                 [this, kind] { m_workloads->beginList(kind); });
        m_connections << connect(ref, &Reflector::listPage, this,
                                 [this, kind](const QList<QJsonObject> &items) {
                                     m_workloads->addListPage(kind, items);
                                 });
        m_connections << connect(ref, &Reflector::listed, this,
                                 [this, kind] { m_workloads->endList(kind); });
        m_connections << connect(
            ref, &Reflector::events, this,
            [this, kind](const QList<kube::WatchEvent> &e) { m_workloads->applyEvents(kind, e); });
    }
    m_connections << connect(session, &kube::KubeSession::stateChanged, this,
                             &ClusterModels::onSessionState);
    session->start({Resource::Nodes, Resource::Pods, Resource::Deployments, Resource::StatefulSets,
                    Resource::DaemonSets, Resource::Events});
    Q_EMIT connectionChanged();
}

void ClusterModels::onSessionState()
{
    if (!m_session)
        return;
    m_status->setAccess(m_session->access());
    // Live once every kind that may be read has been listed once; after
    // that a kind that fails is judged unknown on its own (LabStatus), and
    // a kind the user may not read never holds the others back.
    bool synced = true;
    bool anyReadable = false;
    for (Resource r : {Resource::Nodes, Resource::Pods, Resource::Deployments,
                       Resource::StatefulSets, Resource::DaemonSets, Resource::Events}) {
        const kube::KindAccess a = m_session->access(r);
        if (a.state == kube::KindAccess::State::NotPermitted ||
            a.state == kube::KindAccess::State::Absent)
            continue;
        anyReadable = true;
        synced = synced && (a.lastSync.isValid() || a.state == kube::KindAccess::State::Failing);
    }
    if (anyReadable && synced)
        m_status->setLive(true, {});
    else if (!anyReadable)
        m_status->setLive(
            false, tr("Kubernetes API of %1: %2").arg(m_session->name(), m_session->stateText()));
    Q_EMIT connectionChanged();
}

void ClusterModels::retryNow()
{
    if (m_session)
        m_session->retryNow();
}

Health ClusterModels::health() const
{
    return m_session ? m_session->health() : Health::Unknown;
}

QString ClusterModels::stateText() const
{
    return m_session ? m_session->stateText() : tr("not connected");
}

QDateTime ClusterModels::lastSync() const
{
    return m_session ? m_session->lastSync() : QDateTime();
}

} // namespace labdeck
