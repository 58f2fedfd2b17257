#pragma once

// JSON helpers for the simulator: the three PATCH flavours, YAML bodies,
// field paths and the managedFields bookkeeping of server-side apply.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <optional>

namespace labdeck::demolab::detail {

// Nested access by literal keys: jget(pod, {"spec", "nodeName"}).
[[nodiscard]] QJsonValue jget(const QJsonObject &object, std::initializer_list<const char *> path);
void jset(QJsonObject &object, std::initializer_list<const char *> path, const QJsonValue &value);
void jremove(QJsonObject &object, std::initializer_list<const char *> path);
[[nodiscard]] inline QString jstr(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return jget(o, path).toString();
}
[[nodiscard]] inline QJsonObject jobj(const QJsonObject &o,
                                      std::initializer_list<const char *> path)
{
    return jget(o, path).toObject();
}
[[nodiscard]] inline QJsonArray jarr(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return jget(o, path).toArray();
}
[[nodiscard]] inline qint64 jint(const QJsonObject &o, std::initializer_list<const char *> path,
                                 qint64 fallback = 0)
{
    const QJsonValue v = jget(o, path);
    return v.isDouble() ? v.toInteger() : fallback;
}

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

// Parses a YAML (or JSON) document into JSON; empty on error.
[[nodiscard]] std::optional<QJsonValue> parseYamlDocument(const QByteArray &text, QString *error);

// Leaf field paths. A path is the field names joined with PathSeparator; a
// leaf is any value that is not a non-empty object (lists are atomic).
inline constexpr QChar PathSeparator = QChar(0x1f);
using FieldValues = QHash<QString, QJsonValue>;

enum class FieldScope { Spec, Status }; // everything but status / only status
void collectLeaves(const QJsonObject &object, FieldScope scope, FieldValues *out);
[[nodiscard]] QString displayPath(const QString &path); // ".spec.replicas"
[[nodiscard]] QJsonValue valueAt(const QJsonObject &object, const QStringList &path,
                                 bool *found = nullptr);
void setValueAt(QJsonObject &object, const QStringList &path, const QJsonValue &value);
// Removes the field and any maps it leaves empty (but never the top level).
void removeValueAt(QJsonObject &object, const QStringList &path);
// True when every field in `applied` has the same value in `live` (defaults
// and extra fields in live are ignored; keyed lists match by key).
[[nodiscard]] bool isSubsetOf(const QJsonValue &applied, const QJsonValue &live);

// One managedFields entry with its field set as paths.
struct ManagedEntry
{
    QString manager;
    QString operation; // "Apply" or "Update"
    QString apiVersion;
    QString time;
    QString subresource;
    QSet<QString> fields;
};
[[nodiscard]] QList<ManagedEntry> readManagedFields(const QJsonObject &object);
void writeManagedFields(QJsonObject &object, const QList<ManagedEntry> &entries);

// Records an Update (PUT, PATCH, POST) by `manager`: the fields that changed
// from `before` to `after` move to its entry; removed fields leave every entry.
void recordUpdate(QJsonObject &after, const QJsonObject &before, const QString &manager,
                  const QString &apiVersion, const QString &subresource, FieldScope scope);

struct ApplyConflict
{
    ManagedEntry owner;
    QString path;
};

struct ApplyOutcome
{
    QJsonObject object;             // the merged object with managedFields
    QList<ApplyConflict> conflicts; // non-empty: nothing was applied
};

// Server-side apply of `applied` by `manager` onto `live` (empty when the
// object does not exist yet). Ownership is per leaf path; a leaf owned by a
// different manager with a different live value is a conflict unless forced.
[[nodiscard]] ApplyOutcome serverSideApply(const QJsonObject &live, const QJsonObject &applied,
                                           const QString &manager, const QString &apiVersion,
                                           bool force);

} // namespace labdeck::demolab::detail
