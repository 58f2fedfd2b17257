#include "demo/simulatemenu.h"

#include "demolab/kubesimulator.h"

#include <QAction>
#include <QMenu>

namespace labdeck {

SimulateMenu::SimulateMenu(QMenu *menu, const Inventory &lab, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_lab(lab)
    , m_hooks(std::move(hooks))
{
    m_menu->setToolTipsVisible(true);
    for (const SimulatedFailures::Failure &f : SimulatedFailures::list(m_lab, m_hooks)) {
        if (f.separatorBefore)
            m_menu->addSeparator();
        QAction *action = m_menu->addAction(f.title);
        action->setCheckable(true);
        action->setObjectName(f.id);
        // triggered, not toggled: undoAll() unchecks without applying each switch.
        const QString id = f.id;
        connect(action, &QAction::triggered, this,
                [this, id](bool on) { SimulatedFailures::apply(m_lab, m_hooks, id, on); });
        m_actions.insert(id, action);
        m_order << id;
    }
    m_menu->addSeparator();
    m_undoAll = m_menu->addAction(tr("Undo all"));
    m_undoAll->setToolTip(tr("Puts the demo lab back as it was"));
    connect(m_undoAll, &QAction::triggered, this, &SimulateMenu::undoAll);
}

SimulateMenu::~SimulateMenu() = default;

void SimulateMenu::undoAll()
{
    // The simulator puts everything back at once; the certificates and
    // tunnels that were switched are put back one by one.
    if (m_hooks.simulator)
        m_hooks.simulator([](demolab::KubeSimulator *s) { s->undoAllFailures(); });
    for (const QString &id : std::as_const(m_order)) {
        QAction *a = m_actions.value(id);
        if (a->isChecked() &&
            (id.startsWith(QLatin1String("cert:")) || id.startsWith(QLatin1String("tunnel:"))))
            SimulatedFailures::apply(m_lab, m_hooks, id, false);
        a->setChecked(false);
    }
}

} // namespace labdeck
