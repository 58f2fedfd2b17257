#include "lab/lab.h"

#include "compose/composeservice.h"
#include "demolab/demochecks.h"
#include "demolab/demotransport.h"
#include "demolab/kubesimulator.h"
#include "demolab/ollamareplay.h"
#include "demolab/promsimulator.h"
#include "gpu/gpumonitor.h"
#include "kube/kubeactions.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"
#include "kube/providerauthenticator.h"
#include "ollama/ollamaclient.h"
#include "ssh/sshtransport.h"
#include "ssh/sshtunnel.h"
#include "tailscale/tailscalemonitor.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>

namespace labdeck::lab {

namespace {
// Periods: nvidia-smi every few seconds; the rest less often.
constexpr std::chrono::milliseconds kGpuMs = std::chrono::seconds(5);
constexpr std::chrono::milliseconds kOllamaMs = std::chrono::seconds(10);
constexpr int kComposeMs = 15000;
constexpr std::chrono::milliseconds kTailscaleMs = std::chrono::seconds(30);
constexpr std::chrono::milliseconds kWebUiMs = std::chrono::seconds(30);
} // namespace

Lab::Lab(Inventory inventory, bool demo, QObject *parent)
    : QObject(parent)
    , m_inventory(std::move(inventory))
    , m_demo(demo)
    , m_network(new QNetworkAccessManager(this))
{}

std::unique_ptr<Lab> Lab::demo(const Inventory &inventory, QObject *parent)
{
    return std::unique_ptr<Lab>(new Lab(inventory, true, parent));
}

std::unique_ptr<Lab> Lab::real(const Inventory &inventory, const RealLabOptions &options,
                               QObject *parent)
{
    std::unique_ptr<Lab> lab(new Lab(inventory, false, parent));
    lab->m_options = options;
    lab->m_prometheusUrl = inventory.prometheusUrl;
    lab->m_ollamaUrl = inventory.ollamaUrl;
    for (const Host &h : inventory.hosts) {
        for (const HostService &s : h.services) {
            if (s.name == QLatin1String("open-webui") && s.endpoint.isValid())
                lab->m_webuiUrl = s.endpoint;
        }
    }
    return lab;
}

Lab::~Lab()
{
    // The monitors use the transports; they go first.
    delete m_compose;
    delete m_tailscale;
    delete m_gpu;
    delete m_ollama;
    delete m_webui;
    m_ssh.reset(); // stops the SSH worker threads
    stopSession();
    if (m_simulatorHome)
        m_simulatorHome->deleteLater(); // and the simulator with it, on its thread
    m_simulatorThread.quit();
    m_simulatorThread.wait(); // the simulator thread only serves loopback; it stops promptly
}

void Lab::start()
{
    if (m_demo)
        startDemo();
    else
        startReal();
}

void Lab::setInventory(const Inventory &inventory)
{
    m_inventory = inventory;
    // The demo's HTTPS servers have the URLs of the old inventory.
    m_checkLab.reset();
    m_waitingForCheckLab.clear();
}

QString Lab::gpuHost() const
{
    for (const Host &h : m_inventory.hosts) {
        if (h.kind == HostKind::GpuServer)
            return h.name;
    }
    return {};
}

remote::CommandTransport *Lab::transport() const
{
    if (m_demoTransport)
        return m_demoTransport.get();
    return m_ssh.get();
}

// --- Kubernetes

void Lab::stopSession()
{
    m_actions.reset();
    m_session.reset();
    m_auth.reset();
    m_provider.reset();
}

void Lab::useSession(std::unique_ptr<kube::KubeSession> session)
{
    m_session = std::move(session);
    m_actions = std::make_unique<kube::KubeActions>(m_session->client());
    m_kubeError.clear();
    Q_EMIT kubeReady();
}

void Lab::failKube(const QString &error)
{
    m_kubeError = error;
    Q_EMIT kubeFailed(error);
}

void Lab::setExecApprovalHook(kube::CredentialProvider::ApprovalHook hook)
{
    m_approvalHook = std::move(hook);
    if (m_provider)
        m_provider->setApprovalHook(m_approvalHook);
}

void Lab::startDemo()
{
    m_target = KubeTarget{{tr("demo lab")}, tr("demo lab"), std::nullopt};
    m_demoTransport = std::make_unique<demolab::DemoTransport>(m_inventory);
    m_replay = std::make_unique<demolab::OllamaReplay>();
    m_demoTransport->setOllamaVramMiB(m_replay->useDemoResponses());
    if (m_replay->listen()) {
        m_ollamaUrl = m_replay->url();
        m_webuiUrl = m_replay->url();
    } else {
        QTextStream(stderr)
            << tr("labdeck: the demo lab's Ollama server could not listen on 127.0.0.1")
            << Qt::endl;
    }
    if (!m_simulatorHome) {
        m_simulatorHome = new QObject;
        m_simulatorHome->moveToThread(&m_simulatorThread);
        m_simulatorThread.setObjectName(QStringLiteral("demolab"));
        m_simulatorThread.start();
    }
    // The simulator is made (the lab seeded) and listens on its own thread;
    // the answer comes back queued.
    QPointer<Lab> self(this);
    QObject *home = m_simulatorHome;
    const Inventory lab = m_inventory;
    QMetaObject::invokeMethod(home, [self, home, lab] {
        auto *sim = home->findChild<demolab::KubeSimulator *>();
        if (!sim)
            sim = new demolab::KubeSimulator(lab, home);
        const bool ok = !sim->url().isEmpty() || sim->listen();
        const QUrl url = sim->url();
        const QString token = sim->bearerToken();
        // The demo's Prometheus answers the default chart queries.
        auto *prom = home->findChild<demolab::PromSimulator *>();
        if (!prom)
            prom = new demolab::PromSimulator(lab, home);
        const QUrl promUrl = !prom->url().isEmpty() || prom->listen() ? prom->url() : QUrl();
        QMetaObject::invokeMethod(self, [self, ok, url, token, promUrl] {
            if (!self)
                return;
            self->m_prometheusUrl = promUrl;
            Q_EMIT self->prometheusReady(promUrl);
            if (!ok) {
                self->failKube(tr("the demo lab's cluster could not listen on a loopback port"));
                return;
            }
            auto auth = std::make_unique<kube::StaticAuthenticator>(
                token, QSslConfiguration::defaultConfiguration());
            auth->allowPlainHttpOnLoopback(); // our own simulator, on a loopback port
            self->m_auth = std::move(auth);
            self->useSession(
                std::make_unique<kube::KubeSession>(tr("demo lab"), url, self->m_auth.get()));
        });
    });
}

void Lab::runOnSimulator(std::function<void(demolab::KubeSimulator *)> work)
{
    QObject *home = m_simulatorHome;
    if (!home)
        return;
    QMetaObject::invokeMethod(home, [home, work = std::move(work)] {
        if (auto *sim = home->findChild<demolab::KubeSimulator *>())
            work(sim);
    });
}

void Lab::startReal()
{
    if (m_options.connectKube) {
        m_files = m_options.kubeconfig.isEmpty() ? kube::KubeConfig::defaultFiles()
                                                 : QStringList{m_options.kubeconfig};
        connectKube(m_options.context);
    }
    startSsh();
    Q_EMIT prometheusReady(m_prometheusUrl);
}

void Lab::switchContext(const QString &context)
{
    if (m_demo || (m_session && m_session->name() == context))
        return;
    connectKube(context);
}

void Lab::connectKube(const QString &context)
{
    stopSession();
    const QString &file = m_options.kubeconfig;
    const kube::KubeConfigLoadResult loaded =
        file.isEmpty() ? kube::KubeConfig::load(m_files) : kube::KubeConfig::loadExplicit(file);
    if (!loaded.ok()) {
        QStringList lines;
        for (const LocatedError &e : loaded.errors)
            lines << e.toString();
        m_target = {};
        failKube(lines.join(QLatin1Char('\n')));
        return;
    }
    const kube::KubeConfig &config = *loaded.config;
    const QString name = context.isEmpty() ? config.currentContext() : context;
    m_target = KubeTarget{config.contextNames(), name, std::nullopt};
    QString error;
    m_target.resolved = config.resolve(name, &error);
    if (!m_target.resolved) {
        failKube(error);
        return;
    }
    const kube::ResolvedContext &resolved = *m_target.resolved;
    if (!m_approvals)
        m_approvals = std::make_unique<kube::ExecApprovalStore>(
            // One file for the window, its Settings and labdeck check.
            kube::ExecApprovalStore::defaultPath());
    m_provider = std::make_unique<kube::CredentialProvider>(resolved, m_approvals.get());
    // Exec plugins run when the user allows them (the window asks), or, with
    // nobody to ask, only when they allowed them in the window before.
    if (m_options.interactive && m_approvalHook)
        m_provider->setApprovalHook(m_approvalHook);
    m_auth = std::make_unique<kube::ProviderAuthenticator>(m_provider.get());
    auto session = std::make_unique<kube::KubeSession>(name, resolved.cluster.server, m_auth.get());
    session->client()->setProxy(resolved.networkProxy());
    useSession(std::move(session));
}

// --- SSH

void Lab::startSsh()
{
    ssh::SshOptions sshOptions = ssh::SshOptions::defaults();
    // Nobody can confirm an unknown host key headless: it fails at once,
    // with the command that adds it.
    sshOptions.askAboutHostKeys = m_options.interactive;
    m_ssh = std::make_unique<ssh::SshTransport>(sshOptions);
    m_ssh->setInventory(m_inventory);
    if (!m_options.interactive) {
        // Nobody can answer, so every question is declined.
        ssh::SshTransport *ssh = m_ssh.get();
        connect(ssh, &ssh::SshTransport::hostKeyQuestion, ssh,
                [ssh](const ssh::HostKeyQuestion &q) {
                    ssh->answerHostKey(q.id, ssh::HostKeyAnswer::Refuse);
                });
        connect(ssh, &ssh::SshTransport::passphraseQuestion, ssh,
                [ssh](const ssh::PassphraseQuestion &q) {
                    ssh->answerPassphrase(q.id, {}, true, false);
                });
    }
    const Inventory &lab = m_inventory;
    if (!lab.ollamaTunnel.isEmpty() && lab.ollamaUrl.isValid()) {
        // Ollama listens where the tunnel host can reach it (often its own
        // loopback); Labdeck talks to a loopback port here instead.
        ssh::SshTunnel *tunnel = m_ssh->openTunnel(lab.ollamaTunnel, lab.ollamaUrl.host(),
                                                   quint16(lab.ollamaUrl.port(11434)), m_ssh.get());
        m_ollamaTunnel = tunnel;
        QUrl local = tunnel->localUrl();
        local.setPath(lab.ollamaUrl.path());
        m_ollamaUrl = local;
        connect(tunnel, &ssh::SshTunnel::failed, this,
                [](const QString &error) { QTextStream(stderr) << error << Qt::endl; });
    }
}

// --- Monitors

void Lab::buildMonitors()
{
    if (m_compose || m_tailscale || m_gpu || m_ollama || m_webui)
        return;
    remote::CommandTransport *commands = transport();
    const QString gpu = gpuHost();
    if (!m_inventory.compose.host.isEmpty())
        m_compose = new compose::ComposeService(commands, m_inventory.compose.host, this);
    if (!m_inventory.tailscaleStatusHost.isEmpty())
        m_tailscale =
            new tailscale::TailscaleMonitor(commands, m_inventory.tailscaleStatusHost, this);
    if (!gpu.isEmpty())
        m_gpu = new gpu::GpuMonitor(commands, gpu, this);
    const QString ollamaHost = gpu.isEmpty() ? m_ollamaUrl.host() : gpu;
    if (m_ollamaUrl.isValid())
        m_ollama = new ollama::OllamaClient(m_network, m_ollamaUrl, ollamaHost, this);
    if (m_webuiUrl.isValid())
        m_webui = new ollama::WebUiProbe(m_network, m_webuiUrl, ollamaHost, this);
}

void Lab::startMonitors()
{
    buildMonitors();
    if (m_compose) {
        m_compose->setInterval(kComposeMs);
        m_compose->refresh();
    }
    if (m_tailscale)
        m_tailscale->start(kTailscaleMs);
    if (m_gpu)
        m_gpu->start(kGpuMs);
    if (m_ollama)
        m_ollama->start(kOllamaMs);
    if (m_webui)
        m_webui->start(kWebUiMs);
}

// --- Checks

checks::CheckContext Lab::checkContext(const checks::CheckOptions &options) const
{
    checks::CheckContext ctx;
    ctx.inventory = m_inventory;
    ctx.options = options;
    ctx.kube = m_session ? m_session->client() : nullptr;
    if (!ctx.kube) {
        QString why = m_kubeError;
        ctx.kubeUnavailable = why.isEmpty() ? tr("no Kubernetes cluster is connected")
                                            : why.replace(QLatin1Char('\n'), QStringLiteral("; "));
    }
    ctx.transport = transport();
    ctx.prometheusUrl = m_prometheusUrl;
    ctx.ollamaUrl = m_ollamaUrl;
    return ctx;
}

QString Lab::prepareChecks(const checks::CheckOptions &options, const QStringList &categories,
                           Ready ready)
{
    const bool network = categories.contains(QLatin1String("certs")) ||
                         categories.contains(QLatin1String("routes")) ||
                         categories.contains(QLatin1String("endpoints"));
    if (!m_demo || !network) {
        ready(checkContext(options), checks::builtInChecks());
        return {};
    }
    if (!m_checkLab) {
        // The demo's endpoints are made once (certificates by openssl), then reused.
        m_checkLab = std::make_unique<demolab::DemoCheckLab>(m_inventory);
        for (const QString &host : std::as_const(m_expiredCertificates))
            m_checkLab->setCertificateExpired(host, true);
        connect(m_checkLab.get(), &demolab::DemoCheckLab::ready, this, [this](bool) {
            const QList<std::function<void()>> waiting = std::exchange(m_waitingForCheckLab, {});
            for (const auto &go : waiting)
                go();
        });
        m_checkLab->start();
    }
    auto go = [this, options, ready = std::move(ready)] {
        checks::CheckContext ctx = checkContext(options);
        checks::CheckRegistry registry = checks::builtInChecks();
        if (m_checkLab)
            m_checkLab->apply(&ctx.options, &registry);
        ready(std::move(ctx), std::move(registry));
    };
    if (m_checkLab->isReady() || !m_checkLab->errorText().isEmpty()) {
        go();
        return {};
    }
    m_waitingForCheckLab.append(std::move(go));
    return tr("Making the demo lab's certificates…");
}

void Lab::setDemoCertificateExpired(const QString &host, bool expired)
{
    if (expired)
        m_expiredCertificates.insert(host);
    else
        m_expiredCertificates.remove(host);
    if (m_checkLab)
        m_checkLab->setCertificateExpired(host, expired);
}

SimulatedFailures::Targets Lab::failureTargets()
{
    SimulatedFailures::Targets targets;
    if (!m_demo)
        return targets;
    QPointer<Lab> self(this);
    targets.simulator = [self](std::function<void(demolab::KubeSimulator *)> work) {
        if (self)
            self->runOnSimulator(std::move(work));
    };
    targets.transport = m_demoTransport.get();
    targets.expireCertificate = [self](const QString &host, bool expired) {
        if (self)
            self->setDemoCertificateExpired(host, expired);
    };
    return targets;
}

} // namespace labdeck::lab
