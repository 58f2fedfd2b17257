#pragma once

#include "common/locatederror.h"
#include "inventory/inventory.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace labdeck::demolab::detail {

class Cluster;
class Store;

struct SeedOptions
{
    // Every time in the seed is relative to this.
    QDateTime now = QDateTime::currentDateTimeUtc();
    // Where the data files are: the built-in ones unless a test says otherwise.
    QString dataDirectory = QStringLiteral(":/demolab/seed");
};

// Fills the store with the lab: nodes, namespaces, the control plane's static
// pods and add-ons, every inventory workload with its Service, PV/PVC and
// Running pods, and the Events their start left behind. What the objects hold
// comes from the data files (seed_data/*.yaml); which of them are made, on
// which node, with which addresses, comes from the inventory.
//
// Returns the problems with the data files (none for the built-in ones; each
// is also logged). A file that cannot be read leaves the store empty; an
// object whose template is broken is left out.
QList<LocatedError> seedLab(Store &store, Cluster &cluster, const Inventory &lab,
                            const SeedOptions &options = {});

// The data files seedLab() reads, in dataDirectory: "cluster.yaml", ...
[[nodiscard]] QStringList seedDataFileNames();
// Reads one data file (a YAML mapping) as JSON; empty with *error on failure.
[[nodiscard]] std::optional<QJsonObject> readSeedData(const QString &path, LocatedError *error);
// The same for the text of one; file is only used in the error.
[[nodiscard]] std::optional<QJsonObject> parseSeedData(const QByteArray &yaml, const QString &file,
                                                       LocatedError *error);

// Values for the ${name} placeholders of the data files. An undefined value
// (QJsonValue::Undefined) leaves out what is only that placeholder.
using SeedValues = QHash<QString, QJsonValue>;

// Replaces the placeholders in the strings of value (not in keys). A string
// that is only a placeholder becomes its value, whatever its type; one that
// is undefined removes the string from its object or list. In a longer
// string the value must be a string. What was put in is never searched again,
// so a value that contains "${...}" stays as it is. An unknown placeholder
// or a value of the wrong type is an error at the string's path (below
// path), and the string is kept.
[[nodiscard]] QJsonValue substitutePlaceholders(const QJsonValue &value, const SeedValues &values,
                                                const QString &file, const QString &path,
                                                QList<LocatedError> *errors);

} // namespace labdeck::demolab::detail
