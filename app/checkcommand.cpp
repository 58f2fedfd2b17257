#include "checkcommand.h"

#include "checks/checkrunner.h"
#include "checks/checkschedule.h"
#include "checks/exporter.h"
#include "checks/metricsserver.h"
#include "commandline.h"
#include "commandparser.h"
#include "common/gotime.h"
#include "historycommand.h"
#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "lab/lab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <csignal>
#include <map>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace labdeck::app {

namespace {

constexpr int kCouldNotRun = 3;

QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck::app",
                                       text); // the context lupdate files them under
}

// The write end of the self-pipe SIGINT and SIGTERM poke (a signal handler
// can only reach a plain variable).
int g_signalFd = -1;

void onSignal(int)
{
    const char byte = 1;
    if (g_signalFd >= 0)
        (void)::write(g_signalFd, &byte, 1);
}

// SIGINT and SIGTERM quit the event loop (systemctl stop, Ctrl+C): the
// server closes its socket and the command exits 0.
std::unique_ptr<QSocketNotifier> quitOnSignals(QCoreApplication &app)
{
    static int fds[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return {};
    g_signalFd = fds[0];
    auto notifier = std::make_unique<QSocketNotifier>(fds[1], QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        (void)::read(fds[1], &byte, 1);
        app.exit(0);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return notifier;
}

// --interval and --cert-interval: a Go duration of at least a second.
std::optional<std::chrono::milliseconds> interval(const QString &text)
{
    const auto d = parseGoDuration(text);
    if (!d || *d < std::chrono::seconds(1) || *d > std::chrono::hours(24 * 7))
        return std::nullopt;
    return d;
}

// A directory --textfile can write into, or why not (naming the file).
QString textfileProblem(const QString &dir)
{
    const QFileInfo info(dir);
    const QString path =
        QDir(dir).filePath(QLatin1String(checks::MetricsExposition::kTextfileName));
    if (!info.exists())
        return tr("--textfile: cannot write %1: the directory %2 does not exist").arg(path, dir);
    if (!info.isDir())
        return tr("--textfile: cannot write %1: %2 is not a directory").arg(path, dir);
    if (!info.isWritable())
        return tr("--textfile: cannot write %1: the directory %2 is not writable").arg(path, dir);
    return {};
}

void print(const QList<checks::CheckResult> &unordered, const checks::RunSummary &summary,
           bool json, const QString &inventory)
{
    // Category order, then as they came: the same table every night.
    QList<checks::CheckResult> results = unordered;
    const QStringList order = checks::allCategories();
    std::stable_sort(results.begin(), results.end(), [&order](const auto &a, const auto &b) {
        return order.indexOf(a.category) < order.indexOf(b.category);
    });
    QTextStream out(stdout);
    if (json)
        out << QJsonDocument(checks::CheckReport::toJson(results, summary, inventory))
                   .toJson(QJsonDocument::Indented);
    else
        out << checks::CheckReport::toText(results, summary);
    out.flush();
}

} // namespace

int runCheckCommand(int argc, char **argv)
{
    QList<char *> args = subcommandArguments(argc, argv);
    int n = int(args.size());
    QCoreApplication app(n, args.data());
    setIdentity();
    installTranslations(app);
    // What went wrong is in the results; cron mails whatever reaches stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("labdeck.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Checks the lab without a window: certificates, Traefik "
                                        "routes, endpoints, tunnels, Kubernetes, "
                                        "Prometheus, GPU.\nExit code: 0 all ok, 1 a warning, 2 a "
                                        "critical result, 3 a check could not run."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("category"),
                                 tr("What to check: %1 or all (default: all).")
                                     .arg(checks::allCategories().join(QStringLiteral(", "))),
                                 QStringLiteral("[category...]"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print JSON (schema in docs/checks.md)."));
    const QCommandLineOption inventory(QStringLiteral("inventory"),
                                       tr("Use FILE as the lab inventory."), tr("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Check the demo lab (a simulated cluster and loopback TLS servers)."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     tr("Seconds each target may take (default 10)."), tr("S"),
                                     QStringLiteral("10"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"), tr("Also trust the CA certificates in FILE (PEM) for this run."),
        tr("FILE"));
    const QCommandLineOption resolve(
        QStringLiteral("resolve"),
        tr("Connect to ADDRESS for HOST:PORT (as curl); TLS still checks HOST."),
        tr("HOST:PORT:ADDRESS"));
    const QCommandLineOption connectTo(QStringLiteral("connect-to"),
                                       tr("Connect to ADDRESS:PORT2 for HOST:PORT (as curl)."),
                                       tr("HOST:PORT:ADDRESS:PORT2"));
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        tr("Kubeconfig for the k8s check (default: $KUBECONFIG or ~/.kube/config)."), tr("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), tr("Kubeconfig context."),
                                     tr("NAME"));
    const QCommandLineOption traefikApi(
        QStringLiteral("traefik-api"),
        tr("Traefik's router API (default: the dashboard URL + /api/http/routers)."), tr("URL"));
    const QCommandLineOption warnDays(
        QStringLiteral("warn-days"),
        tr("Warn when a certificate has fewer days left (default 21)."), tr("N"),
        QStringLiteral("21"));
    const QCommandLineOption criticalDays(
        QStringLiteral("critical-days"),
        tr("Critical when a certificate has fewer days left (default 7)."), tr("N"),
        QStringLiteral("7"));
    const QCommandLineOption simulate(
        QStringLiteral("simulate"),
        tr("With --demo: put the demo lab into these failures first, as Demo → Simulate failure "
           "does, "
           "e.g. kubelet:bracky,deny:statefulsets (an unknown id lists them all)."),
        tr("IDS"));
    const QCommandLineOption serve(
        QStringLiteral("serve"),
        tr("Serve the results as Prometheus metrics on http://ADDRESS:PORT/metrics, re-running the "
           "checks on a schedule; a bare PORT listens on 127.0.0.1. Runs until SIGINT or "
           "SIGTERM."),
        tr("ADDRESS:PORT"));
    const QCommandLineOption every(
        QStringLiteral("interval"),
        tr("With --serve: run the checks every DURATION (Go style: 90s, 5m, 1h; default 5m)."),
        tr("DURATION"), QStringLiteral("5m"));
    const QCommandLineOption certEvery(
        QStringLiteral("cert-interval"),
        tr("With --serve: check the certificates every DURATION (default 6h)."), tr("DURATION"),
        QStringLiteral("6h"));
    const QCommandLineOption textfile(
        QStringLiteral("textfile"),
        tr("Also write the metrics to DIR/labdeck.prom (atomically) for node_exporter's textfile "
           "collector; with --serve after every round."),
        tr("DIR"));
    const QCommandLineOption record(QStringLiteral("record"),
                                    tr("Also add the results to the history ($LABDECK_HISTORY or "
                                       "~/.local/share/labdeck/labdeck/history.sqlite), as the "
                                       "window does; with --serve after every "
                                       "round."));
    parser.addOptions({json, inventory, demo, timeout, caFile, resolve, connectTo, kubeconfig,
                       context, traefikApi, warnDays, criticalDays, simulate, serve, every,
                       certEvery, textfile, record});
    QTextStream err(stderr);
    int exitCode = kCouldNotRun;
    if (!parseCommandLine(parser, QCoreApplication::arguments(), QStringLiteral("check"),
                          kCouldNotRun, &exitCode))
        return exitCode;

    QStringList categories;
    for (const QString &c : parser.positionalArguments()) {
        if (c == QLatin1String("all"))
            categories += checks::allCategories();
        else if (checks::allCategories().contains(c))
            categories << c;
        else {
            err << tr("labdeck check: there is no check called \"%1\"; use %2 or all")
                       .arg(c, checks::allCategories().join(QStringLiteral(", ")))
                << Qt::endl;
            return kCouldNotRun;
        }
    }
    if (categories.isEmpty())
        categories = checks::allCategories();
    categories.removeDuplicates();

    checks::CheckContext ctx;
    bool ok = false;
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 600) {
        err << tr("labdeck check: --timeout must be a number of seconds between 0 and 600")
            << Qt::endl;
        return kCouldNotRun;
    }
    ctx.options.timeout = std::chrono::milliseconds(qint64(seconds * 1000));
    const int warn = parser.value(warnDays).toInt(&ok);
    bool ok2 = false;
    const int crit = parser.value(criticalDays).toInt(&ok2);
    if (!ok || !ok2 || warn < 0 || crit < 0) {
        err << tr("labdeck check: --warn-days and --critical-days take a whole number of days")
            << Qt::endl;
        return kCouldNotRun;
    }
    ctx.options.thresholds.certWarningDays = warn;
    ctx.options.thresholds.certCriticalDays = crit;
    QString error;
    for (const QString &f : parser.values(caFile)) {
        if (!ctx.options.addCaFile(f, &error)) {
            err << QStringLiteral("labdeck check: ") << error << Qt::endl;
            return kCouldNotRun;
        }
    }
    for (const QString &r : parser.values(resolve)) {
        if (!ctx.options.addResolve(r, &error)) {
            err << QStringLiteral("labdeck check: ") << error << Qt::endl;
            return kCouldNotRun;
        }
    }
    for (const QString &r : parser.values(connectTo)) {
        if (!ctx.options.addConnectTo(r, &error)) {
            err << QStringLiteral("labdeck check: ") << error << Qt::endl;
            return kCouldNotRun;
        }
    }
    if (parser.isSet(traefikApi)) {
        ctx.options.traefikApiUrl = QUrl(parser.value(traefikApi));
        if (!ctx.options.traefikApiUrl.isValid() || ctx.options.traefikApiUrl.host().isEmpty()) {
            err << tr("labdeck check: --traefik-api needs a URL such as "
                      "https://traefik.example.com/api/http/routers")
                << Qt::endl;
            return kCouldNotRun;
        }
    }

    std::optional<checks::ListenAddress> listenAt;
    if (parser.isSet(serve)) {
        listenAt = checks::ListenAddress::parse(parser.value(serve));
        if (!listenAt) {
            err << tr("labdeck check: --serve needs PORT or ADDRESS:PORT, such as 9464, "
                      "127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464")
                << Qt::endl;
            return kCouldNotRun;
        }
        if (parser.isSet(json)) {
            err << tr("labdeck check: --json prints one run; with --serve the results are on "
                      "/metrics")
                << Qt::endl;
            return kCouldNotRun;
        }
    } else if (parser.isSet(every) || parser.isSet(certEvery)) {
        err << tr("labdeck check: --interval and --cert-interval work with --serve") << Qt::endl;
        return kCouldNotRun;
    }
    const auto roundEvery = interval(parser.value(every));
    const auto certRoundEvery = interval(parser.value(certEvery));
    if (!roundEvery || !certRoundEvery) {
        err << tr("labdeck check: --interval and --cert-interval take a duration between 1s and "
                  "168h, such as 90s, 5m or 6h")
            << Qt::endl;
        return kCouldNotRun;
    }
    const QString textfileDir = parser.value(textfile);
    if (parser.isSet(textfile)) {
        const QString problem = textfileProblem(textfileDir);
        if (!problem.isEmpty()) {
            err << QStringLiteral("labdeck check: ") << problem << Qt::endl;
            return kCouldNotRun;
        }
    }

    const bool useDemo = parser.isSet(demo);
    if (parser.isSet(simulate) && !useDemo) {
        err << tr("labdeck check: --simulate works on the demo lab only (--demo)") << Qt::endl;
        return kCouldNotRun;
    }
    if (useDemo && parser.isSet(inventory)) {
        err << tr("labdeck check: give either --inventory or --demo, not both") << Qt::endl;
        return kCouldNotRun;
    }
    const InventoryLocator::Choice choice = useDemo
                                                ? InventoryLocator::choose(QString())
                                                : InventoryLocator::choose(parser.value(inventory));
    const InventoryLoadResult loaded = useDemo || choice.source == InventoryLocator::Source::BuiltIn
                                           ? InventoryLoader::loadBuiltIn()
                                           : InventoryLoader::loadFile(choice.path);
    if (!loaded.ok()) {
        err << loaded.errorText() << Qt::endl;
        err << tr("labdeck check: the inventory did not load, nothing was checked") << Qt::endl;
        return kCouldNotRun;
    }
    ctx.inventory = *loaded.inventory;
    const QString inventoryName = useDemo ? QStringLiteral("demo") : choice.describe();

    std::unique_ptr<lab::Lab> lab;
    if (useDemo) {
        lab = lab::Lab::demo(ctx.inventory);
    } else {
        lab::RealLabOptions real;
        real.kubeconfig = parser.value(kubeconfig);
        real.context = parser.value(context);
        real.interactive = false; // cron: nobody can answer a question
        real.connectKube = categories.contains(QLatin1String("k8s"));
        lab = lab::Lab::real(ctx.inventory, real);
        // The window keeps a red label up for this; a cron run says it on stderr.
        QObject::connect(lab.get(), &lab::Lab::kubeReady, &app, [&lab] {
            const lab::KubeTarget &target = lab->kubeTarget();
            if (target.resolved && target.resolved->cluster.insecureSkipTlsVerify)
                QTextStream(stderr)
                    << tr("labdeck check: warning: context %1 sets insecure-skip-tls-verify in %2: "
                          "TLS is not verified, so anyone between you and %3 can read and change "
                          "what Labdeck sends, credentials included. Give the cluster's CA "
                          "(certificate-authority-data) instead.")
                           .arg(target.resolved->context.name, target.resolved->cluster.sourceFile,
                                target.resolved->cluster.server.toString(QUrl::RemoveUserInfo))
                    << Qt::endl;
        });
    }

    // --record: the history file, opened at the first results.
    std::shared_ptr<CheckRecorder> recorder;
    if (parser.isSet(record))
        recorder = std::make_shared<CheckRecorder>(useDemo);
    auto recordResults = [recorder](const QList<checks::CheckResult> &results,
                                    const QDateTime &at) {
        if (!recorder)
            return true;
        QString why;
        if (recorder->record(results, at.isValid() ? at : QDateTime::currentDateTimeUtc(), &why))
            return true;
        QTextStream(stderr) << QStringLiteral("labdeck check: --record: ") << why << Qt::endl;
        return false;
    };

    std::unique_ptr<checks::CheckRunner> runner;
    const bool asJson = parser.isSet(json);
    const checks::CheckOptions options = ctx.options;
    std::function<void()> launch = [&runner, &lab, &app, options, categories, asJson, inventoryName,
                                    recordResults] {
        lab->prepareChecks(
            options, categories,
            [&runner, &app, categories, asJson, inventoryName,
             recordResults](checks::CheckContext prepared, checks::CheckRegistry registry) {
                runner = std::make_unique<checks::CheckRunner>(std::move(registry));
                QObject::connect(runner.get(), &checks::CheckRunner::finished, &app,
                                 [&runner, &app, asJson, inventoryName,
                                  recordResults](const checks::RunSummary &summary) {
                                     print(runner->results(), summary, asJson, inventoryName);
                                     const bool recorded =
                                         recordResults(runner->results(), summary.startedAt);
                                     app.exit(recorded ? summary.exitCode() : kCouldNotRun);
                                 });
                runner->start(categories, prepared);
            });
    };

    // --serve and --textfile: one runner per category, so each keeps its
    // own schedule and never overlaps itself.
    std::map<QString, std::unique_ptr<checks::CheckRunner>> runners;
    std::unique_ptr<checks::CheckSchedule> schedule;
    std::unique_ptr<checks::MetricsServer> server;
    std::unique_ptr<QSocketNotifier> signalNotifier;
    if (listenAt || !textfileDir.isEmpty()) {
        const bool serving = listenAt.has_value();
        schedule = std::make_unique<checks::CheckSchedule>(
            [&runners, &lab, options](const QString &category, checks::CheckSchedule::Done done) {
                lab->prepareChecks(
                    options, {category},
                    [&runners, category, done](checks::CheckContext prepared,
                                               checks::CheckRegistry registry) {
                        auto &r = runners[category];
                        r = std::make_unique<checks::CheckRunner>(std::move(registry));
                        checks::CheckRunner *raw = r.get();
                        QObject::connect(raw, &checks::CheckRunner::finished, raw,
                                         [raw, done](const checks::RunSummary &summary) {
                                             done(raw->results(), summary.durationMs);
                                         });
                        raw->start({category}, prepared);
                    });
            });
        for (const QString &c : std::as_const(categories))
            schedule->addCategory(c, c == QLatin1String("certs") ? *certRoundEvery : *roundEvery);
        const QString version = QCoreApplication::applicationVersion();
        auto metrics = [&schedule, version, serving] {
            return checks::MetricsExposition::render(schedule->states(), version, serving);
        };
        auto writeTextfile = [metrics, textfileDir] {
            QString why;
            if (checks::MetricsExposition::writeTextfile(textfileDir, metrics(), &why))
                return true;
            QTextStream(stderr) << QStringLiteral("labdeck check: --textfile: ") << why << Qt::endl;
            return false;
        };
        // Serving, the file follows every round (a failed write is said and
        // retried after the next one).
        if (serving && !textfileDir.isEmpty())
            QObject::connect(schedule.get(), &checks::CheckSchedule::roundFinished, &app,
                             [writeTextfile] { (void)writeTextfile(); });
        // Serving, every round goes into the history (a failure is said, the
        // serving goes on).
        if (serving && recorder)
            QObject::connect(schedule.get(), &checks::CheckSchedule::roundFinished, &app,
                             [&schedule, recordResults](const QString &category) {
                                 if (const auto *st = schedule->state(category))
                                     (void)recordResults(st->results, st->lastRun);
                             });
        if (serving) {
            server = std::make_unique<checks::MetricsServer>(metrics);
            QString why;
            if (!server->listen(*listenAt, &why)) {
                err << QStringLiteral("labdeck check: --serve: ") << why << Qt::endl;
                return kCouldNotRun;
            }
            listenAt->port = server->port();
            err << tr("labdeck check: serving the checks' metrics on http://%1/metrics")
                       .arg(listenAt->toString())
                << Qt::endl;
            signalNotifier = quitOnSignals(app);
            launch = [&schedule] { schedule->start(true); };
        } else {
            // One round of each category, the usual report, then the file.
            auto begun = std::make_shared<QElapsedTimer>();
            auto startedAt = std::make_shared<QDateTime>();
            QObject::connect(schedule.get(), &checks::CheckSchedule::allFinished, &app,
                             [&schedule, &app, begun, startedAt, asJson, inventoryName, categories,
                              writeTextfile, recordResults] {
                                 QList<checks::CheckResult> results;
                                 checks::RunSummary summary;
                                 summary.startedAt = *startedAt;
                                 summary.categories = categories;
                                 for (const checks::CheckSchedule::State *st : schedule->states()) {
                                     results += st->results;
                                     for (const checks::CheckResult &r : st->results)
                                         summary.add(r.severity);
                                 }
                                 summary.durationMs = begun->elapsed();
                                 print(results, summary, asJson, inventoryName);
                                 const bool written = writeTextfile();
                                 const bool recorded = recordResults(results, *startedAt);
                                 app.exit(written && recorded ? summary.exitCode() : kCouldNotRun);
                             });
            launch = [&schedule, begun, startedAt] {
                begun->start();
                *startedAt = QDateTime::currentDateTimeUtc();
                schedule->start(false);
            };
        }
    }

    auto finish = [&](int code) {
        if (server)
            server->close();
        if (schedule)
            schedule->stop();
        runners.clear();
        runner.reset();
        return code;
    };

    if (!useDemo) {
        lab->start();
        QTimer::singleShot(0, &app, launch);
        return finish(app.exec());
    }
    // The demo lab: once its cluster answers (or could not start), the
    // simulated failures, then a moment for them to play out (crash loops,
    // image pulls, a rollout's progress deadline).
    const bool network = categories.contains(QLatin1String("certs")) ||
                         categories.contains(QLatin1String("routes")) ||
                         categories.contains(QLatin1String("endpoints"));
    const QStringList failures = parser.value(simulate).split(QLatin1Char(','), Qt::SkipEmptyParts);
    lab->start(); // the cluster answers queued, once the loop runs
    SimulatedFailures::Targets targets = lab->failureTargets();
    if (!network)
        targets.expireCertificate = nullptr; // no HTTPS server runs: nothing to expire
    QStringList offered;
    for (const SimulatedFailures::Failure &f : SimulatedFailures::list(ctx.inventory, targets))
        offered << f.id;
    for (const QString &id : failures) {
        if (!offered.contains(id)) {
            err << tr("labdeck check: --simulate: no failure %1 for these checks; one of:\n  %2")
                       .arg(id, offered.join(QStringLiteral("\n  ")))
                << Qt::endl;
            return kCouldNotRun;
        }
    }
    const int settleMs = failures.isEmpty() ? 0 : 4000;
    auto begin = [&lab, &app, &ctx, targets, failures, settleMs, launch] {
        for (const QString &id : failures)
            SimulatedFailures::apply(ctx.inventory, targets, id, true);
        QTimer::singleShot(settleMs, &app, launch);
    };
    QObject::connect(lab.get(), &lab::Lab::kubeReady, &app, begin);
    QObject::connect(lab.get(), &lab::Lab::kubeFailed, &app, begin);
    return finish(app.exec());
}

} // namespace labdeck::app
