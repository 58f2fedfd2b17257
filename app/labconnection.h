#pragma once

#include <QHash>
#include <QObject>

class QComboBox;
class QLabel;

namespace labdeck {

namespace lab {
class Lab;
}
class SshPrompts;
class ClusterModels;
class ClusterPanes;
class MainWindow;

// The window's side of the lab's connections: the context box of a real
// lab's kubeconfig, the warning label of a context whose TLS is not
// verified or whose credentials are held back, the exec-plugin approval
// dialog, the SSH host-key and passphrase questions over the window, the
// SSH state in the status bar; and hands the lab's Kubernetes session to
// the cluster models and panes. The lab builds the backends. UI thread.
class LabConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabConnection)
public:
    LabConnection(MainWindow *window, ClusterModels *models, ClusterPanes *panes, lab::Lab *lab,
                  QObject *parent = nullptr);
    ~LabConnection() override;

    // Starts the lab (its cluster, SSH) with the window's questions in place.
    void start();

Q_SIGNALS:
    // The session is up (or failed to start, with why).
    void connected(const QString &name);
    void failed(const QString &error);

private:
    void useSession();
    void fail(const QString &error);
    void showTarget();
    void showSshState();

    MainWindow *m_window;
    ClusterModels *m_models;
    ClusterPanes *m_panes;
    lab::Lab *m_lab;
    QComboBox *m_contexts;
    QLabel *m_insecure;
    QLabel *m_sshLabel;
    SshPrompts *m_prompts = nullptr;
    QHash<QString, QString> m_sshDetail; // host -> last state detail (an error)
};

} // namespace labdeck
