#pragma once

#include <QCoreApplication>
#include <QString>

namespace labdeck {

// Decides which inventory Labdeck uses: --inventory FILE, else the user's
// $XDG_CONFIG_HOME/labdeck/lab.yaml (~/.config/labdeck/lab.yaml), else the
// built-in default lab.
class InventoryLocator
{
    Q_DECLARE_TR_FUNCTIONS(InventoryLocator)
public:
    enum class Source { CommandLine, UserConfig, BuiltIn };

    struct Choice
    {
        Source source = Source::BuiltIn;
        QString path; // empty for BuiltIn
        [[nodiscard]] QString describe() const;
    };

    // commandLinePath: the --inventory value, or empty.
    [[nodiscard]] static Choice choose(const QString &commandLinePath);
    // ~/.config/labdeck/lab.yaml, honouring XDG_CONFIG_HOME.
    [[nodiscard]] static QString userInventoryPath();
};

} // namespace labdeck
