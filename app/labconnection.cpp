#include "labconnection.h"

#include "clustermodels.h"
#include "demolab/kubesimulator.h"
#include "demolab/promsimulator.h"
#include "kube/clusterpanes.h"
#include "kube/credentials.h"
#include "kube/execapprovaldialog.h"
#include "kube/kubeactions.h"
#include "kube/kubeconfig.h"
#include "kube/kubesession.h"
#include "kube/providerauthenticator.h"
#include "mainwindow.h"
#include "ssh/sshprompts.h"
#include "ssh/sshtransport.h"
#include "ssh/sshtunnel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>
#include <QToolBar>

namespace labdeck {

LabConnection::LabConnection(MainWindow *window, ClusterModels *models, ClusterPanes *panes, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_models(models)
    , m_panes(panes)
    , m_contexts(new QComboBox)
    , m_insecure(new QLabel)
    , m_sshLabel(new QLabel)
{
    m_contexts->setAccessibleName(tr("Kubernetes context"));
    m_contexts->setToolTip(tr("Kubernetes context (from the kubeconfig)"));
    m_contexts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_window->addToolBarWidget(m_contexts);
    connect(m_contexts, &QComboBox::activated, this, &LabConnection::switchContext);
    // A warning that stays while TLS verification is off for the context.
    m_insecure->setStyleSheet(QStringLiteral("QLabel { color: white; background: #d0312d; padding: 0 6px; }"));
    m_insecure->hide();
    m_window->statusBar()->addPermanentWidget(m_insecure);
    m_sshLabel->setObjectName(QStringLiteral("sshState"));
    m_sshLabel->hide();
    m_window->statusBar()->addPermanentWidget(m_sshLabel);
}

LabConnection::~LabConnection()
{
    delete m_prompts;
    m_ssh.reset(); // stops the SSH worker threads
    stopSession();
    if (m_simulatorHome)
        m_simulatorHome->deleteLater(); // and the simulator with it, on its thread
    m_simulatorThread.quit();
    m_simulatorThread.wait(); // the simulator thread only serves loopback; it stops promptly
}

void LabConnection::stopSession()
{
    m_panes->setSession(nullptr, nullptr);
    m_models->setSession(nullptr);
    m_actions.reset();
    m_session.reset();
    m_auth.reset();
    m_provider.reset();
}

void LabConnection::fail(const QString &error)
{
    QTextStream(stderr) << error << Qt::endl;
    Q_EMIT failed(error);
}

void LabConnection::useSession(std::unique_ptr<kube::KubeSession> session, const QString &name)
{
    m_session = std::move(session);
    m_actions = std::make_unique<kube::KubeActions>(m_session->client());
    m_models->setSession(m_session.get());
    m_panes->setSession(m_actions.get(), m_session->client());
    Q_EMIT connected(name);
}

void LabConnection::startDemo(const Inventory &lab)
{
    stopSession();
    m_contexts->clear();
    m_contexts->addItem(tr("demo lab"));
    m_contexts->setEnabled(false);
    m_insecure->hide();
    m_demo = true;
    if (!m_simulatorHome) {
        m_simulatorHome = new QObject;
        m_simulatorHome->moveToThread(&m_simulatorThread);
        m_simulatorThread.setObjectName(QStringLiteral("demolab"));
        m_simulatorThread.start();
    }
    // The simulator is made (the lab seeded) and listens on its own thread;
    // the answer comes back queued.
    QPointer<LabConnection> self(this);
    QObject *home = m_simulatorHome;
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
            Q_EMIT self->prometheusReady(promUrl, true);
            if (!ok) {
                self->fail(tr("demo lab: could not listen on a loopback port"));
                return;
            }
            auto auth = std::make_unique<kube::StaticAuthenticator>(
                token, QSslConfiguration::defaultConfiguration());
            auth->allowPlainHttpOnLoopback(); // our own simulator, on a loopback port
            self->m_auth = std::move(auth);
            self->useSession(std::make_unique<kube::KubeSession>(tr("demo lab"), url, self->m_auth.get()), tr("demo lab"));
        });
    });
}

void LabConnection::runOnSimulator(std::function<void(demolab::KubeSimulator *)> work)
{
    QObject *home = m_simulatorHome;
    if (!home)
        return;
    QMetaObject::invokeMethod(home, [home, work = std::move(work)] {
        if (auto *sim = home->findChild<demolab::KubeSimulator *>())
            work(sim);
    });
}

void LabConnection::startKubeconfig(const QString &file, const QString &context)
{
    stopSession();
    m_files = file.isEmpty() ? kube::KubeConfig::defaultFiles() : QStringList{file};
    const kube::KubeConfigLoadResult loaded = file.isEmpty() ? kube::KubeConfig::load(m_files)
                                                             : kube::KubeConfig::loadExplicit(file);
    if (!loaded.ok()) {
        QStringList lines;
        for (const LocatedError &e : loaded.errors)
            lines << e.toString();
        fail(lines.join(QLatin1Char('\n')));
        return;
    }
    const kube::KubeConfig &config = *loaded.config;
    m_contexts->clear();
    m_contexts->addItems(config.contextNames());
    m_contexts->setEnabled(config.contextNames().size() > 1);
    const QString name = context.isEmpty() ? config.currentContext() : context;
    m_contexts->setCurrentText(name);
    QString error;
    const auto resolved = config.resolve(name, &error);
    if (!resolved) {
        fail(error);
        return;
    }
    if (resolved->cluster.insecureSkipTlsVerify) {
        m_insecure->setText(tr("TLS not verified for %1").arg(name));
        m_insecure->setToolTip(tr("%1 sets insecure-skip-tls-verify: anyone between you and %2 can read and "
                                  "change what Labdeck sends, credentials included. Give the cluster's CA "
                                  "(certificate-authority-data) instead.")
                                   .arg(resolved->cluster.sourceFile, resolved->cluster.server.toString()));
        m_insecure->show();
    } else if (const QString refusal = kube::ProviderAuthenticator::plainHttpRefusal(*resolved);
               !refusal.isEmpty()) {
        // Every call fails with this text; the label says it once, where it stays.
        m_insecure->setText(tr("Credentials not sent: %1 is plain http://").arg(name));
        m_insecure->setToolTip(refusal);
        m_insecure->show();
    } else {
        m_insecure->hide();
    }
    if (!m_approvals) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        m_approvals = std::make_unique<kube::ExecApprovalStore>(QDir(dir).filePath(QStringLiteral("labdeck/exec-approvals.json")));
    }
    m_provider = std::make_unique<kube::CredentialProvider>(*resolved, m_approvals.get());
    QPointer<MainWindow> window(m_window);
    m_provider->setApprovalHook([window](const kube::ExecApprovalRequest &request,
                                         std::function<void(bool, bool)> answer) {
        askExecApproval(window, request, std::move(answer));
    });
    m_auth = std::make_unique<kube::ProviderAuthenticator>(m_provider.get());
    auto session = std::make_unique<kube::KubeSession>(name, resolved->cluster.server, m_auth.get());
    session->client()->setProxy(resolved->networkProxy());
    useSession(std::move(session), name);
}

void LabConnection::startSsh(const Inventory &lab)
{
    delete m_prompts;
    m_prompts = nullptr;
    m_ssh = std::make_unique<ssh::SshTransport>();
    m_ssh->setInventory(lab);
    m_prompts = new SshPrompts(m_ssh.get(), m_window, this);
    m_sshDetail.clear();
    connect(m_ssh.get(), &ssh::SshTransport::hostStateChanged, this,
            [this](const QString &host, ssh::HostState, const QString &detail) {
                m_sshDetail.insert(host, detail);
                showSshState();
            });
    showSshState();
    m_ollamaUrl = lab.ollamaUrl;
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

QUrl LabConnection::ollamaUrl() const
{
    return m_ollamaUrl;
}

remote::CommandTransport *LabConnection::transport() const
{
    return m_ssh.get();
}

void LabConnection::showSshState()
{
    // "pochama SSH ●" for each host Labdeck has tried to reach.
    QStringList parts;
    QStringList tips;
    if (m_ssh) {
        for (const QString &host : m_ssh->hosts()) {
            const ssh::HostState state = m_ssh->state(host);
            QString mark;
            switch (state) {
            case ssh::HostState::Disconnected: continue;
            case ssh::HostState::Connecting: mark = QStringLiteral("◌"); break;
            case ssh::HostState::Connected: mark = QStringLiteral("●"); break;
            case ssh::HostState::Failed: mark = QStringLiteral("✕"); break;
            }
            parts << tr("%1 SSH %2").arg(host, mark);
            const QString detail = m_sshDetail.value(host);
            tips << (detail.isEmpty() ? tr("%1: SSH %2").arg(host, ssh::hostStateText(state))
                                      : tr("%1: SSH %2 — %3").arg(host, ssh::hostStateText(state), detail));
        }
    }
    m_sshLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_sshLabel->setToolTip(tips.join(QLatin1Char('\n')));
    m_sshLabel->setVisible(!parts.isEmpty());
}

void LabConnection::switchContext(int index)
{
    if (isDemo() || index < 0)
        return;
    const QString name = m_contexts->itemText(index);
    if (m_session && m_session->name() == name)
        return;
    startKubeconfig(m_files.size() == 1 ? m_files.first() : QString(), name);
}

} // namespace labdeck
