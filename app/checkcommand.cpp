#include "checkcommand.h"

#include "checks/checkrunner.h"
#include "commandline.h"
#include "demolab/demochecks.h"
#include "demolab/kubesimulator.h"
#include "demolab/demotransport.h"
#include "demolab/ollamareplay.h"
#include "demolab/promsimulator.h"
#include "simulatedfailures.h"
#include "ssh/sshtransport.h"
#include "ssh/sshtunnel.h"
#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "kube/credentials.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/providerauthenticator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace labdeck::app {

namespace {

constexpr int kCouldNotRun = 3;

QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck::app", text); // the context lupdate files them under
}

// Everything one headless run owns, torn down in reverse order at exit.
struct Run
{
    std::unique_ptr<demolab::KubeSimulator> simulator;
    std::unique_ptr<demolab::DemoCheckLab> demo;
    std::unique_ptr<kube::ExecApprovalStore> approvals;
    std::unique_ptr<kube::CredentialProvider> provider;
    std::unique_ptr<kube::Authenticator> auth;
    std::unique_ptr<kube::KubeClient> client;
    // The lab's hosts: SSH for a real lab (asking nothing: an unknown host
    // key or a locked key fails with why), the demo lab's transport, its
    // Prometheus and its Ollama.
    std::unique_ptr<ssh::SshTransport> ssh;
    std::unique_ptr<demolab::DemoTransport> demoTransport;
    std::unique_ptr<demolab::PromSimulator> prometheus;
    std::unique_ptr<demolab::OllamaReplay> ollama;
    std::unique_ptr<checks::CheckRunner> runner;
};

// A cluster for the k8s check from a kubeconfig; on failure ctx says why.
void connectKubeconfig(Run &run, checks::CheckContext &ctx, const QString &file,
                       const QString &contextName)
{
    const QStringList files = file.isEmpty() ? kube::KubeConfig::defaultFiles() : QStringList{file};
    const kube::KubeConfigLoadResult loaded =
        file.isEmpty() ? kube::KubeConfig::load(files) : kube::KubeConfig::loadExplicit(file);
    if (!loaded.ok()) {
        QStringList lines;
        for (const LocatedError &e : loaded.errors)
            lines << e.toString();
        ctx.kubeUnavailable = lines.join(QStringLiteral("; "));
        return;
    }
    const kube::KubeConfig &config = *loaded.config;
    const QString name = contextName.isEmpty() ? config.currentContext() : contextName;
    QString error;
    const auto resolved = config.resolve(name, &error);
    if (!resolved) {
        ctx.kubeUnavailable = error;
        return;
    }
    // The window keeps a red label up for this; a cron run says it on stderr.
    if (resolved->cluster.insecureSkipTlsVerify)
        QTextStream(stderr)
            << tr("labdeck check: warning: context %1 sets insecure-skip-tls-verify in %2: TLS is "
                  "not verified, so anyone between you and %3 can read and change what Labdeck "
                  "sends, credentials included. Give the cluster's CA "
                  "(certificate-authority-data) instead.")
                   .arg(resolved->context.name, resolved->cluster.sourceFile,
                        resolved->cluster.server.toString(QUrl::RemoveUserInfo))
            << Qt::endl;
    // Exec plugins run only when the user allowed them in the window before
    // (the same approvals file); a cron run cannot ask.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    run.approvals = std::make_unique<kube::ExecApprovalStore>(
        QDir(dir).filePath(QStringLiteral("labdeck/exec-approvals.json")));
    run.provider = std::make_unique<kube::CredentialProvider>(*resolved, run.approvals.get());
    run.auth = std::make_unique<kube::ProviderAuthenticator>(run.provider.get());
    run.client = std::make_unique<kube::KubeClient>(resolved->cluster.server, run.auth.get());
    run.client->setProxy(resolved->networkProxy());
    ctx.kube = run.client.get();
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
        tr("With --demo: put the demo lab into these failures first, as Demo → Simulate failure does, "
           "e.g. kubelet:bracky,deny:statefulsets (an unknown id lists them all)."),
        tr("IDS"));
    parser.addOptions({json, inventory, demo, timeout, caFile, resolve, connectTo, kubeconfig,
                       context, traefikApi, warnDays, criticalDays, simulate});
    QTextStream err(stderr);
    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << Qt::endl << parser.helpText();
        return kCouldNotRun;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }

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

    Run run;
    const bool asJson = parser.isSet(json);
    auto launch = [&run, &ctx, &app, categories, asJson,
                   inventoryName](checks::CheckRegistry registry) {
        run.runner = std::make_unique<checks::CheckRunner>(std::move(registry));
        QObject::connect(run.runner.get(), &checks::CheckRunner::finished, &app,
                         [&run, &app, asJson, inventoryName](const checks::RunSummary &summary) {
                             print(run.runner->results(), summary, asJson, inventoryName);
                             app.exit(summary.exitCode());
                         });
        run.runner->start(categories, ctx);
    };

    if (useDemo) {
        run.demoTransport = std::make_unique<demolab::DemoTransport>(ctx.inventory);
        ctx.transport = run.demoTransport.get();
        run.prometheus = std::make_unique<demolab::PromSimulator>(ctx.inventory);
        if (run.prometheus->listen())
            ctx.prometheusUrl = run.prometheus->url();
        run.ollama = std::make_unique<demolab::OllamaReplay>();
        run.ollama->useDemoResponses();
        if (run.ollama->listen())
            ctx.ollamaUrl = run.ollama->url();
        run.simulator = std::make_unique<demolab::KubeSimulator>(ctx.inventory);
        if (run.simulator->listen()) {
            auto auth = std::make_unique<kube::StaticAuthenticator>(
                run.simulator->bearerToken(), QSslConfiguration::defaultConfiguration());
            auth->allowPlainHttpOnLoopback(); // our own simulator, on a loopback port
            run.auth = std::move(auth);
            run.client = std::make_unique<kube::KubeClient>(run.simulator->url(), run.auth.get());
            ctx.kube = run.client.get();
        } else {
            ctx.kubeUnavailable = tr("the demo lab's cluster could not listen on a loopback port");
        }
        const bool network = categories.contains(QLatin1String("certs")) ||
                             categories.contains(QLatin1String("routes")) ||
                             categories.contains(QLatin1String("endpoints"));
        if (network)
            run.demo = std::make_unique<demolab::DemoCheckLab>(ctx.inventory);
        // Simulated failures, then a moment for them to play out (crash
        // loops, image pulls, a rollout's progress deadline).
        int settleMs = 0;
        if (parser.isSet(simulate)) {
            SimulatedFailures::Targets targets;
            demolab::KubeSimulator *sim = run.simulator.get();
            targets.simulator = [sim](std::function<void(demolab::KubeSimulator *)> work) { work(sim); };
            targets.transport = run.demoTransport.get();
            if (run.demo) {
                demolab::DemoCheckLab *lab = run.demo.get();
                targets.expireCertificate = [lab](const QString &host, bool on) { lab->setCertificateExpired(host, on); };
            }
            for (const QString &id : parser.value(simulate).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!SimulatedFailures::apply(ctx.inventory, targets, id, true)) {
                    QStringList ids;
                    for (const SimulatedFailures::Failure &f : SimulatedFailures::list(ctx.inventory, targets))
                        ids << f.id;
                    err << tr("labdeck check: --simulate: no failure %1 for these checks; one of:\n  %2")
                               .arg(id, ids.join(QStringLiteral("\n  ")))
                        << Qt::endl;
                    return kCouldNotRun;
                }
            }
            settleMs = 4000;
        }
        if (network) {
            QObject::connect(run.demo.get(), &demolab::DemoCheckLab::ready, &app,
                             [&run, &ctx, &app, launch, settleMs](bool) {
                                 QTimer::singleShot(settleMs, &app, [&run, &ctx, launch] {
                                     checks::CheckRegistry registry = checks::builtInChecks();
                                     run.demo->apply(&ctx.options, &registry);
                                     launch(std::move(registry));
                                 });
                             });
            run.demo->start();
        } else {
            QTimer::singleShot(settleMs, &app, [launch] { launch(checks::builtInChecks()); });
        }
    } else {
        // Nobody can confirm an unknown host key here: it fails at once, with
        // the command that adds it.
        ssh::SshOptions sshOptions = ssh::SshOptions::defaults();
        sshOptions.askAboutHostKeys = false;
        run.ssh = std::make_unique<ssh::SshTransport>(sshOptions);
        run.ssh->setInventory(ctx.inventory);
        // Headless: nobody can answer, so every question is declined.
        QObject::connect(run.ssh.get(), &ssh::SshTransport::hostKeyQuestion, run.ssh.get(),
                         [&run](const ssh::HostKeyQuestion &q) { run.ssh->answerHostKey(q.id, ssh::HostKeyAnswer::Refuse); });
        QObject::connect(run.ssh.get(), &ssh::SshTransport::passphraseQuestion, run.ssh.get(),
                         [&run](const ssh::PassphraseQuestion &q) { run.ssh->answerPassphrase(q.id, {}, true, false); });
        ctx.transport = run.ssh.get();
        if (!ctx.inventory.ollamaTunnel.isEmpty() && ctx.inventory.ollamaUrl.isValid()) {
            ssh::SshTunnel *tunnel = run.ssh->openTunnel(ctx.inventory.ollamaTunnel, ctx.inventory.ollamaUrl.host(),
                                                         quint16(ctx.inventory.ollamaUrl.port(11434)), run.ssh.get());
            QUrl local = tunnel->localUrl();
            local.setPath(ctx.inventory.ollamaUrl.path());
            ctx.ollamaUrl = local;
        }
        if (categories.contains(QLatin1String("k8s")))
            connectKubeconfig(run, ctx, parser.value(kubeconfig), parser.value(context));
        QTimer::singleShot(0, &app, [launch] { launch(checks::builtInChecks()); });
    }
    return app.exec();
}

} // namespace labdeck::app
