#pragma once

#include "common/health.h"
#include "keyedtablemodel.h"
#include "kube/kubeobjects.h"
#include "kube/verdicts.h"
#include "kube/watchparser.h"
#include "roles.h"

#include <QSet>
#include <QTimer>

namespace labdeck {

// The tables are KeyedColumnModels (the column table drives display, sort
// and the headers) and answer the shared roles of roles.h: Key, Sort, Health,
// Namespace, Node, Kind, Name as each table has them.

class NodeModel;

// Pods of every namespace. UI thread only.
class PodModel final : public KeyedColumnModel<kube::PodInfo>
{
    Q_OBJECT
public:
    enum Column { Name, Namespace, Status, Ready, Restarts, Node, Age, ColumnCount };
    explicit PodModel(QObject *parent = nullptr);

    void applyEvents(const QList<kube::WatchEvent> &events);
    // The nodes the pods run on: a pod on a node that stopped reporting is
    // shown as stale. Not owned; may be null.
    void setNodes(const NodeModel *nodes);

    [[nodiscard]] QList<int> relativeTimeColumns() const override { return {Age}; }

    // The pod's state as kube::Verdicts judges it, with its node.
    [[nodiscard]] kube::Verdict verdict(const kube::PodInfo &pod) const;

protected:
    void listReplaced() override { Q_EMIT podsChanged(); }
    QVariant rowData(const kube::PodInfo &v, int column, int role) const override;

private:
    void onNodesChanged();
    const NodeModel *m_nodeModel = nullptr;

Q_SIGNALS:
    // After a list or a batch of events (for derived views).
    void podsChanged();
};

// Deployments, StatefulSets and DaemonSets, with the nodes their pods run on.
class WorkloadModel final : public KeyedColumnModel<kube::WorkloadInfo>
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Namespace, Ready, UpToDate, Images, Nodes, Age, ColumnCount };
    explicit WorkloadModel(PodModel *pods, QObject *parent = nullptr);
    // Nodes, for workloads whose pods sit on a node that stopped reporting.
    void setNodes(const NodeModel *nodes);

    // kind: "Deployment", "StatefulSet", "DaemonSet": the collection replaced.
    void beginList(const QString &kind);
    void addListPage(const QString &kind, const QList<QJsonObject> &items);
    void endList(const QString &kind);
    void setList(const QString &kind, const QList<QJsonObject> &items);
    void applyEvents(const QString &kind, const QList<kube::WatchEvent> &events);

    // Nodes that run pods of the workload (key as WorkloadInfo::key()).
    [[nodiscard]] QStringList nodesOf(const QString &key) const;
    [[nodiscard]] QStringList namespaces() const;

    [[nodiscard]] QList<int> relativeTimeColumns() const override { return {Age}; }

    // The workload's state as kube::Verdicts judges it, with its pods.
    [[nodiscard]] kube::Verdict verdict(const kube::WorkloadInfo &w) const;

Q_SIGNALS:
    void workloadsChanged();

protected:
    QVariant rowData(const kube::WorkloadInfo &v, int column, int role) const override;

private:
    void recomputeNodes();
    PodModel *m_pods;
    const NodeModel *m_nodeModel = nullptr;
    QHash<QString, QStringList> m_podKeys;              // workload key -> its pods' keys
    QHash<QString, QList<kube::WorkloadInfo>> m_staged; // kind -> pages of a LIST in progress
    QHash<QString, QStringList> m_nodes;
    QTimer m_nodesTimer;
};

class NodeModel final : public KeyedColumnModel<kube::NodeInfo>
{
    Q_OBJECT
public:
    enum Column { Name, Status, Conditions, Roles, Version, Cpu, Memory, Age, ColumnCount };
    explicit NodeModel(QObject *parent = nullptr);

    void applyEvents(const QList<kube::WatchEvent> &events);

    [[nodiscard]] QList<int> relativeTimeColumns() const override { return {Age}; }

    // kubectl's STATUS column: Ready, NotReady, Unknown, with ",SchedulingDisabled".
    [[nodiscard]] static QString statusText(const kube::NodeInfo &n);
    [[nodiscard]] static kube::Verdict verdict(const kube::NodeInfo &n);

protected:
    void listReplaced() override { Q_EMIT nodesChanged(); }
    QVariant rowData(const kube::NodeInfo &v, int column, int role) const override;

Q_SIGNALS:
    void nodesChanged();
};

class EventModel final : public KeyedColumnModel<kube::EventInfo>
{
    Q_OBJECT
public:
    enum Column { LastSeen, Type, Reason, Object, Message, Count, ColumnCount };
    explicit EventModel(QObject *parent = nullptr);

    void applyEvents(const QList<kube::WatchEvent> &events);

    [[nodiscard]] QList<int> relativeTimeColumns() const override { return {LastSeen}; }

protected:
    QVariant rowData(const kube::EventInfo &v, int column, int role) const override;
};

} // namespace labdeck
