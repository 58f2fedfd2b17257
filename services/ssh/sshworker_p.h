#pragma once

// Private to services/ssh: the per-host worker thread behind SshTransport.

#include "remote/commandtransport.h"
#include "ssh/sshconfig.h"
#include "ssh/sshjump_p.h"
#include "ssh/sshtransport.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <atomic>
#include <deque>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <memory>

namespace labdeck::ssh {

// libssh's words for the session's last error.
[[nodiscard]] QString sshError(ssh_session s);
// A new id for a question to the user (host key, passphrase), unique per run.
[[nodiscard]] quint64 nextQuestionId();

// A public key as people compare it.
struct KeyInfo
{
    QString type;
    QString fingerprint;
    QByteArray base64;
};

// What a known_hosts file says about one host name.
struct KnownEntry
{
    // The line's marker: none (a host key), @revoked (a key never to accept)
    // or @cert-authority (a CA whose certificates vouch for the host).
    enum class Marker { None, Revoked, CertAuthority };
    QString file;
    int line = 0;
    KeyInfo key;
    bool matches = false; // the offered key (never set for a CA line)
    Marker marker = Marker::None;
};

[[nodiscard]] KeyInfo keyInfo(ssh_key key);
// The lines of a known_hosts file's contents that name hostName (plain or
// hashed |1| names, patterns), in order, with whether each holds offered
// (null: none matches). @revoked and @cert-authority lines are kept with
// their marker; other markers, comments and lines libssh cannot parse are
// skipped. file is only recorded.
[[nodiscard]] QList<KnownEntry> parseKnownHosts(const QByteArray &contents, const QString &file,
                                                const QString &hostName, ssh_key offered);
// A known_hosts line for name as OpenSSH's HashKnownHosts writes it:
// "|1|base64(salt)|base64(HMAC-SHA1(salt, name)) type base64" with 20 random
// salt bytes; `salt` (tests) fixes them.
[[nodiscard]] QByteArray hashedKnownHostsLine(const QString &name, const QString &type,
                                              const QByteArray &base64,
                                              const QByteArray &salt = {});

// Passphrases the user gave this run, per key file; shared by every host's
// worker (a key is asked for once). Memory only.
class PassphraseCache
{
public:
    [[nodiscard]] std::optional<QString> get(const QString &keyFile) const;
    void put(const QString &keyFile, const QString &passphrase);
    void forget(const QString &keyFile);

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_map;
};

// One unit of work for a worker: a command, or one forwarded connection.
struct WorkerOp
{
    enum Kind { Command, Forward };
    Kind kind = Command;
    quint64 id = 0;
    remote::CommandRequest request; // Command
    int fd = -1;                    // Forward: the accepted loopback socket (owned)
    quint64 tunnelId = 0;
    QString targetHost;
    quint16 targetPort = 0;
    std::atomic<bool> cancelled{false};
    bool done = false; // worker thread
    bool retried = false;

    // Worker-thread state.
    ssh_channel channel = nullptr;
    ssh_channel_callbacks_struct callbacks{};
    bool started = false;
    qint64 startedAt = 0; // ms since epoch
    qint64 deadline = 0;  // ms since epoch, 0: none
    bool haveExit = false;
    int exitStatus = -1;
    QString exitSignal;
    QByteArray out, err;
    bool overCap = false; // standard output passed request.outputCap
    QByteArray toSocket;  // Forward: channel bytes not yet written to fd
    bool socketEof = false, channelEof = false;
};

class HostWorker final : public QThread
{
public:
    HostWorker(SshTransport *transport, SshTarget target, SshOptions options,
               std::shared_ptr<PassphraseCache> passphrases);
    ~HostWorker() override;

    // Thread-safe, from the transport's thread.
    void enqueue(std::shared_ptr<WorkerOp> op);
    // After setting an op's `cancelled` flag.
    void wake();
    void answerHostKey(quint64 questionId, HostKeyAnswer answer);
    void answerPassphrase(quint64 questionId, const QString &passphrase, bool cancelled, bool keep);
    void stop();

protected:
    void run() override;

private:
    struct Answer
    {
        bool ready = false;
        HostKeyAnswer hostKey = HostKeyAnswer::Refuse;
        QString passphrase;
        bool cancelled = true;
        bool keep = false;
    };
    struct Failure
    {
        Failure() = default;
        Failure(remote::Step s, QString t, remote::HostKeyProblem k = {})
            : step(s)
            , text(std::move(t))
            , hostKey(std::move(k))
        {}
        remote::Step step = remote::Step::None;
        QString text;
        remote::HostKeyProblem hostKey; // kind set for a changed or unknown host key
    };

    void drainWake();
    void takeNewOps();
    bool anyWaiting() const;
    // Why the ProxyJump link failed, from what ssh said on stderr (else sshError).
    QString jumpFailure(const QString &sshError);
    bool connectSession(Failure *failure);
    bool checkHostKey(Failure *failure);
    bool authenticate(Failure *failure);
    int tryKeyFile(const QString &path, QStringList *tried, Failure *failure);
    bool waitForAnswer(quint64 questionId, Answer *answer);
    void dropSession();
    bool startOp(WorkerOp &op, QString *error);
    void serviceOps();
    void finishOp(WorkerOp &op, remote::CommandResult result);
    void finishCommand(WorkerOp &op);
    void failAll(const Failure &failure, bool onlyWaiting);
    void postState(HostState state, const QString &detail = {});
    void keepalive();
    void closeProbe();
    // The link is dead (no answer, or the socket failed): every running
    // command fails with why, the session is dropped and made again on the
    // next command.
    void linkLost(const QString &why);
    bool processPackets();
    QString prefix(remote::Step step) const;
    QString tilde(const QString &path) const;
    qint64 now() const;

    SshTransport *m_transport;
    SshTarget m_target;
    SshOptions m_options;
    std::shared_ptr<PassphraseCache> m_passphrases;

    QMutex m_mutex; // guards the members below until the next comment
    std::deque<std::shared_ptr<WorkerOp>> m_incoming;
    QHash<quint64, Answer> m_answers;
    bool m_stopping = false;
    // The session's socket while one is open; stop() may shut it down from
    // another thread so that a blocking libssh call returns at once.
    int m_socketFd = -1;
    // worker thread only:
    int m_wakePipe[2] = {-1, -1};
    ssh_session m_session = nullptr;
    std::unique_ptr<JumpProcess> m_jump; // ProxyJump: the ssh -W that carries the session
    ssh_event m_event = nullptr;         // processes incoming packets without a blocking call
    qint64 m_lastActivity = 0;
    // A keepalive that needs an answer: a session channel being opened
    // (nonblocking), and when it was asked for.
    ssh_channel m_probe = nullptr;
    qint64 m_probeSince = 0;
    std::deque<std::shared_ptr<WorkerOp>> m_ops; // waiting and running
    QByteArray m_acceptedOnce; // a key the user accepted for this run (base64 blob)
};

} // namespace labdeck::ssh
