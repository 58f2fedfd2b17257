#pragma once

#include "inventory/inventory.h"
#include "kube/execapproval.h"

#include <QObject>
#include <QPointer>
#include <QThread>

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

    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] kube::KubeSession *session() const { return m_session.get(); }
    [[nodiscard]] kube::KubeActions *actions() const { return m_actions.get(); }

Q_SIGNALS:
    // The session is up (or failed to start, with why).
    void connected(const QString &name);
    void failed(const QString &error);

private:
    void useSession(std::unique_ptr<kube::KubeSession> session, const QString &name);
    void switchContext(int index);
    void stopSession();
    void fail(const QString &error);

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
    QString m_kubeconfigFile;
    QStringList m_files;
};

} // namespace labdeck
