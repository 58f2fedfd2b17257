#pragma once

// Server-side printing: the meta.k8s.io/v1 Table that `kubectl get` asks for
// (Accept: ...;as=Table;...), with the columns the real API server prints.

#include "demolab/store_p.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace labdeck::demolab::detail {

enum class TableObject { None, Metadata, Object };

[[nodiscard]] QJsonArray tableColumns(ResourceId resource);
// One row: {"cells":[...],"object":{...}} as compact JSON.
[[nodiscard]] QByteArray tableRow(const ResourceType &type, const QJsonObject &object,
                                  const QByteArray &objectJson, TableObject include,
                                  const QDateTime &now);
// "5d3h", the API machinery's HumanDuration.
[[nodiscard]] QString humanDuration(qint64 seconds);

} // namespace labdeck::demolab::detail
