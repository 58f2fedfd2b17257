#include "kube/labreconcile.h"

#include <QSet>

namespace labdeck::kube {

bool LabReconciler::isSystemNamespace(const QString &ns)
{
    return ns == QLatin1String("kube-system") || ns == QLatin1String("kube-public") ||
           ns == QLatin1String("kube-node-lease");
}

LabState LabReconciler::reconcile(const Inventory &inv, const ClusterSnapshot &cluster,
                                  const QDateTime &now)
{
    LabState state;
    for (const Judgement &j : Verdicts::judgeLab(inv, cluster, now)) {
        if (!j.id.isEmpty()) {
            state.items << LabState::Item{j.id,           j.verdict.health, j.verdict.summary,
                                          j.verdict.note, j.verdict.advice, j.verdict.stale};
        } else if (j.subject == Judgement::Subject::Extra && !isSystemNamespace(j.ns)) {
            LabState::Extra extra;
            extra.host = j.host;
            extra.ns = j.ns;
            extra.name = j.name;
            extra.kind = j.kind;
            extra.health = j.verdict.health;
            extra.reason = tr("not in the inventory; %1").arg(j.verdict.summary);
            state.extras << extra;
        }
    }
    return state;
}

} // namespace labdeck::kube
