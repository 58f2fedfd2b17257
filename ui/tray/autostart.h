#pragma once

// "Start at login": an XDG autostart entry (~/.config/autostart/, the
// freedesktop Desktop Application Autostart spec) that starts Labdeck in the
// tray. Off by default; the file is Labdeck's own and removed when turned off.

#include <QCoreApplication>
#include <QString>

namespace labdeck {

class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
public:
    // <XDG_CONFIG_HOME or ~/.config>/autostart/io.github.labdeck.Labdeck.desktop
    [[nodiscard]] static QString path();
    // The entry exists and is not Hidden.
    [[nodiscard]] static bool isEnabled();
    // Writes (atomically) or removes the entry; program is the executable to
    // start (default: this one), with --minimized. false with *error set when
    // the file could not be written or removed.
    static bool setEnabled(bool enabled, QString *error, const QString &program = {});
    // The Exec= value for program: quoted and escaped as the Desktop Entry
    // spec asks when it holds a reserved character.
    [[nodiscard]] static QString execLine(const QString &program);
};

} // namespace labdeck
