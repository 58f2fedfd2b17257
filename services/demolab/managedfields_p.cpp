#include "demolab/managedfields_p.h"

#include "demolab/jsonpatch_p.h"
#include "demolab/store_p.h"

#include <algorithm>

namespace labdeck::demolab::detail {

namespace {

const QLatin1String kMetadata("metadata");

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

} // namespace

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
