#pragma once

#include "common/health.h"
#include "inventory/inventory.h"
#include "kube/kubeobjects.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>

namespace labdeck::kube {

// What an object's state means, in the words kubectl and k9s use, and what
// to do about it. The one place where Labdeck decides that something is
// broken: the window's tables and cards and `labdeck check k8s` all judge
// through these functions.
struct Verdict
{
    Health health = Health::Unknown;
    QString status;  // kubectl's word: Ready, NotReady, CrashLoopBackOff, OOMKilled,
                     // ImagePullBackOff, ...
    QString summary; // one line: what is wrong (or that all is well)
    QString advice;  // what to do, with the kubectl command that shows more; empty when all is well
    QString note; // a short tag for a card or a row ("NotReady", "memory pressure"); empty when as
                  // planned
    // The object sits on a node that stopped reporting: what is shown is its
    // last known state, not a current one.
    bool stale = false;
    // Expected to pass by itself (a pod starting or terminating within its
    // grace period, a rollout under way): the headless check leaves it out.
    bool transient = false;

    // For picking the worst of several: by health, a lasting problem above a
    // transient one of the same health.
    [[nodiscard]] int rank() const { return int(health) * 2 + (transient ? 0 : 1); }
};

// Whether one kind of object could be read, and if not, why.
struct KindAccess
{
    enum class State {
        Unknown,      // not asked yet
        Syncing,      // the first list is under way
        Live,         // listed and watched
        NotPermitted, // 403: the user may not list or watch it
        Absent,       // 404: the API group is not served (no such API)
        Failing,      // another error; retrying
    };
    State state = State::Unknown;
    QString resource;   // plural: "statefulsets"
    QString group;      // "apps"; empty for the core API
    QString verb;       // what was refused: "list", "watch"
    QString message;    // the API's own words
    QDateTime nextTry;  // UTC, while Failing / NotPermitted
    QDateTime lastSync; // UTC, when data was last current

    [[nodiscard]] bool readable() const { return state == State::Live || state == State::Syncing; }
    [[nodiscard]] bool unreadable() const
    {
        return state == State::NotPermitted || state == State::Absent || state == State::Failing;
    }
};

// Everything known about one cluster at one moment, by kind.
struct ClusterSnapshot
{
    QList<NodeInfo> nodes;
    QList<WorkloadInfo> workloads;
    QList<PodInfo> pods;
    // By plural ("nodes", "pods", "deployments", "statefulsets", "daemonsets").
    // A kind that is missing here counts as readable.
    QHash<QString, KindAccess> access;

    [[nodiscard]] KindAccess accessOf(const QString &plural) const;
};

// One judgement of one thing Labdeck shows, the same for the window and the
// headless check.
struct Judgement
{
    enum class Subject {
        Host,      // an inventory host that is a Kubernetes node
        Node,      // a cluster node the inventory does not list
        Component, // a system component of a host (etcd, CoreDNS, ...)
        Workload,  // an inventory workload
        Group,     // an inventory group (the other workloads of a namespace)
        Extra,     // a running workload the inventory does not list
        Pod,       // a pod whose state needs a look
        Access,    // a kind that cannot be read
    };
    Subject subject = Subject::Host;
    QString id;   // the lab view's id ("host:bracky", "workload:apps/shlink"); empty for Node, Pod,
                  // Access
    QString kind; // Node, Deployment, StatefulSet, DaemonSet, Pod, or the resource for Access
    QString ns;
    QString name;
    QString host; // the inventory host it is about (may be empty)
    Verdict verdict;
    QJsonObject details; // machine-readable facts for `labdeck check --json`
};

class Verdicts
{
    Q_DECLARE_TR_FUNCTIONS(Verdicts)
public:
    // now: UTC, for "since" and "last heartbeat" texts.
    [[nodiscard]] static Verdict node(const NodeInfo &node, const QDateTime &now);
    // node: the pod's node when known (a pod on a node that stopped
    // reporting is stale).
    [[nodiscard]] static Verdict pod(const PodInfo &pod, const NodeInfo *node,
                                     const QDateTime &now);
    // pods: the workload's pods; nodes by name.
    [[nodiscard]] static Verdict workload(const WorkloadInfo &workload,
                                          const QList<const PodInfo *> &pods,
                                          const QHash<QString, const NodeInfo *> &nodes,
                                          const QDateTime &now);
    // "this user may not list statefulsets", "the API server does not serve metrics.k8s.io", ...
    [[nodiscard]] static QString accessText(const KindAccess &access);
    // The node is down (NotReady or unreachable): what runs there is not current.
    [[nodiscard]] static bool nodeIsDown(const NodeInfo &node);

    // The whole lab: every inventory host, component and workload, nodes
    // and workloads the inventory does not list, the pods that need a look,
    // and the kinds that cannot be read.
    [[nodiscard]] static QList<Judgement>
    judgeLab(const Inventory &lab, const ClusterSnapshot &cluster, const QDateTime &now);
};

// "Deployment:apps/shlink" for a pod's owner, as WorkloadInfo::key().
[[nodiscard]] QString workloadKeyOf(const PodInfo &pod);

} // namespace labdeck::kube
