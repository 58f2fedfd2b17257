#include "demolab/jsonutil_p.h"

#include "demolab/store_p.h"

#include <QJsonDocument>
#include <string>
#include <yaml-cpp/yaml.h>

namespace labdeck::demolab::detail {

namespace {

const QLatin1String kMetadata("metadata");

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

QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : node)
            o.insert(QString::fromStdString(kv.first.Scalar()), yamlToJson(kv.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : node)
            a.append(yamlToJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const std::string &s = node.Scalar();
        const QString text = QString::fromStdString(s);
        if (node.Tag() == "!") // quoted: always a string
            return text;
        if (text == QLatin1String("~") || text == QLatin1String("null") ||
            text == QLatin1String("Null") || text == QLatin1String("NULL"))
            return QJsonValue(QJsonValue::Null);
        if (text == QLatin1String("true") || text == QLatin1String("True") ||
            text == QLatin1String("TRUE"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("False") ||
            text == QLatin1String("FALSE"))
            return false;
        bool ok = false;
        const qlonglong i = text.toLongLong(&ok);
        if (ok)
            return QJsonValue(i);
        const double d = text.toDouble(&ok);
        if (ok && !text.isEmpty() &&
            (text.at(0).isDigit() || text.at(0) == QLatin1Char('-') ||
             text.at(0) == QLatin1Char('.')))
            return d;
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

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

void fieldsFrom(const QJsonObject &fields, const QString &prefix, QSet<QString> *out)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("."))
            continue;
        if (!it.key().startsWith(QLatin1String("f:"))) {
            // k:/v:/i: list item entries (not written by us): own the list.
            if (!prefix.isEmpty())
                out->insert(prefix);
            continue;
        }
        const QString path =
            prefix.isEmpty() ? it.key().mid(2) : prefix + PathSeparator + it.key().mid(2);
        const QJsonObject child = it.value().toObject();
        if (child.isEmpty() || child.contains(QLatin1String(".")))
            out->insert(path);
        fieldsFrom(child, path, out);
    }
}

QJsonObject fieldsV1(const QSet<QString> &paths)
{
    // Build a tree of names, then turn it into f: objects.
    QJsonObject root;
    QList<QString> sorted(paths.cbegin(), paths.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const QString &path : sorted) {
        const QStringList parts = path.split(PathSeparator);
        QStringList fparts;
        for (const QString &p : parts)
            fparts << QStringLiteral("f:") + p;
        bool found = false;
        const QJsonValue existing = valueAt(root, fparts, &found);
        if (found && existing.isObject() && !existing.toObject().isEmpty()) {
            QJsonObject node = existing.toObject();
            node.insert(QStringLiteral("."), QJsonObject());
            setValueAt(root, fparts, node);
        } else {
            setValueAt(root, fparts, QJsonObject());
        }
    }
    return root;
}

QStringList splitPath(const QString &path)
{
    return path.split(PathSeparator);
}

bool sameEntry(const ManagedEntry &e, const QString &manager, const QString &operation,
               const QString &subresource)
{
    return e.manager == manager && e.operation == operation && e.subresource == subresource;
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

std::optional<QJsonValue> parseYamlDocument(const QByteArray &text, QString *error)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        // JSON-looking YAML (flow style) falls through to the YAML parser.
    }
    try {
        const YAML::Node node = YAML::Load(std::string(text.constData(), size_t(text.size())));
        return yamlToJson(node);
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
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

QList<ManagedEntry> readManagedFields(const QJsonObject &object)
{
    QList<ManagedEntry> entries;
    const QJsonArray list =
        object.value(kMetadata).toObject().value(QLatin1String("managedFields")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        ManagedEntry e;
        e.manager = o.value(QLatin1String("manager")).toString();
        e.operation = o.value(QLatin1String("operation")).toString();
        e.apiVersion = o.value(QLatin1String("apiVersion")).toString();
        e.time = o.value(QLatin1String("time")).toString();
        e.subresource = o.value(QLatin1String("subresource")).toString();
        fieldsFrom(o.value(QLatin1String("fieldsV1")).toObject(), QString(), &e.fields);
        entries << e;
    }
    return entries;
}

void writeManagedFields(QJsonObject &object, const QList<ManagedEntry> &entries)
{
    QJsonArray list;
    for (const ManagedEntry &e : entries) {
        if (e.fields.isEmpty())
            continue;
        QJsonObject o{{QStringLiteral("manager"), e.manager},
                      {QStringLiteral("operation"), e.operation},
                      {QStringLiteral("apiVersion"), e.apiVersion},
                      {QStringLiteral("time"), e.time},
                      {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                      {QStringLiteral("fieldsV1"), fieldsV1(e.fields)}};
        if (!e.subresource.isEmpty())
            o.insert(QStringLiteral("subresource"), e.subresource);
        list.append(o);
    }
    QJsonObject meta = object.value(kMetadata).toObject();
    if (list.isEmpty())
        meta.remove(QLatin1String("managedFields"));
    else
        meta.insert(QLatin1String("managedFields"), list);
    object.insert(kMetadata, meta);
}

void recordUpdate(QJsonObject &after, const QJsonObject &before, const QString &manager,
                  const QString &apiVersion, const QString &subresource, FieldScope scope)
{
    FieldValues oldLeaves;
    FieldValues newLeaves;
    collectLeaves(before, scope, &oldLeaves);
    collectLeaves(after, scope, &newLeaves);
    QSet<QString> changed;
    for (auto it = newLeaves.cbegin(); it != newLeaves.cend(); ++it) {
        const auto old = oldLeaves.constFind(it.key());
        if (old == oldLeaves.cend() || old.value() != it.value())
            changed.insert(it.key());
    }
    QSet<QString> removed;
    for (auto it = oldLeaves.cbegin(); it != oldLeaves.cend(); ++it) {
        if (!newLeaves.contains(it.key()))
            removed.insert(it.key());
    }
    QList<ManagedEntry> entries = readManagedFields(before);
    if (changed.isEmpty() && removed.isEmpty()) {
        writeManagedFields(after, entries);
        return;
    }
    qsizetype own = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        entries[i].fields -= changed;
        entries[i].fields -= removed;
        if (sameEntry(entries.at(i), manager, QStringLiteral("Update"), subresource))
            own = i;
    }
    if (!changed.isEmpty()) {
        if (own < 0) {
            entries.append(
                ManagedEntry{manager, QStringLiteral("Update"), apiVersion, {}, subresource, {}});
            own = entries.size() - 1;
        }
        entries[own].fields += changed;
        entries[own].time = nowTimestamp();
        entries[own].apiVersion = apiVersion;
    }
    writeManagedFields(after, entries);
}

ApplyOutcome serverSideApply(const QJsonObject &live, const QJsonObject &applied,
                             const QString &manager, const QString &apiVersion, bool force)
{
    QJsonObject config = applied;
    config.remove(QLatin1String("status"));
    {
        QJsonObject meta = config.value(kMetadata).toObject();
        for (const char *k :
             {"managedFields", "resourceVersion", "uid", "creationTimestamp", "generation"})
            meta.remove(QLatin1String(k));
        config.insert(kMetadata, meta);
    }
    FieldValues appliedLeaves;
    collectLeaves(config, FieldScope::Spec, &appliedLeaves);

    QList<ManagedEntry> entries = readManagedFields(live);
    qsizetype own = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (sameEntry(entries.at(i), manager, QStringLiteral("Apply"), QString()))
            own = i;
    }

    ApplyOutcome outcome;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i == own)
            continue;
        for (const QString &path : std::as_const(entries.at(i).fields)) {
            const auto leaf = appliedLeaves.constFind(path);
            if (leaf == appliedLeaves.cend())
                continue;
            if (!isSubsetOf(leaf.value(), valueAt(live, splitPath(path))))
                outcome.conflicts << ApplyConflict{entries.at(i), path};
        }
    }
    std::sort(outcome.conflicts.begin(), outcome.conflicts.end(),
              [](const ApplyConflict &a, const ApplyConflict &b) {
                  return a.owner.manager != b.owner.manager ? a.owner.manager < b.owner.manager
                                                            : a.path < b.path;
              });
    if (!outcome.conflicts.isEmpty() && !force)
        return outcome;

    QJsonObject result = live;
    if (own >= 0) {
        // Fields this manager applied before and now leaves out go away,
        // unless another manager still owns them.
        for (const QString &path : std::as_const(entries.at(own).fields)) {
            if (appliedLeaves.contains(path))
                continue;
            bool shared = false;
            for (qsizetype i = 0; i < entries.size() && !shared; ++i)
                shared = i != own && entries.at(i).fields.contains(path);
            if (!shared)
                removeValueAt(result, splitPath(path));
        }
    }
    result = applyMerge(result, config).toObject();

    if (force) {
        for (const ApplyConflict &c : std::as_const(outcome.conflicts)) {
            for (ManagedEntry &e : entries) {
                if (sameEntry(e, c.owner.manager, c.owner.operation, c.owner.subresource))
                    e.fields.remove(c.path);
            }
        }
        outcome.conflicts.clear();
    }
    const QSet<QString> appliedPaths(appliedLeaves.keyBegin(), appliedLeaves.keyEnd());
    if (own < 0) {
        entries.append(ManagedEntry{manager, QStringLiteral("Apply"), apiVersion, {}, {}, {}});
        own = entries.size() - 1;
    }
    if (entries.at(own).fields != appliedPaths || entries.at(own).time.isEmpty())
        entries[own].time = nowTimestamp();
    entries[own].fields = appliedPaths;
    entries[own].apiVersion = apiVersion;
    writeManagedFields(result, entries);
    outcome.object = result;
    return outcome;
}

} // namespace labdeck::demolab::detail
