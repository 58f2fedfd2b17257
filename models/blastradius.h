#pragma once

// What else stops working when one part of the lab is stopped or
// restarted, from the inventory: the ingress proxy carries every public URL
// routed through it, the NFS server every volume on its exports. The
// confirmations say it before the user presses the button ("Stop nfs-server
// on pochama: 8 workloads keep their volumes on it (grafana, prometheus, …)").

#include "inventory/inventory.h"

#include <QCoreApplication>
#include <QStringList>

namespace labdeck {

class BlastRadius
{
    Q_DECLARE_TR_FUNCTIONS(BlastRadius)
public:
    // The public URLs (hosts, e.g. "ha.example.com") served through this
    // Compose service when it is the lab's ingress proxy; else empty.
    [[nodiscard]] static QStringList urlsBehind(const Inventory &lab, const QString &service);
    // The workloads and Compose services whose volume is on this Compose
    // service when it is the lab's NFS server; else empty. Titles, in
    // inventory order.
    [[nodiscard]] static QStringList volumesOn(const Inventory &lab, const QString &service);
    // Both, in words, for a confirmation of stopping (`stop` true: "until it
    // is back") or restarting ("for a moment") these services; empty when
    // nothing else depends on them.
    [[nodiscard]] static QString text(const Inventory &lab, const QStringList &services, bool stop);
    // "grafana, prometheus, loki and 5 more" (at most `shown` names).
    [[nodiscard]] static QString list(const QStringList &names, int shown = 4);
};

} // namespace labdeck
