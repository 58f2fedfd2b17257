#include "demolab/nodemetrics_p.h"

#include "demolab/promsimulator.h"
#include "demolab/store_p.h"
#include "kube/nodemetrics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace labdeck::demolab::detail {

QByteArray nodeMetricsList(const Store &store)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double t = now.toMSecsSinceEpoch() / 1000.0;
    QJsonArray items;
    int index = 0;
    for (const StoredObject &stored : store.objects(Nodes)) {
        const QJsonObject node = stored.object;
        bool reachable = true;
        for (const QJsonValue &c : node.value(QLatin1String("status"))
                                       .toObject()
                                       .value(QLatin1String("conditions"))
                                       .toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
                reachable = c.toObject().value(QLatin1String("status")).toString() !=
                            QLatin1String("Unknown");
        }
        if (!reachable) {
            ++index; // metrics-server cannot scrape a kubelet that stopped; the others keep their
                     // series
            continue;
        }
        const QString name = node.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const QJsonObject allocatable = node.value(QLatin1String("status"))
                                            .toObject()
                                            .value(QLatin1String("allocatable"))
                                            .toObject();
        const double cores =
            kube::parseQuantity(allocatable.value(QLatin1String("cpu")).toString());
        const double memory =
            kube::parseQuantity(allocatable.value(QLatin1String("memory")).toString());
        const double cpuUse = cores * PromSimulator::value(QStringLiteral("cpu"), index, t) / 100.0;
        const double memUse =
            memory * PromSimulator::value(QStringLiteral("memory"), index, t) / 100.0;
        items.append(QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("creationTimestamp"), now.toString(Qt::ISODate)}}},
            {QStringLiteral("timestamp"), now.addSecs(-10).toString(Qt::ISODate)},
            {QStringLiteral("window"), QStringLiteral("30s")},
            {QStringLiteral("usage"),
             QJsonObject{
                 {QStringLiteral("cpu"), QStringLiteral("%1n").arg(qint64(cpuUse * 1e9))},
                 {QStringLiteral("memory"), QStringLiteral("%1Ki").arg(qint64(memUse / 1024))}}},
        });
        ++index;
    }
    const QJsonObject list{{QStringLiteral("kind"), QStringLiteral("NodeMetricsList")},
                           {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                           {QStringLiteral("metadata"), QJsonObject{}},
                           {QStringLiteral("items"), items}};
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

} // namespace labdeck::demolab::detail
