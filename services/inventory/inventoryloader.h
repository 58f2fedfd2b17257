#pragma once

#include "common/locatederror.h"
#include "inventory/inventory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace labdeck {

struct InventoryLoadResult
{
    std::optional<Inventory> inventory; // set only when errors is empty
    QList<LocatedError> errors;

    [[nodiscard]] bool ok() const { return inventory.has_value(); }
    // All errors, one per line.
    [[nodiscard]] QString errorText() const;
};

// Reads and validates inventory YAML (through YamlReader, so nothing throws
// and alias bombs are refused). Strict: unknown keys, wrong types,
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
