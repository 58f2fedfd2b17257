#include "commandline.h"

#include "commandparser.h"
#include "guioptions.h"
#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "labwindow.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "shortcutaudit.h"
#include "tray/labtray.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <chrono>
#include <cstring>

namespace labdeck::app {

namespace {

constexpr auto kContext = "labdeck::app";

QString tr(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

} // namespace

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("labdeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("labdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LABDECK_VERSION));
}

QList<char *> subcommandArguments(int argc, char **argv)
{
    QList<char *> args;
    args << argv[0];
    for (int i = 2; i < argc; ++i)
        args << argv[i];
    return args;
}

// Installs the Japanese (or other) translation matching the system locale.
void installTranslations(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("labdeck"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

namespace {

bool hasArg(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *n : names) {
            if (std::strcmp(argv[i], n) == 0 ||
                (std::strncmp(argv[i], n, std::strlen(n)) == 0 && argv[i][std::strlen(n)] == '='))
                return true;
        }
    }
    return false;
}

} // namespace

bool hasDisplay(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ||
        hasArg(argc, argv, {"-platform", "--platform"}))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

bool canRunOffscreen(int argc, char **argv)
{
    return hasArg(
        argc, argv,
        {"--screenshot", "--audit-shortcuts", "--help", "-h", "--help-all", "--version", "-v"});
}

QString noDisplayMessage()
{
    return tr("labdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
              "  To see the window on a machine without a screen, run it under Xvfb:\n"
              "      xvfb-run -a labdeck\n"
              "  To render the window to a picture:\n"
              "      labdeck --screenshot labdeck.png\n"
              "  To use Labdeck without a window:\n"
              "      labdeck inventory --validate       check the lab inventory\n"
              "      labdeck inventory --print-default  print the built-in lab\n"
              "      labdeck check all [--json]         check certificates, routes, tunnels, the "
              "cluster...");
}

int runInventoryCommand(int argc, char **argv)
{
    // Drop the "inventory" word so the parser sees only options.
    QList<char *> args = subcommandArguments(argc, argv);
    int n = int(args.size());
    QCoreApplication app(n, args.data());
    setIdentity();
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Reads and checks the lab inventory without a window."));
    parser.addHelpOption();
    const QCommandLineOption printDefault(QStringLiteral("print-default"),
                                          tr("Print the built-in lab inventory (YAML)."));
    const QCommandLineOption validate(
        QStringLiteral("validate"), tr("Check the inventory Labdeck would use; exit 1 on errors."));
    const QCommandLineOption inventory(QStringLiteral("inventory"),
                                       tr("Use FILE as the inventory."), tr("FILE"));
    parser.addOptions({printDefault, validate, inventory});
    int exitCode = 2;
    if (!parseCommandLine(parser, app.arguments(), QStringLiteral("inventory"), 2, &exitCode))
        return exitCode;

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.isSet(printDefault)) {
        out << QString::fromUtf8(InventoryLoader::builtInYaml());
        return 0;
    }
    if (!parser.isSet(validate)) {
        err << commandHelp(parser, app.arguments(), QStringLiteral("inventory"));
        return 2;
    }
    const InventoryLocator::Choice choice = InventoryLocator::choose(parser.value(inventory));
    const InventoryLoadResult result = choice.source == InventoryLocator::Source::BuiltIn
                                           ? InventoryLoader::loadBuiltIn()
                                           : InventoryLoader::loadFile(choice.path);
    if (!result.ok()) {
        err << result.errorText() << Qt::endl;
        err << tr("%1: not loaded (errors: %2)").arg(choice.describe()).arg(result.errors.size())
            << Qt::endl;
        return 1;
    }
    const Inventory &inv = *result.inventory;
    out << tr("%1: ok (hosts: %2, namespaces: %3, workloads: %4, compose services: %5, public "
              "URLs: %6)")
               .arg(choice.describe())
               .arg(inv.hosts.size())
               .arg(inv.namespaces.size())
               .arg(inv.workloads.size())
               .arg(inv.compose.services.size())
               .arg(inv.publicUrls().size())
        << Qt::endl;
    return 0;
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.labdeck.Labdeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/labdeck.svg")));
    installTranslations(app);

    GuiOptions options;
    QString error;
    int exitCode = 2;
    if (!parseGuiOptions(app, &options, &error, &exitCode)) {
        if (!error.isEmpty())
            QTextStream(stderr) << error << Qt::endl;
        return exitCode;
    }
    LabWindow lab(options);
    if (!lab.start())
        return 2;
    if (options.auditShortcuts) {
        // Every menu and shortcut of the window as built, in the UI language.
        const QStringList clashes = ShortcutAudit::auditWindow(lab.window());
        QTextStream out(stdout);
        for (const QString &c : clashes)
            out << c << Qt::endl;
        out << "clashes: " << clashes.size() << Qt::endl;
        return clashes.isEmpty() ? 0 : 1;
    }
    if (!options.screenshot.isEmpty()) {
        takeScreenshotWhenSettled(&lab, options.screenshot, options.screenshotSize,
                                  !options.simulate.isEmpty());
        return app.exec();
    }
    if (options.quitAfterPaint) {
        lab.window()->notifyFirstPaint([&app] {
            const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch());
            QTextStream(stdout) << "first-paint-epoch-us=" << qint64(now.count()) << Qt::endl;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        });
    }
    // Resident: with a tray, closing the window can keep Labdeck watching.
    const bool tray = lab.tray()->show();
    if (tray)
        QApplication::setQuitOnLastWindowClosed(false);
    if (options.minimized && !tray)
        QTextStream(stderr) << QCoreApplication::translate(
                                   "labdeck::app",
                                   "labdeck: --minimized: there is no system tray in this "
                                   "session; showing the window")
                            << Qt::endl;
    if (!options.minimized || !tray)
        lab.window()->show();
    return app.exec();
}

} // namespace labdeck::app
