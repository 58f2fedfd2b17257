#pragma once

#include "inventory/inventory.h"
#include "kube/execapproval.h"

#include <QObject>
#include <QHash>
#include <QPointer>
#include <QUrl>
#include <QThread>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;

namespace labdeck {

namespace kube {
class Authenticator;
class CredentialProvider;
class KubeActions;
class KubeSession;
} // namespace kube
namespace demolab {
class KubeSimulator;
}
namespace remote {
class CommandTransport;
}
namespace ssh {
class SshTransport;
enum class HostState;
} // namespace ssh
class SshPrompts;
class ClusterModels;
class ClusterPanes;
class MainWindow;

// Connects the window to a cluster: the demo lab's simulator (on its own
// thread), or a kubeconfig context (with its credentials, and the user's
// approval before any exec plugin runs). Owns the session; switching the
// context replaces it. UI thread.
class LabConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabConnection)
public:
    LabConnection(MainWindow *window, ClusterModels *models, ClusterPanes *panes, QObject *parent = nullptr);
    ~LabConnection() override;

    // The demo lab: a simulated cluster holding the lab of the inventory.
    void startDemo(const Inventory &lab);
    // A kubeconfig (explicit file, or $KUBECONFIG / ~/.kube/config when
    // empty) and a context (empty: its current-context).
    void startKubeconfig(const QString &file, const QString &context);

    // SSH to the inventory's hosts (ssh: endpoints and sources.sshAlias),
    // with host-key and passphrase questions shown over the window. A real
    // lab only; replaces the previous transport.
    void startSsh(const Inventory &lab);

    [[nodiscard]] bool isDemo() const { return m_demo; }
    // Demo lab: runs `work` on the simulator's thread with the simulator
    // (queued; returns at once; nothing happens before startDemo).
    void runOnSimulator(std::function<void(demolab::KubeSimulator *)> work);
    // Runs commands on the lab's hosts; null until startSsh (and in the demo lab).
    [[nodiscard]] remote::CommandTransport *transport() const;
    // Where Ollama is reached: the inventory's ollama.url, or, with
    // ollama.tunnel, the loopback end of an SSH tunnel to it.
    [[nodiscard]] QUrl ollamaUrl() const;
    [[nodiscard]] kube::KubeSession *session() const { return m_session.get(); }
    [[nodiscard]] kube::KubeActions *actions() const { return m_actions.get(); }

Q_SIGNALS:
    // The session is up (or failed to start, with why).
    void connected(const QString &name);
    void failed(const QString &error);
    // The lab's Prometheus: the inventory's, or the demo lab's simulated one.
    void prometheusReady(const QUrl &url, bool demo);

private:
    void useSession(std::unique_ptr<kube::KubeSession> session, const QString &name);
    void switchContext(int index);
    void stopSession();
    void fail(const QString &error);
    void showSshState();

    MainWindow *m_window;
    ClusterModels *m_models;
    ClusterPanes *m_panes;
    QComboBox *m_contexts;
    QLabel *m_insecure;
    QThread m_simulatorThread;
    // Lives on the simulator's thread and owns the simulator there, so the
    // seeding and every request are handled off the UI thread.
    QObject *m_simulatorHome = nullptr;
    bool m_demo = false;
    std::unique_ptr<kube::ExecApprovalStore> m_approvals;
    std::unique_ptr<kube::CredentialProvider> m_provider;
    std::unique_ptr<kube::Authenticator> m_auth;
    std::unique_ptr<kube::KubeSession> m_session;
    std::unique_ptr<kube::KubeActions> m_actions;
    std::unique_ptr<ssh::SshTransport> m_ssh;
    SshPrompts *m_prompts = nullptr;
    QUrl m_ollamaUrl;
    QPointer<QObject> m_ollamaTunnel;
    QHash<QString, QString> m_sshDetail; // host -> last state detail (an error)
    QLabel *m_sshLabel;
    QString m_kubeconfigFile;
    QStringList m_files;
};

} // namespace labdeck
