#pragma once

// JSON paths for the simulator: nested access by literal keys, leaf field
// paths (what managedFields and apply compare), and value comparison.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <initializer_list>

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
} // namespace labdeck::demolab::detail
