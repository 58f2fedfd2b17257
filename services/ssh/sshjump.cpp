#include "common/visibletext.h"
#include "ssh/logging_p.h"
#include "ssh/sshjump_p.h"
#include "ssh/sshtransport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace labdeck::ssh {

namespace {

// "host" or "[v6]" for ssh -W.
QString forwardHost(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

QStringList JumpProcess::arguments(const SshTarget &target, const QString &configFile,
                                   int connectTimeoutMs)
{
    QStringList argv{QStringLiteral("ssh")};
    if (!configFile.isEmpty() && QFileInfo(configFile).isFile())
        argv << QStringLiteral("-F") << configFile;
    const int timeoutSec = std::max(1, (connectTimeoutMs + 999) / 1000);
    argv << QStringLiteral("-o") << QStringLiteral("BatchMode=yes") // never a prompt
         << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=%1").arg(timeoutSec)
         << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=15") << QStringLiteral("-o")
         << QStringLiteral("ServerAliveCountMax=3") << QStringLiteral("-o")
         << QStringLiteral("ClearAllForwardings=yes") << QStringLiteral("-o")
         << QStringLiteral("ExitOnForwardFailure=yes") << QStringLiteral("-o")
         << QStringLiteral("PermitLocalCommand=no") << QStringLiteral("-W")
         << QStringLiteral("%1:%2").arg(forwardHost(target.hostName)).arg(target.port);
    const QStringList &hops = target.proxyJump;
    if (hops.size() > 1)
        argv << QStringLiteral("-J") << hops.mid(0, hops.size() - 1).join(QLatin1Char(','));
    const std::optional<SshConfig::JumpHost> last = SshConfig::parseJumpHost(hops.last());
    if (last && last->port > 0)
        argv << QStringLiteral("-p") << QString::number(last->port);
    if (last && !last->user.isEmpty())
        argv << QStringLiteral("-l") << last->user;
    // "--": nothing after it is an option, whatever the host is called.
    argv << QStringLiteral("--") << (last ? last->host : hops.last());
    return argv;
}

std::unique_ptr<JumpProcess> JumpProcess::start(const SshTarget &target, const QString &configFile,
                                                int connectTimeoutMs, const QString &agentSocket,
                                                QString *error)
{
    if (target.proxyJump.isEmpty()) {
        *error = SshTransport::tr("no jump host");
        return nullptr;
    }
    for (const QString &hop : target.proxyJump) {
        if (!SshConfig::parseJumpHost(hop)) {
            *error = SshTransport::tr("the jump host %1 is not [user@]host[:port]").arg(hop);
            return nullptr;
        }
    }
    // The target name goes to ssh -W: a host name or an address, nothing else.
    if (!SshConfig::parseJumpHost(target.hostName.contains(QLatin1Char(':'))
                                      ? QStringLiteral("[%1]").arg(target.hostName)
                                      : target.hostName)) {
        *error = SshTransport::tr("%1 is not a host name that can be reached through a jump host")
                     .arg(target.hostName);
        return nullptr;
    }
    const QStringList args = arguments(target, configFile, connectTimeoutMs);
    std::unique_ptr<JumpProcess> p(new JumpProcess);
    p->m_hops = target.proxyJump.join(QLatin1Char(','));

    int pair[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0 ||
        ::pipe2(errPipe, O_CLOEXEC) != 0) {
        *error = SshTransport::tr("could not make a socket for the jump host: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        closeFd(pair[0]);
        closeFd(pair[1]);
        return nullptr;
    }
    ::fcntl(errPipe[0], F_SETFL, ::fcntl(errPipe[0], F_GETFL) | O_NONBLOCK);

    std::vector<QByteArray> argStore;
    for (const QString &a : args)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    // The environment as it is, with Labdeck's agent socket.
    std::vector<QByteArray> envStore;
    for (char **e = environ; e && *e; ++e)
        if (std::strncmp(*e, "SSH_AUTH_SOCK=", 14) != 0)
            envStore.emplace_back(*e);
    if (!agentSocket.isEmpty())
        envStore.push_back("SSH_AUTH_SOCK=" + agentSocket.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pair[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pair[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group: a Ctrl+C in Labdeck's terminal is Labdeck's to handle.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    closeFd(pair[1]);
    closeFd(errPipe[1]);
    if (rc != 0) {
        closeFd(pair[0]);
        closeFd(errPipe[0]);
        *error = rc == ENOENT
                     ? SshTransport::tr("a jump host needs OpenSSH's ssh client, which is not "
                                        "installed (apt install openssh-client)")
                     : SshTransport::tr("could not start ssh for the jump host: %1")
                           .arg(QString::fromLocal8Bit(std::strerror(rc)));
        return nullptr;
    }
    p->m_pid = pid;
    p->m_socket = pair[0];
    p->m_errors = errPipe[0];
    qCDebug(lcSsh).noquote() << "jump to" << target.hostName << "through" << p->m_hops;
    return p;
}

JumpProcess::~JumpProcess()
{
    closeFd(m_socket);
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        QElapsedTimer t;
        t.start();
        int status = 0;
        while (::waitpid(m_pid, &status, WNOHANG) == 0) {
            if (t.elapsed() > 1000) {
                ::kill(m_pid, SIGKILL);
                ::waitpid(m_pid, &status, 0);
                break;
            }
            QThread::msleep(10);
        }
    }
    closeFd(m_errors);
}

void JumpProcess::readErrors()
{
    if (m_errors < 0)
        return;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(m_errors, buf, sizeof buf);
        if (n <= 0)
            break;
        m_errorText.append(buf, int(n));
        if (m_errorText.size() > kErrorCap)
            m_errorText = m_errorText.right(kErrorCap);
    }
}

QString JumpProcess::errorOutput(int waitMs)
{
    QElapsedTimer t;
    t.start();
    // ssh writes its reason as it exits: wait for that, briefly.
    while (m_pid > 0 && t.elapsed() < waitMs) {
        readErrors();
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_pid = -1;
            break;
        }
        pollfd p{m_errors, POLLIN, 0};
        ::poll(&p, 1, 20);
    }
    readErrors();
    QStringList lines;
    for (const QByteArray &line : m_errorText.split('\n')) {
        // The jump host's banner or reason: remote text, made visible.
        const QString text = VisibleText::escape(QString::fromLocal8Bit(line).trimmed());
        if (!text.isEmpty())
            lines << text;
    }
    return lines.join(QStringLiteral(" / ")).right(1000);
}

} // namespace labdeck::ssh
