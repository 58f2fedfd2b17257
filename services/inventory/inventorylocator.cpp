#include "inventory/inventorylocator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace labdeck {

QString InventoryLocator::userInventoryPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(base).filePath(QStringLiteral("labdeck/lab.yaml"));
}

InventoryLocator::Choice InventoryLocator::choose(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return {Source::CommandLine, commandLinePath};
    const QString user = userInventoryPath();
    if (QFileInfo::exists(user))
        return {Source::UserConfig, user};
    return {Source::BuiltIn, {}};
}

QString InventoryLocator::Choice::describe() const
{
    switch (source) {
    case Source::CommandLine:
        return tr("%1 (from --inventory)").arg(QDir::toNativeSeparators(path));
    case Source::UserConfig:
        return tr("%1 (user inventory)").arg(QDir::toNativeSeparators(path));
    case Source::BuiltIn:
        break;
    }
    return tr("built-in default lab");
}

} // namespace labdeck
