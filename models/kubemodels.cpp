#include "kubemodels.h"

#include "common/format.h"
#include "healthcolor.h"

#include <QColor>
#include <QJsonObject>

namespace labdeck {

using kube::WatchEvent;

namespace {

qint64 ageSeconds(const QDateTime &created)
{
    return created.isValid() ? created.secsTo(QDateTime::currentDateTimeUtc()) : 0;
}

// Applies watch events to a keyed model through a parse function. The batch
// is folded first: only the last event of each object counts (ADDED then
// MODIFIED is one new row; MODIFIED then DELETED removes it; DELETED then
// ADDED of a recreated name updates the row). Then the removals go in one
// step and the rest in one upsertMany.
template<typename Model, typename Parse>
void applyTo(Model &model, const QList<WatchEvent> &events, Parse parse)
{
    using Value = std::decay_t<decltype(parse(QJsonObject()))>;
    QList<Value> values;          // in the order the keys first appeared
    QList<bool> deleted;          // per entry of values
    QHash<QString, qsizetype> at; // key -> entry
    for (const WatchEvent &e : events) {
        const bool isDelete = e.type == WatchEvent::Type::Deleted;
        if (!isDelete && e.type != WatchEvent::Type::Added && e.type != WatchEvent::Type::Modified)
            continue;
        Value v = parse(e.object);
        const QString key = model.keyOf(v);
        const auto it = at.constFind(key);
        if (it == at.cend()) {
            at.insert(key, values.size());
            values << std::move(v);
            deleted << isDelete;
        } else {
            values[*it] = std::move(v);
            deleted[*it] = isDelete;
        }
    }
    QStringList removals;
    QList<Value> upserts;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (deleted.at(i))
            removals << model.keyOf(values.at(i));
        else
            upserts << values.at(i);
    }
    model.removeMany(removals);
    model.upsertMany(upserts);
}

// What else kubectl describe would show first about a node: pressure and taints.
QString conditionsText(const kube::NodeInfo &n)
{
    QStringList out;
    for (const kube::Condition &c : n.conditions) {
        if (c.type != QLatin1String("Ready") && c.status == QLatin1String("True"))
            out << c.type;
    }
    for (const kube::Taint &t : n.taints) {
        const QString key =
            t.key.startsWith(QLatin1String("node.kubernetes.io/")) ? t.key.mid(19) : t.key;
        if (!out.contains(key))
            out << key;
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

// --- PodModel ------------------------------------------------------------------

PodModel::PodModel(QObject *parent)
    : KeyedColumnModel<kube::PodInfo>(
          [](const kube::PodInfo &p) { return p.key(); },
          {
              {tr("Pod"), [](const kube::PodInfo &p) { return p.name; }, {}},
              {tr("Namespace"), [](const kube::PodInfo &p) { return p.ns; }, {}},
              {tr("Status"),
               [this](const kube::PodInfo &p) -> QVariant {
                   return verdict(p).stale ? tr("%1 (stale)").arg(p.status) : p.status;
               },
               [](const kube::PodInfo &p) { return p.status; }},
              {tr("Ready"),
               [](const kube::PodInfo &p) {
                   return QStringLiteral("%1/%2").arg(p.readyContainers).arg(p.totalContainers);
               },
               {}},
              {tr("Restarts"), [](const kube::PodInfo &p) { return p.restarts; }, {}},
              {tr("Node"), [](const kube::PodInfo &p) { return p.nodeName; }, {}},
              {tr("Age"), [](const kube::PodInfo &p) { return Format::age(ageSeconds(p.created)); },
               [](const kube::PodInfo &p) { return p.created; }},
          },
          {Qt::DecorationRole, Qt::ToolTipRole, roles::Namespace, roles::Node, roles::Name,
           roles::Kind, roles::Health},
          parent)
{
    setParse(kube::parsePod);
}

void PodModel::applyEvents(const QList<WatchEvent> &events)
{
    applyTo(*this, events, kube::parsePod);
    Q_EMIT podsChanged();
}

void PodModel::setNodes(const NodeModel *nodes)
{
    m_nodeModel = nodes;
    if (nodes)
        connect(nodes, &NodeModel::nodesChanged, this, &PodModel::onNodesChanged);
}

void PodModel::onNodesChanged()
{
    // A node that stops reporting makes its pods stale: their status cells change.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Status), index(rowCount() - 1, Status),
                           {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, roles::Health});
}

kube::Verdict PodModel::verdict(const kube::PodInfo &p) const
{
    const kube::NodeInfo *node =
        m_nodeModel && !p.nodeName.isEmpty() ? m_nodeModel->find(p.nodeName) : nullptr;
    return kube::Verdicts::pod(p, node, QDateTime::currentDateTimeUtc());
}

QVariant PodModel::rowData(const kube::PodInfo &p, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        return column == Status ? QVariant(healthColor(verdict(p).health)) : QVariant();
    case Qt::ToolTipRole: {
        const kube::Verdict v = verdict(p);
        return v.advice.isEmpty() ? v.summary : v.summary + QLatin1Char('\n') + v.advice;
    }
    case roles::Namespace:
        return p.ns;
    case roles::Node:
        return p.nodeName;
    case roles::Name:
        return p.name;
    case roles::Kind:
        return p.workloadKind;
    case roles::Health:
        return int(verdict(p).health);
    default:
        return {};
    }
}

// --- WorkloadModel -------------------------------------------------------------

WorkloadModel::WorkloadModel(PodModel *pods, QObject *parent)
    : KeyedColumnModel<kube::WorkloadInfo>(
          [](const kube::WorkloadInfo &w) { return w.key(); },
          {
              {tr("Workload"), [](const kube::WorkloadInfo &w) { return w.name; }, {}},
              {tr("Kind"), [](const kube::WorkloadInfo &w) { return w.kind; }, {}},
              {tr("Namespace"), [](const kube::WorkloadInfo &w) { return w.ns; }, {}},
              {tr("Ready"),
               [](const kube::WorkloadInfo &w) {
                   return QStringLiteral("%1/%2").arg(w.ready).arg(w.desired);
               },
               [](const kube::WorkloadInfo &w) {
                   return w.desired == 0 ? 1.0 : double(w.ready) / w.desired;
               }},
              {tr("Up to date"), [](const kube::WorkloadInfo &w) { return w.updated; }, {}},
              {tr("Images"),
               [](const kube::WorkloadInfo &w) { return w.images.join(QStringLiteral(", ")); },
               {}},
              {tr("Nodes"),
               [this](const kube::WorkloadInfo &w) {
                   return m_nodes.value(w.key()).join(QStringLiteral(", "));
               },
               {}},
              {tr("Age"),
               [](const kube::WorkloadInfo &w) { return Format::age(ageSeconds(w.created)); },
               [](const kube::WorkloadInfo &w) { return w.created; }},
          },
          {Qt::DecorationRole, Qt::ToolTipRole, roles::Namespace, roles::Node, roles::Kind,
           roles::Name, roles::Health},
          parent)
    , m_pods(pods)
{
    // Pods change often; the node lists follow at most 5 times a second.
    m_nodesTimer.setSingleShot(true);
    m_nodesTimer.setInterval(200);
    connect(&m_nodesTimer, &QTimer::timeout, this, &WorkloadModel::recomputeNodes);
    connect(m_pods, &PodModel::podsChanged, &m_nodesTimer, qOverload<>(&QTimer::start));
}

void WorkloadModel::setNodes(const NodeModel *nodes)
{
    m_nodeModel = nodes;
    if (nodes)
        connect(nodes, &NodeModel::nodesChanged, &m_nodesTimer, qOverload<>(&QTimer::start));
}

kube::Verdict WorkloadModel::verdict(const kube::WorkloadInfo &w) const
{
    QList<const kube::PodInfo *> pods;
    QHash<QString, const kube::NodeInfo *> nodes;
    for (const QString &key : m_podKeys.value(w.key())) {
        if (const kube::PodInfo *p = m_pods->find(key)) {
            pods << p;
            if (m_nodeModel && !nodes.contains(p->nodeName)) {
                if (const kube::NodeInfo *n = m_nodeModel->find(p->nodeName))
                    nodes.insert(n->name, n);
            }
        }
    }
    return kube::Verdicts::workload(w, pods, nodes, QDateTime::currentDateTimeUtc());
}

void WorkloadModel::beginList(const QString &kind)
{
    m_staged.remove(kind);
}

void WorkloadModel::addListPage(const QString &kind, const QList<QJsonObject> &items)
{
    QList<kube::WorkloadInfo> &staged = m_staged[kind];
    for (const QJsonObject &o : items)
        staged << kube::parseWorkload(o, kind);
}

void WorkloadModel::endList(const QString &kind)
{
    const QList<kube::WorkloadInfo> next = m_staged.take(kind);
    // Keep the other kinds; replace this one.
    QList<kube::WorkloadInfo> all;
    for (const kube::WorkloadInfo &w : rows()) {
        if (w.kind != kind)
            all << w;
    }
    all << next;
    replaceAll(all);
    m_nodesTimer.start();
    Q_EMIT workloadsChanged();
}

void WorkloadModel::setList(const QString &kind, const QList<QJsonObject> &items)
{
    beginList(kind);
    addListPage(kind, items);
    endList(kind);
}

void WorkloadModel::applyEvents(const QString &kind, const QList<WatchEvent> &events)
{
    applyTo(*this, events, [&kind](const QJsonObject &o) { return kube::parseWorkload(o, kind); });
    Q_EMIT workloadsChanged();
}

void WorkloadModel::recomputeNodes()
{
    QHash<QString, QSet<QString>> nodes;
    QHash<QString, QStringList> podKeys;
    for (const kube::PodInfo &p : m_pods->rows()) {
        if (p.workloadKind.isEmpty())
            continue;
        const QString key = kube::workloadKeyOf(p);
        podKeys[key] << p.key();
        if (p.nodeName.isEmpty() || p.deleting)
            continue;
        nodes[key].insert(p.nodeName);
    }
    m_podKeys = podKeys;
    // What the pods say changes the verdict (the worst pod's reason, a node down).
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Ready), index(rowCount() - 1, Ready),
                           {Qt::DecorationRole, Qt::ToolTipRole, roles::Health});
    QHash<QString, QStringList> next;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        QStringList list(it.value().cbegin(), it.value().cend());
        list.sort();
        next.insert(it.key(), list);
    }
    for (int r = 0; r < rowCount(); ++r) {
        const QString key = at(r).key();
        if (next.value(key) != m_nodes.value(key))
            Q_EMIT dataChanged(index(r, Nodes), index(r, Nodes), {Qt::DisplayRole, roles::Node});
    }
    m_nodes = next;
    Q_EMIT workloadsChanged();
}

QStringList WorkloadModel::nodesOf(const QString &key) const
{
    return m_nodes.value(key);
}

QStringList WorkloadModel::namespaces() const
{
    QSet<QString> set;
    for (const kube::WorkloadInfo &w : rows())
        set.insert(w.ns);
    QStringList out(set.cbegin(), set.cend());
    out.sort();
    return out;
}

QVariant WorkloadModel::rowData(const kube::WorkloadInfo &w, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        return column == Ready ? QVariant(healthColor(verdict(w).health)) : QVariant();
    case Qt::ToolTipRole: {
        const kube::Verdict v = verdict(w);
        return v.advice.isEmpty() ? v.summary : v.summary + QLatin1Char('\n') + v.advice;
    }
    case roles::Namespace:
        return w.ns;
    case roles::Node:
        return m_nodes.value(w.key()).join(QLatin1Char(','));
    case roles::Kind:
        return w.kind;
    case roles::Name:
        return w.name;
    case roles::Health:
        return int(verdict(w).health);
    default:
        return {};
    }
}

// --- NodeModel -----------------------------------------------------------------

NodeModel::NodeModel(QObject *parent)
    : KeyedColumnModel<kube::NodeInfo>(
          [](const kube::NodeInfo &n) { return n.name; },
          {
              {tr("Node"), [](const kube::NodeInfo &n) { return n.name; }, {}},
              {tr("Status"), [](const kube::NodeInfo &n) { return statusText(n); }, {}},
              {tr("Conditions"), [](const kube::NodeInfo &n) { return conditionsText(n); }, {}},
              {tr("Roles"),
               [](const kube::NodeInfo &n) {
                   return n.roles.isEmpty() ? QStringLiteral("<none>")
                                            : n.roles.join(QLatin1Char(','));
               },
               {}},
              {tr("Version"), [](const kube::NodeInfo &n) { return n.kubeletVersion; }, {}},
              {tr("CPU"), [](const kube::NodeInfo &n) { return n.cpuAllocatable; }, {}},
              {tr("Memory"), [](const kube::NodeInfo &n) { return n.memoryAllocatable; }, {}},
              {tr("Age"),
               [](const kube::NodeInfo &n) { return Format::age(ageSeconds(n.created)); },
               [](const kube::NodeInfo &n) { return n.created; }},
          },
          {Qt::DecorationRole, Qt::ToolTipRole, roles::Name, roles::Node, roles::Health}, parent)
{
    setParse(kube::parseNode);
}

void NodeModel::applyEvents(const QList<WatchEvent> &events)
{
    applyTo(*this, events, kube::parseNode);
    Q_EMIT nodesChanged();
}

QString NodeModel::statusText(const kube::NodeInfo &n)
{
    // As kubectl prints it: any Ready status but True is NotReady.
    QString s = n.readyStatus.isEmpty()
                    ? QStringLiteral("Unknown")
                    : (n.ready ? QStringLiteral("Ready") : QStringLiteral("NotReady"));
    if (n.unschedulable)
        s += QStringLiteral(",SchedulingDisabled");
    return s;
}

kube::Verdict NodeModel::verdict(const kube::NodeInfo &n)
{
    return kube::Verdicts::node(n, QDateTime::currentDateTimeUtc());
}

QVariant NodeModel::rowData(const kube::NodeInfo &n, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        return column == Status ? QVariant(healthColor(verdict(n).health)) : QVariant();
    case Qt::ToolTipRole: {
        const kube::Verdict v = verdict(n);
        return v.advice.isEmpty() ? v.summary : v.summary + QLatin1Char('\n') + v.advice;
    }
    case roles::Name:
    case roles::Node:
        return n.name;
    case roles::Health:
        return int(verdict(n).health);
    default:
        return {};
    }
}

// --- EventModel ----------------------------------------------------------------

EventModel::EventModel(QObject *parent)
    : KeyedColumnModel<kube::EventInfo>(
          [](const kube::EventInfo &e) { return e.key(); },
          {
              {tr("Last seen"),
               [](const kube::EventInfo &e) { return Format::age(ageSeconds(e.lastSeen)); },
               [](const kube::EventInfo &e) { return e.lastSeen; }},
              {tr("Type"), [](const kube::EventInfo &e) { return e.type; }, {}},
              {tr("Reason"), [](const kube::EventInfo &e) { return e.reason; }, {}},
              {tr("Object"),
               [](const kube::EventInfo &e) {
                   return QStringLiteral("%1/%2").arg(e.objectKind.toLower(), e.objectName);
               },
               {}},
              {tr("Message"), [](const kube::EventInfo &e) { return e.message; }, {}},
              {tr("Count"), [](const kube::EventInfo &e) { return e.count; }, {}},
          },
          {Qt::DecorationRole, roles::Namespace, roles::Kind, roles::Name}, parent)
{
    setParse(kube::parseEvent);
}

void EventModel::applyEvents(const QList<WatchEvent> &events)
{
    applyTo(*this, events, kube::parseEvent);
}

QVariant EventModel::rowData(const kube::EventInfo &e, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        return column == Type
                   ? QVariant(healthColor(e.type == QLatin1String("Warning") ? Health::Warning
                                                                             : Health::Ok))
                   : QVariant();
    case roles::Namespace:
        return e.ns;
    case roles::Kind:
        return e.objectKind;
    case roles::Name:
        return e.objectName;
    default:
        return {};
    }
}

} // namespace labdeck
