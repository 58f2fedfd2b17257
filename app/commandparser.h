#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace labdeck::app {

// One way for every command of the executable (the window, `check`,
// `inventory`, `demolab`) to read its arguments:
//  - --help prints the help to stdout, with the sub-command in its usage
//    line ("Usage: labdeck check [options] [category...]"), and exits 0;
//    --version (where the parser has it) prints "labdeck 0.1.0" and exits 0;
//  - an unknown option, a missing value or a stray argument prints what is
//    wrong and where to read more to stderr and exits with the command's
//    usage exit code (2 for the window, `inventory` and `demolab`; 3 for
//    `check`, whose 2 means "critical").
// `arguments` start with the program; the sub-command word is removed.
// Returns true when the command should run; otherwise *exitCode is set.
[[nodiscard]] bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &subcommand, int usageExitCode, int *exitCode);

// The parser's help text with the sub-command after the program's name in
// the usage line.
[[nodiscard]] QString commandHelp(const QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &subcommand);

} // namespace labdeck::app
