#pragma once

#include "inventory/inventory.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace labdeck {

// A change to the user's inventory file, made as a text insertion so that
// comments, order and style stay as the user wrote them.
struct InventoryEdit
{
    QByteArray before;
    QByteArray after;
    QString diff;  // unified diff before -> after; empty when nothing changes
    QString error; // non-empty: no edit is possible, and why

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    [[nodiscard]] bool changes() const { return ok() && before != after; }
};

class InventoryEditor
{
    Q_DECLARE_TR_FUNCTIONS(InventoryEditor)
public:
    // Adds `url` to the workload entry with that namespace and name: inserts
    // `url: "..."` into the entry (flow or block style), or, when there is
    // no such entry, appends one (name, namespace, kind, host, nodePort, url)
    // after the last workload. The result must load with the strict loader.
    [[nodiscard]] static InventoryEdit
    addWorkloadUrl(const QByteArray &text, const QString &fileName, const Workload &workload);
    // Refuses the built-in lab (the user has no file to change yet).
    [[nodiscard]] static QString refusal(const Inventory &lab);
    // Writes the edit through QSaveFile after copying the current file to
    // "<path>.bak"; refuses when the file changed since `edit.before` was read.
    static bool write(const QString &path, const InventoryEdit &edit, QString *error);
};

} // namespace labdeck
