#pragma once

#include "inventory/inventory.h"
#include "remote/commandtransport.h"
#include "ssh/sshconfig.h"

#include <QHash>
#include <QMap>
#include <QMetaType>
#include <QPointer>
#include <QSet>
#include <memory>
#include <optional>

namespace labdeck::secrets {
class SecretStore;
}

namespace labdeck::ssh {

class HostWorker;
class SshTunnel;
class SshCommandJob;

// What the user answered to an unknown host key.
enum class HostKeyAnswer { Refuse, ConnectOnce, Remember };

// "Is this the host you meant?" A host key that no known_hosts file records.
// A changed or revoked key, a host vouched for only by a certificate authority,
// and any unknown key under StrictHostKeyChecking yes are never asked about:
// they are refused.
struct HostKeyQuestion
{
    quint64 id = 0;
    QString host;        // inventory host ("pochama")
    QString address;     // as known_hosts names it ("pochama.example" or "[10.0.0.5]:2222")
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..." (OpenSSH style)
};

// A key file is protected by a passphrase. `retry` is set when the previous
// answer (or the keychain's) was wrong.
struct PassphraseQuestion
{
    quint64 id = 0;
    QString host;
    QString keyFile; // absolute path
    bool retry = false;
};

enum class HostState { Disconnected, Connecting, Connected, Failed };

struct SshOptions
{
    QString homeDir;    // ~ for the config, the default keys and ~/.ssh/known_hosts
    QString configFile; // default: <home>/.ssh/config
    // default: <home>/.ssh/known_hosts (read only, never written); the config's
    // UserKnownHostsFile replaces it
    QString userKnownHosts;
    // The system file (read only); the config's GlobalKnownHostsFile replaces it.
    QString globalKnownHosts = QStringLiteral("/etc/ssh/ssh_known_hosts");
    QString labdeckKnownHosts;    // default: <AppDataLocation>/known_hosts (written on "remember")
    QString localUser;            // default: $USER (or the passwd entry)
    QString agentSocket;          // default: $SSH_AUTH_SOCK; empty: no agent
    int connectTimeoutMs = 10000; // TCP connect + handshake + authentication steps
    int keepaliveMs = 30000;      // idle sessions are probed this often
    QString keychainService;      // default "labdeck-ssh"; empty: no keychain
    // False where nobody can answer (labdeck check): an unknown host key then
    // fails at once (HostKeyFailure::Unknown) instead of asking.
    bool askAboutHostKeys = true;

    // The real paths of this user and machine.
    [[nodiscard]] static SshOptions defaults();
};

// Runs commands on the lab's hosts over SSH (libssh). Each host gets its own
// worker thread holding one session, reused across commands and kept alive;
// a dead session is noticed and reconnected on the next command. Host keys
// are checked against Labdeck's own file, ~/.ssh/known_hosts and the system's
// (or the config's UserKnownHostsFile / GlobalKnownHostsFile) by OpenSSH's
// rules (docs/ssh.md); unknown keys are asked about (hostKeyQuestion),
// changed and revoked keys are refused. Keys come from
// the agent, then the key files; passphrases are asked once per key
// (passphraseQuestion) and kept in memory, or in the system keychain when the
// user says so. Lives on the UI thread; nothing here blocks it.
class SshTransport final : public remote::CommandTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshTransport)
public:
    explicit SshTransport(SshOptions options = SshOptions::defaults(), QObject *parent = nullptr);
    ~SshTransport() override; // stops the workers (each stops within a poll interval)

    // The inventory's hosts that have an `ssh` endpoint or `sources.sshAlias`.
    void setInventory(const Inventory &inventory);
    // One host by hand (tests, or a host added later).
    void setHost(const QString &name, const QString &alias, const QString &user = {},
                 int port = 22);
    [[nodiscard]] QStringList hosts() const;
    [[nodiscard]] std::optional<SshTarget> target(const QString &host) const;
    [[nodiscard]] const SshOptions &options() const { return m_options; }

    [[nodiscard]] remote::CommandJob *run(const remote::CommandRequest &request) override;
    [[nodiscard]] QString name() const override;

    // Forwards a loopback port to targetHost:targetPort as seen from `host`
    // (a direct-tcpip channel per connection). The tunnel is parented to
    // `parent` (or the transport) and listens once made; see SshTunnel.
    [[nodiscard]] SshTunnel *openTunnel(const QString &host, const QString &targetHost,
                                        quint16 targetPort, QObject *parent = nullptr);

    void answerHostKey(quint64 id, HostKeyAnswer answer);
    // An empty `passphrase` with cancelled=true skips the key. `keep` stores it
    // in the system keychain once it has proved right.
    void answerPassphrase(quint64 id, const QString &passphrase, bool cancelled, bool keep);

    [[nodiscard]] HostState state(const QString &host) const;
    // Whether a question still waits for its answer.
    [[nodiscard]] bool isQuestionOpen(quint64 id) const { return m_questionHosts.contains(id); }

Q_SIGNALS:
    void hostKeyQuestion(const labdeck::ssh::HostKeyQuestion &question);
    void passphraseQuestion(const labdeck::ssh::PassphraseQuestion &question);
    // A question was answered or dropped (its connection gave up), so a dialog can close.
    void questionClosed(quint64 id);
    void hostStateChanged(const QString &host, labdeck::ssh::HostState state,
                          const QString &detail);

private:
    friend class HostWorker;
    friend class SshCommandJob;
    friend class SshTunnel;

    HostWorker *worker(const QString &host);
    // Called (queued) from the workers, on this thread.
    void deliverOutput(quint64 opId, const QByteArray &chunk);
    void deliverFinished(quint64 opId, const remote::CommandResult &result);
    void deliverQuestion(const QString &host, const HostKeyQuestion &question);
    void deliverPassphraseQuestion(const QString &host, const PassphraseQuestion &question);
    void deliverState(const QString &host, HostState state, const QString &detail);
    void deliverKeyUnlocked(const QString &keyFile, const QString &passphrase, bool keep);
    void deliverTunnelError(quint64 tunnelId, const QString &error);

    SshOptions m_options;
    SshConfig m_config;
    QMap<QString, SshTarget> m_targets;
    std::map<QString, std::unique_ptr<HostWorker>> m_workers;
    QHash<quint64, QPointer<SshCommandJob>> m_jobs;
    QHash<quint64, QPointer<SshTunnel>> m_tunnels;
    QHash<quint64, QString> m_questionHosts; // question id -> host
    QHash<QString, HostState> m_states;
    QSet<QString> m_keychainFailed; // keys whose stored passphrase was wrong
    std::shared_ptr<class PassphraseCache> m_passphrases;
    secrets::SecretStore *m_secrets = nullptr;
    quint64 m_nextId = 1;
};

[[nodiscard]] QString hostStateText(HostState state);

} // namespace labdeck::ssh

Q_DECLARE_METATYPE(labdeck::ssh::HostKeyQuestion)
Q_DECLARE_METATYPE(labdeck::ssh::PassphraseQuestion)
