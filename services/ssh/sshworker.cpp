#include "ssh/logging_p.h"
#include "ssh/sshworker_p.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QMutexLocker>
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace labdeck::ssh {

using remote::CommandResult;
using remote::Step;

namespace {

void channelExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    auto *op = static_cast<WorkerOp *>(userdata);
    op->haveExit = true;
    op->exitStatus = status;
}

void channelExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *,
                       const char *, void *userdata)
{
    auto *op = static_cast<WorkerOp *>(userdata);
    op->haveExit = true;
    op->exitSignal = QString::fromUtf8(signal ? signal : "?");
}

} // namespace

QString sshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

quint64 nextQuestionId()
{
    static std::atomic<quint64> ids{1};
    return ids.fetch_add(1);
}

HostWorker::HostWorker(SshTransport *transport, SshTarget target, SshOptions options,
                       std::shared_ptr<PassphraseCache> passphrases)
    : m_transport(transport)
    , m_target(std::move(target))
    , m_options(std::move(options))
    , m_passphrases(std::move(passphrases))
{
    if (::pipe2(m_wakePipe, O_NONBLOCK | O_CLOEXEC) != 0)
        m_wakePipe[0] = m_wakePipe[1] = -1;
    setObjectName(QStringLiteral("ssh:") + m_target.inventoryHost);
}

HostWorker::~HostWorker()
{
    stop();
    // A clean stop says goodbye to the server. A worker still inside a
    // blocking libssh call after a second (a server that stopped answering
    // mid-request) has its socket shut down, which makes the call fail now.
    if (!wait(QDeadlineTimer(1000))) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_socketFd >= 0)
                ::shutdown(m_socketFd, SHUT_RDWR);
        }
        wake();
        wait();
    }
    for (int fd : m_wakePipe)
        if (fd >= 0)
            ::close(fd);
    for (auto &op : m_incoming)
        if (op->fd >= 0)
            ::close(op->fd);
}

qint64 HostWorker::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void HostWorker::wake()
{
    if (m_wakePipe[1] >= 0) {
        const char c = 1;
        [[maybe_unused]] const auto n = ::write(m_wakePipe[1], &c, 1);
    }
}

void HostWorker::drainWake()
{
    char buf[64];
    while (m_wakePipe[0] >= 0 && ::read(m_wakePipe[0], buf, sizeof buf) > 0) {
    }
}

void HostWorker::enqueue(std::shared_ptr<WorkerOp> op)
{
    {
        QMutexLocker lock(&m_mutex);
        m_incoming.push_back(std::move(op));
    }
    wake();
}

void HostWorker::answerHostKey(quint64 questionId, HostKeyAnswer answer)
{
    {
        QMutexLocker lock(&m_mutex);
        Answer &a = m_answers[questionId];
        a.ready = true;
        a.hostKey = answer;
    }
    wake();
}

void HostWorker::answerPassphrase(quint64 questionId, const QString &passphrase, bool cancelled,
                                  bool keep)
{
    {
        QMutexLocker lock(&m_mutex);
        Answer &a = m_answers[questionId];
        a.ready = true;
        a.passphrase = passphrase;
        a.cancelled = cancelled;
        a.keep = keep;
    }
    wake();
}

void HostWorker::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    wake();
}

QString HostWorker::prefix(Step step) const
{
    return QStringLiteral("%1: %2: ").arg(m_target.inventoryHost, remote::StepText::name(step));
}

QString HostWorker::tilde(const QString &path) const
{
    const QString home = QDir::cleanPath(m_options.homeDir);
    if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(home.size());
    return path;
}

void HostWorker::postState(HostState state, const QString &detail)
{
    const QString host = m_target.inventoryHost;
    SshTransport *t = m_transport;
    QMetaObject::invokeMethod(
        t, [t, host, state, detail] { t->deliverState(host, state, detail); },
        Qt::QueuedConnection);
}

void HostWorker::takeNewOps()
{
    QMutexLocker lock(&m_mutex);
    while (!m_incoming.empty()) {
        m_ops.push_back(std::move(m_incoming.front()));
        m_incoming.pop_front();
    }
}

bool HostWorker::anyWaiting() const
{
    for (const auto &op : m_ops)
        if (!op->started && !op->cancelled)
            return true;
    return false;
}

void HostWorker::finishOp(WorkerOp &op, CommandResult result)
{
    if (op.channel) {
        if (!op.started || !ssh_channel_is_closed(op.channel))
            ssh_channel_close(op.channel);
        ssh_channel_free(op.channel);
        op.channel = nullptr;
    }
    if (op.fd >= 0) {
        ::close(op.fd);
        op.fd = -1;
    }
    op.started = true; // done: never started again
    op.done = true;
    if (op.kind == WorkerOp::Forward) {
        if (!result.error.isEmpty()) {
            SshTransport *t = m_transport;
            const quint64 id = op.tunnelId;
            const QString error = result.error;
            QMetaObject::invokeMethod(
                t, [t, id, error] { t->deliverTunnelError(id, error); }, Qt::QueuedConnection);
        }
        return;
    }
    result.durationMs = op.startedAt ? now() - op.startedAt : 0;
    SshTransport *t = m_transport;
    const quint64 id = op.id;
    QMetaObject::invokeMethod(
        t, [t, id, result] { t->deliverFinished(id, result); }, Qt::QueuedConnection);
}

void HostWorker::failAll(const Failure &failure, bool onlyWaiting)
{
    for (auto &op : m_ops) {
        if (op->done || (onlyWaiting && op->started))
            continue;
        CommandResult r;
        r.failedStep = failure.step;
        r.error = failure.text;
        r.hostKey = failure.hostKey;
        finishOp(*op, r);
    }
}

void HostWorker::dropSession()
{
    closeProbe();
    {
        QMutexLocker lock(&m_mutex);
        m_socketFd = -1; // before the socket closes: never shut down a reused descriptor
    }
    if (!m_session)
        return;
    if (m_event) {
        ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    ssh_disconnect(m_session);
    ssh_free(m_session);
    m_session = nullptr;
    m_jump.reset(); // after libssh closed its end: ssh sees EOF and ends
}

bool HostWorker::waitForAnswer(quint64 questionId, Answer *answer)
{
    // Waits for the user (no time limit: a person is reading a fingerprint),
    // but gives up when every command that needs this connection has been
    // cancelled, or the transport stops.
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping)
                return false;
            const auto it = m_answers.constFind(questionId);
            if (it != m_answers.constEnd() && it->ready) {
                *answer = *it;
                m_answers.remove(questionId);
                return true;
            }
        }
        takeNewOps();
        if (!anyWaiting())
            return false;
        pollfd p{m_wakePipe[0], POLLIN, 0};
        ::poll(&p, 1, 200);
        drainWake();
    }
}

QString HostWorker::jumpFailure(const QString &sshError)
{
    const QString said = m_jump->errorOutput(1000);
    const QString hops = m_jump->hops();
    const QString reason = !said.isEmpty()       ? said
                           : !sshError.isEmpty() ? sshError
                                                 : SshTransport::tr("no answer in time");
    return SshTransport::tr("could not reach %1 port %2 through the jump host %3: %4 — check "
                            "that ssh %3 works in a terminal without a prompt (its host key "
                            "known, its login by key or agent)")
        .arg(m_target.hostName)
        .arg(m_target.port)
        .arg(hops, reason);
}

bool HostWorker::connectSession(Failure *failure)
{
    postState(HostState::Connecting);
    if (!m_target.proxyProblem.isEmpty()) {
        *failure = {Step::Connect, prefix(Step::Connect) + m_target.proxyProblem};
        postState(HostState::Failed, failure->text);
        return false;
    }
    m_session = ssh_new();
    if (!m_session) {
        *failure = {Step::Connect,
                    prefix(Step::Connect) + SshTransport::tr("could not create an SSH session")};
        return false;
    }
    if (!m_target.proxyJump.isEmpty()) {
        QString why;
        m_jump = JumpProcess::start(m_target, m_options.configFile, m_options.connectTimeoutMs,
                                    m_options.agentSocket, &why);
        if (!m_jump) {
            *failure = {
                Step::Connect,
                prefix(Step::Connect) +
                    SshTransport::tr("could not reach %1 through the jump host %2: %3")
                        .arg(m_target.hostName, m_target.proxyJump.join(QLatin1Char(',')), why)};
            dropSession();
            postState(HostState::Failed, failure->text);
            return false;
        }
        int fd = m_jump->socket();
        ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);
    }
    const QByteArray host = m_target.hostName.toUtf8();
    const QByteArray user = m_target.user.toUtf8();
    const unsigned int port = unsigned(m_target.port);
    const long timeoutSec = std::max(1, (m_options.connectTimeoutMs + 999) / 1000);
    const int no = 0;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG,
                    &no); // Labdeck resolved the config itself
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSec);
    // Both files are given so libssh prefers the host key types already
    // recorded; the check itself is done below.
    const QByteArray own = m_options.labdeckKnownHosts.toUtf8();
    const QByteArray users = m_options.userKnownHosts.toUtf8();
    if (!own.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, own.constData());
    if (!users.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, users.constData());
    const QByteArray home = QDir(m_options.homeDir).filePath(QStringLiteral(".ssh")).toUtf8();
    ssh_options_set(m_session, SSH_OPTIONS_SSH_DIR, home.constData());

    // Nonblocking connect, so a cancel or stop is noticed while it runs.
    ssh_set_blocking(m_session, 0);
    const qint64 deadline = now() + m_options.connectTimeoutMs;
    int rc = SSH_AGAIN;
    for (;;) {
        rc = ssh_connect(m_session);
        // libssh owns the socket once it has taken it (ssh_free closes it).
        if (m_jump && m_jump->socket() >= 0 && ssh_get_fd(m_session) == m_jump->socket())
            m_jump->releaseSocket();
        if (rc != SSH_AGAIN)
            break;
        takeNewOps();
        bool stopping;
        {
            QMutexLocker lock(&m_mutex);
            stopping = m_stopping;
        }
        if (stopping || !anyWaiting()) {
            *failure = {Step::Cancelled,
                        prefix(Step::Cancelled) + SshTransport::tr("connecting was cancelled")};
            dropSession();
            postState(HostState::Disconnected);
            return false;
        }
        if (now() > deadline) {
            *failure = {
                Step::Timeout,
                prefix(Step::Connect) +
                    SshTransport::tr("no SSH answer from %1 port %2 within %3 s — is the host up "
                                     "and sshd listening there?")
                        .arg(m_target.hostName)
                        .arg(m_target.port)
                        .arg(m_options.connectTimeoutMs / 1000.0)};
            if (m_jump)
                failure->text = prefix(Step::Connect) + jumpFailure(QString());
            dropSession();
            postState(HostState::Failed, failure->text);
            return false;
        }
        pollfd p[2] = {{m_wakePipe[0], POLLIN, 0}, {ssh_get_fd(m_session), POLLIN, 0}};
        ::poll(p, p[1].fd >= 0 ? 2 : 1, 50);
        drainWake();
    }
    ssh_set_blocking(m_session, 1);
    if (rc != SSH_OK) {
        const QString why = sshError(m_session);
        if (why.contains(QLatin1String("resolve"), Qt::CaseInsensitive))
            *failure = {Step::NameLookup,
                        prefix(Step::NameLookup) +
                            SshTransport::tr("%1 does not resolve (%2) — check the name in the "
                                             "inventory or HostName in ~/.ssh/config")
                                .arg(m_target.hostName, why)};
        else
            *failure = {
                Step::Connect,
                prefix(Step::Connect) +
                    SshTransport::tr("could not connect to %1 port %2: %3 — is the host up and "
                                     "sshd listening there?")
                        .arg(m_target.hostName)
                        .arg(m_target.port)
                        .arg(why)};
        if (m_jump)
            failure->text = prefix(Step::Connect) + jumpFailure(why);
        dropSession();
        postState(HostState::Failed, failure->text);
        return false;
    }
    if (!checkHostKey(failure) || !authenticate(failure)) {
        dropSession();
        postState(failure->step == Step::Cancelled ? HostState::Disconnected : HostState::Failed,
                  failure->text);
        return false;
    }
    m_lastActivity = now();
    {
        QMutexLocker lock(&m_mutex);
        m_socketFd = ssh_get_fd(m_session);
    }
    m_event = ssh_event_new();
    if (m_event)
        ssh_event_add_session(m_event, m_session);
    postState(HostState::Connected);
    return true;
}

// Reads and handles whatever the server sent (exit statuses, closes, data)
// without waiting. Channel reads alone stop doing this once a channel saw EOF.
bool HostWorker::processPackets()
{
    if (!m_session)
        return false;
    if (m_event && ssh_event_dopoll(m_event, 0) == SSH_ERROR && !ssh_is_connected(m_session))
        return false;
    return ssh_is_connected(m_session);
}

bool HostWorker::startOp(WorkerOp &op, QString *error)
{
    op.channel = ssh_channel_new(m_session);
    if (!op.channel) {
        *error = sshError(m_session);
        return false;
    }
    int rc;
    if (op.kind == WorkerOp::Forward) {
        const QByteArray target = op.targetHost.toUtf8();
        rc =
            ssh_channel_open_forward(op.channel, target.constData(), op.targetPort, "127.0.0.1", 0);
    } else {
        rc = ssh_channel_open_session(op.channel);
        if (rc == SSH_OK) {
            op.callbacks = {};
            op.callbacks.userdata = &op;
            op.callbacks.channel_exit_status_function = channelExitStatus;
            op.callbacks.channel_exit_signal_function = channelExitSignal;
            ssh_callbacks_init(&op.callbacks);
            ssh_set_channel_callbacks(op.channel, &op.callbacks);
            // Every argv element is quoted on its own: the remote login shell
            // (sh, bash, zsh or fish) sees each as one word, whatever it contains.
            const QByteArray line = remote::remoteCommandLine(op.request.argv).toUtf8();
            rc = ssh_channel_request_exec(op.channel, line.constData());
        }
    }
    if (rc != SSH_OK) {
        *error = sshError(m_session);
        ssh_channel_free(op.channel);
        op.channel = nullptr;
        return false;
    }
    op.started = true;
    op.startedAt = now();
    op.deadline = (op.kind == WorkerOp::Command && op.request.timeoutMs > 0)
                      ? op.startedAt + op.request.timeoutMs
                      : 0;
    m_lastActivity = op.startedAt;
    return true;
}

void HostWorker::finishCommand(WorkerOp &op)
{
    CommandResult r;
    r.standardOutput = op.out;
    r.standardError = op.err;
    const QString cmd = remote::displayCommand(op.request.argv);
    if (!op.exitSignal.isEmpty()) {
        r.failedStep = Step::Command;
        r.error = prefix(Step::Command) +
                  SshTransport::tr("%1 was killed by signal %2").arg(cmd, op.exitSignal);
    } else if (!op.haveExit) {
        r.failedStep = Step::Command;
        r.error =
            prefix(Step::Command) + SshTransport::tr("%1 ended without an exit status").arg(cmd);
    } else if (op.exitStatus == 127) {
        // The login shell's "command not found".
        r.exitStatus = 127;
        r.failedStep = Step::Command;
        const QString program = op.request.argv.value(0);
        QString said = QString::fromUtf8(op.err).trimmed().section(QLatin1Char('\n'), -1);
        r.error =
            prefix(Step::Command) +
            SshTransport::tr(
                "%1 was not found on %2 (exit 127: %3) — install it there, or make sure it is "
                "on the PATH of a non-interactive SSH login")
                .arg(program, m_target.inventoryHost,
                     said.isEmpty() ? SshTransport::tr("no message") : said);
    } else {
        r.ran = true;
        r.exitStatus = op.exitStatus;
    }
    finishOp(op, r);
}

void HostWorker::serviceOps()
{
    char buf[16384];
    bool lost = m_session && !m_ops.empty() && !processPackets();
    const qint64 t = now();
    for (auto &opPtr : m_ops) {
        WorkerOp &op = *opPtr;
        if (op.done || !op.started || !op.channel)
            continue;
        const QString cmd = remote::displayCommand(op.request.argv);
        if (op.cancelled) {
            if (op.kind == WorkerOp::Command)
                ssh_channel_request_send_signal(op.channel, "TERM");
            CommandResult r;
            r.failedStep = Step::Cancelled;
            r.error = prefix(Step::Cancelled) + SshTransport::tr("%1 was cancelled").arg(cmd);
            r.standardOutput = op.out;
            r.standardError = op.err;
            finishOp(op, r);
            continue;
        }
        if (op.kind == WorkerOp::Command) {
            for (int stream = 0; stream < 2 && !lost; ++stream) {
                for (;;) {
                    const int n = ssh_channel_read_nonblocking(op.channel, buf, sizeof buf, stream);
                    if (n == SSH_ERROR) {
                        lost = true;
                        break;
                    }
                    if (n <= 0)
                        break;
                    m_lastActivity = t; // the server is talking: no keepalive needed
                    const QByteArray chunk(buf, n);
                    if (stream == 1) {
                        remote::appendCapped(op.err, chunk, remote::CommandRequest::kErrorCap);
                    } else if (op.request.streamOutput) {
                        SshTransport *tr = m_transport;
                        QMetaObject::invokeMethod(
                            tr, [tr, id = op.id, chunk] { tr->deliverOutput(id, chunk); },
                            Qt::QueuedConnection);
                    } else {
                        op.out += chunk;
                        if (op.out.size() > op.request.outputCap) {
                            op.overCap = true;
                            break;
                        }
                    }
                }
            }
            if (op.overCap) {
                ssh_channel_request_send_signal(op.channel, "TERM");
                CommandResult r;
                r.failedStep = Step::Command;
                r.error = prefix(Step::Command) +
                          SshTransport::tr("%1 printed more than %2 MiB, more than Labdeck reads "
                                           "from one command; it was stopped")
                              .arg(cmd)
                              .arg(op.request.outputCap / (1024 * 1024));
                r.standardError = op.err;
                op.out.clear();
                finishOp(op, r);
                continue;
            }
            if (lost || !ssh_is_connected(m_session)) {
                lost = true;
                CommandResult r;
                r.failedStep = Step::Command;
                r.error =
                    prefix(Step::Command) +
                    SshTransport::tr(
                        "the connection to %1 was lost while %2 ran (%3); it is reconnected on the "
                        "next command")
                        .arg(m_target.hostName, cmd, sshError(m_session));
                r.standardOutput = op.out;
                r.standardError = op.err;
                finishOp(op, r);
                continue;
            }
            if (ssh_channel_is_closed(op.channel) ||
                (op.haveExit && ssh_channel_is_eof(op.channel))) {
                finishCommand(op);
                continue;
            }
            if (op.deadline && t > op.deadline) {
                ssh_channel_request_send_signal(op.channel, "TERM");
                CommandResult r;
                r.failedStep = Step::Timeout;
                r.error = prefix(Step::Timeout) +
                          SshTransport::tr("%1 did not finish within %2 s and was stopped")
                              .arg(cmd)
                              .arg(op.request.timeoutMs / 1000.0);
                r.standardOutput = op.out;
                r.standardError = op.err;
                finishOp(op, r);
            }
            continue;
        }
        // Forward: socket -> channel, channel -> socket.
        if (!op.socketEof) {
            for (;;) {
                const ssize_t n = ::read(op.fd, buf, sizeof buf);
                if (n > 0) {
                    if (ssh_channel_write(op.channel, buf, uint32_t(n)) == SSH_ERROR) {
                        lost = !ssh_is_connected(m_session);
                        break;
                    }
                    continue;
                }
                if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                    op.socketEof = true;
                    ssh_channel_send_eof(op.channel);
                }
                break;
            }
        }
        while (op.toSocket.isEmpty() && !op.channelEof) {
            const int n = ssh_channel_read_nonblocking(op.channel, buf, sizeof buf, 0);
            if (n == SSH_ERROR) {
                lost = !ssh_is_connected(m_session);
                op.channelEof = true;
                break;
            }
            if (n > 0) {
                op.toSocket = QByteArray(buf, n);
            } else if (ssh_channel_is_eof(op.channel) || ssh_channel_is_closed(op.channel)) {
                op.channelEof = true;
            } else {
                break;
            }
            while (!op.toSocket.isEmpty()) {
                const ssize_t w =
                    ::write(op.fd, op.toSocket.constData(), size_t(op.toSocket.size()));
                if (w > 0)
                    op.toSocket.remove(0, w);
                else
                    break;
            }
        }
        if (op.channelEof && op.toSocket.isEmpty())
            ::shutdown(op.fd, SHUT_WR);
        if ((op.channelEof && op.socketEof && op.toSocket.isEmpty()) ||
            ssh_channel_is_closed(op.channel) || lost)
            finishOp(op, {});
    }
    if (lost || (m_session && !ssh_is_connected(m_session))) {
        const QString why = m_session ? sshError(m_session) : QString();
        failAll({Step::Command,
                 prefix(Step::Command) + SshTransport::tr("the connection to %1 was lost (%2)")
                                             .arg(m_target.hostName, why)},
                false);
        dropSession();
        postState(HostState::Disconnected, why);
    }
}

void HostWorker::closeProbe()
{
    if (!m_probe)
        return;
    if (m_session) {
        ssh_set_blocking(m_session, 0);
        if (ssh_channel_is_open(m_probe))
            ssh_channel_close(m_probe);
        ssh_set_blocking(m_session, 1);
    }
    ssh_channel_free(m_probe);
    m_probe = nullptr;
}

void HostWorker::linkLost(const QString &why)
{
    Failure f{Step::Command, prefix(Step::Command) + why};
    failAll(f, false);
    dropSession();
    postState(HostState::Disconnected, why);
}

void HostWorker::keepalive()
{
    // A keepalive that expects an answer: after keepaliveMs of silence a
    // session channel is asked for. The server opening it, or refusing it,
    // is an answer; none within twice the interval means the link is dead,
    // even when TCP still looks open (a suspended server, a NAT that forgot
    // the connection). Nonblocking: the worker never waits on it.
    if (!m_session || m_options.keepaliveMs <= 0)
        return;
    const qint64 t = now();
    if (!m_probe) {
        if (t - m_lastActivity < m_options.keepaliveMs)
            return;
        m_probe = ssh_channel_new(m_session);
        m_probeSince = t;
        if (!m_probe)
            return;
    }
    ssh_set_blocking(m_session, 0);
    const int rc = ssh_channel_open_session(m_probe);
    ssh_set_blocking(m_session, 1);
    if (rc == SSH_AGAIN && ssh_is_connected(m_session)) {
        if (t - m_probeSince < 2 * qint64(m_options.keepaliveMs))
            return;
        linkLost(SshTransport::tr("%1 did not answer a keepalive within %2 s; the connection "
                                  "was dropped and is made again on the next command")
                     .arg(m_target.hostName)
                     .arg(2 * m_options.keepaliveMs / 1000.0));
        return;
    }
    if (!ssh_is_connected(m_session)) {
        linkLost(SshTransport::tr("the connection to %1 was lost (%2); it is made again on the "
                                  "next command")
                     .arg(m_target.hostName, sshError(m_session)));
        return;
    }
    // Opened or refused (e.g. no free session slot): the server answered.
    closeProbe();
    m_lastActivity = t;
}

void HostWorker::run()
{
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping)
                break;
        }
        takeNewOps();
        for (auto &op : m_ops) {
            if (!op->started && !op->done && op->cancelled) {
                CommandResult r;
                r.failedStep = Step::Cancelled;
                r.error =
                    prefix(Step::Cancelled) + SshTransport::tr("%1 was cancelled before it started")
                                                  .arg(remote::displayCommand(op->request.argv));
                finishOp(*op, r);
            }
        }
        if (anyWaiting()) {
            if (!m_session) {
                Failure f;
                if (!connectSession(&f))
                    failAll(f, true);
            }
            for (auto &op : m_ops) {
                if (!m_session)
                    break;
                if (op->started || op->done || op->cancelled)
                    continue;
                QString error;
                if (startOp(*op, &error))
                    continue;
                const bool othersRunning =
                    std::any_of(m_ops.begin(), m_ops.end(), [&](const auto &o) {
                        return o.get() != op.get() && o->started && !o->done;
                    });
                if (!op->retried && (!ssh_is_connected(m_session) || !othersRunning)) {
                    // The idle session had died (the server restarted, the
                    // network moved), or the server refuses more channels on
                    // it: sshd keeps a session slot while a stopped command's
                    // process lives on (it ignores signal requests for root),
                    // and a new connection starts with free slots. Reconnect
                    // once and try again; never while other commands use it.
                    op->retried = true;
                    dropSession();
                    postState(HostState::Disconnected, error);
                    Failure f;
                    if (connectSession(&f) && startOp(*op, &error))
                        continue;
                    if (!m_session) {
                        failAll(f, true);
                        break;
                    }
                }
                CommandResult r;
                r.failedStep = Step::Command;
                r.error = prefix(Step::Command) +
                          SshTransport::tr("could not open a channel: %1").arg(error);
                finishOp(*op, r);
            }
        }
        serviceOps();
        std::erase_if(m_ops, [](const std::shared_ptr<WorkerOp> &op) { return op->done; });
        keepalive();

        std::vector<pollfd> fds;
        fds.push_back({m_wakePipe[0], POLLIN, 0});
        const int sessionFd = m_session ? ssh_get_fd(m_session) : -1;
        if (sessionFd >= 0)
            fds.push_back({sessionFd, POLLIN, 0});
        bool running = false;
        for (const auto &op : m_ops) {
            if (!op->started)
                continue;
            running = true;
            if (op->kind == WorkerOp::Forward && op->fd >= 0) {
                short events = 0;
                if (!op->socketEof)
                    events |= POLLIN;
                if (!op->toSocket.isEmpty())
                    events |= POLLOUT;
                fds.push_back({op->fd, events, 0});
            }
        }
        int timeout = -1;
        if (running)
            timeout = 50;
        else if (m_probe)
            timeout = 100; // a keepalive waits for its answer
        else if (m_session && m_options.keepaliveMs > 0)
            timeout = int(std::max<qint64>(10, m_options.keepaliveMs - (now() - m_lastActivity)));
        ::poll(fds.data(), nfds_t(fds.size()), timeout);
        drainWake();
        if (!running && m_session && fds.size() > 1 &&
            (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            // Idle, yet the socket speaks: read it, which notices a closed connection.
            if (!processPackets()) {
                const QString why = sshError(m_session);
                dropSession();
                postState(HostState::Disconnected, why);
            }
        }
    }
    takeNewOps();
    for (auto &op : m_ops) {
        if (op->done)
            continue;
        CommandResult r;
        r.failedStep = Step::Cancelled;
        r.error = prefix(Step::Cancelled) + SshTransport::tr("Labdeck stopped the SSH connection");
        finishOp(*op, r);
    }
    m_ops.clear();
    dropSession();
}

} // namespace labdeck::ssh
