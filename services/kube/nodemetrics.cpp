#include "kube/nodemetrics.h"

#include "kube/kubeclient.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace labdeck::kube {

double parseQuantity(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::numeric_limits<double>::quiet_NaN();
    const QString suffix = m.captured(2);
    static const QHash<QString, double> factors{
        {QStringLiteral("n"), 1e-9},
        {QStringLiteral("u"), 1e-6},
        {QStringLiteral("m"), 1e-3},
        {QStringLiteral("k"), 1e3},
        {QStringLiteral("M"), 1e6},
        {QStringLiteral("G"), 1e9},
        {QStringLiteral("T"), 1e12},
        {QStringLiteral("P"), 1e15},
        {QStringLiteral("E"), 1e18},
        {QStringLiteral("Ki"), 1024.0},
        {QStringLiteral("Mi"), 1024.0 * 1024},
        {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
        {QStringLiteral("Ti"), std::pow(1024.0, 4)},
        {QStringLiteral("Pi"), std::pow(1024.0, 5)},
        {QStringLiteral("Ei"), std::pow(1024.0, 6)},
    };
    return suffix.isEmpty() ? number : number * factors.value(suffix, 1.0);
}

QHash<QString, NodeUsage> NodeMetrics::parseList(const QJsonObject &list, QString *error)
{
    QHash<QString, NodeUsage> usage;
    if (list.value(QLatin1String("kind")).toString() != QLatin1String("NodeMetricsList")) {
        *error = tr("metrics.k8s.io: the answer is not a NodeMetricsList");
        return usage;
    }
    for (const QJsonValue &v : list.value(QLatin1String("items")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString name = item.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const QJsonObject u = item.value(QLatin1String("usage")).toObject();
        const double cpu = parseQuantity(u.value(QLatin1String("cpu")).toString());
        const double memory = parseQuantity(u.value(QLatin1String("memory")).toString());
        if (name.isEmpty() || std::isnan(cpu) || std::isnan(memory)) {
            *error = tr("metrics.k8s.io: node %1 has no readable usage").arg(name);
            continue;
        }
        usage.insert(name, NodeUsage{cpu, memory});
    }
    return usage;
}

void NodeMetrics::fetch(
    KubeClient *client,
    std::function<void(const QHash<QString, NodeUsage> &, const QString &)> done)
{
    if (!client) {
        done({}, tr("metrics.k8s.io: no Kubernetes connection"));
        return;
    }
    KubeCall *call = client->get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes"));
    QObject::connect(call, &KubeCall::finished, call, [done](const KubeResponse &response) {
        if (!response.ok()) {
            done({},
                 response.httpStatus == 404
                     ? tr("metrics.k8s.io is not served: is metrics-server running in kube-system?")
                     : response.errorText);
            return;
        }
        QString error;
        const auto usage = parseList(response.json, &error);
        done(usage, error);
    });
}

} // namespace labdeck::kube
