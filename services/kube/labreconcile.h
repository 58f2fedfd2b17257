#pragma once

#include "common/health.h"
#include "inventory/inventory.h"
#include "kube/kubeobjects.h"
#include "kube/verdicts.h"

#include <QCoreApplication>
#include <QHash>

namespace labdeck::kube {

// The live state of the cluster set against the inventory: what each host
// card and workload row should say. Pure; tested on its own.
struct LabState
{
    struct Item
    {
        QString
            id; // a HostModel id: "host:metamon", "workload:apps/shlink", "component:pikachu/etcd"
        Health health = Health::Unknown;
        QString reason; // in words, for tooltips and details
        QString
            note; // a short tag drawn on the row ("missing", "on bracky"), empty when as planned
        QString advice; // what to do, when something is wrong
        bool stale = false;
    };
    // A workload that runs but is not in the inventory.
    struct Extra
    {
        QString host; // the inventory host its pods run on (the first one)
        QString ns;
        QString name;
        QString kind;
        Health health = Health::Unknown;
        QString reason;
    };
    QList<Item> items;
    QList<Extra> extras;
};

class LabReconciler
{
    Q_DECLARE_TR_FUNCTIONS(LabReconciler)
public:
    // Namespaces whose workloads are the cluster's own, never "extra".
    [[nodiscard]] static bool isSystemNamespace(const QString &ns);

    // The lab view's share of Verdicts::judgeLab(): the items with an id
    // and the extra workloads outside the system namespaces. now: UTC.
    [[nodiscard]] static LabState reconcile(const Inventory &inventory,
                                            const ClusterSnapshot &cluster, const QDateTime &now);
};

} // namespace labdeck::kube
