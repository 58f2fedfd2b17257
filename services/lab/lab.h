#pragma once

#include "checks/checksource.h"
#include "inventory/inventory.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "lab/simulatedfailures.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace labdeck {

namespace compose {
class ComposeService;
}
namespace demolab {
class DemoCheckLab;
class DemoTransport;
class KubeSimulator;
class OllamaReplay;
} // namespace demolab
namespace gpu {
class GpuMonitor;
} // namespace gpu
namespace ollama {
class OllamaClient;
class WebUiProbe;
} // namespace ollama
namespace kube {
class Authenticator;
class KubeActions;
class KubeSession;
} // namespace kube
namespace remote {
class CommandTransport;
}
namespace ssh {
class SshTransport;
}
namespace tailscale {
class TailscaleMonitor;
}

namespace lab {

// How a real lab is reached.
struct RealLabOptions
{
    QString kubeconfig; // one file; empty: $KUBECONFIG or ~/.kube/config
    QString context;    // empty: the kubeconfig's current-context
    // false (labdeck check, cron): nobody can answer, so an unknown host
    // key, a locked SSH key and an exec plugin the user has not allowed
    // before fail at once with why, instead of asking.
    bool interactive = true;
    bool connectKube = true; // false: no cluster is connected (and no kubeconfig read)
};

// The kubeconfig context a real lab's session uses, as the window shows it.
struct KubeTarget
{
    QStringList contexts; // every context of the kubeconfig
    QString name;         // the one in use
    std::optional<kube::ResolvedContext> resolved;
};

// The composition root: builds the lab's backends for one inventory, once,
// for the window, `labdeck check` and the tests alike. The demo lab: a
// simulated cluster and Prometheus (on their own thread), the demo command
// transport and an Ollama replay server on loopback. A real lab: a
// kubeconfig context with its credentials, SSH to the inventory's hosts
// (with the tunnel to Ollama it names), the inventory's Prometheus, Ollama
// and Open WebUI. Hands out the Kubernetes session, the command transport,
// the endpoints, the monitors (startMonitors) and what a check run needs.
// Lives on the thread that made it (the UI thread in the window); widget-free.
class Lab final : public QObject, public checks::CheckSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Lab)
public:
    [[nodiscard]] static std::unique_ptr<Lab> demo(const Inventory &inventory,
                                                   QObject *parent = nullptr);
    [[nodiscard]] static std::unique_ptr<Lab>
    real(const Inventory &inventory, const RealLabOptions &options, QObject *parent = nullptr);
    ~Lab() override;

    // Connects: the demo lab's servers start listening (kubeReady follows,
    // queued), a real lab reads its kubeconfig and opens SSH. Connect to the
    // signals first.
    void start();

    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] const Inventory &inventory() const { return m_inventory; }
    // A reloaded inventory: the checks and monitors made from now on use it.
    void setInventory(const Inventory &inventory);

    // --- Kubernetes
    // Null until kubeReady, and after kubeFailed.
    [[nodiscard]] kube::KubeSession *session() const { return m_session.get(); }
    // Restart, scale, delete and apply on that session's cluster.
    [[nodiscard]] kube::KubeActions *actions() const { return m_actions.get(); }
    [[nodiscard]] QString kubeError() const { return m_kubeError; }
    [[nodiscard]] const KubeTarget &kubeTarget() const { return m_target; }
    // Real lab: the exec-plugin approval question (the window's dialog).
    // Without one, only plugins the user allowed before run.
    void setExecApprovalHook(kube::CredentialProvider::ApprovalHook hook);
    // Real lab: another context of the same kubeconfig (replaces the session).
    void switchContext(const QString &context);
    // Demo lab: runs `work` on the simulator's thread with the simulator
    // (queued; returns at once; nothing happens before start()).
    void runOnSimulator(std::function<void(demolab::KubeSimulator *)> work);

    // --- Hosts and endpoints
    // SSH (real lab, after start()) or the demo transport.
    [[nodiscard]] remote::CommandTransport *transport() const;
    [[nodiscard]] ssh::SshTransport *ssh() const { return m_ssh.get(); }
    [[nodiscard]] demolab::DemoTransport *demoTransport() const { return m_demoTransport.get(); }
    // The inventory's, or the demo lab's simulated one (after prometheusReady).
    [[nodiscard]] QUrl prometheusUrl() const { return m_prometheusUrl; }
    // The inventory's ollama.url, the loopback end of its SSH tunnel, or the
    // demo's replay server.
    [[nodiscard]] QUrl ollamaUrl() const { return m_ollamaUrl; }
    [[nodiscard]] QUrl webuiUrl() const { return m_webuiUrl; }
    // The inventory's GPU server (empty: none).
    [[nodiscard]] QString gpuHost() const;

    // --- Monitors: compose, Tailscale, nvidia-smi, Ollama, Open WebUI, as
    // the inventory has them. Built once (after start()), then started at
    // their periods once their users are connected.
    void buildMonitors();
    void startMonitors();
    [[nodiscard]] compose::ComposeService *compose() const { return m_compose; }
    [[nodiscard]] tailscale::TailscaleMonitor *tailscale() const { return m_tailscale; }
    [[nodiscard]] gpu::GpuMonitor *gpuMonitor() const { return m_gpu; }
    [[nodiscard]] ollama::OllamaClient *ollama() const { return m_ollama; }
    [[nodiscard]] ollama::WebUiProbe *webui() const { return m_webui; }

    // --- Checks
    QString prepareChecks(const checks::CheckOptions &options, const QStringList &categories,
                          Ready ready) override;
    // Demo lab, "Simulate failure": the HTTPS server of this URL host serves
    // an expired certificate from the next run on (or its usual one again).
    void setDemoCertificateExpired(const QString &host, bool expired);
    // Demo lab: where Demo → Simulate failure and --simulate act (empty in a real lab).
    [[nodiscard]] SimulatedFailures::Targets failureTargets();

Q_SIGNALS:
    // The Kubernetes session is up, or could not start (with why).
    void kubeReady();
    void kubeFailed(const QString &error);
    // The lab's Prometheus is known (the demo's listens from now on).
    void prometheusReady(const QUrl &url);

private:
    explicit Lab(Inventory inventory, bool demo, QObject *parent);
    void startDemo();
    void startReal();
    void connectKube(const QString &context);
    void stopSession();
    void useSession(std::unique_ptr<kube::KubeSession> session);
    void failKube(const QString &error);
    void startSsh();
    [[nodiscard]] checks::CheckContext checkContext(const checks::CheckOptions &options) const;

    Inventory m_inventory;
    bool m_demo = false;
    RealLabOptions m_options;
    QNetworkAccessManager *m_network;

    // Kubernetes
    KubeTarget m_target;
    QString m_kubeError;
    QStringList m_files;
    std::unique_ptr<kube::ExecApprovalStore> m_approvals;
    kube::CredentialProvider::ApprovalHook m_approvalHook;
    std::unique_ptr<kube::CredentialProvider> m_provider;
    std::unique_ptr<kube::Authenticator> m_auth;
    std::unique_ptr<kube::KubeSession> m_session;
    std::unique_ptr<kube::KubeActions> m_actions;

    // The demo lab's servers: the simulator and Prometheus live on their own
    // thread, owned there by m_simulatorHome.
    QThread m_simulatorThread;
    QObject *m_simulatorHome = nullptr;
    std::unique_ptr<demolab::DemoTransport> m_demoTransport;
    std::unique_ptr<demolab::OllamaReplay> m_replay;
    std::unique_ptr<demolab::DemoCheckLab> m_checkLab;
    QSet<QString> m_expiredCertificates;
    QList<std::function<void()>> m_waitingForCheckLab;

    std::unique_ptr<ssh::SshTransport> m_ssh;
    QPointer<QObject> m_ollamaTunnel;
    QUrl m_prometheusUrl;
    QUrl m_ollamaUrl;
    QUrl m_webuiUrl;

    compose::ComposeService *m_compose = nullptr;
    tailscale::TailscaleMonitor *m_tailscale = nullptr;
    gpu::GpuMonitor *m_gpu = nullptr;
    ollama::OllamaClient *m_ollama = nullptr;
    ollama::WebUiProbe *m_webui = nullptr;
};

} // namespace lab
} // namespace labdeck
