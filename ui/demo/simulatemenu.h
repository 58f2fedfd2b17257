#pragma once

#include "inventory/inventory.h"
#include "lab/simulatedfailures.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QMenu;

namespace labdeck {

namespace demolab {
class DemoTransport;
class KubeSimulator;
} // namespace demolab

// Demo → Simulate failure: checkable switches that put the demo lab into a
// state a real lab breaks into (a second click undoes it), and "Undo all".
// Built from the inventory: a kubelet that stops and memory pressure per
// node, OOM kills and a bad image rollout for some workloads, RBAC denials
// for the demo user, an absent metrics API, a server that pages, an expired
// certificate per public URL, a tunnel offline per Tailscale host.
// The simulator's switches run on its thread through Hooks::simulator
// (queued, never waited for). UI thread.
class SimulateMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulateMenu)
public:
    // Where the switches act (SimulatedFailures::Targets).
    using Hooks = SimulatedFailures::Targets;

    // Fills `menu` (which the caller owns and places).
    SimulateMenu(QMenu *menu, const Inventory &lab, Hooks hooks, QObject *parent = nullptr);
    ~SimulateMenu() override;

    [[nodiscard]] QMenu *menu() const { return m_menu; }
    // A switch by id, or null: "kubelet:<node>", "pressure:<node>",
    // "oom:<ns>/<workload>", "image:<ns>/<deployment>", "deny:<plural>",
    // "metrics", "paging", "cert:<host>", "tunnel:<host>".
    [[nodiscard]] QAction *action(const QString &id) const { return m_actions.value(id); }
    [[nodiscard]] QStringList ids() const { return m_order; }
    // Every switch off, in the simulator, the transport and the certificates.
    void undoAll();

private:
    QMenu *m_menu;
    Inventory m_lab;
    Hooks m_hooks;
    QHash<QString, QAction *> m_actions;
    QStringList m_order;
    QAction *m_undoAll = nullptr;
};

} // namespace labdeck
