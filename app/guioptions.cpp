#include "guioptions.h"

#include "commandparser.h"

#include <QApplication>
#include <QCommandLineParser>

namespace labdeck::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck::app",
                                       text); // the context lupdate files them under
}

} // namespace

bool parseGuiOptions(QApplication &app, GuiOptions *options, QString *error, int *exitCode)
{
    *exitCode = 2;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Labdeck: a control panel for a small Kubernetes and Docker Compose homelab."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption inventory(
        QStringLiteral("inventory"),
        tr("Use FILE as the lab inventory instead of ~/.config/labdeck/lab.yaml."), tr("FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        tr("Render the main window to FILE (PNG) and exit; works without a display."), tr("FILE"));
    const QCommandLineOption screenshotSize(QStringLiteral("screenshot-size"),
                                            tr("Window size for --screenshot (default 1600x1000)."),
                                            tr("WIDTHxHEIGHT"), QStringLiteral("1600x1000"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        tr("Select ID at start, e.g. host:metamon or workload:apps/shlink."), tr("ID"));
    // For bench/startup: prints when the topology was first painted, then quits.
    QCommandLineOption quitAfterPaint(
        QStringLiteral("quit-after-first-paint"),
        QStringLiteral("Print the time of the first paint and exit."));
    quitAfterPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Run on the demo lab: a simulated cluster holding the lab of the inventory. "
           "This is the default when no lab is configured."));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        tr("Use only this kubeconfig file (default: $KUBECONFIG or ~/.kube/config)."), tr("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), tr("Use this kubeconfig context."),
                                     tr("NAME"));
    // Runs "Check all" once the cluster is connected (screenshots, demos).
    QCommandLineOption runChecks(QStringLiteral("run-checks"),
                                 QStringLiteral("Run all checks at start."));
    runChecks.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption simulate(QStringLiteral("simulate"),
                                      tr("Demo lab: switch these Demo → Simulate failure entries "
                                         "on at start, e.g. kubelet:bracky,deny:statefulsets "
                                         "(an unknown id lists them all)."),
                                      tr("ids"));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"),
        tr("Start in the system tray without opening the window (the window opens when there "
           "is no tray)."));
    QCommandLineOption auditShortcuts(
        QStringLiteral("audit-shortcuts"),
        QStringLiteral("Print every keyboard clash of the window and exit (1 when there is one)."));
    auditShortcuts.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({inventory, screenshot, screenshotSize, select, demo, kubeconfig, context,
                       quitAfterPaint, runChecks, simulate, minimized, auditShortcuts});
    if (!parseCommandLine(parser, app.arguments(), {}, 2, exitCode))
        return false;
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("labdeck: unexpected argument %1 (see labdeck --help)")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }

    options->inventory = parser.value(inventory);
    options->demo = parser.isSet(demo);
    options->kubeconfig = parser.value(kubeconfig);
    options->context = parser.value(context);
    options->select = parser.value(select);
    options->simulate = parser.value(simulate).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options->screenshot = parser.value(screenshot);
    options->runChecks = parser.isSet(runChecks);
    options->minimized = parser.isSet(minimized);
    options->quitAfterPaint = parser.isSet(quitAfterPaint);
    options->auditShortcuts = parser.isSet(auditShortcuts);
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(screenshotSize).split(QLatin1Char('x'));
        bool okW = false;
        bool okH = false;
        const int w = wh.value(0).toInt(&okW);
        const int h = wh.value(1).toInt(&okH);
        if (wh.size() != 2 || !okW || !okH || w < 320 || h < 240 || w > 8192 || h > 8192) {
            *error = tr("labdeck: --screenshot-size must be WIDTHxHEIGHT, "
                        "between 320x240 and 8192x8192, e.g. 1600x1000");
            return false;
        }
        options->screenshotSize = QSize(w, h);
    }
    return true;
}

} // namespace labdeck::app
