#pragma once

#include <Qt>

namespace labdeck::roles {

// Every custom item-data role of Labdeck's models, in one enum: no two
// meanings share a number, and a role with one meaning has one number in
// every model that answers it, so a view or proxy (TablePane's filter, the
// GPU tables' sort) names a role without knowing which model it sits on.
// Models keep their own role names where callers use them (HostModel::
// HealthRole, CheckResultsModel::UrlRole); those are aliases of these.
// Append new roles at the end of their group; values are not persisted.
enum Role : int {
    // --- Shared by the tables (Kubernetes, remote panes) and the lab tree --
    Key = Qt::UserRole + 1, // QString: the row's key, unique in its model
                            // (a pod's "apps/web-abc", the lab tree's "host:pikachu")
    Namespace,              // QString: Kubernetes namespace
    Node,                   // QString: node name (pods, nodes), nodes joined by ',' (workloads)
    Health,                 // int: labdeck::Health of the row (the lab tree: rolled up;
                            // a check result: its severity)
    Sort,                   // a value that sorts right (numbers, times) for the cell's column
    Kind,                   // QString: Deployment, StatefulSet, ... (workloads, pods, events)
    Name,                   // QString: metadata.name (events: the involved object's)
    Host,                   // QString: the inventory host the item or result belongs to

    // --- The lab tree (HostModel) -------------------------------------------
    ItemType,     // int: HostModel::ItemType
    HealthReason, // QString: why the health is what it is ("not connected yet")
    Updated,      // QDateTime (UTC): when health was last set; invalid: never
    Url,          // QUrl: public URL, or the service endpoint
    NodePort,     // int: 0 when none
    Note,         // QString: a short tag when live state differs from the inventory
    Extra,        // bool: found live but not in the inventory
    OwnHealth,    // int: labdeck::Health of the item itself, before the roll-up
    Rollup,       // QStringList: why Health is what it is, one line per source

    // --- Check results (CheckResultsModel) ----------------------------------
    Category, // QString: the check's stable id ("certs")
    UrlText,  // QString: the public URL a result is about, may be empty
};

} // namespace labdeck::roles
