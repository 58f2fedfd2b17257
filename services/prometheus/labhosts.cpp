#include "prometheus/labhosts.h"

namespace labdeck::prom {

QString hostForInstance(const Inventory &lab, const QString &instance)
{
    if (instance.isEmpty())
        return {};
    for (const Host &h : lab.hosts)
        if (h.sources.prometheusInstance == instance)
            return h.name;
    return {};
}

QString hostForAlert(const Inventory &lab, const Labels &labels)
{
    const QString instance = labels.value(QStringLiteral("instance"));
    const QString node = labels.value(QStringLiteral("node"));
    for (const Host &h : lab.hosts) {
        const bool byInstance =
            !instance.isEmpty() && (instance == h.sources.prometheusInstance ||
                                    instance.section(QLatin1Char(':'), 0, 0) == h.name);
        const bool byNode = !node.isEmpty() && (node == h.name || node == h.sources.kubernetesNode);
        if (byInstance || byNode)
            return h.name;
    }
    return {};
}

} // namespace labdeck::prom
