#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace labdeck::ssh {

// Where one inventory host is reached over SSH, after ~/.ssh/config.
struct SshTarget
{
    QString inventoryHost; // "pochama": what errors name
    QString alias;         // what the inventory says ("pochama", a config alias or a name)
    QString hostName;      // what is connected to (config HostName, else the alias)
    QString user;          // never empty after resolve()
    int port = 22;
    QStringList identityFiles; // absolute paths, config first, else the default ~/.ssh/id_*
    bool identitiesFromConfig = false;

    // Host keys, from the config's UserKnownHostsFile, GlobalKnownHostsFile,
    // HostKeyAlias, StrictHostKeyChecking and HashKnownHosts.
    QString hostKeyAlias;                    // lowercased; empty: not set
    bool userKnownHostsFromConfig = false;   // userKnownHostsFiles replace ~/.ssh/known_hosts
    QStringList userKnownHostsFiles;         // absolute paths; empty with the flag: "none"
    bool globalKnownHostsFromConfig = false; // globalKnownHostsFiles replace the system file
    QStringList globalKnownHostsFiles;       // absolute paths; empty with the flag: "none"
    bool strictHostKeyChecking = false;      // "yes": an unknown key is refused, never asked about
    bool hashKnownHosts = false; // "yes": a remembered key is written with a hashed name

    // ProxyJump: the jump hosts, in order, each "[user@]host[:port]" as
    // written (checked: no option, no shell or ssh_config syntax); empty: a
    // direct connection. proxyProblem says why the connection must not be
    // tried (a ProxyJump that is not such a list, or a ProxyCommand, which
    // Labdeck does not run).
    QStringList proxyJump;
    QString proxyProblem;

    // The name known_hosts files use: the HostKeyAlias when set, else "host"
    // for port 22 and "[host]:port" for another port.
    [[nodiscard]] QString knownHostsName() const;
};

// The ~/.ssh/config keywords Labdeck honours for an alias: HostName, User,
// Port, IdentityFile, UserKnownHostsFile, GlobalKnownHostsFile, HostKeyAlias,
// StrictHostKeyChecking, HashKnownHosts and ProxyJump, in Host blocks (patterns with *
// and ?, and !negation), and Include (see load()). As in OpenSSH the first
// value found wins, except IdentityFile, which accumulates. Match blocks are
// skipped (their settings do not apply). Plain value type; no I/O except
// reading the files once in load().
class SshConfig
{
public:
    struct Settings
    {
        QString hostName;
        QString user;
        int port = 0;              // 0: not set
        QStringList identityFiles; // as written (~ and %d, %h, %u, %r not expanded)
        // As written; `none` is kept as the one word.
        QStringList userKnownHostsFiles;
        QStringList globalKnownHostsFiles;
        QString hostKeyAlias;
        QString strictHostKeyChecking; // lowercased: "yes", "ask", "accept-new", ...
        QString hashKnownHosts;        // lowercased: "yes", "no"
        QString proxyJump;             // as written; "none" kept
        QString proxyCommand;          // as written (not run; see SshTarget::proxyProblem)
    };

    // One ProxyJump hop: [user@]host[:port] with a host name, an IPv4
    // address or a bracketed IPv6 address; no leading '-' (an option to ssh).
    struct JumpHost
    {
        QString user; // empty: ssh's default
        QString host;
        int port = 0; // 0: ssh's default
    };
    [[nodiscard]] static std::optional<JumpHost> parseJumpHost(const QString &hop);

    // Include follows OpenSSH: glob patterns, ~ expanded with `homeDir`
    // (empty: the user's home), relative paths relative to <homeDir>/.ssh,
    // the included settings applying where the Include line stands (inside a
    // Host block only for the hosts it matches). At most kMaxIncludeDepth
    // nested files; each file is read up to kMaxConfigBytes.
    static constexpr int kMaxIncludeDepth = 16;
    static constexpr qint64 kMaxConfigBytes = 1024 * 1024;

    // Reads `file` and the files it includes; a missing file gives an empty config.
    [[nodiscard]] static SshConfig load(const QString &file, const QString &homeDir = {});
    // Text alone: Include lines are skipped (nothing is read from disk).
    [[nodiscard]] static SshConfig parse(const QByteArray &text);

    [[nodiscard]] Settings lookup(const QString &alias) const;

    // Resolves an inventory endpoint. `user`/`port` from the inventory win
    // when set (port 0 or 22 lets the config decide); `homeDir` expands ~ and
    // %d; `localUser` is the fallback user.
    [[nodiscard]] SshTarget resolve(const QString &inventoryHost, const QString &alias,
                                    const QString &user, int port, const QString &homeDir,
                                    const QString &localUser) const;

    // OpenSSH's host pattern match ("*.lab", "gpu-?", "!bad").
    [[nodiscard]] static bool matchPattern(const QString &host, const QString &pattern);

private:
    struct Entry
    {
        QString keyword; // lowercased
        QStringList args;
    };
    struct Block
    {
        // Every group must match: a Host line, and the Host lines of the
        // files that include this one.
        QList<QStringList> patternGroups;
        QList<Entry> entries;
    };
    void parseInto(const QByteArray &text, const QList<QStringList> &outer, const QString &homeDir,
                   int depth);
    QList<Block> m_blocks;
};

} // namespace labdeck::ssh
