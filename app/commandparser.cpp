#include "commandparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace labdeck::app {

namespace {

class CommandParserText
{
    Q_DECLARE_TR_FUNCTIONS(CommandParserText)
};

} // namespace

QString commandHelp(const QCommandLineParser &parser, const QStringList &arguments,
                    const QString &subcommand)
{
    QString help = parser.helpText();
    if (arguments.isEmpty())
        return help;
    // The usage line names the program as it was started (a whole path);
    // it reads "labdeck check [options]" instead.
    const QString started = arguments.first();
    const QString program = QFileInfo(started).fileName();
    const qsizetype lineEnd = help.indexOf(QLatin1Char('\n'));
    const qsizetype at = help.left(lineEnd < 0 ? help.size() : lineEnd).indexOf(started);
    if (at >= 0)
        help.replace(at, started.size(),
                     subcommand.isEmpty() ? program : program + QLatin1Char(' ') + subcommand);
    return help;
}

bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                      const QString &subcommand, int usageExitCode, int *exitCode)
{
    const QString program =
        arguments.isEmpty() ? QStringLiteral("labdeck") : QFileInfo(arguments.first()).fileName();
    const QString command =
        subcommand.isEmpty() ? program : program + QLatin1Char(' ') + subcommand;
    if (!parser.parse(arguments)) {
        QTextStream(stderr)
            << CommandParserText::tr("%1: %2\nSee: %1 --help").arg(command, parser.errorText())
            << Qt::endl;
        *exitCode = usageExitCode;
        return false;
    }
    const QStringList names = parser.optionNames();
    if (names.contains(QLatin1String("help")) || names.contains(QLatin1String("h")) ||
        names.contains(QLatin1String("?")) || names.contains(QLatin1String("help-all"))) {
        QTextStream(stdout) << commandHelp(parser, arguments, subcommand);
        *exitCode = 0;
        return false;
    }
    if (names.contains(QLatin1String("version")) || names.contains(QLatin1String("v"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << QLatin1Char(' ')
                            << QCoreApplication::applicationVersion() << Qt::endl;
        *exitCode = 0;
        return false;
    }
    return true;
}

} // namespace labdeck::app
