#pragma once

// Private to services/ssh: ProxyJump. libssh 0.10 cannot hop through a jump
// host itself, so the link to the target is OpenSSH's `ssh -W host:port`
// through the hops, started without a shell (argv only, every hop checked
// by SshConfig::parseJumpHost), one end of a socket pair on its stdin and
// stdout and the other given to libssh (SSH_OPTIONS_FD). The jump hosts are
// checked by OpenSSH under the user's ~/.ssh/config and known_hosts, with
// BatchMode so that it never prompts; the target's key and login are still
// Labdeck's own, checked over the tunnel as for a direct connection.

#include "ssh/sshconfig.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <sys/types.h>

namespace labdeck::ssh {

class JumpProcess
{
public:
    // What ssh printed on stderr is kept up to this many bytes (the last ones).
    static constexpr int kErrorCap = 8 * 1024;

    // The ssh command line for target (whose proxyJump is not empty).
    // configFile: passed with -F when it exists, so that OpenSSH reads the
    // same file Labdeck did.
    [[nodiscard]] static QStringList arguments(const SshTarget &target, const QString &configFile,
                                               int connectTimeoutMs);

    // Starts it; nullptr with *error set when it cannot start. agentSocket:
    // SSH_AUTH_SOCK for ssh (empty: none).
    [[nodiscard]] static std::unique_ptr<JumpProcess>
    start(const SshTarget &target, const QString &configFile, int connectTimeoutMs,
          const QString &agentSocket, QString *error);

    JumpProcess(const JumpProcess &) = delete;
    JumpProcess &operator=(const JumpProcess &) = delete;
    // Ends ssh (SIGTERM, then SIGKILL after a second) and closes what it still owns.
    ~JumpProcess();

    // The socket for libssh (SSH_OPTIONS_FD).
    [[nodiscard]] int socket() const { return m_socket; }
    // libssh took the socket (it closes it when the session is freed).
    void releaseSocket() { m_socket = -1; }

    // What ssh said on stderr, waiting up to waitMs for it to exit first;
    // one line, trimmed, capped.
    [[nodiscard]] QString errorOutput(int waitMs);
    // The hops, for messages ("bastion" or "a,b").
    [[nodiscard]] QString hops() const { return m_hops; }

private:
    JumpProcess() = default;
    void readErrors();

    pid_t m_pid = -1;
    int m_socket = -1;
    int m_errors = -1;
    QByteArray m_errorText;
    QString m_hops;
};

} // namespace labdeck::ssh
