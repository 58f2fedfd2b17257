#include "clustermodels.h"

#include "common/format.h"
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
        m_connections << connect(ref, &Reflector::listStarted, this, [this, kind] { m_workloads->beginList(kind); });
        m_connections << connect(ref, &Reflector::listPage, this,
                                 [this, kind](const QList<QJsonObject> &items) { m_workloads->addListPage(kind, items); });
        m_connections << connect(ref, &Reflector::listed, this, [this, kind] { m_workloads->endList(kind); });
        m_connections << connect(ref, &Reflector::events, this,
                                 [this, kind](const QList<kube::WatchEvent> &e) { m_workloads->applyEvents(kind, e); });
    }
    m_connections << connect(session, &kube::KubeSession::stateChanged, this, &ClusterModels::onSessionState);
    session->start({Resource::Nodes, Resource::Pods, Resource::Deployments, Resource::StatefulSets,
                    Resource::DaemonSets, Resource::Events});
    Q_EMIT connectionChanged();
}

void ClusterModels::onSessionState()
{
    if (!m_session)
        return;
    const Health h = m_session->health();
    if (h == Health::Ok) {
        m_status->setLive(true, {});
    } else if (h == Health::Critical || (h == Health::Warning && m_session->stateText() != QString())) {
        const QDateTime last = m_session->lastSync();
        const QString reason =
            last.isValid() ? tr("Kubernetes API of %1: %2 (last data %3)")
                                 .arg(m_session->name(), m_session->stateText(),
                                      Format::ago(last.secsTo(QDateTime::currentDateTimeUtc())))
                           : tr("Kubernetes API of %1: %2").arg(m_session->name(), m_session->stateText());
        // A reflector relisting after a watch ended is routine; only a
        // failure makes the data stale.
        bool failing = false;
        for (Resource r : {Resource::Nodes, Resource::Pods, Resource::Deployments, Resource::StatefulSets,
                           Resource::DaemonSets, Resource::Events})
            failing = failing || m_session->reflector(r)->state() == Reflector::State::Backoff;
        if (failing)
            m_status->setLive(false, reason);
    }
    Q_EMIT connectionChanged();
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
