#include "demolab/jsonpath_p.h"

namespace labdeck::demolab::detail {

namespace {

const QLatin1String kMetadata("metadata");

bool isIdentityMetadata(const QString &key)
{
    static const QStringList skipped{
        QStringLiteral("name"),          QStringLiteral("namespace"),
        QStringLiteral("uid"),           QStringLiteral("resourceVersion"),
        QStringLiteral("generation"),    QStringLiteral("creationTimestamp"),
        QStringLiteral("managedFields"), QStringLiteral("deletionTimestamp"),
        QStringLiteral("selfLink"),      QStringLiteral("deletionGracePeriodSeconds")};
    return skipped.contains(key);
}

void collectFrom(const QJsonValue &value, const QString &prefix, FieldValues *out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectFrom(it.value(), prefix + PathSeparator + it.key(), out);
        return;
    }
    out->insert(prefix, value);
}

QStringList toPath(std::initializer_list<const char *> path)
{
    QStringList out;
    out.reserve(qsizetype(path.size()));
    for (const char *p : path)
        out << QLatin1String(p);
    return out;
}

} // namespace

QJsonValue jget(const QJsonObject &object, std::initializer_list<const char *> path)
{
    QJsonValue v = object;
    for (const char *p : path) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(QLatin1String(p));
    }
    return v;
}

void jset(QJsonObject &object, std::initializer_list<const char *> path, const QJsonValue &value)
{
    setValueAt(object, toPath(path), value);
}

void jremove(QJsonObject &object, std::initializer_list<const char *> path)
{
    const QStringList p = toPath(path);
    if (p.size() == 1) {
        object.remove(p.first());
        return;
    }
    bool found = false;
    QJsonObject parent = valueAt(object, p.mid(0, p.size() - 1), &found).toObject();
    if (!found || !parent.contains(p.last()))
        return;
    parent.remove(p.last());
    setValueAt(object, p.mid(0, p.size() - 1), parent);
}

void collectLeaves(const QJsonObject &object, FieldScope scope, FieldValues *out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("apiVersion") || key == QLatin1String("kind"))
            continue;
        const bool isStatus = key == QLatin1String("status");
        if (isStatus != (scope == FieldScope::Status))
            continue;
        if (key == kMetadata) {
            const QJsonObject meta = it.value().toObject();
            for (auto m = meta.begin(); m != meta.end(); ++m) {
                if (!isIdentityMetadata(m.key()))
                    collectFrom(m.value(), QString(kMetadata) + PathSeparator + m.key(), out);
            }
            continue;
        }
        collectFrom(it.value(), key, out);
    }
}

QString displayPath(const QString &path)
{
    QString out = path;
    out.replace(PathSeparator, QLatin1Char('.'));
    return QLatin1Char('.') + out;
}

QJsonValue valueAt(const QJsonObject &object, const QStringList &path, bool *found)
{
    QJsonValue v = object;
    for (const QString &p : path) {
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.contains(p)) {
            if (found)
                *found = false;
            return QJsonValue(QJsonValue::Undefined);
        }
        v = o.value(p);
    }
    if (found)
        *found = true;
    return v;
}

void setValueAt(QJsonObject &object, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return;
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return;
    }
    QJsonObject child = object.value(path.first()).toObject();
    setValueAt(child, path.mid(1), value);
    object.insert(path.first(), child);
}

void removeValueAt(QJsonObject &object, const QStringList &path)
{
    if (path.isEmpty() || !object.contains(path.first()))
        return;
    if (path.size() == 1) {
        object.remove(path.first());
        return;
    }
    QJsonObject child = object.value(path.first()).toObject();
    removeValueAt(child, path.mid(1));
    if (child.isEmpty())
        object.remove(path.first());
    else
        object.insert(path.first(), child);
}

bool isSubsetOf(const QJsonValue &applied, const QJsonValue &live)
{
    if (applied.isObject() && live.isObject()) {
        const QJsonObject a = applied.toObject();
        const QJsonObject l = live.toObject();
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!l.contains(it.key())) {
                if (it.value().isNull())
                    continue;
                return false;
            }
            if (!isSubsetOf(it.value(), l.value(it.key())))
                return false;
        }
        return true;
    }
    if (applied.isArray() && live.isArray()) {
        const QJsonArray a = applied.toArray();
        const QJsonArray l = live.toArray();
        if (a.size() != l.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!isSubsetOf(a.at(i), l.at(i)))
                return false;
        }
        return true;
    }
    if (applied.isDouble() && live.isDouble())
        return applied.toDouble() == live.toDouble();
    return applied == live;
}

} // namespace labdeck::demolab::detail
