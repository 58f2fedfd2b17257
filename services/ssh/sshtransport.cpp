#include "ssh/sshtransport.h"

#include "secrets/secretstore.h"
#include "ssh/logging_p.h"
#include "ssh/sshtunnel.h"
#include "ssh/sshworker_p.h"

#include <QDir>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace labdeck::ssh {

using remote::CommandResult;
using remote::Step;

// The job a caller holds: lives on the transport's thread; the worker only
// sees the shared op (whose cancel flag is atomic).
class SshCommandJob final : public remote::CommandJob
{
public:
    SshCommandJob(SshTransport *transport, std::shared_ptr<WorkerOp> op, HostWorker *worker)
        : remote::CommandJob(op->request, transport)
        , m_op(std::move(op))
        , m_worker(worker)
    {}

    void cancel() override
    {
        if (m_done)
            return;
        m_op->cancelled = true;
        if (m_worker)
            m_worker->wake();
    }

    void finish(const CommandResult &result)
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(result);
        deleteLater();
    }

    // A job that never reached a worker (no such host).
    void failLater(const CommandResult &result)
    {
        QTimer::singleShot(0, this, [this, result] { finish(result); });
    }

private:
    std::shared_ptr<WorkerOp> m_op;
    HostWorker *m_worker;
    bool m_done = false;
};

namespace {

std::atomic<quint64> g_opIds{1};

QString localUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) {
        if (const passwd *pw = ::getpwuid(::getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    }
    return user;
}

} // namespace

QString hostStateText(HostState state)
{
    switch (state) {
    case HostState::Disconnected:
        return SshTransport::tr("not connected");
    case HostState::Connecting:
        return SshTransport::tr("connecting");
    case HostState::Connected:
        return SshTransport::tr("connected");
    case HostState::Failed:
        return SshTransport::tr("failed");
    }
    return {};
}

SshOptions SshOptions::defaults()
{
    SshOptions o;
    o.homeDir = QDir::homePath();
    o.configFile = QDir(o.homeDir).filePath(QStringLiteral(".ssh/config"));
    o.userKnownHosts = QDir(o.homeDir).filePath(QStringLiteral(".ssh/known_hosts"));
    o.labdeckKnownHosts = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                              .filePath(QStringLiteral("known_hosts"));
    o.localUser = localUserName();
    o.agentSocket = qEnvironmentVariable("SSH_AUTH_SOCK");
    o.keychainService = QStringLiteral("labdeck-ssh");
    return o;
}

SshTransport::SshTransport(SshOptions options, QObject *parent)
    : remote::CommandTransport(parent)
    , m_options(std::move(options))
    , m_passphrases(std::make_shared<PassphraseCache>())
{
    qRegisterMetaType<remote::CommandResult>();
    qRegisterMetaType<HostKeyQuestion>();
    qRegisterMetaType<PassphraseQuestion>();
    if (m_options.homeDir.isEmpty())
        m_options.homeDir = QDir::homePath();
    if (m_options.configFile.isEmpty())
        m_options.configFile = QDir(m_options.homeDir).filePath(QStringLiteral(".ssh/config"));
    if (m_options.localUser.isEmpty())
        m_options.localUser = localUserName();
    m_config = SshConfig::load(m_options.configFile, m_options.homeDir);
    if (!m_options.keychainService.isEmpty())
        m_secrets = new secrets::SecretStore(m_options.keychainService, this);
}

SshTransport::~SshTransport()
{
    for (auto &[host, worker] : m_workers)
        worker->stop();
    m_workers.clear(); // each waits for its thread
}

QString SshTransport::name() const
{
    return tr("SSH");
}

void SshTransport::setInventory(const Inventory &inventory)
{
    for (const Host &h : inventory.hosts) {
        if (h.ssh)
            setHost(h.name, h.ssh->host, h.ssh->user, h.ssh->port);
        else if (!h.sources.sshAlias.isEmpty())
            setHost(h.name, h.sources.sshAlias);
    }
}

void SshTransport::setHost(const QString &name, const QString &alias, const QString &user, int port)
{
    m_targets.insert(
        name, m_config.resolve(name, alias, user, port, m_options.homeDir, m_options.localUser));
    m_states.insert(name, HostState::Disconnected);
}

QStringList SshTransport::hosts() const
{
    return m_targets.keys();
}

std::optional<SshTarget> SshTransport::target(const QString &host) const
{
    const auto it = m_targets.constFind(host);
    if (it == m_targets.constEnd())
        return std::nullopt;
    return *it;
}

HostState SshTransport::state(const QString &host) const
{
    return m_states.value(host, HostState::Disconnected);
}

HostWorker *SshTransport::worker(const QString &host)
{
    const auto found = m_workers.find(host);
    if (found != m_workers.end())
        return found->second.get();
    const auto target = m_targets.constFind(host);
    if (target == m_targets.constEnd())
        return nullptr;
    auto w = std::make_unique<HostWorker>(this, *target, m_options, m_passphrases);
    w->start();
    HostWorker *raw = w.get();
    m_workers.emplace(host, std::move(w));
    return raw;
}

remote::CommandJob *SshTransport::run(const remote::CommandRequest &request)
{
    auto op = std::make_shared<WorkerOp>();
    op->id = g_opIds.fetch_add(1);
    op->request = request;
    HostWorker *w = worker(request.host);
    auto *job = new SshCommandJob(this, op, w);
    if (!w) {
        CommandResult r;
        r.failedStep = Step::Connect;
        r.error = tr("%1: connect: the inventory gives this host no SSH endpoint (ssh: or "
                     "sources.sshAlias)")
                      .arg(request.host);
        job->failLater(r);
        return job;
    }
    m_jobs.insert(op->id, job);
    w->enqueue(std::move(op));
    return job;
}

SshTunnel *SshTransport::openTunnel(const QString &host, const QString &targetHost,
                                    quint16 targetPort, QObject *parent)
{
    const quint64 id = g_opIds.fetch_add(1);
    auto *tunnel = new SshTunnel(this, id, host, targetHost, targetPort, parent ? parent : this);
    m_tunnels.insert(id, tunnel);
    if (!m_targets.contains(host))
        tunnel->reportError(tr("%1: connect: the inventory gives this host no SSH endpoint (ssh: "
                               "or sources.sshAlias)")
                                .arg(host));
    return tunnel;
}

void SshTransport::answerHostKey(quint64 id, HostKeyAnswer answer)
{
    const QString host = m_questionHosts.take(id);
    const auto it = m_workers.find(host);
    if (it != m_workers.end())
        it->second->answerHostKey(id, answer);
    Q_EMIT questionClosed(id);
}

void SshTransport::answerPassphrase(quint64 id, const QString &passphrase, bool cancelled,
                                    bool keep)
{
    const QString host = m_questionHosts.take(id);
    const auto it = m_workers.find(host);
    if (it != m_workers.end())
        it->second->answerPassphrase(id, passphrase, cancelled, keep);
    Q_EMIT questionClosed(id);
}

void SshTransport::deliverOutput(quint64 opId, const QByteArray &chunk)
{
    if (SshCommandJob *job = m_jobs.value(opId))
        Q_EMIT job->output(chunk);
}

void SshTransport::deliverFinished(quint64 opId, const CommandResult &result)
{
    if (!result.error.isEmpty())
        qCInfo(lcSsh).noquote() << result.error;
    if (SshCommandJob *job = m_jobs.take(opId))
        job->finish(result);
}

void SshTransport::deliverQuestion(const QString &host, const HostKeyQuestion &question)
{
    m_questionHosts.insert(question.id, host);
    Q_EMIT hostKeyQuestion(question);
}

void SshTransport::deliverPassphraseQuestion(const QString &host,
                                             const PassphraseQuestion &question)
{
    m_questionHosts.insert(question.id, host);
    const QString key = QStringLiteral("ssh-key:") + question.keyFile;
    // The keychain first, unless what it holds already proved wrong.
    if (!m_secrets || m_keychainFailed.contains(question.keyFile)) {
        Q_EMIT passphraseQuestion(question);
        return;
    }
    m_secrets->read(key, this,
                    [this, question](bool found, const QString &secret, const QString &error) {
                        if (found && !question.retry) {
                            m_keychainFailed.insert(question.keyFile); // cleared once it works
                            const QString asking = m_questionHosts.take(question.id);
                            const auto it = m_workers.find(asking);
                            if (it != m_workers.end())
                                it->second->answerPassphrase(question.id, secret, false, false);
                            return;
                        }
                        if (!error.isEmpty())
                            qCInfo(lcSsh) << "keychain:" << error;
                        Q_EMIT passphraseQuestion(question);
                    });
}

void SshTransport::deliverState(const QString &host, HostState state, const QString &detail)
{
    m_states.insert(host, state);
    Q_EMIT hostStateChanged(host, state, detail);
}

void SshTransport::deliverKeyUnlocked(const QString &keyFile, const QString &passphrase, bool keep)
{
    m_keychainFailed.remove(keyFile);
    if (!keep || !m_secrets)
        return;
    m_secrets->write(QStringLiteral("ssh-key:") + keyFile, passphrase, this,
                     [keyFile](bool ok, const QString &error) {
                         if (!ok)
                             qCWarning(lcSsh).noquote() << "could not keep the passphrase of"
                                                        << keyFile << "in the keychain:" << error;
                     });
}

void SshTransport::deliverTunnelError(quint64 tunnelId, const QString &error)
{
    if (SshTunnel *t = m_tunnels.value(tunnelId))
        t->reportError(error);
}

// SshTunnel ------------------------------------------------------------------

namespace {
// Hands each accepted socket descriptor on, instead of making a QTcpSocket:
// the worker thread reads and writes it directly.
class DescriptorServer final : public QTcpServer
{
public:
    std::function<void(qintptr)> onDescriptor;

protected:
    void incomingConnection(qintptr descriptor) override { onDescriptor(descriptor); }
};
} // namespace

SshTunnel::SshTunnel(SshTransport *transport, quint64 id, QString host, QString targetHost,
                     quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_id(id)
    , m_host(std::move(host))
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    auto *server = new DescriptorServer;
    server->setParent(this);
    server->onDescriptor = [this](qintptr d) { accepted(d); };
    m_server = server;
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        m_error = tr("%1: tunnel: could not listen on a loopback port: %2")
                      .arg(m_host, m_server->errorString());
}

SshTunnel::~SshTunnel()
{
    if (m_transport)
        m_transport->m_tunnels.remove(m_id);
}

bool SshTunnel::isListening() const
{
    return m_server->isListening();
}

quint16 SshTunnel::localPort() const
{
    return m_server->serverPort();
}

QUrl SshTunnel::localUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(localPort()));
}

QString SshTunnel::target() const
{
    return QStringLiteral("%1:%2").arg(m_targetHost).arg(m_targetPort);
}

void SshTunnel::accepted(qintptr descriptor)
{
    HostWorker *w = m_transport ? m_transport->worker(m_host) : nullptr;
    if (!w) {
        ::close(int(descriptor));
        return;
    }
    // The worker polls it and never waits on it.
    const int flags = ::fcntl(int(descriptor), F_GETFL);
    ::fcntl(int(descriptor), F_SETFL, flags | O_NONBLOCK);
    auto op = std::make_shared<WorkerOp>();
    op->kind = WorkerOp::Forward;
    op->id = g_opIds.fetch_add(1);
    op->tunnelId = m_id;
    op->fd = int(descriptor);
    op->targetHost = m_targetHost;
    op->targetPort = m_targetPort;
    op->request.host = m_host;
    op->request.argv = {QStringLiteral("direct-tcpip"), target()};
    w->enqueue(std::move(op));
}

void SshTunnel::reportError(const QString &error)
{
    m_error = error;
    Q_EMIT failed(error);
}

} // namespace labdeck::ssh
