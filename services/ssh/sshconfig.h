#pragma once

#include <QString>
#include <QStringList>

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

    // "host" for port 22, else "[host]:port": the name known_hosts files use.
    [[nodiscard]] QString knownHostsName() const;
};

// The few ~/.ssh/config keywords Labdeck honours for an alias: HostName,
// User, Port and IdentityFile, in Host blocks (patterns with * and ?, and
// !negation). As in OpenSSH the first value found wins, except IdentityFile,
// which accumulates. Match blocks and Include are skipped (their settings do
// not apply). Plain value type; no I/O except reading the file once.
class SshConfig
{
public:
    struct Settings
    {
        QString hostName;
        QString user;
        int port = 0;              // 0: not set
        QStringList identityFiles; // as written (~ and %d, %h, %u, %r not expanded)
    };

    // Reads `file`; a missing file gives an empty config.
    [[nodiscard]] static SshConfig load(const QString &file);
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
    struct Block
    {
        QStringList patterns;
        QList<QPair<QString, QString>> entries; // lowercased keyword, value
    };
    QList<Block> m_blocks;
};

} // namespace labdeck::ssh
