#include "labconnection.h"

#include "clustermodels.h"
#include "kube/clusterpanes.h"
#include "kube/execapprovaldialog.h"
#include "kube/kubeactions.h"
#include "kube/kubesession.h"
#include "kube/providerauthenticator.h"
#include "lab/lab.h"
#include "mainwindow.h"
#include "ssh/sshprompts.h"
#include "ssh/sshtransport.h"

#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QTextStream>

namespace labdeck {

LabConnection::LabConnection(MainWindow *window, ClusterModels *models, ClusterPanes *panes,
                             lab::Lab *lab, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_models(models)
    , m_panes(panes)
    , m_lab(lab)
    , m_contexts(new QComboBox)
    , m_insecure(new QLabel)
    , m_sshLabel(new QLabel)
{
    m_contexts->setAccessibleName(tr("Kubernetes context"));
    m_contexts->setToolTip(tr("Kubernetes context (from the kubeconfig)"));
    m_contexts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_window->addToolBarWidget(m_contexts);
    connect(m_contexts, &QComboBox::activated, this, [this](int index) {
        if (index < 0 || m_lab->isDemo())
            return;
        // The session goes before the lab replaces it.
        m_panes->setSession(nullptr, nullptr);
        m_models->setSession(nullptr);
        m_lab->switchContext(m_contexts->itemText(index));
    });
    // A warning that stays while TLS verification is off for the context.
    m_insecure->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: #d0312d; padding: 0 6px; }"));
    m_insecure->hide();
    m_window->statusBar()->addPermanentWidget(m_insecure);
    m_sshLabel->setObjectName(QStringLiteral("sshState"));
    m_sshLabel->hide();
    m_window->statusBar()->addPermanentWidget(m_sshLabel);

    QPointer<MainWindow> asker(m_window);
    m_lab->setExecApprovalHook(
        [asker](const kube::ExecApprovalRequest &request, std::function<void(bool, bool)> answer) {
            askExecApproval(asker, request, std::move(answer));
        });
    connect(m_lab, &lab::Lab::kubeReady, this, &LabConnection::useSession);
    connect(m_lab, &lab::Lab::kubeFailed, this, &LabConnection::fail);
}

LabConnection::~LabConnection()
{
    delete m_prompts;
    m_panes->setSession(nullptr, nullptr);
    m_models->setSession(nullptr);
}

void LabConnection::start()
{
    m_lab->start();
    if (ssh::SshTransport *ssh = m_lab->ssh()) {
        m_prompts = new SshPrompts(ssh, m_window, this);
        connect(ssh, &ssh::SshTransport::hostStateChanged, this,
                [this](const QString &host, ssh::HostState, const QString &detail) {
                    m_sshDetail.insert(host, detail);
                    showSshState();
                });
        showSshState();
    }
}

void LabConnection::fail(const QString &error)
{
    m_panes->setSession(nullptr, nullptr);
    m_models->setSession(nullptr);
    showTarget();
    QTextStream(stderr) << error << Qt::endl;
    Q_EMIT failed(error);
}

void LabConnection::useSession()
{
    kube::KubeSession *session = m_lab->session();
    showTarget();
    m_models->setSession(session);
    m_panes->setSession(m_lab->actions(), session->client());
    Q_EMIT connected(session->name());
}

void LabConnection::showTarget()
{
    const lab::KubeTarget &target = m_lab->kubeTarget();
    m_contexts->clear();
    m_contexts->addItems(target.contexts);
    m_contexts->setEnabled(!m_lab->isDemo() && target.contexts.size() > 1);
    m_contexts->setCurrentText(target.name);
    if (!target.resolved) {
        m_insecure->hide();
        return;
    }
    const kube::ResolvedContext &resolved = *target.resolved;
    if (resolved.cluster.insecureSkipTlsVerify) {
        m_insecure->setText(tr("TLS not verified for %1").arg(target.name));
        m_insecure->setToolTip(
            tr("%1 sets insecure-skip-tls-verify: anyone between you and %2 can read and "
               "change what Labdeck sends, credentials included. Give the cluster's CA "
               "(certificate-authority-data) instead.")
                .arg(resolved.cluster.sourceFile, resolved.cluster.server.toString()));
        m_insecure->show();
    } else if (const QString refusal = kube::ProviderAuthenticator::plainHttpRefusal(resolved);
               !refusal.isEmpty()) {
        // Every call fails with this text; the label says it once, where it stays.
        m_insecure->setText(tr("Credentials not sent: %1 is plain http://").arg(target.name));
        m_insecure->setToolTip(refusal);
        m_insecure->show();
    } else {
        m_insecure->hide();
    }
}

void LabConnection::showSshState()
{
    // "pochama SSH ●" for each host Labdeck has tried to reach.
    QStringList parts;
    QStringList tips;
    if (ssh::SshTransport *ssh = m_lab->ssh()) {
        for (const QString &host : ssh->hosts()) {
            const ssh::HostState state = ssh->state(host);
            QString mark;
            switch (state) {
            case ssh::HostState::Disconnected:
                continue;
            case ssh::HostState::Connecting:
                mark = QStringLiteral("◌");
                break;
            case ssh::HostState::Connected:
                mark = QStringLiteral("●");
                break;
            case ssh::HostState::Failed:
                mark = QStringLiteral("✕");
                break;
            }
            parts << tr("%1 SSH %2").arg(host, mark);
            const QString detail = m_sshDetail.value(host);
            tips << (detail.isEmpty()
                         ? tr("%1: SSH %2").arg(host, ssh::hostStateText(state))
                         : tr("%1: SSH %2 — %3").arg(host, ssh::hostStateText(state), detail));
        }
    }
    m_sshLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_sshLabel->setToolTip(tips.join(QLatin1Char('\n')));
    m_sshLabel->setVisible(!parts.isEmpty());
}

} // namespace labdeck
