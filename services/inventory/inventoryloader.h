#pragma once

#include "inventory/inventory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace labdeck {

// One problem in an inventory file, located as precisely as the YAML allows.
struct InventoryError
{
    QString file;   // path as given, or the built-in resource name
    int line = 0;   // 1-based; 0 when the problem concerns the whole file
    int column = 0; // 1-based; 0 when unknown
    QString field;  // "hosts[2].resources.memoryGB"; empty for file-level errors
    QString message;

    // "lab.yaml:12:5: hosts[1].site: unknown site "oic" ..." (compiler style,
    // so editors and terminals can jump to it).
    [[nodiscard]] QString toString() const;
};

struct InventoryLoadResult
{
    std::optional<Inventory> inventory; // set only when errors is empty
    QList<InventoryError> errors;

    [[nodiscard]] bool ok() const { return inventory.has_value(); }
    // All errors, one per line.
    [[nodiscard]] QString errorText() const;
};

// Reads and validates inventory YAML. Strict: unknown keys, wrong types,
// duplicate names, dangling references and out-of-range values are errors,
// all of them reported, not only the first. Never writes the file.
class InventoryLoader
{
    Q_DECLARE_TR_FUNCTIONS(InventoryLoader)
public:
    // Reads a file. Any thread; the file is small and local.
    [[nodiscard]] static InventoryLoadResult loadFile(const QString &path);
    // Parses text; fileName is only used in error messages.
    [[nodiscard]] static InventoryLoadResult parse(const QByteArray &yaml, const QString &fileName);
    // The default lab built into Labdeck (the seed's lab).
    [[nodiscard]] static InventoryLoadResult loadBuiltIn();
    [[nodiscard]] static QByteArray builtInYaml();
    [[nodiscard]] static QString builtInPath();
};

} // namespace labdeck
