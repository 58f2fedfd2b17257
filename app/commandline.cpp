#include "commandline.h"

#include "charts/metricspanes.h"
#include "checks/checkspanes.h"
#include "clustermodels.h"
#include "demolab/demotransport.h"
#include "detailspanel.h"
#include "gpu/ollamaclient.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "kube/clusterpanes.h"
#include "kube/kubesession.h"
#include "kube/nodemetrics.h"
#include "kubemodels.h"
#include "labconnection.h"
#include "labmetrics.h"
#include "labselection.h"
#include "labstatus.h"
#include "mainwindow.h"
#include "palette/commandpalette.h"
#include "remoteservices.h"
#include "simulatemenu.h"
#include "topology/topologyview.h"
#include "wizards/createmenu.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QPointer>
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
    return hasArg(argc, argv, {"--screenshot", "--help", "-h", "--help-all", "--version", "-v"});
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
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.isSet(printDefault)) {
        out << QString::fromUtf8(InventoryLoader::builtInYaml());
        return 0;
    }
    if (!parser.isSet(validate)) {
        err << parser.helpText();
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
    parser.addOptions({inventory, screenshot, screenshotSize, select, demo, kubeconfig, context,
                       quitAfterPaint, runChecks, simulate});
    parser.process(app);

    HostModel model;
    LabSelection selection;
    MainWindow window(&model, &selection);
    const InventoryLocator::Choice choice = InventoryLocator::choose(parser.value(inventory));
    window.loadInventory(choice);
    ClusterModels cluster(&model);
    QObject::connect(&window, &MainWindow::reloadRequested, &cluster, &ClusterModels::retryNow);
    auto *panes = new ClusterPanes(&window, &cluster, &model, &selection);
    window.detailsPanel()->setClusterModels(&cluster);
    // Made before the connection, so the toolbar reads [context] [Check all].
    auto *checkPanes = new ChecksPanes(&window, &model, &selection);
    LabConnection connection(&window, &cluster, panes);
    auto *metrics = new MetricsPanes(&window, &model, &selection, &window);
    QObject::connect(&connection, &LabConnection::prometheusReady, metrics,
                     &MetricsPanes::setPrometheus);
    // Prometheus unreachable: the nodes' CPU and memory from metrics-server,
    // as a share of what each node can allocate.
    metrics->labMetrics()->setNodeMetricsFetch([&connection, &cluster](auto done) {
        kube::KubeClient *client = connection.session() ? connection.session()->client() : nullptr;
        kube::NodeMetrics::fetch(
            client,
            [&cluster, done](const QHash<QString, kube::NodeUsage> &usage, const QString &error) {
                QHash<QString, QPair<double, double>> percent;
                for (const kube::NodeInfo &node : cluster.nodes()->rows()) {
                    const auto it = usage.constFind(node.name);
                    const double cores = kube::parseQuantity(node.cpuAllocatable);
                    const double bytes = kube::parseQuantity(node.memoryAllocatable);
                    if (it != usage.cend() && cores > 0 && bytes > 0)
                        percent.insert(node.name, {100.0 * it->cpuCores / cores,
                                                   100.0 * it->memoryBytes / bytes});
                }
                done(percent, error);
            });
    });
    new CommandPalette(&window, &model, &selection); // Ctrl+K
    new CreateMenu(
        &window, [&model] { return model.inventory(); },
        [&connection] {
            return CreateMenu::Session{connection.session() ? connection.session()->client()
                                                            : nullptr,
                                       connection.actions()};
        });
    const bool checkAtStart = parser.isSet(runChecks);
    QObject::connect(&connection, &LabConnection::connected, checkPanes,
                     [&connection, checkPanes, checkAtStart] {
                         checkPanes->setKubeClient(
                             connection.session() ? connection.session()->client() : nullptr,
                             connection.isDemo());
                         if (checkAtStart)
                             checkPanes->checkAll();
                     });
    QObject::connect(&connection, &LabConnection::failed, checkPanes, [&connection, checkPanes] {
        checkPanes->setKubeClient(nullptr, connection.isDemo());
    });
    // With no lab configured (no inventory given or saved, no kubeconfig
    // asked for), Labdeck opens the demo lab.
    const bool useDemo =
        parser.isSet(demo) || (choice.source == InventoryLocator::Source::BuiltIn &&
                               !parser.isSet(kubeconfig) && !parser.isSet(context));
    if (useDemo)
        connection.startDemo(model.inventory());
    else {
        connection.startKubeconfig(parser.value(kubeconfig), parser.value(context));
        connection.startSsh(model.inventory());
    }
    if (!useDemo)
        metrics->setPrometheus(model.inventory().prometheusUrl, false);
    // Compose, Tailscale, nvidia-smi (remote commands) and Ollama (HTTP).
    RemoteServices remote(&window, &model, &selection);
    if (useDemo)
        remote.startDemo();
    else
        remote.startReal(connection.transport(), connection.ollamaUrl());
    // The checks reach the same hosts and services as the panes.
    if (useDemo) {
        checkPanes->setTransport(remote.demoTransport());
        if (remote.ollama())
            checkPanes->setOllamaUrl(remote.ollama()->baseUrl());
    } else {
        checkPanes->setTransport(connection.transport());
        checkPanes->setOllamaUrl(connection.ollamaUrl());
    }
    QObject::connect(&connection, &LabConnection::prometheusReady, checkPanes,
                     [checkPanes](const QUrl &url, bool) { checkPanes->setPrometheusUrl(url); });
    // Demo → Simulate failure: how the lab looks when it breaks.
    if (useDemo) {
        QMenu *demoMenu = window.addMenuBeforeHelp(tr("&Demo"));
        SimulateMenu::Hooks hooks;
        hooks.simulator = [&connection](std::function<void(demolab::KubeSimulator *)> work) {
            connection.runOnSimulator(std::move(work));
        };
        hooks.transport = remote.demoTransport();
        hooks.expireCertificate = [checkPanes](const QString &host, bool expired) {
            checkPanes->setDemoCertificateExpired(host, expired);
        };
        auto *simulateMenu = new SimulateMenu(demoMenu->addMenu(tr("Simulate &failure")),
                                              model.inventory(), std::move(hooks), &window);
        if (parser.isSet(simulate)) {
            const QStringList ids =
                parser.value(simulate).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &id : ids) {
                if (!simulateMenu->action(id)) {
                    QTextStream(stderr)
                        << tr("labdeck: --simulate: no failure %1; one of:\n  %2")
                               .arg(id, simulateMenu->ids().join(QStringLiteral("\n  ")))
                        << Qt::endl;
                    return 2;
                }
            }
            // Once the demo lab is up, as if each entry had been clicked.
            auto *once = new QObject(&window);
            QObject::connect(&connection, &LabConnection::connected, once,
                             [simulateMenu, ids, once] {
                                 for (const QString &id : ids)
                                     simulateMenu->action(id)->trigger();
                                 once->deleteLater();
                             });
        }
    } else if (parser.isSet(simulate)) {
        QTextStream(stderr) << tr("labdeck: --simulate works on the demo lab only (--demo)")
                            << Qt::endl;
        return 2;
    }
    const bool simulating = parser.isSet(simulate);
    window.setWindowTitle(useDemo ? tr("%1 (demo lab)").arg(window.windowTitle())
                                  : window.windowTitle());
    if (parser.isSet(select)) {
        const QString id = parser.value(select);
        if (model.indexForId(id).isValid() || id.startsWith(QLatin1String("url:")))
            selection.select(id);
        else
            QTextStream(stderr) << tr("labdeck: --select: nothing in the lab has the id %1").arg(id)
                                << Qt::endl;
    }

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(screenshotSize).split(QLatin1Char('x'));
        bool okW = false;
        bool okH = false;
        const int w = wh.value(0).toInt(&okW);
        const int h = wh.value(1).toInt(&okH);
        if (wh.size() != 2 || !okW || !okH || w < 320 || h < 240 || w > 8192 || h > 8192) {
            QTextStream(stderr) << tr("labdeck: --screenshot-size must be WIDTHxHEIGHT, "
                                      "between 320x240 and 8192x8192, e.g. 1600x1000")
                                << Qt::endl;
            return 2;
        }
        const QString path = parser.value(screenshot);
        window.useDefaultLayout();
        window.resize(w, h);
        window.show();
        // Take the picture once the cluster's state has arrived (or after 5 s).
        auto *waited = new QElapsedTimer;
        waited->start();
        auto *poll = new QTimer(&window);
        poll->start(100);
        QObject::connect(
            poll, &QTimer::timeout, &window,
            [&window, &app, &cluster, path, poll, waited, simulating] {
                const bool synced = cluster.status()->isLive() &&
                                    (cluster.health() == Health::Ok ||
                                     (simulating && cluster.health() != Health::Unknown));
                if (!synced && waited->elapsed() < 5000)
                    return;
                // Let the lab status and details settle (they follow at most
                // twice a second); a simulated failure takes a moment more.
                if (synced && waited->elapsed() < (simulating ? 2500 : 800))
                    return;
                poll->stop();
                delete waited;
                cluster.status()->update();
                window.topologyView()->fitToWindow();
                const QImage image = window.grab().toImage();
                if (!image.save(path, "PNG")) {
                    QTextStream(stderr)
                        << tr("labdeck: could not write the screenshot to %1").arg(path)
                        << Qt::endl;
                    app.exit(1);
                    return;
                }
                QTextStream(stdout)
                    << tr("Wrote %1 (%2x%3)").arg(path).arg(image.width()).arg(image.height())
                    << Qt::endl;
                app.exit(0);
            });
        return app.exec();
    }

    if (parser.isSet(quitAfterPaint)) {
        window.notifyFirstPaint([&app] {
            const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch());
            QTextStream(stdout) << "first-paint-epoch-us=" << qint64(now.count()) << Qt::endl;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        });
    }
    window.show();
    return app.exec();
}

} // namespace labdeck::app
