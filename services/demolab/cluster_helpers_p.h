#pragma once

// Helpers the cluster's parts share (cluster_p.cpp and cluster_<part>_p.cpp).

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace labdeck::demolab::detail {

inline const QString kUnschedulableTaint = QStringLiteral("node.kubernetes.io/unschedulable");

QString hex64(const QString &seed);
QJsonObject condition(const QString &type, bool status, const QString &time,
                      const QString &reason = {}, const QString &message = {}, bool probe = true);
QStringList containerNames(const QJsonObject &pod);
QString nodeInternalIp(const QJsonObject &node);
// Keeps lastTransitionTime of conditions whose status did not change.
QJsonArray carryTransitions(const QJsonArray &fresh, const QJsonArray &old);

} // namespace labdeck::demolab::detail
