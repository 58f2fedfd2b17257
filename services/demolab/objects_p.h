#pragma once

// Defaulting and validation, the parts of the API server's registry that
// clients notice: defaults make applied objects look like a real server's,
// validation gives 422 Invalid with the real field paths and texts.

#include "demolab/store_p.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace labdeck::demolab::detail {

// Idempotent: running it twice changes nothing.
void applyDefaults(ResourceId resource, QJsonObject &object);
void applyPodSpecDefaults(QJsonObject &spec, bool isPod);
[[nodiscard]] QString qosClass(const QJsonObject &podSpec);

struct FieldError
{
    QString reason;  // a StatusCause reason: FieldValueRequired, FieldValueInvalid, ...
    QString field;   // "spec.replicas"
    QString message; // "Invalid value: -1: must be greater than or equal to 0"
};

// `old` is empty for a create.
[[nodiscard]] QList<FieldError> validateObject(ResourceId resource, const QJsonObject &object,
                                               const QJsonObject &old);

} // namespace labdeck::demolab::detail
