#pragma once

#include <QList>
#include <QString>

class QCoreApplication;

// Entry points of the labdeck executable, kept out of main() so they stay
// short and readable.
namespace labdeck::app {

// True when a windowing system is reachable (DISPLAY, WAYLAND_DISPLAY,
// QT_QPA_PLATFORM or -platform given).
[[nodiscard]] bool hasDisplay(int argc, char **argv);
// True when argv asks for something that works without a real display
// (--screenshot, --help, --version): such runs use the offscreen platform.
[[nodiscard]] bool canRunOffscreen(int argc, char **argv);
// Application and organisation name and version, for settings and --version.
void setIdentity();
// argv without its sub-command word ("labdeck check --json" -> "labdeck --json").
[[nodiscard]] QList<char *> subcommandArguments(int argc, char **argv);
// Installs the translation of the system locale into app.
void installTranslations(QCoreApplication &app);
// The message printed when there is no display.
[[nodiscard]] QString noDisplayMessage();

// `labdeck inventory [--print-default] [--validate] [--inventory FILE]`:
// headless, no display needed. Returns the exit code.
int runInventoryCommand(int argc, char **argv);

// The window. Returns the exit code.
int runGui(int argc, char **argv);

} // namespace labdeck::app
