#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QApplication;

namespace labdeck::app {

// What the window was asked for on the command line.
struct GuiOptions
{
    QString inventory;    // --inventory FILE (empty: the saved or built-in lab)
    bool demo = false;    // --demo
    QString kubeconfig;   // --kubeconfig FILE
    QString context;      // --context NAME
    QString select;       // --select ID
    QStringList simulate; // --simulate ids (demo lab)
    QString screenshot;   // --screenshot FILE
    QSize screenshotSize{1600, 1000};
    bool minimized = false;      // --minimized: start in the tray
    bool runChecks = false;      // --run-checks (hidden)
    bool quitAfterPaint = false; // --quit-after-first-paint (hidden, bench/startup)
    bool auditShortcuts = false; // --audit-shortcuts (hidden, tests): print clashes and exit

    // Whether the demo lab runs: asked for, or nothing configured (no
    // inventory given or saved, no kubeconfig or context asked for).
    [[nodiscard]] bool useDemo(bool inventoryIsBuiltIn) const
    {
        return demo || (inventoryIsBuiltIn && kubeconfig.isEmpty() && context.isEmpty());
    }
};

// Parses the window's options. False when the window must not open: after
// --help or --version (printed, *exitCode 0), an unknown option (printed,
// *exitCode 2) or a bad value (the message in *error, *exitCode 2).
[[nodiscard]] bool parseGuiOptions(QApplication &app, GuiOptions *options, QString *error,
                                   int *exitCode);

} // namespace labdeck::app
