#pragma once

// The managedFields bookkeeping: which manager owns which leaf field, as
// updates record it and as server-side apply checks and moves it.

#include "demolab/jsonpath_p.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace labdeck::demolab::detail {

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
