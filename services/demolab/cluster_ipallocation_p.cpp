#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"

#include <QJsonArray>

// Address allocation: pod IPs from a node's podCIDR, Service cluster IPs and
// node ports.

namespace labdeck::demolab::detail {

QString Cluster::allocatePodIp(const QString &nodeName, const QJsonObject &node)
{
    const QString cidr = jstr(node, {"spec", "podCIDR"});
    const QString base = cidr.isEmpty() ? QStringLiteral("10.244.0.")
                                        : cidr.section(QLatin1Char('.'), 0, 2) + QLatin1Char('.');
    int &next = m_nextPodIp[nodeName];
    next = next >= 254 || next < 2 ? 2 : next + 1;
    return base + QString::number(next);
}

QString Cluster::allocateServiceAddresses(QJsonObject &service, const QJsonObject &old)
{
    QJsonObject spec = service.value(QLatin1String("spec")).toObject();
    const QString type = spec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
    if (type == QLatin1String("ExternalName"))
        return {};
    const QString key = objectKey(service);
    QSet<QString> usedIps;
    QSet<qint64> usedPorts;
    const ObjectMap &services = m_store->objects(Services);
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        if (it.key() == key)
            continue;
        usedIps.insert(jstr(it->object, {"spec", "clusterIP"}));
        for (const QJsonValue &p : jarr(it->object, {"spec", "ports"}))
            usedPorts.insert(p.toObject().value(QLatin1String("nodePort")).toInteger(0));
    }
    QString ip = spec.value(QLatin1String("clusterIP")).toString();
    if (ip.isEmpty())
        ip = jstr(old, {"spec", "clusterIP"});
    if (ip.isEmpty()) {
        do {
            ++m_nextServiceIp;
            const int n = 20 + m_nextServiceIp * 37 % 60000;
            ip = QStringLiteral("10.96.%1.%2").arg(n / 250).arg(n % 250 + 2);
        } while (usedIps.contains(ip));
    } else if (ip != QLatin1String("None") && usedIps.contains(ip)) {
        return QStringLiteral(
                   "spec.clusterIPs: Invalid value: []string{\"%1\"}: failed to allocate IP %1: "
                   "provided IP is already allocated")
            .arg(ip);
    }
    spec.insert(QStringLiteral("clusterIP"), ip);
    spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
    if (type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer")) {
        const QJsonArray oldPorts = jarr(old, {"spec", "ports"});
        QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            qint64 nodePort = port.value(QLatin1String("nodePort")).toInteger(0);
            if (nodePort == 0) {
                for (const QJsonValue &o : oldPorts) {
                    if (o.toObject().value(QLatin1String("port")) ==
                        port.value(QLatin1String("port")))
                        nodePort = o.toObject().value(QLatin1String("nodePort")).toInteger(0);
                }
            }
            if (nodePort == 0) {
                do {
                    nodePort = 30000 + m_random.bounded(2768);
                } while (usedPorts.contains(nodePort));
            } else if (usedPorts.contains(nodePort)) {
                return QStringLiteral("spec.ports[%1].nodePort: Invalid value: %2: provided port "
                                      "is already allocated")
                    .arg(i)
                    .arg(nodePort);
            }
            usedPorts.insert(nodePort);
            port.insert(QStringLiteral("nodePort"), nodePort);
            ports.replace(i, port);
        }
        spec.insert(QStringLiteral("ports"), ports);
    } else {
        QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            port.remove(QLatin1String("nodePort"));
            ports.replace(i, port);
        }
        if (spec.contains(QLatin1String("ports")))
            spec.insert(QStringLiteral("ports"), ports);
    }
    service.insert(QStringLiteral("spec"), spec);
    return {};
}

} // namespace labdeck::demolab::detail
