#pragma once

// The PATCH flavours the simulator accepts (JSON merge patch, strategic merge
// patch, JSON patch) and the merge server-side apply performs.

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

namespace labdeck::demolab::detail {

// RFC 7386 JSON merge patch: objects merge, null deletes, arrays replace.
[[nodiscard]] QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch);

// Strategic merge patch, the subset kubectl sends for built-in types: maps
// merge like a merge patch; lists of objects with a known merge key
// (containers by name, ports by containerPort/port, ...) merge element by
// element; $patch: replace/delete and $-directives are honoured or skipped.
[[nodiscard]] QJsonValue strategicMergePatch(const QJsonValue &target, const QJsonValue &patch);

// RFC 6902 JSON patch (add, remove, replace, move, copy, test).
[[nodiscard]] bool jsonPatch(QJsonValue &document, const QJsonArray &operations, QString *error);

// The merge server-side apply performs: maps merge, keyed lists merge by key
// in the applied order (items not applied are dropped), other values replace.
[[nodiscard]] QJsonValue applyMerge(const QJsonValue &live, const QJsonValue &applied);
} // namespace labdeck::demolab::detail
