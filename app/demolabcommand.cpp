// `labdeck demolab`: the demo lab's Kubernetes API as a headless server, for
// kubectl, k9s or a second Labdeck to talk to.

#include "demolabcommand.h"

#include "commandparser.h"
#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "logging_p.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <csignal>
#include <functional>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace labdeck::app {

using demolab::KubeSimulator;

namespace {

// The write end of the self-pipe the signal handler pokes (a signal handler
// can only reach a plain variable).
int g_signalFd = -1;

void onSignal(int)
{
    const char byte = 1;
    if (g_signalFd >= 0)
        (void)::write(g_signalFd, &byte, 1);
}

class DemoLabCommand
{
    Q_DECLARE_TR_FUNCTIONS(DemoLabCommand)
public:
    static QString description()
    {
        return tr("Serves the demo lab's Kubernetes API until interrupted (Ctrl+C).");
    }
    static QString kubeconfigHelp()
    {
        return tr("Write a kubeconfig for the demo lab to <file> (required).");
    }
    static QString fileName() { return tr("file"); }
    static QString portHelp()
    {
        return tr("Listen on <port> on 127.0.0.1 (default: any free port).");
    }
    static QString portName() { return tr("port"); }
    static QString tlsHelp()
    {
        return tr("Serve HTTPS with a certificate authority made for this run (needs openssl).");
    }
    static QString inventoryHelp()
    {
        return tr("Seed the demo lab from this inventory file instead of the built-in lab.");
    }
    static QString readyDelayHelp()
    {
        return tr("Milliseconds until new pods turn Ready (default 1500).");
    }
    static QString millisecondsName() { return tr("ms"); }
    static QString missingKubeconfig()
    {
        return tr("labdeck demolab: --kubeconfig FILE is required.");
    }
    static QString badPort(const QString &value)
    {
        return tr("labdeck demolab: invalid port \"%1\".").arg(value);
    }
    static QString cannotListen()
    {
        return tr("labdeck demolab: cannot listen; is the port in use?");
    }
    static QString noOpenssl()
    {
        return tr("labdeck demolab: --tls needs the openssl command, which was not found.");
    }
    static QString opensslFailed(const QString &detail)
    {
        return tr("labdeck demolab: making the TLS certificate failed: %1").arg(detail);
    }
    static QString serving(const QString &url)
    {
        return tr("Demo lab Kubernetes API at %1").arg(url);
    }
    static QString wrote(const QString &file)
    {
        return tr("Kubeconfig written to %1; use it with:").arg(file);
    }
    static QString stopHint() { return tr("Press Ctrl+C to stop."); }
    static QString plainHttpNote()
    {
        return tr("Note: kubectl (client-go) sends a kubeconfig's token only over HTTPS, so it "
                  "gets 401 from this "
                  "plain HTTP server; use --tls for kubectl.");
    }
    static QString stopped() { return tr("Demo lab stopped."); }
};

// Makes a CA and a server certificate for 127.0.0.1 with openssl, one
// process after another (never waiting), then calls done(ok, error).
class CertificateMaker final : public QObject
{
public:
    CertificateMaker(QString directory, QString openssl, std::function<void(bool, QString)> done)
        : m_dir(std::move(directory))
        , m_openssl(std::move(openssl))
        , m_done(std::move(done))
    {
        QFile ext(m_dir + QStringLiteral("/server.ext"));
        if (ext.open(QIODevice::WriteOnly))
            ext.write(
                "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
                "keyUsage=digitalSignature,keyEncipherment\n");
        const QString ec = QStringLiteral("ec");
        const QString curve = QStringLiteral("ec_paramgen_curve:prime256v1");
        m_steps = {
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec,
             QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             path("ca.key"), QStringLiteral("-out"), path("ca.crt"), QStringLiteral("-days"),
             QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=labdeck-demo-ca")},
            {QStringLiteral("req"), QStringLiteral("-newkey"), ec, QStringLiteral("-pkeyopt"),
             curve, QStringLiteral("-nodes"), QStringLiteral("-keyout"), path("server.key"),
             QStringLiteral("-out"), path("server.csr"), QStringLiteral("-subj"),
             QStringLiteral("/CN=labdeck-demo-apiserver")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             path("server.csr"), QStringLiteral("-CA"), path("ca.crt"), QStringLiteral("-CAkey"),
             path("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
             path("server.crt"), QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-extfile"), path("server.ext")},
        };
        next();
    }

    QString path(const char *name) const { return m_dir + QLatin1Char('/') + QLatin1String(name); }

private:
    void next()
    {
        if (m_step >= m_steps.size()) {
            m_done(true, {});
            return;
        }
        auto *process = new QProcess(this);
        process->setProcessChannelMode(QProcess::MergedChannels);
        connect(process, &QProcess::finished, this,
                [this, process](int code, QProcess::ExitStatus status) {
                    process->deleteLater();
                    if (status != QProcess::NormalExit || code != 0) {
                        m_done(false, QString::fromLocal8Bit(process->readAll()).trimmed());
                        return;
                    }
                    ++m_step;
                    next();
                });
        connect(process, &QProcess::errorOccurred, this,
                [this, process](QProcess::ProcessError error) {
                    if (error == QProcess::FailedToStart)
                        m_done(false, process->errorString());
                });
        process->start(m_openssl, m_steps.at(m_step));
    }

    QString m_dir;
    QString m_openssl;
    std::function<void(bool, QString)> m_done;
    QList<QStringList> m_steps;
    qsizetype m_step = 0;
};

} // namespace

int runDemoLabCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(DemoLabCommand::description());
    parser.addHelpOption();
    const QCommandLineOption kubeconfigOption(
        QStringLiteral("kubeconfig"), DemoLabCommand::kubeconfigHelp(), DemoLabCommand::fileName());
    const QCommandLineOption portOption(QStringLiteral("port"), DemoLabCommand::portHelp(),
                                        DemoLabCommand::portName(), QStringLiteral("0"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"), DemoLabCommand::tlsHelp());
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"), DemoLabCommand::inventoryHelp(), DemoLabCommand::fileName());
    const QCommandLineOption readyOption(
        QStringLiteral("ready-delay"), DemoLabCommand::readyDelayHelp(),
        DemoLabCommand::millisecondsName(), QStringLiteral("1500"));
    // For bench/kubepods: extra pods, and "modify N" lines on stdin that make
    // N pods change (N MODIFIED watch events).
    QCommandLineOption bulkOption(QStringLiteral("bulk-pods"),
                                  QStringLiteral("Add N running pods."), QStringLiteral("N"),
                                  QStringLiteral("0"));
    bulkOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption controlOption(QStringLiteral("control-stdin"),
                                     QStringLiteral("Read \"modify N\" commands on stdin."));
    controlOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({kubeconfigOption, portOption, tlsOption, inventoryOption, readyOption,
                       bulkOption, controlOption});
    QStringList arguments = app.arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("demolab"))
        arguments.removeAt(1);
    int usageExit = 2;
    if (!parseCommandLine(parser, arguments, QStringLiteral("demolab"), 2, &usageExit))
        return usageExit;

    const QString kubeconfig = parser.value(kubeconfigOption);
    if (kubeconfig.isEmpty()) {
        err << DemoLabCommand::missingKubeconfig() << Qt::endl;
        return 2;
    }
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << DemoLabCommand::badPort(parser.value(portOption)) << Qt::endl;
        return 2;
    }
    const InventoryLoadResult loaded =
        parser.isSet(inventoryOption) ? InventoryLoader::loadFile(parser.value(inventoryOption))
                                      : InventoryLoader::loadBuiltIn();
    if (!loaded.ok()) {
        err << loaded.errorText() << Qt::endl;
        return 1;
    }

    KubeSimulator simulator(*loaded.inventory);
    simulator.setReadyDelay(std::chrono::milliseconds(parser.value(readyOption).toLongLong()));
    if (const int bulk = parser.value(bulkOption).toInt(); bulk > 0)
        simulator.addBulkPods(bulk);
    std::unique_ptr<QSocketNotifier> control;
    if (parser.isSet(controlOption)) {
        control = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(control.get(), &QSocketNotifier::activated, &app, [&] {
            char buffer[256];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer - 1);
            if (n <= 0) {
                control->setEnabled(false);
                app.quit(); // the controlling process went away
                return;
            }
            const QList<QByteArray> words = QByteArray(buffer, n).trimmed().split(' ');
            if (words.size() == 2 && words.first() == "modify") {
                simulator.modifyPods(words.at(1).toInt());
                out << "modified " << words.at(1).toInt() << Qt::endl;
            }
        });
    }
    // Each request served, with QT_LOGGING_RULES=labdeck.app.debug=true.
    QObject::connect(&simulator, &KubeSimulator::requestServed, &app,
                     [](const QString &method, const QString &path, int status) {
                         qCDebug(lcApp).noquote() << method << path << status;
                     });

    int signalPipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> notifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        g_signalFd = signalPipe[0];
        notifier = std::make_unique<QSocketNotifier>(signalPipe[1], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &app, [&] {
            char byte = 0;
            (void)::read(signalPipe[1], &byte, 1);
            out << DemoLabCommand::stopped() << Qt::endl;
            app.quit();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }

    int exitCode = 0;
    auto serve = [&](bool listening) {
        if (!listening) {
            err << DemoLabCommand::cannotListen() << Qt::endl;
            exitCode = 1;
            app.exit(1);
            return;
        }
        QString error;
        if (!simulator.writeKubeconfig(kubeconfig, &error)) {
            err << error << Qt::endl;
            exitCode = 1;
            app.exit(1);
            return;
        }
        out << DemoLabCommand::serving(simulator.url().toString()) << Qt::endl
            << DemoLabCommand::wrote(kubeconfig) << Qt::endl
            << QStringLiteral("  export KUBECONFIG=") << QFileInfo(kubeconfig).absoluteFilePath()
            << Qt::endl
            << DemoLabCommand::stopHint() << Qt::endl;
        if (simulator.url().scheme() == QLatin1String("http"))
            err << DemoLabCommand::plainHttpNote() << Qt::endl;
    };

    QTemporaryDir certificates;
    std::unique_ptr<CertificateMaker> maker;
    if (parser.isSet(tlsOption)) {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            err << DemoLabCommand::noOpenssl() << Qt::endl;
            return 1;
        }
        maker = std::make_unique<CertificateMaker>(
            certificates.path(), openssl, [&](bool ok, const QString &detail) {
                if (!ok) {
                    err << DemoLabCommand::opensslFailed(detail) << Qt::endl;
                    exitCode = 1;
                    app.exit(1);
                    return;
                }
                auto read = [&](const char *name) {
                    QFile f(maker->path(name));
                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                };
                KubeSimulator::Tls tls;
                tls.certificate = QSslCertificate(read("server.crt"));
                tls.key = QSslKey(read("server.key"), QSsl::Ec);
                tls.caCertificates = QSslCertificate::fromData(read("ca.crt"));
                serve(simulator.listenTls(tls, QHostAddress::LocalHost, quint16(port)));
            });
    } else {
        serve(simulator.listen(QHostAddress::LocalHost, quint16(port)));
        if (exitCode != 0)
            return exitCode;
    }
    const int result = app.exec();
    g_signalFd = -1;
    for (const int fd : signalPipe) {
        if (fd >= 0)
            ::close(fd);
    }
    return exitCode != 0 ? exitCode : result;
}

} // namespace labdeck::app
