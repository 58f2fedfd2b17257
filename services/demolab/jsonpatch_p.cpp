#include "demolab/jsonpatch_p.h"

#include <QJsonObject>
#include <optional>

namespace labdeck::demolab::detail {

namespace {

// The key that identifies list items for strategic merge and apply, by the
// list's field name; empty when the list is atomic or items lack the key.
QString mergeKeyFor(const QString &field, const QJsonArray &a, const QJsonArray &b)
{
    QString key;
    if (field == QLatin1String("containers") || field == QLatin1String("initContainers") ||
        field == QLatin1String("ephemeralContainers") || field == QLatin1String("env") ||
        field == QLatin1String("volumes") || field == QLatin1String("imagePullSecrets"))
        key = QStringLiteral("name");
    else if (field == QLatin1String("volumeMounts"))
        key = QStringLiteral("mountPath");
    else if (field == QLatin1String("volumeDevices"))
        key = QStringLiteral("devicePath");
    else if (field == QLatin1String("conditions"))
        key = QStringLiteral("type");
    else if (field == QLatin1String("ownerReferences"))
        key = QStringLiteral("uid");
    else if (field == QLatin1String("hostAliases"))
        key = QStringLiteral("ip");
    else if (field == QLatin1String("ports")) {
        bool allContainerPorts = true;
        for (const QJsonArray *list : {&a, &b}) {
            for (const QJsonValue &v : *list) {
                if (!v.toObject().contains(QLatin1String("containerPort")))
                    allContainerPorts = false;
            }
        }
        key = allContainerPorts ? QStringLiteral("containerPort") : QStringLiteral("port");
    }
    if (key.isEmpty())
        return {};
    for (const QJsonArray *list : {&a, &b}) {
        for (const QJsonValue &v : *list) {
            if (!v.isObject() || !v.toObject().contains(key))
                return {};
        }
    }
    return key;
}

qsizetype indexByKey(const QJsonArray &list, const QString &key, const QJsonValue &value)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(key) == value)
            return i;
    }
    return -1;
}

QJsonValue strategicMergeField(const QString &field, const QJsonValue &target,
                               const QJsonValue &patch);

QJsonValue strategicMergeObject(const QJsonObject &target, const QJsonObject &patch)
{
    const QString directive = patch.value(QLatin1String("$patch")).toString();
    if (directive == QLatin1String("replace")) {
        QJsonObject replaced = patch;
        replaced.remove(QLatin1String("$patch"));
        return replaced;
    }
    if (directive == QLatin1String("delete"))
        return QJsonValue(QJsonValue::Undefined);
    QJsonObject result = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('$')))
            continue; // $setElementOrder/..., $retainKeys: ordering hints only
        if (it.value().isNull()) {
            result.remove(it.key());
            continue;
        }
        const QJsonValue merged = strategicMergeField(it.key(), result.value(it.key()), it.value());
        if (merged.isUndefined())
            result.remove(it.key());
        else
            result.insert(it.key(), merged);
    }
    return result;
}

QJsonValue strategicMergeField(const QString &field, const QJsonValue &target,
                               const QJsonValue &patch)
{
    if (patch.isObject())
        return strategicMergeObject(target.toObject(), patch.toObject());
    if (patch.isArray() && target.isArray()) {
        const QJsonArray patchList = patch.toArray();
        const QJsonArray targetList = target.toArray();
        const QString key = mergeKeyFor(field, targetList, patchList);
        if (key.isEmpty())
            return patchList;
        QJsonArray result = targetList;
        for (const QJsonValue &item : patchList) {
            const QJsonObject p = item.toObject();
            const qsizetype at = indexByKey(result, key, p.value(key));
            if (p.value(QLatin1String("$patch")).toString() == QLatin1String("delete")) {
                if (at >= 0)
                    result.removeAt(at);
                continue;
            }
            if (at >= 0)
                result.replace(at, strategicMergeObject(result.at(at).toObject(), p));
            else
                result.append(strategicMergeObject({}, p));
        }
        return result;
    }
    return patch;
}

QJsonValue applyMergeField(const QString &field, const QJsonValue &live, const QJsonValue &applied)
{
    if (applied.isObject() && live.isObject()) {
        QJsonObject result = live.toObject();
        const QJsonObject a = applied.toObject();
        for (auto it = a.begin(); it != a.end(); ++it)
            result.insert(it.key(), applyMergeField(it.key(), result.value(it.key()), it.value()));
        return result;
    }
    if (applied.isArray() && live.isArray()) {
        const QJsonArray a = applied.toArray();
        const QJsonArray l = live.toArray();
        const QString key = mergeKeyFor(field, l, a);
        if (key.isEmpty())
            return a;
        QJsonArray result;
        for (const QJsonValue &item : a) {
            const qsizetype at = indexByKey(l, key, item.toObject().value(key));
            result.append(at >= 0 ? applyMergeField(QString(), l.at(at), item) : item);
        }
        return result;
    }
    return applied;
}

// JSON pointer tokens of "/a/b~1c".
std::optional<QStringList> pointerTokens(const QString &pointer)
{
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(QLatin1Char('/')))
        return std::nullopt;
    QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString &t : tokens) {
        t.replace(QLatin1String("~1"), QLatin1String("/"));
        t.replace(QLatin1String("~0"), QLatin1String("~"));
    }
    return tokens;
}

std::optional<QJsonValue> pointerGet(const QJsonValue &doc, const QStringList &tokens)
{
    QJsonValue v = doc;
    for (const QString &t : tokens) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(t))
                return std::nullopt;
            v = o.value(t);
        } else if (v.isArray()) {
            bool ok = false;
            const int i = t.toInt(&ok);
            const QJsonArray a = v.toArray();
            if (!ok || i < 0 || i >= a.size())
                return std::nullopt;
            v = a.at(i);
        } else {
            return std::nullopt;
        }
    }
    return v;
}

enum class PointerOp { Add, Replace, Remove };

bool pointerModify(QJsonValue &node, const QStringList &tokens, qsizetype i, PointerOp op,
                   const QJsonValue &value)
{
    const QString &t = tokens.at(i);
    const bool last = i == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (last) {
            if (op != PointerOp::Add && !o.contains(t))
                return false;
            if (op == PointerOp::Remove)
                o.remove(t);
            else
                o.insert(t, value);
        } else {
            if (!o.contains(t))
                return false;
            QJsonValue child = o.value(t);
            if (!pointerModify(child, tokens, i + 1, op, value))
                return false;
            o.insert(t, child);
        }
        node = o;
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        bool ok = false;
        int index = t == QLatin1String("-") ? int(a.size()) : t.toInt(&ok);
        if (t == QLatin1String("-"))
            ok = true;
        if (!ok || index < 0)
            return false;
        if (last) {
            if (op == PointerOp::Add) {
                if (index > a.size())
                    return false;
                a.insert(index, value);
            } else {
                if (index >= a.size())
                    return false;
                if (op == PointerOp::Remove)
                    a.removeAt(index);
                else
                    a.replace(index, value);
            }
        } else {
            if (index >= a.size())
                return false;
            QJsonValue child = a.at(index);
            if (!pointerModify(child, tokens, i + 1, op, value))
                return false;
            a.replace(index, child);
        }
        node = a;
        return true;
    }
    return false;
}

} // namespace

QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

QJsonValue strategicMergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    return strategicMergeField(QString(), target, patch);
}

QJsonValue applyMerge(const QJsonValue &live, const QJsonValue &applied)
{
    return applyMergeField(QString(), live, applied);
}

bool jsonPatch(QJsonValue &document, const QJsonArray &operations, QString *error)
{
    for (const QJsonValue &v : operations) {
        const QJsonObject op = v.toObject();
        const QString name = op.value(QLatin1String("op")).toString();
        const auto path = pointerTokens(op.value(QLatin1String("path")).toString());
        if (!path || path->isEmpty()) {
            *error = QStringLiteral("invalid JSON patch path");
            return false;
        }
        bool ok = false;
        if (name == QLatin1String("add")) {
            ok =
                pointerModify(document, *path, 0, PointerOp::Add, op.value(QLatin1String("value")));
        } else if (name == QLatin1String("replace")) {
            ok = pointerModify(document, *path, 0, PointerOp::Replace,
                               op.value(QLatin1String("value")));
        } else if (name == QLatin1String("remove")) {
            ok = pointerModify(document, *path, 0, PointerOp::Remove, {});
        } else if (name == QLatin1String("test")) {
            const auto current = pointerGet(document, *path);
            ok = current && *current == op.value(QLatin1String("value"));
            if (!ok) {
                *error = QStringLiteral("testing value %1 failed")
                             .arg(op.value(QLatin1String("path")).toString());
                return false;
            }
        } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
            const auto from = pointerTokens(op.value(QLatin1String("from")).toString());
            const auto value = from ? pointerGet(document, *from) : std::nullopt;
            ok = value.has_value();
            if (ok && name == QLatin1String("move"))
                ok = pointerModify(document, *from, 0, PointerOp::Remove, {});
            if (ok)
                ok = pointerModify(document, *path, 0, PointerOp::Add, *value);
        } else {
            *error = QStringLiteral("Unexpected kind: %1").arg(name);
            return false;
        }
        if (!ok) {
            *error =
                QStringLiteral("the server rejected our request due to an error in our request: "
                               "unable to apply %1 at %2")
                    .arg(name, op.value(QLatin1String("path")).toString());
            return false;
        }
    }
    return true;
}

} // namespace labdeck::demolab::detail
